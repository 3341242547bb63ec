"""Service additions the residents screens rely on: live CPR check, row status, permit status,
the catalogue line and sorting by move-out."""

import datetime as dt

import pytest

from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.residents import PermitInput, ResidentService, catalogue

D = dt.date


@pytest.fixture
def home(ctx):
    return CareHomeService(ctx).set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården")])[0]


def _resident(svc, home, cpr, name, move_out=None):
    return svc.save(None, ResidentInput(cpr, name, home.id, move_in=D(2020, 1, 1), move_out=move_out))


def test_check_cpr_reports_shape_date_and_duplicates(ctx, home):
    svc = ResidentService(ctx)
    existing = _resident(svc, home, "010150-1234", "Anna")
    assert svc.check_cpr("010150-1235") is None
    assert svc.check_cpr("12").code == "cpr_shape"
    err = svc.check_cpr("300252-1234")
    assert (err.code, err.field, err.params["day"], err.params["year"]) == ("cpr_day", "cpr", 30, 1952)
    dup = svc.check_cpr("0101501234")
    assert dup.code == "cpr_duplicate" and dup.params["masked"] == "010150-xxxx"
    # The resident's own number is not a duplicate while editing that resident.
    assert svc.check_cpr("010150-1234", resident_id=existing.id) is None


def test_rows_say_who_has_moved_out_by_the_service_clock(ctx, home):
    # The fixed clock says 23 November 2026.
    svc = ResidentService(ctx)
    _resident(svc, home, "010150-1234", "Gone", move_out=D(2026, 11, 22))
    _resident(svc, home, "010150-1235", "Leaving", move_out=D(2026, 11, 23))
    _resident(svc, home, "010150-1236", "Staying")
    rows = {r.name: r for r in svc.rows(svc.search_ids())}
    assert rows["Gone"].moved_out
    assert not rows["Leaving"].moved_out
    assert not rows["Staying"].moved_out


def test_sort_by_move_out(ctx, home):
    svc = ResidentService(ctx)
    _resident(svc, home, "010150-1234", "A", move_out=D(2026, 3, 1))
    _resident(svc, home, "010150-1235", "B", move_out=D(2025, 3, 1))
    ids = svc.search_ids(sort="move_out")
    dated = [r.name for r in svc.rows(ids) if r.move_out]
    assert dated == ["B", "A"]


@pytest.mark.parametrize(
    "valid_from, valid_to, status",
    [
        (D(2026, 1, 1), D(2027, 6, 30), "active"),
        (D(2026, 1, 1), D(2026, 12, 10), "ends_soon"),
        (D(2025, 1, 1), D(2025, 12, 31), "expired"),
        (D(2027, 1, 1), D(2027, 12, 31), "future"),
    ],
)
def test_permit_status(ctx, home, valid_from, valid_to, status):
    svc = ResidentService(ctx)
    r = _resident(svc, home, "010150-1234", "Anna")
    p = svc.save_permit(r.id, None, PermitInput(("125_alarm",), valid_from, valid_to, "Forudsætning"))
    assert p.status == status
    assert svc.get(r.id).permits[0].status == status


def test_catalogue_has_title_and_types():
    cat = catalogue("2010")
    assert cat.title == "Serviceloven 2010 (§§ 125-128)"
    assert "126a_hygiene" in [t.code for t in cat.types]


def test_search_folds_danish_letters_on_every_database(ctx, home):
    svc = ResidentService(ctx)
    _resident(svc, home, "010150-1234", "Børge Ølgaard")
    _resident(svc, home, "010150-1235", "Åse Æbelø")
    for typed, name in (("ølg", "Børge Ølgaard"), ("ØLGAARD", "Børge Ølgaard"), ("åse", "Åse Æbelø"), ("ÆBELØ", "Åse Æbelø")):
        assert [r.name for r in svc.rows(svc.search_ids(typed))] == [name], typed


def test_equal_names_are_ordered_by_cpr_not_by_the_random_id(ctx, home):
    svc = ResidentService(ctx)
    for cpr in ("030150-1234", "010150-1234", "020150-1234"):
        _resident(svc, home, cpr, "Asta Jensen")
    assert [r.cpr_masked for r in svc.rows(svc.search_ids("asta"))] == ["010150-xxxx", "020150-xxxx", "030150-xxxx"]
