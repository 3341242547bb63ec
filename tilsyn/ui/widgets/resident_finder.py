"""Choose one resident by typing part of the name, room or CPR number (moved-out residents too).

The popup lists the first matches of ResidentService.search_ids; ``picked(row)`` says which one.
Used by the record history and the privacy screens.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from ...domain.errors import DomainError
from ...services.dto import ResidentRow
from ...services.residents import ResidentService

SEARCH_DELAY_MS = 150
MAX_MATCHES = 12
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def resident_label(row: ResidentRow) -> str:
    """Name, masked CPR and care home; "fraflyttet" for residents who moved out."""
    parts = [row.name, row.cpr_masked, row.care_home]
    if row.moved_out:
        parts.append("fraflyttet")
    return " · ".join(parts)


class ResidentFinder(QObject):
    """Attach to ``edit``. ``chosen`` is the picked resident until the text is edited again."""

    picked = Signal(object)  # ResidentRow
    failed = Signal(object)  # DomainError

    def __init__(self, residents: ResidentService, edit: QLineEdit, parent: QObject | None = None) -> None:
        super().__init__(parent or edit)
        self._residents = residents
        self._edit = edit
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(MAX_MATCHES)
        self.completer.setWidget(edit)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.rows: dict[str, ResidentRow] = {}
        self.chosen: ResidentRow | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        edit.textEdited.connect(self._edited)
        edit.returnPressed.connect(self._return_pressed)

    def _edited(self, _text: str) -> None:
        self.chosen = None
        self._timer.start()

    def search(self) -> None:
        """Fill the popup with the first matches of the typed text."""
        self._timer.stop()
        text = self._edit.text().strip()
        self.model.clear()
        self.rows = {}
        if not text:
            self.completer.popup().hide()
            return
        try:
            found = self._residents.rows(self._residents.search_ids(text)[:MAX_MATCHES])
        except DomainError as err:
            self.failed.emit(err)
            return
        for row in found:
            item = QStandardItem(resident_label(row))
            item.setData(row.id, ID_ROLE)
            self.model.appendRow(item)
            self.rows[row.id] = row
        if found:
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def choose(self, resident_id: str) -> None:
        """Pick a resident from the current matches (as clicking it in the popup would)."""
        row = self.rows[resident_id]
        self.chosen = row
        self._edit.setText(resident_label(row))
        self.completer.popup().hide()
        self.picked.emit(row)

    def _activated(self, index: QModelIndex) -> None:
        resident_id = index.data(ID_ROLE)
        if resident_id in self.rows:
            self.choose(resident_id)

    def _return_pressed(self) -> None:
        # Enter on a unique match picks it without the arrow keys.
        if self._timer.isActive():
            self.search()
        if self.chosen is None and len(self.rows) == 1:
            self.choose(next(iter(self.rows)))
