"""CSV import of residents: every row is checked first, then all are written or none.

Headers are Danish and matched without regard to case or spaces. The file may be UTF-8 (with
or without BOM) or Windows-1252 (what Danish Excel writes for "CSV (semikolonsepareret)"), with
``,`` or ``;`` between fields. Residents are keyed by CPR number: a known CPR number updates that
resident, an unknown one creates a new resident. A column that is absent leaves the stored value
alone; a column that is present but empty clears it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from ..domain.cpr import parse_cpr
from ..domain.errors import DomainError, ValidationError
from ..domain.people import ResidentInput, validate_resident
from ..domain.roles import Action
from ..messages import parse_date
from ..store.models import CareHome, Resident, Unit
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
_TEXT_FIELDS = (
    "name", "address", "city", "room", "acting_municipality", "residence_municipality", "contact_person",
)
_DATE_COLUMNS = ("indflytning", "fraflytning")


@dataclass(frozen=True)
class RowError:
    """One fault: ``row`` as a spreadsheet numbers it (header = 1), ``column`` as the file spells it."""

    row: int
    column: str
    error: DomainError


@dataclass(frozen=True)
class ImportReport:
    """The outcome. With errors nothing was written and ``created``/``updated`` are 0."""

    rows: int
    created: int
    updated: int
    errors: tuple[RowError, ...]
    encoding: str
    delimiter: str
    ignored_columns: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows_with_errors(self) -> int:
        return len({e.row for e in self.errors})


@dataclass
class _Table:
    header: dict[str, tuple[int, str]]  # canonical column -> (index, header as written)
    width: int  # cells in the header row
    rows: list[tuple[int, list[str]]]  # (row number, cells)
    encoding: str
    delimiter: str
    ignored: tuple[str, ...]


@dataclass
class _Plan:
    clean: ResidentInput
    home: CareHome
    unit: Unit | None
    existing: Resident | None


def read_import_file(path: str | os.PathLike) -> bytes:
    """The file's bytes; DomainError ``file_not_found``/``file_unreadable`` in Danish otherwise."""
    p = Path(path)
    if not p.is_file():
        raise DomainError("file_not_found", path=str(p))
    try:
        return p.read_bytes()
    except OSError as exc:
        raise DomainError("file_unreadable", path=str(p), reason=exc.strerror or str(exc)) from None


class ImportService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def import_residents(self, source: str | os.PathLike | bytes) -> ImportReport:
        """Import residents from a CSV file (a path or its bytes), all or nothing.

        File-level faults (missing file or required column, unreadable encoding, no rows) raise
        DomainError. Row faults come back in the report, and then nothing is written.
        """
        self.ctx.require(Action.DATA_IMPORT)
        raw = source if isinstance(source, bytes) else read_import_file(source)
        table = parse_table(raw)
        with self.ctx.uow_factory() as uow:
            plans, errors = self._check(uow, table)
            if errors:
                return ImportReport(len(table.rows), 0, 0, tuple(errors), table.encoding, table.delimiter,
                                    table.ignored)
            created = updated = 0
            for plan in plans:
                r = plan.existing
                if r is None:
                    r = Resident(id=uuid.uuid4())
                    uow.residents.add(r)
                    created += 1
                else:
                    updated += 1
                apply_resident_fields(r, plan.clean, plan.home, plan.unit)
            uow.commit()
        return ImportReport(len(table.rows), created, updated, (), table.encoding, table.delimiter, table.ignored)

    def _check(self, uow, table: _Table) -> tuple[list[_Plan], list[RowError]]:
        homes = {h.name.casefold(): h for h in uow.care_homes.list_all()}
        digits_of_row: dict[int, str] = {}
        for number, cells in table.rows:
            try:
                digits_of_row[number] = parse_cpr(_cell(table, cells, "cpr")).digits
            except DomainError:
                pass
        existing = uow.residents.by_cprs(sorted(set(digits_of_row.values())))
        first_row_of: dict[str, int] = {}
        plans: list[_Plan] = []
        errors: list[RowError] = []
        for number, cells in table.rows:
            if len(cells) > table.width and any(cells[table.width:]):
                # The cells have slid out of their columns; checking them would only add noise.
                error = DomainError("csv_extra_cells", count=len(cells), expected=table.width)
                errors.append(RowError(number, "", error))
                continue
            digits = digits_of_row.get(number)
            row_errors: list[tuple[str, DomainError]] = []
            if digits in first_row_of:
                row_errors.append(("cpr", DomainError("csv_duplicate_cpr", field="cpr", other_row=first_row_of[digits])))
            elif digits:
                first_row_of[digits] = number
            plan = _check_row(uow, table, cells, homes, existing.get(digits) if digits else None, row_errors)
            if row_errors:
                # Report a row's faults from left to right, as the user reads the row.
                row_errors.sort(key=lambda x: table.header.get(x[0], (-1 if not x[0] else 10**6,))[0])
                errors.extend(RowError(number, _written(table, col), err) for col, err in row_errors)
            elif plan is not None:
                plans.append(plan)
        return plans, errors


def _check_row(
    uow, table: _Table, cells: list[str], homes: dict[str, CareHome], current: Resident | None,
    row_errors: list[tuple[str, DomainError]],
) -> _Plan | None:
    """Check one row against the domain rules and the stored care homes; faults go to ``row_errors``."""
    home_name = _cell(table, cells, "plejecenter").strip()
    home = homes.get(home_name.casefold()) if home_name else None
    if home_name and home is None:
        row_errors.append(("plejecenter", DomainError("unknown_care_home", field="care_home", name=home_name)))
    dates: dict[str, dt.date | None] = {}
    for column in _DATE_COLUMNS:
        if column in table.header:
            try:
                dates[column] = parse_date(_cell(table, cells, column), COLUMNS[column])
            except DomainError as exc:
                row_errors.append((column, exc))
                dates[column] = None
    try:
        clean = validate_resident(_resident_input(table, cells, current, home, dates))
    except ValidationError as exc:
        for err in exc.errors:
            # An unknown care home is already reported; "missing" would only repeat it.
            if not (err.field == "care_home_id" and home_name):
                row_errors.append((_COLUMN_OF_FIELD.get(err.field or "", ""), err))
        return None
    for name in _TEXT_FIELDS:
        limit = Resident.__table__.c[name].type.length
        if limit and len(getattr(clean, name)) > limit:
            row_errors.append((_COLUMN_OF_FIELD[name], DomainError("too_long", field=name, max=limit)))
    unit = None
    if home is not None and clean.unit:
        unit = uow.care_homes.unit_by_name(home, clean.unit)
        if unit is None:
            row_errors.append(("afdeling", DomainError("unknown_unit", field="unit", name=clean.unit)))
    if home is None:
        return None
    return _Plan(clean, home, unit, current)


def _cell(table: _Table, cells: list[str], column: str) -> str:
    where = table.header.get(column)
    if where is None or where[0] >= len(cells):
        return ""
    return cells[where[0]]


def _written(table: _Table, column: str) -> str:
    """The column's header as the file spells it (the canonical name if the file lacks it)."""
    where = table.header.get(column)
    return where[1] if where else column


def _resident_input(
    table: _Table, cells: list[str], current: Resident | None, home: CareHome | None, dates: dict
) -> ResidentInput:
    """Input for one row; columns the file lacks keep the stored resident's values."""

    def value(column: str, stored: str) -> str:
        return _cell(table, cells, column) if column in table.header else stored

    same_home = current is not None and home is not None and current.care_home_id == home.id
    stored_unit = current.unit.name if current is not None and current.unit is not None and same_home else ""
    return ResidentInput(
        cpr=_cell(table, cells, "cpr"),
        name=_cell(table, cells, "navn"),
        care_home_id=str(home.id) if home is not None else None,
        address=value("adresse", current.address if current else ""),
        postal_code=value("postnummer", current.postal_code if current else ""),
        city=value("by", current.city if current else ""),
        unit=value("afdeling", stored_unit),
        room=value("bolig", current.room if current else ""),
        move_in=dates["indflytning"] if "indflytning" in dates else (current.move_in if current else None),
        move_out=dates["fraflytning"] if "fraflytning" in dates else (current.move_out if current else None),
        acting_municipality=value("handlekommune", current.acting_municipality if current else ""),
        residence_municipality=value("opholdskommune", current.residence_municipality if current else ""),
        contact_person=value("kontaktperson", current.contact_person if current else ""),
    )


# -- reading the file -----------------------------------------------------------------------------


def normalise_header(text: str) -> str:
    """'Post nummer ' -> 'postnummer': headers match without regard to case or spaces."""
    return "".join(text.replace("\ufeff", "").split()).casefold()


def decode(raw: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (BOM optional) first, else Windows-1252."""
    if b"\x00" in raw:
        # UTF-16 ("Unicode-tekst" from Excel) or not a text file at all.
        raise DomainError("csv_encoding")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise DomainError("csv_encoding") from None


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


def parse_table(raw: bytes) -> _Table:
    """Decode, find the delimiter and the header; raises DomainError for file-level faults."""
    text, encoding = decode(raw)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise DomainError("csv_empty")
    delimiter = None
    # Excel's own hint line ("sep=;") is not shown as a row in Excel, so it is not counted.
    if lines[first].strip().lower().startswith("sep=") and len(lines[first].strip()) == 5:
        delimiter = lines[first].strip()[4]
        text = "\n".join(lines[:first] + lines[first + 1:])
        lines = text.splitlines()
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            raise DomainError("csv_empty")
    if delimiter not in (",", ";"):
        delimiter = sniff_delimiter(lines[first], "\n".join(lines[first:first + 20]))
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: dict[str, tuple[int, str]] = {}
    ignored: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    width = 0
    for number, cells in enumerate(records, start=1):
        if not any(c.strip() for c in cells):
            continue
        if not header_seen:
            header_seen = True
            width = len(cells)
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
            continue
        rows.append((number, [c.strip() for c in cells]))
    if not rows:
        raise DomainError("csv_empty")
    return _Table(header, width, rows, encoding, delimiter, tuple(ignored))


__all__ = ["COLUMNS", "REQUIRED_COLUMNS", "ImportReport", "ImportService", "RowError", "read_import_file"]
