"""The visit report (tilsynsrapport): method, measured level per quality goal, the consultant's
assessment, the staff's perspective, joint conclusions, development areas, the action plan and
the consultation. Pseudonymous: respondents appear by code (B1, P1, M1), never by name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Preformatted, Spacer, Table, TableStyle

from ..messages import format_date, format_percent, format_score
from .base import FONT, SPLIT_IN_ROW, build_pdf, styles
from .charts import grouped_bars
from .text import name_para, para, printable

DEFAULT_PADDING = 12  # reportlab's left + right cell padding


@dataclass(frozen=True)
class ScoreRow:
    """One line of a score table: level 0 goal, 1 question, 2 sub-item."""

    level: int
    label: str
    score: float | None
    share_satisfied: float | None
    answers: int
    no_score: int


@dataclass(frozen=True)
class ScoreTable:
    title: str
    rows: tuple[ScoreRow, ...]
    score: float | None


@dataclass(frozen=True)
class RespondentRow:
    code: str
    group: str
    protocol: str
    consent: str
    status: str


@dataclass(frozen=True)
class GoalAssessment:
    title: str
    rating: str
    summary: str


@dataclass(frozen=True)
class ActionRow:
    action: str
    responsible: str
    due: str
    status: str
    written_by: str = ""  # "Plejecentrets leder" / "Tilsynet" / ""
    comments: tuple[str, ...] = ()  # the consultant's comments, each "DD-MM-ÅÅÅÅ Navn: tekst"


@dataclass(frozen=True)
class QuoteGroup:
    """The free-text answers marked for the report under one question, by respondent code."""

    question: str
    quotes: tuple[tuple[str, str], ...]  # (code, text)


@dataclass(frozen=True)
class ReplyRow:
    when: str
    who: str
    text: str


@dataclass(frozen=True)
class StaffEvaluationSection:
    title: str
    criterion: str
    participants: int
    rows: tuple[tuple[str, str, str], ...]  # (goal, share "tilfredsstillende", met Ja/Nej)
    conclusion: str


class AppendixDraw(Protocol):
    """One draw as the appendix prints it (the service's RecomputeDraw; reports may not import
    services, so the shape is stated here)."""

    kind_label: str
    seed: str
    size: int
    frame_date: dt.date
    rule_text: str
    formula: str
    hashed_text: str
    frame: tuple[str, ...]
    excluded: tuple[tuple[str, str], ...]  # (resident id, reason)
    members: tuple[tuple[int, str, str], ...]  # (rank, resident id, status)
    superseded: bool
    redraw_reason: str


class SampleAppendix(Protocol):
    """The appendix "Sådan efterprøves stikprøven" (the service's SampleAppendix)."""

    programme_id: str
    id_form: str
    draws: tuple[AppendixDraw, ...]
    script: str


@dataclass(frozen=True)
class VisitReportData:
    """Built by SupervisionService.visit_report_data; every value already a display string or number."""

    title: str
    status_line: str
    draft: bool
    facts: tuple[tuple[str, str], ...]
    method: tuple[str, ...]
    sample_rows: tuple[tuple[str, str, str, str, str], ...]  # group, frame, drawn, replaced, interviewed
    sample_note: str
    respondents: tuple[RespondentRow, ...]
    score_tables: tuple[ScoreTable, ...]
    home_score: float | None
    home_share_satisfied: float | None
    chart_categories: tuple[str, ...]
    chart_series: tuple[tuple[str, tuple[float | None, ...]], ...]
    goal_assessments: tuple[GoalAssessment, ...]
    result: str
    result_summary: str
    dialogue: tuple[tuple[str, str], ...]
    conclusions: tuple[str, ...]
    development_areas: tuple[str, ...]
    action_plan: tuple[ActionRow, ...]
    staff_evaluation: StaffEvaluationSection | None
    consultation: tuple[tuple[str, str], ...]
    generated: str
    footer: str
    score_rules: tuple[str, ...] = ()  # how each scale scores, from the scales' data
    share_rule: str = ""  # which answers count as satisfied, from the scales' data
    quotes: tuple[QuoteGroup, ...] = ()  # residents' and relatives' words marked for the report
    reply_history: tuple[ReplyRow, ...] = ()  # earlier replies, oldest first (the newest is above)
    sample_appendix: SampleAppendix | None = None  # everything needed to recompute the draws


def fmt_score(value: float | None) -> str:
    """62.5 -> '62,50'; 66.67 -> '66,67'; None -> '–' (messages.format_score)."""
    return format_score(value)


def fmt_share(value: float | None) -> str:
    """0 -> '0 %'; 66.67 -> '66,67 %' (messages.format_percent, the one way a share is written)."""
    return format_percent(value)


HEAD_BG = colors.HexColor("#e8eef4")
GRID = colors.HexColor("#9aa8b5")


def table(header: list[str] | None, rows: list[list[Any]], widths: list[float], *,
          bold_rows: tuple[int, ...] = (), names: tuple[int, ...] = ()) -> Table:
    """A grid table of Paragraph cells; ``header`` (fixed labels, repeated on every page) may be
    None; the columns ``names`` hold names (care homes, people), which break between words.
    A row taller than the rest of the page continues on the next one."""
    st = styles()
    data = [[Paragraph(escape(h), st["cellb"]) for h in header]] if header else []
    first = 1 if header else 0
    for r, row in enumerate(rows):
        style = st["cellb"] if r in bold_rows else st["cell"]
        data.append([c if not isinstance(c, str)
                     else name_para(c, style, widths[i] - DEFAULT_PADDING) if i in names
                     else para(c, style) for i, c in enumerate(row)])
    t = Table(data, colWidths=widths, repeatRows=first, hAlign="LEFT", splitInRow=SPLIT_IN_ROW)
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
    for r in bold_rows:
        cmds.append(("BACKGROUND", (0, r + first), (-1, r + first), colors.HexColor("#f4f7fa")))
    t.setStyle(TableStyle(cmds))
    return t


def _label_cell(level: int, text: str, bold: bool) -> Paragraph:
    st = styles()
    base = st["cellb"] if bold else st["cell"]
    style = ParagraphStyle(f"{base.name}-{level}", parent=base, leftIndent=level * 4 * mm)
    return para(text, style)


def render_visit_report(data: VisitReportData) -> bytes:
    """PDF bytes of the visit report."""
    st = styles()
    story: list[Any] = [
        para(data.title, st["h1"]),
        para(data.status_line, st["h2"] if data.draft else st["label"]),
        para(data.generated, st["small"]),
        Spacer(1, 3 * mm),
        table(["Oplysning", "Værdi"], [[k, v] for k, v in data.facts], [50 * mm, 124 * mm]),
        Paragraph("Metode", st["h2"]),
    ]
    story += [para(p, st["body"]) for p in data.method]
    story.append(Spacer(1, 2 * mm))
    if data.sample_rows:
        story.append(table(["Stikprøve", "I rammen", "Udtrukket", "Erstattet", "Interviewet"],
                           [list(r) for r in data.sample_rows], [62 * mm, 28 * mm, 28 * mm, 28 * mm, 28 * mm]))
    if data.sample_note:
        story.append(para(data.sample_note, st["small"]))
    story.append(Paragraph("Respondenter", st["h2"]))
    if data.respondents:
        story.append(table(["Kode", "Gruppe", "Interviewguide", "Samtykke", "Status"],
                           [[r.code, r.group, r.protocol, r.consent, r.status] for r in data.respondents],
                           [14 * mm, 44 * mm, 68 * mm, 22 * mm, 26 * mm]))
    else:
        story.append(Paragraph("Der er endnu ikke gennemført interview.", st["body"]))

    story.append(Paragraph("Målt kvalitetsniveau", st["h2"]))
    story.append(para(
        "Score 0-100: gennemsnittet af svarenes point. Et spørgsmål med delspørgsmål får gennemsnittet af "
        "delspørgsmålene; et mål og plejecentret får gennemsnittet af deres spørgsmål.", st["small"]))
    for rule in data.score_rules:
        story.append(para(rule, st["small"]))
    if data.share_rule:
        story.append(para(data.share_rule, st["small"]))
    story.append(Spacer(1, 2 * mm))
    for t in data.score_tables:
        rows = [[_label_cell(r.level, r.label, r.level == 0), fmt_score(r.score), fmt_share(r.share_satisfied),
                 str(r.answers), str(r.no_score)] for r in t.rows]
        bold = tuple(i for i, r in enumerate(t.rows) if r.level == 0)
        story.append(KeepTogether([
            para(t.title, st["label"]),
            table(["Mål / spørgsmål", "Score", "Andel tilfredse", "Svar", "Ved ikke"], rows,
                  [98 * mm, 18 * mm, 24 * mm, 16 * mm, 18 * mm], bold_rows=bold),
            Spacer(1, 3 * mm),
        ]))
    story.append(Paragraph(
        f"Plejecentrets samlede score (beboere og pårørende): {fmt_score(data.home_score)}"
        f" · andel tilfredse: {fmt_share(data.home_share_satisfied)}", st["label"]))
    if data.chart_categories and data.chart_series:
        story.append(Spacer(1, 3 * mm))
        story.append(grouped_bars(list(data.chart_categories), list(data.chart_series),
                                  title="Score pr. kvalitetsmål (0-100)"))

    story.append(Paragraph("Tilsynets vurdering", st["h2"]))
    if data.goal_assessments:
        story.append(table(["Kvalitetsmål", "Vurdering", "Kvalitativ beskrivelse"],
                           [[g.title, g.rating, g.summary] for g in data.goal_assessments],
                           [46 * mm, 34 * mm, 94 * mm]))
    story.append(Spacer(1, 2 * mm))
    story.append(para(f"Samlet vurdering: {data.result or 'ikke angivet'}", st["label"]))
    if data.result_summary:
        story.append(para(data.result_summary, st["body"]))

    if data.quotes:
        story.append(Paragraph("Beboernes og de pårørendes egne ord", st["h2"]))
        story.append(para("Udvalgte fritekstsvar, gengivet med respondentens kode (B1, P1 ...).", st["small"]))
        for g in data.quotes:
            story.append(KeepTogether([para(g.question, st["label"]),
                                       table(None, [[code, text] for code, text in g.quotes],
                                             [14 * mm, 160 * mm])]))
            story.append(Spacer(1, 2 * mm))

    if data.dialogue:
        story.append(Paragraph("Dialogmøde med personalet", st["h2"]))
        story.append(table(["Spørgsmål", "Personalets perspektiv"], [list(x) for x in data.dialogue],
                           [70 * mm, 104 * mm]))

    story.append(Paragraph("Fælles konklusioner", st["h2"]))
    story += _bullets(data.conclusions, "Ingen fælles konklusioner endnu.")
    story.append(Paragraph("Udviklingsområder", st["h2"]))
    story += _bullets(data.development_areas, "Ingen udviklingsområder.")
    story.append(Paragraph("Personalets handleplan", st["h2"]))
    if data.action_plan:
        rows = []
        for a in data.action_plan:
            action = a.action + (f"\n(skrevet af {a.written_by})" if a.written_by else "")
            action += "".join(f"\nTilsynets kommentar, {c}" for c in a.comments)
            rows.append([action, a.responsible, a.due, a.status])
        story.append(table(["Handling", "Ansvarlig", "Frist", "Status"], rows,
                           [90 * mm, 40 * mm, 22 * mm, 22 * mm], names=(1,)))
    else:
        story.append(Paragraph("Ingen handlinger endnu.", st["body"]))

    if data.staff_evaluation is not None:
        story += staff_evaluation_flowables(data.staff_evaluation)

    story.append(Paragraph("Høring", st["h2"]))
    if data.consultation:
        story.append(table(None, [[k, v] for k, v in data.consultation], [50 * mm, 124 * mm]))
        if data.reply_history:
            story.append(Spacer(1, 2 * mm))
            story.append(para("Tidligere svar fra plejecentret (den seneste står ovenfor)", st["label"]))
            story.append(table(["Svaret", "Af", "Svar"], [[r.when, r.who, r.text] for r in data.reply_history],
                               [24 * mm, 40 * mm, 110 * mm], names=(1,)))
    else:
        story.append(Paragraph("Rapporten har ikke været i høring endnu.", st["body"]))
    if data.sample_appendix is not None and data.sample_appendix.draws:
        story += appendix_flowables(data.sample_appendix)
    return build_pdf(story, title=data.title, subject="Tilsynsrapport", footer=data.footer)


def staff_evaluation_flowables(s: StaffEvaluationSection) -> list[Any]:
    st = styles()
    return [KeepTogether([
        para(s.title, st["h2"]),
        para(s.criterion, st["small"]),
        Spacer(1, 2 * mm),
        table(["Mål for månedsskemaet", "Andel »Tilfredsstillende«", "Opfyldt"], [list(r) for r in s.rows],
              [118 * mm, 36 * mm, 20 * mm]),
        Spacer(1, 2 * mm),
        para(s.conclusion, st["label"]),
    ])]


APPENDIX_TITLE = "Bilag: Sådan efterprøves stikprøven"
ID_COLUMNS = 3  # resident ids per row of the frame table
# A UUID of the widest digits is 50 mm at 6.5 pt: one fits a 58 mm cell on one line.
ID_SIZE = 6.5
CODE_SIZE = 7.0


@lru_cache(maxsize=None)
def _code_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    """Small DejaVu Sans for ids and the script: embedded, so the PDF/A stays valid (no Courier)."""
    cell = styles()["cell"]
    ids = ParagraphStyle("appendix-id", parent=cell, fontSize=ID_SIZE, leading=ID_SIZE + 2.5)
    code = ParagraphStyle("appendix-code", parent=cell, fontName=FONT, fontSize=CODE_SIZE, leading=CODE_SIZE + 2)
    return ids, code


def appendix_flowables(a: SampleAppendix) -> list[Any]:
    """The appendix: the programme id and id form, then per draw the seed, size, frame date, rule
    in words and as a formula, the hashed text, the sample in order, the whole frame and who was
    left out; last the script that recomputes every draw from the JSON. Long frames split over
    pages (table rows, header repeated)."""
    st = styles()
    ids, code = _code_styles()
    out: list[Any] = [
        PageBreak(),
        para(APPENDIX_TITLE, st["h2"]),
        para("Stikprøven kan genberegnes uden programmet og uden databasen, med Pythons hashlib alene: "
             "Hver beboer i rammen får SHA-256-værdien af den viste tekst, beboerne ordnes efter værdien, "
             "og stikprøven er de første i den rækkefølge (se reglen og formlen). Beboere angives kun med "
             "deres id, aldrig med navn.", st["body"]),
        Spacer(1, 2 * mm),
        table(None, [["Program-id", para(a.programme_id, ids)], ["Id-form", a.id_form]], [44 * mm, 130 * mm]),
    ]
    for d in a.draws:
        state = "erstattet af en ny trækning" if d.superseded else "gældende trækning"
        facts = [
            ["Frø", para(d.seed, ids)],
            ["Stikprøvens størrelse (k)", str(d.size)],
            ["Rammedato", format_date(d.frame_date)],
            ["Regel", d.rule_text],
            ["Formel", para(d.formula, code)],
            ["Tekst der hashes", para(d.hashed_text, code)],
            ["Rammen", _residents(len(d.frame))],
        ]
        if d.redraw_reason:
            facts.append(["Begrundelse for ny trækning", d.redraw_reason])
        out += [para(f"{d.kind_label} · {state}", st["label"]), Spacer(1, 1 * mm),
                table(None, facts, [44 * mm, 130 * mm]), Spacer(1, 2 * mm)]
        if d.members:
            out += [para("Stikprøven i rækkefølge", st["label"]),
                    table(["Nr.", "Beboer-id", "Status"],
                          [[str(rank), para(rid or "–", ids), status] for rank, rid, status in d.members],
                          [14 * mm, 70 * mm, 90 * mm]),
                    Spacer(1, 2 * mm)]
        rows = [[para(r, ids) for r in d.frame[i:i + ID_COLUMNS]] for i in range(0, len(d.frame), ID_COLUMNS)]
        for row in rows:
            row += [""] * (ID_COLUMNS - len(row))
        out += [para(f"Rammen ({_residents(len(d.frame))})", st["label"])]
        if rows:
            out.append(table(["Beboer-id"] + [""] * (ID_COLUMNS - 1), rows, [58 * mm] * ID_COLUMNS))
        else:
            out.append(para("Rammen er tom.", st["body"]))
        out.append(Spacer(1, 2 * mm))
        if d.excluded:
            out += [para("Udeladt før trækningen", st["label"]),
                    table(["Beboer-id", "Årsag"], [[para(r, ids), why] for r, why in d.excluded],
                          [70 * mm, 104 * mm]),
                    Spacer(1, 2 * mm)]
    out += [
        para("Script, der genberegner hver stikprøve", st["label"]),
        para("Gem scriptet som recompute_sample.py og kør det på filen fra »tilsyn sample-verify --year ÅÅÅÅ "
             "--json« (eller »tilsyn sample --json«): python recompute_sample.py stikproeve.json. Filen "
             "indeholder de samme oplysninger som dette bilag.", st["small"]),
        Spacer(1, 1 * mm),
        _code_block(a.script, code),
    ]
    return out


def _residents(n: int) -> str:
    return f"{n} beboer" if n == 1 else f"{n} beboere"


def _code_block(script: str, style: ParagraphStyle) -> Table:
    """The script with its indentation kept, shrunk until its longest line fits (a wrapped line
    would no longer run)."""
    width = 174 * mm - DEFAULT_PADDING
    longest = max((stringWidth(line, style.fontName, style.fontSize) for line in script.splitlines()), default=0)
    if longest > width:
        size = style.fontSize * width / longest
        style = ParagraphStyle(f"{style.name}-fit", parent=style, fontSize=size, leading=size + 2)
    t = Table([[Preformatted(printable(script, style.fontName), style)]], colWidths=[174 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f4f7fa")),
                           ("BOX", (0, 0), (-1, -1), 0.4, GRID)]))
    return t


def _bullets(items: tuple[str, ...], empty: str) -> list[Any]:
    st = styles()
    if not items:
        return [para(empty, st["body"])]
    return [para(f"{i}. {t}", st["body"]) for i, t in enumerate(items, start=1)]
