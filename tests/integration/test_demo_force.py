"""The demo's year of use of force has every state the screens and lists show."""


from sqlalchemy import func, select

from tilsyn.services.audit import AuditService
from tilsyn.services.demo import DemoService
from tilsyn.services.force import ForceService
from tilsyn.services.users import UserService
from tilsyn.store.models_force import Episode, ForceForm


def test_demo_has_every_state(ctx):
    summary = DemoService(ctx).fill(homes=3, residents_per_home=40, seed=7)
    assert summary.episodes > 20 and summary.users == 3 + 2 * 3
    with ctx.uow_factory() as uow:
        kinds = dict(uow.session.execute(select(ForceForm.kind, func.count()).group_by(ForceForm.kind)).all())
        late = uow.session.scalar(select(func.count()).select_from(Episode).where(Episode.late.is_(True)))
        months = uow.session.execute(select(ForceForm.year, ForceForm.month).distinct()).all()
    assert kinds["monthly"] > 5 and kinds["acute"] >= 2
    assert late >= 1
    assert len(months) >= 10
    UserService(ctx).login("sagsbehandler", "demo-kode")
    svc = ForceService(ctx)
    statuses = {s.status for s in svc.inbox(include_processed=True)}
    assert {"sent", "processed"} <= statuses
    UserService(ctx).login("admin", "demo-kode")
    assert AuditService(ctx).verify().ok
    # every state shows up somewhere in the month overviews
    from tilsyn.services.care_homes import CareHomeService

    UserService(ctx).login("sagsbehandler", "demo-kode")
    seen = set()
    today = ctx.today()
    for home in CareHomeService(ctx).list_care_homes():
        y, m = today.year, today.month
        for _ in range(12):
            seen |= {r.status for r in svc.month_overview(home.id, y, m)}
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    assert {"none", "draft", "processed"} <= seen
    assert seen & {"overdue", "returned", "awaiting_leader", "sent"}
