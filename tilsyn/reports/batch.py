"""One care home's month for the authority: a cover page with the summary, then every sent form."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from .base import SPLIT_IN_ROW, PageMarker
from .monthly_form import (
    BAND,
    LABEL_BG,
    RULE,
    FormReportData,
    FormRenderer,
    form_pages,
    keep_with_next,
    name_para,
    para,
)

DEFAULT_PADDING = 12  # reportlab's left + right cell padding, which _table keeps


@dataclass(frozen=True)
class BatchCoverReportData:
    """The cover page of a care home's monthly batch; every value a display string."""

    title: str
    care_home: str
    month_name: str
    summary: tuple[tuple[str, str], ...]
    by_type: tuple[tuple[str, str], ...]  # (type, episodes)
    late: tuple[tuple[str, str, str, str], ...]  # (resident, episode, registered, reason)
    unsigned: tuple[tuple[str, str, str, str], ...]  # (resident, CPR masked, status, episodes)
    index: tuple[tuple[str, str, str, str, str], ...]  # (no., resident, CPR masked, record, episodes)
    group: str = "cover"


class BatchRenderer(FormRenderer):
    """Cover page plus the forms, each numbered "Side X af Y" on its own."""

    def cover_story(self, cover: BatchCoverReportData) -> list:
        self.fonts()
        st = self.st = self.stylesheet()
        self.width = self.pagesize[0] - self.margins[0] - self.margins[1]
        w = self.width
        out: list = [
            PageMarker(group=cover.group, header=(cover.title, cover.month_name), header_right=cover.care_home,
                       footer="Tilsyn · forside"),
            para(cover.title, st["ftitle"]),
            para(f"{cover.care_home} · {cover.month_name}", st["fsub"]),
            Spacer(1, 3 * mm),
            *self._section("Oversigt"),
            self._table([[para(k, st["flabel"]), para(v, st["fvalue"])] for k, v in cover.summary],
                        [0.55 * w, 0.45 * w], label_col=True),
            *self._section("Magtanvendelser efter type"),
        ]
        out.append(self._list(["Type af magtanvendelse", "Antal"], cover.by_type, [0.8, 0.2],
                              "Ingen magtanvendelser i de sendte skemaer."))
        out += self._section("Registreret for sent")
        out.append(self._list(["Beboer", "Magtanvendelse", "Registreret", "Årsag"], cover.late,
                              [0.25, 0.2, 0.2, 0.35], "Ingen registreringer efter fristen.", names=(0,)))
        out += self._section("Skemaer, der endnu ikke er underskrevet og sendt")
        out.append(self._list(["Beboer", "CPR-nummer", "Status", "Magtanvendelser"], cover.unsigned,
                              [0.38, 0.2, 0.24, 0.18], "Alle skemaer for måneden er underskrevet og sendt.",
                              names=(0,)))
        out += self._section("Skemaer i denne samling")
        out.append(self._list(["Nr.", "Beboer", "CPR-nummer", "Skema", "Magtanvendelser"], cover.index,
                              [0.07, 0.36, 0.16, 0.2, 0.21], "Ingen.", names=(1,)))
        return out

    def _section(self, title: str) -> list:
        band = Table([[para(title, self.st["fband"])]], colWidths=[self.width])
        band.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), BAND),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        return [keep_with_next(Spacer(1, 5)), keep_with_next(band), keep_with_next(Spacer(1, 2))]

    def _table(self, rows: list, widths: list[float], *, label_col: bool = False, header: bool = False) -> Table:
        t = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT",
                  splitInRow=SPLIT_IN_ROW)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]
        if label_col:
            style.append(("BACKGROUND", (0, 0), (0, -1), LABEL_BG))
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), LABEL_BG))
            style.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f9fb")]))
        t.setStyle(TableStyle(style))
        return t

    def _list(self, header: list[str], rows, fractions: list[float], empty: str, names: tuple[int, ...] = ()):
        """A table with a header row; the columns ``names`` hold people's names."""
        st = self.st
        if not rows:
            return para(empty, st["fbody"])
        widths = [f * self.width for f in fractions]
        data = [[para(h, st["flabel"]) for h in header]]
        data += [[name_para(c, st["fcell"], widths[i] - DEFAULT_PADDING) if i in names else para(c, st["fcell"])
                  for i, c in enumerate(row)] for row in rows]
        return self._table(data, widths, header=True)

    def render_batch(self, cover: BatchCoverReportData, forms: list[FormReportData]) -> bytes:
        """The batch PDF: the cover page, then each form from a new page in its own layout."""
        story = self.cover_story(cover)
        for data in forms:
            story += form_pages(data)
        return self.render(story, title=f"{cover.title}: {cover.care_home}, {cover.month_name}",
                           subject="Månedsindberetning af magtanvendelse", author="Tilsyn")


def render_batch(cover: BatchCoverReportData, forms: list[FormReportData]) -> bytes:
    """PDF bytes of one care home's monthly batch."""
    return BatchRenderer().render_batch(cover, forms)
