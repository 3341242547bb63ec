"""Fixtures for the main window, first-run and care-home tests: a temp SQLite app, fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest

from tilsyn.domain.people import CareHomeInput
from tilsyn.services.app import close_app, open_app
from tilsyn.ui.services_bundle import Services

# Monday 23 November 2026, 10:00 in Copenhagen.
FIXED_NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def empty_services(tmp_path):
    """Services over a fresh, migrated, empty database."""
    opened = open_app(str(tmp_path / "gui.sqlite"), clock=lambda: FIXED_NOW)
    yield Services.build(opened.context)
    close_app(opened.context)


@pytest.fixture
def services(empty_services):
    """Services over a database with Vejle Kommune and two care homes."""
    empty_services.care_homes.set_up_municipality(
        "Vejle Kommune",
        [
            CareHomeInput("Bakkegården", "municipal", "Bakkevej 1", "7100", "Vejle", ("Afsnit A", "Afsnit B")),
            CareHomeInput("Solgården", "private", "Solvej 2", "7120", "Vejle Øst"),
        ],
    )
    return empty_services


@pytest.fixture(autouse=True)
def _sign_later(monkeypatch):
    """The registration's success step asks »Underskriv afsnit 2 nu?« in a modal box; unless a
    test answers it, every GUI test answers »Senere« (a modal box would wait for nobody)."""
    from tilsyn.ui.dialogs import episode_flow

    monkeypatch.setattr(episode_flow, "ask_sign_now", lambda parent, text: False)
