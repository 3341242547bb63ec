"""The import's CSV reader: encodings, layout and records, without a database (property tests)."""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tilsyn.domain.errors import DomainError
from tilsyn.services.imports import CsvFault, detect_encoding, open_table

HEADER = ["CPR", "Navn", "Plejecenter", "Kontakt person"]

# Cells as hostile and as ordinary as they come: quotes, both delimiters, every line end, emoji,
# decomposed letters, no-break spaces. NUL is left out: a file with NUL bytes is refused as a whole.
CELL_CHARS = st.one_of(
    st.sampled_from(list('";,\r\n\t "\'=') + ["\r\n", "👩\u200d⚕️", "🇩🇰", "A\u030a", "o\u0338", "\u00a0", "\ufeff"]),
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
)
CELLS = st.lists(CELL_CHARS, max_size=12).map("".join)
ROWS = st.lists(st.lists(CELLS, min_size=len(HEADER), max_size=len(HEADER)), min_size=1, max_size=8)


def _chunks(raw: bytes, size: int = 5):
    return (raw[i:i + size] for i in range(0, len(raw), size))


def _read(raw: bytes):
    encoding = detect_encoding(_chunks(raw))
    text = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8-sig" if encoding == "utf-8" else "cp1252", newline="")
    table = open_table(text, encoding)
    return table, list(table.records)


def _written(rows, delimiter=";", bom=True, sep_line=False) -> bytes:
    out = io.StringIO(newline="")
    if sep_line:
        out.write(f"sep={delimiter}\r\n")
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(HEADER)
    w.writerows(rows)
    return (codecs.BOM_UTF8 if bom else b"") + out.getvalue().encode("utf-8")


@given(rows=ROWS, delimiter=st.sampled_from([";", ","]), bom=st.booleans(), sep_line=st.booleans())
def test_a_correctly_written_file_reads_back_cell_for_cell(rows, delimiter, bom, sep_line):
    table, records = _read(_written(rows, delimiter, bom, sep_line))
    assert table.delimiter == delimiter and table.encoding == "utf-8"
    assert set(table.header) == {"cpr", "navn", "plejecenter", "kontaktperson"}
    # Exactly the cells written: quotes, delimiters, line ends, emoji and decomposed text intact.
    assert [cells for _, cells in records] == rows
    assert [number for number, _ in records] == list(range(2, len(rows) + 2))


@given(rows=ROWS)
def test_decomposed_text_is_not_changed_by_the_reader(rows):
    decomposed = [[unicodedata.normalize("NFD", c) for c in row] for row in rows]
    _, records = _read(_written(decomposed))
    assert [cells for _, cells in records] == decomposed


@given(rows=ROWS)
def test_windows_1252_files_read_back_too(rows):
    text_rows = [[c.encode("cp1252", "replace").decode("cp1252").replace("\x00", "") for c in row] for row in rows]
    out = io.StringIO(newline="")
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(HEADER)
    w.writerows(text_rows)
    raw = out.getvalue().encode("cp1252")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return  # ASCII only (or accidentally valid UTF-8): read as UTF-8, which is right
    try:
        table, records = _read(raw)
    except DomainError as exc:
        # Two Windows-1252 characters that happen to form a UTF-8 sequence ("Ã¸") read as mixed.
        assert exc.code in ("csv_mixed_encoding", "csv_encoding")
        return
    assert table.encoding == "cp1252"
    assert [cells for _, cells in records] == text_rows


def _consume(raw: bytes) -> None:
    try:
        _, records = _read(raw)
    except DomainError:
        return
    for _, cells in records:
        assert isinstance(cells, (list, CsvFault))


@settings(max_examples=60)
@given(st.binary(max_size=300))
def test_random_bytes_raise_nothing_but_a_domain_refusal(raw):
    _consume(raw)


@settings(max_examples=60)
@given(st.binary(max_size=300))
def test_random_bytes_after_a_good_header_raise_nothing_but_a_domain_refusal(raw):
    _consume(b"cpr;navn;plejecenter\r\n" + raw)


@given(st.lists(st.sampled_from(list('";,\r\n ax\u00f8') + ['"";', '\r\n']), max_size=60).map("".join))
def test_random_quoting_after_a_good_header_raises_nothing_but_a_domain_refusal(text):
    _consume(("cpr;navn;plejecenter\r\n" + text).encode())


def test_open_quote_at_the_end_is_a_fault_in_the_row_where_it_starts():
    _, records = _read(b'cpr;navn;plejecenter\r\n1;"Karen\r\n2;Bo;X\r\n3;Ib;Y\r\n')
    assert records == [(2, CsvFault("csv_unterminated_quote"))]


def test_text_after_a_closing_quote_is_a_fault_and_the_next_row_still_reads():
    _, records = _read(b'cpr;navn;plejecenter\r\n1;"Karen" H;X\r\n2;Bo;X\r\n')
    assert records == [(2, CsvFault("csv_quote")), (3, ["2", "Bo", "X"])]


def test_mixed_encoding_is_found_across_chunks_and_pure_cp1252_is_not():
    utf8_then_cp1252 = "Jørgen;".encode() + "Åse".encode("cp1252")
    with pytest.raises(DomainError) as exc:
        detect_encoding(_chunks(utf8_then_cp1252, 3))
    assert exc.value.code == "csv_mixed_encoding"
    assert detect_encoding(_chunks("Åse Læssøe;Ørnsø".encode("cp1252"), 1)) == "cp1252"
    assert detect_encoding(_chunks(codecs.BOM_UTF8 + "Jørgen".encode(), 1)) == "utf-8"
    with pytest.raises(DomainError) as exc:
        detect_encoding(iter([b"\x81abc"]))  # undefined in Windows-1252
    assert exc.value.code == "csv_encoding"


def test_header_with_a_line_break_or_a_page_long_name_is_refused():
    for raw in (b'cpr;"na\nvn";plejecenter\r\n', ("cpr;navn;plejecenter;" + "x" * 101 + "\r\n").encode()):
        with pytest.raises(DomainError) as exc:
            _read(raw)
        assert exc.value.code == "csv_header_unreadable"
