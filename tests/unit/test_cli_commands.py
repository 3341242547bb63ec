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
def demo_db(db, capsys, cli_login) -> str:
    """The default demo's care homes and units, without residents (the example file fits them);
    the command line logs in as the demo's caseworker."""
    assert cli.main(["demo", "--db", db, "--residents-per-home", "0"]) == 0
    capsys.readouterr()
    cli_login("sagsbehandler")
    return db


def test_import_example_then_update(demo_db, capsys):
    assert cli.main(["import-residents", "--db", demo_db, str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.strip() == "Indlæst 5 beboere: 5 nye, 0 opdateret, 0 uændret."
    assert cli.main(["--db", demo_db, "import-residents", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.strip() == "Indlæst 5 beboere: 0 nye, 0 opdateret, 5 uændret."
    assert _rows(demo_db, "select name from resident where cpr = '2811331003'") == [("Børge Ågesen",)]


def test_import_excel_danish_cp1252(demo_db, tmp_path, capsys):
    csv = tmp_path / "beboere.csv"
    csv.write_bytes(
        "CPR;Navn;Plejecenter;Afdeling;Indflytning\r\n"
        "120331-1002;Ærtegård Sørensen Åby;Lindehaven;Søhuset;01-02-2025\r\n".encode("cp1252")
    )
    assert cli.main(["import-residents", str(csv), "--db", demo_db]) == 0
    assert "Indlæst 1 beboer: 1 nye, 0 opdateret, 0 uændret." in capsys.readouterr().out
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


def test_import_missing_file_is_refused_before_the_login(demo_db, tmp_path, capsys):
    missing = tmp_path / "findes-ikke.csv"
    logins = _rows(demo_db, "select count(*) from audit_entry where action = 'login'")
    assert cli.main(["import-residents", "--db", demo_db, str(missing)]) == 1
    assert capsys.readouterr().err.strip() == f"Filen {missing} findes ikke."
    assert _rows(demo_db, "select count(*) from audit_entry where action = 'login'") == logins


def test_import_into_a_database_that_does_not_exist_creates_none(tmp_path, capsys, cli_login):
    # Nobody can log in to a database that does not exist: it is refused, never created.
    cli_login("sagsbehandler")
    db = tmp_path / "ny.sqlite"
    assert cli.main(["import-residents", "--db", str(db), str(EXAMPLE)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"Databasen {db} findes ikke. Kontrollér stien i --db (eller $TILSYN_DB). Kommandoen kræver et login "
        "og opretter ikke en ny database."
    )
    assert not db.exists()


def test_import_missing_required_column(demo_db, tmp_path, capsys):
    csv = tmp_path / "beboere.csv"
    csv.write_text("cpr;navn\n120331-1002;Karen\n", encoding="utf-8")
    assert cli.main(["import-residents", "--db", demo_db, str(csv)]) == 1
    assert capsys.readouterr().err.strip() == "Filen mangler kolonnerne: plejecenter."


def test_import_usage_error_is_exit_2(demo_db, capsys):
    assert cli.main(["import-residents", "--db", demo_db, "a.csv", "b.csv"]) == 2
    assert "ukendte argumenter: b.csv" in capsys.readouterr().err


# -- the top-level handler: no traceback, no SQL parameters, details in a private log ------------


def _leaky_integrity_error(tmp_path):
    """A real IntegrityError from a plain engine; its str() holds CPR numbers and names."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import IntegrityError

    engine = create_engine(f"sqlite:///{tmp_path / 'leaky.sqlite'}")
    try:
        with engine.begin() as con:
            con.execute(text("create table resident (cpr text unique, name text)"))
            con.execute(text("insert into resident values ('0101501234', 'Anna Hansen')"))
        with engine.begin() as con:
            con.execute(text("insert into resident values (:cpr, :name)"),
                        [{"cpr": "0202502345", "name": "Bent Jensen"}, {"cpr": "0101501234", "name": "Anna Hansen"}])
    except IntegrityError as exc:
        assert "0202502345" in str(exc) and "Bent Jensen" in str(exc)  # what a traceback would show
        return exc
    finally:
        engine.dispose()
    raise AssertionError("no IntegrityError")


@pytest.fixture
def private_data_dir(tmp_path, monkeypatch):
    from tilsyn.services import errorlog

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("TILSYN_DB", raising=False)
    monkeypatch.setattr(errorlog, "_database", None)
    return tmp_path / "xdg" / "Tilsyn"


def test_an_unexpected_error_prints_one_danish_line_and_logs_without_cpr(
    demo_db, tmp_path, monkeypatch, capsys, private_data_dir
):
    import os
    import stat

    leaky = _leaky_integrity_error(tmp_path)

    def explode(self, raw):
        raise leaky

    monkeypatch.setattr(cli.ImportService, "import_residents", explode)
    assert cli.main(["import-residents", "--db", demo_db, str(EXAMPLE)]) == 1
    captured = capsys.readouterr()
    log = Path(demo_db).parent / "tilsyn-fejl.log"
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"Der opstod en uventet fejl. Detaljerne er gemt i {log} (hændelse ")
    for secret in ("0202502345", "0101501234", "Bent Jensen", "Anna Hansen", "Traceback", "INSERT", "insert"):
        assert secret not in captured.err
    assert captured.out == ""
    content = log.read_text(encoding="utf-8")
    incident = lines[0].rsplit("hændelse ", 1)[1].rstrip(").")
    assert f"hændelse {incident} (pid {os.getpid()}, tilsyn import-residents)" in content
    assert "Traceback (most recent call last)" in content and "in explode" in content
    assert "sqlalchemy.exc.IntegrityError" in content and "UNIQUE constraint failed: resident.cpr" in content
    for secret in ("0202502345", "0101501234", "Bent Jensen", "Anna Hansen"):
        assert secret not in content
    if os.name == "posix":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_an_unexpected_error_before_any_database_logs_in_a_new_private_data_folder(
    tmp_path, monkeypatch, capsys, private_data_dir
):
    import os
    import stat

    def explode(ns):
        raise RuntimeError("uventet i 0101501234")

    monkeypatch.setattr(cli, "_db_passphrase", explode)  # runs before the database is opened
    assert cli.main(["demo"]) == 1
    err = capsys.readouterr().err
    log = private_data_dir / "tilsyn-fejl.log"
    assert f"Detaljerne er gemt i {log} (hændelse " in err and "0101501234" not in err
    assert "uventet i XXXXXX-XXXX" in log.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(private_data_dir.stat().st_mode) == 0o700
        assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_database_is_locked_is_a_danish_message_not_the_driver_text(demo_db, monkeypatch, capsys, private_data_dir):
    from sqlalchemy.exc import OperationalError

    from tilsyn.domain.errors import DomainError
    from tilsyn.messages import text_for

    def locked(self, raw):
        raise OperationalError("INSERT INTO resident ...", {"cpr": "0101501234"},
                               sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(cli.ImportService, "import_residents", locked)
    assert cli.main(["import-residents", "--db", demo_db, str(EXAMPLE)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == text_for(DomainError("database_busy"))
    assert "database is locked" not in err and "0101501234" not in err and "afvist (database_busy)" not in err


def test_ctrl_c_is_a_danish_line_not_a_traceback(demo_db, monkeypatch, capsys):
    def interrupted(self, raw):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.ImportService, "import_residents", interrupted)
    assert cli.main(["import-residents", "--db", demo_db, str(EXAMPLE)]) == 1
    assert capsys.readouterr().err.strip() == "Afbrudt. Intet er ændret."


# -- commands that only read refuse a database that does not exist --------------------------------

READ_ONLY = [
    ["verify"],
    ["export-month", "--month", "2026-01", "--out", "{tmp}/ud"],
    ["sample-verify", "--year", "2026"],
    ["report-visit", "--visit", "x", "--out", "{tmp}/ud/rapport.pdf"],
    ["report-annual", "--year", "2026", "--out", "{tmp}/ud/aar.pdf"],
]


@pytest.mark.parametrize("args", READ_ONLY, ids=lambda a: a[0])
def test_a_read_only_command_refuses_a_missing_database_and_creates_nothing(args, tmp_path, capsys):
    db = tmp_path / "typo" / "tilsyn.sqllite"
    argv = [a.format(tmp=tmp_path) for a in args] + ["--db", str(db)]
    assert cli.main(argv) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == (
        f"Databasen {db} findes ikke. Kontrollér stien i --db (eller $TILSYN_DB). "
        "Kommandoen læser kun og opretter ikke en ny database."
    )
    assert "Alt er i orden" not in captured.out
    assert not (tmp_path / "typo").exists() and not (tmp_path / "ud").exists()


def test_a_read_only_command_refuses_a_missing_database_named_by_the_environment(tmp_path, monkeypatch, capsys):
    db = tmp_path / "mangler" / "tilsyn.sqlite"
    monkeypatch.setenv("TILSYN_DB", str(db))
    assert cli.main(["verify"]) == 1
    assert f"Databasen {db} findes ikke." in capsys.readouterr().err
    assert not db.parent.exists()


def test_a_read_only_command_still_reads_an_existing_database(db, capsys):
    assert cli.main(["demo", "--db", db, "--homes", "1", "--residents-per-home", "1"]) == 0
    assert cli.main(["verify", "--db", db]) == 0
    assert "Alt er i orden" in capsys.readouterr().out


def test_a_database_that_cannot_be_opened_is_named_without_cpr_numbers(tmp_path, monkeypatch, capsys):
    def refuse(*args, **kwargs):
        raise ValueError("invalid input syntax for type uuid: \"010150-1234\"")

    monkeypatch.setattr(cli, "open_app", refuse)
    assert cli.main(["demo", "--db", str(tmp_path / "t.sqlite")]) == 1
    assert capsys.readouterr().err.strip() == (
        'Databasen kan ikke åbnes: invalid input syntax for type uuid: "XXXXXX-XXXX"'
    )


# -- demo never writes into a real database (issue 10, point 5) -----------------------------------


def _table_counts(db: str) -> dict[str, int]:
    tables = ("user_account", "municipality", "care_home", "resident", "setting", "audit_entry")
    return {t: _rows(db, f"select count(*) from {t}")[0][0] for t in tables}


def _first_admin(db: str) -> None:
    """What the first-run screen does: the first administrator, before any municipality."""
    from tilsyn.services.users import UserService

    opened = open_app(db, actor=None)
    try:
        UserService(opened.context).create_first_admin("anne", "Anne Andersen", "rigtig-kode-1")
    finally:
        close_app(opened.context)


def _municipality_by_hand(db: str) -> None:
    from tilsyn.domain.people import CareHomeInput
    from tilsyn.services.care_homes import CareHomeService

    opened = open_app(db)
    try:
        CareHomeService(opened.context).set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården")])
    finally:
        close_app(opened.context)


REAL_REFUSAL = ("Databasen indeholder rigtige data, som demoen ikke har lavet ({what}). Demodata indlæses kun i "
                "en tom database eller en demodatabase, også med --force. Intet er gemt.")


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize(("make_real", "what"), [(_first_admin, "brugere"),
                                                 (_municipality_by_hand, "en kommune, plejecentre")],
                         ids=["first-admin", "municipality"])
def test_demo_refuses_a_real_database_with_or_without_force(db, capsys, make_real, what, force):
    make_real(db)
    before = _table_counts(db)
    args = ["demo", "--db", db, "--homes", "1", "--residents-per-home", "2"] + (["--force"] if force else [])
    assert cli.main(args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(REAL_REFUSAL.format(what=what))
    assert _table_counts(db) == before


def test_demo_force_refuses_a_demo_database_someone_added_a_real_user_to(db, capsys):
    from tilsyn.services.users import UserInput, UserService

    assert cli.main(["demo", "--db", db, "--homes", "1", "--residents-per-home", "2"]) == 0
    opened = open_app(db, actor=None)
    try:
        users = UserService(opened.context)
        users.login("admin", "demo-kode")
        users.create_user(UserInput("jens", "Jens Jensen", "caseworker"), "rigtig-kode-1")
    finally:
        close_app(opened.context)
    before = _table_counts(db)
    capsys.readouterr()
    assert cli.main(["demo", "--db", db, "--homes", "1", "--residents-per-home", "2", "--force"]) == 1
    assert capsys.readouterr().err.startswith(REAL_REFUSAL.format(what="brugere"))
    assert _table_counts(db) == before


def test_demo_marks_what_it_made_and_is_audited_as_the_demo_generator(db):
    import json

    assert cli.main(["demo", "--db", db, "--homes", "2", "--residents-per-home", "3"]) == 0
    (mark,) = _rows(db, "select value from setting where key = 'demo_database'")[0]
    assert json.loads(mark) == {"users": 7, "municipalities": 1, "care_homes": 2, "residents": 6}
    actors = {a for (a,) in _rows(db, "select distinct actor_name from audit_entry")}
    assert actors == {"Demogeneratoren (tilsyn demo)"}
