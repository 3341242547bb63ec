"""Encryption at rest: SQLCipher files are created, opened, refused, re-keyed and converted."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tilsyn.domain.errors import DomainError
from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.messages import text_for
from tilsyn.services.app import close_app, open_app
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.encryption import change_passphrase, database_needs_passphrase, encrypt_database
from tilsyn.services.residents import ResidentService
from tilsyn.store import crypto
from tilsyn.store.db import make_engine, resolve_url
from tilsyn.store.migrate import head_revision, schema_state, upgrade
from tilsyn.store.models import CareHome, Municipality, Resident

KEY = "korrekt hest batteri"
NAME = "Hansine Kjærsgaard"
CPR = "0101501234"
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)
WRONG_TEXT = "Adgangskoden til databasen er forkert. Prøv igen."


def _write_resident(engine) -> None:
    with Session(engine) as s, s.begin():
        m = Municipality(name="Vejle Kommune")
        home = CareHome(name="Bakkegården", municipality=m)
        s.add_all([m, home, Resident(cpr=CPR, name=NAME, care_home=home)])


def _resident_names(engine) -> list[str]:
    with Session(engine) as s:
        return list(s.scalars(select(Resident.name)))


def _all_bytes(folder: Path) -> bytes:
    # The database, its WAL and shared-memory files: whatever lies on the disk.
    return b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())


def _open_with_services(db: Path, passphrase: str | None = None):
    opened = open_app(str(db), passphrase=passphrase, clock=lambda: NOW)
    return opened, CareHomeService(opened.context), ResidentService(opened.context)


def _add_resident_via_services(db: Path, passphrase: str | None = None) -> None:
    opened, homes, residents = _open_with_services(db, passphrase)
    try:
        [home] = homes.set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården")])
        residents.save(None, ResidentInput(CPR, NAME, home.id))
    finally:
        close_app(opened.context)


def _names_via_services(db: Path, passphrase: str | None = None) -> list[str]:
    opened, _homes, residents = _open_with_services(db, passphrase)
    try:
        return [r.name for r in residents.rows(residents.search_ids())]
    finally:
        close_app(opened.context)


# -- create, migrate, write, reopen -------------------------------------------------------------


def test_create_migrate_write_and_reopen_with_the_key(tmp_path):
    db = tmp_path / "laptop.sqlite"
    crypto.create_encrypted(db, KEY)
    assert crypto.is_encrypted(db)

    engine = make_engine(resolve_url(db, passphrase=KEY))
    upgrade(engine)
    _write_resident(engine)
    engine.dispose()

    reopened = make_engine(resolve_url(db, passphrase=KEY))
    try:
        assert schema_state(reopened).current == head_revision()
        assert _resident_names(reopened) == [NAME]
    finally:
        reopened.dispose()


def test_nothing_readable_lies_on_the_disk(tmp_path):
    plain_dir, secret_dir = tmp_path / "plain", tmp_path / "secret"
    plain_dir.mkdir()
    secret_dir.mkdir()
    for folder, passphrase in ((plain_dir, None), (secret_dir, KEY)):
        engine = make_engine(resolve_url(folder / "t.sqlite", passphrase=passphrase))
        upgrade(engine)
        _write_resident(engine)
        # Inspect while the connection is still open, so the WAL file is there too.
        with engine.connect():
            on_disk = _all_bytes(folder)
        engine.dispose()
        if passphrase is None:
            # Control: the same writes to a plain file are readable, so the search below means something.
            assert NAME.encode() in on_disk and CPR.encode() in on_disk
        else:
            assert NAME.encode() not in on_disk
            assert b"Hansine" not in on_disk
            assert CPR.encode() not in on_disk
            assert b"CREATE TABLE" not in on_disk

    header = (secret_dir / "t.sqlite").read_bytes()[:16]
    assert header != crypto.SQLITE_HEADER
    assert (plain_dir / "t.sqlite").read_bytes()[:16] == crypto.SQLITE_HEADER
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(secret_dir / "t.sqlite").execute("SELECT * FROM sqlite_master").fetchall()


def test_pragmas_run_after_the_key(tmp_path):
    db = tmp_path / "t.sqlite"
    engine = make_engine(resolve_url(db, passphrase=KEY))
    try:
        upgrade(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        with pytest.raises(IntegrityError):
            with engine.begin() as conn:
                conn.execute(
                    text("INSERT INTO care_home (id, municipality_id, name, kind, address, postal_code, city,"
                         " created_at, updated_at) VALUES (:id, :m, 'X', 'municipal', '', '', '', :t, :t)"),
                    {"id": "0" * 32, "m": "f" * 32, "t": NOW},
                )
    finally:
        engine.dispose()
    # WAL mode is stored in the (encrypted) header: a fresh keyed connection sees it, so the
    # journal_mode pragma ran on the decrypted database, i.e. after the key.
    conn = crypto.connect(db, KEY)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_open_app_creates_an_encrypted_database_and_hides_the_key(tmp_path):
    db = tmp_path / "ny.sqlite"
    _add_resident_via_services(db, KEY)
    assert crypto.is_encrypted(db)
    assert database_needs_passphrase(str(db))

    opened = open_app(str(db), passphrase=KEY, clock=lambda: NOW)
    try:
        for shown in (opened.url, opened.context.url):
            assert "korrekt" not in shown and "hest" not in shown
        assert opened.file == db.resolve()
    finally:
        close_app(opened.context)
    assert _names_via_services(db, KEY) == [NAME]


def test_a_passphrase_with_any_characters_survives_url_and_pragma(tmp_path):
    db = tmp_path / "t.sqlite"
    odd = "æ'ø\"å :@/%41?#§ kode"  # %41 would turn into "A" if the URL were not quoted
    crypto.create_encrypted(db, odd)  # keyed through PRAGMA key
    engine = make_engine(resolve_url(db, passphrase=odd))  # keyed through the URL
    try:
        assert engine.url.database == str(db)
        assert engine.url.password == odd
        upgrade(engine)
        _write_resident(engine)
    finally:
        engine.dispose()
    conn = crypto.connect(db, odd)
    try:
        assert conn.execute("SELECT name FROM resident").fetchall() == [(NAME,)]
    finally:
        conn.close()


# -- wrong key, no key, key for a plain file ----------------------------------------------------


@pytest.fixture
def encrypted_db(tmp_path) -> Path:
    db = tmp_path / "t.sqlite"
    _add_resident_via_services(db, KEY)
    return db


def _sqlcipher_logs_again() -> None:
    # The log level is process-wide: undo what earlier connections set, so each path below
    # has to silence SQLCipher itself.
    conn = crypto.driver().connect(":memory:")
    conn.execute("PRAGMA cipher_log_level = WARN")
    conn.close()


def test_wrong_passphrase_is_a_danish_message_and_no_noise(encrypted_db, capfd):
    _sqlcipher_logs_again()
    with pytest.raises(crypto.WrongPassphrase) as info:
        open_app(str(encrypted_db), passphrase="forkert kode 123")
    assert info.value.code == "wrong_passphrase"
    assert text_for(info.value) == WRONG_TEXT

    _sqlcipher_logs_again()
    engine = make_engine(resolve_url(encrypted_db, passphrase="forkert kode 123"))
    with pytest.raises(crypto.WrongPassphrase):
        engine.connect()
    engine.dispose()

    _sqlcipher_logs_again()
    with pytest.raises(crypto.WrongPassphrase):
        crypto.check_passphrase(encrypted_db, "forkert kode 123")

    # SQLCipher prints decrypt failures to stderr by default; the user must see only our sentence.
    out, err = capfd.readouterr()
    assert "ERROR" not in err and "hmac" not in err
    assert _names_via_services(encrypted_db, KEY) == [NAME]


def test_sqlcipher_would_print_to_stderr_unless_silenced(encrypted_db, capfd):
    # Control for the test above: without quiet() the driver does print, so that check bites.
    _sqlcipher_logs_again()
    conn = crypto.driver().connect(str(encrypted_db))
    conn.execute("PRAGMA key = 'forkert kode 123'")
    with pytest.raises(crypto.driver().DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()
    assert "ERROR" in capfd.readouterr().err


def test_encrypted_file_without_passphrase_asks_for_it(encrypted_db, tmp_path):
    with pytest.raises(crypto.PassphraseRequired) as info:
        open_app(str(encrypted_db))
    assert info.value.code == "passphrase_required"
    assert text_for(info.value) == "Databasen er krypteret. Skriv adgangskoden til databasen."
    assert database_needs_passphrase(str(encrypted_db))
    assert not database_needs_passphrase(str(tmp_path / "findes-ikke.sqlite"))


def test_plain_file_with_passphrase_says_it_is_not_encrypted(tmp_path):
    db = tmp_path / "plain.sqlite"
    _add_resident_via_services(db)
    assert not database_needs_passphrase(str(db))
    with pytest.raises(crypto.NotEncrypted) as info:
        open_app(str(db), passphrase=KEY)
    assert text_for(info.value) == f"Databasen {db} er ikke krypteret og har derfor ingen adgangskode."
    with pytest.raises(crypto.NotEncrypted):
        change_passphrase(str(db), KEY, "en helt ny kode")


def test_a_new_encrypted_database_needs_eight_characters(tmp_path):
    db = tmp_path / "ny.sqlite"
    with pytest.raises(DomainError) as info:
        open_app(str(db), passphrase="kort")
    assert info.value.code == "passphrase_too_short"
    assert text_for(info.value) == "Adgangskode skal være mindst 8 tegn."
    assert not db.exists()


# -- rekey --------------------------------------------------------------------------------------


def test_rekey_old_key_fails_new_works_data_intact(encrypted_db):
    new = "et nyt og længere løsen"
    change_passphrase(str(encrypted_db), KEY, new)

    with pytest.raises(crypto.WrongPassphrase):
        open_app(str(encrypted_db), passphrase=KEY)
    assert _names_via_services(encrypted_db, new) == [NAME]
    conn = crypto.connect(encrypted_db, new)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_rekey_with_wrong_old_key_changes_nothing(encrypted_db):
    with pytest.raises(crypto.WrongPassphrase):
        change_passphrase(str(encrypted_db), "ikke den rigtige", "et nyt og længere løsen")
    assert _names_via_services(encrypted_db, KEY) == [NAME]


def test_rekey_refuses_a_short_new_passphrase(encrypted_db):
    with pytest.raises(DomainError) as info:
        change_passphrase(str(encrypted_db), KEY, "1234567")
    assert info.value.code == "passphrase_too_short"
    assert text_for(info.value) == "Ny adgangskode skal være mindst 8 tegn."
    crypto.check_passphrase(encrypted_db, KEY)


def test_rekey_refuses_while_the_database_is_open(encrypted_db):
    opened = open_app(str(encrypted_db), passphrase=KEY, clock=lambda: NOW)
    try:
        ResidentService(opened.context).count()  # a pooled connection now holds the file
        with pytest.raises(crypto.DatabaseInUse) as info:
            change_passphrase(str(encrypted_db), KEY, "et nyt og længere løsen")
        assert "i brug" in text_for(info.value)
        assert ResidentService(opened.context).count() == 1
    finally:
        close_app(opened.context)
    assert _names_via_services(encrypted_db, KEY) == [NAME]


# -- converting a plain database ----------------------------------------------------------------


def test_encrypt_existing_round_trip(tmp_path):
    plain = tmp_path / "plain.sqlite"
    _add_resident_via_services(plain)
    target = tmp_path / "krypteret" / "tilsyn.sqlite"

    assert encrypt_database(str(plain), target, KEY) == target.resolve()

    assert crypto.is_encrypted(target)
    assert NAME.encode() not in target.read_bytes()
    assert not list(target.parent.glob("*.tmp*"))
    # The plain original is left as it was: deleting it is the user's call.
    assert not crypto.is_encrypted(plain)
    assert _names_via_services(plain) == [NAME]

    opened = open_app(str(target), passphrase=KEY, clock=lambda: NOW)
    try:
        assert opened.backup is None  # same schema revision, so no migration was needed
        assert ResidentService(opened.context).count() == 1
    finally:
        close_app(opened.context)
    assert _names_via_services(target, KEY) == [NAME]
    with pytest.raises(crypto.WrongPassphrase):
        crypto.check_passphrase(target, "forkert kode 123")


def test_encrypt_existing_refuses_what_would_lose_data(tmp_path, encrypted_db):
    plain = tmp_path / "plain.sqlite"
    _add_resident_via_services(plain)
    taken = tmp_path / "optaget.sqlite"
    taken.write_bytes(b"noget andet")

    with pytest.raises(DomainError) as info:
        encrypt_database(str(plain), taken, KEY)
    assert info.value.code == "file_exists"
    assert taken.read_bytes() == b"noget andet"

    with pytest.raises(crypto.AlreadyEncrypted):
        encrypt_database(str(encrypted_db), tmp_path / "igen.sqlite", KEY)

    with pytest.raises(DomainError) as info:
        encrypt_database(str(plain), tmp_path / "ny.sqlite", "kort")
    assert info.value.code == "passphrase_too_short"
    assert not (tmp_path / "ny.sqlite").exists()


# -- command line -------------------------------------------------------------------------------


class _Terminal:
    """Stands in for stdin on a terminal; getpass itself is replaced by scripted answers, and
    yes/no questions read ``lines`` (none left: end of input, which means no)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.lines.pop(0) if self.lines else ""


@pytest.fixture
def answers(monkeypatch):
    """Script the getpass prompts: append answers, read back the prompts shown."""
    import getpass

    from tilsyn import cli

    script: list[str] = []
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return script.pop(0)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    monkeypatch.setattr(cli.sys, "stdin", _Terminal())
    monkeypatch.delenv("TILSYN_DB_PASSPHRASE", raising=False)
    monkeypatch.delenv("TILSYN_DB_NEW_PASSPHRASE", raising=False)
    monkeypatch.delenv("TILSYN_DB", raising=False)
    return script, prompts


def test_cli_encrypt_then_rekey_by_prompt(tmp_path, answers, capsys):
    from tilsyn.cli import main

    script, prompts = answers
    plain = tmp_path / "plain.sqlite"
    _add_resident_via_services(plain)
    target = tmp_path / "laptop.sqlite"

    script += [KEY, KEY]
    assert main(["encrypt", "--db", str(plain), "--out", str(target)]) == 0
    assert prompts == ["Ny adgangskode til databasen: ", "Gentag adgangskoden: "]
    out = capsys.readouterr().out
    assert f"Krypteret kopi gemt i {target}." in out
    assert f"Den ukrypterede fil {plain} er ikke ændret og ligger der stadig." in out
    assert plain.exists()  # the yes/no question got no answer, which is no
    crypto.check_passphrase(target, KEY)

    new = "et nyt og længere løsen"
    prompts.clear()
    script += [KEY, new, new]
    assert main(["rekey", "--db", str(target)]) == 0
    assert prompts == ["Nuværende adgangskode: ", "Ny adgangskode: ", "Gentag adgangskoden: "]
    assert "er skiftet" in capsys.readouterr().out
    assert _names_via_services(target, new) == [NAME]


def test_cli_refusals_are_danish_and_change_nothing(encrypted_db, answers, capsys):
    from tilsyn.cli import main

    script, _prompts = answers
    script += [KEY, "et nyt og længere løsen", "en anden kode"]
    assert main(["rekey", "--db", str(encrypted_db)]) == 1
    assert capsys.readouterr().err.strip() == "De to adgangskoder er ikke ens. Intet er ændret."

    script += ["forkert kode 123", "et nyt og længere løsen", "et nyt og længere løsen"]
    assert main(["rekey", "--db", str(encrypted_db)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == WRONG_TEXT and "Traceback" not in err

    crypto.check_passphrase(encrypted_db, KEY)


def test_cli_opens_an_encrypted_database_by_prompt_or_environment(encrypted_db, answers, monkeypatch, capsys):
    from tilsyn.cli import main

    script, prompts = answers
    # verify needs no login, so the test is about the passphrase alone (demo refuses real data).
    args = ["verify", "--db", str(encrypted_db)]

    script.append("forkert kode 123")
    assert main(args) == 1
    assert prompts == ["Adgangskode til databasen: "]
    assert capsys.readouterr().err.strip() == WRONG_TEXT

    monkeypatch.setenv("MIN_KODE", KEY)
    assert main(["--passphrase-env", "MIN_KODE", *args]) == 0
    monkeypatch.setenv("TILSYN_DB_PASSPHRASE", KEY)
    assert main(args) == 0
    assert len(prompts) == 1  # the environment was used, nobody was asked

    assert main(["--passphrase-env", "FINDES_IKKE", *args]) == 1
    assert "Miljøvariablen FINDES_IKKE er ikke sat" in capsys.readouterr().err


def test_cli_without_terminal_points_to_the_variable(encrypted_db, answers, monkeypatch, capsys):
    import io

    from tilsyn import cli

    monkeypatch.setattr(cli.sys, "stdin", io.StringIO(KEY + "\n"))
    assert cli.main(["demo", "--db", str(encrypted_db)]) == 1
    assert capsys.readouterr().err.strip() == (
        "Der er ingen terminal at spørge om adgangskoden i. "
        "Sæt miljøvariablen TILSYN_DB_PASSPHRASE, eller brug --passphrase-env."
    )


def test_cli_rekey_and_encrypt_check_the_file_before_asking(encrypted_db, tmp_path, answers, capsys):
    from tilsyn.cli import main

    _script, prompts = answers
    plain = tmp_path / "plain.sqlite"
    _add_resident_via_services(plain)

    assert main(["rekey", "--db", str(plain)]) == 1
    assert "ikke krypteret" in capsys.readouterr().err
    assert main(["encrypt", "--db", str(encrypted_db), "--out", str(tmp_path / "x.sqlite")]) == 1
    assert "allerede krypteret" in capsys.readouterr().err
    assert prompts == []


# -- after encrypt: the plain database and its plain backup copies ------------------------------

BACKUP_NAMES = ("tilsyn.backup-0003-20260101T120000.sqlite", "tilsyn.backup-0004-20260301T090000.sqlite")


@pytest.fixture
def plain_with_backups(tmp_path):
    """A plain database with a resident, two plain backup copies (as migrations leave them), an
    unrelated file and an already encrypted backup, which are none of encrypt's business."""
    import shutil

    folder = tmp_path / "data"
    folder.mkdir()
    plain = folder / "tilsyn.sqlite"
    _add_resident_via_services(plain)
    backups = [folder / name for name in BACKUP_NAMES]
    for backup in backups:
        shutil.copy2(plain, backup)
    (folder / "andet.backup-0003-x.sqlite").write_bytes(plain.read_bytes())
    crypto.create_encrypted(folder / "tilsyn.backup-0002-20250101T000000.sqlite", KEY)
    return plain, backups


def _mode(path: Path) -> int:
    import stat

    return stat.S_IMODE(path.stat().st_mode)


def _encrypt(plain: Path, target: Path, *flags: str) -> int:
    from tilsyn.cli import main

    return main(["encrypt", "--db", str(plain), "--out", str(target), *flags])


def test_plain_backups_are_listed_and_kept_without_a_terminal(plain_with_backups, tmp_path, monkeypatch, capsys):
    import io

    from tilsyn import cli

    plain, backups = plain_with_backups
    monkeypatch.setattr(cli.sys, "stdin", io.StringIO("j\nj\nj\n"))  # not a terminal: never read
    monkeypatch.setenv("TILSYN_DB_PASSPHRASE", KEY)
    target = tmp_path / "laptop" / "laptop.sqlite"
    assert _encrypt(plain, target) == 0
    out = capsys.readouterr().out
    assert f"Ved siden af {plain} ligger 2 ukrypterede sikkerhedskopier med de samme oplysninger:" in out
    for backup in backups:
        assert f"  {backup}\n" in out and backup.exists()
    assert "andet.backup" not in out and "0002" not in out
    assert "De er ikke ændret." in out and "--encrypt-backups eller --remove-plain-backups" in out
    assert f"Den ukrypterede fil {plain} er ikke ændret og ligger der stadig." in out
    assert "[j/N]" not in out
    assert plain.exists() and _names_via_services(plain) == [NAME]
    assert list(target.parent.iterdir()) == [target]


def test_encrypt_backups_flag_encrypts_each_beside_the_output_and_removes_the_plain(
    plain_with_backups, tmp_path, monkeypatch, capsys
):
    plain, backups = plain_with_backups
    monkeypatch.setenv("TILSYN_DB_PASSPHRASE", KEY)
    target = tmp_path / "laptop" / "laptop.sqlite"
    assert _encrypt(plain, target, "--encrypt-backups") == 0
    out = capsys.readouterr().out
    encrypted = [target.parent / name.replace("tilsyn.", "laptop.", 1) for name in BACKUP_NAMES]
    for backup, copy in zip(backups, encrypted):
        assert f"  Krypteret til {copy}; {backup.name} er slettet." in out
        assert not backup.exists()
        assert crypto.is_encrypted(copy) and NAME.encode() not in copy.read_bytes()
        assert _names_via_services(copy, KEY) == [NAME]
        if os.name == "posix":
            assert _mode(copy) == 0o600
    assert plain.exists()  # the plain database itself is kept without --remove-plain or a yes
    assert (plain.parent / "andet.backup-0003-x.sqlite").exists()


def test_remove_flags_delete_the_plain_backups_and_the_plain_database(plain_with_backups, tmp_path, monkeypatch, capsys):
    plain, backups = plain_with_backups
    monkeypatch.setenv("TILSYN_DB_PASSPHRASE", KEY)
    target = tmp_path / "laptop.sqlite"
    assert _encrypt(plain, target, "--remove-plain-backups", "--remove-plain") == 0
    out = capsys.readouterr().out
    for backup in backups:
        assert f"  Slettet: {backup}" in out and not backup.exists()
    assert f"Slettet: {plain}" in out
    assert not plain.exists() and not Path(str(plain) + "-wal").exists() and not Path(str(plain) + "-shm").exists()
    assert f"Åbn den krypterede database med: tilsyn --db {target}" in out
    assert _names_via_services(target, KEY) == [NAME]


def test_on_a_terminal_encrypt_asks_before_encrypting_or_removing(plain_with_backups, tmp_path, answers, monkeypatch, capsys):
    from tilsyn import cli

    plain, backups = plain_with_backups
    script, _prompts = answers
    script += [KEY, KEY]
    cli.sys.stdin.lines += ["j\n", "nej\n"]  # encrypt the backups: yes; delete the database: no
    target = tmp_path / "laptop.sqlite"
    assert _encrypt(plain, target) == 0
    out = capsys.readouterr().out
    assert "Kryptér dem med samme adgangskode og slet de ukrypterede? [j/N] " in out
    assert f"Slet den ukrypterede database {plain}? Gør det kun, hvis du kan huske adgangskoden. [j/N] " in out
    assert not any(b.exists() for b in backups)
    assert crypto.is_encrypted(tmp_path / "laptop.backup-0004-20260301T090000.sqlite")
    assert plain.exists() and f"Den ukrypterede fil {plain} er ikke ændret og ligger der stadig." in out


def test_on_a_terminal_no_to_encrypting_then_yes_to_removing(plain_with_backups, tmp_path, answers, capsys):
    from tilsyn import cli

    plain, backups = plain_with_backups
    script, _prompts = answers
    script += [KEY, KEY]
    cli.sys.stdin.lines += ["\n", "j\n", "ja\n"]
    assert _encrypt(plain, tmp_path / "laptop.sqlite") == 0
    out = capsys.readouterr().out
    assert "Slet dem uden at kryptere? [j/N] " in out
    assert not any(b.exists() for b in backups) and not plain.exists()
    assert not list(tmp_path.glob("laptop.backup-*"))


def test_on_a_terminal_end_of_input_deletes_nothing(plain_with_backups, tmp_path, answers, capsys):
    plain, backups = plain_with_backups
    script, _prompts = answers
    script += [KEY, KEY]
    assert _encrypt(plain, tmp_path / "laptop.sqlite") == 0
    out = capsys.readouterr().out
    assert out.count("[j/N]") == 3
    assert all(b.exists() for b in backups) and plain.exists()


def test_an_encrypted_backup_in_the_way_is_refused_before_anything_is_written(
    plain_with_backups, tmp_path, monkeypatch, capsys
):
    plain, backups = plain_with_backups
    monkeypatch.setenv("TILSYN_DB_PASSPHRASE", KEY)
    target = tmp_path / "laptop.sqlite"
    in_the_way = tmp_path / "laptop.backup-0004-20260301T090000.sqlite"
    in_the_way.write_bytes(b"noget andet")
    assert _encrypt(plain, target, "--encrypt-backups") == 1
    assert f"{in_the_way}" in capsys.readouterr().err
    assert not target.exists() and in_the_way.read_bytes() == b"noget andet"
    assert all(b.exists() for b in backups)


def test_encrypt_backups_and_remove_plain_backups_exclude_each_other(plain_with_backups, tmp_path, capsys):
    plain, backups = plain_with_backups
    assert _encrypt(plain, tmp_path / "x.sqlite", "--encrypt-backups", "--remove-plain-backups") == 2
    assert "kan ikke bruges sammen med" in capsys.readouterr().err
    assert all(b.exists() for b in backups) and not (tmp_path / "x.sqlite").exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_encrypted_copy_is_private(tmp_path):
    plain = tmp_path / "plain.sqlite"
    _add_resident_via_services(plain)
    old = os.umask(0o022)
    try:
        target = encrypt_database(str(plain), tmp_path / "laptop.sqlite", KEY)
    finally:
        os.umask(old)
    assert _mode(target) == 0o600
