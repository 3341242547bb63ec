"""The monthly use-of-force form and the acute record as PDF, in the layout of a versioned template.

``FormReportData`` is built by ``tilsyn.services.exports`` with every value already a Danish
display string; ``FormRenderer`` walks the template's blocks (resources/templates/<id>.toml) and
puts each value under its label. A template that needs drawing the standard blocks cannot do
registers its own renderer class under its ``renderer`` name in ``RENDERERS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from ..domain.templates import Block, FormTemplate, load_template
from .base import FONT, FONT_BOLD, FONT_ITALIC, SPLIT_IN_ROW, PageMarker, ReportRenderer, styles
from .text import name_para, para

# para and name_para are imported from here by the other renderers.

# Values that hold people's names: they break between words, never inside one (see name_para).
NAME_VALUES = frozenset({"name", "staff_marked", "leader_name_date", "processed_by", "processed_name_position"})
CELL_PADDING = 8  # left + right padding of a grid cell

CHECKED = "☒"
UNCHECKED = "☐"

INK = colors.HexColor("#1a1a1a")
BAND = colors.HexColor("#1f3b57")
LABEL_BG = colors.HexColor("#eef2f6")
RULE = colors.HexColor("#8c9aa8")
MARKED_BG = colors.HexColor("#fff4cc")
SIGNED_BG = colors.HexColor("#eaf4ea")
UNSIGNED_BG = colors.HexColor("#f6eeee")
MISMATCH_BG = colors.HexColor("#f8d7d7")


@dataclass(frozen=True)
class PermitRow:
    types: str
    prerequisites: str
    period: str


@dataclass(frozen=True)
class EpisodeRow:
    when: str
    short_description: str
    avoidance: str
    least_intrusive: str
    staff_marked: str


@dataclass(frozen=True)
class TypeUse:
    """One episode's line in Skema 1's type table (section 2.1)."""

    type: str
    situation: str
    times: str
    location: str
    purpose: str


@dataclass(frozen=True)
class StaffRow:
    name: str
    mark: str
    workplace: str
    position: str


@dataclass(frozen=True)
class DayPart:
    """The episodes of one day: Skema 1 is filled in once a day."""

    day: str
    uses: tuple[TypeUse, ...]
    narratives: tuple[str, ...]
    staff: tuple[StaffRow, ...]


@dataclass(frozen=True)
class SignatureLine:
    section: int
    signed: bool
    signer: str
    role: str
    signed_at: str
    short_hash: str
    template_version: str
    # Danish text when the section's live content no longer matches the signature ("" when it does):
    # the section is then not printed as signed.
    mismatch: str = ""


@dataclass(frozen=True)
class FormReportData:
    """A monthly form (``kind`` "monthly") or an acute record ("acute"), ready to print."""

    form_id: str
    kind: str
    layout: str
    document_title: str
    status_label: str
    month_name: str
    care_home: str
    # section 1
    cpr: str
    name: str
    address: str
    postal_city: str
    address_line: str
    care_home_unit: str
    acting_municipality: str
    residence_municipality: str
    permits: tuple[PermitRow, ...]
    periods: tuple[tuple[str, str], ...]  # (force type code, permitted period)
    # section 2
    episodes: tuple[EpisodeRow, ...]
    days: tuple[DayPart, ...]
    # section 3
    necessity: str
    reflection: str
    action_plan_updated: str
    leader_name_date: str
    discussed_in_staff_group: bool | None
    discussed_when: str
    discussion_plans: str
    action_plan_exists: bool | None
    other: str
    leader_date_signature: str
    # section 4
    followup_remarks: str
    municipalities_informed: str
    processed_by: str
    residence_municipality_informed: bool | None
    processed_name_position: str
    processed_municipality: str
    processed_date_signature: str
    signatures: tuple[SignatureLine, ...]
    notices: tuple[str, ...]
    control: tuple[tuple[str, str], ...]

    def period_for(self, type_code: str) -> str:
        return next((p for code, p in self.periods if code == type_code), "")


def keep_with_next(flowable):
    """``flowable`` marked to stay with what follows it (see base.KeepWithFirst)."""
    flowable.keepWithNext = 1
    return flowable


class FormRenderer(ReportRenderer):
    """Lays out any template made of the standard blocks (see tilsyn.domain.templates)."""

    def stylesheet(self) -> dict[str, ParagraphStyle]:
        st = dict(styles())
        body = ParagraphStyle("fbody", parent=st["body"], fontSize=8.5, leading=11, textColor=INK)
        st.update({
            "fbody": body,
            "ftitle": ParagraphStyle("ftitle", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=16,
                                     spaceAfter=3),
            "fnote": ParagraphStyle("fnote", parent=body, fontName=FONT_ITALIC, fontSize=7.5, leading=9.5,
                                    textColor=colors.HexColor("#333333")),
            "ftext": ParagraphStyle("ftext", parent=body, fontSize=8, leading=10.5, spaceAfter=2.5),
            "fband": ParagraphStyle("fband", parent=body, fontName=FONT_BOLD, fontSize=9.5, leading=12,
                                    textColor=colors.white),
            "fsub": ParagraphStyle("fsub", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11,
                                   spaceBefore=5, spaceAfter=2.5, keepWithNext=1),
            "flabel": ParagraphStyle("flabel", parent=body, fontName=FONT_BOLD, fontSize=7.5, leading=9.5),
            "fhead": ParagraphStyle("fhead", parent=body, fontName=FONT_BOLD, fontSize=7, leading=8.8),
            "fvalue": ParagraphStyle("fvalue", parent=body, fontSize=8.5, leading=11),
            "fcell": ParagraphStyle("fcell", parent=body, fontSize=7.5, leading=9.5),
            "fmark": ParagraphStyle("fmark", parent=body, fontSize=11, leading=12, alignment=TA_CENTER),
            "fday": ParagraphStyle("fday", parent=body, fontName=FONT_BOLD, fontSize=9, leading=12,
                                   textColor=BAND, keepWithNext=1),
            "fsmall": ParagraphStyle("fsmall", parent=body, fontSize=7, leading=9,
                                     textColor=colors.HexColor("#333333")),
            "fnotice": ParagraphStyle("fnotice", parent=body, fontSize=8, leading=10.5),
        })
        return st

    # -- the whole form --------------------------------------------------------------------------
    def render_form(self, data: FormReportData, template: FormTemplate | None = None) -> bytes:
        """PDF bytes of one form."""
        template = template or load_template(data.layout)
        return self.render(self.story(data, template), title=self.title(data, template),
                           subject=template.name, author="Tilsyn")

    def title(self, data: FormReportData, template: FormTemplate) -> str:
        return f"{data.document_title}: {data.name}, {data.month_name}"

    def story(self, data: FormReportData, template: FormTemplate) -> list:
        """Flowables of one form, starting a page group of its own (for batches)."""
        self.fonts()
        self.st = self.stylesheet()
        self.width = self.pagesize[0] - self.margins[0] - self.margins[1]
        out: list = [PageMarker(
            group=data.form_id,
            header=(data.document_title, data.name, data.month_name),
            header_right=data.care_home,
            footer=f"{template.name} · skema {data.form_id[:8]}",
            note=template.page_footer,
        )]
        if data.notices:
            out += self._notices(data.notices)
        for block in template.blocks:
            out += self.block(block, data, data)
        out.append(self._control(data))
        return out

    # -- blocks ----------------------------------------------------------------------------------
    def block(self, b: Block, data: FormReportData, item: Any) -> list:
        handler = getattr(self, f"block_{b.kind}")
        return handler(b, data, item)

    def value(self, item: Any, data: FormReportData, name: str) -> Any:
        if hasattr(item, name):
            return getattr(item, name)
        return getattr(data, name)

    def block_title(self, b: Block, data, item) -> list:
        return [para(b.text, self.st["ftitle"])]

    def block_note(self, b: Block, data, item) -> list:
        return [para(b.text, self.st["fnote"]), Spacer(1, 2)]

    def block_text(self, b: Block, data, item) -> list:
        return [para(b.text, self.st["ftext"])]

    def block_section(self, b: Block, data, item) -> list:
        band = Table([[para(b.title, self.st["fband"])]], colWidths=[self.width])
        band.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), BAND),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ]))
        # The band, its note and the spaces stay with the first piece of the next block.
        out: list = [CondPageBreak(45 * mm), keep_with_next(Spacer(1, 5)), keep_with_next(band)]
        if b.note:
            out += [keep_with_next(Spacer(1, 2)), keep_with_next(para(b.note, self.st["fnote"]))]
        out.append(keep_with_next(Spacer(1, 3)))
        return out

    def block_subheading(self, b: Block, data, item) -> list:
        return [para(b.text, self.st["fsub"])]

    def _grid(self, rows: list, widths: list[float], extra: list | None = None, header: int = 0,
              heights: list | None = None) -> Table:
        # splitInRow: a row taller than the rest of the page continues on the next one.
        t = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=header, hAlign="LEFT",
                  splitInRow=SPLIT_IN_ROW)
        t.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            *(extra or []),
        ]))
        return t

    def cell(self, name: str, value: Any, style: ParagraphStyle, width: float) -> Paragraph:
        """The paragraph for field ``name`` in a grid column ``width`` wide."""
        if name in NAME_VALUES:
            return name_para(value, style, width - CELL_PADDING)
        return para(value, style)

    def block_fields(self, b: Block, data, item) -> list:
        rows = []
        w = self.width
        for f in b.fields:
            label: list = [para(f.label, self.st["flabel"])]
            if f.hint:
                label.append(para(f.hint, self.st["fsmall"]))
            rows.append([label, self.cell(f.value, self.value(item, data, f.value), self.st["fvalue"], 0.7 * w)])
        return [self._grid(rows, [0.3 * w, 0.7 * w], [("BACKGROUND", (0, 0), (0, -1), LABEL_BG)])]

    def block_answers(self, b: Block, data, item) -> list:
        rows, extra, heights = [], [], []
        for i, f in enumerate(b.fields):
            answer = self.value(item, data, f.value)
            rows += [[para(f.label, self.st["flabel"])], [para(answer, self.st["fvalue"])]]
            # An empty answer still gets room, as on the paper form.
            heights += [None, None if str(answer or "").strip() else 10 * mm]
            extra.append(("BACKGROUND", (0, 2 * i), (0, 2 * i), LABEL_BG))
        return [self._grid(rows, [self.width], extra, heights=heights)]

    def block_table(self, b: Block, data, item) -> list:
        st = self.st
        widths = [c.width * self.width for c in b.columns]
        rows: list = [[para(c.label, st["fhead"]) for c in b.columns]]
        for r in self.value(item, data, b.rows) or ():
            rows.append([self.cell(c.value, getattr(r, c.value), st["fcell"], w)
                         for c, w in zip(b.columns, widths)])
        heights = None
        if len(rows) == 1:  # nothing to list: an empty line to fill in, as on the paper form
            rows.append([para("", st["fcell"]) for _ in b.columns])
            heights = [None, 10 * mm]
        return [self._grid(rows, widths, [("BACKGROUND", (0, 0), (-1, 0), LABEL_BG)], header=1, heights=heights)]

    def block_type_table(self, b: Block, data, item) -> list:
        st = self.st
        first = 1.0 - sum(c.width for c in b.columns)
        widths = [first * self.width] + [c.width * self.width for c in b.columns]
        uses = tuple(getattr(item, "uses", ()))
        rows: list = []
        extra: list = []
        for i, t in enumerate(b.types):
            matching = [u for u in uses if u.type == t.type and (u.situation == t.situation or t.heading)]
            if t.heading:
                matching = []
            values = {
                "period": "" if t.situation else data.period_for(t.type),
                "times": "\n".join(u.times for u in matching),
                "mark": "" if t.heading else (CHECKED if matching else UNCHECKED),
                "location": "\n".join(u.location for u in matching),
                "purpose": "\n".join(u.purpose for u in matching),
            }
            label_style = st["flabel"] if not t.situation else st["fcell"]
            row: list = [para(t.label, label_style)]
            for c in b.columns:
                cell = para(values.get(c.value, ""), st["fmark"] if c.value == "mark" else st["fcell"])
                row.append([para(c.label, st["fsmall"]), Spacer(1, 2), cell] if i == 0 else cell)
            rows.append(row)
            if matching:
                extra.append(("BACKGROUND", (0, i), (-1, i), MARKED_BG))
        extra.append(("BACKGROUND", (0, 0), (0, -1), LABEL_BG))
        for i, t in enumerate(b.types):
            if t.heading or not t.situation:
                continue
            extra.append(("LEFTPADDING", (0, i), (0, i), 10))
        return [self._grid(rows, widths, extra)]

    def block_box(self, b: Block, data, item) -> list:
        st = self.st
        texts = self.value(item, data, b.value) or ()
        inner: list = [para(b.note, st["fnote"]), Spacer(1, 3)]
        inner += [para(t, st["fvalue"]) for t in texts] or [Spacer(1, 12 * mm)]
        return [self._grid([[inner]], [self.width])]

    def block_yesno(self, b: Block, data, item) -> list:
        answer = self.value(item, data, b.value)
        marks = (f"{CHECKED if answer is True else UNCHECKED} {b.yes}    "
                 f"{CHECKED if answer is False else UNCHECKED} {b.no}")
        w = self.width
        return [self._grid([[para(b.label, self.st["flabel"]), para(marks, self.st["fvalue"])]],
                           [0.75 * w, 0.25 * w], [("BACKGROUND", (0, 0), (0, 0), LABEL_BG)])]

    def block_signature(self, b: Block, data, item) -> list:
        st = self.st
        sig = next((s for s in data.signatures if s.section == b.section), None)
        if sig is None or not sig.signed:
            text = f"Afsnit {b.section} er ikke underskrevet."
            cells = [[para("Elektronisk underskrift", st["flabel"]), para(text, st["fcell"])]]
            bg = UNSIGNED_BG
        elif sig.mismatch:
            text = (f"{sig.mismatch} Underskriften ({sig.signer}, {sig.role}, {sig.signed_at}, kontrolsum "
                    f"{sig.short_hash}) gælder ikke det, der står her.")
            cells = [[para("Elektronisk underskrift", st["flabel"]), para(text, st["fnotice"])]]
            bg = MISMATCH_BG
        else:
            text = (f"{sig.signer} ({sig.role}) · {sig.signed_at} · kontrolsum {sig.short_hash} · "
                    f"skabelon {sig.template_version}")
            cells = [[para("Elektronisk underskrift", st["flabel"]), para(text, st["fcell"])]]
            bg = SIGNED_BG
        w = self.width
        return [Spacer(1, 3), self._grid(cells, [0.25 * w, 0.75 * w], [("BACKGROUND", (0, 0), (-1, -1), bg)])]

    def block_repeat(self, b: Block, data, item) -> list:
        out: list = []
        items = self.value(item, data, b.rows) or ()
        for sub in items or (None,):
            if sub is not None and b.heading:
                out += [keep_with_next(Spacer(1, 4)), para(getattr(sub, b.heading), self.st["fday"])]
            for nested in b.blocks:
                out += self.block(nested, data, sub if sub is not None else object())
        return out

    # -- app additions (not part of the official form) ------------------------------------------
    def _notices(self, notices: tuple[str, ...]) -> list:
        rows = [[para(n, self.st["fnotice"])] for n in notices]
        return [self._grid(rows, [self.width], [("BACKGROUND", (0, 0), (-1, -1), MARKED_BG)]), Spacer(1, 4)]

    def _control(self, data: FormReportData) -> KeepTogether:
        st = self.st
        rows = [[para(label, st["flabel"]), para(value, st["fcell"])] for label, value in data.control]
        w = self.width
        table = self._grid(rows, [0.3 * w, 0.7 * w], [("BACKGROUND", (0, 0), (0, -1), LABEL_BG)])
        return KeepTogether([Spacer(1, 8), para("Kontroloplysninger", st["fsub"]), table])


RENDERERS: dict[str, type[FormRenderer]] = {"form": FormRenderer}


def renderer_for(template: FormTemplate) -> FormRenderer:
    """The renderer registered under the template's ``renderer`` name."""
    return RENDERERS[template.renderer]()


def render_form(data: FormReportData) -> bytes:
    """PDF bytes of one monthly form or acute record in the layout ``data.layout``."""
    template = load_template(data.layout)
    return renderer_for(template).render_form(data, template)


def form_pages(data: FormReportData) -> list:
    """The story of one form in its own layout, for a batch that starts it on a new page."""
    template = load_template(data.layout)
    return [PageBreak(), *renderer_for(template).story(data, template)]
