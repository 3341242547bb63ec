"""When two written names are the same name: care homes and units looked up by what the user typed.

A name from a Mac, a web form or an old system may be in decomposed Unicode ("A" + ring above
instead of "Å"), carry a no-break space, a double space or another case. Those are the same name
to a reader, so lookups compare ``name_key`` values, never the raw text.
"""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    """``text`` in composed Unicode (NFC): "A" + U+030A becomes "Å". Stored text is kept this way."""
    return unicodedata.normalize("NFC", text or "")


def name_key(text: str) -> str:
    """The form two names are compared in: NFC, case folded, runs of white space as one space, trimmed.

    "Plejecenter  ÅPARKEN " (decomposed, no-break space) and "Plejecenter Åparken" give the same key.
    """
    # NFC first so "A" + ring folds like "Å"; again after casefold, which may decompose (e.g. "İ").
    folded = unicodedata.normalize("NFC", nfc(text).casefold())
    return " ".join(folded.split())


__all__ = ["name_key", "nfc"]
