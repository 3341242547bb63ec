import datetime as dt

import pytest

from tilsyn.domain.errors import ValidationError
from tilsyn.domain.people import (
    CareHomeInput,
    RelativeInput,
    ResidentInput,
    lives_in_home_on,
    validate_care_home,
    validate_relative,
    validate_resident,
)
from tilsyn.messages import parse_date, text_for


def test_resident_is_cleaned():
    r = validate_resident(ResidentInput(" 010150-1234 ", "  Jens   Hansen ", "home", postal_code="7100 "))
    assert r.cpr == "0101501234"
    assert r.name == "Jens Hansen"
    assert r.postal_code == "7100"


def test_resident_reports_all_faults_at_once():
    with pytest.raises(ValidationError) as exc:
        validate_resident(
            ResidentInput("300252-1234", "", None, postal_code="71", move_in=dt.date(2020, 1, 2),
                          move_out=dt.date(2020, 1, 1))
        )
    fields = exc.value.by_field()
    assert set(fields) == {"cpr", "name", "care_home_id", "postal_code", "move_out"}
    assert text_for(fields["name"]) == "Navn skal udfyldes."
    assert text_for(fields["move_out"]) == "Fraflytning kan ikke ligge før indflytning."


def test_care_home_kind_and_units():
    h = validate_care_home(CareHomeInput(" Bakkegården ", "private", units=("A", "a ", " B", "")))
    assert h.name == "Bakkegården" and h.units == ("A", "B")
    with pytest.raises(ValidationError) as exc:
        validate_care_home(CareHomeInput("X", "hospital"))
    assert exc.value.errors[0].code == "care_home_kind"


def test_relative_phone():
    assert validate_relative(RelativeInput("Mette", "datter", "+45 20 30 40 50")).phone == "+45 20 30 40 50"
    with pytest.raises(ValidationError) as exc:
        validate_relative(RelativeInput("Mette", "datter", "12ab"))
    assert exc.value.errors[0].field == "phone"


@pytest.mark.parametrize("digits", ["٢٠٣٠٤٠٥٠", "２０３０４０５０", "२०३०४०५०"])
def test_a_phone_number_in_other_scripts_digits_is_refused(digits):
    # \d would accept them; a phone cannot dial them, and the export would carry them as typed.
    with pytest.raises(ValidationError) as exc:
        validate_relative(RelativeInput("Mette", "datter", digits))
    assert exc.value.errors[0].field == "phone"


def test_lives_in_home_on_move_out_day_is_last_day():
    d = dt.date
    assert lives_in_home_on(d(2020, 1, 1), d(2020, 6, 30), d(2020, 6, 30))
    assert not lives_in_home_on(d(2020, 1, 1), d(2020, 6, 30), d(2020, 7, 1))
    assert not lives_in_home_on(d(2020, 1, 1), None, d(2019, 12, 31))
    assert lives_in_home_on(None, None, d(2019, 12, 31))


def test_danish_dates():
    assert parse_date("05-03-2026") == dt.date(2026, 3, 5)
    assert parse_date("5.3.2026") == dt.date(2026, 3, 5)
    assert parse_date("2026-03-05") == dt.date(2026, 3, 5)
    assert parse_date("") is None
    with pytest.raises(Exception) as exc:
        parse_date("31-02-2026", field="move_in")
    assert text_for(exc.value) == "Datoen 31-02-2026 findes ikke: februar 2026 har kun 28 dage."


# -- postal codes: ASCII digits after NFKC (issue 9) ----------------------------------------------


def test_fullwidth_postal_code_is_stored_in_ascii():
    r = validate_resident(ResidentInput("120331-1002", "Karen", "home", postal_code="７１００"))
    h = validate_care_home(CareHomeInput("Bøgelund", postal_code="７１００"))
    assert r.postal_code == "7100" and h.postal_code == "7100"


@pytest.mark.parametrize("postal", ["٧١٠٠", "71٠٠", "७१००"])
def test_postal_code_in_other_scripts_digits_is_refused(postal):
    for check in (
        lambda: validate_resident(ResidentInput("120331-1002", "Karen", "home", postal_code=postal)),
        lambda: validate_care_home(CareHomeInput("Bøgelund", postal_code=postal)),
    ):
        with pytest.raises(ValidationError) as exc:
            check()
        err = exc.value.by_field()["postal_code"]
        assert err.code == "foreign_digits"
        assert text_for(err) == "Postnummer må kun skrives med cifrene 0-9."
