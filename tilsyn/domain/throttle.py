"""Password back-off: one rule for the login window, the lock screen and the signing dialog.

A wrong password is counted per account, whichever screen it was typed in, so that thirty quick
guesses at the lock screen cost what thirty guesses at the login window cost.
"""

from __future__ import annotations

import datetime as dt
import math

FREE_ATTEMPTS = 5
FIRST_WAIT_SECONDS = 30
MAX_WAIT_SECONDS = 15 * 60


def wait_after(failures: int) -> int:
    """Seconds to wait before the next try: none for the first five, then 30 s doubling, max 15 min."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(FIRST_WAIT_SECONDS * 2 ** min(failures - FREE_ATTEMPTS, 20), MAX_WAIT_SECONDS)


def seconds_left(failures: int, last_failed_at: dt.datetime | None, now: dt.datetime) -> int:
    """Whole seconds until the next try is allowed (0 = now)."""
    wait = wait_after(failures)
    if not wait or last_failed_at is None:
        return 0
    left = (last_failed_at + dt.timedelta(seconds=wait) - now).total_seconds()
    return max(0, math.ceil(left))
