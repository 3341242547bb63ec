"""The monthly form's workflow: its state, its marks, who may do what, and what a change voids.

Pure rules (issue 12, points 1, 6 and 7). The service computes ``WorkflowFacts`` from the stored form
and carries ``workflow_state``, ``form_marks`` and ``allowed_actions`` on the form's DTO; the
views only show them.

States, in the order a form goes through them::

    draft            Kladde: the month is still running and section 2 is not signed
    awaiting_staff   Afventer personalets underskrift: episodes, section 2 not signed
    awaiting_leader  Afventer leder: section 2 signed, section 3 not
    ready_to_send    Klar til afsendelse: sections 2 and 3 signed, not sent
    sent             Sendt: at the authority, section 4 not signed
    returned         Sendt tilbage: the authority returned it; section 3 must be signed again
    processed        Behandlet: section 4 signed

Marks that can stand beside any state: ``overdue`` (for sent: not at the authority by the due
day), ``reopened`` (genåbnet: was sent or processed, changed since and not sent again),
``reopen_requested`` (staff asked the leader to reopen it), ``returned`` (sent back, while the
state shows another step, e.g. a new episode voided section 2 too).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .errors import DomainError
from .roles import Action, Role, PERMISSIONS

SECTION_EPISODES, SECTION_LEADER, SECTION_AUTHORITY = 2, 3, 4
SIGNED_SECTIONS = (SECTION_EPISODES, SECTION_LEADER, SECTION_AUTHORITY)


class WorkflowState(StrEnum):
    DRAFT = "draft"
    AWAITING_STAFF = "awaiting_staff"
    AWAITING_LEADER = "awaiting_leader"
    READY_TO_SEND = "ready_to_send"
    SENT = "sent"
    RETURNED = "returned"
    PROCESSED = "processed"


class Mark(StrEnum):
    OVERDUE = "overdue"
    REOPENED = "reopened"
    REOPEN_REQUESTED = "reopen_requested"
    RETURNED = "returned"


class FormAction(StrEnum):
    """What a user may do on one form; the form view shows exactly these."""

    EDIT_EPISODES = "edit_episodes"  # register or correct episodes (section 2)
    SIGN_EPISODES = "sign_episodes"  # sign section 2
    EDIT_LEADER = "edit_leader"  # section 3
    SIGN_LEADER = "sign_leader"
    SEND = "send"
    EDIT_AUTHORITY = "edit_authority"  # section 4
    PROCESS = "process"  # sign section 4
    SEND_BACK = "send_back"
    REOPEN = "reopen"  # the leader reopens a sent or processed form, with a reason
    REQUEST_REOPEN = "request_reopen"  # staff ask the leader to reopen a closed month
    DECIDE_REOPEN = "decide_reopen"  # the leader accepts or refuses a staff request


#: The states in which the municipality has the form: a change there is never silent.
AT_AUTHORITY = frozenset({WorkflowState.SENT, WorkflowState.PROCESSED})

#: Who signs each section again, for the question the reopen asks.
SIGNER_OF_SECTION = {SECTION_EPISODES: Role.STAFF, SECTION_LEADER: Role.LEADER, SECTION_AUTHORITY: Role.CASEWORKER}


@dataclass(frozen=True)
class WorkflowFacts:
    """What the state, marks and actions of one form are computed from."""

    signed: frozenset[int]
    episodes: int
    sent: bool
    returned: bool
    month_over: bool
    monthly: bool = True
    overdue_date: bool = False  # today is past the form's due date
    reopened: bool = False  # reopened since it was last sent
    reopen_requested: bool = False  # a staff request is pending
    mismatched: frozenset[int] = frozenset()  # signed sections whose live content no longer matches


def workflow_state(f: WorkflowFacts) -> WorkflowState:
    """The one state of a form (see the module docstring)."""
    if SECTION_AUTHORITY in f.signed:
        return WorkflowState.PROCESSED
    if f.sent:
        return WorkflowState.SENT
    if SECTION_EPISODES not in f.signed:
        if f.monthly and not f.month_over and not f.returned and not f.reopened:
            return WorkflowState.DRAFT
        return WorkflowState.AWAITING_STAFF if f.episodes else WorkflowState.DRAFT
    if SECTION_LEADER in f.signed:
        return WorkflowState.READY_TO_SEND
    return WorkflowState.RETURNED if f.returned else WorkflowState.AWAITING_LEADER


def form_marks(f: WorkflowFacts) -> frozenset[Mark]:
    """The marks beside the state: for sent, genåbnet, anmodning om genåbning, sendt tilbage."""
    state = workflow_state(f)
    out = set()
    if f.monthly and f.overdue_date and state not in AT_AUTHORITY:
        out.add(Mark.OVERDUE)
    if f.reopened and state not in AT_AUTHORITY:
        out.add(Mark.REOPENED)
    if f.reopen_requested:
        out.add(Mark.REOPEN_REQUESTED)
    if f.returned and not f.sent and state is not WorkflowState.RETURNED:
        out.add(Mark.RETURNED)
    return frozenset(out)


def allowed_actions(f: WorkflowFacts, role: Role | None, in_scope: bool = True) -> frozenset[FormAction]:
    """What ``role`` may do on the form now. ``in_scope``: the user's care homes hold the form
    (always true for the unscoped roles). The services enforce the same rules."""
    if role is None or not in_scope:
        return frozenset()
    can = PERMISSIONS[role]
    state = workflow_state(f)
    signed = f.signed
    out: set[FormAction] = set()
    at_authority = state in AT_AUTHORITY
    closed = SECTION_LEADER in signed  # the month is closed for staff once the leader has signed
    leader = Action.FORM_SIGN_LEADER in can
    if Action.EPISODE_REGISTER in can:
        if not at_authority and (leader or not closed):
            out.add(FormAction.EDIT_EPISODES)
        if f.episodes and SECTION_EPISODES not in signed and not closed and not at_authority:
            out.add(FormAction.SIGN_EPISODES)
        if closed and not leader and not f.reopen_requested:
            out.add(FormAction.REQUEST_REOPEN)
    if leader:
        if not at_authority:
            out.add(FormAction.EDIT_LEADER)
            if SECTION_EPISODES in signed and not closed:
                out.add(FormAction.SIGN_LEADER)
            if {SECTION_EPISODES, SECTION_LEADER} <= signed:
                out.add(FormAction.SEND)
        else:
            out.add(FormAction.REOPEN)
        if f.reopen_requested:
            out.add(FormAction.DECIDE_REOPEN)
    if Action.FORM_PROCESS in can and at_authority:
        out.add(FormAction.EDIT_AUTHORITY)
        if state is WorkflowState.SENT:
            out.add(FormAction.PROCESS)
            out.add(FormAction.SEND_BACK)
    # Nothing is signed or sent on top of a section whose content changed since it was signed
    # (issue 10): the section must be corrected and signed again first.
    if f.mismatched:
        earliest = min(f.mismatched)
        blocked = {FormAction.SEND}
        if earliest < SECTION_LEADER:
            blocked.add(FormAction.SIGN_LEADER)
        if earliest < SECTION_AUTHORITY:
            blocked.add(FormAction.PROCESS)
        out -= blocked
    return frozenset(out)


@dataclass(frozen=True)
class ChangePlan:
    """What a change of ``section`` does to a form: the signatures it voids (in section order),
    who must sign each again, whether it takes the form back from the municipality (so it needs a
    reason and the municipality sees it as reopened)."""

    section: int
    voids: tuple[int, ...]
    sign_again: tuple[tuple[int, Role], ...]
    reopens: bool
    from_state: WorkflowState


def change_plan(f: WorkflowFacts, section: int) -> ChangePlan:
    """The rule "what a change to section ``section`` of a form in its state voids and who must
    sign again". A change voids the section's own signature and every later one; a form at the
    authority (sent or processed) is reopened by it: it leaves the authority's inbox as sent, and
    the authority sees it as reopened with the reason."""
    if section not in (1, *SIGNED_SECTIONS):
        raise DomainError("unknown_section", section=section)
    state = workflow_state(f)
    first = max(section, SECTION_EPISODES)  # section 1 is signed with section 2
    voids = tuple(s for s in SIGNED_SECTIONS if s >= first and s in f.signed)
    return ChangePlan(section, voids, tuple((s, SIGNER_OF_SECTION[s]) for s in voids), state in AT_AUTHORITY, state)


class ReopenNeedsReason(DomainError):
    """A change to a sent or processed form was asked for without a reason. ``sections``: the
    sections that must be signed again; ``state``: sent or processed."""

    code = "form_reopen_needs_reason"


def check_change(f: WorkflowFacts, section: int, reopen_reason: str | None) -> ChangePlan:
    """The plan of a change, refused with ReopenNeedsReason when it would reopen the form and no
    reason is given (the screen turns the refusal into the question)."""
    plan = change_plan(f, section)
    if plan.reopens and not (reopen_reason or "").strip():
        raise ReopenNeedsReason(sections=list(plan.voids), state=plan.from_state.value, section=section)
    return plan


# -- staff requests to reopen a closed month -----------------------------------------------------

class RequestState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REFUSED = "refused"


def check_decision(state: str) -> None:
    """A request is decided once: accepted or refused, never both, never again."""
    if state != RequestState.PENDING.value:
        raise DomainError("reopen_request_decided", state=state)


def month_over(year: int, month: int, today: dt.date) -> bool:
    return (today.year, today.month) > (year, month)
