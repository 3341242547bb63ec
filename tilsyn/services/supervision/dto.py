"""What the supervision services return: frozen dataclasses with plain values.

Names of residents and relatives appear only in the DTOs meant for the consultant's screen
(sample members, relative contacts); findings and report data carry respondent codes only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


# -- protocols and scales ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleOptionDTO:
    code: str
    label: str
    score: int | None
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


@dataclass(frozen=True)
class ConsultantDTO:
    id: str
    full_name: str
    username: str


@dataclass(frozen=True)
class ConsultationDTO:
    id: str
    sent_at: dt.datetime
    sent_by: str
    deadline: dt.date
    reply_text: str
    replied_at: dt.datetime | None
    replied_by: str


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
    follow_up_visit_ids: tuple[str, ...] = ()


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

    @property
    def resident_ids(self) -> tuple[str, ...]:
        """The sample as it stands: drawn and interviewed members, by rank (refused left out)."""
        return tuple(m.resident_id for m in self.members
                     if m.status in ("drawn", "interviewed") and m.resident_id)


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
    score: int | None
    free_text: str
    answered_at: dt.datetime


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
