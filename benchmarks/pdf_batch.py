"""Monthly PDF batch: pages per second through Tilsyn's renderer against bare reportlab.

DESIGN.md section 7: the batch must reach at least half of reportlab's own throughput for the
same pages. Both sides lay out the same paragraphs and tables with the same embedded DejaVu fonts
from the same report data; the bare side skips templates, page groups, headers and "Side X af Y".

    .venv/bin/python benchmarks/pdf_batch.py [--db FILE] [--month YYYY-MM] [--rounds N]

Without --db a demo municipality is created in a temporary file (19 care homes, a year of forms).
Not a test: it prints figures and the ratio (target >= 0.5).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pypdf  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

from tilsyn.domain.roles import SYSTEM_EXPORT  # noqa: E402
from tilsyn.domain.templates import load_template  # noqa: E402
from tilsyn.reports.base import FONT, FONT_BOLD, register_fonts  # noqa: E402
from tilsyn.reports.batch import render_batch  # noqa: E402
from tilsyn.services.app import close_app, open_app  # noqa: E402
from tilsyn.services.demo import DemoService  # noqa: E402
from tilsyn.services.exports import ExportService, form_report_data  # noqa: E402
from tilsyn.services.force import ForceService  # noqa: E402


def collect(db: str | None, month: str | None):
    """(cover, forms) per care home for the month with the most sent forms."""
    if db is None:
        db = str(Path(tempfile.mkdtemp()) / "bench.sqlite")
        opened = open_app(db)
        DemoService(opened.context).fill()
        close_app(opened.context)
    opened = open_app(db, actor=SYSTEM_EXPORT)
    ctx = opened.context
    force, export = ForceService(ctx), ExportService(ctx)
    sent = force.inbox(include_processed=True)
    if month is None:
        counts: dict[str, int] = {}
        for s in sent:
            key = f"{s.year:04d}-{s.month:02d}"
            counts[key] = counts.get(key, 0) + 1
        month = max(counts, key=lambda k: (counts[k], k))
    from tilsyn.domain.force import Month

    m = Month.parse(month)
    head = export.head()
    batches = []
    for home in [h for h in export._collect(m, None) if h.forms]:
        forms = [form_report_data(f, head=head) for f in home.forms]
        batches.append((export._cover(m, home, head), forms))
    close_app(ctx)
    return month, batches


# -- bare reportlab: the same paragraphs and tables, written directly --------------------------------

def bare_styles():
    body = ParagraphStyle("b", fontName=FONT, fontSize=8.5, leading=11)
    return {
        "title": ParagraphStyle("t", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=16),
        "text": ParagraphStyle("x", parent=body, fontSize=8, leading=10.5),
        "label": ParagraphStyle("l", parent=body, fontName=FONT_BOLD, fontSize=7.5, leading=9.5),
        "cell": ParagraphStyle("c", parent=body, fontSize=7.5, leading=9.5),
        "value": body,
        "band": ParagraphStyle("h", parent=body, fontName=FONT_BOLD, fontSize=9.5, leading=12,
                               textColor=colors.white),
    }


GRID = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                   ("FONTNAME", (0, 0), (-1, -1), FONT)])


def p(text, style):
    return Paragraph(escape(str(text or "")).replace("\n", "<br/>"), style)


def bare_form(data, st, width):
    template = load_template(data.layout)
    out = []

    def blocks(items, item):
        for b in items:
            val = (lambda n: getattr(item, n) if hasattr(item, n) else getattr(data, n))
            if b.kind in ("title", "text", "note", "subheading"):
                out.append(p(b.text, st["title" if b.kind == "title" else "text"]))
            elif b.kind == "section":
                t = Table([[p(b.title, st["band"])]], colWidths=[width])
                t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#1f3b57"))]))
                out.extend([Spacer(1, 5), t, p(b.note, st["text"])])
            elif b.kind in ("fields", "answers"):
                out.append(Table([[p(f.label, st["label"]), p(val(f.value), st["value"])] for f in b.fields],
                                 colWidths=[0.3 * width, 0.7 * width], style=GRID))
            elif b.kind == "table":
                rows = [[p(c.label, st["label"]) for c in b.columns]]
                rows += [[p(getattr(r, c.value), st["cell"]) for c in b.columns] for r in val(b.rows)]
                out.append(Table(rows, colWidths=[c.width * width for c in b.columns], repeatRows=1, style=GRID))
            elif b.kind == "type_table":
                rows = [[p(t.label, st["label"])] + [p(c.label, st["cell"]) for c in b.columns] for t in b.types]
                first = 1 - sum(c.width for c in b.columns)
                out.append(Table(rows, colWidths=[first * width] + [c.width * width for c in b.columns], style=GRID))
            elif b.kind in ("yesno", "box"):
                out.append(Table([[p(b.label or b.note, st["label"]), p(str(val(b.value)), st["value"])]],
                                 colWidths=[0.75 * width, 0.25 * width], style=GRID))
            elif b.kind == "signature":
                sig = next(s for s in data.signatures if s.section == b.section)
                out.append(Table([[p("Elektronisk underskrift", st["label"]),
                                   p(f"{sig.signer} {sig.signed_at} {sig.short_hash}", st["cell"])]],
                                 colWidths=[0.25 * width, 0.75 * width], style=GRID))
            elif b.kind == "repeat":
                for sub in val(b.rows):
                    out.append(p(getattr(sub, b.heading), st["label"]))
                    blocks(b.blocks, sub)

    blocks(template.blocks, data)
    out.append(Table([[p(k, st["label"]), p(v, st["cell"])] for k, v in data.control],
                     colWidths=[0.3 * width, 0.7 * width], style=GRID))
    return out


def bare_batch(cover, forms) -> bytes:
    register_fonts()
    st = bare_styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=20 * mm, invariant=1)
    width = doc.width
    story = [p(cover.title, st["title"])]
    for rows in (cover.summary, cover.by_type, cover.late, cover.unsigned, cover.index):
        if rows:
            story.append(Table([[p(c, st["cell"]) for c in r] for r in rows], style=GRID))
    for data in forms:
        story.append(PageBreak())
        story += bare_form(data, st, width)
    doc.build(story)
    return buf.getvalue()


def pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def measure(render, batches, rounds: int) -> tuple[float, int]:
    best = float("inf")
    total_pages = 0
    for _ in range(rounds):
        start = time.perf_counter()
        outputs = [render(cover, forms) for cover, forms in batches]
        best = min(best, time.perf_counter() - start)
        total_pages = sum(pages(o) for o in outputs)
    return best, total_pages


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db")
    ap.add_argument("--month")
    ap.add_argument("--rounds", type=int, default=3)
    ns = ap.parse_args(argv)
    month, batches = collect(ns.db, ns.month)
    forms = sum(len(f) for _, f in batches)
    render_batch(*batches[0])  # warm up: font registration, imports
    bare_batch(*batches[0])
    ours_s, ours_pages = measure(render_batch, batches, ns.rounds)
    bare_s, bare_pages = measure(bare_batch, batches, ns.rounds)
    ours_pps, bare_pps = ours_pages / ours_s, bare_pages / bare_s
    print(f"Måned {month}: {len(batches)} plejecentre, {forms} skemaer (bedste af {ns.rounds} kørsler)")
    print(f"  Tilsyn (skabeloner, sidegrupper, sidehoved/-fod): {ours_pages} sider på {ours_s:.2f} s = "
          f"{ours_pps:.1f} sider/s")
    print(f"  reportlab direkte (samme afsnit og tabeller):     {bare_pages} sider på {bare_s:.2f} s = "
          f"{bare_pps:.1f} sider/s")
    ratio = ours_pps / bare_pps
    print(f"  Forhold: {ratio:.2f} (mål: mindst 0,50) {'OK' if ratio >= 0.5 else 'FOR LANGSOMT'}")
    return 0 if ratio >= 0.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
