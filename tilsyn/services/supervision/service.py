"""SupervisionService: programmes, planning, sampling, interviews, findings, consultation, reports.

Every method checks the permission first (the consultant: ``visit.manage``; the relatives'
sample also ``force.exists_view``; the care home's leader replies to the consultation with
``visit.reply``), opens one unit of work, applies the domain rules and returns frozen
dataclasses. Interview answers are committed one by one (autosave).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Iterable, Mapping

from ...domain.errors import DomainError, NotFound, ValidationError
from ...domain.limits import check_length, length_errors, nfc
from ...domain.roles import Action, allowed
from ...domain.supervision import sampling, visits as vrules
from ...domain.supervision.protocols import all_protocols, load_protocol
from ...domain.supervision.scales import all_scales, load_scale
from ...reports.annual_evaluation import render_annual_evaluation
from ...reports.visit_report import render_visit_report
from ...store.models_supervision import Interview, SampleDraw, Visit
from ..context import AppContext
from . import core, reporting
from .convert import (
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
    GoalDTO,
    InterviewDTO,
    PlanningOverview,
    PlanningRow,
    ProgrammeDTO,
    ProtocolDTO,
    RelativeContactDTO,
    ScaleDTO,
    ScaleOptionDTO,
    VerifyResult,
    VisitDTO,
    VisitFindings,
    VisitSummary,
)


class SupervisionService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    # -- reference data ----------------------------------------------------------------------------

    def protocols(self) -> list[ProtocolDTO]:
        """Every protocol version shipped (for choosing a programme's set)."""
        self.ctx.require(Action.VISIT_MANAGE)
        return [protocol_dto(p) for p in all_protocols()]

    def protocol(self, protocol_id: str, version: int | None = None, theme_id: str | None = None) -> ProtocolDTO:
        """One protocol with its questions (and the theme's questions when ``theme_id`` is given)."""
        self.ctx.require(Action.VISIT_MANAGE)
        return protocol_dto(load_protocol(protocol_id, version), theme_id)

    def scales(self) -> list[ScaleDTO]:
        self.ctx.require(Action.VISIT_MANAGE)
        return [scale_dto(s) for s in all_scales()]

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
                         sample_total: int = 120, sample_min: int = 3, sample_max: int = 6,
                         relatives_per_home: int = 2, title: str = "") -> ProgrammeDTO:
        """A year's programme; default protocols are the newest of each kind, the theme the year's."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            p = core.create_programme(uow, year, theme_id=theme_id, protocols=protocols, sample_total=sample_total,
                                      sample_min=sample_min, sample_max=sample_max,
                                      relatives_per_home=relatives_per_home, title=title)
            uow.commit()
            return programme_dto(p, 0)

    def update_sampling_plan(self, programme_id: str, *, sample_total: int, sample_min: int, sample_max: int,
                             relatives_per_home: int) -> ProgrammeDTO:
        self.ctx.require(Action.VISIT_MANAGE)
        if sample_min < 0 or sample_max < max(sample_min, 1):
            raise ValidationError([DomainError("sample_bounds", field="sample_min", lower=sample_min,
                                               upper=sample_max)])
        if sample_total < 0 or relatives_per_home < 0:
            raise ValidationError([DomainError("sample_size", field="sample_total", size=sample_total)])
        with self.ctx.uow_factory() as uow:
            p = core.get_programme(uow, programme_id)
            p.sample_total, p.sample_min, p.sample_max = sample_total, sample_min, sample_max
            p.relatives_per_home = relatives_per_home
            uow.commit()
            return programme_dto(p, len(p.visits))

    def programmes(self) -> list[ProgrammeDTO]:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            return [programme_dto(p, len(p.visits)) for p in uow.supervision.programmes.list_all()]

    def programme_for_year(self, year: int) -> ProgrammeDTO | None:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            p = uow.supervision.programmes.by_year(year)
            return programme_dto(p, len(p.visits)) if p else None

    # -- visits ------------------------------------------------------------------------------------

    def plan_visit(self, programme_id: str, care_home_id: str, planned_on: dt.date, *, unannounced: bool = True,
                   consultant_ids: Iterable[str] = ()) -> VisitDTO:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            programme = core.get_programme(uow, programme_id)
            v = core.plan_visit(uow, programme, care_home_id, planned_on, unannounced=unannounced,
                                consultant_ids=consultant_ids)
            uow.commit()
            return self._visit_dto(uow, v.id)

    def update_visit(self, visit_id: str, *, planned_on: dt.date | None = None, unannounced: bool | None = None,
                     consultant_ids: Iterable[str] | None = None) -> VisitDTO:
        """Move a planned visit, change the unannounced flag or the consultants."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id)
            if planned_on is not None and planned_on != v.planned_on:
                vrules.require_status(v.status, (vrules.PLANNED,), "reschedule")
                if any(d.superseded_by_id is None for d in v.draws):
                    raise DomainError("reschedule_after_draw")
                v.planned_on = planned_on
            if unannounced is not None:
                v.unannounced = unannounced
            if consultant_ids is not None:
                core.set_consultants(uow, v, consultant_ids)
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
            uow.reason = reason
            v = core.get_visit(uow, visit_id)
            core.move(v, vrules.DRAFT)
            uow.commit()
            return self._visit_dto(uow, v.id)

    def consultation_inbox(self) -> list[VisitSummary]:
        """The leader's visits in consultation (their care homes only)."""
        self.ctx.require(Action.VISIT_REPLY)
        with self.ctx.uow_factory() as uow:
            names = uow.supervision.people.home_names()
            rows = uow.supervision.visits.query(status=vrules.CONSULTATION, home_ids=self.ctx.home_scope())
            users = uow.supervision.people.users([c.user_id for v in rows for c in v.consultants])
            return [visit_summary(v, names, users) for v in rows]

    def reply_to_consultation(self, visit_id: str, text: str) -> VisitDTO:
        """The leader's reply to the draft report."""
        text = nfc((text or "").strip())
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id, full=True)
            actor = self.ctx.require(Action.VISIT_REPLY, str(v.care_home_id))
            if not text:
                raise ValidationError([DomainError("required", field="reply_text")])
            if too_long := length_errors({"reply_text": text}):
                raise ValidationError(too_long)
            c = core.open_consultation(v)
            if c is None:
                raise DomainError("consultation_not_open")
            c.reply_text = text
            c.replied_at = self.ctx.now()
            c.replied_by = actor.full_name
            c.replied_by_user_id = _uuid_or_none(actor.id)
            uow.commit()
            return self._visit_dto(uow, v.id)

    def finalise(self, visit_id: str) -> VisitDTO:
        """Final report: after the leader's reply, or when the deadline has passed."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id, full=True)
            core.finalise(v, self.ctx.today(), self.ctx.now())
            uow.commit()
            return self._visit_dto(uow, v.id)

    def plan_follow_up(self, visit_id: str, planned_on: dt.date, *, unannounced: bool = True) -> VisitDTO:
        """Plan a follow-up visit on a final report; the report moves to "Opfølgning"."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id, full=True)
            core.move(v, vrules.FOLLOW_UP)
            programme = uow.supervision.programmes.by_year(planned_on.year) or v.programme
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
        visits = {}
        for v in uow.supervision.visits.query(programme_id=programme.id):
            if v.follow_up_of_id is None:
                visits.setdefault(v.care_home_id, v)
        default_day = clamp_to_year(today, programme.year)
        sizes, days = {}, {}
        for home in uow.care_homes.list_all():
            v = visits.get(home.id)
            day = v.planned_on if v else default_day
            rows = uow.supervision.people.residents_of_home(home.id)
            sizes[str(home.id)] = sum(1 for _, mi, mo in rows if sampling.lives_in_home_on(mi, mo, day))
            days[str(home.id)] = (day, v)
        alloc = sampling.allocate(sizes, programme.sample_total, programme.sample_min, programme.sample_max)
        return sorted(
            (AllocationRow(h, names.get(_u(h), ""), str(days[h][1].id) if days[h][1] else None, days[h][0],
                           sizes[h], alloc[h]) for h in sizes),
            key=lambda r: r.care_home_name)

    def draw_sample(self, visit_id: str, seed: int | str, *, kind: str = "resident", size: int | None = None,
                    exclusions: Mapping[str, str | tuple[str, str]] | None = None) -> DrawDTO:
        """Draw the visit's sample (``kind`` resident or relative) from the recorded frame."""
        self._require_kind(kind)
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id)
            d = core.make_draw(uow, v, kind, seed, size=size, exclusions=exclusions,
                               drawn_by=self.ctx.audit_actor()[1], now=self.ctx.now())
            uow.commit()
            return self._draw_dto(uow, d.id)

    def draw_programme(self, year: int, seed: int | str, *, total: int | None = None, min_per_home: int | None = None,
                       max_per_home: int | None = None, visit_date: dt.date | None = None,
                       kinds: tuple[str, ...] = ("resident", "relative")) -> list[DrawDTO]:
        """The command line's ``tilsyn sample``: make (or use) the year's programme, plan a visit for
        every home that has none, allocate the total and draw every home's samples. Draws that exist
        already are kept and returned as they are."""
        for kind in kinds:
            self._require_kind(kind)
        today = self.ctx.today()
        day = visit_date or clamp_to_year(today, year)
        with self.ctx.uow_factory() as uow:
            programme = uow.supervision.programmes.by_year(year)
            if programme is None:
                programme = core.create_programme(
                    uow, year, sample_total=120 if total is None else total,
                    sample_min=3 if min_per_home is None else min_per_home,
                    sample_max=6 if max_per_home is None else max_per_home, seed=str(seed))
            else:
                if total is not None:
                    programme.sample_total = total
                if min_per_home is not None:
                    programme.sample_min = min_per_home
                if max_per_home is not None:
                    programme.sample_max = max_per_home
                if programme.sample_max < max(programme.sample_min, 1):
                    raise DomainError("sample_bounds", lower=programme.sample_min, upper=programme.sample_max)
                if not programme.seed:
                    programme.seed = str(seed)
            have = {v.care_home_id for v in uow.supervision.visits.query(programme_id=programme.id)}
            for home in uow.care_homes.list_all():
                if home.id not in have:
                    core.plan_visit(uow, programme, home.id, day)
            uow.flush()
            alloc = {r.visit_id: r.allocated for r in self._allocation(uow, programme, today) if r.visit_id}
            ids = []
            for v in uow.supervision.visits.query(programme_id=programme.id):
                if v.follow_up_of_id is not None:
                    continue
                for kind in kinds:
                    d = uow.supervision.draws.current(v.id, kind)
                    if d is None and v.status in vrules.SAMPLING_STATUSES:
                        if kind == "resident":
                            v.sample_size = alloc.get(str(v.id), programme.sample_min)
                        d = core.make_draw(uow, v, kind, seed, drawn_by=self.ctx.audit_actor()[1],
                                           now=self.ctx.now())
                    if d is not None:
                        ids.append(d.id)
            uow.commit()
            out = [self._draw_dto(uow, i) for i in ids]
            return sorted(out, key=lambda d: (d.care_home_name, d.kind != "resident"))

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
            m = core.get_member(uow, member_id)
            core.refuse(uow, m, reason, note, replace=replace)
            uow.commit()
            return self._draw_dto(uow, m.draw_id)

    def redraw(self, draw_id: str, seed: int | str, reason: str, *, size: int | None = None,
               exclusions: Mapping[str, str | tuple[str, str]] | None = None) -> DrawDTO:
        """Draw the whole sample again (a reason is required); the old draw is kept, superseded."""
        with self.ctx.uow_factory() as uow:
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
            v = core.get_visit(uow, visit_id)
            member = core.get_member(uow, member_id) if member_id else None
            i = core.start_interview(uow, v, member=member, kind=kind, now=self.ctx.now())
            uow.commit()
            return interview_dto(self._interview(uow, i.id))

    def record_consent(self, interview_id: str, given: bool, note: str = "") -> InterviewDTO:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            i = self._interview(uow, interview_id)
            core.record_consent(i, given, note, self.ctx.now())
            uow.commit()
            return interview_dto(i)

    def save_answer(self, interview_id: str, question_id: str, option_code: str | None, free_text: str = "",
                    *, item_id: str = "") -> InterviewDTO:
        """Save one answer (option and/or free text) and commit at once: the autosave."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            i = self._interview(uow, interview_id)
            core.save_answer(uow, i, question_id, option_code, free_text, item_id, self.ctx.now())
            uow.commit()
            return interview_dto(i)

    def finish_interview(self, interview_id: str) -> InterviewDTO:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
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
            v = core.get_visit(uow, visit_id, full=True)
            vrules.require_status(v.status, vrules.WRITING_STATUSES, "findings")
            core.set_goal_finding(v, goal_id, summary, rating)
            uow.commit()
            return findings_dto(v)

    def set_result(self, visit_id: str, rating: str, summary: str = "") -> VisitFindings:
        """The visit's overall rating (drives when the next visit is due) and summary."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
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
            v = core.get_visit(uow, visit_id, full=True)
            vrules.require_status(v.status, vrules.WRITING_STATUSES, "findings")
            core.set_statements(v, kind, list(texts))
            uow.commit()
            return findings_dto(v)

    def add_action_item(self, visit_id: str, action: str, responsible: str = "",
                        due_on: dt.date | None = None) -> ActionItemDTO:
        """A line of the staff's own action plan."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id, full=True)
            vrules.require_status(v.status, vrules.ACTION_PLAN_STATUSES, "action_plan")
            item = core.add_action_item(v, action, responsible, due_on)
            uow.commit()
            return next(a for a in findings_dto(v).action_items if a.id == str(item.id))

    def update_action_item(self, visit_id: str, item_id: str, *, action: str, responsible: str,
                           due_on: dt.date | None, status: str) -> ActionItemDTO:
        """Change an action item, or follow it up (status open / in_progress / done)."""
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id, full=True)
            vrules.require_status(v.status, vrules.ACTION_PLAN_STATUSES, "action_plan")
            item = next((a for a in v.action_items if str(a.id) == str(item_id)), None)
            if item is None:
                raise NotFound(what="Handlingen")
            core.apply_action_item(item, action, responsible, due_on, status, self.ctx.today())
            uow.commit()
            return next(a for a in findings_dto(v).action_items if a.id == str(item.id))

    def remove_action_item(self, visit_id: str, item_id: str) -> VisitFindings:
        self.ctx.require(Action.VISIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id, full=True)
            vrules.require_status(v.status, vrules.WRITING_STATUSES, "action_plan")
            v.action_items[:] = [a for a in v.action_items if str(a.id) != str(item_id)]
            for i, a in enumerate(v.action_items):
                a.position = i
            uow.commit()
            return findings_dto(v)

    # -- reports -----------------------------------------------------------------------------------

    def visit_report_data(self, visit_id: str):
        """VisitReportData for the PDF: pseudonymous (respondent codes only). The consultant always;
        the home's leader once the report is in consultation."""
        with self.ctx.uow_factory() as uow:
            v = core.get_visit(uow, visit_id, full=True)
            self._require_report(v)
            return reporting.visit_report_data(uow, v, self.ctx.today())

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
        return visit_dto(v, names, users, follow)

    def _draw_dto(self, uow, draw_id) -> DrawDTO:
        d = uow.supervision.draws.get_full(core.ident(draw_id, "Stikprøven"))
        if d is None:
            raise NotFound(what="Stikprøven")
        ids = [m.resident_id for m in d.members if m.resident_id is not None]
        people = uow.supervision.people.resident_rows(ids)
        interviews = {i.member_id: i.id for i in d.visit.interviews if i.member_id is not None}
        names = uow.supervision.people.home_names()
        return draw_dto(d, people, interviews, names.get(d.visit.care_home_id, ""))


def clamp_to_year(day: dt.date, year: int) -> dt.date:
    """``day`` if it lies in ``year``, else the nearest day of that year."""
    return min(max(day, dt.date(year, 1, 1)), dt.date(year, 12, 31))


def _u(text) -> uuid.UUID:
    return uuid.UUID(str(text))


def _uuid_or_none(value) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


__all__ = ["SupervisionService", "KIND_LABELS", "clamp_to_year"]
