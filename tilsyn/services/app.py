"""Open a database for the app, the CLI or a test: resolve the URL, migrate, build the context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..store.crypto import expect_encryption
from ..store.db import display_url, make_engine, make_session_factory, resolve_url, sqlite_path
from ..store.migrate import DatabaseNewer, schema_state, upgrade
from ..store.uow import SqlUnitOfWork
from ..domain.roles import SYSTEM, Actor
from .context import AppContext, system_clock
from .encryption import validate_new_passphrase


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
