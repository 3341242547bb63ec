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
from typing import Mapping

from ..errors import DomainError

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


# -- visit dates -------------------------------------------------------------------------------------
# A visit lies on a working day (Monday to Friday, not a public holiday) of its programme's year;
# a follow-up visit may lie in the year after. The calendar of public holidays is given by the
# caller (date -> name), so the rule stays pure and testable with any calendar.

FOLLOW_UP_YEARS = 1


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month, day = divmod(h + ell - 7 * m + 90, 25)
    return dt.date(year, month, (h + ell - 7 * m + 33 * month + 19) % 32)


def danish_public_holidays(*years: int) -> dict[dt.date, str]:
    """Denmark's public holidays (helligdage) of ``years``, date -> Danish name: the fixed days and
    those that follow Easter; Store bededag until 2023 (abolished from 2024). Grundlovsdag,
    juleaften and nytårsaften are not public holidays."""
    out: dict[dt.date, str] = {}
    for year in years:
        easter = easter_sunday(year)
        after = {-3: "Skærtorsdag", -2: "Langfredag", 0: "Påskedag", 1: "Anden påskedag",
                 39: "Kristi himmelfartsdag", 49: "Pinsedag", 50: "Anden pinsedag"}
        if year <= 2023:
            after[26] = "Store bededag"
        out[dt.date(year, 1, 1)] = "Nytårsdag"
        for offset, name in after.items():
            out[easter + dt.timedelta(days=offset)] = name
        out[dt.date(year, 12, 25)] = "Juledag"
        out[dt.date(year, 12, 26)] = "Anden juledag"
    return out


def is_working_day(day: dt.date, holidays: Mapping[dt.date, str]) -> bool:
    return day.weekday() < 5 and day not in holidays


def working_days(start: dt.date, end: dt.date, holidays: Mapping[dt.date, str]) -> list[dt.date]:
    """Every working day from ``start`` to ``end``, both included."""
    out, day = [], start
    while day <= end:
        if is_working_day(day, holidays):
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def check_visit_date(day: dt.date, year: int, holidays: Mapping[dt.date, str], *, follow_up: bool = False) -> dt.date:
    """The date of a visit in the programme ``year``: DomainError ``visit_date_outside_year``
    outside that year (a follow-up: up to the end of the next year), ``visit_date_weekend`` on a
    Saturday or Sunday and ``visit_date_holiday`` on a public holiday."""
    last = year + (FOLLOW_UP_YEARS if follow_up else 0)
    text = day.strftime("%d-%m-%Y")
    if not (year <= day.year <= last):
        raise DomainError("visit_date_outside_year" + ("_follow_up" if follow_up else ""), field="planned_on",
                          date=text, year=year, last=last)
    if day.weekday() >= 5:
        raise DomainError("visit_date_weekend", field="planned_on", date=text)
    if day in holidays:
        raise DomainError("visit_date_holiday", field="planned_on", date=text, holiday=holidays[day])
    return day


def propose_visit_date(year: int, wanted: dt.date, holidays: Mapping[dt.date, str], today: dt.date | None = None,
                       taken: frozenset[dt.date] | set[dt.date] = frozenset()) -> dt.date:
    """The date proposed for one visit: the first working day on or after ``wanted`` that no other
    visit has (``taken``), inside ``year`` and after today; when none is left after it, the last
    free working day before it. DomainError ``no_working_days_left`` when the year has none."""
    start = dt.date(year, 1, 1)
    if today is not None and today >= start:
        start = today + dt.timedelta(days=1)
    days = working_days(start, dt.date(year, 12, 31), holidays)
    if not days:
        raise DomainError("no_working_days_left", year=year)
    free = [d for d in days if d not in taken] or days
    after = [d for d in free if d >= wanted]
    return after[0] if after else free[-1]


def propose_visit_dates(year: int, count: int, holidays: Mapping[dt.date, str],
                        today: dt.date | None = None) -> list[dt.date]:
    """``count`` visit dates in ``year``, one working day each, spread evenly over the working days
    from tomorrow (or 1 January, when the year lies ahead) to 31 December, earliest first. More
    visits than working days left share days (round robin); none left: DomainError
    ``no_working_days_left``."""
    if count <= 0:
        return []
    start = dt.date(year, 1, 1)
    if today is not None and today >= start:
        start = today + dt.timedelta(days=1)
    days = working_days(start, dt.date(year, 12, 31), holidays)
    if not days:
        raise DomainError("no_working_days_left", year=year)
    if count >= len(days):
        return sorted(days[i % len(days)] for i in range(count))
    # The middle of each of ``count`` equal stretches of working days: no two visits on one day.
    return [days[(2 * i + 1) * len(days) // (2 * count)] for i in range(count)]
