import datetime as dt

import pytest

from tilsyn.domain.cpr import century_for, mask, parse_cpr
from tilsyn.domain.errors import InvalidCpr
from tilsyn.messages import text_for


@pytest.mark.parametrize(
    "seventh, yy, year",
    [
        (0, 50, 1950), (3, 99, 1999), (3, 0, 1900),
        (4, 0, 2000), (4, 36, 2036), (4, 37, 1937), (9, 36, 2036), (9, 37, 1937),
        (5, 0, 2000), (5, 57, 2057), (5, 58, 1858), (8, 99, 1899), (6, 57, 2057), (7, 58, 1858),
    ],
)
def test_century_rule(seventh, yy, year):
    assert century_for(yy, seventh) == year


@pytest.mark.parametrize(
    "cpr, born",
    [
        ("290200-4123", dt.date(2000, 2, 29)),  # 2000 is a leap year
        ("290200-9123", dt.date(2000, 2, 29)),
        ("290200-5123", dt.date(2000, 2, 29)),
        ("290236-4123", dt.date(2036, 2, 29)),
        ("290236-0123", dt.date(1936, 2, 29)),
        ("290256-5123", dt.date(2056, 2, 29)),
        ("290260-5123", dt.date(1860, 2, 29)),  # 5-8 with YY > 57 is the 1800s
        ("0101501234", dt.date(1950, 1, 1)),  # dash optional
        (" 311299-3999 ", dt.date(1999, 12, 31)),
    ],
)
def test_valid_dates_across_centuries(cpr, born):
    assert parse_cpr(cpr).birth_date == born


@pytest.mark.parametrize(
    "cpr, code",
    [
        ("290200-0123", "cpr_day"),  # 1900 is not a leap year
        ("290200-3123", "cpr_day"),
        ("290237-4123", "cpr_day"),  # 1937, not 2037
        ("290258-5123", "cpr_day"),  # 1858 is not a leap year
        ("290201-4123", "cpr_day"),
        ("320150-1234", "cpr_day"),
        ("300252-1234", "cpr_day"),
        ("001350-1234", "cpr_month"),
        ("010050-1234", "cpr_month"),
        ("12345", "cpr_shape"),
        ("010150-12345", "cpr_shape"),
        ("01015O-1234", "cpr_shape"),
        ("", "cpr_empty"),
        ("   ", "cpr_empty"),
    ],
)
def test_each_fault_has_its_own_code(cpr, code):
    with pytest.raises(InvalidCpr) as exc:
        parse_cpr(cpr)
    assert exc.value.code == code
    assert exc.value.field == "cpr"


def test_no_modulus_11_requirement():
    # 010150-1235 fails modulus 11 but is a valid CPR number since 2007.
    assert parse_cpr("010150-1235").digits == "0101501235"


def test_danish_messages_name_the_fault():
    with pytest.raises(InvalidCpr) as exc:
        parse_cpr("290200-0123")
    assert text_for(exc.value) == "CPR-nummeret har en dato, der ikke findes: 29. februar 1900."
    with pytest.raises(InvalidCpr) as exc:
        parse_cpr("011350-1234")
    assert text_for(exc.value) == "CPR-nummeret har en ugyldig måned (13). Måneden skal være 01-12."
    with pytest.raises(InvalidCpr) as exc:
        parse_cpr("abc")
    assert "DDMMÅÅ-XXXX" in text_for(exc.value)


def test_masking():
    assert mask("0101501234") == "010150-xxxx"
    assert mask("010150-1234") == "010150-xxxx"
    assert parse_cpr("0101501234").masked == "010150-xxxx"
    assert parse_cpr("0101501234").formatted == "010150-1234"
