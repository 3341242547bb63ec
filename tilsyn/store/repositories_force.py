"""Queries for episodes, forms and drafts. Overviews are computed in SQL, not in Python loops."""

from __future__ import annotations

import datetime as dt
import uuid
from functools import lru_cache
from typing import NamedTuple, Sequence

from sqlalchemy import and_, case, distinct, func, literal_column, or_, select
from sqlalchemy.orm import Session, selectinload

from ..domain.collation import danish_key
from .models import Permit, PermitForceType, Resident
from .models_force import Draft, Episode, ForceForm, FormVersion, ReopenRequest
from .repositories import _chunks, _Repository, as_uuid, danish, dialect_of, id_text


#: The signatures' entity_type of a form (tilsyn.services.force.ENTITY).
FORM_ENTITY = "force_form"


def sections_of(mask: int) -> frozenset[int]:
    """The sections of a signed-sections bit mask (``summary_rows``): bit n is section n."""
    mask = int(mask or 0)
    return frozenset(n for n in range(mask.bit_length()) if mask >> n & 1)


class FormRepository(_Repository):
    model = ForceForm

    def get_full(self, form_id) -> ForceForm | None:
        return self.session.scalars(
            select(ForceForm)
            .where(ForceForm.id == as_uuid(form_id))
            .options(
                selectinload(ForceForm.episodes).selectinload(Episode.staff),
                selectinload(ForceForm.resident).selectinload(Resident.permits).selectinload(Permit.force_types),
                selectinload(ForceForm.resident).selectinload(Resident.care_home),
            )
        ).first()

    def monthly(self, resident_id, year: int, month: int) -> ForceForm | None:
        return self.session.scalars(
            select(ForceForm).where(
                ForceForm.resident_id == as_uuid(resident_id), ForceForm.kind == "monthly",
                ForceForm.year == year, ForceForm.month == month,
            )
        ).first()

    def for_home_month(self, home_id, year: int, month: int) -> Sequence[ForceForm]:
        return self.session.scalars(
            select(ForceForm).where(
                ForceForm.care_home_id == as_uuid(home_id), ForceForm.year == year, ForceForm.month == month
            )
        ).all()

    def query(self, *, home_ids: frozenset[str] | None = None, sent: bool | None = None,
              processed: bool | None = None, before: tuple[int, int] | None = None,
              kinds: tuple[str, ...] = ("monthly", "acute")) -> Sequence[ForceForm]:
        q = select(ForceForm).where(ForceForm.kind.in_(kinds))
        if home_ids is not None:
            q = q.where(ForceForm.care_home_id.in_([as_uuid(h) for h in home_ids]))
        if sent is not None:
            q = q.where(ForceForm.sent_at.is_not(None) if sent else ForceForm.sent_at.is_(None))
        if processed is not None:
            q = q.where(ForceForm.processed_at.is_not(None) if processed else ForceForm.processed_at.is_(None))
        if before is not None:
            y, m = before
            q = q.where((ForceForm.year < y) | and_(ForceForm.year == y, ForceForm.month < m))
        return self.session.scalars(
            q.options(selectinload(ForceForm.resident).selectinload(Resident.care_home))
            .order_by(ForceForm.year, ForceForm.month)
        ).all()

    def summary_rows(self, *, home_ids: frozenset[str] | None = None, sent: bool | None = None,
                     processed: bool | None = None, or_reopened: bool = False,
                     drafts_from: tuple[int, int] | None = None) -> list[tuple]:
        """Flat rows for lists (inbox, queue, dashboard) in one query, without loading ORM objects:
        (id, kind, resident id, name, cpr, home name, year, month, sent_at, returned_at, episodes,
        reopened_at, reopen_reason, return_comment, pending reopen requests, signed sections), the
        two ids as text (``str(uuid)``), the valid (not voided) signed sections as a bit mask
        (``sections_of``), by period and then the resident's name in Danish order.
        ``or_reopened``: also the forms reopened and not sent again (the caseworker's inbox shows
        them with the reason). ``drafts_from`` (year, month): leave out the monthly forms of that
        month and later that were never sent back nor reopened (the caseworker's dashboard lists
        none of them)."""
        q = _summary_select(self.session.get_bind().dialect.name)
        if home_ids is not None:
            q = q.where(ForceForm.care_home_id.in_([as_uuid(h) for h in home_ids]))
        wanted = []
        if sent is not None:
            wanted.append(ForceForm.sent_at.is_not(None) if sent else ForceForm.sent_at.is_(None))
        if processed is not None:
            wanted.append(ForceForm.processed_at.is_not(None) if processed else ForceForm.processed_at.is_(None))
        if wanted and or_reopened:
            q = q.where(or_(and_(*wanted), and_(ForceForm.reopened_at.is_not(None), ForceForm.sent_at.is_(None))))
        elif wanted:
            q = q.where(*wanted)
        if drafts_from is not None:
            y, m = drafts_from
            q = q.where(or_(ForceForm.kind != "monthly", ForceForm.year < y,
                            and_(ForceForm.year == y, ForceForm.month < m),
                            ForceForm.returned_at.is_not(None), ForceForm.reopened_at.is_not(None)))
        return in_danish_order(self.session, q, (ForceForm.year, ForceForm.month), Resident.name,
                               lambda r: (r[6], r[7], danish_key(r[3])))

    def episode_and_late_counts(self, form_ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[int, int]]:
        """form id -> (episodes, late episodes), in one pass over the forms' own episodes.

        The only condition is the form: the planner walks ix_episode_form_late (form_id, late) for
        these forms and never the late episodes of every month (issue 14)."""
        late = func.sum(case((Episode.late.is_(True), 1), else_=0))
        out: dict[uuid.UUID, tuple[int, int]] = {}
        for chunk in _chunks(form_ids, 500):
            for fid, n, k in self.session.execute(
                select(Episode.form_id, func.count(), late).where(Episode.form_id.in_(chunk)).group_by(Episode.form_id)
            ):
                out[fid] = (n, int(k or 0))
        return out

    def episode_counts(self, form_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        out: dict[uuid.UUID, int] = {}
        for chunk in _chunks(form_ids, 500):
            for fid, n in self.session.execute(
                select(Episode.form_id, func.count()).where(Episode.form_id.in_(chunk)).group_by(Episode.form_id)
            ):
                out[fid] = n
        return out


class EpisodeRepository(_Repository):
    model = Episode

    def get_full(self, episode_id) -> Episode | None:
        return self.session.scalars(
            select(Episode).where(Episode.id == as_uuid(episode_id)).options(
                selectinload(Episode.staff), selectinload(Episode.form)
            )
        ).first()

    def resident_ids_with_episodes(self, home_ids, start: dt.date, end: dt.date) -> set[uuid.UUID]:
        """Residents of ``home_ids`` with a registered episode between ``start`` and ``end``
        (inclusive, dates in UTC terms widened by a day either side is not needed: callers pass
        whole periods). Used for the relatives' sample: only the fact, never the episodes."""
        lo = dt.datetime.combine(start, dt.time.min, tzinfo=dt.timezone.utc) - dt.timedelta(hours=2)
        hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=dt.timezone.utc)
        q = select(Episode.resident_id).join(Resident, Resident.id == Episode.resident_id).where(
            Episode.started_at >= lo, Episode.started_at < hi
        )
        if home_ids is not None:
            q = q.where(Resident.care_home_id.in_([as_uuid(h) for h in home_ids]))
        return set(self.session.scalars(q.distinct()))

    def late(self, since: dt.datetime, home_ids: frozenset[str] | None) -> Sequence[Episode]:
        q = select(Episode).where(Episode.late.is_(True), Episode.registered_at >= since)
        if home_ids is not None:
            q = q.join(ForceForm, ForceForm.id == Episode.form_id).where(
                ForceForm.care_home_id.in_([as_uuid(h) for h in home_ids])
            )
        return self.session.scalars(
            q.options(selectinload(Episode.form).selectinload(ForceForm.resident)).order_by(Episode.registered_at.desc())
        ).all()

    def late_rows(self, since: dt.datetime, home_ids: frozenset[str] | None) -> list[tuple]:
        """Flat rows of the late episodes registered since ``since``, newest first, without ORM
        objects (the dashboard lists them): (id, form id, resident name, care home name, started_at,
        registered_at, late_reason), the episode's and the form's id as text."""
        from .models import CareHome

        dialect = dialect_of(self.session)
        q = (
            select(id_text(dialect, Episode.id), id_text(dialect, Episode.form_id), Resident.name,
                   CareHome.name, Episode.started_at, Episode.registered_at, Episode.late_reason)
            .join(ForceForm, ForceForm.id == Episode.form_id)
            .join(Resident, Resident.id == ForceForm.resident_id)
            .join(CareHome, CareHome.id == ForceForm.care_home_id)
            .where(Episode.late.is_(True), Episode.registered_at >= since)
        )
        if home_ids is not None:
            q = q.where(ForceForm.care_home_id.in_([as_uuid(h) for h in home_ids]))
        return list(self.session.execute(q.order_by(Episode.registered_at.desc())).all())

    def for_resident(self, resident_id) -> Sequence[Episode]:
        return self.session.scalars(
            select(Episode).where(Episode.resident_id == as_uuid(resident_id))
            .options(selectinload(Episode.staff), selectinload(Episode.form))
            .order_by(Episode.started_at)
        ).all()

    def type_counts_by_month(self, resident_id) -> list[tuple[str, str, int]]:
        """(catalogue version, type code, started_at) rows for the per-resident overview."""
        return list(
            self.session.execute(
                select(Episode.catalogue_version, Episode.force_type, Episode.started_at).where(
                    Episode.resident_id == as_uuid(resident_id)
                ).order_by(Episode.started_at)
            ).all()
        )

    def recent_colleagues(self, registered_by, limit: int = 12) -> list[tuple[str, str, str]]:
        """Names (with workplace and position) this user recently registered with: colleagues on shift."""
        from .models_force import EpisodeStaff

        rows = self.session.execute(
            select(EpisodeStaff.name, EpisodeStaff.workplace, EpisodeStaff.position, func.max(Episode.registered_at))
            .join(Episode, Episode.id == EpisodeStaff.episode_id)
            .where(Episode.registered_by == as_uuid(registered_by))
            .group_by(EpisodeStaff.name, EpisodeStaff.workplace, EpisodeStaff.position)
            .order_by(func.max(Episode.registered_at).desc())
            .limit(limit)
        ).all()
        return [(n, w, p) for n, w, p, _ in rows]


class DraftRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_key: str, kind: str) -> Draft | None:
        return self.session.scalars(select(Draft).where(Draft.user_key == user_key, Draft.kind == kind)).first()

    def put(self, user_key: str, kind: str, payload: str, now: dt.datetime) -> None:
        d = self.get(user_key, kind)
        if d is None:
            self.session.add(Draft(user_key=user_key, kind=kind, payload=payload, updated_at=now))
        else:
            d.payload, d.updated_at = payload, now

    def delete(self, user_key: str, kind: str) -> None:
        d = self.get(user_key, kind)
        if d is not None:
            self.session.delete(d)


class ReopenRequestRepository:
    """Staff requests to reopen a closed month (issue 12, point 2)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, req: ReopenRequest) -> None:
        self.session.add(req)

    def get(self, request_id) -> ReopenRequest | None:
        try:
            return self.session.get(ReopenRequest, as_uuid(request_id))
        except (TypeError, ValueError):
            return None

    def for_form(self, form_id) -> Sequence[ReopenRequest]:
        return self.session.scalars(
            select(ReopenRequest).where(ReopenRequest.form_id == as_uuid(form_id))
            .order_by(ReopenRequest.requested_at, ReopenRequest.id)
        ).all()

    def open_or_recent(self, home_ids: frozenset[str] | None, refused_since: dt.datetime) -> list[tuple]:
        """Pending requests, and those refused since ``refused_since``, of the homes in scope, oldest
        first: (RequestRow, resident name, home name, year, month, kind), the request's columns
        read as such (no ORM objects: the caseworker's dashboard lists every home's)."""
        from .models import CareHome

        q = (
            select(*(getattr(ReopenRequest, c) for c in RequestRow._fields), Resident.name, CareHome.name,
                   ForceForm.year, ForceForm.month, ForceForm.kind)
            .join(ForceForm, ForceForm.id == ReopenRequest.form_id)
            .join(Resident, Resident.id == ForceForm.resident_id)
            .join(CareHome, CareHome.id == ReopenRequest.care_home_id)
            .where(or_(ReopenRequest.state == "pending",
                       and_(ReopenRequest.state == "refused", ReopenRequest.decided_at >= refused_since)))
        )
        if home_ids is not None:
            q = q.where(ReopenRequest.care_home_id.in_([as_uuid(h) for h in home_ids]))
        n = len(RequestRow._fields)
        return [(RequestRow(*row[:n]), *row[n:])
                for row in self.session.execute(q.order_by(ReopenRequest.requested_at, ReopenRequest.id))]


class RequestRow(NamedTuple):
    """The columns of a reopen request a list shows (ReopenRequestDTO is built from them)."""

    id: uuid.UUID
    form_id: uuid.UUID
    state: str
    requested_at: dt.datetime
    requested_by_name: str
    reason: str
    episode: str
    decided_at: dt.datetime | None
    decided_by_name: str
    decision_reason: str
    episode_id: uuid.UUID | None


@lru_cache(maxsize=None)
def _summary_select(dialect: str):
    """The select of ``summary_rows`` before its conditions, built once per dialect (a construct,
    not data: building it cost more than running it for a short list)."""
    from .models import CareHome, Signature

    # Correlated subqueries use the episode, request and signature indexes per form; a grouped
    # subquery would scan them all, and a second query would send every form's id back.
    episodes = (
        select(func.count()).select_from(Episode).where(Episode.form_id == ForceForm.id)
        .correlate(ForceForm).scalar_subquery()
    )
    pending = (
        select(func.count()).select_from(ReopenRequest)
        .where(ReopenRequest.form_id == ForceForm.id, ReopenRequest.state == "pending")
        .correlate(ForceForm).scalar_subquery()
    )
    signed = (
        select(func.coalesce(func.sum(distinct(literal_column("1").op("<<")(Signature.section))), 0))
        .where(Signature.entity_type == FORM_ENTITY, Signature.entity_id == id_text(dialect, ForceForm.id),
               Signature.voided_at.is_(None))
        .correlate(ForceForm).scalar_subquery()
    )
    return (
        select(id_text(dialect, ForceForm.id), ForceForm.kind, id_text(dialect, ForceForm.resident_id),
               Resident.name, Resident.cpr, CareHome.name, ForceForm.year, ForceForm.month, ForceForm.sent_at,
               ForceForm.returned_at, episodes, ForceForm.reopened_at, ForceForm.reopen_reason,
               ForceForm.return_comment, pending, signed)
        .join(Resident, Resident.id == ForceForm.resident_id)
        .join(CareHome, CareHome.id == ForceForm.care_home_id)
    )


def in_danish_order(session: Session, q, leading: tuple, name, key) -> list[tuple]:
    """The rows of ``q`` ordered by the ``leading`` columns and then ``name`` in Danish order, for
    a list read whole (no paging). PostgreSQL sorts with its Danish collation; on SQLite the ``da``
    collation is a call into Python for each of the sort's n log n comparisons, so the rows are
    sorted here instead, by ``key`` (the same columns, with the name through the collation's own
    key, tilsyn.domain.collation.danish_key): the same order, one key per row."""
    if session.get_bind().dialect.name == "sqlite":
        rows = list(session.execute(q).all())
        rows.sort(key=key)
        return rows
    return list(session.execute(q.order_by(*leading, danish(session, name))).all())


def form_versions(session: Session, form_id) -> Sequence[FormVersion]:
    """The versions the municipality had of a form, oldest first."""
    return session.scalars(
        select(FormVersion).where(FormVersion.form_id == as_uuid(form_id))
        .order_by(FormVersion.reopened_at, FormVersion.id)
    ).all()


def residents_with_permits_in(session: Session, home_id, start: dt.date, end: dt.date) -> list[tuple]:
    """(resident id, name, cpr, room) of residents in a home with a permit active some day in [start, end]."""
    return list(
        session.execute(
            select(Resident.id, Resident.name, Resident.cpr, Resident.room)
            .where(Resident.care_home_id == as_uuid(home_id))
            # EXISTS, not a join with DISTINCT: PostgreSQL refuses DISTINCT with ORDER BY name COLLATE.
            .where(select(Permit.id).where(Permit.resident_id == Resident.id, Permit.valid_from <= end,
                                           Permit.valid_to >= start).exists())
            .order_by(danish(session, Resident.name), Resident.cpr)
        ).all()
    )


__all__ = ["DraftRepository", "EpisodeRepository", "FormRepository", "PermitForceType", "ReopenRequestRepository",
           "RequestRow", "form_versions", "residents_with_permits_in", "sections_of"]
