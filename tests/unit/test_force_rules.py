import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tilsyn.domain.catalogue import load_catalogue
from tilsyn.domain.errors import ValidationError
from tilsyn.domain.force import (
    EpisodeInput,
    EpisodeNotCovered,
    FormKind,
    Month,
    StaffInput,
    check_form_coverage,
    due_date,
    is_late,
    registration_deadline,
    validate_episode,
)
from tilsyn.domain.permits import PermitTerms

CPH = ZoneInfo("Europe/Copenhagen")
CAT = load_catalogue("2010")
NOW = dt.datetime(2026, 3, 20, 12, 0, tzinfo=dt.timezone.utc)
ONE = (StaffInput("Pia Jensen", "Bakkegården", "SSA", True),)


def ep(**kw):
    base = dict(resident_id="r", force_type="127_retention", started_at=dt.datetime(2026, 3, 19, 22, 0, tzinfo=CPH),
                description="Ville gå ud om natten", staff=ONE)
    base.update(kw)
    return EpisodeInput(**base)


def codes(exc):
    return {e.code for e in exc.value.errors}


def test_deadline_is_end_of_the_next_day_in_copenhagen():
    started = dt.datetime(2026, 3, 10, 23, 30, tzinfo=CPH)
    assert registration_deadline(started) == dt.datetime(2026, 3, 12, 0, 0, tzinfo=CPH)
    assert not is_late(started, dt.datetime(2026, 3, 11, 23, 59, 59, tzinfo=CPH))
    assert is_late(started, dt.datetime(2026, 3, 12, 0, 0, tzinfo=CPH))
    # 00:30 Danish time on 1 March is still 28 February in UTC: the Danish day counts.
    early = dt.datetime(2026, 3, 1, 0, 30, tzinfo=CPH)
    assert registration_deadline(early) == dt.datetime(2026, 3, 3, tzinfo=CPH)
    # Across the switch to summer time (29 March 2026) the deadline is still local midnight.
    dst = dt.datetime(2026, 3, 28, 20, 0, tzinfo=CPH)
    assert registration_deadline(dst).utcoffset() == dt.timedelta(hours=2)
    assert registration_deadline(dst) == dt.datetime(2026, 3, 30, tzinfo=CPH)


def test_no_future_episode_and_end_not_before_start():
    with pytest.raises(ValidationError) as exc:
        validate_episode(ep(started_at=NOW + dt.timedelta(minutes=5)), CAT, NOW)
    assert "episode_in_future" in codes(exc)
    with pytest.raises(ValidationError) as exc:
        validate_episode(ep(ended_at=dt.datetime(2026, 3, 19, 21, 0, tzinfo=CPH)), CAT, NOW)
    assert codes(exc) == {"episode_end_before_start"}


def test_staff_needs_exactly_one_writer():
    with pytest.raises(ValidationError) as exc:
        validate_episode(ep(staff=()), CAT, NOW)
    assert codes(exc) == {"staff_required"}
    two = (StaffInput("Pia", is_writer=True), StaffInput("Ole", is_writer=True))
    with pytest.raises(ValidationError) as exc:
        validate_episode(ep(staff=two), CAT, NOW)
    assert codes(exc) == {"staff_one_writer"}
    none = (StaffInput("Pia"), StaffInput("Ole"))
    with pytest.raises(ValidationError) as exc:
        validate_episode(ep(staff=none), CAT, NOW)
    assert exc.value.errors[0].params["writers"] == 0
    ok = validate_episode(ep(staff=(StaffInput(" Pia  Jensen ", is_writer=True), StaffInput("Ole"))), CAT, NOW)
    assert ok.staff[0].name == "Pia Jensen"


def test_hygiene_needs_a_situation_from_the_catalogue():
    with pytest.raises(ValidationError) as exc:
        validate_episode(ep(force_type="126a_hygiene"), CAT, NOW)
    assert codes(exc) == {"situation_required"}
    assert validate_episode(ep(force_type="126a_hygiene", situation="tooth_brushing"), CAT, NOW).situation
    with pytest.raises(ValidationError) as exc:
        validate_episode(ep(situation="tooth_brushing"), CAT, NOW)
    assert codes(exc) == {"situation_not_applicable"}


def test_late_registration_needs_a_reason():
    old = dt.datetime(2026, 3, 17, 22, 0, tzinfo=CPH)
    with pytest.raises(ValidationError) as exc:
        validate_episode(ep(started_at=old), CAT, NOW)
    assert codes(exc) == {"late_reason_required"}
    assert validate_episode(ep(started_at=old, late_reason="Glemt i weekenden"), CAT, NOW).late_reason


def test_coverage_month_permit_and_type():
    permit = PermitTerms(frozenset({"127_retention"}), dt.date(2026, 3, 1), dt.date(2026, 3, 15), "2010")
    march = Month(2026, 3)
    inside = dt.datetime(2026, 3, 10, 8, 0, tzinfo=CPH)
    assert check_form_coverage("127_retention", inside, march, [permit]) is permit
    with pytest.raises(EpisodeNotCovered) as exc:
        check_form_coverage("127_retention", inside, Month(2026, 4), [permit])
    assert exc.value.params["reason"] == "not_in_month"
    with pytest.raises(EpisodeNotCovered) as exc:
        check_form_coverage("127_retention", dt.datetime(2026, 3, 16, 8, tzinfo=CPH), march, [permit])
    assert exc.value.params["reason"] == "no_active_permit"
    with pytest.raises(EpisodeNotCovered) as exc:
        check_form_coverage("128_belts", inside, march, [permit])
    assert exc.value.params["reason"] == "type_not_permitted"


def test_month_arithmetic_and_due_date():
    assert Month(2026, 12).next() == Month(2027, 1)
    assert Month(2026, 1).previous() == Month(2025, 12)
    assert Month(2024, 2).last_day == dt.date(2024, 2, 29)
    assert due_date(Month(2026, 12)) == dt.date(2027, 1, 5)
    assert due_date(Month(2026, 3), 10) == dt.date(2026, 4, 10)
    assert Month.parse("2026-03") == Month(2026, 3)


# -- issue 12: the workflow (tilsyn.domain.form_workflow) ------------------------------------------
from tilsyn.domain.form_workflow import (  # noqa: E402
    FormAction as FA,
    Mark,
    ReopenNeedsReason,
    WorkflowFacts,
    WorkflowState as WS,
    allowed_actions,
    change_plan,
    check_change,
    form_marks,
    workflow_state,
)
from tilsyn.domain.roles import Role  # noqa: E402

STATE_FACTS = {
    WS.DRAFT: WorkflowFacts(frozenset(), 1, False, False, month_over=False),
    WS.AWAITING_STAFF: WorkflowFacts(frozenset(), 1, False, False, month_over=True),
    WS.AWAITING_LEADER: WorkflowFacts(frozenset({2}), 1, False, False, month_over=True),
    WS.READY_TO_SEND: WorkflowFacts(frozenset({2, 3}), 1, False, False, month_over=True),
    WS.SENT: WorkflowFacts(frozenset({2, 3}), 1, True, False, month_over=True),
    WS.RETURNED: WorkflowFacts(frozenset({2}), 1, False, True, month_over=True),
    WS.PROCESSED: WorkflowFacts(frozenset({2, 3, 4}), 1, True, False, month_over=True),
}
E, S2, L, S3, SEND = FA.EDIT_EPISODES, FA.SIGN_EPISODES, FA.EDIT_LEADER, FA.SIGN_LEADER, FA.SEND
ALLOWED = {  # state -> role -> what the role may do on a form of its care home
    WS.DRAFT: {Role.STAFF: {E, S2}, Role.LEADER: {E, S2, L}},
    WS.AWAITING_STAFF: {Role.STAFF: {E, S2}, Role.LEADER: {E, S2, L}},
    WS.AWAITING_LEADER: {Role.STAFF: {E}, Role.LEADER: {E, L, S3}},
    WS.READY_TO_SEND: {Role.STAFF: {FA.REQUEST_REOPEN}, Role.LEADER: {E, L, SEND}},
    WS.SENT: {Role.STAFF: {FA.REQUEST_REOPEN}, Role.LEADER: {FA.REOPEN},
              Role.CASEWORKER: {FA.EDIT_AUTHORITY, FA.PROCESS, FA.SEND_BACK}},
    WS.RETURNED: {Role.STAFF: {E}, Role.LEADER: {E, L, S3}},
    WS.PROCESSED: {Role.STAFF: {FA.REQUEST_REOPEN}, Role.LEADER: {FA.REOPEN}, Role.CASEWORKER: {FA.EDIT_AUTHORITY}},
}


@pytest.mark.parametrize("state", list(WS))
def test_each_state_is_computed_from_its_facts(state):
    assert workflow_state(STATE_FACTS[state]) is state


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("state", list(WS))
def test_allowed_actions_for_every_state_and_role(state, role):
    expected = ALLOWED[state].get(role, set())
    assert allowed_actions(STATE_FACTS[state], role) == frozenset(expected)
    assert allowed_actions(STATE_FACTS[state], role, in_scope=False) == frozenset()


def test_a_pending_request_lets_the_leader_decide():
    f = WorkflowFacts(frozenset({2, 3, 4}), 1, True, False, month_over=True, reopen_requested=True)
    assert FA.DECIDE_REOPEN in allowed_actions(f, Role.LEADER)
    assert FA.DECIDE_REOPEN not in allowed_actions(f, Role.STAFF)
    assert form_marks(f) == {Mark.REOPEN_REQUESTED}


def test_the_leaders_signature_makes_the_form_ready_to_send_not_awaiting_leader():
    assert workflow_state(WorkflowFacts(frozenset({2, 3}), 1, False, False, month_over=True)) is WS.READY_TO_SEND


def test_overdue_is_a_mark_beside_the_state_never_the_state():
    f = WorkflowFacts(frozenset(), 1, False, True, month_over=True, overdue_date=True)
    assert workflow_state(f) is WS.AWAITING_STAFF
    assert form_marks(f) == {Mark.OVERDUE, Mark.RETURNED}
    sent = WorkflowFacts(frozenset({2, 3}), 1, True, False, month_over=True, overdue_date=True)
    assert form_marks(sent) == frozenset()  # at the authority: not late any more
    acute = WorkflowFacts(frozenset(), 1, False, False, month_over=False, monthly=False, overdue_date=True)
    assert workflow_state(acute) is WS.AWAITING_STAFF and form_marks(acute) == frozenset()


def test_a_reopened_form_is_marked_until_it_is_sent_again():
    f = WorkflowFacts(frozenset({2}), 2, False, False, month_over=True, reopened=True)
    assert workflow_state(f) is WS.AWAITING_LEADER and form_marks(f) == {Mark.REOPENED}


@pytest.mark.parametrize("state,section,voids,reopens", [
    (WS.PROCESSED, 2, (2, 3, 4), True),
    (WS.PROCESSED, 3, (3, 4), True),
    (WS.SENT, 2, (2, 3), True),
    (WS.SENT, 1, (2, 3), True),
    (WS.READY_TO_SEND, 2, (2, 3), False),
    (WS.AWAITING_LEADER, 3, (), False),
    (WS.DRAFT, 2, (), False),
])
def test_what_a_change_voids_and_who_signs_again(state, section, voids, reopens):
    plan = change_plan(STATE_FACTS[state], section)
    assert plan.voids == voids and plan.reopens is reopens and plan.from_state is state
    assert [r for _, r in plan.sign_again] == [{2: Role.STAFF, 3: Role.LEADER, 4: Role.CASEWORKER}[s] for s in voids]


def test_a_change_that_reopens_needs_a_reason():
    with pytest.raises(ReopenNeedsReason) as exc:
        check_change(STATE_FACTS[WS.PROCESSED], 2, "  ")
    assert exc.value.code == "form_reopen_needs_reason"
    assert exc.value.params == {"sections": [2, 3, 4], "state": "processed", "section": 2}
    assert check_change(STATE_FACTS[WS.PROCESSED], 2, "Fundet i vagtbogen").reopens
    assert not check_change(STATE_FACTS[WS.READY_TO_SEND], 2, "").reopens


# -- signing or sending only while earlier signed sections still match (domain/signing.py) ----------


def test_signing_and_sending_refused_while_an_earlier_signed_section_no_longer_matches():
    from tilsyn.domain.errors import DomainError
    from tilsyn.domain.signing import (
        SIGNED_MISMATCH, SIGNED_VALID, UNSIGNED, Binding, check_signed_still_match,
    )

    ok, bad, none = Binding(SIGNED_VALID), Binding(SIGNED_MISMATCH, ("necessity",)), Binding(UNSIGNED)
    check_signed_still_match({1: ok, 2: ok, 3: none, 4: none}, 3)
    check_signed_still_match({1: ok, 2: ok, 3: bad, 4: none}, 3)  # only earlier sections count
    check_signed_still_match({1: ok, 2: ok, 3: ok, 4: none})
    with pytest.raises(DomainError) as exc:
        check_signed_still_match({1: ok, 2: ok, 3: bad, 4: none}, 4)
    assert exc.value.code == "signed_section_changed" and exc.value.params == {"section": 3, "target": 4}
    with pytest.raises(DomainError) as exc:
        check_signed_still_match({1: bad, 2: bad, 3: ok, 4: none})
    assert exc.value.code == "signed_section_changed_send" and exc.value.params == {"section": 1}


def test_the_form_state_rule_lives_only_in_form_workflow():
    import tilsyn.domain.force as force_rules

    assert not hasattr(force_rules, "form_status") and not hasattr(force_rules, "FormFacts")


def test_nothing_is_offered_on_top_of_a_section_that_no_longer_matches():
    """Issue 10.1: sign and send are not offered while an earlier signed section's content has
    changed since it was signed; the section must be corrected and signed again first."""
    from dataclasses import replace

    from tilsyn.domain.form_workflow import FormAction, WorkflowFacts, allowed_actions

    ready = WorkflowFacts(frozenset({2, 3}), 2, False, False, True)
    assert FormAction.SEND in allowed_actions(ready, Role.LEADER)
    assert FormAction.SEND not in allowed_actions(replace(ready, mismatched=frozenset({2})), Role.LEADER)
    awaiting = WorkflowFacts(frozenset({2}), 2, False, False, True)
    assert FormAction.SIGN_LEADER in allowed_actions(awaiting, Role.LEADER)
    assert FormAction.SIGN_LEADER not in allowed_actions(replace(awaiting, mismatched=frozenset({1})), Role.LEADER)
    sent = WorkflowFacts(frozenset({2, 3}), 2, True, False, True)
    assert FormAction.PROCESS in allowed_actions(sent, Role.CASEWORKER)
    assert FormAction.PROCESS not in allowed_actions(replace(sent, mismatched=frozenset({3})), Role.CASEWORKER)
    # Sending back stays possible: that is how the municipality asks for the correction.
    assert FormAction.SEND_BACK in allowed_actions(replace(sent, mismatched=frozenset({3})), Role.CASEWORKER)
