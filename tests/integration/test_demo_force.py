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


# -- issue 12, point 8: nothing later than the demo's clock, whatever day and hour it runs ----------

import datetime as _dt  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

import pytest  # noqa: E402

from tilsyn.store.models import Signature  # noqa: E402

_CPH = ZoneInfo("Europe/Copenhagen")


@pytest.mark.parametrize("day", [_dt.date(2026, 12, 1), _dt.date(2026, 12, 2), _dt.date(2026, 11, 30)])
@pytest.mark.parametrize("clock", [_dt.time(0, 30), _dt.time(23, 30)])
def test_the_demo_never_writes_a_time_later_than_its_clock(ctx, day, clock):
    now = _dt.datetime.combine(day, clock, tzinfo=_CPH)
    ctx.clock = lambda: now.astimezone(_dt.timezone.utc)
    DemoService(ctx).fill(homes=2, residents_per_home=25, seed=3)
    columns = [Episode.started_at, Episode.ended_at, Episode.registered_at, ForceForm.sent_at,
               ForceForm.returned_at, ForceForm.processed_at, Signature.signed_at, Signature.voided_at]
    later = {}
    with ctx.uow_factory() as uow:
        for column in columns:
            n = uow.session.scalar(select(func.count()).where(column > now))
            if n:
                later[f"{column.class_.__name__}.{column.key}"] = n
        episodes = uow.session.scalar(select(func.count()).select_from(Episode))
        sent = uow.session.scalar(select(func.count()).where(ForceForm.sent_at.is_not(None)))
    assert later == {}
    assert episodes > 10 and sent > 0  # still a year of use of force
