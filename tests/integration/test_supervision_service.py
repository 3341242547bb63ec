"""SupervisionService on a migrated database (SQLite, and PostgreSQL when enabled): a whole visit,
sampling recorded and verifiable, refusal and replacement, redraw, the relatives' sample,
interviews with autosave, protocol versions, status rules and planning."""

from __future__ import annotations

import hashlib
import json
import random

import pytest
from sqlalchemy import text

from supervision_support import D, NAMES, NARRATIVE, build, full_visit
from tilsyn.domain.errors import DomainError, ValidationError
from tilsyn.messages import text_for
from tilsyn.services.app import close_app, open_app


@pytest.fixture
def w(ctx):
    return build(ctx)


def codes(err) -> list[str]:
    return [e.code for e in err.errors] if isinstance(err, ValidationError) else [err.code]


def test_a_whole_visit_from_programme_to_final_report(w):
    ids = full_visit(w)
    svc = w.svc
    v = svc.visit(ids["visit"])
    assert (v.status, v.status_label, v.conducted_on, v.unannounced) == ("final", "Endelig", D(2026, 3, 10), True)
    assert [c.full_name for c in v.consultants] == ["Karl Konsulent"]
    assert v.consultation.reply_text == "Vi er enige og går i gang med gåturene."
    assert v.consultation.replied_by == "Lene Leder"
    assert [i.respondent_code for i in v.interviews] == ["B1", "B2", "P1", "M1", "M2", "M3", "M4", "M5"]
    assert all(i.finished for i in v.interviews)
    f = svc.findings(ids["visit"])
    residents, relatives = f.groups
    assert (residents.kind, residents.respondents, residents.score) == ("resident", 2, 63.94)
    assert [(g.goal_id, g.score, g.share_satisfied) for g in residents.goals] == [
        ("hjaelp", 58.33, 60.0), ("forstaaelse", 66.5, 50.0), ("dialog", 67.0, 100.0)]
    assert [(g.goal_id, g.score) for g in relatives.goals] == [
        ("hjaelp", 75.0), ("forstaaelse", 100.0), ("dialog", 100.0), ("magt-princip", 75.0)]
    assert (f.home_score, f.home_share_satisfied) == (77.4, 73.33)
    assert [c.text for c in f.conclusions] == ["Beboerne oplever respekt for deres ønsker.", "Træningen fylder for lidt."]
    assert [d.text for d in f.development_areas] == ["Daglig træning"]
    assert [(a.action, a.responsible, a.due_on, a.status_label) for a in f.action_items] == [
        ("Gåture tre gange om ugen", "Afdelingsleder", D(2026, 6, 1), "Ikke påbegyndt")]
    assert [(n.goal_id, n.rating_label) for n in f.goal_notes] == [
        ("hjaelp", "Mindre tilfredsstillende"), ("dialog", "Tilfredsstillende")]
    assert f.staff_evaluation.met and [r.share for r in f.staff_evaluation.rows] == [75.0, 100.0, 100.0, 75.0]
    assert [d.respondent_code for d in f.dialogue] == ["M1", "M1"]
    # Follow-up: the action plan is followed up in "Opfølgning" and a new visit is planned.
    w.at(D(2026, 6, 2))
    follow = svc.plan_follow_up(ids["visit"], D(2026, 9, 1))
    assert (follow.status, follow.follow_up_of_id) == ("planned", ids["visit"])
    assert svc.visit(ids["visit"]).status == "follow_up"
    assert svc.visit(ids["visit"]).follow_up_visit_ids == (follow.id,)
    item = f.action_items[0]
    done = svc.update_action_item(ids["visit"], item.id, action=item.action, responsible=item.responsible,
                                  due_on=item.due_on, status="done")
    assert (done.status_label, done.done_on) == ("Udført", D(2026, 6, 2))


def frame_ids(w, home=0):
    """Residents of the home living there on 10 March 2026, computed here from the fixture data."""
    from supervision_support import RESIDENTS

    return {w.residents[i] for i, r in enumerate(RESIDENTS)
            if r[2] == home and r[3] <= D(2026, 3, 10) and (r[4] is None or r[4] >= D(2026, 3, 10))}


def setup_visit(w, size=3, seed=2011):
    w.login("karl")
    w.at(D(2026, 3, 2))
    p = w.svc.create_programme(2026, sample_total=5, sample_min=2, sample_max=3)
    v = w.svc.plan_visit(p.id, w.homes[0], D(2026, 3, 10))
    return p, v, w.svc.draw_sample(v.id, seed, size=size)


def test_the_draw_is_recorded_and_anyone_can_recompute_it(w, ctx):
    p, v, d = setup_visit(w)
    assert d.frame_size == 8 and d.seed == "2011" and d.visit_date == D(2026, 3, 10)
    rules = dict(d.frame_rules)
    assert rules["visit_date"] == "2026-03-10" and rules["living_in_home_on_visit_date"] == "true"
    # Recompute with nothing but hashlib, from the stored frame, in a shuffled order.
    with ctx.uow_factory() as uow:
        row = uow.session.execute(text("select frame_snapshot, seed from sample_draw")).one()
    frame = json.loads(row[0])
    assert set(frame) == frame_ids(w)
    random.Random(4).shuffle(frame)
    expected = sorted(frame, key=lambda r: hashlib.sha256(f"{row[1]}|{p.id}|{r}".encode()).hexdigest())[:3]
    assert [m.resident_id for m in d.members] == expected
    assert [m.rank for m in d.members] == [1, 2, 3]
    assert w.svc.verify_draw(d.id).match
    # The screen shows names; they come only from the resident table.
    assert {m.name for m in d.members} <= set(NAMES)


def test_verify_reports_a_tampered_sample(w, ctx):
    _, _, d = setup_visit(w)
    other = next(r for r in frame_ids(w) if r not in {m.resident_id for m in d.members})
    with ctx.uow_factory() as uow:
        uow.session.execute(text("update sample_member set resident_id = :r where rank = 2"),
                            {"r": other if uow.session.bind.dialect.name == "postgresql" else other.replace("-", "")})
        uow.commit()
    result = w.svc.verify_draw(d.id)
    assert not result.match
    assert result.mismatches == ((2, other, d.members[1].resident_id),)


def test_refusal_is_logged_and_the_next_in_rank_replaces(w, ctx):
    _, v, d = setup_visit(w)
    first = d.members[0]
    after = w.svc.refuse_member(first.id, "declined", "Ønskede ikke besøg i dag")
    refused = after.members[0]
    assert (refused.status, refused.status_label, refused.reason_label, refused.reason_note) == (
        "replaced", "Erstattet", "Ønsker ikke at deltage", "Ønskede ikke besøg i dag")
    new = after.members[-1]
    assert (new.rank, new.status, new.replaces_id) == (4, "drawn", first.id)
    with ctx.uow_factory() as uow:
        frame = json.loads(uow.session.execute(text("select frame_snapshot from sample_draw")).scalar_one())
    ranking = sorted(frame, key=lambda r: hashlib.sha256(f"2011|{d.programme_id}|{r}".encode()).hexdigest())
    assert new.resident_id == ranking[3]
    assert after.resident_ids == tuple(ranking[1:4])
    assert w.svc.verify_draw(d.id).match  # replacements keep the draw verifiable
    with pytest.raises(DomainError) as exc:
        w.svc.refuse_member(first.id, "ill")
    assert exc.value.code == "member_not_drawn"
    with pytest.raises(DomainError) as exc:
        w.svc.start_interview(v.id, member_id=first.id)
    assert exc.value.code == "member_not_available"
    with pytest.raises(DomainError) as exc:
        w.svc.refuse_member(new.id, "other", "  ")
    assert exc.value.code == "refusal_note_required"
    no_replace = w.svc.refuse_member(new.id, "ill", replace=False)
    assert no_replace.members[-1].status == "refused" and len(no_replace.members) == 4
    # The audit log has the refusal with its reason.
    with ctx.uow_factory() as uow:
        entries = uow.audit.for_entity("sample_member", first.id)
        assert any("declined" in (e.changes or "") and e.actor_name.startswith("Karl Konsulent") for e in entries)


def test_replacements_run_out_when_the_frame_is_used_up(w):
    _, v, d = setup_visit(w, size=8)
    last = w.svc.refuse_member(d.members[0].id, "ill")
    assert last.members[0].status == "refused"  # nobody left to replace with
    assert len(last.members) == 8


def test_redraw_needs_a_reason_and_keeps_the_old_draw(w):
    _, v, d = setup_visit(w)
    with pytest.raises(DomainError) as exc:
        w.svc.redraw(d.id, 7, "  ")
    assert exc.value.code == "redraw_reason_required"
    with pytest.raises(DomainError) as exc:
        w.svc.draw_sample(v.id, 7)
    assert exc.value.code == "sample_exists"
    new = w.svc.redraw(d.id, 7, "Beboerlisten var ikke opdateret")
    assert new.current and new.seed == "7" and new.size == 3
    all_draws = w.svc.draws(v.id, include_superseded=True)
    old = next(x for x in all_draws if x.id == d.id)
    assert (old.current, old.superseded_by_id, old.redraw_reason) == (
        False, new.id, "Beboerlisten var ikke opdateret")
    assert [x.id for x in w.svc.draws(v.id)] == [new.id]
    assert w.svc.verify_draw(d.id).match and w.svc.verify_draw(new.id).match
    with pytest.raises(DomainError) as exc:
        w.svc.refuse_member(old.members[0].id, "ill")
    assert exc.value.code == "draw_superseded"
    i = w.svc.start_interview(v.id, member_id=new.members[0].id)
    assert i.respondent_code == "B1"
    with pytest.raises(DomainError) as exc:
        w.svc.redraw(new.id, 8, "Forkert antal beboere")
    assert exc.value.code == "sample_in_use"


def test_exclusions_are_recorded_with_reasons(w):
    w.login("karl")
    w.at(D(2026, 3, 2))
    p = w.svc.create_programme(2026)
    v = w.svc.plan_visit(p.id, w.homes[0], D(2026, 3, 10))
    d = w.svc.draw_sample(v.id, 1, size=8, exclusions={w.bo: ("hospital", "Indlagt")})
    assert d.frame_size == 7 and w.bo not in d.resident_ids
    assert [(e.resident_id, e.reason_label, e.note) for e in d.exclusions] == [(w.bo, "Indlagt på hospital", "Indlagt")]
    assert w.svc.verify_draw(d.id).match and w.svc.verify_draw(d.id).frame_unchanged


def test_relatives_sample_comes_from_residents_with_force_in_the_last_12_months(w):
    _, v, _ = setup_visit(w)
    d = w.svc.draw_sample(v.id, 2011, kind="relative", size=5)
    # Jens and Anna had force in February 2026; Anna has no relative; Bo had none.
    assert d.resident_ids == (w.jens,) and d.frame_size == 1
    assert [(e.resident_id, e.reason) for e in d.exclusions] == [(w.anna, "no_relative")]
    assert dict(d.frame_rules)["registered_force_between"] == '["2025-03-10", "2026-03-10"]'
    contacts = w.svc.relative_contacts(d.members[0].id)
    assert [(c.name, c.relation, c.phone) for c in contacts] == [("Ulla Ærø Hansen", "Datter", "20304050")]
    i = w.svc.start_interview(v.id, member_id=d.members[0].id)
    assert (i.respondent_code, i.kind, i.protocol_key) == ("P1", "relative", "relative-phone-2011@1")
    # A year later the February 2026 episodes are outside the window: nobody is eligible.
    w.at(D(2027, 3, 2))
    p27 = w.svc.create_programme(2027)
    v27 = w.svc.plan_visit(p27.id, w.homes[0], D(2027, 3, 10))
    assert w.svc.draw_sample(v27.id, 1, kind="relative").frame_size == 0
    # Nothing of the episodes reaches the consultant.
    assert NARRATIVE not in repr(d) + repr(contacts) + repr(i)


def test_interviews_autosave_each_answer(w, db_url):
    _, v, d = setup_visit(w)
    i = w.svc.start_interview(v.id, member_id=d.members[0].id)
    assert [g.id for g in i.goals] == ["hjaelp", "forstaaelse", "dialog"]
    with pytest.raises(DomainError) as exc:
        w.svc.save_answer(i.id, "dialog", "hoej_grad")
    assert exc.value.code == "consent_missing"
    w.svc.record_consent(i.id, True, "Mundtligt samtykke")
    w.svc.save_answer(i.id, "tilfredshed", "tilfreds", "Godt", item_id="personlige")
    # Another connection (as after a crash) sees the answer at once.
    other = open_app(db_url, clock=w.ctx.clock, actor=w.ctx.user)
    try:
        from tilsyn.services.supervision import SupervisionService

        seen = SupervisionService(other.context).interview(i.id)
        assert [(a.question_id, a.item_id, a.option_code, a.option_label, a.score, a.free_text)
                for a in seen.answers] == [("tilfredshed", "personlige", "tilfreds", "Tilfreds", 75, "Godt")]
    finally:
        close_app(other.context)
    for bad, code in ((("tilfredshed", "nope", "personlige"), "unknown_option"),
                      (("tilfredshed", "tilfreds", "haven"), "unknown_item"),
                      (("nope", "tilfreds", ""), "unknown_question")):
        with pytest.raises(DomainError) as exc:
            w.svc.save_answer(i.id, bad[0], bad[1], item_id=bad[2])
        assert exc.value.code == code
    # Changing an answer updates the slot; free text alone is allowed too.
    dto = w.svc.save_answer(i.id, "tilfredshed", "meget_tilfreds", "Rigtig godt", item_id="personlige")
    dto = w.svc.save_answer(i.id, "dialog", None, "Svært at svare på")
    assert [(a.question_id, a.option_code, a.score) for a in dto.answers] == [
        ("dialog", "", None), ("tilfredshed", "meget_tilfreds", 100)]
    done = w.svc.finish_interview(i.id)
    assert done.finished_at is not None
    with pytest.raises(DomainError) as exc:
        w.svc.save_answer(i.id, "dialog", "hoej_grad")
    assert exc.value.code == "interview_finished"
    member = w.svc.draw(d.id).members[0]
    assert (member.status, member.respondent_code, member.interview_id) == ("interviewed", "B1", i.id)


def test_refused_consent_keeps_the_interview_empty_and_lets_the_member_be_replaced(w):
    _, v, d = setup_visit(w)
    i = w.svc.start_interview(v.id, member_id=d.members[0].id)
    w.svc.record_consent(i.id, False, "Vil ikke")
    with pytest.raises(DomainError) as exc:
        w.svc.save_answer(i.id, "dialog", "hoej_grad")
    assert exc.value.code == "consent_refused"
    after = w.svc.refuse_member(d.members[0].id, "no_consent")
    assert after.members[0].status == "replaced" and after.members[-1].rank == 4
    nxt = w.svc.start_interview(v.id, member_id=after.members[-1].id)
    assert nxt.respondent_code == "B2"  # codes are never reused
    with pytest.raises(DomainError) as exc:
        w.svc.start_interview(v.id)
    assert exc.value.code == "interview_needs_member"


def test_status_rules_in_the_service(w):
    _, v, d = setup_visit(w)
    with pytest.raises(DomainError) as exc:
        w.svc.start_report(v.id)
    assert exc.value.code == "visit_status"
    with pytest.raises(DomainError) as exc:
        w.svc.mark_conducted(v.id, D(2026, 3, 12))
    assert exc.value.code == "visit_in_future"
    w.at(D(2026, 3, 10))
    w.svc.mark_conducted(v.id)
    # Relatives are phoned after the visit: refusals and replacements still work when conducted.
    assert w.svc.refuse_member(d.members[2].id, "ill").members[-1].rank == 4
    w.svc.start_report(v.id)
    with pytest.raises(DomainError) as exc:
        w.svc.start_interview(v.id, member_id=d.members[0].id)
    assert exc.value.code == "visit_locked_interview"
    with pytest.raises(DomainError) as exc:
        w.svc.refuse_member(d.members[0].id, "ill")
    assert exc.value.code == "visit_locked_sampling"
    with pytest.raises(DomainError) as exc:
        w.svc.send_for_consultation(v.id)
    assert exc.value.code == "conclusions_required"
    w.svc.set_conclusions(v.id, ["Godt besøg"])
    with pytest.raises(DomainError) as exc:
        w.svc.send_for_consultation(v.id, D(2026, 3, 10))
    assert exc.value.code == "consultation_deadline"
    sent = w.svc.send_for_consultation(v.id)
    assert sent.consultation.deadline == D(2026, 3, 24)  # 14 days
    with pytest.raises(DomainError) as exc:
        w.svc.set_conclusions(v.id, ["Ændret"])
    assert exc.value.code == "visit_locked_findings"
    with pytest.raises(DomainError) as exc:
        w.svc.finalise(v.id)
    assert exc.value.code == "consultation_open"
    back = w.svc.return_to_draft(v.id, "Lederen bad om en rettelse")
    assert back.status == "draft_report"
    w.svc.send_for_consultation(v.id, D(2026, 3, 20))
    w.at(D(2026, 3, 21))  # deadline passed without a reply
    assert w.svc.finalise(v.id).status == "final"
    with pytest.raises(ValidationError) as exc:
        w.svc.add_action_item(v.id, " ", "", None)
    assert codes(exc.value) == ["required"]
    with pytest.raises(DomainError) as exc:
        w.svc.set_result(v.id, "tilfredsstillende")
    assert exc.value.code == "visit_locked_findings"


def test_programme_rules(w):
    w.login("karl")
    w.at(D(2026, 1, 5))
    p = w.svc.create_programme(2026)
    assert p.theme_id == "vaerdighed" and p.theme_title == "Værdighedsprincippet"
    assert p.protocols == ("relative-phone-2011@1", "resident-2011@1", "staff-dialogue-2011@1",
                           "staff-evaluation-monthly-form-2011@1")
    assert (p.sample_total, p.sample_min, p.sample_max) == (120, 3, 6)
    with pytest.raises(DomainError) as exc:
        w.svc.create_programme(2026)
    assert exc.value.code == "programme_exists"
    p12 = w.svc.create_programme(2012)
    assert p12.theme_title.startswith("Mindst mulig indgribende")
    with pytest.raises(ValidationError) as exc:
        w.svc.create_programme(2030, sample_min=5, sample_max=4)
    assert codes(exc.value) == ["sample_bounds"]
    with pytest.raises(DomainError) as exc:
        w.svc.create_programme(2031, theme_id="ukendt")
    assert exc.value.code == "unknown_theme"
    with pytest.raises(DomainError) as exc:
        w.svc.plan_visit(p.id, w.homes[0], D(2026, 2, 2), consultant_ids=[w.user_ids["lene"]])
    assert exc.value.code == "not_consultant"
    assert [c.full_name for c in w.svc.consultants()] == ["Karl Konsulent", "Kim Konsulent"]


def test_planning_overview(w):
    w.login("karl")
    w.at(D(2025, 4, 1))
    p25 = w.svc.create_programme(2025)
    v = w.svc.plan_visit(p25.id, w.homes[1], D(2025, 4, 1))
    w.svc.mark_conducted(v.id, D(2025, 4, 1))
    w.svc.set_result(v.id, "kritisabel")
    w.at(D(2026, 3, 1))
    plan = w.svc.planning_overview()
    rows = {r.care_home_name: r for r in plan.rows}
    assert plan.first_programme_year == 2025
    # Bakkegården never visited: due now. Solgården: critical result in April 2025 -> due October 2025.
    assert (rows["Bakkegården"].status, rows["Bakkegården"].due_on, rows["Bakkegården"].reason_label) == (
        "due_now", D(2026, 3, 1), "Aldrig besøgt")
    assert (rows["Solgården"].status, rows["Solgården"].due_on, rows["Solgården"].last_result_label) == (
        "overdue", D(2025, 10, 1), "Kritisable forhold")
    assert [r.care_home_name for r in plan.overdue] == ["Solgården", "Bakkegården"]  # most urgent first
    p26 = w.svc.create_programme(2026)
    planned = w.svc.plan_visit(p26.id, w.homes[0], D(2026, 3, 20))
    later = w.svc.planning_overview(D(2026, 3, 5))
    assert next(r for r in later.rows if r.care_home_name == "Bakkegården").planned_visit_id == planned.id
    # A good result moves the next visit two years on.
    w.at(D(2026, 3, 20))
    w.svc.mark_conducted(planned.id)
    w.svc.set_result(planned.id, "meget_tilfredsstillende")
    row = next(r for r in w.svc.planning_overview().rows if r.care_home_name == "Bakkegården")
    assert (row.due_on, row.reason, row.status) == (D(2028, 3, 20), "interval", "ok")


def test_choices_for_the_screens(w):
    w.login("karl")
    w.at(D(2026, 3, 2))
    p = w.svc.create_programme(2026, theme_id="selvbestemmelse")
    v = w.svc.plan_visit(p.id, w.homes[0], D(2026, 3, 10))
    assert [(g.id, g.short_title) for g in w.svc.visit_goals(v.id)] == [
        ("hjaelp", "Tilfredshed med hjælpen"), ("forstaaelse", "Forståelse for ønsker"), ("dialog", "Åben dialog"),
        ("magt-princip", "Magtanvendelse")]
    assert w.svc.visit_goals(v.id)[-1].questions[0].id == "princip-2013"
    assert [o.label for o in w.svc.rating_options()] == [
        "Kritisable forhold", "Mindre tilfredsstillende", "Tilfredsstillende", "Meget tilfredsstillende"]
    assert ("declined", "Ønsker ikke at deltage") in w.svc.refusal_reasons()
    assert "no_relative" not in dict(w.svc.exclusion_reasons())
    staff = w.svc.start_interview(v.id, kind="staff_dialogue")
    assert staff.respondent_code == "M1"
    assert [q.id for g in staff.goals for q in g.questions][-1] == "princip-2013"
    assert [p.kind for p in w.svc.protocols()] == ["resident", "resident", "relative", "relative", "staff_dialogue",
                                                   "staff_evaluation"]
    assert [p.key for p in w.svc.protocols() if p.default] == [
        "resident-2011@1", "relative-phone-2011@1", "staff-dialogue-2011@1", "staff-evaluation-monthly-form-2011@1"]
    assert {s.id for s in w.svc.scales()} >= {"satisfaction-2011", "rating-2011"}


def test_a_resident_deleted_later_leaves_the_draw_verifiable(w):
    from tilsyn.services.residents import ResidentService

    _, v, d = setup_visit(w, size=8)
    dora = w.residents[3]
    assert dora in d.resident_ids
    w.login("admin")
    ResidentService(w.ctx).delete(dora)
    w.login("karl")
    after = w.svc.draw(d.id)
    assert dora not in after.resident_ids and len(after.members) == 8
    assert [m.name for m in after.members if m.resident_id is None] == [""]
    result = w.svc.verify_draw(d.id)
    assert result.match and not result.frame_unchanged


# -- issue 13 ------------------------------------------------------------------------------------


def test_the_default_size_is_the_homes_share_a_zero_sample_is_refused_and_a_redraw_has_its_own_size(w):
    w.login("karl")
    w.at(D(2026, 3, 2))
    p = w.svc.create_programme(2026, sample_total=5, sample_min=2, sample_max=3)
    v = w.svc.plan_visit(p.id, w.homes[0], D(2026, 3, 10))
    other = w.svc.plan_visit(p.id, w.homes[1], D(2026, 3, 12))
    # Bakkegården has 8 on the visit date, Solgården 5: 5 in all gives 3 and 2.
    assert (v.proposed_sample_size, v.proposed_relatives_size) == (3, 2)
    assert w.svc.visit(other.id).proposed_sample_size == 2
    with pytest.raises(DomainError) as exc:
        w.svc.draw_sample(v.id, 11, size=0)
    assert exc.value.code == "sample_size_zero"
    d = w.svc.draw_sample(v.id, 11)
    assert (d.size, len(d.members)) == (3, 3)
    with pytest.raises(DomainError) as exc:
        w.svc.redraw(d.id, 12, "Forkert beboerliste", size=0)
    assert exc.value.code == "sample_size_zero"
    new = w.svc.redraw(d.id, 12, "Forkert beboerliste", size=5)
    assert (new.size, len(new.members), new.seed) == (5, 5, "12")
    assert [x.size for x in w.svc.draws(v.id, include_superseded=True)] == [3, 5]


def test_a_visit_is_re_dated_with_the_frame_following_until_the_draw_or_cancelled_with_a_reason(w, ctx):
    w.login("karl")
    w.at(D(2026, 3, 2))
    p = w.svc.create_programme(2026)
    v = w.svc.plan_visit(p.id, w.homes[0], D(2026, 3, 10))
    for day, code in ((D(2026, 3, 14), "visit_date_weekend"), (D(2026, 4, 6), "visit_date_holiday"),
                      (D(2027, 3, 10), "visit_date_outside_year")):
        with pytest.raises(DomainError) as exc:
            w.svc.update_visit(v.id, planned_on=day)
        assert exc.value.code == code
    # Karen Kro moves in on 20 March: moved to the 23rd before the draw, the frame has her.
    moved = w.svc.update_visit(v.id, planned_on=D(2026, 3, 23), reason="Konsulenten er syg")
    assert moved.planned_on == D(2026, 3, 23)
    d = w.svc.draw_sample(v.id, 5, size=2)
    assert (d.frame_date, d.frame_size) == (D(2026, 3, 23), 9)
    # After the draw the frame keeps its date; the visit still moves.
    again = w.svc.update_visit(v.id, planned_on=D(2026, 3, 24), reason="Plejecentret bad om det")
    assert again.planned_on == D(2026, 3, 24) and w.svc.draw(d.id).frame_date == D(2026, 3, 23)
    assert w.svc.verify_draw(d.id).match
    with pytest.raises(ValidationError) as exc:
        w.svc.cancel_visit(v.id, "nej")
    assert codes(exc.value) == ["cancel_reason_required"]
    assert "cancelled" in w.svc.visit(v.id).next_statuses
    done = w.svc.cancel_visit(v.id, "Plejecentret er lukket")
    assert (done.status, done.status_label, done.cancel_reason) == ("cancelled", "Aflyst", "Plejecentret er lukket")
    assert done.cancelled_at is not None and done.next_statuses == ()
    with pytest.raises(DomainError) as exc:
        w.svc.update_visit(v.id, planned_on=D(2026, 3, 25))
    assert exc.value.code == "visit_locked_reschedule"
    with ctx.uow_factory() as uow:
        reasons = [r for (r,) in uow.session.execute(text(
            "select reason from audit_entry where entity_type = 'supervision_visit' order by seq"))]
    assert "Konsulenten er syg" in reasons and "Plejecentret er lukket" in reasons
    assert w.svc.propose_visit_date(p.id, D(2026, 4, 4)) == D(2026, 4, 7)  # weekend, Easter Monday


def test_plan_and_seed_are_fixed_once_the_programme_has_draws(w):
    p, v, d = setup_visit(w, seed=2011)
    assert w.svc.programme_for_year(2026).seed == "2011" and w.svc.programme_for_year(2026).plan_fixed
    with pytest.raises(DomainError) as exc:
        w.svc.update_sampling_plan(p.id, sample_total=8, sample_min=2, sample_max=3, relatives_per_home=2)
    assert exc.value.code == "programme_fixed" and exc.value.params["seed"] == "2011"
    assert text_for(exc.value).startswith("Tilsynsprogram 2026 har allerede stikprøver, trukket med frø 2011 og "
                                          "stikprøveplanen 5 beboere i alt, 2-3 pr. plejecenter")
    other = w.svc.plan_visit(p.id, w.homes[1], D(2026, 3, 12))
    with pytest.raises(DomainError) as exc:
        w.svc.draw_sample(other.id, 7)
    assert exc.value.code == "programme_seed"
    assert w.svc.draw_sample(other.id, 2011).seed == "2011"
    with pytest.raises(DomainError) as exc:
        w.svc.draw_programme(2026, 7)
    assert exc.value.code == "programme_fixed"
    result = w.svc.draw_programme(2026, 2011)
    assert {x.seed for x in result.draws} == {"2011"}


def test_an_infeasible_plan_is_stated_where_it_is_set(w):
    w.login("karl")
    w.at(D(2026, 3, 2))
    check = w.svc.check_sampling_plan(2026, sample_total=100, sample_min=2, sample_max=3, relatives_per_home=2)
    assert (check.reachable, check.homes, check.feasible) == (6, 2, False)
    assert text_for(check.warning) == "100 kan ikke nås med 2 plejecentre á højst 3; der trækkes 6."
    zero = w.svc.check_sampling_plan(2026, sample_total=0, sample_min=2, sample_max=3, relatives_per_home=2)
    assert [e.code for e in zero.errors] == ["sample_total_zero"]
    p = w.svc.create_programme(2026, sample_total=100, sample_min=2, sample_max=3)
    assert p.plan_check.warning.code == "plan_too_high" and not p.plan_fixed
    assert w.svc.programme_for_year(2026).plan_check.reachable == 6
    with pytest.raises(ValidationError) as exc:
        w.svc.create_programme(2027, sample_total=0)
    assert codes(exc.value) == ["sample_total_zero"]
    fine = w.svc.update_sampling_plan(p.id, sample_total=5, sample_min=2, sample_max=3, relatives_per_home=1)
    assert fine.plan_check.feasible


def test_a_half_finished_interview_can_be_refused_and_replaced_keeping_what_was_answered(w):
    _, v, d = setup_visit(w)
    member = d.members[0]
    i = w.svc.start_interview(v.id, member_id=member.id)
    w.svc.record_consent(i.id, True)
    w.svc.save_answer(i.id, "dialog", "hoej_grad")
    after = w.svc.refuse_member(member.id, "ill", "Blev træt")
    assert after.members[0].status == "replaced" and after.members[-1].rank == 4
    kept = w.svc.interview(i.id)
    assert kept.finished_at is not None and [a.option_code for a in kept.answers] == ["hoej_grad"]
    with pytest.raises(DomainError) as exc:
        w.svc.save_answer(i.id, "dialog", "lav_grad")
    assert exc.value.code == "interview_finished"
    # A finished interview cannot be refused afterwards.
    nxt = w.svc.start_interview(v.id, member_id=after.members[1].id)
    w.svc.record_consent(nxt.id, True)
    w.svc.finish_interview(nxt.id)
    second = next(m for m in w.svc.draw(d.id).members if m.id == after.members[1].id)
    assert second.status == "interviewed"
    with pytest.raises(DomainError) as exc:
        w.svc.refuse_member(second.id, "ill")
    assert exc.value.code == "member_not_drawn"
    with pytest.raises(DomainError) as exc:
        w.svc.start_interview(v.id, member_id=after.members[-1].id)
        w.svc.start_interview(v.id, member_id=after.members[-1].id)
    assert text_for(exc.value).startswith("Der er allerede startet et interview med B")


def test_frame_candidates_and_exclusions_before_the_draw(w):
    _, v, _ = setup_visit(w)
    candidates = w.svc.frame_candidates(v.id)
    assert {c.resident_id for c in candidates} == frame_ids(w)
    assert {c.name for c in candidates} <= set(NAMES)
    relatives = w.svc.frame_candidates(v.id, "relative")
    assert [c.resident_id for c in relatives] == [w.jens]


def test_the_report_appendix_carries_everything_to_recompute_the_draw(w):
    p, v, d = setup_visit(w)
    w.svc.refuse_member(d.members[0].id, "ill")
    w.svc.draw_sample(v.id, 2011, kind="relative", size=1)
    a = w.svc.sample_appendix(v.id)
    assert a.programme_id == p.id and "bindestreger" in a.id_form
    res, rel = a.draws
    assert res.hashed_text == f"2011|{p.id}|<beboer-id>" and rel.hashed_text == f"2011|{p.id}|relative|<beboer-id>"
    assert set(res.frame) == frame_ids(w) and res.frame_date == D(2026, 3, 10)
    ranking = sorted(res.frame, key=lambda r: hashlib.sha256(f"2011|{p.id}|{r}".encode()).hexdigest())
    assert [m[1] for m in res.members] == ranking[:4] and res.members[0][2] == "Erstattet"
    assert "12 måneder" in rel.rule_text and "relative|" in rel.formula
    assert "hashlib.sha256" in a.script and all(n not in repr(a) for n in NAMES)
