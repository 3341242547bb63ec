"""When is the next visit due? (DESIGN.md section 3, Vejle 2011 section 3.)

The rule, as the app applies it:
1. A care home never visited (no conducted visit) is due now: due date = today.
2. Otherwise the next visit is due a fixed time after the last conducted visit, by its result
   (the consultant's overall rating on the 4-level scale):
   - "Meget tilfredsstillende", "Tilfredsstillende" or no rating: 24 months
     ("mindst 1 tilsynsbesøg pr. plejecenter hvert andet år");
   - "Mindre tilfredsstillende": 12 months;
   - "Kritisable forhold": 6 months.
3. In the first programme year every home is visited at least once ("Det første år i
   forsøgsperioden aflægges et besøg/år"): a home last visited before that year is due by
   31 December of the first programme year at the latest.
A home is overdue when its due date lies before today; due now when it is today or never visited.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

INTERVAL_MONTHS = {
    None: 24,
    "": 24,
    "meget_tilfredsstillende": 24,
    "tilfredsstillende": 24,
    "mindre_tilfredsstillende": 12,
    "kritisabel": 6,
}
POOR_RESULTS = frozenset({"mindre_tilfredsstillende", "kritisabel"})
DUE_SOON_DAYS = 60


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Due:
    due_on: dt.date
    reason: str  # never_visited | interval | after_poor_result | first_year
    status: str  # overdue | due_now | due_soon | ok


def next_due(today: dt.date, last_visit: dt.date | None, last_result: str | None,
             first_programme_year: int | None = None) -> Due:
    """The due date of a home's next visit and why (see the module docstring)."""
    if last_visit is None:
        return Due(today, "never_visited", "due_now")
    months = INTERVAL_MONTHS.get(last_result, 24)
    due = add_months(last_visit, months)
    reason = "after_poor_result" if last_result in POOR_RESULTS else "interval"
    if first_programme_year is not None and last_visit.year < first_programme_year:
        year_end = dt.date(first_programme_year, 12, 31)
        if year_end < due:
            due, reason = year_end, "first_year"
    if due < today:
        status = "overdue"
    elif due == today:
        status = "due_now"
    elif (due - today).days <= DUE_SOON_DAYS:
        status = "due_soon"
    else:
        status = "ok"
    return Due(due, reason, status)
