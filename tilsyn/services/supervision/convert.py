"""ORM rows and domain objects -> DTOs."""

from __future__ import annotations

import datetime as dt
import json

from ...domain.supervision import consultation as crules, sampling, visits as vrules
from ...domain.supervision.protocols import KINDS, Goal, Protocol, Question
from ...domain.supervision.scales import Scale
from ...domain.supervision.scoring import rounded
from ...store.models_supervision import Interview, SampleDraw, SupervisionProgramme, Visit
from . import core
from ...messages import format_decimal
from .dto import (
    ActionCommentDTO,
    ActionItemDTO,
    AnswerDTO,
    ConsultantDTO,
    ConsultationDTO,
    ConsultationReplyDTO,
    FreeTextDTO,
    CriterionRow,
    DialogueAnswer,
    DrawBrief,
    DrawDTO,
    ExclusionDTO,
    GoalDTO,
    GoalNoteDTO,
    GoalResult,
    GroupFindings,
    InterviewDTO,
    InterviewSummary,
    ItemDTO,
    ItemFinding,
    ProgrammeDTO,
    ProtocolDTO,
    QuestionDTO,
    QuestionFinding,
    SampleMemberDTO,
    ScaleDTO,
    ScaleOptionDTO,
    StaffEvaluationDTO,
    StatementDTO,
    ThemeDTO,
    VisitDTO,
    VisitFindings,
    VisitSummary,
)

KIND_LABELS = {
    "resident": "Beboere",
    "relative": "Pårørende",
    "staff_dialogue": "Dialogmøde med personalet",
    "staff_evaluation": "Personalets evaluering af månedsskemaet",
}
REASON_LABELS = {
    "never_visited": "Aldrig besøgt",
    "interval": "Senest hvert andet år",
    "after_poor_result": "Tidligere efter et dårligt resultat",
    "first_year": "Første programår: mindst ét besøg",
}
DUE_LABELS = {"overdue": "Overskredet", "due_now": "Skal besøges nu", "due_soon": "Snart", "ok": "I orden"}
SAMPLE_KIND_LABELS = {"resident": "Beboere", "relative": "Pårørende (magtanvendelse inden for 1 år)"}


def scale_dto(s: Scale) -> ScaleDTO:
    return ScaleDTO(s.id, s.version, s.title,
                    tuple(ScaleOptionDTO(o.code, o.label, o.score, o.satisfied) for o in s.options))


def question_dto(goal: Goal, q: Question) -> QuestionDTO:
    return QuestionDTO(q.id, goal.id, q.text, scale_dto(q.scale) if q.scale else None, q.free_text,
                       tuple(ItemDTO(i.id, i.text) for i in q.items))


def goal_dto(g: Goal) -> GoalDTO:
    return GoalDTO(g.id, g.title, g.description, tuple(question_dto(g, q) for q in g.questions), g.short_title)


def protocol_dto(p: Protocol, theme_id: str | None = None, *, default: bool = False,
                 installed: bool = False) -> ProtocolDTO:
    return ProtocolDTO(p.id, p.version, p.key, p.kind, KIND_LABELS[p.kind], p.title, p.respondent_prefix,
                       p.consent_text, p.source, tuple(ThemeDTO(t.id, t.year, t.title) for t in p.themes),
                       tuple(goal_dto(g) for g in p.goals_for(theme_id)), default, installed)


def programme_dto(p: SupervisionProgramme, visit_count: int) -> ProgrammeDTO:
    protocols = core.programme_protocols(p)
    keys = tuple(sorted(x.key for x in protocols.values()))
    titles = tuple(f"{x.title} (version {x.version})" for x in sorted(protocols.values(), key=lambda x: x.key))
    return ProgrammeDTO(str(p.id), p.year, p.title, keys, titles, p.theme_id, core.theme_title(p), p.sample_total,
                        p.sample_min, p.sample_max, p.relatives_per_home, p.seed, visit_count)


def consultant_dto(u) -> ConsultantDTO:
    return ConsultantDTO(str(u.id), u.full_name, u.username)


def _summary_fields(v: Visit, names: dict, users: dict) -> dict:
    return dict(
        id=str(v.id), programme_id=str(v.programme_id), year=v.programme.year, care_home_id=str(v.care_home_id),
        care_home_name=names.get(v.care_home_id, ""), planned_on=v.planned_on, conducted_on=v.conducted_on,
        status=v.status, status_label=vrules.STATUS_LABELS[v.status], unannounced=v.unannounced,
        result=v.result, result_label=core.rating_label(v.result),
        consultants=tuple(sorted((consultant_dto(users[c.user_id]) for c in v.consultants if c.user_id in users),
                                 key=lambda c: c.full_name)),
        follow_up_of_id=str(v.follow_up_of_id) if v.follow_up_of_id else None,
    )


def visit_summary(v: Visit, names: dict, users: dict) -> VisitSummary:
    return VisitSummary(**_summary_fields(v, names, users))


def interview_order(i: Interview) -> tuple[int, int]:
    """Residents, relatives, staff; within a group by code number (B1, B2, ..., B10)."""
    digits = "".join(ch for ch in i.respondent_code if ch.isdigit())
    return KINDS.index(i.kind), int(digits or 0)


def interview_summary(i: Interview) -> InterviewSummary:
    p = core.protocol_of(i)
    slots = sum(len(q.item_ids) for _, q in p.questions_for(i.theme_id or None))
    answered = sum(1 for a in i.answers if a.option_code or a.free_text)
    return InterviewSummary(str(i.id), i.respondent_code, i.kind, KIND_LABELS[i.kind], p.key, p.title, i.consent,
                            i.finished_at is not None, answered, slots)


def consultation_dto(c, status: str, today: dt.date | None) -> ConsultationDTO:
    """One consultation round with its whole reply thread; the reply fields are the newest reply."""
    replies = tuple(ConsultationReplyDTO(str(r.id), r.text, r.replied_at, r.replied_by)
                    for r in sorted(c.replies, key=lambda r: r.position))
    last = replies[-1] if replies else None
    state = crules.reply_state(status, len(replies), c.deadline, today or dt.date.min)
    return ConsultationDTO(str(c.id), c.sent_at, c.sent_by, c.deadline, last.text if last else "",
                           last.replied_at if last else None, last.replied_by if last else "", replies,
                           state, crules.REPLY_STATE_LABELS[state])


def visit_dto(v: Visit, names: dict, users: dict, follow_up_ids, *, today: dt.date | None = None,
              side: str = crules.CONSULTANT) -> VisitDTO:
    draws = []
    for d in v.draws:
        if d.superseded_by_id is not None:
            continue
        draws.append(DrawBrief(str(d.id), d.kind, SAMPLE_KIND_LABELS[d.kind], d.size, len(d.members),
                               sum(1 for m in d.members if m.status == "interviewed"),
                               sum(1 for m in d.members if m.status == "replaced")))
    rounds = list(v.consultations)
    c = rounds[-1] if rounds else None
    open_c = core.open_consultation(v)
    return VisitDTO(
        **_summary_fields(v, names, users),
        sample_size=v.sample_size, relatives_size=v.relatives_size, result_summary=v.result_summary,
        draws=tuple(draws), interviews=tuple(interview_summary(i) for i in sorted(v.interviews, key=interview_order)),
        next_statuses=vrules.TRANSITIONS[v.status],
        consultation=consultation_dto(c, v.status if c is open_c else vrules.FINAL, today) if c else None,
        follow_up_visit_ids=tuple(str(x) for x in follow_up_ids),
        allowed_actions=core.allowed_actions(v, today, side) if today is not None else (),
        earlier_consultations=tuple(consultation_dto(x, vrules.FINAL, today) for x in rounds[:-1]),
    )


def draw_dto(d: SampleDraw, people: dict, interviews: dict, home_name: str) -> DrawDTO:
    members = []
    for m in sorted(d.members, key=lambda m: m.rank):
        name, room, unit = people.get(m.resident_id, ("", "", "")) if m.resident_id else ("", "", "")
        members.append(SampleMemberDTO(
            id=str(m.id), rank=m.rank, resident_id=str(m.resident_id) if m.resident_id else None,
            name=name, room=room, unit=unit, status=m.status, status_label=core.member_status_label(m.status),
            reason=m.reason_code, reason_label=sampling.REFUSAL_REASONS.get(m.reason_code, ""),
            reason_note=m.reason_note, respondent_code=m.respondent_code,
            replaces_id=str(m.replaces_id) if m.replaces_id else None,
            interview_id=str(interviews[m.id]) if m.id in interviews else None,
        ))
    rules = json.loads(d.frame_rules)
    return DrawDTO(
        id=str(d.id), visit_id=str(d.visit_id), programme_id=str(d.visit.programme_id),
        care_home_id=str(d.visit.care_home_id), care_home_name=home_name, kind=d.kind,
        kind_label=SAMPLE_KIND_LABELS[d.kind], seed=d.seed, size=d.size, visit_date=d.visit.planned_on,
        drawn_at=d.drawn_at, drawn_by=d.drawn_by, frame_size=len(json.loads(d.frame_snapshot)),
        frame_rules=tuple((k, json.dumps(rules[k], ensure_ascii=False) if not isinstance(rules[k], str) else rules[k])
                          for k in sorted(rules)),
        exclusions=tuple(ExclusionDTO(e[0], e[1], sampling.EXCLUSION_REASONS.get(e[1], e[1]), e[2])
                         for e in json.loads(d.exclusions)),
        members=tuple(members), current=d.superseded_by_id is None,
        superseded_by_id=str(d.superseded_by_id) if d.superseded_by_id else None,
        superseded_at=d.superseded_at, redraw_reason=d.redraw_reason,
        **draw_frame_fields(d, rules),
    )


def draw_frame_fields(d: SampleDraw, rules: dict) -> dict:
    """The frame as hashed, the date it was drawn for and the rule in words and as a formula."""
    frame_date = dt.date.fromisoformat(rules["visit_date"]) if rules.get("visit_date") else d.visit.planned_on
    return dict(frame=tuple(sampling.canonical_id(r) for r in json.loads(d.frame_snapshot)), frame_date=frame_date,
                rule_text=sampling.RULE_WORDS[d.kind], rule_formula=sampling.RULE_FORMULA[d.kind],
                relative_window=sampling.relative_window(frame_date) if d.kind == "relative" else None)


def interview_dto(i: Interview) -> InterviewDTO:
    p = core.protocol_of(i)
    goals = p.goals_for(i.theme_id or None)
    answers = []
    for a in i.answers:
        label = ""
        if a.option_code:
            q = p.question(a.question_id, i.theme_id or None)
            label = q.scale.label(a.option_code) if q.scale else a.option_code
        answers.append(AnswerDTO(a.question_id, a.item_id, a.option_code, label, a.score, a.free_text, a.answered_at,
                                 bool(a.in_report)))
    return InterviewDTO(
        id=str(i.id), visit_id=str(i.visit_id), member_id=str(i.member_id) if i.member_id else None, kind=i.kind,
        kind_label=KIND_LABELS[i.kind], protocol_key=p.key, protocol_title=p.title, theme_id=i.theme_id,
        respondent_code=i.respondent_code, consent_text=p.consent_text, consent=i.consent, consent_at=i.consent_at,
        started_at=i.started_at, finished_at=i.finished_at, goals=tuple(goal_dto(g) for g in goals),
        answers=tuple(sorted(answers, key=lambda a: (a.question_id, a.item_id))),
    )


# -- findings -------------------------------------------------------------------------------------


def _goal_results(protocol: Protocol, theme_id: str, sheet) -> tuple[GoalResult, ...]:
    out = []
    for goal in protocol.goals_for(theme_id or None):
        gs = sheet.goal(goal.id)
        if gs is None or not gs.questions:
            continue
        questions = []
        for q in goal.questions:
            qs = sheet.question(q.id)
            if qs is None:
                continue
            texts = {i.id: i.text for i in q.items}
            items = tuple(
                ItemFinding(it.item_id, texts.get(it.item_id, ""), rounded(it.score), it.tally.answers,
                            it.tally.no_score,
                            tuple((o.label, it.options.get(o.code, 0)) for o in q.scale.options))
                for it in qs.items
            )
            questions.append(QuestionFinding(q.id, q.text, rounded(qs.score), rounded(qs.tally.share_satisfied),
                                             qs.tally.answers, qs.tally.scored, qs.tally.no_score, items))
        out.append(GoalResult(goal.id, goal.title, rounded(gs.score), rounded(gs.tally.share_satisfied),
                              gs.tally.answers, tuple(questions)))
    return tuple(out)


def goal_titles(visit: Visit, short: bool = False) -> dict[str, str]:
    """goal id -> title, in protocol-kind order (residents' goals first)."""
    titles: dict[str, str] = {}
    protocols = core.programme_protocols(visit.programme)
    for kind in KINDS:
        if kind in protocols:
            for g in protocols[kind].goals_for(visit.programme.theme_id or None):
                titles.setdefault(g.id, g.short_title if short else g.title)
    return titles


def staff_evaluation_dto(protocol, result) -> StaffEvaluationDTO | None:
    if protocol is None:
        return None
    texts = {q.id: q.text for _, q in protocol.questions_for(None)}
    label = next((q.scale.label(protocol.success_option) for _, q in protocol.questions_for(None) if q.scale), "")
    rows = tuple(CriterionRow(r.question_id, texts[r.question_id], r.participants, r.hits, rounded(r.share),
                              r.share is not None and r.share >= result.threshold) for r in result.per_question)
    return StaffEvaluationDTO(protocol.key, label, result.threshold, protocol.success_text, result.participants, rows,
                              rounded(result.share_all), result.met)


def findings_dto(v: Visit) -> VisitFindings:
    sheets = core.group_sheets(v)
    groups = []
    for kind, protocol, interviews, sheet in sheets:
        if kind not in core.HOME_SCORE_KINDS:
            continue  # the dialogue is free text; the staff evaluation has its own criterion
        theme = max(interviews, key=lambda i: i.protocol_version).theme_id
        groups.append(GroupFindings(kind, KIND_LABELS[kind], protocol.key, len(interviews), rounded(sheet.score),
                                    _goal_results(protocol, theme, sheet)))
    home, share = core.home_score(sheets)
    titles = goal_titles(v)
    notes = tuple(GoalNoteDTO(f.goal_id, titles.get(f.goal_id, f.goal_id), f.rating, core.rating_label(f.rating),
                              f.summary) for f in sorted(v.findings, key=lambda f: _goal_order(titles, f.goal_id)))
    dialogue = []
    for i in core.counted(v):
        if i.kind != "staff_dialogue":
            continue
        p = core.protocol_of(i)
        for _, q in p.questions_for(i.theme_id or None):
            a = next((a for a in i.answers if a.question_id == q.id and a.item_id == ""), None)
            if a is not None and a.free_text:
                dialogue.append(DialogueAnswer(i.respondent_code, q.id, q.text, a.free_text))
    protocol, result = core.staff_success(list(v.interviews))
    scales = used_scales(p for kind, p, _i, _s in sheets if kind in core.HOME_SCORE_KINDS)
    return VisitFindings(
        visit_id=str(v.id), groups=tuple(groups), home_score=rounded(home), home_share_satisfied=rounded(share),
        goal_notes=notes, result=v.result, result_label=core.rating_label(v.result), result_summary=v.result_summary,
        conclusions=tuple(StatementDTO(str(s.id), s.text) for s in v.statements if s.kind == "conclusion"),
        development_areas=tuple(StatementDTO(str(s.id), s.text) for s in v.statements
                                if s.kind == "development_area"),
        action_items=tuple(action_item_dto(a) for a in v.action_items),
        dialogue=tuple(dialogue), staff_evaluation=staff_evaluation_dto(protocol, result),
        free_texts=free_texts(v), score_rules=tuple(scale_rule(x) for x in scales), share_rule=share_rule(scales),
    )


def free_texts(v: Visit) -> tuple[FreeTextDTO, ...]:
    """Residents' and relatives' free-text answers, by respondent code, in protocol order."""
    out = []
    for i in sorted(core.counted(v), key=interview_order):
        if i.kind not in core.HOME_SCORE_KINDS:
            continue
        p = core.protocol_of(i)
        order = {(q.id, item): n for n, (q, item) in enumerate(
            (q, item) for _, q in p.questions_for(i.theme_id or None) for item in q.item_ids)}
        texts = {q.id: q.text for _, q in p.questions_for(i.theme_id or None)}
        items = {(q.id, it.id): it.text for _, q in p.questions_for(i.theme_id or None) for it in q.items}
        for a in sorted(i.answers, key=lambda a: order.get((a.question_id, a.item_id), 10 ** 6)):
            if not a.free_text:
                continue
            question = texts.get(a.question_id, a.question_id)
            if a.item_id:
                question = f"{question} ({items.get((a.question_id, a.item_id), a.item_id)})"
            out.append(FreeTextDTO(str(i.id), i.respondent_code, i.kind, a.question_id, a.item_id, question,
                                   a.free_text, bool(a.in_report)))
    return tuple(out)


def used_scales(protocols) -> list[Scale]:
    """The scales of the scored questions of ``protocols``, each once, in question order."""
    seen, out = set(), []
    for p in protocols:
        for _, q in p.questions_for(None) + tuple((g, q) for t in p.themes for g in t.goals for q in g.questions):
            if q.scale is not None and q.scale.key not in seen:
                seen.add(q.scale.key)
                out.append(q.scale)
    return out


def _points(value) -> str:
    return format_decimal(value, 2, trim=True)


def scale_rule(scale: Scale) -> str:
    """How a scale scores, in Danish, from its data: "Tilfredshed: »Meget tilfreds« 100, ...;
    »Ved ikke« indgår ikke i gennemsnittene." or "..., »Ved ikke« 0 point."."""
    points = ", ".join(f"»{o.label}« {_points(o.score)}" for o in scale.options if o.score is not None)
    text = f"{scale.title}: {points} point"
    left = [f"»{o.label}«" for o in scale.unscored]
    if left:
        text += "; " + " og ".join(left) + " indgår ikke i gennemsnittene"
    return text + "."


def share_rule(scales: list[Scale]) -> str:
    """Which answers count as satisfied, from the scales' data."""
    parts = []
    for sc in scales:
        labels = [f"»{o.label}«" for o in sc.satisfied_options]
        if not labels:
            continue
        which = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " eller " + labels[-1]
        parts.append(f"{which} ({sc.title})")
    if not parts:
        return ""
    return "Andel tilfredse: svar " + "; ".join(parts) + " blandt svarene med score."


def _goal_order(titles: dict, goal_id: str):
    keys = list(titles)
    return (keys.index(goal_id) if goal_id in keys else len(keys), goal_id)


def action_item_dto(a) -> ActionItemDTO:
    return ActionItemDTO(str(a.id), a.action, a.responsible, a.due_on, a.status,
                         vrules.ACTION_STATUS_LABELS[a.status], a.done_on, a.written_by_side or "",
                         a.written_by or "",
                         tuple(ActionCommentDTO(str(c.id), c.text, c.written_at, c.written_by)
                               for c in sorted(a.comments, key=lambda c: c.written_at)))
