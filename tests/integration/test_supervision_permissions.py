"""Who may do what in supervision: the consultant runs all of it, staff and the others cannot;
the leader only reads and answers the consultation of their own home; the consultant never sees
a use-of-force narrative, and nothing pseudonymous carries a name or CPR number."""

from __future__ import annotations

import pytest

from supervision_support import CPRS, D, NAMES, NARRATIVE, build, full_visit
from tilsyn.domain.errors import DomainError
from tilsyn.domain.roles import PermissionDenied
from tilsyn.services.force import ForceService


@pytest.fixture
def w(ctx):
    return build(ctx)


def consultant_calls(w, ids):
    svc = w.svc
    return {
        "programmes": lambda: svc.programmes(),
        "create_programme": lambda: svc.create_programme(2030),
        "plan_visit": lambda: svc.plan_visit(ids["programme"], w.homes[1], D(2026, 4, 1)),
        "planning_overview": lambda: svc.planning_overview(),
        "draw_sample": lambda: svc.draw_sample(ids["other"], 2011),  # the programme's seed
        "verify_year": lambda: svc.verify_year(2026),
        "findings": lambda: svc.findings(ids["visit"]),
        "start_interview": lambda: svc.start_interview(ids["other"], kind="staff_dialogue"),
        "visit_report_data": lambda: svc.visit_report_data(ids["visit"]),
        "annual_evaluation_data": lambda: svc.annual_evaluation_data(2026),
        "protocols": lambda: svc.protocols(),
    }


@pytest.mark.parametrize("who", ["pia", "lars", "sofie", "admin"])
def test_staff_leaders_caseworkers_and_admins_cannot_run_supervision(w, who):
    ids = full_visit(w)
    w.login(who)
    for call in consultant_calls(w, ids).values():
        with pytest.raises(PermissionDenied):
            call()


def test_the_consultant_can_run_all_of_it(w):
    ids = full_visit(w)
    w.login("karl")
    for call in consultant_calls(w, ids).values():
        call()  # no PermissionDenied


def test_the_leader_reads_and_answers_only_their_own_homes_consultation(w):
    ids = full_visit(w)
    w.login("karl")
    w.at(D(2026, 3, 12))
    other = ids["other"]
    w.svc.mark_conducted(other, D(2026, 3, 12))
    w.svc.set_conclusions(other, ["Alt vel"])
    w.svc.start_report(other)
    # Before consultation even the right leader cannot read the draft.
    w.login("lars")
    with pytest.raises(DomainError) as exc:
        w.svc.visit_report_data(other)
    assert exc.value.code == "report_not_sent"
    w.login("karl")
    w.svc.send_for_consultation(other)
    w.login("lene")  # Bakkegården's leader
    with pytest.raises(PermissionDenied):
        w.svc.reply_to_consultation(other, "Ikke min")
    with pytest.raises(PermissionDenied):
        w.svc.visit_report_data(other)
    assert [v.care_home_name for v in w.svc.consultation_inbox()] == []
    w.login("lars")
    assert [v.id for v in w.svc.consultation_inbox()] == [other]
    assert w.svc.visit_report_data(other).status_line.startswith("Rapportudkast i høring")
    assert w.svc.reply_to_consultation(other, "Tak").consultation.reply_text == "Tak"
    with pytest.raises(PermissionDenied):
        w.svc.finalise(other)
    with pytest.raises(PermissionDenied):
        w.svc.findings(other)


def test_the_consultant_never_sees_narratives_names_or_cpr_numbers_where_they_do_not_belong(w, ctx):
    ids = full_visit(w)
    w.login("karl")
    force = ForceService(ctx)
    with ctx.uow_factory() as uow:
        form_ids = [str(f.id) for f in uow.forms.query()]
    assert form_ids
    for fid in form_ids:
        with pytest.raises(PermissionDenied):
            force.get_form(fid)
    svc = w.svc
    outputs = [svc.visit(ids["visit"]), svc.findings(ids["visit"]), svc.visit_report_data(ids["visit"]),
               svc.annual_evaluation_data(2026), svc.planning_overview(), svc.verify_year(2026),
               *[svc.interview(i) for i in ids["interviews"].values()]]
    text = repr(outputs)
    assert NARRATIVE not in text
    # Findings, reports and interviews are pseudonymous: no resident name, relative or CPR number.
    for name in NAMES + ["Ulla Ærø Hansen"]:
        assert name not in text
    for cpr in CPRS:
        assert cpr not in text and cpr.replace("-", "") not in text
    # The sample on the consultant's screen does carry names (to find the residents), but no CPR.
    screen = repr(svc.draws(ids["visit"]))
    assert any(name in screen for name in NAMES)
    assert not any(cpr.replace("-", "") in screen for cpr in CPRS)
    assert NARRATIVE not in screen
