import datetime as dt

import pytest

from tilsyn.domain.cpr import century_for, has_foreign_digits, mask, normalise_digits, parse_cpr
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


# -- digits: ASCII after NFKC (issue 9) -----------------------------------------------------------

FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    "typed",
    [
        "120331-1002".translate(FULLWIDTH),  # what a Japanese or Chinese input method types
        "1203311002".translate(FULLWIDTH),
        "120331\u00a01002",  # a no-break space between the parts
        "１２０３３１-1002",  # partly fullwidth
    ],
)
def test_fullwidth_digits_become_ascii(typed):
    cpr = parse_cpr(typed)
    assert cpr.digits == "1203311002" and cpr.digits.isascii()


@pytest.mark.parametrize(
    "typed",
    [
        "120331-1002".translate(ARABIC_INDIC),
        "12033١-1002",  # one Arabic-Indic digit among ASCII ones
        "۱۲۰۳۳۱۱۰۰۲",  # Extended Arabic-Indic (Persian)
        "१२०३३११००२",  # Devanagari
    ],
)
def test_other_scripts_digits_are_refused(typed):
    # \d and int() read these as digits; stored, the same person would exist under two numbers.
    with pytest.raises(InvalidCpr) as exc:
        parse_cpr(typed)
    assert exc.value.code == "foreign_digits" and exc.value.field == "cpr"
    assert text_for(exc.value) == "CPR-nummer må kun skrives med cifrene 0-9."


def test_compatibility_digits_are_ascii_after_nfkc():
    # MATHEMATICAL BOLD DIGIT ONE has a compatibility mapping to "1", so NFKC makes it ASCII.
    assert parse_cpr("120331-𝟏002").digits == "1203311002"
    assert normalise_digits(" ７１００ ") == "7100"
    assert not has_foreign_digits("7100") and has_foreign_digits("٧١٠٠")


def test_letters_are_still_a_shape_fault():
    for typed in ("01015O-1234", "０１０１５Ｏ-1234"):
        with pytest.raises(InvalidCpr) as exc:
            parse_cpr(typed)
        assert exc.value.code == "cpr_shape"
