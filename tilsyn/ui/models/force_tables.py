"""Table models of the use-of-force screens: the month overview, the inbox / leader queue, and
one resident's force by month and type.

The lists are small (one care home's residents in a month, the forms waiting), so the rows come
in whole from one service call and sort in memory through SORT_ROLE.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ... import messages
from ...domain.force import Month, local_date
from ...services.force_dto import FormSummary, MonthOverviewRow, ResidentForceOverview
from ..widgets.plain import plain_tooltip
from .force_status import KIND_LABELS, status_colors, status_icon

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
SHORT_MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def short_month(key: str) -> str:
    """'2026-03' -> 'mar 26' (chart axes and narrow headers)."""
    m = Month.parse(key)
    return f"{SHORT_MONTHS[m.month - 1]} {m.year % 100:02d}"


def long_month(key: str) -> str:
    """'2026-03' -> 'marts 2026'."""
    m = Month.parse(key)
    return messages.month_label(m.year, m.month)


def month_range(keys: tuple[str, ...]) -> list[str]:
    """Every month from the first to the last of ``keys``, so months without force show as 0."""
    if not keys:
        return []
    first, last = Month.parse(min(keys)), Month.parse(max(keys))
    out = []
    m = first
    while (m.year, m.month) <= (last.year, last.month):
        out.append(m.key())
        m = m.next()
    return out


class _RowsModel(QAbstractTableModel):
    """Rows from one service call; SORT_ROLE gives ints or strings (a proxy cannot compare tuples)."""

    HEADERS: tuple[str, ...] = ()
    NUMERIC: frozenset[int] = frozenset()
    STATUS_COL = -1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == SORT_ROLE:
            return self.sort_key(row, col)
        if role == ID_ROLE:
            return self.row_id(row)
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.tooltip(row, col))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col == self.STATUS_COL:
            if role == Qt.ItemDataRole.DecorationRole:
                return status_icon(row.status)
            if role == Qt.ItemDataRole.BackgroundRole:
                return status_colors(row.status)[0]
            if role == Qt.ItemDataRole.ForegroundRole:
                return status_colors(row.status)[1]
        return None

    def text(self, row, col: int) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def sort_key(self, row, col: int):
        return self.text(row, col).casefold()

    def tooltip(self, row, col: int) -> str | None:
        """The whole text of a cell, so nothing cut off with "…" is lost."""
        return self.text(row, col) or None

    def row_id(self, row):
        return None


class MonthOverviewModel(_RowsModel):
    """Residents x status of one care home and month."""

    COL_NAME, COL_CPR, COL_ROOM, COL_STATUS, COL_EPISODES, COL_LATE, COL_ACUTE = range(7)
    HEADERS = ("Beboer", "CPR-nummer", "Bolig", "Status", "Magtanvendelser", "Heraf for sent", "Akutte")
    NUMERIC = frozenset({COL_EPISODES, COL_LATE, COL_ACUTE})
    STATUS_COL = COL_STATUS
    rows: list[MonthOverviewRow]

    def text(self, r: MonthOverviewRow, col: int) -> str:
        return {
            self.COL_NAME: r.resident_name,
            self.COL_CPR: r.cpr_masked,
            self.COL_ROOM: r.room,
            self.COL_STATUS: messages.form_state_text(r.status, r.marks),
            self.COL_EPISODES: str(r.episodes),
            self.COL_LATE: str(r.late_episodes) if r.late_episodes else "",
            self.COL_ACUTE: str(r.acute_records) if r.acute_records else "",
        }[col]

    def sort_key(self, r: MonthOverviewRow, col: int):
        if col == self.COL_EPISODES:
            return r.episodes
        if col == self.COL_LATE:
            return r.late_episodes
        if col == self.COL_ACUTE:
            return r.acute_records
        if col == self.COL_STATUS:
            return f"{STATUS_ORDER.get(r.status, 9) - 10 * ('overdue' in r.marks) + 10:02d}{r.resident_name.casefold()}"
        return super().sort_key(r, col)

    def row_id(self, r: MonthOverviewRow):
        return r.resident_id

    def row_at(self, row: int) -> MonthOverviewRow:
        return self.rows[row]


# Most urgent first when sorting by state ("for sent" forms before all others).
STATUS_ORDER = {"returned": 1, "awaiting_staff": 2, "draft": 3, "awaiting_leader": 4, "ready_to_send": 5, "sent": 6,
                "processed": 7, "none": 8}


class FormSummaryModel(_RowsModel):
    """The caseworker's inbox and the leader's queue."""

    COL_HOME, COL_NAME, COL_CPR, COL_MONTH, COL_KIND, COL_STATUS, COL_EPISODES, COL_DUE, COL_SENT = range(9)
    HEADERS = ("Plejecenter", "Beboer", "CPR-nummer", "Måned", "Skema", "Status", "Magtanvendelser", "Frist",
               "Sendt")
    NUMERIC = frozenset({COL_EPISODES})
    STATUS_COL = COL_STATUS
    rows: list[FormSummary]

    def text(self, s: FormSummary, col: int) -> str:
        return {
            self.COL_HOME: s.care_home,
            self.COL_NAME: s.resident_name,
            self.COL_CPR: s.cpr_masked,
            self.COL_MONTH: messages.month_label(s.year, s.month),
            self.COL_KIND: KIND_LABELS.get(s.kind, s.kind),
            self.COL_STATUS: messages.form_state_text(s.status, s.marks) + (
                f": »{s.reopen_reason}«" if "reopened" in s.marks and s.reopen_reason else ""),
            self.COL_EPISODES: str(s.episodes),
            self.COL_DUE: messages.format_date(s.due_date),
            self.COL_SENT: messages.format_date(local_date(s.sent_at)) if s.sent_at else "",
        }[col]

    def sort_key(self, s: FormSummary, col: int):
        if col == self.COL_MONTH:
            return s.year * 100 + s.month
        if col == self.COL_EPISODES:
            return s.episodes
        if col == self.COL_DUE:
            return s.due_date.isoformat() if s.due_date else ""
        if col == self.COL_SENT:
            return s.sent_at.isoformat() if s.sent_at else ""
        if col == self.COL_STATUS:
            return STATUS_ORDER.get(s.status, 9) - 10 * ("overdue" in s.marks)
        return super().sort_key(s, col)

    def tooltip(self, s: FormSummary, col: int) -> str | None:
        if col == self.COL_STATUS:
            lines = [messages.form_state_text(s.status, s.marks)]
            if s.reopen_reason and "reopened" in s.marks:
                lines.append(f"Genåbnet: »{s.reopen_reason}«")
            if s.return_comment and s.status == "returned":
                lines.append(f"Sendt tilbage: »{s.return_comment}«")
            return "\n".join(lines)
        return super().tooltip(s, col)

    def row_id(self, s: FormSummary):
        return s.id

    def row_at(self, row: int) -> FormSummary:
        return self.rows[row]


class ResidentForceModel(QAbstractTableModel):
    """Months (rows, oldest first, with a total row) x types (columns, with a total column)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.overview: ResidentForceOverview | None = None
        self.months: list[str] = []
        self.types: list[tuple[str, str]] = []

    def set_overview(self, overview: ResidentForceOverview | None) -> None:
        self.beginResetModel()
        self.overview = overview
        self.months = month_range(overview.months) if overview else []
        self.types = list(overview.types) if overview else []
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.months else len(self.months) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.types else len(self.types) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return "I alt" if section == len(self.types) else _two_lines(self.types[section][1])
        return "I alt" if section == len(self.months) else long_month(self.months[section])

    def count(self, row: int, col: int) -> int:
        """Episodes in month ``row`` of type ``col`` (the last row and column are totals)."""
        ov = self.overview
        months = self.months if row == len(self.months) else [self.months[row]]
        codes = [c for c, _ in self.types] if col == len(self.types) else [self.types[col][0]]
        return sum(ov.count(m, c) for m in months for c in codes)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        total = index.row() == len(self.months) or index.column() == len(self.types)
        if role == Qt.ItemDataRole.DisplayRole:
            n = self.count(index.row(), index.column())
            return str(n) if n or total else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and total:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


def _two_lines(label: str) -> str:
    """'Tilbageholdelse i boligen (§ 127)' -> two lines, the § reference under the name."""
    if " (§" in label:
        name, ref = label.split(" (§", 1)
        return f"{name}\n(§{ref}"
    return label
