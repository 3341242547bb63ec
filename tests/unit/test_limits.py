"""Maximum lengths per field (tilsyn.domain.limits) and the domain validators that apply them."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tilsyn import messages
from tilsyn.domain import limits
from tilsyn.domain.catalogue import current_catalogue
from tilsyn.domain.errors import DomainError, ValidationError
from tilsyn.domain.force import (
    AuthorityInput,
    EpisodeInput,
    LeaderInput,
    StaffInput,
    validate_authority_section,
    validate_episode,
    validate_leader_section,
)
from tilsyn.domain.limits import FIELD_MAX, TextTooLong, check_length, length_error, max_length, text_length
from tilsyn.domain.people import (
    CareHomeInput,
    RelativeInput,
    ResidentInput,
    validate_care_home,
    validate_relative,
    validate_resident,
)
from tilsyn.domain.permits import validate_permit
from tilsyn.domain.signing import optional_reason, require_reason
from tilsyn.domain.supervision import sampling

A_RING = "A\u030a"  # "Å" written decomposed: two code points, one character
NOW = dt.datetime(2026, 3, 20, 12, 0, tzinfo=dt.timezone.utc)
RID = "6f1c2a4e-0000-4000-8000-000000000001"


def text(n: int, *, spaces: bool = True) -> str:
    """``n`` characters (after NFC) of Danish-looking text, starting with a decomposed Å."""
    body = ("se Ærø Bøgelund " if spaces else "seærøbøgelund") * (n // 10 + 1)
    out = A_RING + body[: n - 1]
    return out[:-1] + "x" if out.endswith(" ") else out


def too_long(err: DomainError) -> list[DomainError]:
    errors = err.errors if isinstance(err, ValidationError) else [err]
    return [e for e in errors if e.code == "text_too_long"]


# -- the limit functions -------------------------------------------------------------------------


def test_at_the_maximum_is_accepted_one_more_is_refused_with_code_field_and_numbers():
    assert check_length("x" * 200, 200, field="name") == "x" * 200
    with pytest.raises(TextTooLong) as exc:
        check_length("x" * 201, 200, field="name")
    assert (exc.value.code, exc.value.field, exc.value.params) == ("text_too_long", "name",
                                                                   {"maximum": 200, "length": 201})


def test_characters_are_counted_after_nfc_and_returned_composed():
    decomposed = A_RING * 200  # 400 code points
    assert text_length(decomposed) == 200
    assert check_length(decomposed, field="name") == "Å" * 200
    assert check_length(decomposed + "x", 201, field="name") == "Å" * 200 + "x"
    with pytest.raises(TextTooLong) as exc:
        check_length(decomposed + "x", field="name")
    assert exc.value.params["length"] == 201


def test_nfc_can_lengthen_a_text_and_the_longer_form_counts():
    # U+FB2C (a Hebrew presentation form) is excluded from composition: NFC gives 3 code points.
    assert len(unicodedata.normalize("NFC", "\ufb2c")) == 3
    assert length_error("\ufb2c" * 2, "room", 5).params["length"] == 6
    assert length_error("\ufb2c" * 2, "room", 6) is None


def test_the_default_maximum_is_the_fields_own():
    assert length_error("1" * 5, "postal_code").params["maximum"] == 4
    assert length_error("x" * 21, "room").params["maximum"] == 20
    assert length_error("x" * 10_000, "description") is None
    assert length_error("x" * 10_001, "description").params["maximum"] == 10_000


def test_list_row_fields_take_their_fields_maximum():
    assert max_length("relatives.0.name") == limits.NAME_MAX
    assert max_length("relatives.3.phone") == limits.PHONE_MAX
    assert max_length("staff.1.position") == limits.SHORT_TEXT_MAX
    assert max_length("conclusions.2") == limits.LONG_TEXT_MAX
    with pytest.raises(KeyError):
        max_length("no_such_field")


@settings(max_examples=60)
@given(st.text(max_size=30), st.integers(min_value=0, max_value=40))
def test_refused_exactly_when_the_nfc_length_is_over_the_maximum(value, maximum):
    err = length_error(value, "x", maximum)
    assert (err is not None) == (len(unicodedata.normalize("NFC", value)) > maximum)


# -- the Danish refusal --------------------------------------------------------------------------


def test_danish_text_names_the_field_the_maximum_and_the_length():
    assert messages.text_for(length_error("x" * 10_001, "description")) == (
        "Beskriv magtanvendelsen kort må højst være 10.000 tegn (der står 10.001).")
    assert messages.text_for(length_error("x" * 201, "name")) == "Navn må højst være 200 tegn (der står 201)."
    assert messages.text_for(length_error("x" * 101, "staff.0.position")) == (
        "Medarbejderens stilling må højst være 100 tegn (der står 101).")
    assert messages.text_for(length_error("x" * 201, "relatives.1.name")) == (
        "Navn må højst være 200 tegn (der står 201).")
    assert messages.text_for(length_error("x" * 12_345, "conclusions.1")) == (
        "Konklusion må højst være 10.000 tegn (der står 12.345).")


@pytest.mark.parametrize("field", sorted(FIELD_MAX))
def test_every_limited_field_has_a_danish_label(field):
    assert messages.field_label(field) != field


def test_every_maximum_fits_the_column_it_is_stored_in():
    from tilsyn.store import models, models_force, models_supervision

    columns = {
        "municipality": [models.Municipality.name],
        "name": [models.CareHome.name, models.Resident.name, models.Relative.name, models_force.EpisodeStaff.name],
        "address": [models.CareHome.address, models.Resident.address],
        "postal_code": [models.CareHome.postal_code, models.Resident.postal_code],
        "city": [models.CareHome.city, models.Resident.city],
        "units": [models.Unit.name],
        "unit": [models.Unit.name],
        "room": [models.Resident.room],
        "acting_municipality": [models.Resident.acting_municipality],
        "residence_municipality": [models.Resident.residence_municipality],
        "contact_person": [models.Resident.contact_person],
        "relation": [models.Relative.relation],
        "phone": [models.Relative.phone],
        "decision_reference": [models.Permit.decision_reference],
        "username": [models.User.username],
        "full_name": [models.User.full_name, models.Signature.signer_name],
        "position": [models.User.position, models_force.EpisodeStaff.position],
        "workplace": [models_force.EpisodeStaff.workplace],
        "leader_name": [models_force.ForceForm.leader_name],
        "processed_by_name": [models_force.ForceForm.processed_by_name],
        "processed_by_position": [models_force.ForceForm.processed_by_position],
        "processed_by_municipality": [models_force.ForceForm.processed_by_municipality],
        "title": [models_supervision.SupervisionProgramme.title],
        "seed": [models_supervision.SampleDraw.seed],
        "responsible": [models_supervision.ActionItem.responsible],
    }
    for field, cols in columns.items():
        for col in cols:
            assert FIELD_MAX[field] <= col.type.length, (field, col)
    # The user's label "Fulde navn (brugernavn)" goes into String(200) (who voided a signature).
    assert limits.USER_FULL_NAME_MAX + limits.USERNAME_MAX + len(" ()") <= models.Signature.voided_by.type.length
    # Every other limited field is stored in a Text column.
    for field in set(FIELD_MAX) - set(columns):
        assert limits.FIELD_MAX[field] in (limits.LONG_TEXT_MAX, limits.REASON_MAX, limits.SHORT_TEXT_MAX)


# -- the domain validators -------------------------------------------------------------------------

RESIDENT_TEXTS = ["name", "address", "city", "unit", "room", "acting_municipality", "residence_municipality",
                  "contact_person"]


def resident(**kw) -> ResidentInput:
    return ResidentInput(**{"cpr": "010130-1234", "name": "Jens Hansen", "care_home_id": "h1", **kw})


@pytest.mark.parametrize("field", RESIDENT_TEXTS)
def test_resident_fields_at_their_maximum_are_kept_in_nfc(field):
    value = text(FIELD_MAX[field])
    clean = validate_resident(resident(**{field: value}))
    assert getattr(clean, field) == unicodedata.normalize("NFC", value)


@pytest.mark.parametrize("field", RESIDENT_TEXTS + ["postal_code"])
def test_resident_fields_over_their_maximum_are_refused_by_field(field):
    value = "7" * (FIELD_MAX[field] + 1)
    with pytest.raises(ValidationError) as exc:
        validate_resident(resident(**{field: value}))
    [err] = exc.value.errors
    assert (err.code, err.field, err.params["maximum"]) == ("text_too_long", field, FIELD_MAX[field])


def test_a_resident_row_reports_every_field_that_is_too_long_and_every_other_fault():
    with pytest.raises(ValidationError) as exc:
        validate_resident(resident(cpr="x", name="x" * 201, room="x" * 21, postal_code="12345"))
    assert sorted((e.code, e.field) for e in exc.value.errors) == [
        ("cpr_shape", "cpr"), ("text_too_long", "name"), ("text_too_long", "postal_code"),
        ("text_too_long", "room")]


def test_a_decomposed_name_of_200_characters_is_accepted_and_stored_composed():
    clean = validate_resident(resident(name=A_RING * 200))
    assert clean.name == "Å" * 200


@pytest.mark.parametrize("field", ["name", "relation", "phone"])
def test_relative_fields_over_their_maximum_are_refused(field):
    with pytest.raises(ValidationError) as exc:
        validate_relative(RelativeInput(**{"name": "Ulla", field: "2" * (FIELD_MAX[field] + 1)}))
    assert [(e.code, e.field) for e in exc.value.errors] == [("text_too_long", field)]


@pytest.mark.parametrize("field", ["name", "address", "postal_code", "city"])
def test_care_home_fields_over_their_maximum_are_refused(field):
    validate_care_home(CareHomeInput(**{"name": "Bakkegården", field: "1" * FIELD_MAX[field]}))
    with pytest.raises(ValidationError) as exc:
        validate_care_home(CareHomeInput(**{"name": "Bakkegården", field: "1" * (FIELD_MAX[field] + 1)}))
    assert [(e.code, e.field) for e in exc.value.errors] == [("text_too_long", field)]


def test_a_unit_name_over_its_maximum_is_refused():
    assert validate_care_home(CareHomeInput("B", units=("x" * 100,))).units == ("x" * 100,)
    with pytest.raises(ValidationError) as exc:
        validate_care_home(CareHomeInput("B", units=("Øst", "x" * 101)))
    assert [(e.code, e.field) for e in exc.value.errors] == [("text_too_long", "units")]


def test_permit_prerequisites_and_reference_are_limited():
    cat = current_catalogue()
    day = dt.date(2026, 1, 1)
    validate_permit(cat, ["127_retention"], day, day, "x" * 10_000, "x" * 100)
    with pytest.raises(ValidationError) as exc:
        validate_permit(cat, ["127_retention"], day, day, "x" * 10_001, "x" * 101)
    assert [(e.code, e.field) for e in exc.value.errors] == [("text_too_long", "prerequisites"),
                                                              ("text_too_long", "decision_reference")]


def episode(**kw) -> EpisodeInput:
    started = NOW - dt.timedelta(hours=2)
    base = dict(resident_id="r1", force_type="127_retention", started_at=started, description="Ville gå ud",
                staff=(StaffInput("Pia Jensen", "Bakkegården", "SSA", True),))
    base.update(kw)
    return EpisodeInput(**base)


EPISODE_TEXTS = ["location", "purpose", "description", "avoidance", "least_intrusive", "narrative"]


@pytest.mark.parametrize("field", EPISODE_TEXTS + ["late_reason"])
def test_episode_texts_at_the_maximum_pass_and_over_it_are_refused(field):
    cat = current_catalogue()
    value = text(FIELD_MAX[field])
    assert getattr(validate_episode(episode(**{field: value}), cat, NOW), field) == unicodedata.normalize(
        "NFC", value)
    with pytest.raises(ValidationError) as exc:
        validate_episode(episode(**{field: value + "x"}), cat, NOW)
    assert [(e.code, e.field, e.params["length"]) for e in too_long(exc.value)] == [
        ("text_too_long", field, FIELD_MAX[field] + 1)]


@pytest.mark.parametrize("field", ["name", "workplace", "position"])
def test_staff_fields_are_refused_by_row_and_field(field):
    cat = current_catalogue()
    staff = (StaffInput("Ole Hansen", "Bakkegården", "SSH"),
             StaffInput(**{"name": "Pia Jensen", "is_writer": True, field: "x" * (FIELD_MAX[field] + 1)}))
    with pytest.raises(ValidationError) as exc:
        validate_episode(episode(staff=staff), cat, NOW)
    assert [(e.code, e.field) for e in too_long(exc.value)] == [("text_too_long", f"staff.1.{field}")]


@pytest.mark.parametrize("field", ["necessity", "reflection", "action_plan_updated", "discussed_when",
                                   "discussion_plans", "other", "leader_name"])
def test_leader_section_drafts_are_limited_too(field):
    ok = validate_leader_section(LeaderInput(**{field: A_RING * FIELD_MAX[field]}), for_signing=False)
    assert getattr(ok, field) == "Å" * FIELD_MAX[field]
    with pytest.raises(ValidationError) as exc:
        validate_leader_section(LeaderInput(**{field: "x" * (FIELD_MAX[field] + 1)}), for_signing=False)
    assert [(e.code, e.field) for e in exc.value.errors] == [("text_too_long", field)]


@pytest.mark.parametrize("field", ["followup_remarks", "processed_by_name", "processed_by_position",
                                   "processed_by_municipality"])
def test_authority_section_drafts_are_limited_too(field):
    validate_authority_section(AuthorityInput(**{field: "x" * FIELD_MAX[field]}), for_signing=False)
    with pytest.raises(ValidationError) as exc:
        validate_authority_section(AuthorityInput(**{field: "x" * (FIELD_MAX[field] + 1)}), for_signing=False)
    assert [(e.code, e.field) for e in exc.value.errors] == [("text_too_long", field)]


def test_reasons_are_limited_whether_required_or_not():
    assert require_reason("  " + "x" * 2_000 + " ") == "x" * 2_000
    assert optional_reason("") == ""
    for check in (require_reason, optional_reason):
        with pytest.raises(TextTooLong) as exc:
            check("x" * 2_001)
        assert (exc.value.field, exc.value.params["maximum"]) == ("reason", 2_000)
    with pytest.raises(TextTooLong) as exc:
        optional_reason("x" * 2_001, "comment")
    assert exc.value.field == "comment"


def test_an_exclusion_note_is_limited():
    frame = sampling.build_frame("resident", dt.date(2026, 3, 10), [], {RID: ("other", "x" * 2_000)})
    assert frame.exclusions == ()
    with pytest.raises(TextTooLong) as exc:
        sampling.build_frame("resident", dt.date(2026, 3, 10), [], {RID: ("other", "x" * 2_001)})
    assert exc.value.field == "note"
