"""CSV cells a spreadsheet cannot read as formulas (OWASP "CSV Injection"), and files that parse
back into exactly the cells written."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tilsyn.domain.csvsafe import FORMULA_TRIGGERS, csv_bytes, csv_text, neutralise

# Text rich in the characters that matter here: triggers, separators, quotes, line breaks, spaces.
tricky = st.text(alphabet=st.sampled_from("=+-@\t\r\n ;,\"'aæ1\u00a0\u2003") | st.characters(), max_size=30)


def _starts_formula(cell: str) -> bool:
    return cell[:1] in FORMULA_TRIGGERS or cell.lstrip()[:1] in FORMULA_TRIGGERS


@pytest.mark.parametrize("cell,expected", [
    ("=HYPERLINK(\"http://x\";\"klik\")", "'=HYPERLINK(\"http://x\";\"klik\")"),
    ("+45 12 34 56 78", "'+45 12 34 56 78"),
    ("-", "'-"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+2", "'\t=1+2"),
    ("\r=1+2", "'\r=1+2"),
    ("  =1+2", "'  =1+2"),
    ("Mette Kontakt", "Mette Kontakt"),
    ("010130-xxxx", "010130-xxxx"),
    ("2026-03", "2026-03"),
    ("'=already", "'=already"),
    ("", ""),
    (None, ""),
    (3, "3"),
])
def test_cells_starting_a_formula_get_a_single_quote(cell, expected):
    assert neutralise(cell) == expected


def test_owasp_example_is_written_as_owasp_shows_it():
    # OWASP's own example: =1+2";=1+2  ->  "'=1+2"";=1+2"
    assert csv_text([['=1+2";=1+2']]) == '"\'=1+2"";=1+2"\r\n'


@given(tricky)
def test_neutralise_only_ever_prefixes_and_leaves_no_formula(cell):
    out = neutralise(cell)
    assert out in (cell, "'" + cell)
    assert not _starts_formula(out)
    assert (out != cell) == _starts_formula(cell)
    assert neutralise(out) == out


@given(st.lists(st.lists(tricky, min_size=1, max_size=5), min_size=1, max_size=5))
def test_a_file_parses_back_into_the_cells_written_none_a_formula(rows):
    raw = csv_bytes(rows)
    assert raw.startswith("\ufeff".encode())
    parsed = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    # No separator, quote or line break inside a value starts a new cell or row.
    assert parsed == [[neutralise(c) for c in row] for row in rows]
    assert not any(_starts_formula(c) for row in parsed for c in row)
