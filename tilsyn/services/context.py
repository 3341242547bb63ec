"""What every service needs: a unit-of-work factory and an injected clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable
from zoneinfo import ZoneInfo

from ..domain.roles import Action, Actor, check, home_scope

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class AppContext:
    """Shared by the services of one running app (or one test)."""

    uow_factory: Callable | None
    clock: Callable[[], dt.datetime] = system_clock
    url: str = ""
    user: Actor | None = None
    extras: dict = field(default_factory=dict)

    def require(self, action: Action, care_home_id: str | None = None) -> Actor:
        """Check the permission table for the current user; raises PermissionDenied / NotLoggedIn."""
        return check(self.user, action, care_home_id)

    def home_scope(self) -> frozenset[str] | None:
        """Care homes the current user is limited to (None: all)."""
        return home_scope(self.user) if self.user else frozenset()

    def audit_actor(self) -> tuple[str | None, str]:
        """(id, display name) written on audit entries."""
        if self.user is None:
            return (None, "ikke logget ind")
        return (self.user.id, self.user.label)

    def now(self) -> dt.datetime:
        """Aware UTC now, from the injected clock."""
        return self.clock()

    def today(self) -> dt.date:
        """Today's date in Denmark, where the rules are judged."""
        return self.clock().astimezone(COPENHAGEN).date()
