"""Worker for tests/integration/test_concurrency.py: runs in its own (spawned) process.

It lives in a module of its own so a spawned child can import it by name.
"""

from __future__ import annotations

import datetime as dt
import traceback
from zoneinfo import ZoneInfo

CPH = ZoneInfo("Europe/Copenhagen")
YEAR = 2026


def first_of_month(month: int) -> dt.datetime:
    return dt.datetime(YEAR, month, 1, 8, 0, tzinfo=CPH)


def register_first_episodes(db_url: str, username: str, password: str, resident_id: str, months: list[int],
                            barrier, results) -> None:
    """Log in and register the first episode of each month, all workers starting each one together."""
    errors: list[str] = []
    stored: list[str] = []
    ctx = None
    try:
        from argon2 import PasswordHasher

        from tilsyn.domain.force import EpisodeInput, StaffInput
        from tilsyn.services import users as users_module
        from tilsyn.services.app import close_app, open_app
        from tilsyn.services.force import ForceService
        from tilsyn.services.users import UserService

        # The same cheap hashing the tests' fixture sets up, so login never rehashes at full cost.
        users_module._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        ctx = open_app(db_url, clock=lambda: first_of_month(months[0]) + dt.timedelta(hours=1)).context
        barrier.wait(timeout=120)
        UserService(ctx).login(username, password)  # four logins at once: audit entries race too
        svc = ForceService(ctx)
        for month in months:
            when = first_of_month(month)
            ctx.clock = lambda when=when: (when + dt.timedelta(hours=1)).astimezone(dt.timezone.utc)
            barrier.wait(timeout=120)
            try:
                result = svc.register_episode(EpisodeInput(
                    resident_id=resident_id, force_type="127_retention", started_at=when,
                    ended_at=when + dt.timedelta(minutes=10), location="Gangen", purpose="Forhindre fald",
                    description="Ville gå ud", avoidance="Tilbød kaffe", least_intrusive="Fulgte roligt tilbage",
                    narrative="Ro igen", staff=(StaffInput("Pia Jensen", "Bakkegården", "SSA", True),)))
                stored.append(result.episode_id)
            except Exception as exc:  # the test reports every lost registration
                errors.append(f"{type(exc).__name__}: {str(exc)[:300]}")
        if ctx is not None:
            close_app(ctx)
    except BaseException:
        errors.append(traceback.format_exc()[-2000:])
        barrier.abort()  # the other workers stop waiting for this one
    finally:
        results.put((stored, errors))
