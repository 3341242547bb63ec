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
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

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


class NumberedCanvas(rl_canvas.Canvas):
    """Writes "Side X af Y" and a footer line on every page once the page count is known."""

    footer_text = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []

    def showPage(self):  # noqa: N802 (reportlab's name)
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        self.saveState()
        self.setFont(FONT, 7.5)
        self.setFillColor(colors.HexColor("#555555"))
        width, _ = self._pagesize
        self.drawRightString(width - 18 * mm, 10 * mm, f"Side {self._pageNumber} af {total}")
        if self.footer_text:
            self.drawString(18 * mm, 10 * mm, self.footer_text)
        self.restoreState()


def build_pdf(story: list, *, title: str, author: str = "Tilsyn", subject: str = "", footer: str = "") -> bytes:
    """Lay out ``story`` on A4 with margins and the numbered footer; return the PDF bytes."""
    register_fonts()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=18 * mm,
        title=title, author=author, subject=subject, creator="Tilsyn", invariant=1,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    canvas_class = type("FooterCanvas", (NumberedCanvas,), {"footer_text": footer})
    doc.build(story, canvasmaker=canvas_class)
    return buf.getvalue()
