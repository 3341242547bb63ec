"""Shared PDF machinery: embedded DejaVu fonts, Danish styles, "Side X af Y", deterministic output."""

from __future__ import annotations

import io
from functools import lru_cache

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ..resources import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"


@lru_cache(maxsize=None)
def register_fonts() -> None:
    """Embed DejaVu Sans and make it reportlab's default, so no unembedded Helvetica sneaks in."""
    for name in (FONT, FONT_BOLD, FONT_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", f"{name}.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)
    rl_config.canvas_basefontname = FONT
    # Table cells and drawings read their own defaults (fixed at import): point them at DejaVu too.
    from reportlab.graphics import shapes
    from reportlab.platypus import tables

    tables.CellStyle.fontname = FONT
    shapes.STATE_DEFAULTS["fontName"] = FONT
    rl_config.defaultGraphicsFontName = FONT
    # Same data, same bytes: no creation date or random document id in the file.
    rl_config.invariant = 1


@lru_cache(maxsize=None)
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, alignment=TA_LEFT)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.HexColor("#444444")),
        "label": ParagraphStyle("label", parent=base, fontName=FONT_BOLD, fontSize=9, leading=11.5),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceBefore=8,
                             spaceAfter=4, textColor=colors.HexColor("#1f3b57")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
    }


class PageMarker(Flowable):
    """Zero-size flowable that starts a page group (one form in a batch) and sets the header and
    footer texts of the pages from here on; the canvas numbers "Side X af Y" within the group."""

    def __init__(self, group: str, header: str = "", header_right: str = "", footer: str = "",
                 note: str = "") -> None:
        super().__init__()
        self.group, self.header, self.header_right, self.footer, self.note = group, header, header_right, footer, note

    def wrap(self, avail_width, avail_height):
        return (0, 0)

    def draw(self):
        c = self.canv
        c._group = self.group
        c._header, c._header_right = self.header, self.header_right
        c._footer_note, c.footer_text = self.note, self.footer


class NumberedCanvas(rl_canvas.Canvas):
    """Writes "Side X af Y", the header and the footer on every page once the page count is
    known. Pages are numbered within their group (see PageMarker), else through the document."""

    footer_text = ""
    _group = ""
    _header = ""
    _header_right = ""
    _footer_note = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []

    def showPage(self):  # noqa: N802 (reportlab's name)
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        totals: dict[str, int] = {}
        for state in self._saved_pages:
            group = state.get("_group", "")
            totals[group] = totals.get(group, 0) + 1
        seen: dict[str, int] = {}
        for state in self._saved_pages:
            self.__dict__.update(state)
            seen[self._group] = seen.get(self._group, 0) + 1
            self._draw_header()
            self._draw_footer(totals[self._group], seen[self._group])
            super().showPage()
        super().save()

    def _draw_header(self) -> None:
        if not (self._header or self._header_right):
            return
        width, height = self._pagesize
        self.saveState()
        self.setFont(FONT, 7.5)
        self.setFillColor(colors.HexColor("#555555"))
        self.drawString(18 * mm, height - 10 * mm, self._header)
        self.drawRightString(width - 18 * mm, height - 10 * mm, self._header_right)
        self.setStrokeColor(colors.HexColor("#9aa8b5"))
        self.setLineWidth(0.4)
        self.line(18 * mm, height - 11.5 * mm, width - 18 * mm, height - 11.5 * mm)
        self.restoreState()

    def _draw_footer(self, total: int, number: int | None = None) -> None:
        self.saveState()
        width, _ = self._pagesize
        if self._footer_note:
            self.setFont(FONT, 6.5)
            self.setFillColor(colors.HexColor("#333333"))
            self.drawCentredString(width / 2, 14 * mm, self._footer_note)
        self.setFont(FONT, 7.5)
        self.setFillColor(colors.HexColor("#555555"))
        page = self._pageNumber if number is None else number
        self.drawRightString(width - 18 * mm, 10 * mm, f"Side {page} af {total}")
        if self.footer_text:
            self.drawString(18 * mm, 10 * mm, self.footer_text)
        self.restoreState()


class ReportRenderer:
    """Base of every PDF: template methods for fonts, stylesheet, page templates and canvas, as in
    pretix's invoice renderer. Subclasses build the story; ``render`` lays it out."""

    pagesize = A4
    margins = (18 * mm, 18 * mm, 16 * mm, 20 * mm)  # left, right, top, bottom

    def fonts(self) -> None:
        register_fonts()

    def stylesheet(self) -> dict[str, ParagraphStyle]:
        return styles()

    def page_templates(self, doc: BaseDocTemplate) -> list[PageTemplate]:
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return [PageTemplate(id="page", frames=[frame])]

    def canvas_class(self, footer: str = "") -> type[NumberedCanvas]:
        return type("FooterCanvas", (NumberedCanvas,), {"footer_text": footer})

    def document(self, buf, *, title: str, author: str, subject: str) -> BaseDocTemplate:
        left, right, top, bottom = self.margins
        doc = BaseDocTemplate(
            buf, pagesize=self.pagesize, leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
            title=title, author=author, subject=subject, creator="Tilsyn", invariant=1,
        )
        doc.addPageTemplates(self.page_templates(doc))
        return doc

    def render(self, story: list, *, title: str, author: str = "Tilsyn", subject: str = "", footer: str = "") -> bytes:
        """Lay out ``story`` and return the PDF bytes (deterministic: invariant mode)."""
        self.fonts()
        buf = io.BytesIO()
        doc = self.document(buf, title=title, author=author, subject=subject)
        doc.build(story, canvasmaker=self.canvas_class(footer))
        return buf.getvalue()


class _PlainRenderer(ReportRenderer):
    margins = (18 * mm, 18 * mm, 16 * mm, 18 * mm)

    def page_templates(self, doc: BaseDocTemplate) -> list[PageTemplate]:
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
        return [PageTemplate(id="page", frames=[frame])]


def build_pdf(story: list, *, title: str, author: str = "Tilsyn", subject: str = "", footer: str = "") -> bytes:
    """Lay out ``story`` on A4 with margins and the numbered footer; return the PDF bytes."""
    return _PlainRenderer().render(story, title=title, author=author, subject=subject, footer=footer)
