"""Reading what was typed on the use-of-force screens into service input (no Qt here).

Dates and times are read, and a date with a start and an end made into aware moments, by
tilsyn.domain.times: an end before the start is the next day only when the user ticks
»Sluttede næste dag«.
"""

from __future__ import annotations

import datetime as dt

from ...domain.force import COPENHAGEN, EpisodeInput, StaffInput

#: Keys of the autosaved draft of the registration screen, besides "staff" and "ended_next_day".
DRAFT_TEXT_KEYS = (
    "resident_id", "resident_text", "force_type", "situation", "date", "start", "end", "location", "purpose",
    "description", "avoidance", "least_intrusive", "narrative", "late_reason",
)


def format_time(moment: dt.datetime | None) -> str:
    """An aware moment's Danish clock time: '23.10'."""
    return moment.astimezone(COPENHAGEN).strftime("%H.%M") if moment else ""


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
