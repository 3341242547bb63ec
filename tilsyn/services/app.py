"""Open a database for the app, the CLI or a test: resolve the URL, migrate, build the context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..store.db import make_engine, make_session_factory, resolve_url, sqlite_path
from ..store.migrate import DatabaseNewer, schema_state, upgrade
from ..store.uow import SqlUnitOfWork
from .context import AppContext, system_clock


@dataclass(frozen=True)
class OpenResult:
    context: AppContext
    url: str
    backup: Path | None
    file: Path | None


def open_app(
    db: str | None = None,
    *,
    clock: Callable[[], dt.datetime] = system_clock,
    migrate: bool = True,
) -> OpenResult:
    """Open (and if needed create or upgrade) the database behind ``db``.

    Raises DatabaseNewer (code ``database_newer``) when the file is from a newer app version.
    """
    url = resolve_url(db)
    engine = make_engine(url)
    backup = None
    if migrate:
        backup = upgrade(engine)
    else:
        state = schema_state(engine)
        if not state.known:
            raise DatabaseNewer(revision=state.current)
    factory = make_session_factory(engine)
    ctx = AppContext(uow_factory=lambda: SqlUnitOfWork(factory), clock=clock, url=url)
    ctx.extras["engine"] = engine
    return OpenResult(ctx, url, backup, sqlite_path(url))


def close_app(ctx: AppContext) -> None:
    engine = ctx.extras.pop("engine", None)
    if engine is not None:
        engine.dispose()
