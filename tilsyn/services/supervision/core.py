"""Supervision use cases on an open unit of work, without permission checks.

``SupervisionService`` checks permissions and calls these; the demo step calls them directly
inside its own unit of work, so demo data goes through the same rules.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from fractions import Fraction
from typing import Iterable, Mapping

from ...domain.errors import DomainError, NotFound, ValidationError
from ...domain.limits import check_length, length_errors, list_length_errors, nfc
from ...domain.supervision import consultation as crules, planning, sampling, visits as vrules
from ...domain.supervision.protocols import (
    KINDS,
    SAMPLED_KINDS,
    Library,
    Protocol,
    build_library,
    default_theme,
    parse_key,
    shipped_library,
)
from ...domain.supervision.scales import load_scale
from ...domain.supervision.scoring import AnswerFact, ScoreSheet, Tally, mean, score_sheet, success_criterion
from ...store.models_supervision import (
    ActionItem,
    ActionItemComment,
    Consultation,
    ConsultationReply,
    GoalFinding,
    Interview,
    InterviewAnswer,
    SampleDraw,
    SampleMember,
    SupervisionProgramme,
    Visit,
    VisitConsultant,
    VisitStatement,
)

RATING_SCALE = "rating-2011"
MEMBER_STATUSES = ("drawn", "refused", "replaced", "interviewed")
HOME_SCORE_KINDS = ("resident", "relative")
YEAR_RANGE = (2000, 2100)


def rating_label(code: str) -> str:
    if not code:
        return ""
    return load_scale(RATING_SCALE).label(code)


def check_rating(code: str) -> str:
    code = (code or "").strip()
    if code:
        try:
            load_scale(RATING_SCALE).option(code)
        except DomainError:
            raise DomainError("unknown_rating", field="rating", rating=code) from None
    return code


# -- programmes -------------------------------------------------------------------------------------


# -- the library of protocols and scales: shipped plus installed in this database -------------------

_LIBRARY_KEY = "supervision_library"


def library(holder) -> Library:
    """The protocols and scales of the database behind ``holder`` (a unit of work or an ORM row):
    the shipped ones plus those installed with ``tilsyn protocols add``. Cached per session."""
    from sqlalchemy.orm import Session, object_session

    session = holder.session if hasattr(holder, "supervision") else (
        holder if isinstance(holder, Session) else object_session(holder))
    shipped = shipped_library()
    if session is None:
        return shipped
    cached = session.info.get(_LIBRARY_KEY)
    stamp = (id(shipped.scales.get(next(iter(shipped.scales), None))), len(shipped.protocols),
             len(shipped.scales))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    from ...store.repositories_supervision import InstalledDefinitionRepository

    rows = InstalledDefinitionRepository(session).all()
    lib = build_library([(r.kind, r.text) for r in rows]) if rows else shipped
    session.info[_LIBRARY_KEY] = (stamp, lib)
    return lib


def forget_library(uow) -> None:
    uow.session.info.pop(_LIBRARY_KEY, None)


def programme_protocols(programme: SupervisionProgramme) -> dict[str, Protocol]:
    """kind -> the protocol version the programme uses."""
    lib = library(programme)
    out: dict[str, Protocol] = {}
    for key in json.loads(programme.protocols or "[]"):
        pid, version = parse_key(key)
        p = lib.protocol(pid, version)
        out[p.kind] = p
    return out


def theme_title(programme: SupervisionProgramme) -> str:
    if not programme.theme_id:
        return ""
    for p in programme_protocols(programme).values():
        for t in p.themes:
            if t.id == programme.theme_id:
                return t.title
    return programme.theme_id


def create_programme(uow, year: int, *, theme_id: str | None = None, protocols: Iterable[str] | None = None,
                     sample_total: int | None = None, sample_min: int | None = None, sample_max: int | None = None,
                     relatives_per_home: int | None = None, title: str = "", seed: str = "",
                     plan: sampling.SamplingPlan | None = None) -> SupervisionProgramme:
    """A year's programme. Default protocols: the newest of each kind; default theme: the year's;
    the sampling plan's numbers not given come from ``plan`` or the plan's defaults."""
    errors: list[DomainError] = []
    if not (YEAR_RANGE[0] <= year <= YEAR_RANGE[1]):
        errors.append(DomainError("programme_year", field="year", year=year))
    plan = sampling.SamplingPlan.of(sample_total, sample_min, sample_max, relatives_per_home, base=plan)
    errors.extend(plan.errors())
    title = nfc((title or "").strip())
    errors.extend(length_errors({"title": title}))
    if errors:
        raise ValidationError(errors)
    if uow.supervision.programmes.by_year(year) is not None:
        raise DomainError("programme_exists", field="year", year=year)
    lib = library(uow)
    # The programme chooses from the installed protocols; without a choice each kind's default.
    chosen = lib.defaults() if protocols is None else lib.choose(protocols)
    themed = [p for p in chosen.values() if p.themes]
    if theme_id is None:
        t = default_theme(themed[0].themes, year) if themed else None
        theme_id = t.id if t else ""
    elif theme_id:
        for p in themed:
            p.theme(theme_id)  # raises unknown_theme
    programme = SupervisionProgramme(
        id=uuid.uuid4(), year=year, title=title or f"Tilsyn {year}",
        protocols=json.dumps(sorted(p.key for p in chosen.values())), theme_id=theme_id,
        sample_total=plan.total, sample_min=plan.min_per_home, sample_max=plan.max_per_home,
        relatives_per_home=plan.relatives_per_home, seed=str(seed),
    )
    uow.supervision.add(programme)
    uow.flush()
    return programme


def plan_of(programme: SupervisionProgramme) -> sampling.SamplingPlan:
    return sampling.SamplingPlan(programme.sample_total, programme.sample_min, programme.sample_max,
                                 programme.relatives_per_home)


def programme_draws(uow, programme: SupervisionProgramme, *, current_only: bool = True) -> list[SampleDraw]:
    visits = uow.supervision.visits.query(programme_id=programme.id)
    return list(uow.supervision.draws.for_visits([v.id for v in visits], current_only=current_only))


def check_plan_open(uow, programme: SupervisionProgramme, plan: sampling.SamplingPlan | None = None,
                    seed: str | None = None) -> None:
    """Once a programme has draws its plan and seed are fixed: DomainError ``programme_fixed``
    (naming the stored seed and plan) when ``plan`` or ``seed`` differ from what is stored."""
    stored = plan_of(programme)
    changes_plan = plan is not None and plan != stored
    changes_seed = seed is not None and bool(programme.seed) and str(seed).strip() != programme.seed
    if (changes_plan or changes_seed) and programme_draws(uow, programme):
        raise DomainError("programme_fixed", field="sample_total" if changes_plan else "seed", year=programme.year,
                          seed=programme.seed, total=stored.total, lower=stored.min_per_home,
                          upper=stored.max_per_home, relatives=stored.relatives_per_home)


def home_sizes(uow, programme: SupervisionProgramme, default_day: dt.date) -> tuple[dict[str, int], dict]:
    """home id -> residents living there on the visit's date (``default_day`` for a home without a
    visit in the programme), and home id -> (that date, the visit or None). Follow-up and
    cancelled visits are not the programme's visit of a home."""
    visits = {}
    for v in uow.supervision.visits.query(programme_id=programme.id):
        if v.follow_up_of_id is None and v.status != vrules.CANCELLED:
            visits.setdefault(v.care_home_id, v)
    sizes, days = {}, {}
    for home in uow.care_homes.list_all():
        v = visits.get(home.id)
        day = v.planned_on if v else default_day
        rows = uow.supervision.people.residents_of_home(home.id)
        sizes[str(home.id)] = sum(1 for _, mi, mo in rows if sampling.lives_in_home_on(mi, mo, day))
        days[str(home.id)] = (day, v)
    return sizes, days


def allocated_for(uow, visit: Visit, today: dt.date) -> int | None:
    """The visit's home's share of the programme's total (None for a home outside the allocation)."""
    programme = visit.programme
    sizes, _ = home_sizes(uow, programme, clamp_to_year(today, programme.year))
    return plan_of(programme).allocate(sizes).get(str(visit.care_home_id))


def clamp_to_year(day: dt.date, year: int) -> dt.date:
    """``day`` if it lies in ``year``, else the nearest day of that year."""
    return min(max(day, dt.date(year, 1, 1)), dt.date(year, 12, 31))


def danish_holidays(*years: int) -> dict[dt.date, str]:
    """Danish public holidays of ``years`` (date -> Danish name)."""
    return planning.danish_public_holidays(*sorted(set(years)))


def check_planned_on(programme: SupervisionProgramme, day: dt.date | None, *, follow_up: bool = False) -> dt.date:
    """A visit's date in ``programme``: required, a working day in the programme's year."""
    if day is None:
        raise ValidationError([DomainError("required", field="planned_on")])
    years = range(programme.year, programme.year + 1 + (planning.FOLLOW_UP_YEARS if follow_up else 0))
    return planning.check_visit_date(day, programme.year, danish_holidays(day.year, *years), follow_up=follow_up)


def propose_dates(programme: SupervisionProgramme, count: int, today: dt.date) -> list[dt.date]:
    """``count`` working days in the programme's year, one per visit (see planning.propose_visit_dates)."""
    return planning.propose_visit_dates(programme.year, count, danish_holidays(programme.year), today)


def reschedule(visit: Visit, planned_on: dt.date) -> None:
    """Move a planned visit; until the draw the frame follows the date, after it the frame keeps
    the date it was drawn on (a redraw uses the new one)."""
    vrules.require_status(visit.status, (vrules.PLANNED,), "reschedule")
    visit.planned_on = check_planned_on(visit.programme, planned_on, follow_up=visit.follow_up_of_id is not None)


def cancel(visit: Visit, reason: str, now: dt.datetime) -> str:
    """Cancel a planned visit with a reason; its draws stay as they are."""
    reason = check_length(vrules.check_cancel_reason(reason), field="reason")
    move(visit, vrules.CANCELLED)
    visit.cancelled_at = now
    visit.cancel_reason = nfc(reason)
    return reason


def ident(value, what: str) -> uuid.UUID:
    """The id as a UUID; a malformed id is reported like a missing record."""
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise NotFound(what=what) from None


def get_programme(uow, programme_id) -> SupervisionProgramme:
    p = uow.supervision.programmes.get(ident(programme_id, "Tilsynsprogrammet"))
    if p is None:
        raise NotFound(what="Tilsynsprogrammet")
    return p


# -- visits -------------------------------------------------------------------------------------


def get_visit(uow, visit_id, full: bool = False) -> Visit:
    visit_id = ident(visit_id, "Tilsynsbesøget")
    v = uow.supervision.visits.get_full(visit_id) if full else uow.supervision.visits.get(visit_id)
    if v is None:
        raise NotFound(what="Tilsynsbesøget")
    return v


def set_consultants(uow, visit: Visit, user_ids: Iterable[str]) -> None:
    ids = [ident(u, "Brugeren") for u in dict.fromkeys(str(u) for u in user_ids)]
    users = uow.supervision.people.users(ids)
    for uid in ids:
        user = users.get(uid)
        if user is None:
            raise NotFound(what="Brugeren")
        if user.role != "consultant":
            raise DomainError("not_consultant", field="consultants", name=user.full_name)
    visit.consultants[:] = [c for c in visit.consultants if c.user_id in ids]
    have = {c.user_id for c in visit.consultants}
    for uid in ids:
        if uid not in have:
            visit.consultants.append(VisitConsultant(user_id=uid))


def plan_visit(uow, programme: SupervisionProgramme, care_home_id, planned_on: dt.date, *,
               unannounced: bool = True, consultant_ids: Iterable[str] = (),
               follow_up_of: Visit | None = None) -> Visit:
    if uow.care_homes.get(ident(care_home_id, "Plejecentret")) is None:
        raise NotFound(what="Plejecentret")
    if planned_on is None:
        raise ValidationError([DomainError("required", field="planned_on")])
    visit = Visit(id=uuid.uuid4(), programme=programme, care_home_id=uuid.UUID(str(care_home_id)),
                  planned_on=planned_on, unannounced=unannounced, status=vrules.PLANNED,
                  follow_up_of_id=follow_up_of.id if follow_up_of else None,
                  relatives_size=programme.relatives_per_home)
    uow.supervision.add(visit)
    set_consultants(uow, visit, consultant_ids)
    uow.flush()
    return visit


def move(visit: Visit, target: str) -> None:
    vrules.check_transition(visit.status, target)
    visit.status = target


# -- sampling -------------------------------------------------------------------------------------


def candidates(uow, visit: Visit, kind: str) -> list[sampling.Candidate]:
    """Everyone registered in the visit's home, with the facts the frame rules need.

    For the relatives' sample only the fact that force was registered is read (never episodes)."""
    rows = uow.supervision.people.residents_of_home(visit.care_home_id)
    forced: set = set()
    with_relatives: set = set()
    if kind == "relative":
        start, end = sampling.relative_window(visit.planned_on)
        forced = uow.episodes.resident_ids_with_episodes([visit.care_home_id], start, end)
        with_relatives = uow.supervision.people.residents_with_relatives([r[0] for r in rows if r[0] in forced])
    return [sampling.Candidate(str(rid), mi, mo, rid in forced, rid in with_relatives) for rid, mi, mo in rows]


def build_frame(uow, visit: Visit, kind: str, exclusions: Mapping | None = None) -> sampling.Frame:
    return sampling.build_frame(kind, visit.planned_on, candidates(uow, visit, kind), exclusions)


def _frame_json(frame: sampling.Frame) -> tuple[str, str, str]:
    rules = frame.rules(*(sampling.relative_window(frame.visit_date) if frame.kind == "relative" else (None, None)))
    return (
        json.dumps(rules, sort_keys=True, ensure_ascii=False),
        json.dumps(list(frame.eligible)),
        json.dumps([[e.resident_id, e.reason, e.note] for e in frame.exclusions], ensure_ascii=False),
    )


def default_size(uow, visit: Visit, kind: str, today: dt.date, allocated: int | None = None) -> int:
    """The size proposed for the visit's draw of ``kind`` (sampling.proposed_size)."""
    stored = visit.relatives_size if kind == "relative" else visit.sample_size
    if kind == "resident" and not stored and allocated is None:
        allocated = allocated_for(uow, visit, today)
    return sampling.proposed_size(kind, stored, allocated, plan_of(visit.programme))


def make_draw(uow, visit: Visit, kind: str, seed, *, size: int | None = None,
              exclusions: Mapping | None = None, drawn_by: str = "", now: dt.datetime,
              replacing: SampleDraw | None = None) -> SampleDraw:
    """Draw the visit's sample of ``kind`` and store seed, frame rules, frame and members.

    The programme's seed is the seed of every first draw (a programme without one takes this
    draw's); only a redraw (``replacing``) may use another."""
    if kind not in sampling.SAMPLE_KINDS:
        raise DomainError("unknown_sample_kind", kind=kind)
    vrules.require_status(visit.status, vrules.SAMPLING_STATUSES, "sampling")
    seed = _seed_text(seed)
    current = uow.supervision.draws.current(visit.id, kind)
    if current is not None and current is not replacing:
        raise DomainError("sample_exists", kind=kind)
    programme = visit.programme
    if replacing is None and programme.seed and seed != programme.seed:
        stored = plan_of(programme)
        raise DomainError("programme_seed", field="seed", year=programme.year, seed=programme.seed, given=seed,
                          total=stored.total, lower=stored.min_per_home, upper=stored.max_per_home,
                          relatives=stored.relatives_per_home)
    k = default_size(uow, visit, kind, now.date()) if size is None else size
    sampling.check_sample_size(k)
    if not programme.seed:
        programme.seed = seed
    frame = build_frame(uow, visit, kind, exclusions)
    rules, snapshot, excl = _frame_json(frame)
    draw = SampleDraw(id=uuid.uuid4(), visit=visit, kind=kind, seed=seed, size=k, frame_rules=rules,
                      frame_snapshot=snapshot, exclusions=excl, drawn_at=now, drawn_by=drawn_by)
    for rank, rid in enumerate(sampling.draw(seed, visit.programme_id, frame.eligible, k, kind), start=1):
        draw.members.append(SampleMember(id=uuid.uuid4(), rank=rank, resident_id=uuid.UUID(rid), status="drawn"))
    if kind == "resident":
        visit.sample_size = k
    else:
        visit.relatives_size = k
    uow.supervision.add(draw)
    uow.flush()
    return draw


def _seed_text(seed) -> str:
    text = str(seed).strip()
    if not text or len(text) > 40:
        raise DomainError("seed_format", field="seed", value=text[:40])
    return text


def stored_order(draw: SampleDraw, programme_id) -> list[str]:
    return sampling.ranking(draw.seed, programme_id, json.loads(draw.frame_snapshot), draw.kind)


def get_member(uow, member_id) -> SampleMember:
    m = uow.supervision.members.get(ident(member_id, "Den udtrukne"))
    if m is None:
        raise NotFound(what="Den udtrukne")
    return m


def refuse(uow, member: SampleMember, reason: str, note: str = "", *, replace: bool = True,
           now: dt.datetime | None = None) -> SampleMember | None:
    """Log a refusal (or other reason the member is not interviewed) and, if ``replace``, add the
    next resident in rank. Returns the replacement (None when not replaced or the frame is used up)."""
    if reason not in sampling.REFUSAL_REASONS:
        raise DomainError("unknown_refusal_reason", field="reason", reason=reason)
    if reason == "other" and not (note or "").strip():
        raise DomainError("refusal_note_required", field="reason")
    note = check_length((note or "").strip(), field="note")
    draw = member.draw
    vrules.require_status(draw.visit.status, vrules.SAMPLING_STATUSES, "sampling")
    interview = uow.supervision.interviews.for_member(member.id)
    state = (sampling.NO_INTERVIEW if interview is None
             else sampling.interview_state(interview.consent, interview.finished_at is not None))
    try:
        sampling.check_refusable(member.status, superseded=draw.superseded_by_id is not None, interview=state,
                                 respondent_code=member.respondent_code)
    except DomainError as err:
        if err.code == "member_not_drawn":
            raise DomainError("member_not_drawn", status=member_status_label(member.status)) from None
        raise
    if state == sampling.INTERVIEW_OPEN:
        # Stopped half-way: what was answered is kept (and counts); nothing more can be added.
        interview.finished_at = now or dt.datetime.now(dt.timezone.utc)
    member.reason_code = reason
    member.reason_note = note
    member.status = "refused"
    if not replace:
        return None
    order = stored_order(draw, draw.visit.programme_id)
    nxt = sampling.next_replacement(order, (m.rank for m in draw.members),
                                    (str(m.resident_id) for m in draw.members if m.resident_id is not None))
    if nxt is None:
        return None
    member.status = "replaced"
    new = SampleMember(id=uuid.uuid4(), rank=nxt[0], resident_id=uuid.UUID(nxt[1]), status="drawn",
                       replaces_id=member.id)
    draw.members.append(new)
    uow.flush()
    return new


def redraw(uow, draw: SampleDraw, seed, reason: str, *, size: int | None = None,
           exclusions: Mapping | None = None, drawn_by: str = "", now: dt.datetime) -> SampleDraw:
    """A new draw for the same visit and kind; the old one stays, marked superseded with the reason."""
    reason = (reason or "").strip()
    if len(reason) < sampling.REDRAW_MIN_REASON:
        raise DomainError("redraw_reason_required", field="reason", min=sampling.REDRAW_MIN_REASON)
    reason = check_length(reason, field="reason")
    if draw.superseded_by_id is not None:
        raise DomainError("draw_superseded")
    if size is not None:
        sampling.check_sample_size(size)
    started = [m for m in draw.members if uow.supervision.interviews.for_member(m.id) is not None]
    if started:
        raise DomainError("sample_in_use", count=len(started))
    visit = draw.visit
    old_excl = {e[0]: (e[1], e[2]) for e in json.loads(draw.exclusions) if e[1] != "no_relative"}
    # A redraw has its own size; left out, the old draw's (an old draw of 0, from before sizes were
    # checked, gives the proposed size instead).
    new = make_draw(uow, visit, draw.kind, seed, size=size if size is not None else (draw.size or None),
                    exclusions=old_excl if exclusions is None else exclusions, drawn_by=drawn_by, now=now,
                    replacing=draw)
    draw.superseded_at = now
    draw.redraw_reason = reason
    draw.superseded_by_id = new.id
    uow.flush()
    return new


def verify(uow, draw: SampleDraw) -> tuple[sampling.VerifyOutcome, bool]:
    """Recompute ``draw`` from its stored frame; also tell whether today's data gives the same frame."""
    members = [(m.rank, str(m.resident_id) if m.resident_id else None) for m in draw.members]
    outcome = sampling.verify(draw.seed, draw.visit.programme_id, json.loads(draw.frame_snapshot), draw.kind,
                              draw.size, members)
    stored_excl = {e[0]: (e[1], e[2]) for e in json.loads(draw.exclusions) if e[1] != "no_relative"}
    try:
        now_frame = build_frame(uow, draw.visit, draw.kind, stored_excl)
        same = list(now_frame.eligible) == json.loads(draw.frame_snapshot)
    except DomainError:
        same = False
    return outcome, same


def member_status_label(status: str) -> str:
    return {"drawn": "Udtrukket", "refused": "Afslået", "replaced": "Erstattet",
            "interviewed": "Interviewet"}.get(status, status)


# -- interviews -------------------------------------------------------------------------------------


def protocol_of(interview: Interview) -> Protocol:
    return library(interview).protocol(interview.protocol_id, interview.protocol_version)


def start_interview(uow, visit: Visit, *, member: SampleMember | None = None, kind: str | None = None,
                    now: dt.datetime) -> Interview:
    """Open an interview on the programme's protocol for the kind; the respondent gets the next code."""
    vrules.require_status(visit.status, vrules.INTERVIEW_STATUSES, "interview")
    if member is not None:
        draw = member.draw
        if draw.visit_id != visit.id:
            raise NotFound(what="Den udtrukne")
        if draw.superseded_by_id is not None:
            raise DomainError("draw_superseded")
        if member.status != "drawn":
            raise DomainError("member_not_available", status=member_status_label(member.status))
        existing = uow.supervision.interviews.for_member(member.id)
        if existing is not None:
            raise DomainError("member_has_interview", respondent=existing.respondent_code)
        kind = draw.kind
    elif kind is None or kind in SAMPLED_KINDS:
        raise DomainError("interview_needs_member", field="member")
    protocols = programme_protocols(visit.programme)
    protocol = protocols.get(kind)
    if protocol is None:
        raise DomainError("no_protocol_for_kind", kind=kind, year=visit.programme.year)
    taken = {i.respondent_code for i in visit.interviews}
    code = vrules.respondent_code(protocol.respondent_prefix, taken)
    theme = visit.programme.theme_id if protocol.themes else ""
    interview = Interview(id=uuid.uuid4(), visit=visit, member_id=member.id if member else None, kind=kind,
                          protocol_id=protocol.id, protocol_version=protocol.version, theme_id=theme,
                          respondent_code=code, started_at=now)
    if member is not None:
        member.respondent_code = code
    uow.supervision.add(interview)
    return interview


def record_consent(interview: Interview, given: bool, note: str, now: dt.datetime) -> None:
    vrules.require_status(interview.visit.status, vrules.INTERVIEW_STATUSES, "interview")
    if interview.finished_at is not None:
        raise DomainError("interview_finished")
    interview.consent = bool(given)
    interview.consent_at = now
    interview.consent_note = check_length((note or "").strip(), field="consent_note")


def save_answer(uow, interview: Interview, question_id: str, option_code: str | None, free_text: str,
                item_id: str, now: dt.datetime) -> InterviewAnswer:
    """Store one answer slot (insert or update), with the option's score as it is now."""
    vrules.require_status(interview.visit.status, vrules.INTERVIEW_STATUSES, "interview")
    if interview.finished_at is not None:
        raise DomainError("interview_finished")
    if interview.consent is not True:
        raise DomainError("consent_missing" if interview.consent is None else "consent_refused")
    protocol = protocol_of(interview)
    question = protocol.question(question_id, interview.theme_id or None)
    item_id = item_id or ""
    if item_id not in question.item_ids:
        raise DomainError("unknown_item", field="item", item=item_id)
    free_text = check_length((free_text or "").strip(), field="free_text")
    option_code = (option_code or "").strip()
    score = satisfied = None
    if option_code:
        if question.scale is None:
            raise DomainError("free_text_only", field="option")
        option = question.scale.option(option_code)
        score, satisfied = option.score, (option.satisfied if option.score is not None else None)
    answer = next((a for a in interview.answers if a.question_id == question_id and a.item_id == item_id), None)
    if answer is None:
        answer = InterviewAnswer(id=uuid.uuid4(), question_id=question_id, item_id=item_id)
        interview.answers.append(answer)
    answer.option_code = option_code
    answer.score = score
    answer.satisfied = satisfied
    answer.free_text = free_text
    if not free_text and answer.in_report:
        answer.in_report = False  # nothing left to quote
    answer.answered_at = now
    return answer


def finish_interview(uow, interview: Interview, now: dt.datetime) -> None:
    vrules.require_status(interview.visit.status, vrules.INTERVIEW_STATUSES, "interview")
    if interview.finished_at is not None:
        raise DomainError("interview_finished")
    if interview.consent is None:
        raise DomainError("consent_missing")
    interview.finished_at = now
    if interview.member_id is not None:
        member = uow.supervision.members.get(interview.member_id)
        if member is not None and interview.consent:
            member.status = "interviewed"


# -- findings -------------------------------------------------------------------------------------


def answer_facts(interview: Interview) -> list[AnswerFact]:
    return [AnswerFact(a.question_id, a.item_id, a.option_code, a.score, a.satisfied, interview.respondent_code)
            for a in interview.answers]


def counted(visit: Visit) -> list[Interview]:
    """Interviews whose answers count: consent given (an interrupted interview still counts)."""
    return [i for i in visit.interviews if i.consent]


def group_sheets(visit: Visit) -> list[tuple[str, Protocol, list[Interview], ScoreSheet]]:
    """One score sheet per respondent kind, in protocol-kind order."""
    by_kind: dict[str, list[Interview]] = {}
    for i in counted(visit):
        by_kind.setdefault(i.kind, []).append(i)
    out = []
    for kind in KINDS:
        items = by_kind.get(kind)
        if not items:
            continue
        newest = max(items, key=lambda i: i.protocol_version)
        protocol = protocol_of(newest)
        goals = protocol.goals_for(newest.theme_id or None)
        facts = [f for i in items for f in answer_facts(i)]
        out.append((kind, protocol, items, score_sheet(goals, facts)))
    return out


def home_score(sheets) -> tuple[Fraction | None, Fraction | None]:
    """Mean of every question score of the resident and relative interviews; pooled share satisfied."""
    scores, tally = [], Tally()
    for kind, _, _, sheet in sheets:
        if kind not in HOME_SCORE_KINDS:
            continue
        for g in sheet.goals:
            scores += [q.score for q in g.questions if q.score is not None]
            tally = tally + g.tally
    return mean(scores), tally.share_satisfied


def staff_success(visits_interviews: list[Interview]):
    """The 75 % criterion over the given staff-evaluation interviews (None when there are none)."""
    items = [i for i in visits_interviews if i.kind == "staff_evaluation" and i.consent]
    if not items:
        return None, None
    protocol = protocol_of(max(items, key=lambda i: i.protocol_version))
    qids = [q.id for _, q in protocol.questions_for(None) if q.scored]
    by_resp = {f"{i.visit_id}/{i.respondent_code}": answer_facts(i) for i in items}
    result = success_criterion(qids, protocol.success_option, protocol.success_share or 75, by_resp)
    return protocol, result


def set_goal_finding(visit: Visit, goal_id: str, summary: str, rating: str) -> GoalFinding:
    summary = check_length((summary or "").strip(), field="summary")
    finding = next((f for f in visit.findings if f.goal_id == goal_id), None)
    if finding is None:
        finding = GoalFinding(id=uuid.uuid4(), goal_id=goal_id)
        visit.findings.append(finding)
    finding.summary = summary
    finding.rating = check_rating(rating)
    return finding


STATEMENT_FIELDS = {"conclusion": "conclusions", "development_area": "development_areas"}


def set_statements(visit: Visit, kind: str, texts: Iterable[str]) -> None:
    """Replace the visit's statements of ``kind`` (blank ones dropped); each within its maximum."""
    clean = [nfc(t.strip()) for t in texts if t and t.strip()]
    errors = list_length_errors(clean, STATEMENT_FIELDS.get(kind, "conclusions"))
    if errors:
        raise ValidationError(errors)
    keep = [s for s in visit.statements if s.kind != kind]
    new = [VisitStatement(id=uuid.uuid4(), kind=kind, position=i, text=t) for i, t in enumerate(clean)]
    visit.statements[:] = keep + new


def add_action_item(visit: Visit, action: str, responsible: str, due_on: dt.date | None,
                    status: str = "open", *, side: str = crules.CONSULTANT, written_by: str = "") -> ActionItem:
    """A line of the staff's own action plan, written by the home's leader or the consultant."""
    crules.check_action_plan(visit.status, side)
    item = ActionItem(id=uuid.uuid4(), position=len(visit.action_items), written_by_side=side,
                      written_by=(written_by or "")[:260] or None)
    apply_action_item(item, action, responsible, due_on, status, None)
    visit.action_items.append(item)
    return item


def apply_action_item(item: ActionItem, action: str, responsible: str, due_on: dt.date | None, status: str,
                      today: dt.date | None) -> None:
    action = nfc((action or "").strip())
    responsible = nfc((responsible or "").strip())
    errors: list[DomainError] = list(length_errors({"action": action, "responsible": responsible}))
    if not action:
        errors.append(DomainError("required", field="action"))
    if status not in vrules.ACTION_STATUSES:
        errors.append(DomainError("unknown_action_status", field="status", status=status))
    if errors:
        raise ValidationError(errors)
    item.action = action
    item.responsible = responsible
    item.due_on = due_on
    if status == "done" and item.status != "done":
        item.done_on = today
    elif status != "done":
        item.done_on = None
    item.status = status


def action_item(visit: Visit, item_id) -> ActionItem:
    item = next((a for a in visit.action_items if str(a.id) == str(item_id)), None)
    if item is None:
        raise NotFound(what="Handlingen")
    return item


def remove_action_item(visit: Visit, item_id, side: str) -> None:
    crules.check_remove_action(visit.status, side)
    item = action_item(visit, item_id)
    visit.action_items[:] = [a for a in visit.action_items if a is not item]
    for i, a in enumerate(visit.action_items):
        a.position = i


def comment_action_item(visit: Visit, item_id, text: str, *, written_by: str, user_id, now: dt.datetime
                        ) -> ActionItemComment:
    """The consultant's comment on an item of the staff's plan (kept in order, never replaced)."""
    crules.check_comment(visit.status)
    item = action_item(visit, item_id)
    text = nfc((text or "").strip())
    if not text:
        raise ValidationError([DomainError("required", field="comment")])
    text = check_length(text, field="comment")
    c = ActionItemComment(id=uuid.uuid4(), text=text, written_at=now, written_by=written_by,
                          written_by_user_id=user_id)
    item.comments.append(c)
    return c


def send_for_consultation(visit: Visit, deadline: dt.date, today: dt.date, sent_by: str,
                          now: dt.datetime) -> Consultation:
    crules.check_send(visit.status, any(s.kind == "conclusion" for s in visit.statements), deadline, today)
    move(visit, vrules.CONSULTATION)
    c = Consultation(id=uuid.uuid4(), sent_at=now, sent_by=sent_by, deadline=deadline)
    visit.consultations.append(c)
    return c


def open_consultation(visit: Visit) -> Consultation | None:
    return visit.consultations[-1] if visit.consultations and visit.status == vrules.CONSULTATION else None


def reply(visit: Visit, text: str, *, replied_by: str, user_id, now: dt.datetime) -> ConsultationReply:
    """One more reply in the consultation's thread; earlier replies stay as they were."""
    text = nfc((text or "").strip())
    c = open_consultation(visit)
    crules.check_reply(visit.status, c is not None, text)
    if too_long := length_errors({"reply_text": text}):
        raise ValidationError(too_long)
    r = ConsultationReply(id=uuid.uuid4(), position=len(c.replies), text=text, replied_at=now,
                          replied_by=replied_by, replied_by_user_id=user_id)
    c.replies.append(r)
    return r


def latest_reply(c: Consultation | None) -> ConsultationReply | None:
    return max(c.replies, key=lambda r: r.position) if c is not None and c.replies else None


def finalise(visit: Visit, today: dt.date, now: dt.datetime) -> None:
    c = open_consultation(visit)
    crules.check_finalise(visit.status, c is not None, len(c.replies) if c else 0,
                          c.deadline if c else None, today)
    move(visit, vrules.FINAL)
    visit.finalised_at = now


def allowed_actions(visit: Visit, today: dt.date, side: str = crules.CONSULTANT) -> tuple[str, ...]:
    """What ``side`` may do with the visit now (consultation.allowed_actions on the row's facts)."""
    c = open_consultation(visit)
    return crules.allowed_actions(
        visit.status, side=side, has_conclusions=any(s.kind == "conclusion" for s in visit.statements),
        consultation_open=c is not None, replies=len(c.replies) if c else 0,
        deadline=c.deadline if c else None, today=today)


def flag_free_text(interview: Interview, question_id: str, item_id: str, include: bool) -> InterviewAnswer:
    """Mark (or unmark) one free-text answer for the report, where it appears by respondent code."""
    crules.check_free_text_flag(interview.visit.status)
    answer = next((a for a in interview.answers if a.question_id == question_id and a.item_id == (item_id or "")),
                  None)
    if answer is None or not answer.free_text:
        raise DomainError("free_text_missing", field="free_text")
    answer.in_report = bool(include)
    return answer


def planning_rows(uow, today: dt.date):
    """(home id, name, Due, last visit, planned visit) per care home, by the planning rule."""
    first_year = uow.supervision.programmes.first_year()
    last = {v.care_home_id: v for v in uow.supervision.visits.last_held_per_home(vrules.HELD_STATUSES)}
    planned: dict = {}
    for v in uow.supervision.visits.planned():
        planned.setdefault(v.care_home_id, v)
    out = []
    for home in uow.care_homes.list_all():
        lv = last.get(home.id)
        due = planning.next_due(today, lv.conducted_on if lv else None, lv.result if lv else None, first_year)
        out.append((home, due, lv, planned.get(home.id)))
    return first_year, out


def combined_goal_scores(sheets) -> dict[str, Fraction | None]:
    """goal id -> mean of its question scores over the resident and relative interviews."""
    scores: dict[str, list[Fraction]] = {}
    for kind, _, _, sheet in sheets:
        if kind not in HOME_SCORE_KINDS:
            continue
        for g in sheet.goals:
            scores.setdefault(g.goal_id, []).extend(q.score for q in g.questions if q.score is not None)
    return {gid: mean(vals) for gid, vals in scores.items()}
