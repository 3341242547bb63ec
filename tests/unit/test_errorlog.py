"""The top-level error log: private file in the data folder, no SQL parameters, no CPR numbers."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError, OperationalError

from tilsyn.domain.errors import DomainError
from tilsyn.messages import text_for
from tilsyn.services import errorlog

CPRS = [f"0{i}0150{1000 + i}" for i in range(1, 10)]
NAMES = [f"Beboer Nummer{i} Hansen" for i in range(1, 10)]


def leaky_integrity_error(tmp_path: Path) -> IntegrityError:
    """A real IntegrityError from a plain engine: its str() holds nine CPR numbers and names."""
    engine = create_engine(f"sqlite:///{tmp_path / 'leaky.sqlite'}")
    try:
        with engine.begin() as con:
            con.execute(text("create table resident (cpr text unique, name text)"))
            con.execute(text("insert into resident values (:cpr, :name)"), {"cpr": CPRS[0], "name": NAMES[0]})
        with engine.begin() as con:
            con.execute(text("insert into resident values (:cpr, :name)"),
                        [{"cpr": c, "name": n} for c, n in zip(CPRS, NAMES)])
    except IntegrityError as exc:
        return exc
    finally:
        engine.dispose()
    raise AssertionError("no IntegrityError")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """The default data folder (platformdirs) inside the test's temp dir; no remembered database."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("TILSYN_DB", raising=False)
    monkeypatch.setattr(errorlog, "_database", None)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_leaky_error_really_leaks(tmp_path):
    # Without the log's redaction this is what a traceback would print.
    shown = str(leaky_integrity_error(tmp_path))
    assert CPRS[3] in shown and NAMES[3] in shown


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_record_writes_a_private_log_in_a_new_private_folder(tmp_path):
    exc = leaky_integrity_error(tmp_path)
    folder = tmp_path / "ny-mappe"
    incident = errorlog.record(exc, db=str(folder / "tilsyn.sqlite"))
    assert incident.log == folder / errorlog.LOG_NAME
    assert _mode(folder) == 0o700
    assert _mode(incident.log) == 0o600
    content = incident.log.read_text(encoding="utf-8")
    assert f"hændelse {incident.id}" in content
    assert "Traceback (most recent call last)" in content
    assert "sqlalchemy.exc.IntegrityError" in content and "UNIQUE constraint failed" in content
    assert "insert into resident values" in content  # the statement stays: it says what failed
    for cpr, name in zip(CPRS, NAMES):
        assert cpr not in content and name not in content
    assert "[parameters:" not in content


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_an_existing_log_is_appended_to_and_tightened(tmp_path):
    log = tmp_path / errorlog.LOG_NAME
    log.write_text("gammel linje\n", encoding="utf-8")
    log.chmod(0o644)
    first = errorlog.record(RuntimeError("første"), db=str(tmp_path / "tilsyn.sqlite"))
    second = errorlog.record(RuntimeError("anden"), db=str(tmp_path / "tilsyn.sqlite"))
    content = log.read_text(encoding="utf-8")
    assert content.startswith("gammel linje\n")
    assert f"hændelse {first.id}" in content and f"hændelse {second.id}" in content
    assert first.id != second.id
    assert _mode(log) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_symlink_in_place_of_the_log_is_not_followed(tmp_path):
    target = tmp_path / "andet-sted.txt"
    target.write_text("", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / errorlog.LOG_NAME).symlink_to(target)
    incident = errorlog.record(RuntimeError("x"), db=str(tmp_path / "data" / "tilsyn.sqlite"))
    assert target.read_text(encoding="utf-8") == ""
    # It falls back to the default data folder rather than writing through the link.
    assert incident.log == tmp_path / "xdg" / "Tilsyn" / errorlog.LOG_NAME


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_full_log_is_rotated_and_the_older_one_dropped(tmp_path, monkeypatch):
    monkeypatch.setattr(errorlog, "LOG_MAX_BYTES", 2000)
    db = str(tmp_path / "tilsyn.sqlite")
    log, older = tmp_path / errorlog.LOG_NAME, tmp_path / (errorlog.LOG_NAME + ".1")
    log.write_text("første fil\n" + "x" * 2000, encoding="utf-8")
    first = errorlog.record(RuntimeError("efter den første"), db=db)
    assert older.read_text(encoding="utf-8").startswith("første fil")
    assert f"hændelse {first.id}" in log.read_text(encoding="utf-8")
    assert "første fil" not in log.read_text(encoding="utf-8")
    log.write_text("anden fil\n" + "y" * 2000, encoding="utf-8")
    errorlog.record(RuntimeError("efter den anden"), db=db)
    assert older.read_text(encoding="utf-8").startswith("anden fil")  # only one older file is kept
    assert not any(p.name.endswith(".2") for p in tmp_path.iterdir())
    assert _mode(log) == 0o600 and _mode(older) == 0o600


def test_a_log_under_the_limit_is_appended_to(tmp_path):
    db = str(tmp_path / "tilsyn.sqlite")
    for n in range(3):
        errorlog.record(RuntimeError(f"fejl {n}"), db=db)
    assert not (tmp_path / (errorlog.LOG_NAME + ".1")).exists()
    assert (tmp_path / errorlog.LOG_NAME).read_text(encoding="utf-8").count("hændelse") == 3


def test_the_same_exception_is_logged_once(tmp_path):
    exc = RuntimeError("en gang")
    db = str(tmp_path / "tilsyn.sqlite")
    assert errorlog.record(exc, db=db) == errorlog.record(exc, db=db)
    assert (tmp_path / errorlog.LOG_NAME).read_text(encoding="utf-8").count("en gang") == 1


def test_without_a_sqlite_file_the_log_goes_to_the_default_data_folder(tmp_path):
    incident = errorlog.record(RuntimeError("x"), db="postgresql+psycopg://tilsyn@/tilsyn?host=/tmp")
    assert incident.log == tmp_path / "xdg" / "Tilsyn" / errorlog.LOG_NAME


def test_set_database_decides_the_folder(tmp_path):
    errorlog.set_database(str(tmp_path / "her" / "tilsyn.sqlite"))
    assert errorlog.record(RuntimeError("x")).log == tmp_path / "her" / errorlog.LOG_NAME


def test_the_danish_text_names_the_log_and_the_incident(tmp_path):
    err = errorlog.as_domain_error(leaky_integrity_error(tmp_path), db=str(tmp_path / "tilsyn.sqlite"))
    shown = text_for(err)
    incident = err.params["incident"]
    assert shown == (
        f"Der opstod en uventet fejl. Detaljerne er gemt i {tmp_path / errorlog.LOG_NAME} (hændelse {incident})."
    )


def test_a_log_that_cannot_be_written_still_gives_a_danish_text(tmp_path, monkeypatch):
    def refuse(folder, entry):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(errorlog, "_write", refuse)
    shown = text_for(errorlog.as_domain_error(RuntimeError(CPRS[0])))
    assert shown.startswith("Der opstod en uventet fejl (hændelse ")
    assert "Detaljerne kunne ikke gemmes: Permission denied" in shown
    assert CPRS[0] not in shown


def test_a_domain_error_is_passed_through_untouched(tmp_path):
    err = DomainError("cancelled")
    assert errorlog.as_domain_error(err) is err
    assert not (tmp_path / "xdg").exists()


@pytest.mark.parametrize(
    "exc",
    [
        OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked")),
        sqlite3.OperationalError("database is locked"),
    ],
)
def test_database_is_locked_becomes_database_busy(exc, tmp_path):
    assert errorlog.as_domain_error(exc).code == "database_busy"
    assert not (tmp_path / "xdg").exists()  # an expected condition, not an incident


def test_postgres_lock_timeouts_and_deadlocks_are_busy():
    class LockNotAvailable(Exception):
        sqlstate = "55P03"

    wrapped = OperationalError("UPDATE x", {}, LockNotAvailable("canceling statement due to lock timeout"))
    assert errorlog.is_database_busy(wrapped)
    assert not errorlog.is_database_busy(OperationalError("x", {}, sqlite3.OperationalError("no such table: x")))


def test_redact_hides_postgres_key_values_and_failing_rows():
    detail = (
        'duplicate key value violates unique constraint "uq_resident_cpr"\n'
        "DETAIL:  Key (cpr)=(0101501234) already exists.\n"
        "DETAIL:  Key (name, care_home_id)=(Anna (Nanna) Hansen, 7) already exists.\n"
        "DETAIL:  Failing row contains (7, Anna Hansen, null).\n"
        "[parameters: {'cpr': '0101501234', 'name': 'Anna Hansen'}]"
    )
    redacted = errorlog.redact(detail)
    assert "Anna" not in redacted and "0101501234" not in redacted
    assert "Key (cpr)=(skjult)" in redacted and "Key (name, care_home_id)=(skjult)" in redacted
    assert 'uq_resident_cpr' in redacted


@settings(max_examples=60)
@given(
    before=st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=30),
    after=st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=30),
    digits=st.text(alphabet="0123456789", min_size=10, max_size=10),
    sep=st.sampled_from(["", "-", " "]),
)
def test_redact_masks_every_cpr_shaped_number(before, after, digits, sep):
    cpr = digits[:6] + sep + digits[6:]
    redacted = errorlog.redact(before + cpr + after)
    assert cpr not in redacted
    assert not re.search(r"\d{6}[- ]?\d{4}", redacted)


def test_redact_masks_cprs_in_non_ascii_digits():
    fullwidth = "０１０１５０１２３４"
    arabic_indic = "٠١٠١٥٠١٢٣٤"
    assert errorlog.redact(f"cpr {fullwidth} og {arabic_indic}") == "cpr XXXXXX-XXXX og XXXXXX-XXXX"


def test_the_apps_engines_leave_sql_parameters_out_of_their_errors(db_url):
    from tilsyn.store.db import make_engine

    engine = make_engine(db_url)
    try:
        with engine.begin() as con:
            con.execute(text("create table leak_probe (cpr varchar(10) unique, name varchar(40))"))
        with pytest.raises(IntegrityError) as info:
            with engine.begin() as con:
                con.execute(text("insert into leak_probe values (:cpr, :name)"),
                            [{"cpr": CPRS[0], "name": NAMES[0]}, {"cpr": CPRS[0], "name": NAMES[1]}])
        shown = str(info.value)
        assert "insert into leak_probe" in shown
        assert NAMES[1] not in shown and "[parameters:" not in shown
    finally:
        with engine.begin() as con:
            con.execute(text("drop table if exists leak_probe"))
        engine.dispose()
