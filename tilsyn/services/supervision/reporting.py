"""Report data for the visit report and the annual evaluation, computed from stored answers.

Only codes (B1, P1, M1) identify respondents; names of residents and relatives and CPR numbers
are never read here.
"""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

from ...domain.errors import DomainError
from ...domain.supervision import visits as vrules
from ...domain.supervision.protocols import KINDS
from ...domain.supervision.scoring import mean, rounded
from ...messages import format_date
from ..context import COPENHAGEN
from ...reports.annual_evaluation import AnnualEvaluationData, HomeRow, StaffYearRow, YearRow
from ...reports.visit_report import (
    ActionRow,
    GoalAssessment,
    QuoteGroup,
    ReplyRow,
    RespondentRow,
    ScoreRow,
    ScoreTable,
    StaffEvaluationSection,
    VisitReportData,
    fmt_share,
)
from ...store.models_supervision import Visit
from . import core
from .convert import (
    KIND_LABELS,
    REASON_LABELS,
    SAMPLE_KIND_LABELS,
    findings_dto,
    goal_titles,
    interview_order,
    scale_rule,
    share_rule,
    staff_evaluation_dto,
    used_scales,
)

METHOD = (
    "Tilsynet er gennemført med en anerkendende, systemisk tilgang: interview med tilfældigt udvalgte "
    "beboere, telefoninterview med pårørende til beboere, hvor der er anvendt magt inden for det seneste år, "
    "og et afsluttende dialogmøde med personalet. Personalet og tilsynskonsulenterne har i samarbejde "
    "udarbejdet fælles konklusioner for tilsynets resultater, og personalet har beskrevet egen handleplan.",
    "Beboere, pårørende og medarbejdere omtales kun med en kode (B1, P1, M1 ...). Navne og CPR-numre indgår "
    "ikke i rapporten.",
)
ANNUAL_METHOD = (
    "Ca. 120 beboere fra plejecentrene (ca. 3-6 fra hvert) udvælges tilfældigt og sikres anonymitet. "
    "Pårørende interviewes om magtanvendelse, når der er anvendt magt inden for 1 år.",
    "Scoren for et plejecenter er gennemsnittet af spørgsmålenes score (0-100) i interviewene med beboere "
    "og pårørende; et spørgsmål med delspørgsmål får gennemsnittet af delspørgsmålene. Kommunens score er "
    "gennemsnittet af plejecentrenes. Indgår flere besøg på et plejecenter i året, bruges det seneste.",
)
SIDE_LABELS = {"leader": "plejecentrets leder", "consultant": "tilsynet"}
STAFF_TITLE = "Personalets evaluering af månedsskemaet"


def _date(day: dt.date | None) -> str:
    return format_date(day) if day else ""


def _local(moment: dt.datetime) -> str:
    """The Danish calendar date of a stored UTC moment."""
    return format_date(moment.astimezone(COPENHAGEN).date())


def _staff_section(s) -> StaffEvaluationSection | None:
    if s is None:
        return None
    rows = tuple((r.text, f"{fmt_share(r.share)} ({r.hits} af {r.participants})", "Ja" if r.met else "Nej")
                 for r in s.rows)
    if s.met:
        conclusion = f"Succeskriteriet er opfyldt ({s.participants} deltagende medarbejdere)."
    else:
        conclusion = f"Succeskriteriet er ikke opfyldt ({s.participants} deltagende medarbejdere)."
    return StaffEvaluationSection(STAFF_TITLE, f"Succeskriterium: {s.success_text}", s.participants, rows, conclusion)


def visit_report_data(uow, v: Visit, today: dt.date) -> VisitReportData:
    """Everything the visit report shows, as display values."""
    names = uow.supervision.people.home_names()
    home = names.get(v.care_home_id, "")
    muni = uow.municipalities.first()
    users = uow.supervision.people.users([c.user_id for c in v.consultants])
    programme = v.programme
    protocols = core.programme_protocols(programme)
    f = findings_dto(v)

    c = v.consultations[-1] if v.consultations else None
    if v.status in (vrules.FINAL, vrules.FOLLOW_UP):
        status_line, draft = "Endelig rapport", False
    elif v.status == vrules.CONSULTATION and c is not None:
        status_line, draft = f"Rapportudkast i høring (frist {_date(c.deadline)})", True
    else:
        status_line, draft = "Rapportudkast", True
    day = v.conducted_on or v.planned_on
    facts = (
        ("Plejecenter", home),
        ("Kommune", muni.name if muni else ""),
        ("Besøgsdato", _date(v.conducted_on) if v.conducted_on else f"{_date(v.planned_on)} (planlagt)"),
        ("Besøgsform", "Uanmeldt" if v.unannounced else "Anmeldt"),
        ("Tilsynskonsulenter", ", ".join(sorted(u.full_name for u in users.values())) or "–"),
        ("Tilsynsprogram", programme.title),
        ("Årets tema for magtanvendelse", core.theme_title(programme) or "–"),
        ("Interviewguider", "; ".join(f"{p.title} (version {p.version})"
                                      for p in sorted(protocols.values(), key=lambda p: KINDS.index(p.kind)))),
        ("Status", vrules.STATUS_LABELS[v.status]),
    )

    sample_rows, notes, redraws = [], [], []
    for d in sorted(v.draws, key=lambda d: (d.kind != "resident", d.drawn_at)):
        if d.superseded_by_id is not None:
            redraws.append(f"{SAMPLE_KIND_LABELS[d.kind]}: stikprøven fra {_local(d.drawn_at)} er erstattet af en "
                         f"ny trækning. Begrundelse: {d.redraw_reason}")
            continue
        sample_rows.append((
            SAMPLE_KIND_LABELS[d.kind], str(len(json.loads(d.frame_snapshot))),
            str(sum(1 for m in d.members if m.replaces_id is None)),
            str(sum(1 for m in d.members if m.status == "replaced")),
            str(sum(1 for m in d.members if m.status == "interviewed")),
        ))
        notes.append(f"{SAMPLE_KIND_LABELS[d.kind]}: frø {d.seed}, trukket {_local(d.drawn_at)}, "
                        f"stikprøve-id {d.id}.")
    sample_note = " ".join(notes + redraws + (["Stikprøverne kan efterprøves med »tilsyn sample-verify«."]
                                    if sample_rows else []))

    respondents = tuple(
        RespondentRow(i.respondent_code, KIND_LABELS[i.kind],
                      f"{core.protocol_of(i).title} (version {i.protocol_version})",
                      {True: "Ja", False: "Nej", None: "Ikke registreret"}[i.consent],
                      "Gennemført" if i.finished_at else "Ikke afsluttet")
        for i in sorted(v.interviews, key=interview_order)
    )

    tables = []
    for g in f.groups:
        rows = []
        for goal in g.goals:
            rows.append(ScoreRow(0, goal.title, goal.score, goal.share_satisfied, goal.answers,
                                 sum(q.no_score for q in goal.questions)))
            for q in goal.questions:
                rows.append(ScoreRow(1, q.text, q.score, q.share_satisfied, q.answers, q.no_score))
                if len(q.items) > 1:
                    for it in q.items:
                        rows.append(ScoreRow(2, it.text, it.score, None, it.answers, it.no_score))
        tables.append(ScoreTable(f"{g.kind_label} ({g.respondents} interview)", tuple(rows), g.score))

    titles = goal_titles(v, short=True)
    order = [gid for gid in titles if any(gid == goal.goal_id for g in f.groups for goal in g.goals)]
    series = tuple((g.kind_label, tuple(next((x.score for x in g.goals if x.goal_id == gid), None) for gid in order))
                   for g in f.groups)
    consultation = ()
    history: list[ReplyRow] = []
    if c is not None:
        # The newest reply counts; every earlier one (of this and earlier rounds) stays readable.
        thread = [r for x in v.consultations for r in sorted(x.replies, key=lambda r: r.position)]
        last = core.latest_reply(c)
        consultation = (
            ("Sendt i høring", _local(c.sent_at)),
            ("Høringsfrist", _date(c.deadline)),
            ("Svar fra plejecentret", last.text if last else "Intet svar endnu"),
        ) + ((("Svaret", f"{_local(last.replied_at)} af {last.replied_by}"),) if last else ()) + (
            (("Svar i alt", f"{len(thread)} (de tidligere står nedenfor)"),) if len(thread) > 1 else ())
        history = [ReplyRow(_local(r.replied_at), r.replied_by, r.text) for r in thread if r is not last]
    quotes: dict[str, list[tuple[str, str]]] = {}
    for t in f.free_texts:
        if t.in_report:
            quotes.setdefault(t.question_text, []).append((t.respondent_code, t.text))
    return VisitReportData(
        title=f"Tilsynsrapport: {home}",
        status_line=status_line,
        draft=draft,
        facts=facts,
        method=METHOD,
        sample_rows=tuple(sample_rows),
        sample_note=sample_note,
        respondents=respondents,
        score_tables=tuple(tables),
        home_score=f.home_score,
        home_share_satisfied=f.home_share_satisfied,
        chart_categories=tuple(titles[gid] for gid in order),
        chart_series=series,
        goal_assessments=tuple(GoalAssessment(n.title, n.rating_label or "–", n.summary) for n in f.goal_notes),
        result=f.result_label,
        result_summary=f.result_summary,
        dialogue=tuple((d.text, d.answer) for d in f.dialogue),
        conclusions=tuple(s.text for s in f.conclusions),
        development_areas=tuple(s.text for s in f.development_areas),
        action_plan=tuple(ActionRow(a.action, a.responsible, _date(a.due_on), a.status_label,
                                    SIDE_LABELS.get(a.written_by_side, ""),
                                    tuple(f"{_local(x.written_at)} {x.written_by}: {x.text}" for x in a.comments))
                          for a in f.action_items),
        staff_evaluation=_staff_section(f.staff_evaluation),
        consultation=consultation,
        generated=f"Udskrevet {_date(today)}",
        footer=f"Tilsynsrapport · {home} · {_date(day)}" + (" · UDKAST" if draft else ""),
        score_rules=f.score_rules,
        share_rule=f.share_rule,
        quotes=tuple(QuoteGroup(q, tuple(items)) for q, items in quotes.items()),
        reply_history=tuple(history),
    )


# -- annual ---------------------------------------------------------------------------------------


def _year_results(uow, year: int):
    """home id -> (visit, sheets) for the latest held visit of each home in ``year``."""
    latest: dict = {}
    for v in uow.supervision.visits.of_year(year):
        if v.status not in vrules.HELD_STATUSES or v.conducted_on is None:
            continue
        cur = latest.get(v.care_home_id)
        has = bool(core.counted(v))
        if cur is None or (has, v.conducted_on) >= (bool(core.counted(cur)), cur.conducted_on):
            latest[v.care_home_id] = v
    return {h: (v, core.group_sheets(v)) for h, v in latest.items()}


def annual_evaluation_data(uow, year: int, today: dt.date) -> AnnualEvaluationData:
    programme = uow.supervision.programmes.by_year(year)
    if programme is None:
        raise DomainError("no_programme", year=year)
    names = uow.supervision.people.home_names()
    years = [p.year for p in uow.supervision.programmes.list_all() if p.year <= year]

    # Goal columns: every goal of the years' protocols, in protocol order.
    goal_ids: list[str] = []
    goal_title: dict[str, str] = {}
    for y in years:
        p = uow.supervision.programmes.by_year(y)
        for proto in sorted(core.programme_protocols(p).values(), key=lambda x: KINDS.index(x.kind)):
            if proto.kind not in core.HOME_SCORE_KINDS:
                continue
            for g in proto.goals_for(p.theme_id or None):
                if any(q.scored for q in g.questions) and g.id not in goal_title:
                    goal_ids.append(g.id)
                    goal_title[g.id] = g.short_title

    per_year = {y: _year_results(uow, y) for y in years}
    homes_rows = []
    this = per_year[year]
    home_scores: dict = {}
    home_goals: dict = {}
    for y, results in per_year.items():
        for h, (v, sheets) in results.items():
            home_scores[(y, h)] = core.home_score(sheets)[0]
            home_goals[(y, h)] = core.combined_goal_scores(sheets)
    for h, (v, sheets) in sorted(this.items(), key=lambda kv: names.get(kv[0], "")):
        counts = {}
        for i in core.counted(v):
            counts[i.kind] = counts.get(i.kind, 0) + 1
        resp = ", ".join(f"{n} {KIND_LABELS[k].lower()}" for k, n in counts.items() if k in core.HOME_SCORE_KINDS)
        homes_rows.append(HomeRow(
            care_home=names.get(h, ""), visit_date=_date(v.conducted_on), status=vrules.STATUS_LABELS[v.status],
            respondents=resp or "–", score=rounded(home_scores[(year, h)]),
            goal_scores=tuple(rounded(home_goals[(year, h)].get(g)) for g in goal_ids),
            result=core.rating_label(v.result) or "–",
        ))

    def mean_over(y, key) -> Fraction | None:
        return mean(x for x in (key(h) for h in per_year[y]) if x is not None)

    year_rows = []
    for y in years:
        if not per_year[y]:
            continue
        respondents = sum(1 for v, _ in per_year[y].values() for i in core.counted(v)
                          if i.kind in core.HOME_SCORE_KINDS)
        year_rows.append(YearRow(
            y, len(per_year[y]), respondents, rounded(mean_over(y, lambda h: home_scores[(y, h)])),
            tuple(rounded(mean_over(y, lambda h, g=g: home_goals[(y, h)].get(g))) for g in goal_ids),
        ))
    listed_years = [r.year for r in year_rows]
    # Every home with a result in one of the years, so a home not visited this year still shows.
    homes_seen = {h for (y, h) in home_scores if y in listed_years}
    by_year = tuple(
        (names.get(h, ""), tuple(rounded(home_scores.get((y, h))) for y in listed_years))
        for h in sorted(homes_seen, key=lambda h: names.get(h, ""))
    )

    # Staff evaluation of the monthly form: every staff evaluation interview held in the year.
    staff_rows = []
    section = None
    for y in years:
        interviews = [i for v in uow.supervision.visits.of_year(y) if v.status in vrules.HELD_STATUSES
                      for i in v.interviews]
        proto, result = core.staff_success(interviews)
        if proto is None:
            continue
        staff_rows.append(StaffYearRow(y, result.participants, "Ja" if result.met else "Nej"))
        if y == year:
            section = _staff_section(staff_evaluation_dto(proto, result))

    _, planning_rows = core.planning_rows(uow, today)
    due = tuple(
        (home.name, _date(d.due_on), _due_text(d.reason))
        for home, d, _, _ in sorted(planning_rows, key=lambda r: (r[1].due_on, r[0].name))
        if d.status in ("overdue", "due_now")
    )
    all_homes = len(names)
    counts = {}
    for v, _ in this.values():
        for i in core.counted(v):
            counts[i.kind] = counts.get(i.kind, 0) + 1
    facts = (
        ("Tilsynsprogram", programme.title),
        ("Årets tema for magtanvendelse", core.theme_title(programme) or "–"),
        ("Plejecentre besøgt", f"{len(this)} af {all_homes}"),
        ("Interview", " · ".join(f"{KIND_LABELS[k]}: {counts.get(k, 0)}" for k in KIND_LABELS)),
        ("Stikprøveplan", f"{programme.sample_total} {'beboer' if programme.sample_total == 1 else 'beboere'}, {programme.sample_min}-{programme.sample_max} "
                          "pr. plejecenter"),
    )
    muni = uow.municipalities.first()
    return AnnualEvaluationData(
        title=f"Årsevaluering af tilsyn {year}" + (f" · {muni.name}" if muni else ""),
        generated=f"Udskrevet {_date(today)}",
        facts=facts,
        goal_columns=tuple(goal_title[g] for g in goal_ids),
        homes=tuple(homes_rows),
        municipality_score=rounded(mean_over(year, lambda h: home_scores[(year, h)])) if this else None,
        municipality_goal_scores=tuple(rounded(mean_over(year, lambda h, g=g: home_goals[(year, h)].get(g)))
                                       for g in goal_ids) if this else tuple(None for _ in goal_ids),
        years=tuple(year_rows),
        home_scores_by_year=by_year,
        staff_evaluation=section,
        staff_by_year=tuple(staff_rows),
        due=due,
        method=ANNUAL_METHOD + tuple(_annual_rules(programme)),
        footer=f"Årsevaluering af tilsyn {year}",
    )


def _annual_rules(programme) -> list[str]:
    """How the year's scales score and which answers count as satisfied, from the scales' data."""
    scales = used_scales(p for p in core.programme_protocols(programme).values() if p.kind in core.HOME_SCORE_KINDS)
    rules = [scale_rule(sc) for sc in scales]
    share = share_rule(scales)
    return rules + ([share] if share else [])


def _due_text(reason: str) -> str:
    return REASON_LABELS.get(reason, reason)
