"""A long read (verify, the record history) takes no SQLite write lock: a registration in another
window or process is never made to wait for it (every other unit of work is BEGIN IMMEDIATE)."""

from __future__ import annotations

import sqlite3

import pytest

from tilsyn.domain.roles import SYSTEM
from tilsyn.services.audit import AuditService
from tilsyn.store.db import sqlite_path


@pytest.fixture
def ctx(sqlite_url):
    """SQLite only: PostgreSQL readers never block writers."""
    from tilsyn.services.app import close_app, open_app

    opened = open_app(sqlite_url)
    yield opened.context
    close_app(opened.context)


def test_verify_leaves_the_write_lock_free(ctx, monkeypatch):
    path = sqlite_path(ctx.url)
    ctx.user = SYSTEM
    seen = []
    from tilsyn.store import audit as store_audit

    original = store_audit.entries_in_order

    def probe(session):
        # In the middle of verify's read, another connection takes the write lock at once.
        other = sqlite3.connect(path, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
            seen.append("free")
        except sqlite3.OperationalError:
            seen.append("locked")
        finally:
            other.close()
        return original(session)

    monkeypatch.setattr(store_audit, "entries_in_order", probe)
    AuditService(ctx).verify()
    assert seen == ["free"]
