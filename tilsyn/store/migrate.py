"""Alembic migrations run from code: check the revision, back up, upgrade, refuse newer."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from ..domain.errors import DomainError
from .db import sqlite_path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseNewer(DomainError):
    code = "database_newer"


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    known: bool

    @property
    def is_empty(self) -> bool:
        return self.current is None

    @property
    def is_current(self) -> bool:
        return self.current == self.head


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def schema_state(engine: Engine) -> SchemaState:
    script = ScriptDirectory.from_config(alembic_config())
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    known = _revision_exists(script, current)
    return SchemaState(current, script.get_current_head(), known)


def _revision_exists(script: ScriptDirectory, rev: str | None) -> bool:
    if rev is None:
        return True
    try:
        return script.get_revision(rev) is not None
    except Exception:
        return False


def upgrade(engine: Engine, revision: str = "head", *, backup: bool = True) -> Path | None:
    """Bring the schema to ``revision``. Copies a SQLite file aside first when it holds data.

    Raises DatabaseNewer when the database was written by a newer version of the app.
    Returns the backup path, if one was made.
    """
    state = schema_state(engine)
    if not state.known:
        raise DatabaseNewer(revision=state.current)
    if state.is_current and revision == "head":
        return None
    backup_path = None
    path = sqlite_path(str(engine.url))
    if backup and path is not None and path.exists() and _has_tables(engine):
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_path = path.with_name(f"{path.stem}.backup-{state.current or 'tom'}-{stamp}{path.suffix}")
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(path, backup_path)
    command.upgrade(alembic_config(engine), revision)
    return backup_path


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())
