"""Use-of-force tables: forms (monthly and acute), episodes, staff per episode, drafts."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Index, String, Text, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import Base, Resident, Timestamped
from .types import UtcDateTime


class ForceForm(Timestamped, Base):
    """A monthly form (one per resident and month) or an acute / unpermitted record.

    Both carry the same leader section (3) and authority section (4)."""

    __tablename__ = "force_form"
    __table_args__ = (
        Index(
            "uq_force_form_monthly", "resident_id", "year", "month", unique=True,
            sqlite_where=text("kind = 'monthly'"), postgresql_where=text("kind = 'monthly'"),
        ),
        Index("ix_force_form_period", "year", "month"),
        Index("ix_force_form_home", "care_home_id", "year", "month"),
        # The open lists (inbox, queue, dashboard) look for unsent or unprocessed forms only; the
        # inbox's sent-unprocessed and reopened-unsent forms straight from the index (0013).
        Index("ix_force_form_unsent", "sent_at", "reopened_at"),
        Index("ix_force_form_unprocessed", "processed_at", "sent_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(10), default="monthly")
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"), index=True)
    care_home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_home.id"))
    year: Mapped[int] = mapped_column()
    month: Mapped[int] = mapped_column()
    template_version: Mapped[str] = mapped_column(String(40))
    catalogue_version: Mapped[str] = mapped_column(String(20))
    not_covered_reason: Mapped[str] = mapped_column(String(40), default="")

    # Section 3: nearest leader
    necessity: Mapped[str] = mapped_column(Text, default="")
    reflection: Mapped[str] = mapped_column(Text, default="")
    action_plan_updated: Mapped[str] = mapped_column(Text, default="")
    discussed_in_staff_group: Mapped[bool | None] = mapped_column()
    discussed_when: Mapped[str] = mapped_column(Text, default="")
    discussion_plans: Mapped[str] = mapped_column(Text, default="")
    action_plan_exists: Mapped[bool | None] = mapped_column()
    other: Mapped[str] = mapped_column(Text, default="")
    leader_name: Mapped[str] = mapped_column(String(200), default="")
    assessed_on: Mapped[dt.date | None] = mapped_column(Date)

    # Section 4: the authority
    followup_remarks: Mapped[str] = mapped_column(Text, default="")
    residence_municipality_informed: Mapped[bool | None] = mapped_column()
    acting_municipality_informed: Mapped[bool | None] = mapped_column()
    processed_by_name: Mapped[str] = mapped_column(String(200), default="")
    processed_by_position: Mapped[str] = mapped_column(String(200), default="")
    processed_by_municipality: Mapped[str] = mapped_column(String(200), default="")
    processed_on: Mapped[dt.date | None] = mapped_column(Date)

    # Flow
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    returned_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    return_comment: Mapped[str] = mapped_column(Text, default="")
    processed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())

    # Section 1 as it was when section 2 was signed (canonical JSON): part of section 2's signed
    # content, printed instead of the live resident once signed. NULL before the first signature
    # and on forms signed before migration 0008.
    section1_snapshot: Mapped[str | None] = mapped_column(Text)

    # The latest reopening of the form after it was sent or processed (migration 0009): when and
    # why. Kept after the form is sent again; each reopening also keeps a ``FormVersion``.
    reopened_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    reopen_reason: Mapped[str | None] = mapped_column(Text)

    resident: Mapped[Resident] = relationship()
    episodes: Mapped[list[Episode]] = relationship(back_populates="form", order_by="Episode.started_at")


class Episode(Timestamped, Base):
    """One use of force, with the union of the Vejle form's and Skema 1's fields."""

    __tablename__ = "episode"
    __table_args__ = (
        Index("ix_episode_resident_time", "resident_id", "started_at"),
        Index("ix_episode_late", "late", "registered_at"),
        # Episodes and late episodes by form (the month overview, the lists), not every late one
        # ever registered; replaces the single-column ix_episode_form_id (0012).
        Index("ix_episode_form_late", "form_id", "late"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    # Indexed by ix_episode_form_late (form_id, late), which also serves every lookup by form.
    form_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("force_form.id", ondelete="CASCADE"))
    catalogue_version: Mapped[str] = mapped_column(String(20))
    force_type: Mapped[str] = mapped_column(String(40))
    situation: Mapped[str] = mapped_column(String(40), default="")
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    location: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    avoidance: Mapped[str] = mapped_column(Text, default="")
    least_intrusive: Mapped[str] = mapped_column(Text, default="")
    narrative: Mapped[str] = mapped_column(Text, default="")
    registered_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    registered_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    late: Mapped[bool] = mapped_column(default=False)
    late_reason: Mapped[str] = mapped_column(Text, default="")

    form: Mapped[ForceForm] = relationship(back_populates="episodes")
    staff: Mapped[list[EpisodeStaff]] = relationship(
        cascade="all, delete-orphan", order_by="EpisodeStaff.position_no"
    )


class EpisodeStaff(Base):
    __tablename__ = "episode_staff"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    episode_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("episode.id", ondelete="CASCADE"), index=True)
    position_no: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    workplace: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    is_writer: Mapped[bool] = mapped_column(default=False)


class Draft(Base):
    """Autosaved input of a form being typed (one per user and kind), so a crash loses at most
    the field being typed."""

    __tablename__ = "draft"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_key: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())

    __table_args__ = (Index("uq_draft_user_kind", "user_key", "kind", unique=True),)


class FormVersion(Timestamped, Base):
    """The form as the municipality had it (sent or processed) when it was reopened: its report
    data frozen as JSON (``report``, the FormReportData of its own template), printable as it was
    after the live form has changed. One row per reopening (migration 0009)."""

    __tablename__ = "force_form_version"
    __table_args__ = (Index("ix_force_form_version_form", "form_id", "reopened_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    form_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("force_form.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(20))  # sent | processed
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    processed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    reopened_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    reopened_by: Mapped[str] = mapped_column(String(300), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    voided_sections: Mapped[str] = mapped_column(String(40), default="")  # "2,3,4"
    report: Mapped[str] = mapped_column(Text)


class ReopenRequest(Timestamped, Base):
    """A staff member's late-found episode on a month the leader has signed: the episode as typed
    (``episode``, JSON of the EpisodeInput) and the reason, waiting for the leader to reopen the
    form (accepted: the episode is added) or to refuse it with a reason. Never deleted."""

    __tablename__ = "force_reopen_request"
    __table_args__ = (
        Index("ix_force_reopen_request_form", "form_id", "state"),
        # Pending and recently refused requests (the dashboard), not every decided one (0012).
        Index("ix_force_reopen_request_state", "state", "decided_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    form_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("force_form.id", ondelete="CASCADE"))
    care_home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_home.id"))
    state: Mapped[str] = mapped_column(String(20), default="pending")  # pending | accepted | refused
    requested_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    requested_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    requested_by_name: Mapped[str] = mapped_column(String(300), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    episode: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    decided_by_name: Mapped[str] = mapped_column(String(300), default="")
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    episode_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("episode.id", ondelete="SET NULL"))
