"""Reading what was typed on the use-of-force screens into service input (no Qt here).

Times are typed the Danish way (23.10, 23:10, 2310, 23); a date and a time make an aware moment
in Danish time. An end time earlier than the start is the next morning: a night shift's episode
from 23.50 to 00.10 is typed as it was lived.
"""

from __future__ import annotations

import datetime as dt
import re

from ...domain.errors import DomainError
from ...domain.force import COPENHAGEN, EpisodeInput, StaffInput

_TIME = re.compile(r"^(\d{1,2})(?:[.:,]?(\d{2}))?$")

#: Keys of the autosaved draft of the registration screen, besides "staff".
DRAFT_TEXT_KEYS = (
    "resident_id", "resident_text", "force_type", "situation", "date", "start", "end", "location", "purpose",
    "description", "avoidance", "least_intrusive", "narrative", "late_reason",
)


def parse_time(text: str, field: str | None = None) -> dt.time | None:
    """'23.10', '23:10', '2310', '9.05' or '23' -> time; empty -> None; else DomainError time_format."""
    raw = (text or "").strip()
    if not raw:
        return None
    m = _TIME.match(raw)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour <= 23 and minute <= 59:
            return dt.time(hour, minute)
    raise DomainError("time_format", field=field, value=raw)


def format_time(moment: dt.datetime | None) -> str:
    """An aware moment's Danish clock time: '23.10'."""
    return moment.astimezone(COPENHAGEN).strftime("%H.%M") if moment else ""


def local_moment(day: dt.date, time: dt.time) -> dt.datetime:
    """The aware moment of a Danish wall-clock date and time."""
    return dt.datetime.combine(day, time, tzinfo=COPENHAGEN)


def episode_moments(
    day: dt.date | None, start: dt.time | None, end: dt.time | None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """(started_at, ended_at); an end before the start falls on the next day."""
    if day is None or start is None:
        return None, None
    started = local_moment(day, start)
    if end is None:
        return started, None
    end_day = day + dt.timedelta(days=1) if end < start else day
    return started, local_moment(end_day, end)


def staff_from_rows(rows: list[dict]) -> tuple[StaffInput, ...]:
    """The ticked rows of the staff table (``on``, ``name``, ``workplace``, ``position``, ``writer``)."""
    return tuple(
        StaffInput(r.get("name", ""), r.get("workplace", ""), r.get("position", ""), bool(r.get("writer")))
        for r in rows
        if r.get("on") and (r.get("name") or "").strip()
    )


def episode_input(
    resident_id: str, values: dict, started: dt.datetime | None, ended: dt.datetime | None
) -> EpisodeInput:
    """Service input from the screen's values (a draft payload) and the moments read from it."""
    return EpisodeInput(
        resident_id=resident_id,
        force_type=values.get("force_type") or "",
        started_at=started,
        ended_at=ended,
        situation=values.get("situation") or "",
        location=values.get("location", ""),
        purpose=values.get("purpose", ""),
        description=values.get("description", ""),
        avoidance=values.get("avoidance", ""),
        least_intrusive=values.get("least_intrusive", ""),
        narrative=values.get("narrative", ""),
        staff=staff_from_rows(values.get("staff", [])),
        late_reason=values.get("late_reason", ""),
    )
