import datetime as dt
import os
import sqlite3
import stat
import uuid
from contextlib import closing

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from tilsyn.domain.errors import DomainError
from tilsyn.services.app import close_app, open_app
from tilsyn.store import crypto
from tilsyn.store.db import make_engine, resolve_url
from tilsyn.store.migrate import DatabaseNewer, alembic_config, downgrade, head_revision, schema_state, upgrade
from tilsyn.store.schema import Base
from tilsyn.messages import text_for

REVISIONS = [r.revision for r in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))]


def test_models_and_migrations_agree(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_upgrade_from_empty_creates_every_table(engine):
    assert schema_state(engine).is_current
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())


@pytest.mark.parametrize("start", REVISIONS[:-1])
def test_upgrade_from_each_earlier_revision_keeps_data(db_url, start):
    engine = make_engine(db_url)
    try:
        upgrade(engine, start, backup=False)
        home_id, muni_id = uuid.uuid4(), uuid.uuid4()
        now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
        with engine.begin() as conn:
            conn.execute(
                text("insert into municipality (id, name, code, created_at, updated_at) values (:i, 'Vejle Kommune', '', :n, :n)"),
                {"i": muni_id if engine.dialect.name == "postgresql" else muni_id.hex, "n": now},
            )
            conn.execute(
                text(
                    "insert into care_home (id, municipality_id, name, kind, address, postal_code, city, created_at, updated_at)"
                    " values (:i, :m, 'Bakkegården', 'municipal', '', '', '', :n, :n)"
                ),
                {
                    "i": home_id if engine.dialect.name == "postgresql" else home_id.hex,
                    "m": muni_id if engine.dialect.name == "postgresql" else muni_id.hex,
                    "n": now,
                },
            )
        upgrade(engine, backup=False)
        assert schema_state(engine).is_current
        with engine.connect() as conn:
            assert conn.execute(text("select name from care_home")).scalar_one() == "Bakkegården"
        downgrade(engine, start)  # downgrades work too, so a bad release can be rolled back
        assert schema_state(engine).current == start
    finally:
        engine.dispose()


def test_open_app_backs_up_an_older_sqlite_file(tmp_path):
    path = tmp_path / "tilsyn.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, REVISIONS[0], backup=False)
    engine.dispose()
    opened = open_app(str(path))
    try:
        assert opened.backup is not None and opened.backup.exists()
        assert opened.backup.parent == path.parent and REVISIONS[0] in opened.backup.name
    finally:
        close_app(opened.context)
    again = open_app(str(path))  # already current: no new backup
    assert again.backup is None
    close_app(again.context)


def test_a_newer_database_is_refused_with_a_danish_message(tmp_path):
    path = tmp_path / "tilsyn.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, backup=False)
    with engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(DatabaseNewer) as exc:
        open_app(str(path))
    message = text_for(exc.value)
    assert message.startswith("Databasen er lavet af en nyere version af Tilsyn")
    assert "9999_future" in message
    # Nothing was touched: the file still says the newer revision.
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar_one() == "9999_future"
    engine.dispose()


@pytest.mark.parametrize("passphrase", [None, "korrekt hest batteri hæfteklamme"], ids=["plain", "sqlcipher"])
def test_a_newer_database_in_rollback_journal_mode_is_not_modified(tmp_path, passphrase):
    path = tmp_path / "tilsyn.sqlite"
    engine = make_engine(resolve_url(path, passphrase=passphrase))
    upgrade(engine, backup=False)
    with engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '9999_future'"))
    engine.dispose()
    with closing(crypto.connect(path, passphrase) if passphrase else sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
    os.chmod(path, 0o644)
    before, names = path.read_bytes(), sorted(p.name for p in tmp_path.iterdir())
    for migrate in (True, False):
        with pytest.raises(DatabaseNewer) as exc:
            open_app(str(path), passphrase=passphrase, migrate=migrate)
        assert exc.value.params["revision"] == "9999_future"
    assert path.read_bytes() == before  # not even switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == names  # no -wal, -shm or backup beside it
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not tightened either: it is not ours to change
    with closing(crypto.connect(path, passphrase) if passphrase else sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_head_is_the_last_revision():
    assert head_revision() == REVISIONS[-1]


def test_an_existing_chain_still_verifies_after_0005_and_its_old_redactions_stay_legitimate(db_url):
    """A chain written before 0005 (hash format 1, one entry redacted by an older retention) gets a
    format marker naming that redaction; nothing is re-hashed. A redaction the marker does not name
    is found."""
    from sqlalchemy import insert, update

    from tamper_support import drop_guards
    from tilsyn.domain.chain import GENESIS, HASH_V1, AuditRecord, canonical_json, digest
    from tilsyn.services.audit import AuditService
    from tilsyn.store.models import AuditEntry, AuditHead

    engine = make_engine(db_url)
    upgrade(engine, "0004", backup=False)
    at = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    prev, rows = GENESIS, []
    for seq in range(1, 6):
        changes = {"n": seq}
        record = AuditRecord(seq, at, None, "system", "export", "force_form", None, digest(changes), "", prev,
                             version=HASH_V1)
        h = record.compute_hash()
        rows.append(dict(seq=seq, at=at, actor_id=None, actor_name="system", action="export",
                         entity_type="force_form", entity_id=None, changes=canonical_json(changes),
                         changes_digest=record.changes_digest, redacted=False, reason="", prev_hash=prev, hash=h))
        prev = h
    rows[1].update(changes=None, redacted=True)  # retention before 0005: payload gone, no entry names it
    with engine.begin() as conn:
        conn.execute(insert(AuditEntry), rows)
        conn.execute(insert(AuditHead).values(id=1, seq=5, hash=prev))
    engine.dispose()
    opened = open_app(db_url)
    try:
        ctx = opened.context
        report = AuditService(ctx).verify()
        assert report.ok and report.entries == 6, report.chain_faults
        with ctx.uow_factory() as uow:
            marker = uow.session.get(AuditEntry, 6)
            assert marker.action == "audit_format" and marker.prev_hash == prev
            assert '"entries":[2]' in marker.changes
            conn = uow.session.connection()
            drop_guards(conn)
            conn.execute(update(AuditEntry).where(AuditEntry.seq == 4).values(changes=None, redacted=True))
            uow.commit()
        faults = AuditService(ctx).verify().chain_faults
        assert [(f.seq, f.problem) for f in faults] == [(4, "redacted")]
    finally:
        close_app(opened.context)
