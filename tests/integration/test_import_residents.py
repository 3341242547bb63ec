"""CSV import of residents: encodings, delimiters, updates by CPR, and all-or-nothing."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from tilsyn.domain.errors import DomainError
from tilsyn.domain.people import CareHomeInput
from tilsyn.domain.roles import Actor, PermissionDenied, Role
from tilsyn.messages import text_for
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.demo import DemoService
from tilsyn.services.imports import ImportService
from tilsyn.store.models import Resident

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "import-example.csv"
D = dt.date


@pytest.fixture
def homes(ctx):
    return CareHomeService(ctx).set_up_municipality(
        "Vejle Kommune",
        [
            CareHomeInput("Bøgelund", "municipal", "Bøgevej 4", "7100", "Vejle", ("Afsnit Syd", "Afsnit Nord")),
            CareHomeInput("Skovbo", "private", "Skovvej 9", "7300", "Jelling", ("Stuen",)),
        ],
    )


def _residents(ctx) -> dict[str, dict]:
    cols = (Resident.cpr, Resident.name, Resident.address, Resident.postal_code, Resident.city, Resident.room,
            Resident.move_in, Resident.move_out, Resident.acting_municipality, Resident.residence_municipality,
            Resident.contact_person, Resident.care_home_id, Resident.unit_id)
    with ctx.uow_factory() as uow:
        return {row.cpr: row._asdict() for row in uow.session.execute(select(*cols))}


def _unit_name(ctx, unit_id) -> str | None:
    with ctx.uow_factory() as uow:
        for home in uow.care_homes.list_all():
            for u in home.units:
                if u.id == unit_id:
                    return u.name
    return None


UTF8_COMMA = (
    "cpr,navn,adresse,postnummer,by,plejecenter,afdeling,bolig,indflytning,fraflytning,"
    "handlekommune,opholdskommune,kontaktperson\n"
    "120331-1002,Karen Østergaard,Bøgevej 4,7100,Vejle,Bøgelund,Afsnit Syd,12,01-03-2024,,"
    "Vejle Kommune,Vejle Kommune,Mette Kjær\n"
    '0507281003,Jørgen Bøgh,"Skovvej 9, st.",7300,Jelling,skovbo,stuen,3,2023-11-20,31-08-2026,'
    "Fredericia Kommune,Vejle Kommune,Lars Holm\n"
)


def test_utf8_comma_file_with_bom_creates_residents(ctx, homes):
    report = ImportService(ctx).import_residents(codecs.BOM_UTF8 + UTF8_COMMA.encode("utf-8"))

    assert report.ok and (report.created, report.updated, report.rows) == (2, 0, 2)
    assert (report.encoding, report.delimiter) == ("utf-8", ",")
    stored = _residents(ctx)
    karen = stored["1203311002"]
    assert karen["name"] == "Karen Østergaard" and karen["move_in"] == D(2024, 3, 1) and karen["room"] == "12"
    assert karen["care_home_id"].hex == homes[0].id.replace("-", "")
    assert _unit_name(ctx, karen["unit_id"]) == "Afsnit Syd"
    jorgen = stored["0507281003"]
    # Care home and unit match without regard to case; ISO dates work too; quoted commas stay.
    assert jorgen["address"] == "Skovvej 9, st." and _unit_name(ctx, jorgen["unit_id"]) == "Stuen"
    assert (jorgen["move_in"], jorgen["move_out"]) == (D(2023, 11, 20), D(2026, 8, 31))
    assert jorgen["acting_municipality"] == "Fredericia Kommune"


def test_excel_danish_cp1252_semicolon_file(ctx, homes):
    text = (
        " CPR ;Navn;Plejecenter;Afdeling;Bolig;Indflytning;Kontakt person\r\n"
        "230136-1002;Åse Læssøe;Bøgelund;Afsnit Nord;7;15-09-2025;Søren Ærø\r\n"
        ";;;;;;\r\n"
    )
    raw = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the test file really is not UTF-8

    report = ImportService(ctx).import_residents(raw)

    assert report.ok and report.created == 1 and (report.encoding, report.delimiter) == ("cp1252", ";")
    stored = _residents(ctx)["2301361002"]
    assert stored["name"] == "Åse Læssøe" and stored["contact_person"] == "Søren Ærø"
    assert stored["move_in"] == D(2025, 9, 15)


def test_headers_ignore_case_and_spaces_and_unknown_columns_are_reported(ctx, homes):
    raw = "Kontakt Person;CPR;NAVN;Plejecenter;Telefon\nAnne;120331-1002;Karen;Bøgelund;12345678\n".encode()
    report = ImportService(ctx).import_residents(raw)
    assert report.ok and report.ignored_columns == ("Telefon",)
    assert _residents(ctx)["1203311002"]["contact_person"] == "Anne"


def test_known_cpr_updates_the_resident_and_absent_columns_are_kept(ctx, homes):
    ImportService(ctx).import_residents(UTF8_COMMA.encode())
    update = (
        "cpr;navn;plejecenter;afdeling;fraflytning\n"
        "1203311002;Karen Margrethe Østergaard;Bøgelund;Afsnit Nord;30-11-2026\n"
        "281133-1003;Børge Ågesen;Skovbo;;\n"
    )
    report = ImportService(ctx).import_residents(update.encode())

    assert report.ok and (report.created, report.updated) == (1, 1)
    stored = _residents(ctx)
    karen = stored["1203311002"]
    assert karen["name"] == "Karen Margrethe Østergaard"
    assert _unit_name(ctx, karen["unit_id"]) == "Afsnit Nord"
    assert karen["move_out"] == D(2026, 11, 30)
    # Columns the file lacks keep their stored values.
    assert karen["move_in"] == D(2024, 3, 1) and karen["room"] == "12" and karen["contact_person"] == "Mette Kjær"
    assert len(stored) == 3


def test_present_but_empty_column_clears_the_stored_value(ctx, homes):
    ImportService(ctx).import_residents(UTF8_COMMA.encode())
    report = ImportService(ctx).import_residents("cpr,navn,plejecenter,fraflytning\n0507281003,Jørgen Bøgh,Skovbo,\n".encode())
    assert report.ok and report.updated == 1
    assert _residents(ctx)["0507281003"]["move_out"] is None


def test_one_bad_row_among_good_ones_writes_nothing(ctx, homes):
    ImportService(ctx).import_residents(UTF8_COMMA.encode())
    before = _residents(ctx)
    raw = (
        "cpr;navn;plejecenter;afdeling;indflytning;fraflytning\n"
        "1203311002;Karen Ny;Bøgelund;Afsnit Nord;;\n"      # row 2: a good update
        "130331-1002;Åse Øberg;Bøgelund;Kælderen;01-13-2024;\n"  # row 3: unknown unit, bad date
        "\n"                                                # row 4: blank, skipped but counted
        "311399-1234;;Solgården;;;\n"                       # row 5: month 13 in CPR, no name, unknown home
        "120331-1002;Karen igen;Skovbo;;01-02-2024;01-01-2024\n"  # row 6: CPR again, moves out before in
        "2811331003;Børge Ågesen;Skovbo;;;\n"               # row 7: good
    ).encode()

    report = ImportService(ctx).import_residents(raw)

    assert not report.ok and (report.created, report.updated) == (0, 0)
    found = [(e.row, e.column, e.error.code) for e in report.errors]
    assert found == [
        (3, "afdeling", "unknown_unit"),
        (3, "indflytning", "date_format"),
        (5, "cpr", "cpr_month"),
        (5, "navn", "required"),
        (5, "plejecenter", "unknown_care_home"),
        (6, "cpr", "csv_duplicate_cpr"),
        (6, "fraflytning", "move_out_before_move_in"),
    ]
    assert report.rows_with_errors == 3
    by_row = {(e.row, e.column): text_for(e.error) for e in report.errors}
    assert by_row[(6, "cpr")] == "CPR-nummeret står også i række 2."
    assert by_row[(3, "afdeling")] == "Afdelingen »Kælderen« findes ikke på plejecentret."
    assert _residents(ctx) == before  # nothing written, not even the good rows


def test_too_long_values_are_refused_before_the_database_sees_them(ctx, homes):
    report = ImportService(ctx).import_residents(f"cpr,navn,plejecenter,bolig\n120331-1002,Karen,Bøgelund,{'x' * 21}\n".encode())
    assert [(e.row, e.column, e.error.code) for e in report.errors] == [(2, "bolig", "too_long")]
    assert text_for(report.errors[0].error) == "Bolig må højst være 20 tegn."


def test_unquoted_delimiter_inside_a_field_is_caught(ctx, homes):
    report = ImportService(ctx).import_residents("cpr,navn,plejecenter\n120331-1002,Østergaard, Karen,Bøgelund\n".encode())
    assert [(e.row, e.column, e.error.code) for e in report.errors] == [(2, "", "csv_extra_cells")]
    assert _residents(ctx) == {}


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"cpr;navn\n120331-1002;Karen\n", "csv_missing_columns"),
        (b"cpr,navn,plejecenter\n", "csv_empty"),
        (b"", "csv_empty"),
        ("cpr,navn,plejecenter\n".encode("utf-16"), "csv_encoding"),
        (b"cpr,navn,Navn,plejecenter\n1,2,3,4\n", "csv_duplicate_column"),
    ],
)
def test_file_level_faults_raise_and_write_nothing(ctx, homes, raw, code):
    with pytest.raises(DomainError) as exc:
        ImportService(ctx).import_residents(raw)
    assert exc.value.code == code
    assert _residents(ctx) == {}


def test_missing_required_column_names_it(ctx, homes):
    with pytest.raises(DomainError) as exc:
        ImportService(ctx).import_residents(b"cpr;navn\n120331-1002;Karen\n")
    assert text_for(exc.value) == "Filen mangler kolonnerne: plejecenter."


def test_missing_file(ctx, tmp_path):
    with pytest.raises(DomainError) as exc:
        ImportService(ctx).import_residents(tmp_path / "findes-ikke.csv")
    assert exc.value.code == "file_not_found"


def test_excel_sep_line_is_honoured_and_not_counted(ctx, homes):
    raw = "sep=;\ncpr;navn;plejecenter;indflytning\n120331-1002;Karen, Østergaard;Bøgelund;32-01-2024\n".encode()
    report = ImportService(ctx).import_residents(raw)
    assert [(e.row, e.column, e.error.code) for e in report.errors] == [(2, "indflytning", "date_format")]


def test_import_needs_the_permission(ctx, homes):
    ctx.user = Actor("u1", "lis", "Lis Leder", Role.LEADER, frozenset({homes[0].id}))
    with pytest.raises(PermissionDenied):
        ImportService(ctx).import_residents(UTF8_COMMA.encode())


def test_documented_example_imports_into_the_default_demo(ctx):
    # The default demo's care homes and units do not depend on the number of residents.
    DemoService(ctx).fill(residents_per_home=0)
    report = ImportService(ctx).import_residents(EXAMPLE)
    assert report.ok, [(e.row, e.column, text_for(e.error)) for e in report.errors]
    assert report.created == 5 and report.ignored_columns == ()
