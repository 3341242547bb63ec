"""What every service needs: a unit-of-work factory and an injected clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class AppContext:
    """Shared by the services of one running app (or one test)."""

    uow_factory: Callable
    clock: Callable[[], dt.datetime] = system_clock
    url: str = ""
    extras: dict = field(default_factory=dict)

    def now(self) -> dt.datetime:
        """Aware UTC now, from the injected clock."""
        return self.clock()

    def today(self) -> dt.date:
        """Today's date in Denmark, where the rules are judged."""
        return self.clock().astimezone(COPENHAGEN).date()
