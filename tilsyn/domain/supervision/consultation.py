"""What may be done with a visit in each status: the consultation (høring), the action plan, the
free-text flags, and the list of allowed actions every screen asks for.

Pure functions on plain values: the services pass what they read from the rows, the views read
``VisitDTO.allowed_actions`` (computed here) instead of deriving it from the status themselves.

- The draft goes to the care home's leader with at least one joint conclusion and a deadline
  after today; while it is out nothing the consultant wrote changes.
- The leader may reply as often as they like while it is out: every reply is kept in the thread,
  the newest is the one the final report uses.
- It becomes final after a reply, or without one once the deadline has passed.
- The staff's own action plan is written by the care home's leader (while the report is in
  consultation and after) or by the consultant (while writing the report and after); the
  consultant comments on its items.
"""

from __future__ import annotations

import datetime as dt

from ..errors import DomainError
from . import visits as v

# The roles' sides of a visit.
CONSULTANT = "consultant"
LEADER = "leader"

# Who may write action items, in which statuses.
ACTION_PLAN_STATUSES = {
    CONSULTANT: v.ACTION_PLAN_STATUSES,
    LEADER: (v.CONSULTATION, v.FINAL, v.FOLLOW_UP),
}
REMOVE_ACTION_STATUSES = {
    CONSULTANT: v.WRITING_STATUSES,
    LEADER: (v.CONSULTATION,),
}
COMMENT_STATUSES = (v.CONDUCTED, v.DRAFT, v.CONSULTATION, v.FINAL, v.FOLLOW_UP)
# Marking free-text answers for the report: while interviewing and while writing the report.
FREE_TEXT_FLAG_STATUSES = (v.PLANNED, v.CONDUCTED, v.DRAFT)

# Reply states of a consultation, and their Danish labels (the inbox column).
AWAITING, ANSWERED, OVERDUE, CLOSED = "awaiting", "answered", "overdue", "closed"
REPLY_STATE_LABELS = {
    AWAITING: "afventer svar",
    ANSWERED: "besvaret",
    OVERDUE: "fristen er overskredet",
    CLOSED: "afsluttet uden svar",
}


def check_send(status: str, has_conclusions: bool, deadline: dt.date | None, today: dt.date) -> None:
    """The draft may go to consultation: status draft, a joint conclusion, a deadline after today."""
    v.check_transition(status, v.CONSULTATION)
    if not has_conclusions:
        raise DomainError("conclusions_required")
    if deadline is None or deadline <= today:
        raise DomainError("consultation_deadline", field="deadline")


def check_reply(status: str, consultation_open: bool, text: str) -> None:
    """A leader's reply: only while the report is out, and not empty."""
    if status != v.CONSULTATION or not consultation_open:
        raise DomainError("consultation_not_open")
    if not text.strip():
        raise DomainError("required", field="reply_text")


def check_finalise(status: str, consultation_open: bool, replies: int, deadline: dt.date | None,
                   today: dt.date) -> None:
    """Final after a reply, or without one once the deadline has passed."""
    if status != v.CONSULTATION or not consultation_open:
        raise DomainError("consultation_not_open")
    if not v.can_finalise(replies > 0, deadline, today):
        raise DomainError("consultation_open", deadline=deadline.strftime("%d-%m-%Y") if deadline else "")
    v.check_transition(status, v.FINAL)


def reply_state(status: str, replies: int, deadline: dt.date | None, today: dt.date) -> str:
    """answered / awaiting / overdue (deadline passed without a reply) / closed (final without one)."""
    if replies:
        return ANSWERED
    if status != v.CONSULTATION:
        return CLOSED
    if deadline is not None and today > deadline:
        return OVERDUE
    return AWAITING


def check_action_plan(status: str, side: str) -> None:
    """DomainError ``visit_locked_action_plan`` unless ``side`` may write action items now."""
    v.require_status(status, ACTION_PLAN_STATUSES.get(side, ()), "action_plan")


def check_remove_action(status: str, side: str) -> None:
    v.require_status(status, REMOVE_ACTION_STATUSES.get(side, ()), "action_plan")


def check_comment(status: str) -> None:
    v.require_status(status, COMMENT_STATUSES, "comment")


def check_free_text_flag(status: str) -> None:
    v.require_status(status, FREE_TEXT_FLAG_STATUSES, "free_text_flag")


def allowed_actions(status: str, *, side: str = CONSULTANT, has_conclusions: bool = False,
                    consultation_open: bool = False, replies: int = 0, deadline: dt.date | None = None,
                    today: dt.date | None = None) -> tuple[str, ...]:
    """The actions one side may take on a visit now, in a fixed order. Names:
    interview, sample, mark_conducted, start_report, write_findings, flag_free_text, action_plan,
    remove_action, comment_action, send_for_consultation, return_to_draft, finalise,
    plan_follow_up (the consultant); reply, action_plan, remove_action (the leader)."""
    out: list[str] = []
    if side == LEADER:
        if status == v.CONSULTATION and consultation_open:
            out.append("reply")
        if status in ACTION_PLAN_STATUSES[LEADER]:
            out.append("action_plan")
        if status in REMOVE_ACTION_STATUSES[LEADER]:
            out.append("remove_action")
        return tuple(out)
    nxt = v.TRANSITIONS.get(status, ())
    if status in v.INTERVIEW_STATUSES:
        out.append("interview")
    if status in v.SAMPLING_STATUSES:
        out.append("sample")
    if v.CONDUCTED in nxt:
        out.append("mark_conducted")
    if status == v.CONDUCTED and v.DRAFT in nxt:
        out.append("start_report")
    if status in v.WRITING_STATUSES:
        out.append("write_findings")
    if status in FREE_TEXT_FLAG_STATUSES:
        out.append("flag_free_text")
    if status in ACTION_PLAN_STATUSES[CONSULTANT]:
        out.append("action_plan")
    if status in REMOVE_ACTION_STATUSES[CONSULTANT]:
        out.append("remove_action")
    if status in COMMENT_STATUSES:
        out.append("comment_action")
    if v.CONSULTATION in nxt and has_conclusions:
        out.append("send_for_consultation")
    if status == v.CONSULTATION and v.DRAFT in nxt:
        out.append("return_to_draft")
    if status == v.CONSULTATION and consultation_open and today is not None \
            and v.can_finalise(replies > 0, deadline, today):
        out.append("finalise")
    if v.FOLLOW_UP in nxt:
        out.append("plan_follow_up")
    return tuple(out)
