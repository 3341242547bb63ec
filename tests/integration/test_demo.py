"""The demo municipality: counts, valid data, determinism, refusal of a non-empty database."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tilsyn.domain.catalogue import load_catalogue
from tilsyn.domain.cpr import parse_cpr
from tilsyn.domain.errors import DomainError
from tilsyn.domain.people import CareHomeInput
from tilsyn.domain.roles import SYSTEM, Actor, PermissionDenied, Role
from tilsyn.services.app import close_app, open_app
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.demo import DemoService, passes_modulus_11
from tilsyn.store.models import CareHome, Permit, PermitForceType, Relative, Resident, Unit

# The integration ``ctx`` fixture's clock: 23 November 2026.
FIXED_NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)
TODAY = dt.date(2026, 11, 23)


def _all(ctx, stmt):
    with ctx.uow_factory() as uow:
        return list(uow.session.execute(stmt).all())


def _count(ctx, model) -> int:
    with ctx.uow_factory() as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def _people(ctx) -> list[tuple[str, str]]:
    return sorted(_all(ctx, select(Resident.cpr, Resident.name)))


def test_default_demo_is_a_municipality_like_the_sources(ctx):
    """Defaults: 19 homes (17 municipal + 2 private), 60 residents each, valid and fictitious CPRs."""
    summary = DemoService(ctx).fill()

    assert summary.care_homes == 19 and summary.municipal_homes == 17 and summary.private_homes == 2
    assert summary.residents == 19 * 60
    kinds = sorted(k for (k,) in _all(ctx, select(CareHome.kind)))
    assert kinds == ["municipal"] * 17 + ["private"] * 2
    per_home = _all(ctx, select(Resident.care_home_id, func.count()).group_by(Resident.care_home_id))
    assert sorted(n for _, n in per_home) == [60] * 19

    homes = _all(ctx, select(CareHome.name, CareHome.postal_code, CareHome.city, CareHome.address))
    assert len({h.name for h in homes}) == 19
    vejle_area = {"7100", "7120", "7080", "7300", "7323", "6040", "7182", "7173", "7184", "7321", "7183"}
    assert {h.postal_code for h in homes} <= vejle_area
    assert all(h.address and h.city for h in homes)
    units = _all(ctx, select(Unit.care_home_id, func.count()).group_by(Unit.care_home_id))
    assert all(2 <= n <= 4 for _, n in units) and len(units) == 19

    residents = _all(
        ctx,
        select(Resident.cpr, Resident.unit_id, Resident.room, Resident.contact_person, Resident.move_in,
               Resident.move_out, Resident.residence_municipality, Resident.acting_municipality),
    )
    for r in residents:
        cpr = parse_cpr(r.cpr)  # raises if invalid
        assert 1920 <= cpr.birth_date.year <= 1950
        # A number that fails modulus 11 was never issued to anyone born before 2007.
        assert not passes_modulus_11(r.cpr)
        assert r.unit_id is not None and r.room and r.contact_person
        assert r.move_in is not None and r.move_in <= TODAY
        assert r.move_out is None or r.move_in < r.move_out < TODAY
        assert r.residence_municipality == "Vejle Kommune"
    assert len({r.cpr for r in residents}) == len(residents)
    moved_out = sum(1 for r in residents if r.move_out is not None)
    assert 0 < moved_out == summary.moved_out < len(residents) * 0.1
    acting = {r.acting_municipality for r in residents}
    assert "Vejle Kommune" in acting and len(acting) > 1  # a few came from other municipalities

    # 1-3 relatives each, with a relation and an 8-digit phone number.
    rel_counts = _all(ctx, select(Relative.resident_id, func.count()).group_by(Relative.resident_id))
    assert len(rel_counts) == len(residents) and all(1 <= n <= 3 for _, n in rel_counts)
    for rel in _all(ctx, select(Relative.relation, Relative.phone)):
        assert rel.relation and len(rel.phone) == 8 and rel.phone.isdigit()

    holders = _all(ctx, select(func.count(func.distinct(Permit.resident_id))))[0][0]
    current = len(residents) - moved_out
    assert 0.15 * current <= holders <= 0.25 * current
    assert summary.permits == _count(ctx, Permit)


def test_permits_cover_the_whole_catalogue_and_some_end_soon(ctx):
    summary = DemoService(ctx).fill(homes=3, residents_per_home=20)

    used = {c for (c,) in _all(ctx, select(PermitForceType.type_code))}
    assert used == set(load_catalogue("2010").codes())
    permits = _all(
        ctx,
        select(Permit.resident_id, Permit.valid_from, Permit.valid_to, Permit.catalogue_version,
               Permit.prerequisites, Permit.decision_reference),
    )
    ending_soon = [p for p in permits if p.valid_from <= TODAY <= p.valid_to <= TODAY + dt.timedelta(days=30)]
    expired = [p for p in permits if p.valid_to < TODAY]
    assert ending_soon and len(ending_soon) == summary.permits_ending_soon
    assert expired and len(expired) == summary.permits_expired
    moves = dict(_all(ctx, select(Resident.id, Resident.move_in)))
    for p in permits:
        assert p.catalogue_version == "2010"
        assert moves[p.resident_id] <= p.valid_from <= p.valid_to
        assert p.prerequisites
        assert p.decision_reference.startswith(f"MAG-{p.valid_from.year}-")
        assert len(p.decision_reference) == len("MAG-2026-0147")
    assert len({p.decision_reference for p in permits}) == len(permits)


def test_a_tiny_demo_still_uses_every_force_type(ctx):
    DemoService(ctx).fill(homes=1, residents_per_home=2)
    used = {c for (c,) in _all(ctx, select(PermitForceType.type_code))}
    assert used == set(load_catalogue("2010").codes())


def test_same_seed_same_people_other_seed_other_people(ctx, tmp_path):
    DemoService(ctx).fill(seed=7, homes=2, residents_per_home=15)
    first = _people(ctx)
    homes_first = sorted(_all(ctx, select(CareHome.name, CareHome.address)))

    again = open_app(str(tmp_path / "again.sqlite"), clock=lambda: FIXED_NOW).context
    other = open_app(str(tmp_path / "other.sqlite"), clock=lambda: FIXED_NOW).context
    try:
        DemoService(again).fill(seed=7, homes=2, residents_per_home=15)
        DemoService(other).fill(seed=8, homes=2, residents_per_home=15)
        assert _people(again) == first
        assert sorted(_all(again, select(CareHome.name, CareHome.address))) == homes_first
        assert _people(other) != first
    finally:
        close_app(again)
        close_app(other)


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_refuses_a_municipality_set_up_by_hand_with_or_without_force(ctx, force):
    CareHomeService(ctx).set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården", units=("A",))])
    with pytest.raises(DomainError) as exc:
        DemoService(ctx).fill(homes=1, residents_per_home=3, force=force)
    assert exc.value.code == "demo_real_database" and exc.value.params["what"] == "en kommune, plejecentre"
    assert _count(ctx, CareHome) == 1 and _count(ctx, Resident) == 0
    assert _setting(ctx, "demo_database") is None


def _setting(ctx, key):
    from tilsyn.store.models import Setting

    with ctx.uow_factory() as uow:
        row = uow.session.get(Setting, key)
        return row.value if row else None


def _user_count(ctx) -> int:
    from tilsyn.store.models import User

    return _count(ctx, User)


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_refuses_a_database_with_a_real_admin_with_or_without_force(ctx, force):
    """The first-run screen's administrator makes a database real: ``tilsyn demo`` (no login) never
    writes known demo passwords into it."""
    from tilsyn.services.users import UserService

    UserService(ctx).create_first_admin("anne", "Anne Andersen", "rigtig-kode-1")
    with pytest.raises(DomainError) as exc:
        DemoService(ctx).fill_unattended(homes=1, residents_per_home=3, force=force)
    assert exc.value.code == "demo_real_database" and exc.value.params["what"] == "brugere"
    assert _user_count(ctx) == 1 and _count(ctx, CareHome) == 0 and _setting(ctx, "demo_database") is None


def test_a_demo_database_is_not_real_but_needs_force(ctx):
    # (--force on it: test_force_adds_to_a_filled_database_without_clashes)
    DemoService(ctx).fill_unattended(homes=1, residents_per_home=3)
    with pytest.raises(DomainError) as exc:
        DemoService(ctx).fill_unattended(homes=1, residents_per_home=3)
    assert exc.value.code == "database_not_empty"
    assert _count(ctx, CareHome) == 1 and _count(ctx, Resident) == 3


def test_the_first_run_screen_fills_as_its_logged_in_admin_who_stays_real(ctx):
    import json

    from tilsyn.services.users import UserService

    ctx.user = None
    users = UserService(ctx)
    users.create_first_admin("anne", "Anne Andersen", "rigtig-kode-1")
    users.login("anne", "rigtig-kode-1")
    summary = DemoService(ctx).fill(homes=1, residents_per_home=3)
    assert summary.care_homes == 1
    assert json.loads(_setting(ctx, "demo_database"))["users"] == _user_count(ctx) - 1  # not Anne
    with pytest.raises(DomainError) as exc:
        DemoService(ctx).fill_unattended(homes=1, residents_per_home=3, force=True)
    assert exc.value.code == "demo_real_database" and exc.value.params["what"] == "brugere"


def test_a_resident_added_to_a_demo_database_makes_it_real(ctx):
    from tilsyn.domain.people import ResidentInput
    from tilsyn.services.residents import ResidentService

    DemoService(ctx).fill_unattended(homes=1, residents_per_home=2)
    home = CareHomeService(ctx).list_care_homes()[0].id
    ResidentService(ctx).save(None, ResidentInput("010150-1234", "Jens Hansen", home))
    with pytest.raises(DomainError) as exc:
        DemoService(ctx).fill_unattended(homes=1, residents_per_home=2, force=True)
    assert exc.value.params["what"] == "beboere"


def test_force_adds_to_a_filled_database_without_clashes(ctx):
    DemoService(ctx).fill(seed=1, homes=2, residents_per_home=10)
    # Same seed again: every name and CPR number it draws is taken, so all must be drawn anew.
    summary = DemoService(ctx).fill(seed=1, homes=2, residents_per_home=10, force=True)
    assert summary.care_homes == 2 and summary.residents == 20
    assert _count(ctx, CareHome) == 4 and _count(ctx, Resident) == 40
    assert len({n for (n,) in _all(ctx, select(CareHome.name))}) == 4
    assert len({c for (c,) in _all(ctx, select(Resident.cpr))}) == 40


def test_demo_needs_the_permission(ctx):
    ctx.user = Actor("u1", "sara", "Sara Sagsbehandler", Role.CASEWORKER)
    with pytest.raises(PermissionDenied):
        DemoService(ctx).fill(homes=1, residents_per_home=1)
    ctx.user = SYSTEM
    assert DemoService(ctx).is_empty()
