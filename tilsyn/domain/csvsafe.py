"""CSV that a spreadsheet opens as text: no cell can become a formula (CSV or formula injection).

The rule follows OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection):
no cell may begin with equals (=), plus (+), minus (-), at (@), tab (0x09) or carriage return
(0x0D); such a cell is prefixed with a single quote ('), and every cell is wrapped in double
quotes with each double quote doubled, so that a separator or quote inside a value can never
start a new cell that begins with one of those characters.

One deliberate widening: a cell whose first non-whitespace character is one of them is prefixed
too (" =1+2"), since LibreOffice's import option "Trim spaces" strips the leading space and then
evaluates the formula. The prefix is harmless for every other reader.

Pure functions: ``neutralise`` for one cell, ``csv_text``/``csv_bytes`` for a whole file. Every
CSV the app writes goes through ``csv_bytes``.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, Sequence

#: The characters a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_TRIGGERS = frozenset("=+-@\t\r")
QUOTE_PREFIX = "'"


def needs_neutralising(cell: str) -> bool:
    """True when a spreadsheet could read ``cell`` as a formula."""
    return cell[:1] in FORMULA_TRIGGERS or cell.lstrip()[:1] in FORMULA_TRIGGERS


def neutralise(cell: object) -> str:
    """``cell`` as text that a spreadsheet shows as text: a leading ' where OWASP asks for one."""
    text = "" if cell is None else str(cell)
    return QUOTE_PREFIX + text if text and needs_neutralising(text) else text


def csv_text(rows: Iterable[Sequence[object]], *, delimiter: str = ";") -> str:
    """The rows as CSV text: every cell neutralised and quoted, lines ending in CRLF."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buf.getvalue()


def csv_bytes(rows: Iterable[Sequence[object]], *, delimiter: str = ";") -> bytes:
    """The rows as a UTF-8 CSV file with a byte-order mark (Excel on a Danish PC opens semicolon
    CSV as UTF-8 only with it)."""
    # A lone surrogate has no UTF-8 form: it becomes a visible "?" rather than a traceback.
    return ("\ufeff" + csv_text(rows, delimiter=delimiter)).encode("utf-8", "replace")
