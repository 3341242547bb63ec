"""Shared PDF machinery: embedded DejaVu fonts, Danish styles, "Side X af Y", deterministic output.

Any content lays out: tables split inside a row, long words wrap, headings stay with the first
piece of what follows (``KeepWithFirst``), running headers and footers are shortened with "…"
to their width, and every character is drawn by a font that has it (see ``text``)."""

from __future__ import annotations

import io
from functools import lru_cache

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import _ContainerSpace, _listWrapOn

from ..resources import resource_path
from .text import FALLBACK_FONTS, draw_runs, fit_line, fit_pair, metadata

FONT = "DejaVuSans"
# Table(splitInRow=...): a row taller than the rest of the page continues on the next one, but
# only with at least this much of it (points, about two lines) on each side of the break, so a
# heading never stands above a sliver of an empty row.
SPLIT_IN_ROW = 24
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with code points above U+FFFF written as UTF-16 (reportlab
    writes five hex digits, which readers take for another character: an emoji's text became
    a Greek letter) and at most 100 entries per bfchar block, as the CMap format asks."""
    entries = [f"<{i:02X}> <{chr(v).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
               for i, v in enumerate(subset)]
    blocks: list[str] = []
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", *blocks, "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


@lru_cache(maxsize=None)
def register_fonts() -> None:
    """Embed DejaVu Sans (and its fallbacks) and make it reportlab's default, so no unembedded
    Helvetica sneaks in."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name in (FONT, FONT_BOLD, FONT_ITALIC, *FALLBACK_FONTS):
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
    # A word wider than a whole line is split (names are broken by text.name_para instead).
    # reportlab's own hyphenation (embeddedHyphenation) is left off: on a paragraph wrapped
    # twice it drops the hyphen it broke at.
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, alignment=TA_LEFT,
                          splitLongWords=1)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.HexColor("#444444")),
        "label": ParagraphStyle("label", parent=base, fontName=FONT_BOLD, fontSize=9, leading=11.5),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=6,
                             keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceBefore=8,
                             spaceAfter=4, textColor=colors.HexColor("#1f3b57"), keepWithNext=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
    }


class KeepWithFirst(_ContainerSpace, Flowable):
    """Headings (flowables with keepWithNext) and the flowable after them: the headings go on
    the page where the first piece of that flowable fits (a table's first rows, a paragraph's
    first lines), never alone at the foot of a page. Used as the document's keepTogetherClass,
    so unlike reportlab's KeepTogether a long table after a heading still starts on the
    current page."""

    def __init__(self, flowables: list) -> None:
        self._content = list(flowables)

    def wrap(self, avail_width, avail_height):
        width, self._height = _listWrapOn(self._content, avail_width, self.canv)
        return width, 0xFFFFFF  # always split, as reportlab's KeepTogether does

    def split(self, avail_width, avail_height):
        content = self._content
        frame = getattr(self, "_frame", None)
        at_top = getattr(frame, "_atTop", False)
        heads, body = content[:-1], content[-1]
        _, used = _listWrapOn(heads, avail_width, self.canv)
        # The frame puts the last heading's space after it and the body's space before it in
        # between (1 pt spare for rounding).
        gap = (heads[-1].getSpaceAfter() if heads else 0) + body.getSpaceBefore() + 1
        room = avail_height - used - gap
        if room > 0:
            _, height = body.wrapOn(self.canv, avail_width, room)
            if height <= room:
                return list(content)
            parts = body.splitOn(self.canv, avail_width, room)
            if parts:
                return [*heads, *parts]
        # Not even the first piece fits here: all of it from the next frame (on a fresh page
        # nothing better can be done, so the body splits as it will).
        return list(content) if at_top else [FrameBreak(), *content]


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

    HEADER_SIZE = 7.5
    EDGE = 18 * mm
    GAP = 6 * mm

    def header_runs(self) -> tuple[list, list]:
        """The left and right header as drawn: shortened with "…" so they never overlap."""
        width = self._pagesize[0] - 2 * self.EDGE
        return fit_pair(self._header, self._header_right, FONT, self.HEADER_SIZE, width, self.GAP)

    def footer_runs(self, page_label: str) -> list:
        """The left footer as drawn: shortened so it ends before "Side X af Y"."""
        width = self._pagesize[0] - 2 * self.EDGE - self.GAP
        width -= pdfmetrics.stringWidth(page_label, FONT, self.HEADER_SIZE)
        return fit_line(self.footer_text, FONT, self.HEADER_SIZE, width)

    def _draw_header(self) -> None:
        if not (self._header or self._header_right):
            return
        width, height = self._pagesize
        self.saveState()
        self.setFillColor(colors.HexColor("#555555"))
        left, right = self.header_runs()
        draw_runs(self, self.EDGE, height - 10 * mm, left, self.HEADER_SIZE)
        draw_runs(self, width - self.EDGE, height - 10 * mm, right, self.HEADER_SIZE, align="right")
        self.setStrokeColor(colors.HexColor("#9aa8b5"))
        self.setLineWidth(0.4)
        self.line(18 * mm, height - 11.5 * mm, width - 18 * mm, height - 11.5 * mm)
        self.restoreState()

    def _draw_footer(self, total: int, number: int | None = None) -> None:
        self.saveState()
        width, _ = self._pagesize
        if self._footer_note:
            self.setFillColor(colors.HexColor("#333333"))
            note = fit_line(self._footer_note, FONT, 6.5, width - 2 * self.EDGE)
            draw_runs(self, width / 2, 14 * mm, note, 6.5, align="centre")
        self.setFont(FONT, self.HEADER_SIZE)
        self.setFillColor(colors.HexColor("#555555"))
        page = self._pageNumber if number is None else number
        label = f"Side {page} af {total}"
        self.drawRightString(width - self.EDGE, 10 * mm, label)
        if self.footer_text:
            draw_runs(self, self.EDGE, 10 * mm, self.footer_runs(label), self.HEADER_SIZE)
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
            title=metadata(title), author=metadata(author), subject=metadata(subject), creator="Tilsyn", invariant=1,
        )
        doc.keepTogetherClass = KeepWithFirst
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
