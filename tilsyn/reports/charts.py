"""Bar charts for the supervision reports (reportlab.graphics), in the embedded DejaVu font."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from ..messages import format_score
from .base import FONT, register_fonts
from .text import ELLIPSIS, plain

PALETTE = [colors.HexColor(c) for c in ("#1f5f8b", "#e39b2d", "#5a9e6f", "#9b5fa5", "#c0504d", "#7f7f7f",
                                         "#4bacc6", "#8a6d3b")]


def _values(series):
    # reportlab cannot draw None: a missing score is drawn as 0 and labelled "-".
    return [tuple(0 if v is None else v for v in values) for _, values in series]


def grouped_bars(categories: list[str], series: list[tuple[str, tuple[float | None, ...]]], *,
                 width: float = 174 * mm, height: float = 70 * mm, title: str = "") -> Drawing:
    """Vertical grouped bars, scores 0-100 per category, one colour per series, with a legend."""
    register_fonts()
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 20 * mm
    chart.width, chart.height = width - 16 * mm, height - 38 * mm
    chart.data = _values(series) or [(0,) * len(categories)]
    chart.categoryAxis.categoryNames = [_wrap(c, 18) for c in categories]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.barSpacing = 1
    chart.groupSpacing = 6
    # Explicit labels: a missing score shows "–" instead of a misleading 0.
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[_label(v) for v in values] for _, values in series] or [["" for _ in categories]]
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    for i in range(len(series)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    d.add(chart)
    if title:
        d.add(String(0, height - 5 * mm, title, fontName=FONT, fontSize=8.5))
    if len(series) > 1:
        legend = Legend()
        legend.fontName = FONT
        legend.fontSize = 7
        # One row of entries under the title, above the bars.
        legend.x, legend.y = 12 * mm, height - 9 * mm
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 38 * mm
        legend.dx = legend.dy = 6
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], _clip(plain(name), 24))
                                 for i, (name, _) in enumerate(series)]
        d.add(legend)
    return d


def horizontal_bars(labels: list[str], values: list[float | None], *, width: float = 174 * mm,
                    title: str = "") -> Drawing:
    """One horizontal bar per label (e.g. the home score of every care home), 0-100."""
    register_fonts()
    row = 5.2 * mm
    height = max(len(labels), 1) * row + 18 * mm
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 52 * mm, 8 * mm
    chart.width, chart.height = width - 60 * mm, height - 18 * mm
    # reportlab draws the first category at the bottom: reverse so the table order reads top-down.
    chart.data = [tuple(0 if v is None else v for v in reversed(values))] if values else [(0,)]
    chart.categoryAxis.categoryNames = [_clip(plain(x), 34) for x in reversed(labels)] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[_label(v) for v in reversed(values)]] if values else [[""]]
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    if title:
        d.add(String(0, height - 5 * mm, title, fontName=FONT, fontSize=8.5))
    return d


def _label(value: float | None) -> str:
    # The same two decimals as the tables beside the chart (issue 13: scores keep their decimals).
    return format_score(value)


def _wrap(text: str, width: int, max_lines: int = 3) -> str:
    """An axis label on at most ``max_lines`` lines of ``width`` characters: broken between
    words, a longer word in pieces, the rest cut with "…"."""
    words, lines, line = [], [], ""
    for w in plain(text).split():
        words += [w[i:i + width] for i in range(0, len(w), width)]
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _clip(lines[-1] + ELLIPSIS, width)
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + ELLIPSIS
