"""Use of force (magtanvendelse): episodes, the monthly form and its rules.

DESIGN.md section 2. Every rule here raises a DomainError with a stable code; the Danish
sentence for each code lives in tilsyn.messages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from zoneinfo import ZoneInfo

from .catalogue import Catalogue
from .errors import DomainError, ValidationError
from .limits import length_error, length_errors, nfc
from .permits import PermitTerms

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
DEFAULT_DUE_DAY = 5

# Sections of the monthly form and the acute record, signed in this order.
SECTION_EPISODES = 2
SECTION_LEADER = 3
SECTION_AUTHORITY = 4
SIGNED_SECTIONS = (SECTION_EPISODES, SECTION_LEADER, SECTION_AUTHORITY)


class FormKind(StrEnum):
    MONTHLY = "monthly"
    ACUTE = "acute"


class FormStatus(StrEnum):
    """What the month overview shows per resident."""

    NONE = "none"  # ingen magtanvendelse
    DRAFT = "draft"  # kladde
    AWAITING_LEADER = "awaiting_leader"  # afventer leder
    SENT = "sent"  # sendt
    PROCESSED = "processed"  # behandlet
    RETURNED = "returned"  # sendt tilbage
    OVERDUE = "overdue"  # for sent


class EpisodeNotCovered(DomainError):
    """The episode cannot go on the monthly form; it may be recorded as an acute record."""

    code = "episode_not_covered"


@dataclass(frozen=True)
class StaffInput:
    name: str
    workplace: str = ""
    position: str = ""
    is_writer: bool = False


@dataclass(frozen=True)
class EpisodeInput:
    resident_id: str
    force_type: str
    started_at: dt.datetime | None
    ended_at: dt.datetime | None = None
    situation: str = ""
    location: str = ""
    purpose: str = ""
    description: str = ""
    avoidance: str = ""
    least_intrusive: str = ""
    narrative: str = ""
    staff: tuple[StaffInput, ...] = ()
    late_reason: str = ""


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return self.next().first_day - dt.timedelta(days=1)

    def next(self) -> Month:
        return Month(self.year + (self.month == 12), self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def contains(self, day: dt.date) -> bool:
        return (day.year, day.month) == (self.year, self.month)

    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def parse(cls, text: str) -> Month:
        try:
            y, m = text.strip().split("-")
            month = cls(int(y), int(m))
        except ValueError:
            raise DomainError("month_format", value=text) from None
        if not 1 <= month.month <= 12:
            raise DomainError("month_format", value=text)
        return month


def local_date(moment: dt.datetime) -> dt.date:
    """The Danish calendar day of an aware moment."""
    return moment.astimezone(COPENHAGEN).date()


def registration_deadline(started_at: dt.datetime) -> dt.datetime:
    """End of the day after the episode, Danish time (midnight starting the day after that)."""
    day = local_date(started_at) + dt.timedelta(days=2)
    return dt.datetime(day.year, day.month, day.day, tzinfo=COPENHAGEN)


def is_late(started_at: dt.datetime, registered_at: dt.datetime) -> bool:
    return registered_at >= registration_deadline(started_at)


def due_date(month: Month, due_day: int = DEFAULT_DUE_DAY) -> dt.date:
    """The day of the next month by which the form must be at the authority."""
    nxt = month.next()
    return dt.date(nxt.year, nxt.month, min(max(due_day, 1), 28))


# The episode's prose fields (section 2), trimmed, in NFC and within their maximum length.
EPISODE_TEXTS = ("location", "purpose", "description", "avoidance", "least_intrusive", "narrative")


def validate_episode(data: EpisodeInput, catalogue: Catalogue, now: dt.datetime) -> EpisodeInput:
    """Rules that hold for every episode, on a form or not. Reports every fault at once.

    No episode in the future; end not before start; at least one staff member and exactly one
    writer; a known type, and a hygiene situation for § 126 a; a late registration needs a reason;
    no text over its maximum length (staff faults as ``staff.<row>.<field>``). Returns the
    cleaned input (trimmed, NFC).
    """
    errors: list[DomainError] = []
    if data.started_at is None:
        errors.append(DomainError("required", field="started_at"))
    elif data.started_at.tzinfo is None:
        raise ValueError("naive datetime given for an episode")
    else:
        if data.started_at > now:
            errors.append(DomainError("episode_in_future", field="started_at"))
        if data.ended_at is not None:
            if data.ended_at < data.started_at:
                errors.append(DomainError("episode_end_before_start", field="ended_at"))
            elif data.ended_at > now:
                errors.append(DomainError("episode_in_future", field="ended_at"))
    force_type = None
    if not data.force_type:
        errors.append(DomainError("required", field="force_type"))
    else:
        try:
            force_type = catalogue.get(data.force_type)
        except DomainError as exc:
            exc.field = "force_type"
            errors.append(exc)
    situation = data.situation.strip()
    if force_type is not None:
        if force_type.situations:
            if not situation:
                errors.append(DomainError("situation_required", field="situation"))
            else:
                try:
                    force_type.situation(situation)
                except DomainError as exc:
                    errors.append(exc)
        elif situation:
            errors.append(DomainError("situation_not_applicable", field="situation"))
    if not data.description.strip():
        errors.append(DomainError("required", field="description"))
    texts = {f: nfc(getattr(data, f).strip()) for f in EPISODE_TEXTS}
    errors.extend(length_errors(texts))
    staff_rows = [(i, StaffInput(nfc(" ".join(s.name.split())), nfc(s.workplace.strip()), nfc(s.position.strip()),
                                 s.is_writer))
                  for i, s in enumerate(data.staff) if s.name.strip()]
    for i, s in staff_rows:
        errors.extend(length_errors({"name": s.name, "workplace": s.workplace, "position": s.position},
                                    prefix=f"staff.{i}."))
    staff = tuple(s for _, s in staff_rows)
    if not staff:
        errors.append(DomainError("staff_required", field="staff"))
    else:
        writers = sum(1 for s in staff if s.is_writer)
        if writers != 1:
            errors.append(DomainError("staff_one_writer", field="staff", writers=writers))
        names = [s.name.casefold() for s in staff]
        if len(set(names)) != len(names):
            errors.append(DomainError("staff_duplicate", field="staff"))
    if data.started_at is not None and data.started_at.tzinfo and is_late(data.started_at, now):
        if not data.late_reason.strip():
            errors.append(DomainError("late_reason_required", field="late_reason",
                                      deadline=registration_deadline(data.started_at)))
    late_reason = nfc(data.late_reason.strip())
    if (err := length_error(late_reason, "late_reason")) is not None:
        errors.append(err)
    if errors:
        raise ValidationError(errors)
    return EpisodeInput(
        data.resident_id, data.force_type, data.started_at, data.ended_at, situation, staff=staff,
        late_reason=late_reason, **texts,
    )


def check_form_coverage(
    force_type: str, started_at: dt.datetime, month: Month, permits: list[PermitTerms]
) -> PermitTerms:
    """An episode goes on the monthly form only inside the form's month, inside an active
    permit's period, and of a permitted type. Returns the covering permit or raises
    EpisodeNotCovered with the reason (``not_in_month``, ``no_active_permit``, ``type_not_permitted``)."""
    day = local_date(started_at)
    if not month.contains(day):
        raise EpisodeNotCovered(reason="not_in_month", field="started_at", month=month.key())
    active = [p for p in permits if p.is_active_on(day)]
    if not active:
        raise EpisodeNotCovered(reason="no_active_permit", field="started_at", day=day)
    for p in active:
        if force_type in p.force_types:
            return p
    raise EpisodeNotCovered(reason="type_not_permitted", field="force_type", force_type=force_type)


@dataclass(frozen=True)
class LeaderInput:
    """Section 3: the nearest leader's assessment (Vejle form and Skema 1 3.1-3.2)."""

    necessity: str = ""
    reflection: str = ""
    action_plan_updated: str = ""
    discussed_in_staff_group: bool | None = None
    discussed_when: str = ""
    discussion_plans: str = ""
    action_plan_exists: bool | None = None
    other: str = ""
    leader_name: str = ""
    assessed_on: dt.date | None = None


@dataclass(frozen=True)
class AuthorityInput:
    """Section 4: the authority's processing (Vejle form and Skema 1 4.1-4.3)."""

    followup_remarks: str = ""
    residence_municipality_informed: bool | None = None
    acting_municipality_informed: bool | None = None
    processed_by_name: str = ""
    processed_by_position: str = ""
    processed_by_municipality: str = ""
    processed_on: dt.date | None = None


LEADER_TEXTS = ("necessity", "reflection", "action_plan_updated", "discussed_when", "discussion_plans", "other",
                "leader_name")
AUTHORITY_TEXTS = ("followup_remarks", "processed_by_name", "processed_by_position", "processed_by_municipality")


def _section_texts(data, fields: tuple[str, ...]):
    """``data`` with its text ``fields`` in NFC (kept as typed otherwise), and their length faults."""
    texts = {f: nfc(getattr(data, f)) for f in fields}
    return replace(data, **texts), length_errors(texts)


def validate_leader_section(data: LeaderInput, for_signing: bool) -> LeaderInput:
    """Drafts may be partial; a section to be signed must be complete. No text may be over its
    maximum length, draft or not. Returns the input with its texts in NFC."""
    data, errors = _section_texts(data, LEADER_TEXTS)
    if not for_signing:
        if errors:
            raise ValidationError(errors)
        return data
    errors += [DomainError("required", field=f) for f in ("necessity", "reflection", "leader_name", "assessed_on")
               if not getattr(data, f)]
    if data.discussed_in_staff_group is None:
        errors.append(DomainError("required", field="discussed_in_staff_group"))
    elif data.discussed_in_staff_group and not data.discussed_when.strip():
        errors.append(DomainError("required", field="discussed_when"))
    if data.action_plan_exists is None:
        errors.append(DomainError("required", field="action_plan_exists"))
    if errors:
        raise ValidationError(errors)
    return data


def validate_authority_section(data: AuthorityInput, for_signing: bool) -> AuthorityInput:
    """Like validate_leader_section, for section 4."""
    data, errors = _section_texts(data, AUTHORITY_TEXTS)
    if not for_signing:
        if errors:
            raise ValidationError(errors)
        return data
    errors += [DomainError("required", field=f)
               for f in ("processed_by_name", "processed_by_position", "processed_by_municipality", "processed_on")
               if not getattr(data, f)]
    for f in ("residence_municipality_informed", "acting_municipality_informed"):
        if getattr(data, f) is None:
            errors.append(DomainError("required", field=f))
    if errors:
        raise ValidationError(errors)
    return data


def month_closed_for_staff(signed_sections: frozenset[int]) -> bool:
    """Once the leader has signed, staff cannot add to or change the month."""
    return SECTION_LEADER in signed_sections
