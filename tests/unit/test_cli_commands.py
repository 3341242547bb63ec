"""The commands end to end through ``tilsyn.cli.main`` on a SQLite file in the test's temp dir."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tilsyn import cli
from tilsyn.services.app import close_app, open_app
from tilsyn.services.residents import ResidentService

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "import-example.csv"


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "tilsyn.sqlite")


def _rows(db: str, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _resident_count(db: str) -> int:
    opened = open_app(db)
    try:
        return ResidentService(opened.context).count()
    finally:
        close_app(opened.context)


def test_demo_fills_an_empty_database_and_prints_a_danish_summary(db, capsys):
    assert cli.main(["demo", "--db", db, "--homes", "2", "--residents-per-home", "5"]) == 0
    out = capsys.readouterr().out
    assert "Oprettet 2 plejecentre (2 kommunale, 0 private) med " in out
    assert "10 beboere" in out and "pårørende" in out and "afgørelse" in out
    assert _resident_count(db) == 10


def test_demo_summary_uses_danish_thousands_separators():
    from tilsyn.services.demo import DemoSummary

    text = cli.demo_summary_text(DemoSummary(19, 17, 2, 57, 1140, 40, 2280, 1, 1, 0))
    assert text.startswith("Oprettet 19 plejecentre (17 kommunale, 2 private) med 57 afdelinger, 1.140 beboere")
    assert "2.280 pårørende og 1 afgørelse om magtanvendelse (1 udløber inden for 30 dage, 0 er udløbet)." in text


def test_demo_refuses_a_filled_database_without_force(db, capsys):
    assert cli.main(["--db", db, "demo", "--homes", "1", "--residents-per-home", "4"]) == 0
    before = _rows(db, "select cpr, name from resident order by cpr")
    capsys.readouterr()

    assert cli.main(["--db", db, "demo", "--homes", "1", "--residents-per-home", "4"]) == 1
    captured = capsys.readouterr()
    assert "Databasen er ikke tom. Brug --force" in captured.err
    assert captured.out == ""
    assert _rows(db, "select cpr, name from resident order by cpr") == before

    assert cli.main(["--db", db, "demo", "--homes", "1", "--residents-per-home", "4", "--force"]) == 0
    assert _resident_count(db) == 8


def test_db_falls_back_to_the_environment(db, monkeypatch, capsys):
    monkeypatch.setenv("TILSYN_DB", db)
    assert cli.main(["demo", "--homes", "1", "--residents-per-home", "2"]) == 0
    assert _resident_count(db) == 2


def test_newer_database_is_refused_in_danish(db, capsys):
    close_app(open_app(db).context)
    con = sqlite3.connect(db)
    con.execute("update alembic_version set version_num = '9999_from_the_future'")
    con.commit()
    con.close()

    assert cli.main(["demo", "--db", db, "--homes", "1", "--residents-per-home", "1"]) == 1
    err = capsys.readouterr().err
    assert "Databasen er lavet af en nyere version af Tilsyn (revision 9999_from_the_future)" in err
    assert _rows(db, "select count(*) from care_home") == [(0,)]


def test_unopenable_database_is_a_refusal_not_a_traceback(tmp_path, capsys):
    blocker = tmp_path / "fil"
    blocker.write_text("ikke en mappe")
    assert cli.main(["demo", "--db", str(blocker / "tilsyn.sqlite")]) == 1
    assert capsys.readouterr().err.startswith("Databasen kan ikke åbnes:")


# -- import-residents ------------------------------------------------------------------------------


@pytest.fixture
def demo_db(db, capsys) -> str:
    """The default demo's care homes and units, without residents (the example file fits them)."""
    assert cli.main(["demo", "--db", db, "--residents-per-home", "0"]) == 0
    capsys.readouterr()
    return db


def test_import_example_then_update(demo_db, capsys):
    assert cli.main(["import-residents", "--db", demo_db, str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.strip() == "Indlæst 5 beboere: 5 nye, 0 opdateret."
    assert cli.main(["--db", demo_db, "import-residents", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.strip() == "Indlæst 5 beboere: 0 nye, 5 opdateret."
    assert _rows(demo_db, "select name from resident where cpr = '2811331003'") == [("Børge Ågesen",)]


def test_import_excel_danish_cp1252(demo_db, tmp_path, capsys):
    csv = tmp_path / "beboere.csv"
    csv.write_bytes(
        "CPR;Navn;Plejecenter;Afdeling;Indflytning\r\n"
        "120331-1002;Ærtegård Sørensen Åby;Lindehaven;Søhuset;01-02-2025\r\n".encode("cp1252")
    )
    assert cli.main(["import-residents", str(csv), "--db", demo_db]) == 0
    assert "Indlæst 1 beboer: 1 nye, 0 opdateret." in capsys.readouterr().out
    assert _rows(demo_db, "select name, move_in from resident") == [("Ærtegård Sørensen Åby", "2025-02-01")]


def test_import_with_a_bad_row_reports_and_writes_nothing(demo_db, tmp_path, capsys):
    csv = tmp_path / "beboere.csv"
    csv.write_text(
        "cpr,navn,plejecenter,afdeling,indflytning\n"
        "120331-1002,Karen Østergaard,Lindehaven,Søhuset,01-02-2025\n"
        "050728-1003,Jørgen Bøgh,Lindehaven,Kælderen,01-02-2025\n"
        "230136-1002,Grethe Højgaard,Lindehaven,Søhuset,1. februar\n",
        encoding="utf-8",
    )
    assert cli.main(["import-residents", "--db", demo_db, str(csv)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "blev ikke indlæst: 2 fejl i 2 rækker. Ingen beboere er oprettet eller ændret." in captured.err
    assert "Række 3, kolonne »afdeling«: Afdelingen »Kælderen« findes ikke på plejecentret." in captured.err
    assert "Række 4, kolonne »indflytning«: Datoen »1. februar« skal skrives som DD-MM-ÅÅÅÅ." in captured.err
    assert _rows(demo_db, "select count(*) from resident") == [(0,)]


def test_import_missing_file_is_refused_without_creating_a_database(tmp_path, capsys):
    db = tmp_path / "ny.sqlite"
    missing = tmp_path / "findes-ikke.csv"
    assert cli.main(["import-residents", "--db", str(db), str(missing)]) == 1
    assert capsys.readouterr().err.strip() == f"Filen {missing} findes ikke."
    assert not db.exists()


def test_import_missing_required_column(demo_db, tmp_path, capsys):
    csv = tmp_path / "beboere.csv"
    csv.write_text("cpr;navn\n120331-1002;Karen\n", encoding="utf-8")
    assert cli.main(["import-residents", "--db", demo_db, str(csv)]) == 1
    assert capsys.readouterr().err.strip() == "Filen mangler kolonnerne: plejecenter."


def test_import_usage_error_is_exit_2(demo_db, capsys):
    assert cli.main(["import-residents", "--db", demo_db, "a.csv", "b.csv"]) == 2
    assert "ukendte argumenter: b.csv" in capsys.readouterr().err
