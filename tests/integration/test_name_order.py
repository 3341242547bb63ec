"""Lists sorted by name follow Danish alphabetical order in SQL, on SQLite and PostgreSQL
(issue 12, point 8): æ, ø, å after z, "Aa" with "Å"; sorted in the database, so a page of the
list is the right slice."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tilsyn.domain.collation import danish_key
from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.residents import ResidentService
from tilsyn.services.users import UserService
from tilsyn.store.models import Resident
from tilsyn.store.repositories import danish, pg_danish_collation

NAMES = ["Aage Berg", "Abel Holm", "Åse Lund", "Øjvind Mark", "Ærø Nielsen", "Zacho Ravn", "Bent Aagaard",
         "anders Ebbe", "Émile Dam"]
DANISH = ["Abel Holm", "anders Ebbe", "Bent Aagaard", "Émile Dam", "Zacho Ravn", "Ærø Nielsen", "Øjvind Mark",
          "Aage Berg", "Åse Lund"]
CPRS = ["0101301234", "0202301234", "0303301234", "0404301234", "0505301234", "0606301234", "0707301234",
        "0808301234", "0909301234"]


def _setup(ctx):
    users = UserService(ctx)
    users.create_first_admin("admin", "Anne Admin", "admin-kode-1")
    users.login("admin", "admin-kode-1")
    homes = CareHomeService(ctx).set_up_municipality(
        "Vejle Kommune", [CareHomeInput(n) for n in ("Åbakken", "Aalykke", "Zeeland", "Ørnereden", "Bakkegården")])
    res = ResidentService(ctx)
    for name, cpr in zip(NAMES, CPRS):
        res.save(None, ResidentInput(cpr[:6] + "-" + cpr[6:], name, homes[0].id, move_in=dt.date(2026, 1, 1)))
    return homes


def test_danish_key_is_the_expected_order():
    assert sorted(NAMES, key=danish_key) == DANISH


def test_names_are_sorted_the_danish_way_in_sql(ctx):
    _setup(ctx)
    assert [h.name for h in CareHomeService(ctx).list_care_homes()] == [
        "Bakkegården", "Zeeland", "Ørnereden", "Åbakken", "Aalykke"]  # åb before ål: "aa" is å
    with ctx.uow_factory() as uow:
        session = uow.session
        if session.get_bind().dialect.name == "postgresql":
            assert pg_danish_collation(session) is not None, "the test cluster has no Danish collation"
        ordered = session.scalars(select(Resident.name).order_by(danish(session, Resident.name))).all()
        assert ordered == DANISH
        # A page is the slice of the Danish list, not of the code point order.
        page = session.scalars(select(Resident.name).order_by(danish(session, Resident.name))
                               .offset(3).limit(3)).all()
        assert page == DANISH[3:6]
        names = dict(session.execute(select(Resident.id, Resident.name)).all())
        found = uow.residents.search_ids("", sort="name")
        assert [names[i] for i in found] == DANISH
        found = uow.residents.search_ids("", sort="name", descending=True)
        assert [names[i] for i in found] == DANISH[::-1]


def test_the_month_overview_lists_residents_the_danish_way(ctx):
    from tilsyn.services.residents import PermitInput
    from tilsyn.store.repositories_force import residents_with_permits_in

    homes = _setup(ctx)
    res = ResidentService(ctx)
    with ctx.uow_factory() as uow:
        ids = [i for (i,) in uow.session.execute(select(Resident.id)).all()]
    for rid in ids:
        res.save_permit(str(rid), None, PermitInput(("127_retention",), dt.date(2026, 1, 1), dt.date(2026, 12, 31), "x"))
    with ctx.uow_factory() as uow:  # SELECT DISTINCT ... ORDER BY name COLLATE: valid on both backends
        rows = residents_with_permits_in(uow.session, homes[0].id, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert [r[1] for r in rows] == DANISH
