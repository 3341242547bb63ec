"""Every layout prints any text the services accept (issue 9, point 1): any Unicode, any length
up to the field's maximum, with and without spaces, markup and all. The PDF always comes out,
its text layer holds the input (apart from line breaks and whitespace, and U+FFFD for a
character no embedded font has), and the --pdfa output passes pikepdf's PDF/A-2b validator."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from collections import Counter
from functools import lru_cache

import pikepdf
import pikepdf.pdfa
import pypdf
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFontFile

from tilsyn.domain.limits import LONG_TEXT_MAX, NAME_MAX, REASON_MAX
from tilsyn.reports.base import NumberedCanvas, register_fonts, styles
from tilsyn.reports.monthly_form import render_form
from tilsyn.reports.pdfa import to_pdfa
from tilsyn.reports.text import MIN_NAME_SIZE, fit_pair, name_para, printable, runs_width
from tilsyn.resources import resource_path
from tilsyn.services.exports import ExportService

from hostile_support import (
    HEADER_ONLY,
    LAYOUTS,
    form_data,
    is_subsequence,
    squash,
    text_layer,
    visit_data,
)
from pdf_support import pdftotext

PROSE = ("Jens ville gå ud i nattøj ved hoveddøren, og personalet fulgte ham roligt tilbage til stuen, "
         "hvor han fik kaffe og faldt til ro med musik. Ingen mærker. ")
FONT_FILES = ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSerif")


@lru_cache(maxsize=None)
def drawable() -> frozenset[int]:
    """Every code point some embedded font has, read from the font files themselves."""
    out: set[int] = set()
    for name in FONT_FILES:
        out |= set(TTFontFile(str(resource_path("fonts", f"{name}.ttf"))).charToGlyph)
    return frozenset(out)


def canon(text: str) -> str:
    """The text layer's characters as the expectation spells them (printable() is idempotent on
    what the renderers draw; it only drops whitespace here)."""
    return squash(printable(text))


def assert_layer_holds(pdf: bytes, texts: dict[str, str], skip=frozenset()) -> None:
    layer = canon(text_layer(pdf))
    total: Counter = Counter()
    for field, value in texts.items():
        if field in skip:
            continue
        expected = canon(value)
        assert is_subsequence(expected, layer), f"{field}: {value[:80]!r} is not in the text layer"
        total += Counter(expected)
    # Every character of every field is there (the labels only add to the layer's counts).
    missing = total - Counter(layer)
    assert not missing, f"characters missing from the text layer: {dict(list(missing.items())[:10])}"


# -- what "printable" promises, checked against the font files ---------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_printable_keeps_every_character_an_embedded_font_has_and_marks_the_rest(text):
    out = printable(text)
    kept = [ch for ch in text if not ch.isspace() and ord(ch) in drawable()
            and not re.match(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\ufeff]", ch)
            and ch not in "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u3164\uffa0"]
    for ch in kept:
        assert ch in out
    # Nothing drawn that a font lacks, and nothing but the replacement mark stands in for it.
    assert all(ord(ch) in drawable() or ch.isspace() for ch in out)
    assert len(squash(out).replace("\ufffd", "")) <= len(squash(text))


# -- property tests: random text in every field of every layout ----------------------------------------


def texts_for(limit: int):
    """Random Unicode text of length 0 to ``limit``: with spaces, without any whitespace, and
    long runs (a word or a phrase repeated up to the limit)."""
    no_space = st.characters(exclude_categories=("Zs", "Zl", "Zp", "Cc", "Cs"))
    repeated = st.builds(lambda unit, n: (unit * (n // len(unit) + 1))[:n],
                         st.one_of(st.text(no_space, min_size=1, max_size=12), st.text(min_size=1, max_size=12)),
                         st.integers(0, limit))
    return st.one_of(st.text(max_size=min(limit, 400)), st.text(no_space, max_size=min(limit, 400)), repeated)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_any_text_in_every_field_prints_and_the_text_layer_holds_it(layout):
    lay = LAYOUTS[layout]

    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                     HealthCheck.data_too_large])
    @given(st.fixed_dictionaries({field: texts_for(limit) for field, limit in lay.fields.items()}))
    def check(texts):
        pdf = lay.render(lay.build(texts))
        assert pdf.startswith(b"%PDF")
        assert_layer_holds(pdf, texts, HEADER_ONLY)

    check()


def _at_max(limit: int, spaces: bool) -> str:
    # One word: Danish letters, emoji (one DejaVu has, one it lacks), now and then a letter only
    # the fallback font has and markup (each a fragment of its own, so kept sparse for speed).
    unit = PROSE if spaces else "Ærøskøbing😀🦄" * 8 + "𝐴&<b>"
    return (unit * (limit // len(unit) + 1))[:limit]


@pytest.mark.parametrize("spaces", [True, False], ids=["prose", "one-word"])
@pytest.mark.parametrize("layout", sorted(set(LAYOUTS) - {"acute-skema1"}))  # the acute record: Skema 1's blocks
def test_every_field_at_its_maximum_at_once(layout, spaces):
    lay = LAYOUTS[layout]
    texts = {field: _at_max(limit, spaces) for field, limit in lay.fields.items()}
    pdf = lay.render(lay.build(texts))
    assert_layer_holds(pdf, texts, HEADER_ONLY)


# -- the cases from the issue, one by one ----------------------------------------------------------------


def test_2500_characters_of_prose_in_an_episode_print_in_both_layouts(world):
    """The crash from the issue, through the export service's own data for a real form."""
    data = ExportService(world["ctx"]).form_report(world["form"])
    prose = (PROSE * 25)[:2500]
    episodes = tuple(dataclasses.replace(e, short_description=prose, least_intrusive=prose) for e in data.episodes)
    days = tuple(dataclasses.replace(d, narratives=tuple(prose for _ in d.narratives)) for d in data.days)
    for layout in ("vejle-2011", "skema1-2010"):
        pdf = render_form(dataclasses.replace(data, layout=layout, episodes=episodes, days=days))
        text = squash(pdftotext(pdf))
        assert squash(prose) in text or is_subsequence(squash(prose), text), layout
        assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) >= 2


@pytest.mark.parametrize("layout", ["vejle-2011", "skema1-2010"])
def test_a_10000_character_word_prints_in_both_layouts(layout):
    word = ("Bakkegården" * 1000)[:LONG_TEXT_MAX]
    texts = {"episode_short_description": word, "narrative": word, "necessity": word, "other": word,
             "followup_remarks": word}
    pdf = render_form(form_data(texts, layout))
    # The word is there whole, only broken into lines and pages.
    assert squash(word) in squash(text_layer(pdf, body_only=True))


def test_a_2000_character_word_in_an_action_plan_item_prints():
    from tilsyn.reports.visit_report import render_visit_report

    # Wide letters: wrapped in the 90 mm column, the one cell is taller than a page.
    word = "Ж" * 2000
    pdf = render_visit_report(visit_data({"action": word, "responsible": "Lene Leder"}))
    layer = text_layer(pdf)
    # Split over two pages (the repeated table header and the row's other cells come between).
    assert layer.count("Ж") == 2000 and len(pypdf.PdfReader(io.BytesIO(pdf)).pages) >= 2


def test_markup_prints_literally():
    hostile = "a <b>fed</b> & <!-- skjult --> <br/> &amp; <font name='x'>y</font> ]]>"
    for layout in ("vejle-2011", "skema1-2010"):
        pdf = render_form(form_data({"name": hostile, "followup_remarks": hostile}, layout))
        assert squash(hostile) in squash(pdftotext(pdf))
    pdf = LAYOUTS["visit-report"].render(visit_data({"conclusion": hostile, "action": hostile}))
    assert squash(hostile) in squash(pdftotext(pdf))


def test_emoji_and_rare_characters_are_never_turned_into_other_characters():
    text = "Glad 😀 hjerte ❤ sjælden 𝐴 fed 𝗔 enhjørning 🦄 slut"
    pdf = render_form(form_data({"followup_remarks": text}))
    for reader in (pdftotext(pdf), pypdf.PdfReader(io.BytesIO(pdf)).pages[-1].extract_text(), text_layer(pdf)):
        flat = " ".join(reader.split())
        # 😀 and ❤ are in DejaVu Sans, 𝐴 in DejaVu Serif, 𝗔 in DejaVu Sans Bold; 🦄 in none of them,
        # so it is drawn as the visible replacement mark.
        assert "Glad 😀 hjerte ❤ sjælden 𝐴 fed 𝗔 enhjørning \ufffd slut" in flat
        assert "ὠ" not in flat  # what 😀 used to become
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[1] for p in pypdf.PdfReader(io.BytesIO(pdf)).pages
             for f in p["/Resources"]["/Font"].values()}
    assert {"DejaVuSans", "DejaVuSerif", "DejaVuSans-Bold"} <= fonts
    assert "🦄" not in drawable() and ord("𝐴") in drawable()


def test_a_character_only_the_fallback_font_has_is_drawn_in_it():
    register_fonts()
    from tilsyn.reports.text import markup

    assert markup("x𝐴y", "DejaVuSans") == 'x<font name="DejaVuSerif">𝐴</font>y'
    assert markup("<&>", "DejaVuSans") == "&lt;&amp;&gt;"
    assert markup("a\nb\u2028c", "DejaVuSans") == "a<br/>b<br/>c"


# -- running headers ----------------------------------------------------------------------------------------


def _header_words(pdf: bytes, page: int = 1) -> list[tuple[float, float, str]]:
    html = pdftotext(pdf, "-bbox", "-f", str(page), "-l", str(page))
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)
    return [(float(x0), float(x1), w) for x0, y0, x1, w in words if float(y0) < 12 * mm]


def test_a_long_name_in_the_running_header_is_shortened_and_never_overlaps():
    long_name = ("Mette-Kristine Østergaard-Christiansen " * 6)[:NAME_MAX]
    home = ("Plejecenter Bøgelund og Åparkens Rehabiliteringscenter " * 4)[:NAME_MAX]
    pdf = render_form(form_data({"name": long_name, "care_home": home}))
    page_width = A4[0]
    words = _header_words(pdf)
    assert words, "no header found"
    assert "…" in "".join(w for _, _, w in words)
    assert "marts" in [w for _, _, w in words]  # the month survives: the long name was shortened
    words.sort()
    for (a0, a1, wa), (b0, b1, wb) in zip(words, words[1:]):
        assert a1 <= b0 + 0.5, f"{wa!r} overlaps {wb!r}"
    assert words[0][0] >= 18 * mm - 1 and words[-1][1] <= page_width - 18 * mm + 1


def test_header_pair_fits_its_width():
    register_fonts()
    width = A4[0] - 2 * NumberedCanvas.EDGE
    for left, right in [(("Månedsskema for magtanvendelse", "x" * NAME_MAX, "marts 2026"), "Bakkegården"),
                        ("Kort", "y" * NAME_MAX), (("a" * NAME_MAX, "b" * NAME_MAX), "c" * NAME_MAX)]:
        lr, rr = fit_pair(left, right, "DejaVuSans", 7.5, width, NumberedCanvas.GAP)
        drawn = "".join(t for _, t in lr + rr)
        assert "…" in drawn
        assert runs_width(lr, 7.5) + runs_width(rr, 7.5) + NumberedCanvas.GAP <= width + 0.01
    lr, rr = fit_pair(("Månedsskema", "Jens", "marts 2026"), "Bakkegården", "DejaVuSans", 7.5, width, 10)
    assert "".join(t for _, t in lr) == "Månedsskema · Jens · marts 2026"
    assert "".join(t for _, t in rr) == "Bakkegården"


# -- names break between words ------------------------------------------------------------------------------


def _lines(paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 10_000)
    out = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # a paragraph of one fragment: (space left, words)
            out.append(" ".join(line[1]))
        else:  # fragments (the lines are joined by <br/>)
            out.append("".join(w.text for w in line.words))
    return out


LETTERS = "abcdefghijklmnopqrstuvwxyzæøåéüABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(st.sampled_from(LETTERS), min_size=1, max_size=16), min_size=1, max_size=6),
       st.floats(40, 160))
def test_names_break_only_between_words(words, width):
    """A name whose every word fits on a line (set smaller if need be) breaks only between words."""
    register_fonts()
    style = styles()["cell"]
    assume(max(stringWidth(w, style.fontName, MIN_NAME_SIZE) for w in words) <= width)
    lines = _lines(name_para(" ".join(words), style, width), width)
    assert [w for line in lines for w in line.split()] == words, lines


def test_staff_names_in_the_narrow_vejle_column_are_not_split_mid_word():
    name = "Mette-Kristine Østergaard-Christiansen"
    pdf = render_form(form_data({"episode_staff_marked": f"X {name}\nOle Hansen"}))
    tokens = set(text_layer(pdf).split())
    # Broken after its hyphens, never inside "Østergaard" or "Christiansen".
    assert {"Østergaard-", "Christiansen"} <= tokens, sorted(t for t in tokens if "st" in t or "ian" in t)


# -- headings stay with what follows ---------------------------------------------------------------------


@pytest.mark.parametrize("lines", range(0, 64, 3))
def test_skema1_section_2_heading_is_never_orphaned(lines):
    """Push section 2 down the page line by line: its band is always on the page where its
    first table starts."""
    data = form_data({"followup_remarks": "", "acting_municipality": "\n".join(["Vejle Kommune"] * max(lines, 1))},
                     "skema1-2010")
    pages = pdftotext(render_form(data)).split("\f")
    page = next(p for p in pages if "2. Oplysninger om magtanvendelsen" in p)
    assert "2.1 Angivelse af tidspunkt og type" in page and "Personlig alarm (§ 125):" in page


def test_visit_report_headings_stay_with_their_tables():
    # Push the headings down the page two lines at a time, through a whole page.
    for n in range(0, 62, 2):
        # Tables whose first row is tall: the heading must not stay behind when the row moves on.
        pdf = LAYOUTS["visit-report"].render(visit_data({
            "fact_value": "\n".join(["Linje"] * n), "goal_summary": PROSE * 8, "action": PROSE * 6,
            "consultation_text": PROSE * 6, "dialogue_answer": PROSE * 6}))
        for page in pdftotext(pdf).split("\f"):
            body = [ln for ln in page.splitlines() if ln.strip() and not ln.startswith("Side ")
                    and not ln.startswith("Tilsynsrapport ·")]
            if body:
                assert body[-1].strip() not in {"Personalets handleplan", "Høring", "Udviklingsområder",
                                                "Fælles konklusioner", "Tilsynets vurdering",
                                                "Dialogmøde med personalet"}, n


# -- PDF/A-2b, checked by pikepdf's own validator ----------------------------------------------------------


@pytest.mark.parametrize("case", ["plain", "fallback"])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_pdfa_output_passes_pikepdfs_validator(layout, case):
    lay = LAYOUTS[layout]
    hostile = "Glad 😀 𝐴 𝗔 🦄 <b>&amp;</b> \x07 " + "ø" * 300
    texts = {} if case == "plain" else {f: hostile for f in lay.fields}
    pdf = to_pdfa(lay.render(lay.build(texts)))
    report = pikepdf.pdfa.validate_written(io.BytesIO(pdf), "2b")
    assert report.passed, report.summary()
    if case == "fallback":
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            names = {str(f.BaseFont) for p in doc.pages for f in p.Resources.Font.values()}
        assert any("DejaVuSerif" in n for n in names)


def _appendix(reason: str, label: str, frame_size: int):
    from tilsyn.services.supervision.dto import RecomputeDraw, SampleAppendix
    from tilsyn.services.supervision.service import recompute_script

    pid = "76b3275d-84f2-48cb-b7b3-8a5af78c2f3f"
    frame = tuple(f"{i:08x}-0000-4000-8000-000000000000" for i in range(frame_size))
    draw = RecomputeDraw(
        kind="resident", kind_label=label, seed="2011", size=3, frame_date=dt.date(2026, 3, 10),
        rule_text="Hver beboer i rammen får SHA-256-værdien af teksten »frø|program-id|beboer-id«.",
        formula='sorted(frame, key=lambda r: (sha256(f"{seed}|{programme_id}|{r}".encode()).hexdigest(), r))[:k]',
        hashed_text=f"2011|{pid}|<beboer-id>", frame=frame, excluded=((frame[0], reason),),
        members=((1, frame[1], "Erstattet"), (2, frame[2], "Interviewet")), superseded=True, redraw_reason=reason)
    return SampleAppendix(pid, "Program-id og beboer-id som UUID-tekst med bindestreger.",
                          (draw, dataclasses.replace(draw, superseded=False, redraw_reason="")), recompute_script())


@pytest.mark.parametrize("case", ["plain", "fallback"])
def test_visit_report_with_the_sample_appendix_passes_pdfa_2b(case):
    """The appendix (ids, formula and script in small DejaVu Sans, no Courier) keeps the visit
    report PDF/A; a hostile redraw reason and a frame of 300 ids print in it."""
    from tilsyn.reports.visit_report import APPENDIX_TITLE, render_visit_report

    hostile = "Glad 😀 𝐴 𝗔 🦄 <b>&amp;</b> \x07 " + "ø" * 300 if case == "fallback" else "Flyttet før besøget"
    data = dataclasses.replace(visit_data({}), sample_appendix=_appendix(hostile, "Beboere " + hostile, 300))
    pdf = to_pdfa(render_visit_report(data))
    report = pikepdf.pdfa.validate_written(io.BytesIO(pdf), "2b")
    assert report.passed, report.summary()
    text = pdftotext(pdf)
    assert APPENDIX_TITLE in text and "000000ff-0000-4000-8000-000000000000" in text
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        names = {str(f.BaseFont) for p in doc.pages for f in p.Resources.Font.values()}
    assert names and all("DejaVu" in n for n in names), names


def test_demo_month_export_passes_pdfa_2b(world, tmp_path):
    result = ExportService(world["ctx"]).export_month("2026-03", out_dir=tmp_path, pdfa=True)
    pdfs = sorted(tmp_path.rglob("*.pdf"))
    assert result.pdfa and pdfs
    for path in pdfs:
        report = pikepdf.pdfa.validate_written(path, "2b")
        assert report.passed, f"{path.name}: {report.summary()}"


def test_limits_used_here_are_the_domain_maxima():
    assert (NAME_MAX, LONG_TEXT_MAX, REASON_MAX) == (200, 10_000, 2_000)
