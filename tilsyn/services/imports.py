"""CSV import of residents: every row is checked first, then all are written or none.

Headers are Danish and matched without regard to case or spaces. The file may be UTF-8 (with
or without BOM) or Windows-1252 (what Danish Excel writes for "CSV (semikolonsepareret)"), with
``,`` or ``;`` between fields; a file that mixes the two encodings is refused, never guessed.
Residents are keyed by CPR number: a known CPR number updates that resident (or leaves it alone
when nothing differs), an unknown one creates a new resident. A column that is absent leaves the
stored value alone; a column that is present but empty clears it. Care homes and units match by
``name_key`` (composed Unicode, case and spacing ignored).

The reader is strict: a quote that is never closed, text after a closing quote, and a line break
inside a field (every column is one line) are refused with the row they start in, instead of
letting one row swallow the next.

The file is streamed in batches, never held whole (its encoding is found in a first read of the
bytes). Rows are written in one transaction as they are checked, until the first fault; from then
on the rest is only checked, for the report, and the transaction is rolled back.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import itertools
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator

from sqlalchemy import insert

from ..domain.cpr import parse_cpr
from ..domain.errors import DomainError, ValidationError
from ..domain.limits import NAME_MAX, SHORT_TEXT_MAX, length_error, max_length
from ..domain.names import name_key
from ..domain.people import ResidentInput, validate_resident
from ..domain.roles import Action
from ..messages import parse_date
from ..store import audit as store_audit
from ..store.models import CareHome, Resident, Unit
from ..store.types import utcnow
from .context import AppContext
from .residents import apply_resident_fields

# Header as the user types it -> ResidentInput field. The order is the documented order.
COLUMNS: dict[str, str] = {
    "cpr": "cpr",
    "navn": "name",
    "adresse": "address",
    "postnummer": "postal_code",
    "by": "city",
    "plejecenter": "care_home_id",
    "afdeling": "unit",
    "bolig": "room",
    "indflytning": "move_in",
    "fraflytning": "move_out",
    "handlekommune": "acting_municipality",
    "opholdskommune": "residence_municipality",
    "kontaktperson": "contact_person",
}
REQUIRED_COLUMNS = ("cpr", "navn", "plejecenter")
_COLUMN_OF_FIELD = {f: c for c, f in COLUMNS.items()} | {"care_home": "plejecenter"}
_DATE_COLUMNS = ("indflytning", "fraflytning")
# The field a column's faults are reported for (its Danish label in tilsyn.messages).
_FIELD_OF_COLUMN = COLUMNS | {"plejecenter": "care_home"}
# Longest cell per column, checked before anything else reads the cell. Text fields have their
# domain maximum (tilsyn.domain.limits); the others a cap, so a megabyte in the CPR or date column
# is refused for its length and never copied into a message. Postal codes and CPR numbers get the
# domain's own, more precise refusal below the cap.
_CELL_MAX: dict[str, int] = {
    "cpr": SHORT_TEXT_MAX,
    "postnummer": SHORT_TEXT_MAX,
    "plejecenter": NAME_MAX,
    "indflytning": SHORT_TEXT_MAX,
    "fraflytning": SHORT_TEXT_MAX,
} | {
    c: max_length(f)
    for c, f in COLUMNS.items()
    if c not in ("cpr", "postnummer", "plejecenter") + _DATE_COLUMNS
}
# Rows looked up, checked and (second pass) flushed together.
BATCH_ROWS = 1000
_CHUNK = 1 << 20


@dataclass(frozen=True)
class RowError:
    """One fault: ``row`` as a spreadsheet numbers it (header = 1), ``column`` as the file spells it."""

    row: int
    column: str
    error: DomainError


@dataclass(frozen=True)
class ImportReport:
    """The outcome. With errors nothing was written and ``created``/``updated``/``unchanged`` are 0.

    ``rows`` counts the data rows (blank rows not included); without errors it is
    ``created + updated + unchanged``.
    """

    rows: int
    created: int
    updated: int
    errors: tuple[RowError, ...]
    encoding: str
    delimiter: str
    ignored_columns: tuple[str, ...] = ()
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows_with_errors(self) -> int:
        return len({e.row for e in self.errors})


# -- the source: a path or bytes, opened as often as needed ------------------------------------------


class _Source:
    """Opens the import's bytes as a binary stream, each time anew (the file is read twice)."""

    def __init__(self, source: str | os.PathLike | bytes) -> None:
        if isinstance(source, (bytes, bytearray, memoryview)):
            self._raw: bytes | None = bytes(source)
            self.path: Path | None = None
            self.size = len(self._raw)
        else:
            self._raw = None
            self.path = check_import_file(source)
            self.size = self.path.stat().st_size

    def open(self) -> BinaryIO:
        if self._raw is not None:
            return io.BytesIO(self._raw)
        assert self.path is not None
        try:
            return self.path.open("rb")
        except OSError as exc:
            raise DomainError("file_unreadable", path=str(self.path), reason=exc.strerror or str(exc)) from None

    def chunks(self) -> Iterator[bytes]:
        with self.open() as f:
            while chunk := _read(f, self.path):
                yield chunk


def _read(f: BinaryIO, path: Path | None) -> bytes:
    try:
        return f.read(_CHUNK)
    except OSError as exc:
        raise DomainError("file_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None


def check_import_file(path: str | os.PathLike) -> Path:
    """The path when it is a readable file; DomainError ``file_not_found``/``file_unreadable`` otherwise.

    Opens and closes the file without reading it, so the command line can refuse a mistyped name
    before it opens (or creates) a database.
    """
    p = Path(path)
    if not p.is_file():
        raise DomainError("file_not_found", path=str(p))
    try:
        with p.open("rb"):
            pass
    except OSError as exc:
        raise DomainError("file_unreadable", path=str(p), reason=exc.strerror or str(exc)) from None
    return p


def read_import_file(path: str | os.PathLike) -> bytes:
    """The file's bytes; DomainError ``file_not_found``/``file_unreadable`` in Danish otherwise."""
    p = check_import_file(path)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise DomainError("file_unreadable", path=str(p), reason=exc.strerror or str(exc)) from None


# -- encoding -------------------------------------------------------------------------------------

# One well-formed UTF-8 sequence of two to four bytes (RFC 3629: no overlong forms, no surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# The five bytes Windows-1252 leaves undefined.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


def detect_encoding(chunks: Iterator[bytes]) -> str:
    """``"utf-8"`` or ``"cp1252"`` for the bytes in ``chunks``, read once, in order.

    Valid UTF-8 (BOM optional) is UTF-8. A file that is not, but holds well-formed multi-byte UTF-8
    sequences, is mixed (``csv_mixed_encoding``): part was saved as UTF-8 and part as Windows-1252,
    and reading it as Windows-1252 would store "JÃ¸rgen". NUL bytes (UTF-16, a binary file) and
    bytes undefined in Windows-1252 give ``csv_encoding``.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    multibyte = False
    cp1252_ok = True
    tail = b""
    for chunk in chunks:
        if b"\x00" in chunk:
            raise DomainError("csv_encoding")
        if utf8:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                utf8 = False
        # A sequence may straddle two chunks: search across the last three bytes of the previous one.
        window = tail + chunk
        multibyte = multibyte or _UTF8_MULTIBYTE.search(window) is not None
        cp1252_ok = cp1252_ok and _CP1252_UNDEFINED.search(chunk) is None
        tail = chunk[-3:]
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    if utf8:
        return "utf-8"
    if multibyte:
        raise DomainError("csv_mixed_encoding")
    if not cp1252_ok:
        raise DomainError("csv_encoding")
    return "cp1252"


# -- the table: layout from the first lines, then the records one by one -------------------------------


@dataclass(frozen=True)
class CsvFault:
    """A record the CSV reader refused; ``code`` names why (Danish text in tilsyn.messages)."""

    code: str


@dataclass
class Table:
    """The file's layout and an iterator over its records: (row number, cells or CsvFault)."""

    header: dict[str, tuple[int, str]]  # canonical column -> (index, header as written)
    written: tuple[str, ...]  # the header row's cells as written, for naming any column
    width: int  # cells in the header row
    encoding: str
    delimiter: str
    ignored: tuple[str, ...]
    records: Iterator[tuple[int, list[str] | CsvFault]] = field(repr=False)


def normalise_header(text: str) -> str:
    """'Post nummer ' -> 'postnummer': headers match without regard to case or spaces."""
    return "".join(name_key(text.replace("\ufeff", "")).split())


def sniff_delimiter(header_line: str, sample: str) -> str:
    """``,`` or ``;``: the one that splits the header into more known columns, else csv.Sniffer's pick."""

    def known(delimiter: str) -> int:
        return sum(normalise_header(h) in COLUMNS for h in header_line.split(delimiter))

    by_header = {d: known(d) for d in (",", ";")}
    if by_header[","] != by_header[";"]:
        return "," if by_header[","] > by_header[";"] else ";"
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;").delimiter
    except csv.Error:
        return ","


def _is_sep_line(line: str) -> bool:
    text = line.strip()
    return len(text) == 5 and text.lower().startswith("sep=")


def _records(reader, start: int) -> Iterator[tuple[int, list[str] | CsvFault]]:
    """Number the reader's records from ``start``; a record it refuses becomes a CsvFault."""
    number = start
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            # The C reader's wording is its own; only "end of data" (a quote left open) is told apart.
            yield number, CsvFault("csv_unterminated_quote" if "end of data" in str(exc) else "csv_quote")
            continue
        number += 1
        yield number, cells


def open_table(text: Iterator[str], encoding: str = "utf-8") -> Table:
    """Read the layout (``sep=`` line, delimiter, header) from ``text``'s first lines.

    ``text`` yields lines with their line ends (a file opened with ``newline=""``). File-level
    faults raise DomainError: no header (``csv_empty``), a column twice, a required column missing.
    """
    lines = iter(text)
    head: list[str] = []
    delimiter = None
    for line in lines:
        if not line.strip():
            head.append(line)
            continue
        if delimiter is None and _is_sep_line(line):
            # Excel's own hint line is not shown as a row in Excel, so it is not counted either.
            candidate = line.strip()[4]
            delimiter = candidate if candidate in (",", ";") else ""
            continue
        head.append(line)
        break
    else:
        raise DomainError("csv_empty")
    header_line = head[-1]
    if not delimiter:
        sample = head[-1:] + list(itertools.islice(lines, 20))
        delimiter = sniff_delimiter(header_line, "".join(sample))
        head = head[:-1] + sample
    reader = csv.reader(itertools.chain(head, lines), delimiter=delimiter, strict=True)
    records = _records(reader, 0)
    header: dict[str, tuple[int, str]] = {}
    ignored: list[str] = []
    for number, cells in records:
        if isinstance(cells, CsvFault):
            raise DomainError("csv_header_unreadable")
        if not any(c.strip() for c in cells):
            continue
        if any("\n" in c or "\r" in c or len(c) > SHORT_TEXT_MAX for c in cells):
            # Column names are repeated in every message; one on two lines or a page long is no name.
            raise DomainError("csv_header_unreadable")
        for index, written in enumerate(cells):
            key = normalise_header(written)
            if not key:
                continue
            if key in header:
                raise DomainError("csv_duplicate_column", column=written.strip())
            if key in COLUMNS:
                header[key] = (index, written.strip())
            else:
                ignored.append(written.strip())
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise DomainError("csv_missing_columns", columns=", ".join(missing))
        return Table(header, tuple(c.strip() for c in cells), len(cells), encoding, delimiter, tuple(ignored),
                     records)
    raise DomainError("csv_empty")


@contextlib.contextmanager
def _opened_table(source: _Source, encoding: str) -> Iterator[Table]:
    with source.open() as binary:
        # utf-8-sig drops a BOM; newline="" hands the reader every line end untranslated.
        text = io.TextIOWrapper(binary, encoding="utf-8-sig" if encoding == "utf-8" else "cp1252", newline="")
        try:
            yield open_table(text, encoding)
        except UnicodeDecodeError:
            # The file changed between the passes.
            raise DomainError("csv_encoding") from None
        except OSError as exc:
            raise DomainError("file_unreadable", path=str(source.path), reason=exc.strerror or str(exc)) from None
        finally:
            text.detach()


@contextlib.contextmanager
def _field_size_limit(size: int) -> Iterator[None]:
    """Let the reader take a field as long as the whole file (the default stops at 131,072).

    The limit is process-wide; it is raised, never lowered, and put back afterwards. It stays
    below 2**31 because ``csv.field_size_limit`` takes a C long (32 bits on Windows).
    """
    old = csv.field_size_limit()
    wanted = min(max(old, size + 1), 2**31 - 1)
    csv.field_size_limit(wanted)
    try:
        yield
    finally:
        if csv.field_size_limit() == wanted:
            csv.field_size_limit(old)


# -- the import -----------------------------------------------------------------------------------


@dataclass
class _Plan:
    clean: ResidentInput
    home: CareHome
    unit: Unit | None
    existing: Resident | None


class _Homes:
    """The stored care homes and their units, by ``name_key`` and by id."""

    def __init__(self, homes) -> None:
        self.homes = list(homes)  # held, so the identity map keeps them for the whole import
        self.by_key = {name_key(h.name): h for h in self.homes}
        self.units = {(h.id, name_key(u.name)): u for h in self.homes for u in h.units}
        self.unit_by_id = {u.id: u for h in self.homes for u in h.units}

    def home(self, name: str) -> CareHome | None:
        return self.by_key.get(name_key(name))

    def unit(self, home: CareHome, name: str) -> Unit | None:
        return self.units.get((home.id, name_key(name)))


@dataclass
class _Outcome:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    first_row_of: dict[str, int] = field(default_factory=dict)  # CPR digits -> first row
    new_rows: list[dict] = field(default_factory=list)  # the batch's new residents, as table rows


class ImportService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def import_residents(self, source: str | os.PathLike | bytes) -> ImportReport:
        """Import residents from a CSV file (a path or its bytes), all or nothing.

        File-level faults (missing file or required column, unreadable or mixed encoding, no rows)
        raise DomainError. Row faults come back in the report, and then nothing is written.
        """
        self.ctx.require(Action.DATA_IMPORT)
        src = _Source(source)
        encoding = detect_encoding(src.chunks())
        outcome = _Outcome()
        with _field_size_limit(src.size), self.ctx.uow_factory() as uow:
            homes = _Homes(uow.care_homes.list_all())
            with _opened_table(src, encoding) as table:
                while batch := list(itertools.islice(table.records, BATCH_ROWS)):
                    _batch(uow, table, homes, batch, outcome)
                    if not outcome.errors:
                        _write_new(uow, outcome.new_rows)
                        # Flushed residents are no longer held by the session: memory stays flat.
                        uow.session.flush()
                    outcome.new_rows.clear()
            if not outcome.rows:
                raise DomainError("csv_empty")
            if outcome.errors:
                # Leaving the unit of work uncommitted rolls back what was written before the first fault.
                return ImportReport(outcome.rows, 0, 0, tuple(outcome.errors), table.encoding, table.delimiter,
                                    table.ignored, 0)
            uow.commit()
        return ImportReport(outcome.rows, outcome.created, outcome.updated, (), table.encoding, table.delimiter,
                            table.ignored, outcome.unchanged)


def _batch(uow, table: Table, homes: _Homes, batch, outcome: _Outcome) -> None:
    """Check one batch of records; write its rows while the import has no fault yet."""
    rows: list[tuple[int, dict[str, str], list[str]]] = []
    for number, cells in batch:
        if isinstance(cells, CsvFault):
            outcome.rows += 1
            outcome.errors.append(RowError(number, "", DomainError(cells.code)))
        elif any(c.strip() for c in cells):
            outcome.rows += 1
            rows.append((number, {c: cells[i].strip() if i < len(cells) else "" for c, (i, _) in table.header.items()},
                         cells))
    digits_of_row: dict[int, str] = {}
    for number, values, _ in rows:
        try:
            digits_of_row[number] = parse_cpr(values["cpr"]).digits
        except DomainError:
            pass
    existing = uow.residents.by_cprs(sorted(set(digits_of_row.values())))
    for number, values, cells in rows:
        digits = digits_of_row.get(number)
        row_errors: list[_Fault] = []
        if digits in outcome.first_row_of:
            other = outcome.first_row_of[digits]
            row_errors.append(_at(table, "cpr", DomainError("csv_duplicate_cpr", field="cpr", other_row=other)))
        elif digits:
            outcome.first_row_of[digits] = number
        plan = _check_row(table, values, cells, homes, existing.get(digits) if digits else None, row_errors)
        if row_errors:
            # Report a row's faults from left to right, as the user reads the row.
            row_errors.sort(key=lambda x: x[0])
            outcome.errors.extend(RowError(number, written, err) for _, written, err in row_errors)
        elif plan is not None and not outcome.errors:
            _apply(uow, plan, outcome)


# A row's fault: (position of its column in the row, for the order; column as written; error).
_Fault = tuple[int, str, DomainError]


def _at(table: Table, column: str, error: DomainError) -> _Fault:
    """A fault of a known column (by canonical name); "" is the row as a whole, shown first."""
    if not column:
        return (-1, "", error)
    where = table.header.get(column)
    # A column the file lacks (its value kept from the stored resident) is named as documented.
    return (where[0], where[1], error) if where else (10**6, column, error)


def _apply(uow, plan: _Plan, outcome: _Outcome) -> None:
    r = plan.existing
    if r is None:
        outcome.created += 1
        outcome.new_rows.append(_new_row(plan))
    elif _unchanged(r, plan):
        outcome.unchanged += 1
    else:
        outcome.updated += 1
        apply_resident_fields(r, plan.clean, plan.home, plan.unit)


def _new_row(plan: _Plan) -> dict:
    """The table row of a new resident, every column set (as ``apply_resident_fields`` fills one)."""
    c = plan.clean
    now = utcnow()
    return dict(
        id=uuid.uuid4(), cpr=c.cpr, name=c.name, address=c.address, postal_code=c.postal_code, city=c.city,
        care_home_id=plan.home.id, unit_id=plan.unit.id if plan.unit is not None else None, room=c.room,
        move_in=c.move_in, move_out=c.move_out, acting_municipality=c.acting_municipality,
        residence_municipality=c.residence_municipality, contact_person=c.contact_person,
        created_at=now, updated_at=now,
    )


def _write_new(uow, rows: list[dict]) -> None:
    """Insert new residents in one statement, each with the audit entry the ORM flush would write.

    An ORM object per row (constructor, cascade, unit-of-work bookkeeping) took half the time of an
    import of 100,000 residents. The entries are the automatic audit's "create" events: every column
    that is not None, as ``[None, value]`` in plain form (UUIDs as text, ISO dates), so
    ``tilsyn verify`` folds them to the row (a test runs it after an import).
    """
    if not rows:
        return
    uow.session.execute(insert(Resident.__table__), rows)
    reason = uow.session.info.get("audit_reason", "")
    store_audit.append(uow.session, [
        store_audit.Event("create", Resident.__tablename__, str(row["id"]), _created(row), reason) for row in rows
    ])


def _created(row: dict) -> dict:
    """A new row's audit changes: ``{column: [None, plain value]}`` for every value that is not None."""
    changes = {}
    for key, value in row.items():
        kind = type(value)
        if kind is str:  # most are: answer them first
            changes[key] = [None, value]
        elif value is None:
            continue
        elif kind is uuid.UUID:
            changes[key] = [None, str(value)]
        elif isinstance(value, (dt.datetime, dt.date)):
            changes[key] = [None, value.isoformat()]
        else:
            changes[key] = [None, value]
    return changes


def _unchanged(r: Resident, plan: _Plan) -> bool:
    """True when writing the plan would change none of the stored resident's fields."""
    c = plan.clean
    return (
        r.care_home_id == plan.home.id
        and r.unit_id == (plan.unit.id if plan.unit is not None else None)
        and (r.cpr, r.name, r.address, r.postal_code, r.city, r.room, r.move_in, r.move_out,
             r.acting_municipality, r.residence_municipality, r.contact_person)
        == (c.cpr, c.name, c.address, c.postal_code, c.city, c.room, c.move_in, c.move_out,
            c.acting_municipality, c.residence_municipality, c.contact_person)
    )


def _column_name(table: Table, index: int) -> str:
    return table.written[index] if index < len(table.written) else ""


def _check_row(
    table: Table, values: dict[str, str], cells: list[str], homes: _Homes, current: Resident | None,
    row_errors: list[_Fault],
) -> _Plan | None:
    """Check one row against the domain rules and the stored care homes; faults go to ``row_errors``.

    ``values`` are the trimmed cells of the known columns, ``cells`` the row as read.
    """
    # A line break in any cell: a quote left open has swallowed line ends (often the next row),
    # or a cell was typed on two lines. Every column is one line, so the row is refused as a whole.
    broken = [i for i, c in enumerate(cells) if "\n" in c or "\r" in c]
    if broken:
        for i in broken:
            row_errors.append((i, _column_name(table, i), DomainError("csv_line_break")))
        return None
    if len(cells) > table.width and any(c.strip() for c in cells[table.width:]):
        # The cells have slid out of their columns; checking them would only add noise.
        row_errors.append(_at(table, "", DomainError("csv_extra_cells", count=len(cells), expected=table.width)))
        return None
    too_long = False
    for column, value in values.items():
        err = length_error(value, _FIELD_OF_COLUMN[column], _CELL_MAX[column])
        if err is not None:
            row_errors.append(_at(table, column, err))
            too_long = True
    if too_long:
        return None
    home_name = values["plejecenter"]
    home = homes.home(home_name) if home_name else None
    if home_name and home is None:
        row_errors.append(_at(table, "plejecenter", DomainError("unknown_care_home", field="care_home", name=home_name)))
    dates: dict[str, dt.date | None] = {}
    for column in _DATE_COLUMNS:
        if column in values:
            try:
                dates[column] = _date(values[column], COLUMNS[column])
            except DomainError as exc:
                row_errors.append(_at(table, column, exc))
                dates[column] = None
    try:
        clean = validate_resident(_resident_input(values, current, home, homes, dates))
    except ValidationError as exc:
        for err in exc.errors:
            # An unknown care home is already reported; "missing" would only repeat it.
            if not (err.field == "care_home_id" and home_name):
                row_errors.append(_at(table, _COLUMN_OF_FIELD.get(err.field or "", ""), err))
        return None
    unit = None
    if home is not None and clean.unit:
        unit = homes.unit(home, clean.unit)
        if unit is None:
            row_errors.append(_at(table, "afdeling", DomainError("unknown_unit", field="unit", name=clean.unit)))
    if home is None or row_errors:
        return None
    return _Plan(clean, home, unit, current)


_DANISH_DATE = re.compile(r"([0-9]{2})-([0-9]{2})-([0-9]{4})")


def _date(text: str, field_name: str) -> dt.date | None:
    """``parse_date``, with a fast path for DD-MM-ÅÅÅÅ (what Danish Excel writes; strptime is slow)."""
    match = _DANISH_DATE.fullmatch(text)
    if match:
        try:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            pass  # 31-02-2024: parse_date gives the refusal
    return parse_date(text, field_name)


def _resident_input(
    values: dict[str, str], current: Resident | None, home: CareHome | None, homes: _Homes, dates: dict
) -> ResidentInput:
    """Input for one row; columns the file lacks keep the stored resident's values."""

    def value(column: str, stored: str) -> str:
        return values.get(column, stored)

    same_home = current is not None and home is not None and current.care_home_id == home.id
    stored_unit = homes.unit_by_id.get(current.unit_id) if same_home and current.unit_id else None
    return ResidentInput(
        cpr=values["cpr"],
        name=values["navn"],
        care_home_id=str(home.id) if home is not None else None,
        address=value("adresse", current.address if current else ""),
        postal_code=value("postnummer", current.postal_code if current else ""),
        city=value("by", current.city if current else ""),
        unit=value("afdeling", stored_unit.name if stored_unit is not None else ""),
        room=value("bolig", current.room if current else ""),
        move_in=dates["indflytning"] if "indflytning" in dates else (current.move_in if current else None),
        move_out=dates["fraflytning"] if "fraflytning" in dates else (current.move_out if current else None),
        acting_municipality=value("handlekommune", current.acting_municipality if current else ""),
        residence_municipality=value("opholdskommune", current.residence_municipality if current else ""),
        contact_person=value("kontaktperson", current.contact_person if current else ""),
    )


__all__ = [
    "BATCH_ROWS", "COLUMNS", "REQUIRED_COLUMNS", "CsvFault", "ImportReport", "ImportService", "RowError", "Table",
    "check_import_file", "detect_encoding", "open_table", "read_import_file",
]
