"""Transactions of the store: BEGIN IMMEDIATE on SQLite, savepoint get-or-create, busy and conflict
errors as Danish messages, retries (issue 9, point 5)."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import select, text

from tilsyn.messages import text_for
from tilsyn.store.db import make_engine, make_session_factory, sqlite_path
from tilsyn.store.migrate import upgrade
from tilsyn.store.models import Municipality
from tilsyn.store.uow import DatabaseBusy, DatabaseConflict, SqlUnitOfWork, retrying


def _raw_sqlite(engine) -> sqlite3.Connection:
    # timeout=0: fail at once instead of waiting for the lock
    return sqlite3.connect(str(sqlite_path(str(engine.url))), timeout=0, isolation_level=None,
                           check_same_thread=False)


@pytest.fixture
def sqlite_engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'tilsyn.sqlite'}", busy_timeout_ms=100)
    upgrade(engine, backup=False)
    yield engine
    engine.dispose()


def test_a_sqlite_unit_of_work_holds_the_write_lock_from_its_first_read(sqlite_engine):
    factory = make_session_factory(sqlite_engine)
    other = _raw_sqlite(sqlite_engine)
    try:
        with SqlUnitOfWork(factory) as uow:
            assert uow.municipalities.count() == 0  # a read only, yet the transaction is IMMEDIATE
            with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # released when the unit of work ends
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_read_only_unit_of_work_leaves_the_write_lock_free(sqlite_engine):
    factory = make_session_factory(sqlite_engine)
    other = _raw_sqlite(sqlite_engine)
    try:
        with SqlUnitOfWork(factory, read_only=True) as uow:
            assert uow.municipalities.count() == 0
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_savepoint_stays_inside_the_transaction(sqlite_engine):
    # With the driver's own BEGIN handling a SAVEPOINT before the first write opened a transaction
    # of its own, and releasing it committed what the unit of work then rolled back.
    factory = make_session_factory(sqlite_engine)
    with SqlUnitOfWork(factory) as uow:
        assert uow.municipalities.count() == 0
        with uow.session.begin_nested():
            uow.municipalities.add(Municipality(name="Vejle Kommune"))
        uow.rollback()
    with SqlUnitOfWork(factory) as uow:
        assert uow.municipalities.count() == 0


def test_add_unique_returns_the_row_that_won_the_race(engine):
    factory = make_session_factory(engine)
    with SqlUnitOfWork(factory) as uow:
        uow.municipalities.add(Municipality(name="Vejle Kommune", code="630"))
        uow.commit()
    # What a second process does after it read "no such row" just before the first one committed.
    with SqlUnitOfWork(factory) as uow:
        uow.municipalities.add(Municipality(name="Horsens Kommune"))
        found = lambda: uow.session.scalars(select(Municipality).where(Municipality.name == "Vejle Kommune")).first()
        row, created = uow.add_unique(Municipality(name="Vejle Kommune"), found)
        assert not created and row.code == "630"
        uow.commit()  # the rest of the unit of work is kept
    with SqlUnitOfWork(factory) as uow:
        assert sorted(uow.session.scalars(select(Municipality.name))) == ["Horsens Kommune", "Vejle Kommune"]


def test_a_unique_race_outside_add_unique_is_a_danish_conflict(engine):
    factory = make_session_factory(engine)
    with SqlUnitOfWork(factory) as uow:
        uow.municipalities.add(Municipality(name="Vejle Kommune"))
        uow.commit()
    with pytest.raises(DatabaseConflict) as exc:
        with SqlUnitOfWork(factory) as uow:
            uow.municipalities.add(Municipality(name="Vejle Kommune"))
            uow.commit()
    assert text_for(exc.value).startswith("En anden bruger gemte de samme oplysninger")
    assert exc.value.__suppress_context__ and "Vejle" not in str(exc.value)


def _hold_write_lock(engine):
    """Another process's open write transaction on the audit head; returns a release function."""
    if engine.dialect.name == "sqlite":
        other = _raw_sqlite(engine)
        other.execute("BEGIN IMMEDIATE")

        def release():
            other.rollback()
            other.close()
    else:
        raw = engine.raw_connection()
        cur = raw.cursor()
        cur.execute("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, :h) ON CONFLICT DO NOTHING"
                    .replace(":h", "'" + "0" * 64 + "'"))
        cur.execute("SELECT 1 FROM audit_head WHERE id = 1 FOR UPDATE")

        def release():
            raw.rollback()
            raw.close()

    return release


def test_a_lock_held_too_long_becomes_database_busy_in_danish(db_url):
    engine = make_engine(db_url, busy_timeout_ms=100)
    upgrade(engine, backup=False)
    factory = make_session_factory(engine)
    release = _hold_write_lock(engine)
    try:
        with pytest.raises(DatabaseBusy) as exc:
            with SqlUnitOfWork(factory) as uow:
                if engine.dialect.name == "postgresql":
                    uow.session.execute(text("SET LOCAL lock_timeout = '100ms'"))
                uow.record("export", "force_form", None)
                uow.commit()
        assert text_for(exc.value) == "Databasen er optaget af en anden bruger. Prøv igen om lidt."
    finally:
        release()
        engine.dispose()


def test_retrying_runs_the_use_case_again_until_the_lock_is_free(sqlite_engine):
    factory = make_session_factory(sqlite_engine)
    release = _hold_write_lock(sqlite_engine)
    runs = []

    @retrying(attempts=50)
    def save() -> None:
        runs.append(1)
        if len(runs) == 2:
            threading.Thread(target=release).start()  # the colleague finishes meanwhile
        with SqlUnitOfWork(factory) as uow:
            uow.municipalities.add(Municipality(name="Vejle Kommune"))
            uow.commit()

    save()
    assert len(runs) >= 2
    with SqlUnitOfWork(factory) as uow:
        assert uow.municipalities.count() == 1


def test_retrying_gives_up_with_database_busy():
    runs = []

    @retrying(attempts=3)
    def always_busy():
        runs.append(1)
        raise DatabaseBusy()

    with pytest.raises(DatabaseBusy):
        always_busy()
    assert len(runs) == 3
