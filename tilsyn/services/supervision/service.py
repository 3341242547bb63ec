"""SupervisionService: programmes, planning, sampling, interviews, findings, consultation, reports.

Every method checks the permission first (the consultant: ``visit.manage``; the relatives'
sample also ``force.exists_view``; the care home's leader replies to the consultation with
``visit.reply``), opens one unit of work, applies the domain rules and returns frozen
dataclasses. Interview answers are committed one by one (autosave).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Iterable, Mapping

from ...domain.errors import DomainError, NotFound, ValidationError
from ...domain.limits import check_length, length_errors, nfc
from ...domain.roles import Action, allowed
from ...domain.supervision import planning, sampling, visits as vrules
from ...domain.supervision import consultation as crules
from ...domain.supervision.protocols import PROTOCOL, SCALE
from ...domain.supervision.scales import load_scale
from ...reports.annual_evaluation import render_annual_evaluation
from ...reports.visit_report import render_visit_report
from ...store.models_supervision import Interview, SampleDraw, Visit
from ..context import AppContext
from ..exchange.guard import Part, require_visit_owner
from . import core, reporting
from .convert import (
    action_item_dto,
    DUE_LABELS,
    KIND_LABELS,
    REASON_LABELS,
    consultant_dto,
    draw_dto,
    findings_dto,
    goal_dto,
    interview_dto,
    programme_dto,
    protocol_dto,
    scale_dto,
    visit_dto,
    visit_summary,
)
from .dto import (
    ActionItemDTO,
    AllocationRow,
    ConsultantDTO,
    DrawDTO,
    FrameCandidateDTO,
    GoalDTO,
    InterviewDTO,
    PlanCheck,
    PlanningOverview,
    PlanningRow,
    ProgrammeDTO,
    ProgrammeSample,
    ProtocolDTO,
    RecomputeDraw,
    RelativeContactDTO,
    SampleAppendix,
    ScaleDTO,
    ScaleOptionDTO,
    VerifyResult,
    VisitDTO,
    VisitFindings,
    VisitSummary,
)
from .dto import ActionCommentDTO, ConsultationInboxRow, InstalledDefinitionDTO


class SupervisionService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    # -- reference data ----------------------------------------------------------------------------

    def protocols(self) -> list[ProtocolDTO]:
        """Every protocol version installed: shipped and the municipality's own (for choosing a
        programme's set); ``default`` marks each kind's default."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            lib = core.library(uow)
            defaults = {p.key for p in lib.defaults().values()}
            return [protocol_dto(p, default=p.key in defaults, installed=lib.is_installed(PROTOCOL, p.id, p.version))
                    for p in lib.all_protocols()]

    def protocol(self, protocol_id: str, version: int | None = None, theme_id: str | None = None) -> ProtocolDTO:
        """One protocol with its questions (and the theme's questions when ``theme_id`` is given)."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            lib = core.library(uow)
            p = lib.protocol(protocol_id, version)
            return protocol_dto(p, theme_id, installed=lib.is_installed(PROTOCOL, p.id, p.version))

    def scales(self) -> list[ScaleDTO]:
        """Every version of every scale installed (shipped and the municipality's own)."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            return [scale_dto(s) for s in core.library(uow).all_scales()]

    def installed_definitions(self) -> list[InstalledDefinitionDTO]:
        """Protocols and scales: the shipped ones and those installed into the database."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            lib = core.library(uow)
            rows = {(r.kind, r.item_id, r.version): r for r in uow.supervision.installed.all()}
            out = []
            for kind, items in ((SCALE, lib.all_scales()), (PROTOCOL, lib.all_protocols())):
                for x in items:
                    r = rows.get((kind, x.id, x.version))
                    out.append(InstalledDefinitionDTO(
                        kind, "Svarskala" if kind == SCALE else "Interviewguide", x.id, x.version, x.title,
                        r.installed_at if r else None, r.installed_by if r else "", r.sha256 if r else "",
                        not lib.is_installed(kind, x.id, x.version)))
            return out

    def install_definition(self, text: str) -> InstalledDefinitionDTO:
        """Install a municipality's own protocol or scale from TOML text: validated against what is
        installed (a protocol's scales must exist), stored in the database with its SHA-256 and
        audited; the app's own files are never touched. A changed one is a new version."""
        import hashlib

        from ...store.models_supervision import InstalledDefinition

        self.ctx.require(Action.PROTOCOL_INSTALL)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.DEFINITION)
            lib = core.library(uow)
            kind, item = lib.check_new(text)
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            row = InstalledDefinition(kind=kind, item_id=item.id, version=item.version, title=item.title[:200],
                                      text=text, sha256=digest, installed_at=self.ctx.now(),
                                      installed_by=self.ctx.audit_actor()[1])
            uow.supervision.add(row)
            uow.commit()
            core.forget_library(uow)
            return InstalledDefinitionDTO(kind, "Svarskala" if kind == SCALE else "Interviewguide", item.id,
                                          item.version, item.title, row.installed_at, row.installed_by, digest,
                                          False)

    def rating_options(self) -> list[ScaleOptionDTO]:
        """The 4-level rating (Kritisable forhold ... Meget tilfredsstillende) for goals and visits."""
        self.ctx.require(Action.VISIT_MANAGE)
        return list(scale_dto(load_scale(core.RATING_SCALE)).options)

    def refusal_reasons(self) -> list[tuple[str, str]]:
        """(code, Danish label) of the reasons a drawn member is not interviewed."""
        self.ctx.require(Action.VISIT_MANAGE)
        return list(sampling.REFUSAL_REASONS.items())

    def exclusion_reasons(self) -> list[tuple[str, str]]:
        """(code, Danish label) of the reasons a resident is left out of the frame."""
        self.ctx.require(Action.VISIT_MANAGE)
        return [(k, v) for k, v in sampling.EXCLUSION_REASONS.items() if k != "no_relative"]

    def visit_goals(self, visit_id: str) -> list[GoalDTO]:
        """The quality goals asked about in the resident and relative interviews (the year's theme
        included), for writing the qualitative summary and rating per goal."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id)
            protocols = core.programme_protocols(v.programme)
            seen, out = set(), []
            for kind in core.HOME_SCORE_KINDS:
                if kind in protocols:
                    for g in protocols[kind].goals_for(v.programme.theme_id or None):
                        if g.id not in seen:
                            seen.add(g.id)
                            out.append(goal_dto(g))
            return out

    def consultants(self) -> list[ConsultantDTO]:
        """Active users with the consultant role."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            return [consultant_dto(u) for u in uow.supervision.people.consultants()]

    # -- programmes --------------------------------------------------------------------------------

    def create_programme(self, year: int, *, theme_id: str | None = None, protocols: Iterable[str] | None = None,
                         sample_total: int | None = None, sample_min: int | None = None,
                         sample_max: int | None = None, relatives_per_home: int | None = None,
                         title: str = "") -> ProgrammeDTO:
        """A year's programme; default protocols are the newest of each kind, the theme the year's,
        the sampling plan's numbers those of ``sampling.SamplingPlan`` (120, 3-6, 2)."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME)
            p = core.create_programme(uow, year, theme_id=theme_id, protocols=protocols, sample_total=sample_total,
                                      sample_min=sample_min, sample_max=sample_max,
                                      relatives_per_home=relatives_per_home, title=title)
            uow.commit()
            return self._programme_dto(uow, p, check=True)

    def update_sampling_plan(self, programme_id: str, *, sample_total: int, sample_min: int, sample_max: int,
                             relatives_per_home: int) -> ProgrammeDTO:
        """Change the programme's plan; refused (``programme_fixed``) once the programme has draws."""
        self.ctx.require(Action.VISIT_MANAGE)
        plan = sampling.SamplingPlan(sample_total, sample_min, sample_max, relatives_per_home).check()
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME)
            p = core.get_programme(uow, programme_id)
            core.check_plan_open(uow, p, plan)
            p.sample_total, p.sample_min, p.sample_max = plan.total, plan.min_per_home, plan.max_per_home
            p.relatives_per_home = plan.relatives_per_home
            uow.commit()
            return self._programme_dto(uow, p, check=True)

    def check_sampling_plan(self, year: int, *, sample_total: int, sample_min: int, sample_max: int,
                            relatives_per_home: int) -> PlanCheck:
        """What the plan would reach over the care homes (for the programme dialog, as it is typed):
        the numbers refused outright and the statement of an infeasible plan."""
        self.ctx.require(Action.VISIT_MANAGE)
        plan = sampling.SamplingPlan(sample_total, sample_min, sample_max, relatives_per_home)
        with self.ctx.uow_factory() as uow:
            programme = uow.supervision.programmes.by_year(year)
            return self._plan_check(uow, plan, programme, year)

    def _plan_check(self, uow, plan: sampling.SamplingPlan, programme, year: int) -> PlanCheck:
        errors = tuple(plan.errors())
        day = core.clamp_to_year(self.ctx.today(), year)
        if programme is not None:
            sizes, _ = core.home_sizes(uow, programme, day)
        else:
            sizes = {str(h.id): sum(1 for _, mi, mo in uow.supervision.people.residents_of_home(h.id)
                                    if sampling.lives_in_home_on(mi, mo, day))
                     for h in uow.care_homes.list_all()}
        if errors:
            return PlanCheck(plan.total, 0, len(sizes), None, errors)
        f = plan.feasibility(sizes)
        return PlanCheck(plan.total, f.reachable, f.homes, f.error(), ())

    def _programme_dto(self, uow, p, *, check: bool = False) -> ProgrammeDTO:
        dto = programme_dto(p, len(p.visits))
        fixed = bool(core.programme_draws(uow, p))
        plan_check = self._plan_check(uow, core.plan_of(p), p, p.year) if check else None
        return dataclasses.replace(dto, plan_fixed=fixed, plan_check=plan_check)

    def programmes(self) -> list[ProgrammeDTO]:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            return [programme_dto(p, len(p.visits)) for p in uow.supervision.programmes.list_all()]

    def programme_for_year(self, year: int) -> ProgrammeDTO | None:
        """The year's programme with whether its plan is fixed and what the plan reaches."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            p = uow.supervision.programmes.by_year(year)
            return self._programme_dto(uow, p, check=True) if p else None

    # -- visits ------------------------------------------------------------------------------------

    def plan_visit(self, programme_id: str, care_home_id: str, planned_on: dt.date, *, unannounced: bool = True,
                   consultant_ids: Iterable[str] = ()) -> VisitDTO:
        """A visit on a working day of the programme's year."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME)
            programme = core.get_programme(uow, programme_id)
            core.check_planned_on(programme, planned_on)
            v = core.plan_visit(uow, programme, care_home_id, planned_on, unannounced=unannounced,
                                consultant_ids=consultant_ids)
            uow.commit()
            return self._visit_dto(uow, v.id)

    def propose_visit_date(self, programme_id: str, wanted: dt.date | None = None) -> dt.date:
        """A working day in the programme's year on or after ``wanted`` (default today) that no
        other visit of the programme has (planning.propose_visit_date)."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            p = core.get_programme(uow, programme_id)
            today = self.ctx.today()
            taken = {v.planned_on for v in uow.supervision.visits.query(programme_id=p.id)
                     if v.status != vrules.CANCELLED}
            return planning.propose_visit_date(p.year, wanted or today, core.danish_holidays(p.year), today, taken)

    def update_visit(self, visit_id: str, *, planned_on: dt.date | None = None, unannounced: bool | None = None,
                     consultant_ids: Iterable[str] | None = None, reason: str = "") -> VisitDTO:
        """Move a planned visit (to a working day of its programme's year; ``reason`` goes to the
        audit log), change the unannounced flag or the consultants. Until the draw the frame date
        follows the visit; a draw keeps the date it was drawn for."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME, visit_id=visit_id)
            v = core.get_visit(uow, visit_id)
            if planned_on is not None and planned_on != v.planned_on:
                uow.reason = check_length(nfc((reason or "").strip()), field="reason")
                core.reschedule(v, planned_on)
            if unannounced is not None:
                v.unannounced = unannounced
            if consultant_ids is not None:
                core.set_consultants(uow, v, consultant_ids)
            uow.commit()
            return self._visit_dto(uow, v.id)

    def cancel_visit(self, visit_id: str, reason: str) -> VisitDTO:
        """Cancel a planned visit; the reason is required and logged, the visit's draws are kept."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME, visit_id=visit_id)
            v = core.get_visit(uow, visit_id)
            try:
                reason = core.cancel(v, reason, self.ctx.now())
            except DomainError as err:
                if err.field:
                    raise ValidationError([err]) from None
                raise
            uow.reason = reason
            uow.commit()
            return self._visit_dto(uow, v.id)

    def visits(self, *, programme_id: str | None = None, care_home_id: str | None = None,
               status: str | None = None) -> list[VisitSummary]:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            names = uow.supervision.people.home_names()
            rows = uow.supervision.visits.query(programme_id=programme_id, care_home_id=care_home_id, status=status)
            users = uow.supervision.people.users([c.user_id for v in rows for c in v.consultants])
            return [visit_summary(v, names, users) for v in rows]

    def visit(self, visit_id: str) -> VisitDTO:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            return self._visit_dto(uow, visit_id)

    def mark_conducted(self, visit_id: str, conducted_on: dt.date | None = None) -> VisitDTO:
        """The visit took place (default today)."""
        self.ctx.require(Action.VISIT_MANAGE)
        day = conducted_on or self.ctx.today()
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, visit_id=visit_id)
            v = core.get_visit(uow, visit_id)
            vrules.check_conducted_on(day, v.planned_on, self.ctx.today())
            core.move(v, vrules.CONDUCTED)
            v.conducted_on = day
            uow.commit()
            return self._visit_dto(uow, v.id)

    def start_report(self, visit_id: str) -> VisitDTO:
        """Conducted -> report draft."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, visit_id=visit_id)
            v = core.get_visit(uow, visit_id)
            core.move(v, vrules.DRAFT)
            uow.commit()
            return self._visit_dto(uow, v.id)

    def send_for_consultation(self, visit_id: str, deadline: dt.date | None = None) -> VisitDTO:
        """Send the draft to the care home's leader (høring); default deadline 14 days."""
        self.ctx.require(Action.VISIT_MANAGE)
        today = self.ctx.today()
        deadline = deadline or today + dt.timedelta(days=vrules.CONSULTATION_DAYS)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME, visit_id=visit_id)
            v = core.get_visit(uow, visit_id, full=True)
            core.send_for_consultation(v, deadline, today, self.ctx.audit_actor()[1], self.ctx.now())
            uow.commit()
            return self._visit_dto(uow, v.id)

    def return_to_draft(self, visit_id: str, reason: str) -> VisitDTO:
        """Take a report out of consultation to change it (the reason is logged)."""
        self.ctx.require(Action.VISIT_MANAGE)
        if len((reason or "").strip()) < 5:
            raise ValidationError([DomainError("reason_required", field="reason")])
        reason = nfc(reason.strip())
        if too_long := length_errors({"reason": reason}):
            raise ValidationError(too_long)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME, visit_id=visit_id)
            uow.reason = reason
            v = core.get_visit(uow, visit_id)
            core.move(v, vrules.DRAFT)
            uow.commit()
            return self._visit_dto(uow, v.id)

    def consultation_inbox(self) -> list[ConsultationInboxRow]:
        """The leader's visits in consultation (their care homes only), each with the state of the
        reply: "besvaret" once the leader replied, else awaiting or past the deadline."""
        self.ctx.require(Action.VISIT_REPLY)
        today = self.ctx.today()
        with self.ctx.uow_factory() as uow:
            names = uow.supervision.people.home_names()
            rows = uow.supervision.visits.query(status=vrules.CONSULTATION, home_ids=self.ctx.home_scope())
            users = uow.supervision.people.users([c.user_id for v in rows for c in v.consultants])
            out = []
            for v in rows:
                c = core.open_consultation(v)
                replies = len(c.replies) if c else 0
                state = crules.reply_state(v.status, replies, c.deadline if c else None, today)
                last = core.latest_reply(c)
                summary = visit_summary(v, names, users)
                out.append(ConsultationInboxRow(
                    **{f.name: getattr(summary, f.name) for f in dataclasses.fields(summary)},
                    deadline=c.deadline if c else None, replies=replies,
                    last_reply_at=last.replied_at if last else None, reply_state=state,
                    reply_state_label=crules.REPLY_STATE_LABELS[state]))
            return out

    def reply_to_consultation(self, visit_id: str, text: str) -> VisitDTO:
        """One more reply of the leader to the draft report: every reply is kept in the thread (the
        final report uses the newest), so a second reply never replaces the first."""
        self.ctx.require(Action.VISIT_REPLY)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.CONSULTATION_REPLY, visit_id=visit_id)
            v = core.get_visit(uow, visit_id, full=True)
            actor = self.ctx.require(Action.VISIT_REPLY, str(v.care_home_id))
            try:
                core.reply(v, text, replied_by=actor.full_name, user_id=_uuid_or_none(actor.id), now=self.ctx.now())
            except DomainError as err:
                if err.code == "required":
                    raise ValidationError([err]) from None
                raise
            uow.commit()
            return self._visit_dto(uow, v.id)

    def consultation_visit(self, visit_id: str) -> VisitDTO:
        """The visit as the care home's leader sees it in consultation (the thread, what they may do)."""
        self.ctx.require(Action.VISIT_REPLY)
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id, full=True)
            self._require_report(v)
            return self._visit_dto(uow, v.id)

    def finalise(self, visit_id: str) -> VisitDTO:
        """Final report: after the leader's reply, or when the deadline has passed."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME, visit_id=visit_id)
            v = core.get_visit(uow, visit_id, full=True)
            core.finalise(v, self.ctx.today(), self.ctx.now())
            uow.commit()
            return self._visit_dto(uow, v.id)

    def plan_follow_up(self, visit_id: str, planned_on: dt.date, *, unannounced: bool = True) -> VisitDTO:
        """Plan a follow-up visit on a final report; the report moves to "Opfølgning"."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME, visit_id=visit_id)
            v = core.get_visit(uow, visit_id, full=True)
            core.move(v, vrules.FOLLOW_UP)
            programme = uow.supervision.programmes.by_year(planned_on.year) or v.programme
            core.check_planned_on(programme, planned_on, follow_up=True)
            new = core.plan_visit(uow, programme, v.care_home_id, planned_on, unannounced=unannounced,
                                  consultant_ids=[str(c.user_id) for c in v.consultants], follow_up_of=v)
            uow.commit()
            return self._visit_dto(uow, new.id)

    # -- planning ----------------------------------------------------------------------------------

    def planning_overview(self, today: dt.date | None = None) -> PlanningOverview:
        """Next visit due per care home (see tilsyn.domain.supervision.planning) and the homes due now."""
        self.ctx.require(Action.VISIT_MANAGE)
        today = today or self.ctx.today()
        with self.ctx.uow_factory() as uow:
            first_year, rows = core.planning_rows(uow, today)
            out = []
            for home, due, last, planned in rows:
                out.append(PlanningRow(
                    care_home_id=str(home.id), care_home_name=home.name,
                    last_visit_on=last.conducted_on if last else None,
                    last_result=last.result if last else "",
                    last_result_label=core.rating_label(last.result) if last else "",
                    due_on=due.due_on, reason=due.reason, reason_label=REASON_LABELS[due.reason],
                    status=due.status, status_label=DUE_LABELS[due.status],
                    planned_visit_id=str(planned.id) if planned else None,
                    planned_on=planned.planned_on if planned else None,
                ))
            out.sort(key=lambda r: (r.due_on, r.care_home_name))
            overdue = tuple(r for r in out if r.status in ("overdue", "due_now"))
            return PlanningOverview(today, first_year, tuple(out), overdue)

    # -- sampling ----------------------------------------------------------------------------------

    def allocation(self, programme_id: str) -> list[AllocationRow]:
        """How the programme's total would be spread over the homes with visits (or all homes)."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            programme = core.get_programme(uow, programme_id)
            return self._allocation(uow, programme, self.ctx.today())

    def _allocation(self, uow, programme, today: dt.date) -> list[AllocationRow]:
        names = uow.supervision.people.home_names()
        sizes, days = core.home_sizes(uow, programme, core.clamp_to_year(today, programme.year))
        alloc = core.plan_of(programme).allocate(sizes)
        return sorted(
            (AllocationRow(h, names.get(_u(h), ""), str(days[h][1].id) if days[h][1] else None, days[h][0],
                           sizes[h], alloc[h]) for h in sizes),
            key=lambda r: r.care_home_name)

    def frame_candidates(self, visit_id: str, kind: str = "resident") -> list[FrameCandidateDTO]:
        """The residents in the visit's frame of ``kind`` on its date, by name: whom the consultant
        may leave out before the draw (screen only)."""
        self._require_kind(kind)
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id)
            frame = core.build_frame(uow, v, kind)
            ids = [uuid.UUID(r) for r in frame.eligible]
            people = uow.supervision.people.resident_rows(ids)
            out = [FrameCandidateDTO(str(r), *people.get(r, ("", "", ""))) for r in ids]
            return sorted(out, key=lambda c: (c.name.casefold(), c.resident_id))

    def draw_sample(self, visit_id: str, seed: int | str, *, kind: str = "resident", size: int | None = None,
                    exclusions: Mapping[str, str | tuple[str, str]] | None = None) -> DrawDTO:
        """Draw the visit's sample (``kind`` resident or relative) from the recorded frame; the size
        defaults to the home's share of the plan, and is at least 1; the seed is the programme's."""
        self._require_kind(kind)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME, visit_id=visit_id)
            v = core.get_visit(uow, visit_id)
            d = core.make_draw(uow, v, kind, seed, size=size, exclusions=exclusions,
                               drawn_by=self.ctx.audit_actor()[1], now=self.ctx.now())
            uow.commit()
            return self._draw_dto(uow, d.id)

    def draw_programme(self, year: int, seed: int | str, *, total: int | None = None, min_per_home: int | None = None,
                       max_per_home: int | None = None, visit_date: dt.date | None = None,
                       visit_dates: Mapping[str, dt.date] | None = None,
                       exclusions: Mapping[str, str | tuple[str, str]] | None = None,
                       kinds: tuple[str, ...] = ("resident", "relative")) -> ProgrammeSample:
        """The command line's ``tilsyn sample``: make (or use) the year's programme, plan a visit for
        every home that has none (each on its own working day, spread over the year, unless
        ``visit_date`` or ``visit_dates`` (home name or id -> date) says otherwise), allocate the
        total and draw every home's samples. Draws that exist already are kept and returned; once
        there are draws, another seed or plan is refused (``programme_fixed``). ``exclusions``
        (resident id -> reason) apply to the draws made now; one that applies to none is refused."""
        for kind in kinds:
            self._require_kind(kind)
        today = self.ctx.today()
        seed = str(seed).strip()
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME)
            programme = uow.supervision.programmes.by_year(year)
            if programme is None:
                programme = core.create_programme(uow, year, sample_total=total, sample_min=min_per_home,
                                                  sample_max=max_per_home, seed=seed)
            else:
                plan = sampling.SamplingPlan.of(total, min_per_home, max_per_home, base=core.plan_of(programme))
                core.check_plan_open(uow, programme, plan, seed)
                plan.check()
                programme.sample_total, programme.sample_min, programme.sample_max = (
                    plan.total, plan.min_per_home, plan.max_per_home)
                if not programme.seed:
                    programme.seed = seed
            homes = sorted(uow.care_homes.list_all(), key=lambda h: h.name.casefold())
            visits = [v for v in uow.supervision.visits.query(programme_id=programme.id)
                      if v.follow_up_of_id is None and v.status != vrules.CANCELLED]
            have = {v.care_home_id for v in visits}
            missing = [h for h in homes if h.id not in have]
            days = self._visit_days(programme, missing, visit_date, visit_dates or {}, today)
            for home in missing:
                core.plan_visit(uow, programme, home.id, days[home.id])
            uow.flush()
            alloc = {r.visit_id: r.allocated for r in self._allocation(uow, programme, today) if r.visit_id}
            wanted = _canonical_exclusions(exclusions)
            applied: set[str] = set()
            ids, made = [], 0
            for v in uow.supervision.visits.query(programme_id=programme.id):
                if v.follow_up_of_id is not None or v.status == vrules.CANCELLED:
                    continue
                for kind in kinds:
                    d = uow.supervision.draws.current(v.id, kind)
                    if d is None and v.status in vrules.SAMPLING_STATUSES:
                        size = (alloc.get(str(v.id)) or None) if kind == "resident" and not v.sample_size else None
                        mine = self._exclusions_for(uow, v, kind, wanted)
                        applied |= set(mine)
                        d = core.make_draw(uow, v, kind, seed, size=size, exclusions=mine,
                                           drawn_by=self.ctx.audit_actor()[1], now=self.ctx.now())
                        made += 1
                    if d is not None:
                        ids.append(d.id)
            if unused := sorted(set(wanted) - applied):
                raise DomainError("exclusion_not_in_frame", field="exclude", resident=unused[0])
            uow.commit()
            out = sorted((self._draw_dto(uow, i) for i in ids), key=lambda d: (d.care_home_name, d.kind != "resident"))
            dto = self._programme_dto(uow, programme, check=True)
            return ProgrammeSample(dto, tuple(out), made, dto.plan_check.warning if dto.plan_check else None)

    def _visit_days(self, programme, homes, visit_date, visit_dates, today) -> dict:
        """home id -> the date of its new visit: given for all, given per home (by name or id), or
        proposed (one working day each, spread over what is left of the year); each one checked."""
        by_key = {str(k).casefold(): d for k, d in visit_dates.items()}
        known = {str(h.id) for h in homes} | {h.name.casefold() for h in homes}
        for key in by_key:
            if key not in known:
                raise DomainError("visit_date_home_unknown", field="visit_dates", home=key)
        rest = [h for h in homes if str(h.id) not in by_key and h.name.casefold() not in by_key]
        proposed = ({} if visit_date is not None else
                    dict(zip((h.id for h in rest), core.propose_dates(programme, len(rest), today))))
        out = {}
        for h in homes:
            day = by_key.get(str(h.id), by_key.get(h.name.casefold(), visit_date or proposed.get(h.id)))
            out[h.id] = core.check_planned_on(programme, day)
        return out

    def _exclusions_for(self, uow, visit, kind: str, wanted: Mapping[str, object]) -> dict:
        if not wanted:
            return {}
        home = {str(r[0]) for r in uow.supervision.people.residents_of_home(visit.care_home_id)}
        return {r: why for r, why in wanted.items() if r in home}

    def programme_draws(self, year: int) -> ProgrammeSample:
        """The year's programme and every current draw (for ``sample-verify --json``)."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            p = uow.supervision.programmes.by_year(year)
            if p is None:
                raise DomainError("no_programme", year=year)
            draws = core.programme_draws(uow, p)
            if not draws:
                raise DomainError("no_draws", year=year)
            out = sorted((self._draw_dto(uow, d.id) for d in draws),
                         key=lambda d: (d.care_home_name, d.kind != "resident"))
            dto = self._programme_dto(uow, p)
            return ProgrammeSample(dto, tuple(out), 0, None)

    def sample_appendix(self, visit_id: str) -> SampleAppendix:
        """The visit report's appendix: everything needed to recompute the visit's draws (current
        and superseded) with hashlib alone. Resident ids only; no names."""
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id, full=True)
            self._require_report(v)
            draws = []
            for d in sorted(v.draws, key=lambda d: (d.kind != "resident", d.drawn_at)):
                dto = self._draw_dto(uow, d.id)
                middle = "" if d.kind == "resident" else f"{d.kind}|"
                draws.append(RecomputeDraw(
                    kind=d.kind, kind_label=dto.kind_label, seed=d.seed, size=d.size, frame_date=dto.frame_date,
                    rule_text=dto.rule_text, formula=dto.rule_formula,
                    hashed_text=f"{d.seed}|{sampling.canonical_id(v.programme_id)}|{middle}<beboer-id>",
                    frame=dto.frame, excluded=tuple((e.resident_id, e.reason_label) for e in dto.exclusions),
                    members=tuple((m.rank, m.resident_id or "", m.status_label) for m in dto.members),
                    superseded=not dto.current, redraw_reason=dto.redraw_reason))
            return SampleAppendix(sampling.canonical_id(v.programme_id), sampling.ID_FORM, tuple(draws),
                                  recompute_script())

    def draws(self, visit_id: str, *, include_superseded: bool = False) -> list[DrawDTO]:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id)
            return [self._draw_dto(uow, d.id) for d in v.draws
                    if include_superseded or d.superseded_by_id is None]

    def draw(self, draw_id: str) -> DrawDTO:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            return self._draw_dto(uow, draw_id)

    def refuse_member(self, member_id: str, reason: str, note: str = "", *, replace: bool = True) -> DrawDTO:
        """Log why a drawn resident is not interviewed; the next in rank replaces them."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, member_id=member_id)
            m = core.get_member(uow, member_id)
            core.refuse(uow, m, reason, note, replace=replace, now=self.ctx.now())
            uow.commit()
            return self._draw_dto(uow, m.draw_id)

    def redraw(self, draw_id: str, seed: int | str, reason: str, *, size: int | None = None,
               exclusions: Mapping[str, str | tuple[str, str]] | None = None) -> DrawDTO:
        """Draw the whole sample again with its own seed and size (default: the old draw's size); a
        reason is required; the old draw is kept, superseded."""
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.PROGRAMME, draw_id=draw_id)
            d = uow.supervision.draws.get_full(core.ident(draw_id, "Stikprøven"))
            if d is None:
                raise NotFound(what="Stikprøven")
            self._require_kind(d.kind)
            uow.reason = check_length((reason or "").strip(), field="reason")
            new = core.redraw(uow, d, seed, reason, size=size, exclusions=exclusions,
                              drawn_by=self.ctx.audit_actor()[1], now=self.ctx.now())
            uow.commit()
            return self._draw_dto(uow, new.id)

    def verify_draw(self, draw_id: str) -> VerifyResult:
        """Recompute a stored draw from its seed and frame; ``match`` says whether it is the same."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            d = uow.supervision.draws.get_full(core.ident(draw_id, "Stikprøven"))
            if d is None:
                raise NotFound(what="Stikprøven")
            return self._verify(uow, d)

    def verify_year(self, year: int) -> list[VerifyResult]:
        """Verify every current draw of the year's programme."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            p = uow.supervision.programmes.by_year(year)
            if p is None:
                raise DomainError("no_programme", year=year)
            visits = uow.supervision.visits.query(programme_id=p.id)
            draws = uow.supervision.draws.for_visits([v.id for v in visits])
            if not draws:
                raise DomainError("no_draws", year=year)
            return sorted((self._verify(uow, d) for d in draws), key=lambda r: (r.care_home_name, r.kind != "resident"))

    def _verify(self, uow, d: SampleDraw) -> VerifyResult:
        outcome, same = core.verify(uow, d)
        names = uow.supervision.people.home_names()
        return VerifyResult(str(d.id), str(d.visit_id), names.get(d.visit.care_home_id, ""), d.kind, d.seed,
                            outcome.match, same,
                            tuple((m.rank, m.stored, m.expected) for m in outcome.mismatches))

    def relative_contacts(self, member_id: str) -> list[RelativeContactDTO]:
        """The relatives of a member of the relatives' sample, to phone (screen only)."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            m = core.get_member(uow, member_id)
            if m.draw.kind != "relative" or m.resident_id is None:
                return []
            return [RelativeContactDTO(str(r.id), r.name, r.relation, r.phone)
                    for r in uow.supervision.people.relatives_of(m.resident_id)]

    def _require_kind(self, kind: str) -> None:
        self.ctx.require(Action.VISIT_MANAGE)
        if kind == "relative":
            # The relatives' frame rests on the fact that force was registered, nothing more.
            self.ctx.require(Action.FORCE_EXISTS_VIEW)
        elif kind not in sampling.SAMPLE_KINDS:
            raise DomainError("unknown_sample_kind", kind=kind)

    # -- interviews --------------------------------------------------------------------------------

    def start_interview(self, visit_id: str, *, member_id: str | None = None, kind: str | None = None) -> InterviewDTO:
        """Open an interview: with a drawn member (resident or relative), or with staff
        (``kind`` staff_dialogue or staff_evaluation). The respondent gets the next code."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, visit_id=visit_id)
            v = core.get_visit(uow, visit_id)
            member = core.get_member(uow, member_id) if member_id else None
            i = core.start_interview(uow, v, member=member, kind=kind, now=self.ctx.now())
            uow.commit()
            return interview_dto(self._interview(uow, i.id))

    def record_consent(self, interview_id: str, given: bool, note: str = "") -> InterviewDTO:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, interview_id=interview_id)
            i = self._interview(uow, interview_id)
            core.record_consent(i, given, note, self.ctx.now())
            uow.commit()
            return interview_dto(i)

    def save_answer(self, interview_id: str, question_id: str, option_code: str | None, free_text: str = "",
                    *, item_id: str = "") -> InterviewDTO:
        """Save one answer (option and/or free text) and commit at once: the autosave."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, interview_id=interview_id)
            i = self._interview(uow, interview_id)
            core.save_answer(uow, i, question_id, option_code, free_text, item_id, self.ctx.now())
            uow.commit()
            return interview_dto(i)

    def finish_interview(self, interview_id: str) -> InterviewDTO:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, interview_id=interview_id)
            i = self._interview(uow, interview_id)
            core.finish_interview(uow, i, self.ctx.now())
            uow.commit()
            return interview_dto(i)

    def interview(self, interview_id: str) -> InterviewDTO:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            return interview_dto(self._interview(uow, interview_id))

    def _interview(self, uow, interview_id) -> Interview:
        i = uow.supervision.interviews.get_full(core.ident(interview_id, "Interviewet"))
        if i is None:
            raise NotFound(what="Interviewet")
        return i

    # -- findings ----------------------------------------------------------------------------------

    def findings(self, visit_id: str) -> VisitFindings:
        """Scores per question, goal and home computed from the answers, plus what was written."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            return findings_dto(core.get_visit(uow, visit_id, full=True))

    def save_goal_finding(self, visit_id: str, goal_id: str, summary: str, rating: str = "") -> VisitFindings:
        """The qualitative summary and the consultant's rating of one quality goal."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, visit_id=visit_id)
            v = core.get_visit(uow, visit_id, full=True)
            vrules.require_status(v.status, vrules.WRITING_STATUSES, "findings")
            core.set_goal_finding(v, goal_id, summary, rating)
            uow.commit()
            return findings_dto(v)

    def set_result(self, visit_id: str, rating: str, summary: str = "") -> VisitFindings:
        """The visit's overall rating (drives when the next visit is due) and summary."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, visit_id=visit_id)
            v = core.get_visit(uow, visit_id, full=True)
            vrules.require_status(v.status, vrules.WRITING_STATUSES, "findings")
            v.result = core.check_rating(rating)
            v.result_summary = check_length((summary or "").strip(), field="result_summary")
            uow.commit()
            return findings_dto(v)

    def set_conclusions(self, visit_id: str, texts: Iterable[str]) -> VisitFindings:
        """The joint conclusions, in order (blank lines are dropped)."""
        return self._statements(visit_id, "conclusion", texts)

    def set_development_areas(self, visit_id: str, texts: Iterable[str]) -> VisitFindings:
        return self._statements(visit_id, "development_area", texts)

    def _statements(self, visit_id, kind, texts) -> VisitFindings:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, visit_id=visit_id)
            v = core.get_visit(uow, visit_id, full=True)
            vrules.require_status(v.status, vrules.WRITING_STATUSES, "findings")
            core.set_statements(v, kind, list(texts))
            uow.commit()
            return findings_dto(v)

    def _action_side(self, v: Visit) -> str:
        """The consultant writes on any visit; the care home's leader on their own home's."""
        if allowed(self.ctx.user, Action.VISIT_MANAGE):
            return crules.CONSULTANT
        self.ctx.require(Action.VISIT_ACTION_PLAN, str(v.care_home_id))
        return crules.LEADER

    def add_action_item(self, visit_id: str, action: str, responsible: str = "",
                        due_on: dt.date | None = None) -> ActionItemDTO:
        """A line of the staff's own action plan: written by the care home's leader (while the report
        is in consultation and after) or by the consultant."""
        self.ctx.require(Action.VISIT_ACTION_PLAN)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT if allowed(self.ctx.user, Action.VISIT_MANAGE) else Part.ACTION_PLAN, visit_id=visit_id)
            v = core.get_visit(uow, visit_id, full=True)
            side = self._action_side(v)
            item = core.add_action_item(v, action, responsible, due_on, side=side,
                                        written_by=self.ctx.user.full_name if self.ctx.user else "")
            uow.commit()
            return next(a for a in findings_dto(v).action_items if a.id == str(item.id))

    def update_action_item(self, visit_id: str, item_id: str, *, action: str, responsible: str,
                           due_on: dt.date | None, status: str) -> ActionItemDTO:
        """Change an action item, or follow it up (status open / in_progress / done)."""
        self.ctx.require(Action.VISIT_ACTION_PLAN)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT if allowed(self.ctx.user, Action.VISIT_MANAGE) else Part.ACTION_PLAN, visit_id=visit_id)
            v = core.get_visit(uow, visit_id, full=True)
            crules.check_action_plan(v.status, self._action_side(v))
            item = core.action_item(v, item_id)
            core.apply_action_item(item, action, responsible, due_on, status, self.ctx.today())
            uow.commit()
            return next(a for a in findings_dto(v).action_items if a.id == str(item.id))

    def remove_action_item(self, visit_id: str, item_id: str) -> VisitFindings:
        self.ctx.require(Action.VISIT_ACTION_PLAN)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT if allowed(self.ctx.user, Action.VISIT_MANAGE) else Part.ACTION_PLAN, visit_id=visit_id)
            v = core.get_visit(uow, visit_id, full=True)
            core.remove_action_item(v, item_id, self._action_side(v))
            uow.commit()
            return findings_dto(v)

    def action_plan(self, visit_id: str) -> tuple[ActionItemDTO, ...]:
        """The staff's action plan with the consultant's comments (consultant, or the home's leader
        once the report is in consultation)."""
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id, full=True)
            self._require_report(v)
            return tuple(action_item_dto(a) for a in v.action_items)

    def comment_action_item(self, visit_id: str, item_id: str, text: str) -> ActionItemDTO:
        """The consultant's comment on an item of the staff's own plan (each comment is kept)."""
        actor = self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, visit_id=visit_id)
            v = core.get_visit(uow, visit_id, full=True)
            core.comment_action_item(v, item_id, text, written_by=actor.full_name, user_id=_uuid_or_none(actor.id),
                                     now=self.ctx.now())
            uow.commit()
            return next(a for a in findings_dto(v).action_items if a.id == str(item_id))

    def flag_free_text(self, interview_id: str, question_id: str, include: bool, *, item_id: str = ""
                       ) -> VisitFindings:
        """Mark (or unmark) a resident's or relative's free-text answer for the report, where it
        appears by respondent code only (B1, P1)."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            require_visit_owner(uow, Part.VISIT_CONDUCT, interview_id=interview_id)
            i = self._interview(uow, interview_id)
            if i.kind not in core.HOME_SCORE_KINDS:
                raise DomainError("free_text_missing", field="free_text")
            core.flag_free_text(i, question_id, item_id, include)
            uow.commit()
            return findings_dto(core.get_visit(uow, i.visit_id, full=True))

    # -- reports -----------------------------------------------------------------------------------

    def visit_report_data(self, visit_id: str):
        """VisitReportData for the PDF: pseudonymous (respondent codes only). The consultant always;
        the home's leader once the report is in consultation."""
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id, full=True)
            self._require_report(v)
            data = reporting.visit_report_data(uow, v, self.ctx.today())
        return dataclasses.replace(data, sample_appendix=self.sample_appendix(visit_id))

    def visit_report_pdf(self, visit_id: str) -> bytes:
        return render_visit_report(self.visit_report_data(visit_id))

    def annual_evaluation_data(self, year: int):
        """AnnualEvaluationData: every home's results in ``year`` and the years before, with the
        staff evaluation of the monthly form."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            return reporting.annual_evaluation_data(uow, year, self.ctx.today())

    def annual_evaluation_pdf(self, year: int) -> bytes:
        return render_annual_evaluation(self.annual_evaluation_data(year))

    def _require_report(self, v: Visit) -> None:
        if allowed(self.ctx.user, Action.VISIT_MANAGE):
            return
        self.ctx.require(Action.VISIT_REPLY, str(v.care_home_id))
        if v.status not in (vrules.CONSULTATION, vrules.FINAL, vrules.FOLLOW_UP):
            raise DomainError("report_not_sent")

    # -- helpers -----------------------------------------------------------------------------------

    def _visit_dto(self, uow, visit_id) -> VisitDTO:
        v = core.get_visit(uow, visit_id, full=True)
        names = uow.supervision.people.home_names()
        users = uow.supervision.people.users([c.user_id for c in v.consultants])
        follow = [x.id for x in uow.supervision.visits.query(care_home_id=v.care_home_id)
                  if x.follow_up_of_id == v.id]
        side = crules.CONSULTANT if allowed(self.ctx.user, Action.VISIT_MANAGE) else crules.LEADER
        dto = visit_dto(v, names, users, follow, today=self.ctx.today(), side=side)
        proposed = {}
        if v.status in vrules.SAMPLING_STATUSES:
            today = self.ctx.today()
            proposed = dict(proposed_sample_size=core.default_size(uow, v, "resident", today),
                            proposed_relatives_size=core.default_size(uow, v, "relative", today))
        return dataclasses.replace(dto, cancelled_at=v.cancelled_at, cancel_reason=v.cancel_reason or "", **proposed)

    def _draw_dto(self, uow, draw_id) -> DrawDTO:
        d = uow.supervision.draws.get_full(core.ident(draw_id, "Stikprøven"))
        if d is None:
            raise NotFound(what="Stikprøven")
        ids = [m.resident_id for m in d.members if m.resident_id is not None]
        people = uow.supervision.people.resident_rows(ids)
        interviews = {i.member_id: i.id for i in d.visit.interviews if i.member_id is not None}
        names = uow.supervision.people.home_names()
        return draw_dto(d, people, interviews, names.get(d.visit.care_home_id, ""))


clamp_to_year = core.clamp_to_year


def recompute_script() -> str:
    """The short script that recomputes every draw of a ``tilsyn sample --json`` file with hashlib
    alone (the same text as scripts/recompute_sample.py and the README)."""
    return RECOMPUTE_SCRIPT


# The script in full; tests run it on the JSON, the README shows it, scripts/ ships it.
RECOMPUTE_SCRIPT = """\
import hashlib, json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
for home in data["care_homes"]:
    for kind, middle in (("residents", ""), ("relatives", "relative|")):
        d = home.get(kind)
        if d:
            key = lambda r: (hashlib.sha256(f"{d['seed']}|{data['programme_id']}|{middle}{r}".encode()).hexdigest(), r)
            drawn = [m["resident_id"] for m in d["members"]]
            ok = sorted(d["frame"], key=key)[:len(drawn)] == drawn
            print(home["care_home"], kind, "stemmer" if ok else "STEMMER IKKE")
"""


def _canonical_exclusions(exclusions) -> dict:
    """resident id (hyphenated) -> reason; an id that is no UUID is refused like a malformed option."""
    out = {}
    for rid, why in (exclusions or {}).items():
        try:
            out[sampling.canonical_id(rid)] = why
        except ValueError:
            raise DomainError("exclusion_format", field="exclude") from None
    return out


def _u(text) -> uuid.UUID:
    return uuid.UUID(str(text))


def _uuid_or_none(value) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


__all__ = ["SupervisionService", "KIND_LABELS", "clamp_to_year"]
