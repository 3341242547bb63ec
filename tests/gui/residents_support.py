"""Shared set-up for the residents screens' GUI tests: a temp SQLite app with a fixed clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.services.app import close_app, open_app
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.context import AppContext
from tilsyn.services.dto import CareHomeDTO
from tilsyn.services.residents import ResidentService
from tilsyn.store.models import Resident

# 23 November 2026, noon in Copenhagen.
FIXED_NOW = dt.datetime(2026, 11, 23, 11, 0, tzinfo=dt.timezone.utc)


@dataclass
class App:
    ctx: AppContext
    residents: ResidentService
    care_homes: CareHomeService
    homes: list[CareHomeDTO]

    def add(self, cpr: str, name: str, home: int = 0, **kw) -> str:
        """A resident saved through the service; returns the id."""
        data = ResidentInput(cpr, name, self.homes[home].id, **kw)
        return self.residents.save(None, data).id


def open_test_app(tmp_path) -> App:
    ctx = open_app(str(tmp_path / "t.sqlite"), clock=lambda: FIXED_NOW).context
    care_homes = CareHomeService(ctx)
    homes = care_homes.set_up_municipality(
        "Vejle Kommune",
        [CareHomeInput("Bakkegården", units=("Afsnit A", "Afsnit B")), CareHomeInput("Solgården")],
    )
    return App(ctx, ResidentService(ctx), care_homes, homes)


def close_test_app(app: App) -> None:
    close_app(app.ctx)


def bulk_residents(app: App, n: int) -> None:
    """``n`` residents in one transaction (the service would take one per resident)."""
    home = app.homes[0].id
    with app.ctx.uow_factory() as uow:
        for i in range(n):
            # 7th digit 0: born in the 1900s; the serial makes each number unique.
            uow.session.add(
                Resident(cpr=f"0101{50 + i // 10000:02d}{i % 10000:04d}", name=f"Beboer {i:05d}",
                         care_home_id=_uuid(home), room=str(i))
            )
        uow.commit()


def _uuid(value: str):
    import uuid

    return uuid.UUID(value)
