"""Open a database for the app, the CLI or a test: resolve the URL, migrate, build the context.

Importing this module is cheap (no SQLAlchemy): the desktop app asks ``needs_passphrase`` before
its login window appears and opens the database (``open_app``) behind it, in a worker thread.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..domain.roles import SYSTEM, Actor
from ..store.crypto import is_encrypted
from .context import AppContext, system_clock

# The embedded default and its variable, as tilsyn.store.db resolves them (which imports SQLAlchemy;
# tests/gui/test_login_start.py keeps the two in step).
ENV_VAR = "TILSYN_DB"
APP_NAME = "Tilsyn"


@dataclass(frozen=True)
class OpenResult:
    context: AppContext
    url: str
    backup: Path | None
    file: Path | None


def open_app(
    db: str | None = None,
    *,
    passphrase: str | None = None,
    clock: Callable[[], dt.datetime] = system_clock,
    migrate: bool = True,
    actor: Actor | None = SYSTEM,
) -> OpenResult:
    """Open (and if needed create or upgrade) the database behind ``db``.

    Raises DatabaseNewer (code ``database_newer``) when the file is from a newer app version.
    ``passphrase`` opens (or creates) a SQLCipher file: WrongPassphrase when it does not fit,
    PassphraseRequired for an encrypted file without one, NotEncrypted for a plain file with one.
    ``actor`` defaults to ``SYSTEM`` for tests, benchmarks and throwaway databases; the GUI and the
    command line pass ``actor=None`` and log a user in (the CLI's verify and demo use the narrow
    built-in ``VERIFIER`` and ``DEMO_GENERATOR``).
    """
    from ..store.crypto import expect_encryption
    from ..store.db import display_url, make_engine, make_session_factory, resolve_url, sqlite_path
    from ..store.migrate import DatabaseNewer, schema_state, upgrade
    from ..store.uow import SqlUnitOfWork
    from .encryption import validate_new_passphrase

    url = resolve_url(db, passphrase=passphrase)
    file = sqlite_path(url)
    expect_encryption(file, passphrase)
    if passphrase and file is not None and not (file.exists() and file.stat().st_size):
        validate_new_passphrase(passphrase)
    engine = make_engine(url)
    backup = None
    if migrate:
        backup = upgrade(engine)
    else:
        state = schema_state(engine)
        if not state.known:
            raise DatabaseNewer(revision=state.current)
    url = display_url(url)  # the passphrase stays inside the engine, never in the context
    factory = make_session_factory(engine)
    ctx = AppContext(uow_factory=None, clock=clock, url=url, user=actor)
    # read_only=True: a long read (verify, history) takes no SQLite write lock, so it never makes a
    # care worker's registration in another window wait (every other unit of work is BEGIN IMMEDIATE).
    ctx.uow_factory = lambda read_only=False: SqlUnitOfWork(
        factory, actor=ctx.audit_actor, clock=ctx.now, read_only=read_only)
    ctx.extras["engine"] = engine
    return OpenResult(ctx, url, backup, sqlite_path(url))


def close_app(ctx: AppContext) -> None:
    engine = ctx.extras.pop("engine", None)
    if engine is not None:
        engine.dispose()


def database_file(db: str | os.PathLike | None = None) -> Path | None:
    """The SQLite file ``open_app(db)`` would open when ``db`` (else $TILSYN_DB, else the default
    file) is a path; None for a URL. Without SQLAlchemy, so the login window need not wait for it."""
    value = str(db) if db else os.environ.get(ENV_VAR, "")
    if "://" in value:
        return None
    if not value:
        from platformdirs import user_data_dir

        return Path(user_data_dir(APP_NAME, appauthor=False)) / "tilsyn.sqlite"
    return Path(value).expanduser().resolve()


def needs_passphrase(db: str | os.PathLike | None = None) -> bool:
    """True when the database behind ``db`` is an encrypted file (encryption.database_needs_passphrase);
    reads only the file's first bytes when ``db`` is a path, the usual case."""
    path = database_file(db)
    if path is None:
        from .encryption import database_needs_passphrase

        return database_needs_passphrase(db)
    return is_encrypted(path)
