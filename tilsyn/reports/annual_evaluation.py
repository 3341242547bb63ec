"""The annual evaluation (delevaluering) across care homes and years: the measured level per
quality goal for every home, the municipality's development over the years (charts), the
principle of the year, and the staff evaluation of the monthly form. Pseudonymous."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from .base import build_pdf, styles
from .charts import grouped_bars, horizontal_bars
from .text import para
from .visit_report import StaffEvaluationSection, fmt_score, staff_evaluation_flowables, table


@dataclass(frozen=True)
class HomeRow:
    care_home: str
    visit_date: str
    status: str
    respondents: str
    score: float | None
    goal_scores: tuple[float | None, ...]  # aligned with AnnualEvaluationData.goal_columns
    result: str


@dataclass(frozen=True)
class YearRow:
    year: int
    homes_visited: int
    respondents: int
    score: float | None
    goal_scores: tuple[float | None, ...]


@dataclass(frozen=True)
class StaffYearRow:
    year: int
    participants: int
    met: str


@dataclass(frozen=True)
class AnnualEvaluationData:
    """Built by SupervisionService.annual_evaluation_data."""

    title: str
    generated: str
    facts: tuple[tuple[str, str], ...]
    goal_columns: tuple[str, ...]
    homes: tuple[HomeRow, ...]
    municipality_score: float | None
    municipality_goal_scores: tuple[float | None, ...]
    years: tuple[YearRow, ...]
    home_scores_by_year: tuple[tuple[str, tuple[float | None, ...]], ...]  # home -> score per year in ``years``
    staff_evaluation: StaffEvaluationSection | None
    staff_by_year: tuple[StaffYearRow, ...]
    due: tuple[tuple[str, str, str], ...]  # home, due date, why
    method: tuple[str, ...]
    footer: str


def render_annual_evaluation(data: AnnualEvaluationData) -> bytes:
    """PDF bytes of the annual evaluation."""
    st = styles()
    goals = list(data.goal_columns)
    story: list[Any] = [
        para(data.title, st["h1"]),
        para(data.generated, st["small"]),
        Spacer(1, 3 * mm),
        table(["Oplysning", "Værdi"], [[k, v] for k, v in data.facts], [60 * mm, 114 * mm]),
        Paragraph("Metode", st["h2"]),
    ]
    story += [para(p, st["body"]) for p in data.method]

    story.append(Paragraph("Plejecentrenes resultater", st["h2"]))
    if data.homes:
        goal_w = (174 - 40 - 22 - 18) / max(len(goals), 1)
        rows = [[h.care_home, h.visit_date, fmt_score(h.score), *[fmt_score(s) for s in h.goal_scores]]
                for h in data.homes]
        rows.append(["Kommunen (gennemsnit)", "", fmt_score(data.municipality_score),
                     *[fmt_score(s) for s in data.municipality_goal_scores]])
        story.append(table(["Plejecenter", "Besøg", "Samlet", *goals], rows,
                           [40 * mm, 22 * mm, 18 * mm, *([goal_w * mm] * len(goals))],
                           bold_rows=(len(rows) - 1,), names=(0,)))
        story.append(Spacer(1, 2 * mm))
        story.append(table(["Plejecenter", "Status", "Respondenter", "Samlet vurdering"],
                           [[h.care_home, h.status, h.respondents, h.result] for h in data.homes],
                           [56 * mm, 30 * mm, 40 * mm, 48 * mm], names=(0,)))
        story.append(Spacer(1, 4 * mm))
        story.append(horizontal_bars([h.care_home for h in data.homes], [h.score for h in data.homes],
                                     title="Samlet score pr. plejecenter (0-100)"))
    else:
        story.append(Paragraph("Der er ingen gennemførte tilsynsbesøg i året.", st["body"]))

    story.append(PageBreak())
    story.append(Paragraph("Udvikling over årene", st["h2"]))
    if data.years:
        story.append(table(["År", "Plejecentre", "Respon­denter", "Samlet", *goals],
                           [[str(y.year), str(y.homes_visited), str(y.respondents), fmt_score(y.score),
                             *[fmt_score(s) for s in y.goal_scores]] for y in data.years],
                           [12 * mm, 24 * mm, 20 * mm, 18 * mm,
                            *([((174 - 74) / max(len(goals), 1)) * mm] * len(goals))]))
        story.append(Spacer(1, 4 * mm))
        story.append(grouped_bars(goals, [(str(y.year), y.goal_scores) for y in data.years],
                                  title="Kommunens score pr. kvalitetsmål og år (0-100)"))
        if len(data.years) > 1 and data.home_scores_by_year:
            story.append(Spacer(1, 4 * mm))
            story.append(grouped_bars([h for h, _ in data.home_scores_by_year],
                                      [(str(y.year), tuple(s[i] for _, s in data.home_scores_by_year))
                                       for i, y in enumerate(data.years)],
                                      height=80 * mm, title="Samlet score pr. plejecenter og år (0-100)"))

    if data.staff_evaluation is not None:
        story += staff_evaluation_flowables(data.staff_evaluation)
    if data.staff_by_year:
        story.append(Spacer(1, 2 * mm))
        story.append(table(["År", "Deltagende personale", "Succeskriteriet opfyldt"],
                           [[str(r.year), str(r.participants), r.met] for r in data.staff_by_year],
                           [20 * mm, 50 * mm, 60 * mm]))

    story.append(Paragraph("Plejecentre, der skal have tilsyn", st["h2"]))
    if data.due:
        story.append(table(["Plejecenter", "Næste besøg senest", "Begrundelse"], [list(r) for r in data.due],
                           [70 * mm, 40 * mm, 64 * mm], names=(0,)))
    else:
        story.append(Paragraph("Ingen plejecentre har overskredet fristen.", st["body"]))
    return build_pdf(story, title=data.title, subject="Årsevaluering af tilsyn", footer=data.footer)
