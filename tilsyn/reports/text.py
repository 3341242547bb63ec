"""Any text the services accept, made printable: escaped markup, a font for every character,
headers shortened to their width, names that break between words.

What the PDF's text layer holds for a value is ``printable(value)``, character for character,
apart from line breaks and runs of whitespace:

- a character the paragraph's font lacks is drawn in the first embedded font that has it
  (DejaVu Sans, its bold and oblique faces, then the fallback DejaVu Serif);
- a character no embedded font has, a control character or a lone surrogate is drawn as the
  replacement mark U+FFFD (visible, never another letter);
- every kind of whitespace is a line break or a plain space, except the no-break spaces;
- invisible format characters (variation selectors, zero-width joiners, soft hyphens,
  direction marks) are left out: they have no glyph and reportlab does no shaping.

The JSON export keeps the original text; this only concerns what is drawn.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

REPLACEMENT = "\ufffd"
ELLIPSIS = "…"

# Embedded after DejaVu Sans for the characters it lacks (same licence as DejaVu Sans).
FALLBACK_FONTS = ("DejaVuSerif",)
BASE_FONT = "DejaVuSans"
# Each face has glyphs the others lack (the bold one has the bold mathematical letters).
FACES = (BASE_FONT, "DejaVuSans-Bold", "DejaVuSans-Oblique")

_NO_BREAK_SPACES = frozenset("\u00a0\u2007\u202f")
# Visible format characters (prepended concatenation marks): printed like any other.
_VISIBLE_FORMAT = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2"
                            "\U000110bd\U000110cd")
_IGNORABLE_MARKS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0")


def _ignorable(ch: str) -> bool:
    if ch in _IGNORABLE_MARKS or "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef":
        return True
    return unicodedata.category(ch) == "Cf" and ch not in _VISIBLE_FORMAT


@lru_cache(maxsize=None)
def coverage(font_name: str) -> frozenset[int]:
    """The code points the embedded TrueType font ``font_name`` has a glyph for."""
    from .base import register_fonts  # base imports this module

    register_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def _chain(font: str) -> tuple[str, ...]:
    chain = [font]
    for name in (*FACES, *FALLBACK_FONTS):
        if name not in chain:
            chain.append(name)
    return tuple(chain)


def _font_for(ch: str, chain: tuple[str, ...]) -> str | None:
    cp = ord(ch)
    for name in chain:
        if cp in coverage(name):
            return name
    return None


def _char(ch: str, chain: tuple[str, ...]) -> tuple[str, str] | None:
    """(font, character to draw) for one character of a line, None to leave it out."""
    if ch.isspace():
        if ch in _NO_BREAK_SPACES and ord(ch) in coverage(chain[0]):
            return chain[0], ch
        return chain[0], " "
    if _ignorable(ch):
        return None
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cs", "Cn"):
        return _replacement(chain)
    font = _font_for(ch, chain)
    return (font, ch) if font else _replacement(chain)


def _replacement(chain: tuple[str, ...]) -> tuple[str, str]:
    return (_font_for(REPLACEMENT, chain) or chain[0]), REPLACEMENT


def runs(line: str, font: str) -> list[tuple[str, str]]:
    """``line`` as (font, text) runs that the embedded fonts can draw, starting from ``font``."""
    chain = _chain(font)
    out: list[tuple[str, str]] = []
    for ch in line:
        got = _char(ch, chain)
        if got is None:
            continue
        name, drawn = got
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + drawn)
        else:
            out.append((name, drawn))
    return out


def lines(text: object) -> list[str]:
    """The lines of a value (any line separator Python knows counts as one)."""
    value = "" if text is None else str(text)
    return value.splitlines() or [""]


def printable(text: object, font: str = BASE_FONT) -> str:
    """What is drawn for ``text``, lines joined with "\\n"."""
    return "\n".join("".join(t for _, t in runs(line, font)) for line in lines(text))


def plain(text: object, font: str = BASE_FONT) -> str:
    """One line for a single-font string (canvas, chart labels): a character ``font`` lacks
    becomes U+FFFD, line breaks become spaces."""
    chain = (font,)
    out = []
    for ch in " ".join(lines(text)):
        got = _char(ch, chain)
        if got is not None:
            out.append(got[1])
    return "".join(out)


def metadata(text: object) -> str:
    """A value for the document information and XMP: one line, no character XML refuses."""
    out = []
    for ch in " ".join(lines(text)):
        cat = unicodedata.category(ch)
        if cat == "Cc" or cat == "Cs" or ch in "\ufffe\uffff":
            out.append(REPLACEMENT)
        else:
            out.append(ch)
    return "".join(out)


def markup(text: object, font: str) -> str:
    """Paragraph markup that prints ``text`` literally (escaped, line breaks kept), each
    character in a font that has it."""
    out = []
    for line in lines(text):
        parts = []
        for name, chunk in runs(line, font):
            chunk = escape(chunk)
            parts.append(chunk if name == font else f'<font name="{name}">{chunk}</font>')
        out.append("".join(parts))
    return "<br/>".join(out)


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: escaped, line breaks kept, every character drawable."""
    return Paragraph(markup(text, style.fontName), style)


# -- names: break between words, never inside one that fits -----------------------------------
MIN_NAME_SIZE = 6.0


def _words(line: str) -> list[str]:
    """The words of a line, split at breaking whitespace (not at no-break spaces)."""
    words, word = [], ""
    for ch in line:
        if ch.isspace() and ch not in _NO_BREAK_SPACES:
            if word:
                words.append(word)
            word = ""
        else:
            word += ch
    return words + ([word] if word else [])


def _pieces(word: str) -> list[str]:
    """A word in the pieces it may break into: after each hyphen ("Østergaard-", "Christiansen")."""
    out, piece = [], ""
    for ch in word:
        piece += ch
        if ch in "-\u2010":
            out.append(piece)
            piece = ""
    return out + ([piece] if piece else [])


def name_lines(text: object, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines of at most ``width`` points between words; a word longer
    than a line breaks after a hyphen; only a piece wider than a whole line is left for
    reportlab to split."""
    def fits(s: str) -> bool:
        return runs_width(runs(s, font), size) <= width * 0.999

    out: list[str] = []
    for line in lines(text):
        current = ""
        for word in _words(line):
            joined = f"{current} {word}" if current else word
            if fits(joined):
                current = joined
                continue
            if current and fits(word):
                out.append(current)
                current = word
                continue
            for i, piece in enumerate(_pieces(word)):
                joined = (f"{current} {piece}" if current and i == 0 else current + piece)
                if fits(joined) or not current:
                    current = joined
                else:
                    out.append(current)
                    current = piece
        out.append(current)
    return out


def name_para(text: object, style: ParagraphStyle, width: float) -> Paragraph:
    """A paragraph for people's names in a column ``width`` points wide (padding excluded):
    lines break between words (and after hyphens); a single word wider than the column is
    set smaller, down to 6 pt, before it is ever split."""
    font, size = style.fontName, style.fontSize
    widest = max((runs_width(runs(p, font), size) for line in lines(text) for w in _words(line)
                  for p in _pieces(w)), default=0.0)
    if widest > width > 0:
        smaller = max(MIN_NAME_SIZE, size * width / widest)
        if smaller < size:
            style = ParagraphStyle(f"{style.name}-{smaller:.2f}", parent=style, fontSize=smaller,
                                   leading=style.leading * smaller / size)
            size = smaller
    if width <= 0:
        return para(text, style)
    return para("\n".join(name_lines(text, font, size, width)), style)


# -- single lines drawn on the canvas (running headers and footers) ----------------------------
def runs_width(parts: list[tuple[str, str]], size: float) -> float:
    return sum(pdfmetrics.stringWidth(t, name, size) for name, t in parts)


def shorten(parts: list[tuple[str, str]], size: float, width: float) -> list[tuple[str, str]]:
    """``parts`` cut so that they and a trailing "…" fit in ``width``; unchanged if they fit."""
    if runs_width(parts, size) <= width:
        return parts
    flat = [(name, ch) for name, t in parts for ch in t]
    ell_font = next((name for name, _ in parts), BASE_FONT)
    room = width - pdfmetrics.stringWidth(ELLIPSIS, ell_font, size)
    used, keep = 0.0, 0
    for name, ch in flat:
        w = pdfmetrics.stringWidth(ch, name, size)
        if used + w > room:
            break
        used += w
        keep += 1
    out: list[tuple[str, str]] = []
    for name, ch in flat[:keep]:
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + ch)
        else:
            out.append((name, ch))
    while out and out[-1][1].endswith(" "):
        stripped = out[-1][1].rstrip(" ")
        out[-1:] = [(out[-1][0], stripped)] if stripped else []
    if room < 0:  # not even the "…" fits
        return []
    return out + [(ell_font, ELLIPSIS)]


def fit_line(text: object, font: str, size: float, width: float) -> list[tuple[str, str]]:
    """One line of text as runs, shortened with "…" to ``width`` points."""
    return shorten(runs(" ".join(lines(text)), font), size, width)


SEPARATOR = " · "


def _join(pieces: list[list[tuple[str, str]]], font: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for i, piece in enumerate(pieces):
        for name, t in ([(font, SEPARATOR)] if i else []) + piece:
            if out and out[-1][0] == name:
                out[-1] = (name, out[-1][1] + t)
            else:
                out.append((name, t))
    return out


def fit_parts(parts: object, font: str, size: float, width: float) -> list[tuple[str, str]]:
    """Text parts joined with " · " on one line of ``width`` points. When they are too wide the
    widest part (a long name) is shortened with "…" first, so the others stay readable."""
    texts = [parts] if isinstance(parts, str) or parts is None else list(parts)
    pieces = [runs(" ".join(lines(t)), font) for t in texts if t]
    joined = _join(pieces, font)
    excess = runs_width(joined, size) - width
    if excess > 0 and len(pieces) > 1:
        widest = max(range(len(pieces)), key=lambda i: runs_width(pieces[i], size))
        own = runs_width(pieces[widest], size)
        pieces[widest] = shorten(pieces[widest], size, max(own - excess, 0.0))
        joined = _join([p for p in pieces if p], font)
    return shorten(joined, size, width)


def fit_pair(left: object, right: object, font: str, size: float, width: float,
             gap: float) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A left- and a right-aligned text on one line of ``width`` points, at least ``gap``
    apart: the right one keeps its width up to 40 % of the line, the left one gets the rest.
    Either may be a tuple of parts (see ``fit_parts``)."""
    lr = fit_parts(left, font, size, float("inf"))
    rr = fit_parts(right, font, size, float("inf"))
    wl, wr = runs_width(lr, size), runs_width(rr, size)
    if wl + wr + gap <= width:
        return lr, rr
    right_room = min(wr, max(0.4 * width, width - gap - wl))
    rr = fit_parts(right, font, size, right_room)
    left_room = width - gap - runs_width(rr, size)
    return fit_parts(left, font, size, left_room), rr


def draw_runs(canvas, x: float, y: float, parts: list[tuple[str, str]], size: float,
              align: str = "left") -> None:
    """Draw runs on one line; ``align`` "right" ends them at ``x``, "centre" centres them."""
    width = runs_width(parts, size)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    text = canvas.beginText(x, y)
    for name, t in parts:
        text.setFont(name, size)
        text.textOut(t)
    canvas.drawText(text)
