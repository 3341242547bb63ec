"""The visit report (tilsynsrapport): method, measured level per quality goal, the consultant's
assessment, the staff's perspective, joint conclusions, development areas, the action plan and
the consultation. Pseudonymous: respondents appear by code (B1, P1, M1), never by name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..messages import format_percent, format_score
from .base import SPLIT_IN_ROW, build_pdf, styles
from .charts import grouped_bars
from .text import name_para, para

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


def _bullets(items: tuple[str, ...], empty: str) -> list[Any]:
    st = styles()
    if not items:
        return [para(empty, st["body"])]
    return [para(f"{i}. {t}", st["body"]) for i, t in enumerate(items, start=1)]
