"""CSV import of residents: encodings, delimiters, updates by CPR, and all-or-nothing."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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
        (3, "indflytning", "date_not_exist"),  # 01-13-2024
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
    assert [(e.row, e.column, e.error.code) for e in report.errors] == [(2, "bolig", "text_too_long")]
    assert text_for(report.errors[0].error) == "Bolig må højst være 20 tegn (der står 21)."


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
    assert [(e.row, e.column, e.error.code) for e in report.errors] == [(2, "indflytning", "date_not_exist")]


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


# -- issue 9: strict and lean ---------------------------------------------------------------------

HEADER = "cpr;navn;plejecenter;afdeling;kontaktperson\r\n"


def _count(ctx) -> int:
    with ctx.uow_factory() as uow:
        return uow.residents.count()


def _faults(report) -> list[tuple[int, str, str]]:
    return [(e.row, e.column, e.error.code) for e in report.errors]


def test_unterminated_quote_in_the_last_column_is_refused_with_its_row(ctx, homes):
    # Before: the quote swallowed row 3, exit 0, and Jørgen's CPR and name sat in Karen's kontaktperson.
    raw = (HEADER + '120331-1002;Karen Østergaard;Bøgelund;Afsnit Syd;"Mette Kjær\r\n'
           "050728-1003;Jørgen Bøgh;Skovbo;Stuen;Lars Holm\r\n").encode()
    report = ImportService(ctx).import_residents(raw)
    assert _faults(report) == [(2, "", "csv_unterminated_quote")]
    assert text_for(report.errors[0].error).startswith("Et anførselstegn (\") i rækken bliver aldrig afsluttet")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 0) and _count(ctx) == 0


def test_line_break_inside_a_field_is_refused_with_its_row_and_column(ctx, homes):
    # A stray quote in row 2 that a stray quote on the next line closes: one record over two lines,
    # and a spreadsheet numbers it as one row, as the report does.
    raw = (HEADER + '120331-1002;Karen Østergaard;Bøgelund;Afsnit Syd;"Mette Kjær\r\n'
           '050728-1003;Jørgen Bøgh;Skovbo;Stuen";Lars Holm\r\n'
           "230136-1002;Åse Læssøe;Skovbo;;\r\n"
           '281133-1003;"Børge\nÅgesen";Skovbo;;\r\n').encode()
    report = ImportService(ctx).import_residents(raw)
    assert _faults(report) == [
        (2, "kontaktperson", "csv_line_break"),
        (4, "navn", "csv_line_break"),
    ]
    assert "skal stå på én linje" in text_for(report.errors[0].error)
    assert _count(ctx) == 0


def test_text_after_a_closing_quote_is_refused(ctx, homes):
    report = ImportService(ctx).import_residents((HEADER + '120331-1002;"Karen" Østergaard;Bøgelund;;\r\n').encode())
    assert _faults(report) == [(2, "", "csv_quote")]


def _cli_homes(db_url: str) -> None:
    """A municipality with the care home "Lindehaven" in the database the command line will open."""
    from tilsyn.services.app import close_app, open_app

    opened = open_app(db_url)
    try:
        CareHomeService(opened.context).set_up_municipality("Vejle Kommune", [CareHomeInput("Lindehaven")])
    finally:
        close_app(opened.context)


def test_cli_refuses_an_unterminated_quote_with_exit_1_and_the_row(db_url, tmp_path, capsys, cli_login):
    from tilsyn import cli

    _cli_homes(db_url)
    cli_login("sofie", db=db_url, role="caseworker")
    csv_file = tmp_path / "beboere.csv"
    csv_file.write_bytes(("cpr;navn;plejecenter;kontaktperson\r\n"
                          '120331-1002;Karen Østergaard;Lindehaven;"Mette Kjær\r\n'
                          "050728-1003;Jørgen Bøgh;Lindehaven;Lars Holm\r\n").encode())
    assert cli.main(["import-residents", "--db", db_url, str(csv_file)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert "Ingen beboere er oprettet eller ændret." in captured.err
    assert "  Række 2: Et anførselstegn" in captured.err
    assert "0507281003" not in captured.err and "050728-1003" not in captured.err


def test_field_over_the_csv_modules_limit_is_read_and_refused_with_row_and_column(ctx, homes):
    # Before: _csv.Error "field larger than field limit (131072)" as a traceback.
    import csv as csv_module

    limit_before = csv_module.field_size_limit()
    huge = "x" * 200_000
    raw = (HEADER + f"120331-1002;Karen;Bøgelund;;{huge}\r\n"
           f"050728-1003;Jørgen;{huge};;\r\n"
           f"230136-1002;Åse;Skovbo;{'y' * 101};\r\n").encode()
    report = ImportService(ctx).import_residents(raw)
    assert _faults(report) == [
        (2, "kontaktperson", "text_too_long"),
        (3, "plejecenter", "text_too_long"),  # refused for its length, never echoed as an unknown name
        (4, "afdeling", "text_too_long"),
    ]
    assert text_for(report.errors[0].error) == "Kontaktperson må højst være 200 tegn (der står 200.000)."
    assert all(len(text_for(e.error)) < 200 for e in report.errors)
    assert csv_module.field_size_limit() == limit_before and _count(ctx) == 0


def test_field_at_its_maximum_is_imported(ctx, homes):
    name = "Å" * 200
    report = ImportService(ctx).import_residents(f"cpr;navn;plejecenter\n120331-1002;{name};Bøgelund\n".encode())
    assert report.ok and _residents(ctx)["1203311002"]["name"] == name


def test_cpr_and_postal_code_digits_are_ascii_after_nfkc(ctx, homes):
    fullwidth = str.maketrans("0123456789", "０１２３４５６７８９")
    arabic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    ok = f"cpr;navn;plejecenter;postnummer\n{'120331-1002'.translate(fullwidth)};Karen;Bøgelund;{'7100'.translate(fullwidth)}\n"
    report = ImportService(ctx).import_residents(ok.encode())
    assert report.ok and report.created == 1
    assert {k: (v["postal_code"]) for k, v in _residents(ctx).items()} == {"1203311002": "7100"}
    # The same person in Arabic-Indic digits is refused, not stored a second time.
    bad = (f"cpr;navn;plejecenter;postnummer\n{'120331-1002'.translate(arabic)};Karen;Bøgelund;7100\n"
           f"050728-1003;Jørgen;Bøgelund;{'7100'.translate(arabic)}\n")
    report = ImportService(ctx).import_residents(bad.encode())
    assert _faults(report) == [(2, "cpr", "foreign_digits"), (3, "postnummer", "foreign_digits")]
    assert text_for(report.errors[0].error) == "CPR-nummer må kun skrives med cifrene 0-9."
    assert set(_residents(ctx)) == {"1203311002"}


def test_file_mixing_utf8_and_cp1252_is_refused(ctx, homes):
    # Before: read as Windows-1252 and stored as "JÃ¸rgen".
    raw = ("cpr;navn;plejecenter\r\n050728-1003;Jørgen Bøgh;Skovbo\r\n".encode("utf-8")
           + "230136-1002;Åse Læssøe;Bøgelund\r\n".encode("cp1252"))
    with pytest.raises(DomainError) as exc:
        ImportService(ctx).import_residents(raw)
    assert exc.value.code == "csv_mixed_encoding"
    assert "blander UTF-8 og Windows-1252" in text_for(exc.value) and "Gem filen igen" in text_for(exc.value)
    assert _count(ctx) == 0


def test_file_mixing_encodings_across_read_chunks_is_refused(ctx, homes, monkeypatch):
    # The UTF-8 part far before the Windows-1252 part, and a sequence split across two chunks.
    from tilsyn.services import imports

    monkeypatch.setattr(imports, "_CHUNK", 7, raising=False)
    raw = "cpr;navn;plejecenter\n120331-1002;Ø;Bøgelund\n".encode() + "x;Å;y\n".encode("cp1252")
    with pytest.raises(DomainError) as exc:
        ImportService(ctx).import_residents(raw)
    assert exc.value.code == "csv_mixed_encoding"
    pure = "cpr;navn;plejecenter\n120331-1002;Åse Ørnsø;Bøgelund\n".encode("cp1252")
    assert ImportService(ctx).import_residents(pure).encoding == "cp1252"


def test_care_home_and_unit_match_after_nfc_case_and_spacing(ctx, homes):
    import unicodedata

    CareHomeService(ctx).create_care_home(CareHomeInput("Plejecenter Åparken", units=("Åen",)))
    home = unicodedata.normalize("NFD", "  plejecenter\u00a0 ÅPARKEN ")
    unit = unicodedata.normalize("NFD", "ÅEN")
    # Before: refused with "Plejecentret »Plejecenter Åparken« findes ikke." (an identical-looking name).
    report = ImportService(ctx).import_residents(f"cpr;navn;plejecenter;afdeling\n120331-1002;Karen;{home};{unit}\n".encode())
    assert report.ok, [text_for(e.error) for e in report.errors]
    stored = _residents(ctx)["1203311002"]
    assert _unit_name(ctx, stored["unit_id"]) == "Åen"


def test_decomposed_text_is_stored_composed(ctx, homes):
    import unicodedata

    name = unicodedata.normalize("NFD", "Åse Læssøe")
    report = ImportService(ctx).import_residents(f"cpr;navn;plejecenter\n120331-1002;{name};Bøgelund\n".encode())
    assert report.ok and _residents(ctx)["1203311002"]["name"] == "Åse Læssøe"


def _big_file(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("cpr;navn;plejecenter;afdeling;kontaktperson\r\n")
        for i in range(rows):
            day, month, yy = 1 + i % 28, 1 + (i // 28) % 12, (i // 336) % 100
            f.write(f"{day:02d}{month:02d}{yy:02d}-{i % 1000:04d};Beboer {i};Bøgelund;Afsnit Syd;Kontakt {i}\r\n")
    return path


def _peak_traced(fn) -> int:
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_file_is_streamed_so_memory_does_not_grow_with_the_rows(ctx, homes, tmp_path, monkeypatch):
    # Before: bytes + text + lines + every row's cells + every plan, all at once: memory grew with
    # the file (1.2 GB for 100,000 rows). Now it is one batch at a time.
    from tilsyn.services import imports

    monkeypatch.setattr(imports, "BATCH_ROWS", 200, raising=False)
    small, big = _big_file(tmp_path / "small.csv", 400), _big_file(tmp_path / "big.csv", 4000)
    peak_small = _peak_traced(lambda: ImportService(ctx).import_residents(small))
    with ctx.uow_factory() as uow:
        uow.session.execute(Resident.__table__.delete())
        uow.commit()
    peak_big = _peak_traced(lambda: ImportService(ctx).import_residents(big))
    assert _count(ctx) == 4000
    # Ten times the rows, well under twice the memory (holding the rows would be about ten times).
    assert peak_big < 2 * peak_small, (peak_small, peak_big)


def test_a_fault_after_rows_already_written_rolls_them_all_back(ctx, homes, monkeypatch):
    from tilsyn.services import imports

    monkeypatch.setattr(imports, "BATCH_ROWS", 2, raising=False)
    raw = ("cpr;navn;plejecenter\n120331-1002;Karen;Bøgelund\n050728-1003;Jørgen;Skovbo\n"
           "230136-1002;Åse;Skovbo\n281133-1003;Børge;Solgården\n").encode()
    report = ImportService(ctx).import_residents(raw)
    assert _faults(report) == [(5, "plejecenter", "unknown_care_home")]
    assert (report.created, report.updated, report.unchanged, report.rows) == (0, 0, 0, 4)
    assert _count(ctx) == 0


def test_imported_residents_are_in_the_audit_chain_and_verify(ctx, homes, monkeypatch):
    from tilsyn.services import imports
    from tilsyn.services.audit import AuditService

    monkeypatch.setattr(imports, "BATCH_ROWS", 2, raising=False)
    ImportService(ctx).import_residents(UTF8_COMMA.encode())
    ImportService(ctx).import_residents(UTF8_COMMA.replace("Mette Kjær", "Mette Holm").encode())
    verified = AuditService(ctx).verify()
    assert verified.ok, verified
    with ctx.uow_factory() as uow:
        karen_id = str(uow.residents.by_cpr("1203311002").id)
    history = [(e.action, e.entity_type) for e in AuditService(ctx).history(karen_id)]
    assert ("create", "resident") in history and ("update", "resident") in history


def test_unchanged_rows_are_reported_as_unchanged(ctx, homes):
    # Before: a second import of the same file said "2 opdateret".
    first = ImportService(ctx).import_residents(UTF8_COMMA.encode())
    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    again = ImportService(ctx).import_residents(UTF8_COMMA.encode())
    assert (again.created, again.updated, again.unchanged, again.rows) == (0, 0, 2, 2)
    changed = ImportService(ctx).import_residents(UTF8_COMMA.replace("Mette Kjær", "Mette Holm").encode())
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 1)
    # Case and spelling of the care home and unit are no change either.
    respelled = UTF8_COMMA.replace("Mette Kjær", "Mette Holm").replace("Bøgelund,Afsnit Syd", "BØGELUND,afsnit syd")
    assert ImportService(ctx).import_residents(respelled.encode()).unchanged == 2


def test_cli_summary_counts_created_updated_and_unchanged(db_url, tmp_path, capsys, cli_login):
    from tilsyn import cli

    _cli_homes(db_url)
    cli_login("sofie", db=db_url, role="caseworker")
    csv_file = tmp_path / "beboere.csv"
    csv_file.write_text("cpr;navn;plejecenter\n120331-1002;Karen;Lindehaven\n050728-1003;Jørgen;Lindehaven\n",
                        encoding="utf-8")
    assert cli.main(["import-residents", "--db", db_url, str(csv_file)]) == 0
    assert capsys.readouterr().out.strip() == "Indlæst 2 beboere: 2 nye, 0 opdateret, 0 uændret."
    csv_file.write_text("cpr;navn;plejecenter\n120331-1002;Karen Ø;Lindehaven\n050728-1003;Jørgen;Lindehaven\n",
                        encoding="utf-8")
    assert cli.main(["import-residents", "--db", db_url, str(csv_file)]) == 0
    assert capsys.readouterr().out.strip() == "Indlæst 2 beboere: 0 nye, 1 opdateret, 1 uændret."


def test_excel_quirks_bom_sep_line_crlf_and_trailing_empty_lines(ctx, homes):
    raw = codecs.BOM_UTF8 + "sep=;\r\ncpr;navn;plejecenter\r\n120331-1002;Karen;Bøgelund\r\n;;\r\n\r\n\r\n".encode()
    report = ImportService(ctx).import_residents(raw)
    assert report.ok and (report.rows, report.created, report.delimiter) == (1, 1, ";")


_HOSTILE_TEXT = st.lists(
    st.one_of(st.sampled_from(['"', ";", ",", "\r\n", "\n", "120331-1002", "Bøgelund", "Afsnit Syd", "A\u030a",
                               "１", "٣", "👩\u200d⚕️", "01-02-2024"]),
              st.characters(blacklist_categories=("Cs",))),
    max_size=40,
).map("".join)


@settings(max_examples=30)
@given(raw=st.one_of(
    st.binary(max_size=200),
    st.binary(max_size=200).map(lambda b: b"cpr;navn;plejecenter;afdeling;indflytning\r\n" + b),
    _HOSTILE_TEXT.map(lambda t: ("cpr;navn;plejecenter;afdeling;indflytning\r\n" + t).encode()),
    _HOSTILE_TEXT.map(lambda t: ("cpr;navn;plejecenter;afdeling;indflytning\r\n" + t).encode("cp1252", "replace")),
))
def test_random_input_gives_a_report_or_a_domain_refusal_and_never_half_writes(ctx, homes, raw):
    before = _residents(ctx)
    try:
        report = ImportService(ctx).import_residents(raw)
    except DomainError as exc:
        assert text_for(exc)  # a Danish sentence for every refusal
        assert _residents(ctx) == before
        return
    if not report.ok:
        assert all(text_for(e.error) for e in report.errors)
        assert _residents(ctx) == before
    else:
        assert report.created + report.updated + report.unchanged == report.rows
