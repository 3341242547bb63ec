"""Shared set-up for the login, lock, user and history GUI tests: a temp SQLite app opened the way
the GUI opens it (no user), a fixed clock, an administrator and two care homes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tilsyn.domain.people import CareHomeInput
from tilsyn.services.app import close_app, open_app
from tilsyn.services.users import UserInput
from tilsyn.ui.services_bundle import Services

# Monday 23 November 2026, 10:00 in Copenhagen.
FIXED_NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
ADMIN = ("anne", "Anne Administrator", "anne-kode-1")
STAFF_PASSWORD = "pia-kode-12"


@dataclass
class SecurityApp:
    services: Services
    home_ids: list[str]

    @property
    def ctx(self):
        return self.services.ctx

    def add_user(self, username: str, full_name: str, role: str, homes: tuple[int, ...] = (),
                 password: str = STAFF_PASSWORD) -> None:
        """A user created by the logged-in administrator."""
        self.services.users.create_user(
            UserInput(username, full_name, role, care_home_ids=tuple(self.home_ids[i] for i in homes)), password
        )

    def login(self, username: str, password: str) -> None:
        self.services.users.login(username, password)


def open_empty(tmp_path) -> Services:
    """Services over a new database, opened with no user (as run_gui does)."""
    opened = open_app(str(tmp_path / "security.sqlite"), clock=lambda: FIXED_NOW, actor=None)
    return Services.build(opened.context)


def open_with_admin(tmp_path, *, homes: bool = True) -> SecurityApp:
    """An administrator (logged in) and, with ``homes``, Vejle Kommune with two care homes."""
    services = open_empty(tmp_path)
    services.users.create_first_admin(*ADMIN)
    services.users.login(ADMIN[0], ADMIN[2])
    ids: list[str] = []
    if homes:
        created = services.care_homes.set_up_municipality(
            "Vejle Kommune",
            [CareHomeInput("Bakkegården", units=("Afsnit A",)), CareHomeInput("Solgården")],
        )
        ids = [h.id for h in created]
    return SecurityApp(services, ids)


def close(app_or_services) -> None:
    services = getattr(app_or_services, "services", app_or_services)
    close_app(services.ctx)
