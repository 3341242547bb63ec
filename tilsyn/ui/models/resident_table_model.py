"""The residents list as a lazy table model.

Only the sorted ids are held in full (a few hundred kB for 10,000 residents); the rows
themselves are fetched from the service a page at a time when the view first paints them, and a
bounded number of pages is cached. Sorting and filtering happen in SQL: the model asks the
service for the ids in the new order, so every row takes part, not only the loaded ones.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ... import messages
from ...services.dto import ResidentRow


class ResidentSource(Protocol):
    """The two ResidentService methods the model needs (a fake in tests)."""

    def search_ids(
        self, text: str = "", care_home_id: str | None = None, sort: str = "name", descending: bool = False,
        include_moved_out: bool = True,
    ) -> list[str]: ...

    def rows(self, ids: list[str]) -> list[ResidentRow]: ...


class ResidentTableModel(QAbstractTableModel):
    """Residents, one per row; the CPR number is always masked here."""

    COL_NAME = 0
    COL_CPR = 1
    COL_CARE_HOME = 2
    COL_UNIT = 3
    COL_ROOM = 4
    COL_MOVE_IN = 5
    COL_STATUS = 6

    #: data(): a native comparable value; headerData(): the service's sort key for the column.
    SortRole = Qt.ItemDataRole.UserRole
    #: data(): the resident's id.
    IdRole = Qt.ItemDataRole.UserRole + 1

    HEADERS = ("Navn", "CPR-nr.", "Plejecenter", "Afdeling", "Bolig", "Indflyttet", "Status")
    SORT_KEYS = {
        COL_NAME: "name",
        COL_CPR: "cpr",
        COL_CARE_HOME: "care_home",
        COL_UNIT: "unit",
        COL_ROOM: "room",
        COL_MOVE_IN: "move_in",
        COL_STATUS: "move_out",
    }

    PAGE_SIZE = 200
    MAX_CACHED_PAGES = 10

    def __init__(
        self,
        residents: ResidentSource,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        max_cached_pages: int = MAX_CACHED_PAGES,
    ) -> None:
        super().__init__(parent)
        self._residents = residents
        self._page_size = page_size
        self._max_pages = max_cached_pages
        self._ids: list[str] = []
        self._pages: OrderedDict[int, list[ResidentRow | None]] = OrderedDict()
        self._text = ""
        self._care_home_id: str | None = None
        self._include_moved_out = False
        self._sort_column = self.COL_NAME
        self._descending = False
        self._loaded = False
        #: How many pages were fetched from the service so far (tests prove laziness with it).
        self.fetched_pages = 0

    # -- what to show ---------------------------------------------------------------------------
    def set_filter(self, text: str = "", care_home_id: str | None = None, include_moved_out: bool = False) -> None:
        """Show the residents matching ``text`` (name part, room or CPR digits) in the given home."""
        self._text, self._care_home_id, self._include_moved_out = text.strip(), care_home_id, include_moved_out
        self.reload()

    def reload(self) -> None:
        """Ask the service again for the matching ids; cached rows are dropped."""
        self.beginResetModel()
        self._ids = self._query_ids()
        self._pages.clear()
        self._loaded = True
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query the ids in the new order; selected rows follow their residents."""
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        if not self._loaded:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in old]
        self._ids = self._query_ids()
        self._pages.clear()
        position = {rid: row for row, rid in enumerate(self._ids)}
        new = [
            self.index(position[rid], i.column()) if rid in position else QModelIndex()
            for rid, i in zip(old_ids, old)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the rows are in (for the header's sort indicator)."""
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return self._sort_column, order

    def resident_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, resident_id: str) -> int:
        """The row showing ``resident_id``, or -1."""
        try:
            return self._ids.index(resident_id)
        except ValueError:
            return -1

    def cached_pages(self) -> list[int]:
        """Page numbers held in memory, oldest use first."""
        return list(self._pages)

    # -- Qt model interface ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, self.SortRole, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self._row(index.row())
        if row is None:  # deleted since the ids were read; the next reload drops it
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#6b6b6b") if row.moved_out else None
        if role == self.SortRole:
            return self._sort_value(row, index.column())
        return self._display(row, index.column())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == self.SortRole:
            return self.SORT_KEYS.get(section)
        return None

    # -- internals ------------------------------------------------------------------------------
    def _query_ids(self) -> list[str]:
        return self._residents.search_ids(
            self._text,
            self._care_home_id,
            sort=self.SORT_KEYS[self._sort_column],
            descending=self._descending,
            include_moved_out=self._include_moved_out,
        )

    def _row(self, row: int) -> ResidentRow | None:
        page_no, offset = divmod(row, self._page_size)
        page = self._pages.get(page_no)
        if page is None:
            page = self._fetch(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def _fetch(self, page_no: int) -> list[ResidentRow | None]:
        ids = self._ids[page_no * self._page_size : (page_no + 1) * self._page_size]
        by_id = {r.id: r for r in self._residents.rows(ids)}
        self.fetched_pages += 1
        page = [by_id.get(i) for i in ids]
        self._pages[page_no] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page

    def _display(self, row: ResidentRow, column: int) -> str:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_CPR:
            return row.cpr_masked
        if column == self.COL_CARE_HOME:
            return row.care_home
        if column == self.COL_UNIT:
            return row.unit
        if column == self.COL_ROOM:
            return row.room
        if column == self.COL_MOVE_IN:
            return messages.format_date(row.move_in)
        if column == self.COL_STATUS:
            return status_text(row)
        return ""

    def _sort_value(self, row: ResidentRow, column: int) -> Any:
        if column == self.COL_MOVE_IN:
            return row.move_in
        if column == self.COL_STATUS:
            return row.move_out
        return self._display(row, column)


def status_text(row: ResidentRow) -> str:
    """"Bor her", "Fraflyttet 31-01-2026", or "Fraflytter 31-01-2027" for a planned move-out."""
    if row.move_out is None:
        return "Bor her"
    word = "Fraflyttet" if row.moved_out else "Fraflytter"
    return f"{word} {messages.format_date(row.move_out)}"
