"""Alembic migrations run from code: check the revision, back up, upgrade, refuse newer.

Alembic itself is imported only when an upgrade or downgrade is due: a start on a current
database reads its revision with one query and the revision chain from the migration files'
headers (issue 14: Alembic's import alone was a sixth of the cold start).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from ..domain.errors import DomainError
from .db import create_private_file, read_only_engine, secure_sqlite_files, sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default, as env.py configures it
_HEADER = re.compile(r"^(down_revision|revision)\s*=\s*(.+?)\s*$", re.MULTILINE)


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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


@lru_cache(maxsize=1)
def _revisions() -> tuple[frozenset[str], str]:
    """(every revision, the head) from the headers of the migration files, without Alembic.

    The chain is linear: the head is the one revision no other names as its down_revision
    (tests/integration/test_migrations.py checks this against Alembic's own reading)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        fields = {k: v for k, v in _HEADER.findall(path.read_text(encoding="utf-8"))}
        if "revision" not in fields:
            continue
        revisions.add(fields["revision"].strip("'\""))
        down = fields.get("down_revision", "None").strip("'\"")
        if down != "None":
            parents.add(down)
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations must form one chain, heads: {sorted(heads)}")
    return frozenset(revisions), heads.pop()


def head_revision() -> str:
    return _revisions()[1]


def _read_revision(conn) -> str | None:
    """The revision stamped in the database (None: empty), in one query."""
    try:
        return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    except DBAPIError:
        conn.rollback()  # PostgreSQL needs its transaction back before the next statement
        if inspect(conn).has_table(VERSION_TABLE):
            raise  # the table is there: locked, a hot journal ... is not an empty database
        return None


def schema_state(engine: Engine) -> SchemaState:
    """The database's revision and whether this app knows it.

    An existing SQLite file is read through a read-only connection, so a database from a newer
    app is looked at without being changed (the engine's own connections switch it to WAL).
    """
    revisions, head = _revisions()
    current = _current_read_only(engine)
    if current is _UNREAD:
        with engine.connect() as conn:
            current = _read_revision(conn)
    return SchemaState(current, head, current is None or current in revisions)


_UNREAD = object()


def _current_read_only(engine: Engine):
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    try:
        if path is None or not path.is_file() or path.stat().st_size == 0:
            return _UNREAD
    except OSError:
        return _UNREAD
    ro = read_only_engine(engine.url)
    try:
        with ro.connect() as conn:
            return _read_revision(conn)
    except OperationalError:
        # A hot journal left by a crash needs a writer to roll it back first; the normal
        # connection does that (a newer database is still refused right after).
        return _UNREAD
    finally:
        ro.dispose()


def upgrade(engine: Engine, revision: str = "head", *, backup: bool = True) -> Path | None:
    """Bring the schema to ``revision``. Copies a SQLite file aside first when it holds data.

    Raises DatabaseNewer when the database was written by a newer version of the app.
    Returns the backup path, if one was made.
    """
    state = schema_state(engine)
    if not state.known:
        raise DatabaseNewer(revision=state.current)
    path = sqlite_path(str(engine.url))
    if path is not None:
        secure_sqlite_files(path)  # a file an older version left 0644; only now that it is ours
    if state.is_current and revision == "head":
        return None
    backup_path = None
    if backup and path is not None and path.exists() and _has_tables(engine):
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_path = path.with_name(f"{path.stem}.backup-{state.current or 'tom'}-{stamp}{path.suffix}")
        with engine.connect() as conn:
            # On the raw connection: outside a transaction, so the checkpoint can complete and
            # the copy of the main file holds everything.
            conn.connection.dbapi_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        backup_path = _private_copy(path, backup_path)
    from alembic import command

    command.upgrade(alembic_config(engine), revision)
    return backup_path


def _private_copy(src: Path, dst: Path) -> Path:
    """Copy ``src`` to a new file (``dst``, or ``dst`` numbered when that exists) that is 0600 from
    its first byte: it holds CPR numbers. Returns the path written."""
    wanted, n = dst, 1
    while not create_private_file(dst):
        n += 1
        dst = wanted.with_name(f"{wanted.stem}-{n}{wanted.suffix}")
    shutil.copyfile(src, dst)
    shutil.copystat(src, dst)  # keep the times; the mode is set again below
    if os.name == "posix":
        os.chmod(dst, 0o600)
    return dst


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())
