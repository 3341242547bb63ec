"""Frozen data returned by the use-of-force services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dto import PermitDTO
from .signatures import SignatureDTO


@dataclass(frozen=True)
class StaffDTO:
    name: str
    workplace: str
    position: str
    is_writer: bool


@dataclass(frozen=True)
class EpisodeDTO:
    id: str
    form_id: str
    resident_id: str
    catalogue_version: str
    force_type: str
    type_label: str
    paragraph: str
    situation: str
    situation_label: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    location: str
    purpose: str
    description: str
    avoidance: str
    least_intrusive: str
    narrative: str
    staff: tuple[StaffDTO, ...]
    registered_at: dt.datetime
    late: bool
    late_reason: str


@dataclass(frozen=True)
class Section1DTO:
    """Resident and permit: the contact person's section, derived from the resident and decisions."""

    cpr: str
    name: str
    address: str
    postal_code: str
    city: str
    care_home: str
    unit: str
    acting_municipality: str
    residence_municipality: str
    contact_person: str
    permits: tuple[PermitDTO, ...]


@dataclass(frozen=True)
class LeaderDTO:
    necessity: str
    reflection: str
    action_plan_updated: str
    discussed_in_staff_group: bool | None
    discussed_when: str
    discussion_plans: str
    action_plan_exists: bool | None
    other: str
    leader_name: str
    assessed_on: dt.date | None


@dataclass(frozen=True)
class AuthorityDTO:
    followup_remarks: str
    residence_municipality_informed: bool | None
    acting_municipality_informed: bool | None
    processed_by_name: str
    processed_by_position: str
    processed_by_municipality: str
    processed_on: dt.date | None


@dataclass(frozen=True)
class BindingFault:
    """``verify``: a signed section whose live content no longer matches its signature.
    ``field`` is a dotted path into the signed content (``episodes.<id>.description``,
    ``section1.name``), ``signature`` (the signature row itself) or ``form`` (the record is gone);
    ``problem`` "mismatch", "missing" or "unlogged" (a row section 1 was signed from changed
    without its audit entry, while the form shows section 1 as signed)."""

    form_id: str
    kind: str
    cpr_masked: str
    section: int
    field: str
    problem: str


@dataclass(frozen=True)
class SectionState:
    """Whether a section is signed and its live content still matches the signature:
    ``status`` "unsigned", "signed_valid" or "signed_mismatch"; ``fields`` the dotted paths of the
    content that differ (``episodes.<id>.description``, ``section1.name``) or "signature" when
    the signature row itself is not the one signed."""

    section: int
    status: str
    fields: tuple[str, ...] = ()

    @property
    def mismatch(self) -> bool:
        return self.status == "signed_mismatch"


@dataclass(frozen=True)
class ReopenRequestDTO:
    """A staff member's request to reopen a closed month, with the episode kept in it."""

    id: str
    form_id: str
    state: str  # pending | accepted | refused
    requested_at: dt.datetime
    requested_by: str
    reason: str
    episode_started_at: dt.datetime | None
    episode_type_label: str
    episode_description: str
    decided_at: dt.datetime | None
    decided_by: str
    decision_reason: str
    episode_id: str | None
    resident_name: str = ""
    care_home: str = ""
    year: int = 0
    month: int = 0
    kind: str = "monthly"


@dataclass(frozen=True)
class FormVersionDTO:
    """The version the municipality had when the form was reopened (printable as it was)."""

    id: str
    state: str  # sent | processed
    sent_at: dt.datetime | None
    processed_at: dt.datetime | None
    reopened_at: dt.datetime
    reopened_by: str
    reason: str
    voided_sections: tuple[int, ...]


@dataclass(frozen=True)
class FormDTO:
    id: str
    kind: str
    resident_id: str
    resident_name: str
    cpr_masked: str
    care_home_id: str
    care_home: str
    year: int
    month: int
    template_version: str
    catalogue_version: str
    not_covered_reason: str
    status: str
    due_date: dt.date | None
    closed_for_staff: bool
    section1: Section1DTO
    episodes: tuple[EpisodeDTO, ...]
    leader: LeaderDTO
    authority: AuthorityDTO
    signatures: tuple[SignatureDTO, ...]
    must_sign_again: tuple[SignatureDTO, ...]
    sent_at: dt.datetime | None
    returned_at: dt.datetime | None
    return_comment: str
    processed_at: dt.datetime | None
    # Per section 1-4 (section 1 is signed with section 2); empty on DTOs built without a store.
    section_states: tuple[SectionState, ...] = ()
    # Whether section 1 shows the data as signed with section 2 (else the live resident and permits).
    section1_as_signed: bool = False
    # The workflow (tilsyn.domain.form_workflow), computed by the service for the user who asked:
    # ``status`` is the workflow state; ``marks`` stand beside it (overdue, reopened,
    # reopen_requested, returned); ``allowed`` the FormAction codes the user may use now.
    marks: frozenset[str] = frozenset()
    allowed: frozenset[str] = frozenset()
    reopened_at: dt.datetime | None = None
    reopen_reason: str = ""
    reopen_requests: tuple[ReopenRequestDTO, ...] = ()
    versions: tuple[FormVersionDTO, ...] = ()

    def may(self, action: str) -> bool:
        return action in self.allowed

    @property
    def overdue(self) -> bool:
        return "overdue" in self.marks

    def signature(self, section: int) -> SignatureDTO | None:
        for s in self.signatures:
            if s.section == section:
                return s
        return None

    def section_state(self, section: int) -> SectionState:
        """The section's state; without states, signed means valid (as before binding existed)."""
        for st in self.section_states:
            if st.section == section:
                return st
        signed = section != 1 and self.signature(section) is not None
        return SectionState(section, "signed_valid" if signed else "unsigned")

    @property
    def mismatched_sections(self) -> tuple[SectionState, ...]:
        return tuple(st for st in self.section_states if st.mismatch)


@dataclass(frozen=True)
class RegistrationResult:
    episode_id: str
    form_id: str
    kind: str
    late: bool
    voided_sections: tuple[int, ...]
    # Whether the user may sign section 2 of the form now (the dialog offers it at once).
    may_sign_episodes: bool = False
    reopened: bool = False


@dataclass(frozen=True)
class ReopenRequestResult:
    """A late-found episode kept in a request to the leader (the month is closed for staff)."""

    request_id: str
    form_id: str


@dataclass(frozen=True)
class FormSummary:
    """One line in an inbox, a queue or a dashboard list."""

    id: str
    kind: str
    resident_id: str
    resident_name: str
    cpr_masked: str
    care_home: str
    year: int
    month: int
    status: str
    episodes: int
    due_date: dt.date | None
    sent_at: dt.datetime | None
    # All of the form's states on its one line: the workflow state is ``status``; beside it the
    # marks (overdue, reopened, reopen_requested, returned) with the texts that go with them.
    marks: frozenset[str] = frozenset()
    reopen_reason: str = ""
    return_comment: str = ""
    reopened_at: dt.datetime | None = None
    late_episodes: int = 0  # on dashboard lines: episodes of the form registered too late


@dataclass(frozen=True)
class MonthOverviewRow:
    resident_id: str
    resident_name: str
    cpr_masked: str
    room: str
    status: str
    form_id: str | None
    episodes: int
    late_episodes: int
    acute_records: int
    marks: frozenset[str] = frozenset()  # beside the state: overdue, reopened, ...


@dataclass(frozen=True)
class LateEpisodeDTO:
    episode_id: str
    form_id: str
    resident_name: str
    care_home: str
    started_at: dt.datetime
    registered_at: dt.datetime
    late_reason: str


@dataclass(frozen=True)
class PermitEndingDTO:
    permit: PermitDTO
    resident_name: str
    care_home: str


@dataclass(frozen=True)
class DashboardDTO:
    late_registrations: tuple[LateEpisodeDTO, ...]
    leader_pending: tuple[FormSummary, ...]
    overdue: tuple[FormSummary, ...]
    permits_ending: tuple[PermitEndingDTO, ...]
    unsent_used_months: tuple[FormSummary, ...]
    # Issue 12: forms whose section 2 waits for the staff's signature, forms the authority sent
    # back (with the comment), and staff requests to reopen a closed month.
    awaiting_staff: tuple[FormSummary, ...] = ()
    returned: tuple[FormSummary, ...] = ()
    reopen_requests: tuple[ReopenRequestDTO, ...] = ()


@dataclass(frozen=True)
class ResidentForceOverview:
    resident_id: str
    resident_name: str
    months: tuple[str, ...]  # "2026-01" ...
    types: tuple[tuple[str, str], ...]  # (code, display label)
    counts: dict  # (month, code) -> count
    totals: dict  # code -> count

    def count(self, month: str, code: str) -> int:
        return self.counts.get((month, code), 0)


@dataclass(frozen=True)
class TypeChoice:
    code: str
    display: str
    situations: tuple[tuple[str, str], ...]
    catalogue_version: str


@dataclass(frozen=True)
class CoverageCheck:
    """Whether an episode would go on the monthly form; if not, why (for the acute offer)."""

    covered: bool
    reason: str  # "", "not_in_month", "no_active_permit", "type_not_permitted"
    form_id: str | None
    closed: bool
