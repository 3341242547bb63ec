"""Supervision tables: programmes, visits, samples, interviews, answers, findings, consultation.

Respondents are stored by code (B1, P1, M1); the link from a sample member to a resident is
kept for the consultant's work and for verifying the draw, and set to NULL if retention deletes
the resident. Every answer keeps the score of its option at the time it was given.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, Float, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import Base, Timestamped
from .types import UtcDateTime


class SupervisionProgramme(Timestamped, Base):
    """A year's programme: protocol set and versions, the principle theme, the sampling plan."""

    __tablename__ = "supervision_programme"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    year: Mapped[int] = mapped_column(unique=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    protocols: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of "id@version"
    theme_id: Mapped[str] = mapped_column(String(60), default="")
    sample_total: Mapped[int] = mapped_column(default=120)
    sample_min: Mapped[int] = mapped_column(default=3)
    sample_max: Mapped[int] = mapped_column(default=6)
    relatives_per_home: Mapped[int] = mapped_column(default=2)
    seed: Mapped[str] = mapped_column(String(40), default="")

    visits: Mapped[list[Visit]] = relationship(back_populates="programme")


class Visit(Timestamped, Base):
    __tablename__ = "supervision_visit"
    __table_args__ = (
        Index("ix_supervision_visit_home_status", "care_home_id", "status"),
        Index("ix_supervision_visit_programme", "programme_id"),
        # Each home's latest held visit and the planned ones (the planning list), not every
        # visit held since the first programme (0012).
        Index("ix_supervision_visit_home_conducted", "care_home_id", "conducted_on"),
        Index("ix_supervision_visit_status_planned", "status", "planned_on"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supervision_programme.id"))
    care_home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_home.id", ondelete="CASCADE"))
    planned_on: Mapped[dt.date] = mapped_column(Date)
    conducted_on: Mapped[dt.date | None] = mapped_column(Date)
    unannounced: Mapped[bool] = mapped_column(default=True)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    result: Mapped[str] = mapped_column(String(40), default="")
    result_summary: Mapped[str] = mapped_column(Text, default="")
    follow_up_of_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("supervision_visit.id", ondelete="SET NULL"))
    sample_size: Mapped[int | None] = mapped_column()
    relatives_size: Mapped[int | None] = mapped_column()
    finalised_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    # A cancelled visit (status "cancelled"): when and why; NULL on every other visit.
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    cancel_reason: Mapped[str | None] = mapped_column(Text)

    programme: Mapped[SupervisionProgramme] = relationship(back_populates="visits")
    consultants: Mapped[list[VisitConsultant]] = relationship(cascade="all, delete-orphan")
    draws: Mapped[list[SampleDraw]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="SampleDraw.drawn_at")
    interviews: Mapped[list[Interview]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="Interview.started_at")
    findings: Mapped[list[GoalFinding]] = relationship(cascade="all, delete-orphan", order_by="GoalFinding.goal_id")
    statements: Mapped[list[VisitStatement]] = relationship(
        cascade="all, delete-orphan", order_by="VisitStatement.position")
    action_items: Mapped[list[ActionItem]] = relationship(
        cascade="all, delete-orphan", order_by="ActionItem.position")
    consultations: Mapped[list[Consultation]] = relationship(
        cascade="all, delete-orphan", order_by="Consultation.sent_at")


class VisitConsultant(Base):
    __tablename__ = "visit_consultant"

    visit_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("supervision_visit.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)


class SampleDraw(Base):
    """One draw of a visit's sample: seed, frame rules and frame snapshot, so anyone can redo it.

    A redraw keeps this row, points ``superseded_by_id`` at the new draw and records why."""

    __tablename__ = "sample_draw"
    __table_args__ = (Index("ix_sample_draw_visit_kind", "visit_id", "kind"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supervision_visit.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    seed: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column()
    frame_rules: Mapped[str] = mapped_column(Text)  # JSON
    frame_snapshot: Mapped[str] = mapped_column(Text)  # JSON list of eligible resident ids
    exclusions: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of [id, reason, note]
    drawn_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    drawn_by: Mapped[str] = mapped_column(String(260), default="")
    superseded_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sample_draw.id", ondelete="SET NULL"))
    superseded_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    redraw_reason: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[Visit] = relationship(back_populates="draws")
    members: Mapped[list[SampleMember]] = relationship(
        back_populates="draw", cascade="all, delete-orphan", order_by="SampleMember.rank",
        foreign_keys="SampleMember.draw_id")


class SampleMember(Timestamped, Base):
    __tablename__ = "sample_member"
    __table_args__ = (UniqueConstraint("draw_id", "rank", name="uq_sample_member_draw_rank"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    draw_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sample_draw.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column()
    resident_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("resident.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="drawn")
    reason_code: Mapped[str] = mapped_column(String(30), default="")
    reason_note: Mapped[str] = mapped_column(Text, default="")
    respondent_code: Mapped[str] = mapped_column(String(8), default="")
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sample_member.id", ondelete="SET NULL"))
    relative_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("relative.id", ondelete="SET NULL"))

    draw: Mapped[SampleDraw] = relationship(back_populates="members", foreign_keys=[draw_id])


class Interview(Timestamped, Base):
    """One respondent's interview, on the protocol version it started with."""

    __tablename__ = "interview"
    __table_args__ = (UniqueConstraint("visit_id", "respondent_code", name="uq_interview_visit_code"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supervision_visit.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sample_member.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))
    protocol_id: Mapped[str] = mapped_column(String(60))
    protocol_version: Mapped[int] = mapped_column()
    theme_id: Mapped[str] = mapped_column(String(60), default="")
    respondent_code: Mapped[str] = mapped_column(String(8))
    consent: Mapped[bool | None] = mapped_column()
    consent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    consent_note: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())

    visit: Mapped[Visit] = relationship(back_populates="interviews")
    answers: Mapped[list[InterviewAnswer]] = relationship(
        cascade="all, delete-orphan", order_by="InterviewAnswer.answered_at")


class InterviewAnswer(Base):
    __tablename__ = "interview_answer"
    __table_args__ = (
        UniqueConstraint("interview_id", "question_id", "item_id", name="uq_interview_answer_slot"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    interview_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(60))
    item_id: Mapped[str] = mapped_column(String(60), default="")
    option_code: Mapped[str] = mapped_column(String(40), default="")
    # Snapshot of the option's score when answered: 0-100 with up to two decimals (66.67).
    score: Mapped[float | None] = mapped_column(Float)
    satisfied: Mapped[bool | None] = mapped_column()
    free_text: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    # The consultant marked the free text for the report (shown there by respondent code only);
    # NULL or False: the free text stays out of the report.
    in_report: Mapped[bool | None] = mapped_column()


class GoalFinding(Timestamped, Base):
    """The consultant's qualitative summary and rating of one quality goal on a visit."""

    __tablename__ = "goal_finding"
    __table_args__ = (UniqueConstraint("visit_id", "goal_id", name="uq_goal_finding_visit_goal"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supervision_visit.id", ondelete="CASCADE"))
    goal_id: Mapped[str] = mapped_column(String(60))
    rating: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(Text, default="")


class VisitStatement(Timestamped, Base):
    """A joint conclusion or a development area, in the order written."""

    __tablename__ = "visit_statement"
    __table_args__ = (Index("ix_visit_statement_visit", "visit_id", "kind", "position"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supervision_visit.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # conclusion | development_area
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)


class ActionItem(Timestamped, Base):
    """One line of the staff's own action plan."""

    __tablename__ = "action_item"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supervision_visit.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    action: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="open")
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    # Who wrote the item: the care home's leader ("leader") or the consultant ("consultant");
    # NULL on items written before the leader could write them (the consultant typed those).
    written_by_side: Mapped[str | None] = mapped_column(String(20))
    written_by: Mapped[str | None] = mapped_column(String(260))

    comments: Mapped[list[ActionItemComment]] = relationship(
        cascade="all, delete-orphan", order_by="ActionItemComment.written_at")


class ActionItemComment(Timestamped, Base):
    """The consultant's comment on one item of the staff's action plan."""

    __tablename__ = "action_item_comment"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    action_item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("action_item.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    written_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    written_by: Mapped[str] = mapped_column(String(260), default="")
    written_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class Consultation(Timestamped, Base):
    """The draft report sent to the care home's leader (høring); the replies form a thread."""

    __tablename__ = "consultation"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supervision_visit.id", ondelete="CASCADE"), index=True)
    sent_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    sent_by: Mapped[str] = mapped_column(String(260), default="")
    deadline: Mapped[dt.date] = mapped_column(Date)

    replies: Mapped[list[ConsultationReply]] = relationship(
        cascade="all, delete-orphan", order_by="ConsultationReply.position")


class ConsultationReply(Timestamped, Base):
    """One reply of the leader to a consultation; every reply is kept, the newest counts."""

    __tablename__ = "consultation_reply"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    consultation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)  # 0, 1, 2 ... in the order written
    text: Mapped[str] = mapped_column(Text)
    replied_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    replied_by: Mapped[str] = mapped_column(String(260), default="")
    replied_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class InstalledDefinition(Timestamped, Base):
    """A protocol or scale a municipality installed (``tilsyn protocols add``): the TOML text as
    given, so the app's own files are never edited. One row per id and version, never changed."""

    __tablename__ = "installed_definition"
    __table_args__ = (UniqueConstraint("kind", "item_id", "version", name="uq_installed_definition"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(10))  # protocol | scale
    item_id: Mapped[str] = mapped_column(String(60))
    version: Mapped[int] = mapped_column()
    title: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    installed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    installed_by: Mapped[str] = mapped_column(String(260), default="")
