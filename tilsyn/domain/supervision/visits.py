"""Visit statuses and the rules for moving between them.

planlagt -> gennemført -> rapportudkast -> i høring -> endelig -> opfølgning

- interviews are held while the visit is planned (the day it happens) or conducted;
- findings, conclusions and the action plan are written while conducted or in draft;
- the draft goes to the care home's leader for consultation (høring) with a deadline; while it is
  out nothing in the report changes;
- it becomes final after the leader's reply, or without one once the deadline has passed;
- follow-up: a follow-up visit is planned on a final report; action items stay editable (their
  status is followed up) in final and follow-up.
"""

from __future__ import annotations

import datetime as dt

from ..errors import DomainError

PLANNED = "planned"
CONDUCTED = "conducted"
DRAFT = "draft_report"
CONSULTATION = "consultation"
FINAL = "final"
FOLLOW_UP = "follow_up"
CANCELLED = "cancelled"  # a planned visit called off, with a reason; its draws are kept
STATUSES = (PLANNED, CONDUCTED, DRAFT, CONSULTATION, FINAL, FOLLOW_UP)
ALL_STATUSES = STATUSES + (CANCELLED,)
STATUS_LABELS = {
    PLANNED: "Planlagt",
    CONDUCTED: "Gennemført",
    DRAFT: "Rapportudkast",
    CONSULTATION: "I høring",
    FINAL: "Endelig",
    FOLLOW_UP: "Opfølgning",
    CANCELLED: "Aflyst",
}
TRANSITIONS = {
    PLANNED: (CONDUCTED, CANCELLED),
    CONDUCTED: (DRAFT,),
    DRAFT: (CONSULTATION,),
    CONSULTATION: (FINAL, DRAFT),
    FINAL: (FOLLOW_UP,),
    FOLLOW_UP: (),
    CANCELLED: (),
}
INTERVIEW_STATUSES = (PLANNED, CONDUCTED)
WRITING_STATUSES = (CONDUCTED, DRAFT)
ACTION_PLAN_STATUSES = (CONDUCTED, DRAFT, FINAL, FOLLOW_UP)
# Visits that count as "held" for planning: everything from conducted on.
HELD_STATUSES = (CONDUCTED, DRAFT, CONSULTATION, FINAL, FOLLOW_UP)
# Relatives are often phoned in the days after the visit: the sample stays open until the report.
SAMPLING_STATUSES = (PLANNED, CONDUCTED)
ACTION_STATUSES = ("open", "in_progress", "done")
ACTION_STATUS_LABELS = {"open": "Ikke påbegyndt", "in_progress": "I gang", "done": "Udført"}
CONSULTATION_DAYS = 14
CANCEL_MIN_REASON = 5


def check_cancel_reason(reason: str) -> str:
    """The reason a visit is cancelled: at least CANCEL_MIN_REASON characters."""
    reason = (reason or "").strip()
    if len(reason) < CANCEL_MIN_REASON:
        raise DomainError("cancel_reason_required", field="reason", min=CANCEL_MIN_REASON)
    return reason


def check_transition(current: str, target: str) -> None:
    """DomainError ``visit_status`` unless ``current`` may move to ``target``."""
    if target not in TRANSITIONS.get(current, ()):
        raise DomainError("visit_status", status=STATUS_LABELS.get(current, current),
                          target=STATUS_LABELS.get(target, target))


def require_status(current: str, allowed: tuple[str, ...], what: str) -> None:
    """DomainError ``visit_locked_<what>`` (interview, sampling, findings, action_plan,
    reschedule) when that work may not be done in status ``current``."""
    if current not in allowed:
        raise DomainError(f"visit_locked_{what}", status=STATUS_LABELS.get(current, current))


def check_conducted_on(day: dt.date, planned_on: dt.date | None, today: dt.date) -> None:
    if day > today:
        raise DomainError("visit_in_future", field="conducted_on")


def can_finalise(replied: bool, deadline: dt.date | None, today: dt.date) -> bool:
    """Final after the leader's reply, or when the consultation deadline has passed."""
    return replied or (deadline is not None and today > deadline)


def respondent_code(prefix: str, taken: set[str]) -> str:
    """The next code with ``prefix`` after the highest taken: B1, B2, ... (never reused in a visit)."""
    numbers = [int(c[len(prefix):]) for c in taken if c.startswith(prefix) and c[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"
