"""Queries for supervision: programmes, visits, draws, interviews."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import aliased, selectinload

from .models import CareHome, Relative, Resident, User
from .models_supervision import (
    ActionItem,
    Consultation,
    InstalledDefinition,
    Interview,
    SampleDraw,
    SampleMember,
    SupervisionProgramme,
    Visit,
)
from .repositories import _chunks, _Repository, as_uuid


class ProgrammeRepository(_Repository):
    model = SupervisionProgramme

    def by_year(self, year: int) -> SupervisionProgramme | None:
        return self.session.scalars(select(SupervisionProgramme).where(SupervisionProgramme.year == year)).first()

    def list_all(self) -> Sequence[SupervisionProgramme]:
        return self.session.scalars(select(SupervisionProgramme).order_by(SupervisionProgramme.year)).all()

    def first_year(self) -> int | None:
        return self.session.scalar(select(func.min(SupervisionProgramme.year)))


class VisitRepository(_Repository):
    model = Visit

    def get_full(self, visit_id) -> Visit | None:
        return self.session.scalars(
            select(Visit).where(Visit.id == as_uuid(visit_id)).options(
                selectinload(Visit.programme),
                selectinload(Visit.consultants),
                selectinload(Visit.draws).selectinload(SampleDraw.members),
                selectinload(Visit.interviews).selectinload(Interview.answers),
                selectinload(Visit.findings),
                selectinload(Visit.statements),
                selectinload(Visit.action_items).selectinload(ActionItem.comments),
                selectinload(Visit.consultations).selectinload(Consultation.replies),
            )
        ).first()

    def query(self, *, programme_id=None, care_home_id=None, status: str | None = None,
              home_ids: frozenset[str] | None = None) -> Sequence[Visit]:
        q = select(Visit)
        if programme_id is not None:
            q = q.where(Visit.programme_id == as_uuid(programme_id))
        if care_home_id is not None:
            q = q.where(Visit.care_home_id == as_uuid(care_home_id))
        if status is not None:
            q = q.where(Visit.status == status)
        if home_ids is not None:
            q = q.where(Visit.care_home_id.in_([as_uuid(h) for h in home_ids]))
        return self.session.scalars(
            q.options(selectinload(Visit.programme), selectinload(Visit.consultants))
            .order_by(Visit.planned_on, Visit.care_home_id)
        ).all()

    def for_programme_home(self, programme_id, care_home_id) -> Sequence[Visit]:
        return self.session.scalars(
            select(Visit).where(Visit.programme_id == as_uuid(programme_id),
                                Visit.care_home_id == as_uuid(care_home_id)).order_by(Visit.planned_on)
        ).all()

    def held(self, statuses: Sequence[str]) -> Sequence[Visit]:
        """Every visit that has taken place (for planning), oldest first."""
        return self.session.scalars(
            select(Visit).where(Visit.status.in_(list(statuses)), Visit.conducted_on.is_not(None))
            .order_by(Visit.conducted_on, Visit.id)
        ).all()

    def last_held_per_home(self, statuses: Sequence[str]) -> Sequence[Visit]:
        """Each care home's latest visit that has taken place (for planning), oldest first.

        One index probe per home (ix_supervision_visit_home_conducted, newest first), so the
        planning list costs the same after ten years of visits as after one (issue 14)."""
        w = aliased(Visit)
        latest = (
            select(w.id).where(w.care_home_id == CareHome.id, w.status.in_(list(statuses)),
                               w.conducted_on.is_not(None))
            .order_by(w.conducted_on.desc(), w.id.desc()).limit(1)
            .correlate(CareHome).scalar_subquery()
        )
        return self.session.scalars(
            select(Visit).join(CareHome, Visit.id == latest).order_by(Visit.conducted_on, Visit.id)
        ).all()

    def planned(self) -> Sequence[Visit]:
        return self.session.scalars(
            select(Visit).where(Visit.status == "planned").order_by(Visit.planned_on, Visit.id)
        ).all()

    def of_year(self, year: int) -> Sequence[Visit]:
        """Visits conducted in ``year`` (or planned in it, when not yet conducted)."""
        lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return self.session.scalars(
            select(Visit).where(
                ((Visit.conducted_on >= lo) & (Visit.conducted_on <= hi))
                | (Visit.conducted_on.is_(None) & (Visit.planned_on >= lo) & (Visit.planned_on <= hi))
            ).options(selectinload(Visit.interviews).selectinload(Interview.answers), selectinload(Visit.findings))
            .order_by(Visit.conducted_on, Visit.planned_on)
        ).all()


class DrawRepository(_Repository):
    model = SampleDraw

    def get_full(self, draw_id) -> SampleDraw | None:
        return self.session.scalars(
            select(SampleDraw).where(SampleDraw.id == as_uuid(draw_id))
            .options(selectinload(SampleDraw.members), selectinload(SampleDraw.visit))
        ).first()

    def current(self, visit_id, kind: str) -> SampleDraw | None:
        return self.session.scalars(
            select(SampleDraw).where(SampleDraw.visit_id == as_uuid(visit_id), SampleDraw.kind == kind,
                                     SampleDraw.superseded_by_id.is_(None))
            .options(selectinload(SampleDraw.members))
        ).first()

    def for_visits(self, visit_ids: Sequence, *, current_only: bool = True) -> Sequence[SampleDraw]:
        out: list[SampleDraw] = []
        for chunk in _chunks([as_uuid(v) for v in visit_ids], 500):
            q = select(SampleDraw).where(SampleDraw.visit_id.in_(chunk))
            if current_only:
                q = q.where(SampleDraw.superseded_by_id.is_(None))
            out.extend(self.session.scalars(q.options(selectinload(SampleDraw.members))))
        return sorted(out, key=lambda d: (d.drawn_at, str(d.id)))


class MemberRepository(_Repository):
    model = SampleMember


class InterviewRepository(_Repository):
    model = Interview

    def get_full(self, interview_id) -> Interview | None:
        return self.session.scalars(
            select(Interview).where(Interview.id == as_uuid(interview_id))
            .options(selectinload(Interview.answers), selectinload(Interview.visit))
        ).first()

    def for_member(self, member_id) -> Interview | None:
        return self.session.scalars(select(Interview).where(Interview.member_id == as_uuid(member_id))).first()


class SupervisionPeopleRepository:
    """The few facts about residents, relatives and users that supervision reads."""

    def __init__(self, session) -> None:
        self.session = session

    def residents_of_home(self, care_home_id) -> list[tuple[uuid.UUID, dt.date | None, dt.date | None]]:
        """(id, move in, move out) of every resident registered in the home."""
        return [tuple(r) for r in self.session.execute(
            select(Resident.id, Resident.move_in, Resident.move_out).where(
                Resident.care_home_id == as_uuid(care_home_id))
        ).all()]

    def residents_with_relatives(self, resident_ids: Sequence) -> set[uuid.UUID]:
        out: set[uuid.UUID] = set()
        for chunk in _chunks([as_uuid(r) for r in resident_ids], 500):
            out |= set(self.session.scalars(select(Relative.resident_id).where(Relative.resident_id.in_(chunk))))
        return out

    def resident_rows(self, resident_ids: Sequence) -> dict[uuid.UUID, tuple[str, str, str]]:
        """id -> (name, room, unit name): shown on the consultant's screen, never in reports."""
        from .models import Unit

        out = {}
        for chunk in _chunks([as_uuid(r) for r in resident_ids], 500):
            rows = self.session.execute(
                select(Resident.id, Resident.name, Resident.room, Unit.name)
                .outerjoin(Unit, Resident.unit_id == Unit.id).where(Resident.id.in_(chunk))
            ).all()
            out.update({r[0]: (r[1], r[2], r[3] or "") for r in rows})
        return out

    def relatives_of(self, resident_id) -> Sequence[Relative]:
        return self.session.scalars(
            select(Relative).where(Relative.resident_id == as_uuid(resident_id)).order_by(Relative.name, Relative.id)
        ).all()

    def consultants(self) -> Sequence[User]:
        return self.session.scalars(
            select(User).where(User.role == "consultant", User.active.is_(True)).order_by(User.full_name)
        ).all()

    def users(self, ids: Sequence) -> dict[uuid.UUID, User]:
        if not ids:
            return {}
        return {u.id: u for u in self.session.scalars(select(User).where(User.id.in_([as_uuid(i) for i in ids])))}

    def home_names(self) -> dict[uuid.UUID, str]:
        return {h: n for h, n in self.session.execute(select(CareHome.id, CareHome.name)).all()}


class InstalledDefinitionRepository(_Repository):
    """Protocols and scales installed into the database (``tilsyn protocols add``)."""

    model = InstalledDefinition

    def all(self) -> Sequence[InstalledDefinition]:
        return self.session.scalars(select(InstalledDefinition).order_by(
            InstalledDefinition.installed_at, InstalledDefinition.kind, InstalledDefinition.item_id,
            InstalledDefinition.version)).all()

    def signature(self) -> tuple:
        """(count, newest install) : changes whenever a definition is installed."""
        return tuple(self.session.execute(select(func.count(InstalledDefinition.id),
                                                 func.max(InstalledDefinition.installed_at))).one())


class SupervisionRepositories:
    """All supervision repositories under one attribute of the unit of work (``uow.supervision``)."""

    def __init__(self, session) -> None:
        self.session = session
        self.programmes = ProgrammeRepository(session)
        self.visits = VisitRepository(session)
        self.draws = DrawRepository(session)
        self.members = MemberRepository(session)
        self.interviews = InterviewRepository(session)
        self.people = SupervisionPeopleRepository(session)
        self.installed = InstalledDefinitionRepository(session)

    def add(self, obj) -> None:
        self.session.add(obj)
