"""What the supervision services return: frozen dataclasses with plain values.

Names of residents and relatives appear only in the DTOs meant for the consultant's screen
(sample members, relative contacts); findings and report data carry respondent codes only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...domain.errors import DomainError


# -- protocols and scales ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleOptionDTO:
    code: str
    label: str
    score: int | float | None  # 0-100, up to two decimals; None: left out of the averages
    satisfied: bool


@dataclass(frozen=True)
class ScaleDTO:
    id: str
    version: int
    title: str
    options: tuple[ScaleOptionDTO, ...]


@dataclass(frozen=True)
class ItemDTO:
    id: str
    text: str


@dataclass(frozen=True)
class QuestionDTO:
    id: str
    goal_id: str
    text: str
    scale: ScaleDTO | None
    free_text_prompt: str
    items: tuple[ItemDTO, ...]

    @property
    def slots(self) -> tuple[str, ...]:
        """Answer slots: one per sub-item, or the single slot ``""``."""
        return tuple(i.id for i in self.items) if self.items else ("",)


@dataclass(frozen=True)
class GoalDTO:
    id: str
    title: str
    description: str
    questions: tuple[QuestionDTO, ...]
    short_title: str = ""


@dataclass(frozen=True)
class ThemeDTO:
    id: str
    year: int
    title: str


@dataclass(frozen=True)
class ProtocolDTO:
    id: str
    version: int
    key: str
    kind: str
    kind_label: str
    title: str
    respondent_prefix: str
    consent_text: str
    source: str
    themes: tuple[ThemeDTO, ...]
    goals: tuple[GoalDTO, ...]
    default: bool = False  # the kind's default for a new programme
    installed: bool = False  # installed into this database (not shipped with the app)


# -- programmes, visits, planning ---------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeDTO:
    id: str
    year: int
    title: str
    protocols: tuple[str, ...]  # "id@version"
    protocol_titles: tuple[str, ...]
    theme_id: str
    theme_title: str
    sample_total: int
    sample_min: int
    sample_max: int
    relatives_per_home: int
    seed: str
    visit_count: int
    #: True once the programme has draws: plan and seed can no longer change.
    plan_fixed: bool = False
    #: What the plan reaches over the homes (None when not computed).
    plan_check: PlanCheck | None = None


@dataclass(frozen=True)
class PlanCheck:
    """A sampling plan against the care homes: ``reachable`` of ``total``; ``warning`` states an
    infeasible plan (text_for gives the Danish sentence); ``errors`` are numbers refused outright."""

    total: int
    reachable: int
    homes: int
    warning: DomainError | None = None
    errors: tuple[DomainError, ...] = ()

    @property
    def feasible(self) -> bool:
        return self.warning is None and not self.errors


@dataclass(frozen=True)
class ConsultantDTO:
    id: str
    full_name: str
    username: str


@dataclass(frozen=True)
class ConsultationReplyDTO:
    id: str
    text: str
    replied_at: dt.datetime
    replied_by: str


@dataclass(frozen=True)
class ConsultationDTO:
    """A consultation round; ``reply_text`` / ``replied_at`` / ``replied_by`` are the newest reply
    (the one the final report uses), ``replies`` the whole thread, oldest first."""

    id: str
    sent_at: dt.datetime
    sent_by: str
    deadline: dt.date
    reply_text: str
    replied_at: dt.datetime | None
    replied_by: str
    replies: tuple[ConsultationReplyDTO, ...] = ()
    reply_state: str = ""  # awaiting | answered | overdue | closed
    reply_state_label: str = ""  # "besvaret" ...


@dataclass(frozen=True)
class VisitSummary:
    id: str
    programme_id: str
    year: int
    care_home_id: str
    care_home_name: str
    planned_on: dt.date
    conducted_on: dt.date | None
    status: str
    status_label: str
    unannounced: bool
    result: str
    result_label: str
    consultants: tuple[ConsultantDTO, ...]
    follow_up_of_id: str | None


@dataclass(frozen=True)
class DrawBrief:
    id: str
    kind: str
    kind_label: str
    size: int
    members: int
    interviewed: int
    replaced: int


@dataclass(frozen=True)
class InterviewSummary:
    id: str
    respondent_code: str
    kind: str
    kind_label: str
    protocol_key: str
    protocol_title: str
    consent: bool | None
    finished: bool
    answered: int
    slots: int


@dataclass(frozen=True)
class VisitDTO(VisitSummary):
    sample_size: int | None = None
    relatives_size: int | None = None
    result_summary: str = ""
    draws: tuple[DrawBrief, ...] = ()
    interviews: tuple[InterviewSummary, ...] = ()
    next_statuses: tuple[str, ...] = ()
    consultation: ConsultationDTO | None = None
    #: What the asking user may do now (tilsyn.domain.supervision.consultation.allowed_actions):
    #: the views enable their buttons from this, never from the status.
    allowed_actions: tuple[str, ...] = ()
    #: Earlier consultation rounds (returned to draft and sent again), oldest first.
    earlier_consultations: tuple[ConsultationDTO, ...] = ()
    follow_up_visit_ids: tuple[str, ...] = ()
    #: Sizes proposed for a new draw (the home's share of the plan; the plan's relatives per home).
    proposed_sample_size: int | None = None
    proposed_relatives_size: int | None = None
    cancelled_at: dt.datetime | None = None
    cancel_reason: str = ""


@dataclass(frozen=True)
class PlanningRow:
    care_home_id: str
    care_home_name: str
    last_visit_on: dt.date | None
    last_result: str
    last_result_label: str
    due_on: dt.date
    reason: str
    reason_label: str
    status: str
    status_label: str
    planned_visit_id: str | None
    planned_on: dt.date | None


@dataclass(frozen=True)
class PlanningOverview:
    today: dt.date
    first_programme_year: int | None
    rows: tuple[PlanningRow, ...]
    overdue: tuple[PlanningRow, ...]  # due now (never visited) or past due, most urgent first


# -- sampling -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AllocationRow:
    care_home_id: str
    care_home_name: str
    visit_id: str | None
    visit_date: dt.date
    eligible: int
    allocated: int


@dataclass(frozen=True)
class ExclusionDTO:
    resident_id: str
    reason: str
    reason_label: str
    note: str


@dataclass(frozen=True)
class SampleMemberDTO:
    id: str
    rank: int
    resident_id: str | None
    name: str  # for the consultant's screen only; never in reports
    room: str
    unit: str
    status: str
    status_label: str
    reason: str
    reason_label: str
    reason_note: str
    respondent_code: str
    replaces_id: str | None
    interview_id: str | None


@dataclass(frozen=True)
class DrawDTO:
    id: str
    visit_id: str
    programme_id: str
    care_home_id: str
    care_home_name: str
    kind: str
    kind_label: str
    seed: str
    size: int
    visit_date: dt.date
    drawn_at: dt.datetime
    drawn_by: str
    frame_size: int
    frame_rules: tuple[tuple[str, str], ...]
    exclusions: tuple[ExclusionDTO, ...]
    members: tuple[SampleMemberDTO, ...]
    current: bool
    superseded_by_id: str | None
    superseded_at: dt.datetime | None
    redraw_reason: str
    #: The frame exactly as hashed (hyphenated lower-case ids, sorted), its date and the rule.
    frame: tuple[str, ...] = ()
    frame_date: dt.date | None = None
    rule_text: str = ""
    rule_formula: str = ""
    relative_window: tuple[dt.date, dt.date] | None = None

    @property
    def resident_ids(self) -> tuple[str, ...]:
        """The sample as it stands: drawn and interviewed members, by rank (refused left out)."""
        return tuple(m.resident_id for m in self.members
                     if m.status in ("drawn", "interviewed") and m.resident_id)


@dataclass(frozen=True)
class FrameCandidateDTO:
    """A resident in a visit's frame, for leaving them out before the draw (screen only)."""

    resident_id: str
    name: str
    room: str
    unit: str


@dataclass(frozen=True)
class ProgrammeSample:
    """What ``tilsyn sample`` did: the programme, every home's current draws, how many were made
    now, and the statement of an infeasible plan (None when the plan is reached)."""

    programme: ProgrammeDTO
    draws: tuple[DrawDTO, ...]
    new_draws: int
    warning: DomainError | None


@dataclass(frozen=True)
class RecomputeDraw:
    """One draw as the report's appendix prints it: enough to recompute it with hashlib alone."""

    kind: str
    kind_label: str
    seed: str
    size: int
    frame_date: dt.date
    rule_text: str
    formula: str
    hashed_text: str  # the text hashed for one resident, with the placeholder <beboer-id>
    frame: tuple[str, ...]
    excluded: tuple[tuple[str, str], ...]  # (resident id, reason label)
    members: tuple[tuple[int, str, str], ...]  # (rank, resident id or "", status label)
    superseded: bool
    redraw_reason: str


@dataclass(frozen=True)
class SampleAppendix:
    """The visit report's appendix "Sådan efterprøves stikprøven": programme id, id form, each draw
    (current and superseded) and the short script that recomputes them from the JSON."""

    programme_id: str
    id_form: str
    draws: tuple[RecomputeDraw, ...]
    script: str


@dataclass(frozen=True)
class VerifyResult:
    draw_id: str
    visit_id: str
    care_home_name: str
    kind: str
    seed: str
    match: bool
    frame_unchanged: bool
    mismatches: tuple[tuple[int, str | None, str | None], ...]  # (rank, stored id, expected id)


@dataclass(frozen=True)
class RelativeContactDTO:
    id: str
    name: str
    relation: str
    phone: str


# -- interviews ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerDTO:
    question_id: str
    item_id: str
    option_code: str
    option_label: str
    score: int | float | None
    free_text: str
    answered_at: dt.datetime
    in_report: bool = False  # the free text is marked for the report (by respondent code)


@dataclass(frozen=True)
class InterviewDTO:
    id: str
    visit_id: str
    member_id: str | None
    kind: str
    kind_label: str
    protocol_key: str
    protocol_title: str
    theme_id: str
    respondent_code: str
    consent_text: str
    consent: bool | None
    consent_at: dt.datetime | None
    started_at: dt.datetime
    finished_at: dt.datetime | None
    goals: tuple[GoalDTO, ...]
    answers: tuple[AnswerDTO, ...]

    def answer(self, question_id: str, item_id: str = "") -> AnswerDTO | None:
        return next((a for a in self.answers if a.question_id == question_id and a.item_id == item_id), None)


# -- findings -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemFinding:
    item_id: str
    text: str
    score: float | None
    answers: int
    no_score: int
    options: tuple[tuple[str, int], ...]  # (option label, count) in scale order


@dataclass(frozen=True)
class QuestionFinding:
    question_id: str
    text: str
    score: float | None
    share_satisfied: float | None
    answers: int
    scored: int
    no_score: int
    items: tuple[ItemFinding, ...]


@dataclass(frozen=True)
class GoalResult:
    goal_id: str
    title: str
    score: float | None
    share_satisfied: float | None
    answers: int
    questions: tuple[QuestionFinding, ...]


@dataclass(frozen=True)
class GroupFindings:
    kind: str
    kind_label: str
    protocol_key: str
    respondents: int
    score: float | None
    goals: tuple[GoalResult, ...]


@dataclass(frozen=True)
class GoalNoteDTO:
    goal_id: str
    title: str
    rating: str
    rating_label: str
    summary: str


@dataclass(frozen=True)
class StatementDTO:
    id: str
    text: str


@dataclass(frozen=True)
class ActionItemDTO:
    id: str
    action: str
    responsible: str
    due_on: dt.date | None
    status: str
    status_label: str
    done_on: dt.date | None
    written_by_side: str = ""  # leader | consultant | "" (written before authors were kept)
    written_by: str = ""
    comments: tuple[ActionCommentDTO, ...] = ()


@dataclass(frozen=True)
class CriterionRow:
    question_id: str
    text: str
    participants: int
    hits: int
    share: float | None
    met: bool


@dataclass(frozen=True)
class StaffEvaluationDTO:
    protocol_key: str
    option_label: str
    threshold: int
    success_text: str
    participants: int
    rows: tuple[CriterionRow, ...]
    share_all: float | None
    met: bool


@dataclass(frozen=True)
class DialogueAnswer:
    respondent_code: str
    question_id: str
    text: str
    answer: str


@dataclass(frozen=True)
class VisitFindings:
    visit_id: str
    groups: tuple[GroupFindings, ...]
    home_score: float | None
    home_share_satisfied: float | None
    goal_notes: tuple[GoalNoteDTO, ...]
    result: str
    result_label: str
    result_summary: str
    conclusions: tuple[StatementDTO, ...]
    development_areas: tuple[StatementDTO, ...]
    action_items: tuple[ActionItemDTO, ...]
    dialogue: tuple[DialogueAnswer, ...]
    staff_evaluation: StaffEvaluationDTO | None
    #: Every free-text answer of residents and relatives, with its report flag (consultant only).
    free_texts: tuple[FreeTextDTO, ...] = ()
    #: The scoring rule of each scale used, in Danish, from the scales' data.
    score_rules: tuple[str, ...] = ()
    share_rule: str = ""


# -- issue 13 (second part): consultation thread, action plan, free text, installed definitions ---


@dataclass(frozen=True)
class ActionCommentDTO:
    id: str
    text: str
    written_at: dt.datetime
    written_by: str


@dataclass(frozen=True)
class FreeTextDTO:
    """A resident's or relative's free-text answer; ``in_report`` says whether the consultant
    marked it for the report, where it appears by respondent code only."""

    interview_id: str
    respondent_code: str
    kind: str
    question_id: str
    item_id: str
    question_text: str
    text: str
    in_report: bool


@dataclass(frozen=True)
class ConsultationInboxRow(VisitSummary):
    """A visit in the leader's consultation inbox, with the state of the reply."""

    deadline: dt.date | None = None
    replies: int = 0
    last_reply_at: dt.datetime | None = None
    reply_state: str = ""
    reply_state_label: str = ""  # "besvaret", "afventer svar", "fristen er overskredet"


@dataclass(frozen=True)
class InstalledDefinitionDTO:
    kind: str  # protocol | scale
    kind_label: str
    id: str
    version: int
    title: str
    installed_at: dt.datetime | None
    installed_by: str
    sha256: str
    shipped: bool
