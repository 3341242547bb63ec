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
