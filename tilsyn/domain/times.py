"""Dates and clock times as Danes type them, and the moments of an episode (no guessing).

A date is DD-MM-ÅÅÅÅ (also with . or /, and ISO ÅÅÅÅ-MM-DD); a date in that shape that is not
in the calendar (31-11-2026) is refused as such, not as a wrong shape. A clock time is 23.10,
23:10, 2310, 9.05 or 23.

An episode is typed as a date, a start and an optional end time on the wall clock in Denmark.
An end earlier than the start is never read as the next morning by itself: the user says so
(``ended_next_day``). Across the changes of summer time:

- a wall-clock time that does not exist (spring: 02.00-02.59 on the last Sunday of March) is
  refused with ``time_not_exist``;
- a wall-clock time that happens twice (autumn: 02.00-02.59 on the last Sunday of October) is,
  for the start, its first occurrence (summer time); for the end, the first occurrence at or
  after the start. So 02.40-02.10 on that night is the half hour across the change, and
  01.50-02.20 is half an hour, not an hour and a half.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .errors import DomainError, ValidationError

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
UTC = dt.timezone.utc

_TIME = re.compile(r"^(\d{1,2})(?:[.:,]?(\d{2}))?$")
# Day-month-year with -, . or / (one kind per date), or ISO year-month-day.
_DMY = re.compile(r"^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(text: str, field: str | None = None) -> dt.date | None:
    """'05-03-2026', '5.3.2026', '5/3/2026', '2026-03-05' -> date; empty -> None.

    Raises DomainError ``date_format`` for another shape and ``date_not_exist`` for a date in the
    right shape that the calendar does not have (``date_day_not_exist`` when only the day is past the
    month's end: 31-11-2026, 29-02-2027).
    """
    raw = (text or "").strip()
    if not raw:
        return None
    if m := _DMY.match(raw):
        day, month, year = int(m[1]), int(m[3]), int(m[4])
    elif m := _ISO.match(raw):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        raise DomainError("date_format", field=field, value=raw)
    if 1 <= month <= 12 and 1 <= year and 29 <= day <= 31:
        days = calendar.monthrange(year, month)[1]
        if day > days:
            raise DomainError("date_day_not_exist", field=field, value=raw, year=year, month=month, days=days)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DomainError("date_not_exist", field=field, value=raw) from None


def parse_time(text: str, field: str | None = None) -> dt.time | None:
    """'23.10', '23:10', '2310', '9.05' or '23' -> time; empty -> None; else DomainError ``time_format``."""
    raw = (text or "").strip()
    if not raw:
        return None
    m = _TIME.match(raw)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour <= 23 and minute <= 59:
            return dt.time(hour, minute)
    raise DomainError("time_format", field=field, value=raw)


def wall_clock_occurrences(day: dt.date, time: dt.time) -> tuple[dt.datetime, ...]:
    """Every aware moment at which Danish clocks showed ``time`` on ``day``: none (spring gap),
    one, or two (autumn), earliest first."""
    out = []
    for fold in (0, 1):
        moment = dt.datetime.combine(day, time, tzinfo=COPENHAGEN).replace(fold=fold)
        # A moment that does not survive the round trip through UTC is not on the clock.
        back = moment.astimezone(UTC).astimezone(COPENHAGEN)
        if back.replace(tzinfo=None) == moment.replace(tzinfo=None) and all(
            o.astimezone(UTC) != moment.astimezone(UTC) for o in out
        ):
            out.append(moment)
    return tuple(sorted(out, key=lambda m: m.astimezone(UTC)))


def local_moment(day: dt.date, time: dt.time, field: str | None = None) -> dt.datetime:
    """The aware moment (in UTC) of a Danish wall-clock date and time, the first one when it happens
    twice; DomainError ``time_not_exist`` in the hour skipped in spring.

    UTC, because Python compares two datetimes of the same zone by their wall clock, ignoring
    ``fold``: 02.10 after the autumn change would sort before 02.40 summer time."""
    found = wall_clock_occurrences(day, time)
    if not found:
        raise DomainError("time_not_exist", field=field, date=day, time=time)
    return found[0].astimezone(UTC)


@dataclass(frozen=True)
class EpisodeTimes:
    """What the registration screen typed, read: the aware start and (optional) end."""

    started_at: dt.datetime
    ended_at: dt.datetime | None


def episode_times(
    day: dt.date | None,
    start: dt.time | None,
    end: dt.time | None,
    ended_next_day: bool = False,
    now: dt.datetime | None = None,
) -> EpisodeTimes | None:
    """The episode's moments (aware, in UTC) from a date, a start, an end and whether it ended the
    next day.

    None when the date or the start is missing (the service says ``required``). Reports every
    fault at once in a ValidationError: ``time_not_exist`` (spring gap), ``end_before_start_same_day``
    (an end earlier than the start on the same day: the user must say it ended the next day),
    ``start_in_future`` / ``end_in_future`` when ``now`` is given.
    """
    if day is None or start is None:
        return None
    errors: list[DomainError] = []
    started: dt.datetime | None = None
    ended: dt.datetime | None = None
    try:
        started = local_moment(day, start, "started_at")
    except DomainError as exc:
        errors.append(exc)
    if end is not None:
        end_day = day + dt.timedelta(days=1) if ended_next_day else day
        occurrences = wall_clock_occurrences(end_day, end)
        if not occurrences:
            errors.append(DomainError("time_not_exist", field="ended_at", date=end_day, time=end))
        elif started is not None:
            after = [o.astimezone(UTC) for o in occurrences if o.astimezone(UTC) >= started]
            if after:
                ended = after[0]
            else:
                errors.append(DomainError("end_before_start_same_day", field="ended_at", start=start, end=end,
                                          next_day=day + dt.timedelta(days=1), ended_next_day=ended_next_day))
    if now is not None:
        now = now.astimezone(UTC)
        if started is not None and started > now:
            errors.append(DomainError("start_in_future", field="started_at", moment=started.astimezone(COPENHAGEN),
                                      now=now.astimezone(COPENHAGEN)))
        if ended is not None and ended > now and not (started is not None and started > now):
            errors.append(DomainError("end_in_future", field="ended_at", moment=ended.astimezone(COPENHAGEN),
                                      now=now.astimezone(COPENHAGEN)))
    if errors:
        raise ValidationError(errors)
    assert started is not None
    return EpisodeTimes(started, ended)


def ends_next_day(started_at: dt.datetime, ended_at: dt.datetime | None) -> bool:
    """Did a stored episode end on a later Danish calendar day than it started?"""
    if ended_at is None:
        return False
    return ended_at.astimezone(COPENHAGEN).date() > started_at.astimezone(COPENHAGEN).date()
