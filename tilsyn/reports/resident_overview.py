"""All force used on one resident over time: a stacked bar chart by month and type, and the table."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from .base import FONT, FONT_BOLD, PageMarker
from .monthly_form import LABEL_BG, FormRenderer, para
from .text import plain

# Colour-blind safe (Okabe-Ito), one per catalogue type in catalogue order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


@dataclass(frozen=True)
class ResidentOverviewReportData:
    """Counts only; built by the export service from ForceService.resident_overview."""

    title: str
    resident: str
    cpr_masked: str
    care_home: str
    period: str
    months: tuple[str, ...]  # short labels for the chart axis, e.g. "mar 26"
    month_names: tuple[str, ...]  # "marts 2026", for the table
    series: tuple[tuple[str, tuple[int, ...]], ...]  # (type display, count per month)
    totals: tuple[tuple[str, int], ...]
    total: int
    footnote: str


class ResidentOverviewRenderer(FormRenderer):
    def chart(self, data: ResidentOverviewReportData) -> Drawing:
        width, height = self.width, 78 * mm
        d = Drawing(width, height, initialFontName=FONT, initialFontSize=7)
        chart = VerticalBarChart()
        chart.x, chart.y = 12 * mm, 8 * mm
        chart.width, chart.height = width - 16 * mm, height - 30 * mm
        chart.data = [counts for _, counts in data.series] or [tuple(0 for _ in data.months)]
        chart.categoryAxis.categoryNames = [plain(m) for m in data.months]
        chart.categoryAxis.labels.fontName = FONT
        chart.categoryAxis.labels.fontSize = 6.5
        chart.categoryAxis.labels.angle = 0
        chart.categoryAxis.style = "stacked"
        chart.valueAxis.labels.fontName = FONT
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.valueMin = 0
        peak = max((sum(col) for col in zip(*chart.data)), default=0)
        chart.valueAxis.valueStep = max(1, -(-peak // 6))
        chart.valueAxis.valueMax = max(chart.valueAxis.valueStep * 6, 1)
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
        chart.bars.strokeWidth = 0.3
        chart.bars.strokeColor = colors.white
        for i in range(len(chart.data)):
            chart.bars[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        d.add(chart)
        legend = Legend()
        legend.fontName = FONT
        legend.fontSize = 7
        legend.alignment = "right"
        legend.x, legend.y = 12 * mm, height - 10 * mm
        legend.columnMaximum = 2
        legend.dx = legend.dy = 6
        legend.deltax = 60 * mm
        legend.colorNamePairs = [(colors.HexColor(PALETTE[i % len(PALETTE)]), _clip(plain(label), 48))
                                 for i, (label, _) in enumerate(data.series)]
        d.add(legend)
        d.add(String(0, height - 3 * mm, "Antal magtanvendelser pr. måned efter type", fontName=FONT_BOLD,
                     fontSize=8.5))
        return d

    def render_overview(self, data: ResidentOverviewReportData) -> bytes:
        self.fonts()
        st = self.st = self.stylesheet()
        self.width = self.pagesize[0] - self.margins[0] - self.margins[1]
        story: list = [
            PageMarker(group="overview", header=(data.title, data.resident), header_right=data.care_home,
                       footer="Tilsyn · oversigt pr. beboer"),
            para(data.title, st["ftitle"]),
            para(f"{data.resident} · {data.cpr_masked} · {data.care_home}", st["fsub"]),
            para(data.period, st["fnote"]),
            Spacer(1, 4 * mm),
            self.chart(data),
            Spacer(1, 4 * mm),
        ]
        header = ["Måned"] + [label for label, _ in data.series] + ["I alt"]
        rows = [[para(h, st["flabel"]) for h in header]]
        for i, name in enumerate(data.month_names):
            counts = [c[i] for _, c in data.series]
            rows.append([para(name, st["fcell"])] + [para(str(n) if n else "–", st["fcell"]) for n in counts]
                        + [para(str(sum(counts)), st["flabel"])])
        rows.append([para("I alt", st["flabel"])] + [para(str(n), st["flabel"]) for _, n in data.totals]
                    + [para(str(data.total), st["flabel"])])
        first = 0.2
        rest = (1 - first - 0.1) / max(1, len(data.series))
        widths = [first * self.width] + [rest * self.width] * len(data.series) + [0.1 * self.width]
        table = self._grid(rows, widths, [("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
                                          ("BACKGROUND", (0, -1), (-1, -1), LABEL_BG)], header=1)
        story += [table, Spacer(1, 3 * mm), para(data.footnote, st["fnote"])]
        return self.render(story, title=f"{data.title}: {data.resident}", subject=data.title)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_resident_overview(data: ResidentOverviewReportData) -> bytes:
    """PDF bytes of the per-resident overview."""
    return ResidentOverviewRenderer().render_overview(data)
