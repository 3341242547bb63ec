import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from tilsyn.domain.errors import NotFound, ValidationError
from tilsyn.domain.people import CareHomeInput, RelativeInput, ResidentInput
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.residents import PermitInput, ResidentService
from tilsyn.store.models import Resident

D = dt.date


@pytest.fixture
def homes(ctx):
    return CareHomeService(ctx).set_up_municipality(
        "Vejle Kommune",
        [
            CareHomeInput("Bakkegården", units=("Afsnit A", "Afsnit B")),
            CareHomeInput("Solgården", "private", "Solvej 2", "7100", "Vejle"),
        ],
    )


def test_first_run_creates_municipality_and_homes(ctx, homes):
    svc = CareHomeService(ctx)
    assert svc.is_set_up()
    assert svc.municipality_name() == "Vejle Kommune"
    listed = svc.list_care_homes()
    assert [h.name for h in listed] == ["Bakkegården", "Solgården"]
    assert [u.name for u in listed[0].units] == ["Afsnit A", "Afsnit B"]
    assert listed[1].kind == "private"


def test_first_run_is_all_or_nothing(ctx):
    svc = CareHomeService(ctx)
    with pytest.raises(ValidationError):
        svc.set_up_municipality("Vejle Kommune", [CareHomeInput("A"), CareHomeInput("B", postal_code="12")])
    assert not svc.is_set_up()
    assert svc.list_care_homes() == []


def test_care_home_names_are_unique_case_insensitively(ctx, homes):
    with pytest.raises(ValidationError) as exc:
        CareHomeService(ctx).create_care_home(CareHomeInput("bakkegården"))
    assert exc.value.errors[0].code == "care_home_duplicate"


def test_update_care_home_units(ctx, homes):
    svc = CareHomeService(ctx)
    updated = svc.update_care_home(homes[0].id, CareHomeInput("Bakkegården", units=("Afsnit B", "Afsnit C")))
    assert [u.name for u in updated.units] == ["Afsnit B", "Afsnit C"]


def test_resident_round_trip_with_relatives(ctx, homes):
    svc = ResidentService(ctx)
    saved = svc.save(
        None,
        ResidentInput(
            "010150-1234", "Jens Hansen", homes[0].id, "Bakkevej 1", "7100", "Vejle", "Afsnit A", "12",
            D(2024, 5, 1), None, "Vejle Kommune", "Vejle Kommune", "Pia Jensen",
        ),
        [RelativeInput("Mette Hansen", "datter", "20304050")],
    )
    got = svc.get(saved.id)
    assert got.cpr == "010150-1234" and got.cpr_masked == "010150-xxxx"
    assert got.unit == "Afsnit A" and got.move_in == D(2024, 5, 1)
    assert [(r.name, r.relation, r.phone) for r in got.relatives] == [("Mette Hansen", "datter", "20304050")]
    # Updating replaces the relatives when given.
    svc.save(saved.id, ResidentInput("0101501234", "Jens Hansen", homes[0].id), [])
    assert svc.get(saved.id).relatives == ()


def test_invalid_resident_writes_nothing(ctx, homes):
    svc = ResidentService(ctx)
    with pytest.raises(ValidationError) as exc:
        svc.save(None, ResidentInput("300252-1234", "Jens", homes[0].id), [RelativeInput("", "", "x")])
    fields = {e.field for e in exc.value.errors}
    assert fields == {"cpr", "relatives.0.name", "relatives.0.phone"}
    assert svc.count() == 0


def test_duplicate_cpr_and_unknown_unit(ctx, homes):
    svc = ResidentService(ctx)
    svc.save(None, ResidentInput("010150-1234", "Jens Hansen", homes[0].id))
    with pytest.raises(ValidationError) as exc:
        svc.save(None, ResidentInput("0101501234", "Anden", homes[1].id))
    assert exc.value.errors[0].code == "cpr_duplicate"
    with pytest.raises(ValidationError) as exc:
        svc.save(None, ResidentInput("020250-1234", "Anden", homes[1].id, unit="Afsnit A"))
    assert exc.value.errors[0].code == "unknown_unit"
    assert svc.count() == 1


def test_search_by_name_room_and_cpr_sorted_in_sql(ctx, homes):
    svc = ResidentService(ctx)
    a = svc.save(None, ResidentInput("010150-1234", "Jens Hansen", homes[0].id, room="12")).id
    b = svc.save(None, ResidentInput("020251-2345", "Anna Østergaard", homes[1].id, room="3")).id
    c = svc.save(None, ResidentInput("030352-3456", "Bent Hansen", homes[0].id, move_out=D(2026, 1, 1))).id
    assert svc.search_ids() == [b, c, a]
    assert svc.search_ids(sort="name", descending=True) == [a, c, b]
    assert svc.search_ids("hansen") == [c, a]
    assert svc.search_ids("12") == [a]
    assert svc.search_ids("020251") == [b]
    assert svc.search_ids("020251-2345") == [b]
    assert svc.search_ids(care_home_id=homes[0].id) == [c, a]
    assert svc.search_ids(include_moved_out=False) == [b, a]
    rows = svc.rows([a, b])
    assert [r.cpr_masked for r in rows] == ["010150-xxxx", "020251-xxxx"]
    assert rows[0].care_home == "Bakkegården"


def test_permits_are_validated_and_keep_their_catalogue_version(ctx, homes):
    svc = ResidentService(ctx)
    rid = svc.save(None, ResidentInput("010150-1234", "Jens Hansen", homes[0].id)).id
    with pytest.raises(ValidationError):
        svc.save_permit(rid, None, PermitInput((), D(2026, 2, 1), D(2026, 1, 1), ""))
    p = svc.save_permit(rid, None, PermitInput(("127_retention", "125_alarm"), D(2026, 1, 1), D(2026, 12, 10), "Om natten"))
    assert p.force_types == ("125_alarm", "127_retention")
    assert p.catalogue_version == "2010"
    assert p.active and p.ends_soon  # 17 days left on 23-11-2026
    p2 = svc.save_permit(rid, p.id, PermitInput(("128_belts",), D(2026, 1, 1), D(2027, 6, 30), "Ved måltider"))
    assert p2.force_types == ("128_belts",) and not p2.ends_soon
    assert [x.id for x in svc.get(rid).permits] == [p.id]
    assert svc.permits_ending_soon() == []
    svc.delete_permit(p.id)
    assert svc.get(rid).permits == ()


def test_permits_ending_soon(ctx, homes):
    svc = ResidentService(ctx)
    rid = svc.save(None, ResidentInput("010150-1234", "Jens Hansen", homes[0].id)).id
    soon = svc.save_permit(rid, None, PermitInput(("125_alarm",), D(2026, 1, 1), D(2026, 12, 23), "x"))
    svc.save_permit(rid, None, PermitInput(("125_door",), D(2026, 1, 1), D(2026, 12, 24), "x"))  # 31 days
    svc.save_permit(rid, None, PermitInput(("127_retention",), D(2026, 1, 1), D(2026, 11, 22), "x"))  # expired
    assert [p.id for p in svc.permits_ending_soon()] == [soon.id]


def test_not_found(ctx, homes):
    with pytest.raises(NotFound):
        ResidentService(ctx).get(str(uuid.uuid4()))


def test_timestamps_are_aware_utc(ctx, homes):
    svc = ResidentService(ctx)
    rid = svc.save(None, ResidentInput("010150-1234", "Jens Hansen", homes[0].id)).id
    with ctx.uow_factory() as uow:
        r = uow.session.scalars(select(Resident).where(Resident.id == uuid.UUID(rid))).one()
        assert r.created_at.tzinfo is not None
        assert r.created_at.utcoffset() == dt.timedelta(0)
