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
from ...domain.supervision import planning, sampling, visits as vrules
from ...domain.supervision.protocols import (
    KINDS,
    SAMPLED_KINDS,
    Protocol,
    default_theme,
    load_protocol,
    newest_by_kind,
    parse_key,
)
from ...domain.supervision.scales import load_scale
from ...domain.supervision.scoring import AnswerFact, ScoreSheet, Tally, mean, score_sheet, success_criterion
from ...store.models_supervision import (
    ActionItem,
    Consultation,
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


def programme_protocols(programme: SupervisionProgramme) -> dict[str, Protocol]:
    """kind -> the protocol version the programme uses."""
    out: dict[str, Protocol] = {}
    for key in json.loads(programme.protocols or "[]"):
        pid, version = parse_key(key)
        p = load_protocol(pid, version)
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
                     sample_total: int = 120, sample_min: int = 3, sample_max: int = 6,
                     relatives_per_home: int = 2, title: str = "", seed: str = "") -> SupervisionProgramme:
    """A year's programme. Default protocols: the newest of each kind; default theme: the year's."""
    errors: list[DomainError] = []
    if not (YEAR_RANGE[0] <= year <= YEAR_RANGE[1]):
        errors.append(DomainError("programme_year", field="year", year=year))
    if sample_min < 0 or sample_max < sample_min or sample_max < 1:
        errors.append(DomainError("sample_bounds", field="sample_min", lower=sample_min, upper=sample_max))
    if sample_total < 0:
        errors.append(DomainError("sample_size", field="sample_total", size=sample_total))
    if relatives_per_home < 0:
        errors.append(DomainError("sample_size", field="relatives_per_home", size=relatives_per_home))
    title = nfc((title or "").strip())
    errors.extend(length_errors({"title": title}))
    if errors:
        raise ValidationError(errors)
    if uow.supervision.programmes.by_year(year) is not None:
        raise DomainError("programme_exists", field="year", year=year)
    if protocols is None:
        chosen = newest_by_kind()
    else:
        chosen = {}
        for key in protocols:
            pid, version = parse_key(key) if "@" in key else (key, None)
            p = load_protocol(pid, version)
            if p.kind in chosen:
                raise DomainError("programme_protocol_kind", field="protocols", protocol=p.title)
            chosen[p.kind] = p
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
        sample_total=sample_total, sample_min=sample_min, sample_max=sample_max,
        relatives_per_home=relatives_per_home, seed=str(seed),
    )
    uow.supervision.add(programme)
    uow.flush()
    return programme


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


def default_size(visit: Visit, kind: str) -> int:
    if kind == "relative":
        return visit.relatives_size if visit.relatives_size is not None else visit.programme.relatives_per_home
    return visit.sample_size if visit.sample_size is not None else visit.programme.sample_min


def make_draw(uow, visit: Visit, kind: str, seed, *, size: int | None = None,
              exclusions: Mapping | None = None, drawn_by: str = "", now: dt.datetime,
              replacing: SampleDraw | None = None) -> SampleDraw:
    """Draw the visit's sample of ``kind`` and store seed, frame rules, frame and members."""
    if kind not in sampling.SAMPLE_KINDS:
        raise DomainError("unknown_sample_kind", kind=kind)
    vrules.require_status(visit.status, vrules.SAMPLING_STATUSES, "sampling")
    seed = _seed_text(seed)
    current = uow.supervision.draws.current(visit.id, kind)
    if current is not None and current is not replacing:
        raise DomainError("sample_exists", kind=kind)
    k = default_size(visit, kind) if size is None else size
    if k < 0:
        raise DomainError("sample_size", field="size", size=k)
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


def refuse(uow, member: SampleMember, reason: str, note: str = "", *, replace: bool = True) -> SampleMember | None:
    """Log a refusal (or other reason the member is not interviewed) and, if ``replace``, add the
    next resident in rank. Returns the replacement (None when not replaced or the frame is used up)."""
    if reason not in sampling.REFUSAL_REASONS:
        raise DomainError("unknown_refusal_reason", field="reason", reason=reason)
    if reason == "other" and not (note or "").strip():
        raise DomainError("refusal_note_required", field="reason")
    note = check_length((note or "").strip(), field="note")
    draw = member.draw
    if draw.superseded_by_id is not None:
        raise DomainError("draw_superseded")
    vrules.require_status(draw.visit.status, vrules.SAMPLING_STATUSES, "sampling")
    if member.status != "drawn":
        raise DomainError("member_not_drawn", status=member_status_label(member.status))
    interview = uow.supervision.interviews.for_member(member.id)
    if interview is not None and interview.consent is not False:
        raise DomainError("member_has_interview", code=member.respondent_code)
    member.reason_code = reason
    member.reason_note = note
    member.status = "refused"
    if not replace:
        return None
    order = stored_order(draw, draw.visit.programme_id)
    taken = [str(m.resident_id) for m in draw.members if m.resident_id is not None]
    # Ranks of deleted residents stay taken: the next rank is after the highest used.
    used_ranks = {m.rank for m in draw.members}
    nxt = None
    for i, rid in enumerate(order, start=1):
        if i not in used_ranks and rid not in taken:
            nxt = (i, rid)
            break
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
    started = [m for m in draw.members if uow.supervision.interviews.for_member(m.id) is not None]
    if started:
        raise DomainError("sample_in_use", count=len(started))
    visit = draw.visit
    old_excl = {e[0]: (e[1], e[2]) for e in json.loads(draw.exclusions) if e[1] != "no_relative"}
    new = make_draw(uow, visit, draw.kind, seed, size=draw.size if size is None else size,
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
    return load_protocol(interview.protocol_id, interview.protocol_version)


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
            raise DomainError("member_has_interview", code=existing.respondent_code)
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
                    status: str = "open") -> ActionItem:
    item = ActionItem(id=uuid.uuid4(), position=len(visit.action_items))
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


def send_for_consultation(visit: Visit, deadline: dt.date, today: dt.date, sent_by: str,
                          now: dt.datetime) -> Consultation:
    if not any(s.kind == "conclusion" for s in visit.statements):
        raise DomainError("conclusions_required")
    if deadline is None or deadline <= today:
        raise DomainError("consultation_deadline", field="deadline")
    move(visit, vrules.CONSULTATION)
    c = Consultation(id=uuid.uuid4(), sent_at=now, sent_by=sent_by, deadline=deadline)
    visit.consultations.append(c)
    return c


def open_consultation(visit: Visit) -> Consultation | None:
    return visit.consultations[-1] if visit.consultations and visit.status == vrules.CONSULTATION else None


def finalise(visit: Visit, today: dt.date, now: dt.datetime) -> None:
    c = open_consultation(visit)
    if c is None:
        raise DomainError("consultation_not_open")
    if not vrules.can_finalise(c.replied_at is not None, c.deadline, today):
        raise DomainError("consultation_open", deadline=c.deadline.strftime("%d-%m-%Y"))
    move(visit, vrules.FINAL)
    visit.finalised_at = now


def planning_rows(uow, today: dt.date):
    """(home id, name, Due, last visit, planned visit) per care home, by the planning rule."""
    first_year = uow.supervision.programmes.first_year()
    held = uow.supervision.visits.held(vrules.HELD_STATUSES)
    last: dict = {}
    for v in held:  # oldest first: the last one wins
        last[v.care_home_id] = v
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
