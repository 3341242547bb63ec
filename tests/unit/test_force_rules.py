import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tilsyn.domain.catalogue import load_catalogue
from tilsyn.domain.errors import ValidationError
from tilsyn.domain.force import (
    EpisodeInput,
    EpisodeNotCovered,
    FormFacts,
    FormKind,
    FormStatus,
    Month,
    StaffInput,
    check_form_coverage,
    due_date,
    form_status,
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


def test_form_status():
    march = Month(2026, 3)
    f = lambda signed, sent=False, returned=False: FormFacts(frozenset(signed), sent, returned, march)  # noqa: E731
    assert form_status(f(set()), dt.date(2026, 3, 20)) is FormStatus.DRAFT
    assert form_status(f({2}), dt.date(2026, 3, 31)) is FormStatus.AWAITING_LEADER
    assert form_status(f({2, 3}, sent=True), dt.date(2026, 4, 20)) is FormStatus.SENT
    assert form_status(f({2, 3, 4}, sent=True), dt.date(2026, 4, 20)) is FormStatus.PROCESSED
    assert form_status(f({2}, returned=True), dt.date(2026, 4, 2)) is FormStatus.RETURNED
    assert form_status(f({2}), dt.date(2026, 4, 5)) is FormStatus.AWAITING_LEADER
    assert form_status(f({2}), dt.date(2026, 4, 6)) is FormStatus.OVERDUE
    acute = FormFacts(frozenset(), False, False, march, FormKind.ACUTE)
    assert form_status(acute, dt.date(2026, 9, 1)) is FormStatus.DRAFT
