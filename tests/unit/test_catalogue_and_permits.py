import datetime as dt

import pytest

from tilsyn.domain.catalogue import available_versions, load_catalogue, parse_catalogue
from tilsyn.domain.errors import DomainError, ValidationError
from tilsyn.domain.permits import PermitTerms, covering_permit, validate_permit

D = dt.date


def test_2010_catalogue_has_every_type_with_its_paragraph():
    cat = load_catalogue("2010")
    assert [(t.paragraph, t.label) for t in cat.types] == [
        ("§ 125", "Personlig alarm"),
        ("§ 125", "Pejlesystemer"),
        ("§ 125", "Særlige døråbnere"),
        ("§ 126", "Akut fastholdelse og føren"),
        ("§ 126 a", "Fastholdelse i hygiejnesituationer"),
        ("§ 127", "Tilbageholdelse i boligen"),
        ("§ 128", "Fastspænding med bløde stofseler"),
    ]
    hygiene = cat.get("126a_hygiene")
    assert [s.label for s in hygiene.situations] == [
        "Tandbørstning",
        "Barbering",
        "Hårvask, badning og tøjskift",
        "Klipning af hår og negle",
        "Skiftning af bleer og bind",
        "Pleje af hud",
        "Fjernelse af madrester i kindpose eller mundhule",
    ]
    assert hygiene.display == "Fastholdelse i hygiejnesituationer (§ 126 a)"
    assert "2010" in available_versions()


def test_unknown_type_and_duplicate_codes_are_refused():
    with pytest.raises(DomainError) as exc:
        load_catalogue("2010").get("999_x")
    assert exc.value.code == "unknown_force_type"
    with pytest.raises(ValueError):
        parse_catalogue(
            'version="x"\ntitle="t"\nvalid_from=2020-01-01\n'
            '[[types]]\ncode="a"\nparagraph="§ 1"\nlabel="A"\n'
            '[[types]]\ncode="a"\nparagraph="§ 2"\nlabel="B"\n'
        )


def test_permit_covers_type_inside_period_only():
    p = PermitTerms(frozenset({"127_retention"}), D(2026, 1, 1), D(2026, 6, 30), "2010")
    assert p.covers("127_retention", D(2026, 1, 1))
    assert p.covers("127_retention", D(2026, 6, 30))
    assert not p.covers("127_retention", D(2026, 7, 1))
    assert not p.covers("127_retention", D(2025, 12, 31))
    assert not p.covers("128_belts", D(2026, 3, 1))
    other = PermitTerms(frozenset({"128_belts"}), D(2026, 3, 1), D(2026, 3, 31), "2010")
    assert covering_permit([p, other], "128_belts", D(2026, 3, 15)) is other
    assert covering_permit([p, other], "128_belts", D(2026, 4, 1)) is None


def test_ending_within_30_days():
    p = PermitTerms(frozenset({"125_alarm"}), D(2026, 1, 1), D(2026, 12, 10), "2010")
    assert p.ends_within(D(2026, 11, 23))
    assert p.ends_within(D(2026, 11, 10))
    assert not p.ends_within(D(2026, 11, 9))
    assert not p.ends_within(D(2026, 12, 11))  # already expired


def test_validate_permit_reports_every_fault():
    cat = load_catalogue("2010")
    with pytest.raises(ValidationError) as exc:
        validate_permit(cat, [], D(2026, 2, 1), D(2026, 1, 1), "")
    codes = {e.code for e in exc.value.errors}
    assert codes == {"permit_no_types", "period_reversed", "required"}
    terms = validate_permit(cat, ["125_alarm", "126a_hygiene"], D(2026, 1, 1), D(2026, 12, 31), "Kun ved bad")
    assert terms.catalogue_version == "2010"
    with pytest.raises(ValidationError) as exc:
        validate_permit(cat, ["nope"], D(2026, 1, 1), D(2026, 2, 1), "x")
    assert exc.value.errors[0].code == "unknown_force_type"
