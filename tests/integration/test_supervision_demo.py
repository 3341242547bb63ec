"""tilsyn demo adds supervision: programmes, visits in every status, samples with a refusal and
replacement, interviews with answers and findings; deterministic for a seed."""

from __future__ import annotations

import io

import pypdf
from sqlalchemy import text

from tilsyn.services.app import close_app, open_app
from tilsyn.services.demo import DemoService
from tilsyn.services.supervision import SupervisionService
from tilsyn.services.users import UserService

STATUSES = {"planned", "conducted", "draft_report", "consultation", "final", "follow_up"}


def consultant(ctx) -> SupervisionService:
    UserService(ctx).login("konsulent", "demo-kode")
    return SupervisionService(ctx)


def outline(svc) -> list[tuple]:
    return sorted((v.care_home_name, v.year, v.planned_on, v.status, v.result, svc.findings(v.id).home_score)
                  for v in svc.visits())


def test_demo_has_visits_in_every_status_with_samples_interviews_and_findings(ctx):
    summary = DemoService(ctx).fill(homes=4, residents_per_home=30, seed=7)
    svc = consultant(ctx)
    visits = svc.visits()
    assert summary.visits == 3 + 6 and summary.interviews > 20
    assert {v.status for v in visits} == STATUSES
    today = ctx.today()
    assert {p.year for p in svc.programmes()} == {today.year - 1, today.year}
    draws = [d for v in visits for d in svc.draws(v.id)]
    members = [m for d in draws for m in d.members]
    replaced = [m for m in members if m.status == "replaced"]
    assert replaced and all(m.reason == "declined" for m in replaced)
    assert {m.replaces_id for m in members if m.replaces_id} == {m.id for m in replaced}
    assert any(d.kind == "relative" and d.members for d in draws)
    final = next(v for v in visits if v.status == "final")
    f = svc.findings(final.id)
    assert f.home_score is not None and f.conclusions and f.action_items and f.goal_notes
    assert svc.visit(final.id).consultation.reply_text
    assert any(svc.findings(v.id).staff_evaluation for v in visits)
    for year in (today.year - 1, today.year):
        assert all(r.match for r in svc.verify_year(year))
    plan = svc.planning_overview()
    assert plan.overdue  # homes due now or overdue for the dashboard
    assert any(r.status == "due_now" and r.reason == "never_visited" for r in plan.rows)
    with ctx.uow_factory() as uow:
        names = [n for (n,) in uow.session.execute(text("select name from resident"))]
    for v in visits:
        pdf = svc.visit_report_pdf(v.id)
        body = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
        assert not any(name in body for name in names)
    assert svc.annual_evaluation_pdf(today.year - 1).startswith(b"%PDF")


def test_same_seed_same_supervision(ctx, tmp_path):
    DemoService(ctx).fill(homes=3, residents_per_home=20, seed=11)
    first = outline(consultant(ctx))
    other = open_app(str(tmp_path / "other.sqlite"), clock=ctx.clock)
    try:
        DemoService(other.context).fill(homes=3, residents_per_home=20, seed=11)
        assert outline(consultant(other.context)) == first
    finally:
        close_app(other.context)


def test_a_tiny_demo_still_works(ctx):
    summary = DemoService(ctx).fill(homes=1, residents_per_home=1)
    assert summary.visits == 6  # one home: this year's six statuses, no visit last year
    assert {v.status for v in consultant(ctx).visits()} == STATUSES
