import datetime as dt

import pytest

from tilsyn.services.app import close_app, open_app

FIXED_NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def ctx(db_url):
    """A migrated database (SQLite or PostgreSQL) with a fixed clock: 23 November 2026."""
    opened = open_app(db_url, clock=lambda: FIXED_NOW)
    yield opened.context
    close_app(opened.context)


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """Argon2id with small parameters: the same code path, a fraction of the time per hash."""
    from argon2 import PasswordHasher

    from tilsyn.services import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
