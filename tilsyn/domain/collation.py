"""Danish alphabetical order (dansk alfabetisk orden), as CLDR's da collation has it.

a-z first, then æ, ø, å; "aa" is å (Aagaard with Ågård, after Zacho); ä sorts as æ, ö and ő as
ø, ü as y; other accents are ignored at first (é as e). Letter case and accents only break ties,
so the order is total and the same on every machine. SQLite uses this key through a collation
registered on each connection (tilsyn.store.db); PostgreSQL uses an ICU Danish collation.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# After "z" in code point order, in the Danish order: { | }.
_AE, _OE, _AA = "{", "|", "}"
_LETTERS = {"æ": _AE, "ä": _AE, "ø": _OE, "ö": _OE, "ő": _OE, "å": _AA, "ü": "y", "ű": "y"}


def _primary(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).casefold().replace("aa", "å")
    out = []
    for ch in folded:
        mapped = _LETTERS.get(ch)
        if mapped is not None:
            out.append(mapped)
            continue
        # Other letters with accents sort as their base letter; marks themselves are dropped.
        out.append("".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)))
    return "".join(out)


# SQLite calls the collation once per comparison, so a sort of n names asks for each key about
# log2(n) times; a page of names fits the cache many times over.
@lru_cache(maxsize=65_536)
def danish_key(text: str | None) -> tuple[str, str, str]:
    """A sort key for Danish alphabetical order: (letters in Danish order, case-folded text, text)."""
    text = text or ""
    return _primary(text), unicodedata.normalize("NFC", text).casefold(), text


def compare(a: str | None, b: str | None) -> int:
    """-1, 0 or 1 as ``a`` sorts before, with or after ``b`` (what a SQL collation returns)."""
    ka, kb = danish_key(a), danish_key(b)
    return (ka > kb) - (ka < kb)
