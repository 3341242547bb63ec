"""Pick a resident by typing part of the name, the room or the CPR number into a line edit.

The matches come from ResidentService.search_ids (the same search as the residents list), a
few at a time, shown in the completer's popup; the line edit keeps the chosen resident's id.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from ...domain.errors import DomainError
from ...services.dto import ResidentRow
from ...services.residents import ResidentService

SEARCH_DELAY_MS = 150
MAX_MATCHES = 12
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def resident_text(row: ResidentRow) -> str:
    """How a resident reads in the popup and in the field: name, room, masked CPR, care home."""
    parts = [row.name]
    if row.room:
        parts.append(f"bolig {row.room}")
    parts.append(row.cpr_masked)
    parts.append(row.care_home)
    return " · ".join(parts)


class ResidentCompleter(QObject):
    """Attach to ``edit``; ``picked`` says which resident was chosen, ``cleared`` that the text changed."""

    picked = Signal(object)  # ResidentRow
    cleared = Signal()
    failed = Signal(object)  # DomainError (e.g. not logged in)

    def __init__(self, residents: ResidentService, edit: QLineEdit, parent: QObject | None = None) -> None:
        super().__init__(parent or edit)
        self._residents = residents
        self._edit = edit
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
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
        # Enter in this field picks the resident; it must not also press the dialog's default button.
        # With the popup open, the completer hands Enter straight to the field (returnPressed).
        edit.returnPressed.connect(self._return_pressed)
        edit.installEventFilter(self)

    @property
    def resident_id(self) -> str | None:
        return self.chosen.id if self.chosen else None

    def _edited(self, _text: str) -> None:
        if self.chosen is not None:
            self.chosen = None
            self.cleared.emit()
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
            ids = self._residents.search_ids(text, include_moved_out=False)[:MAX_MATCHES]
            found = self._residents.rows(ids)
        except DomainError as exc:
            self.failed.emit(exc)
            return
        for row in found:
            item = QStandardItem(resident_text(row))
            item.setData(row.id, ID_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
            self.rows[row.id] = row
        if found and self._edit.hasFocus():
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        row = self.rows.get(index.data(ID_ROLE))
        if row is not None:
            self.choose(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                popup = self.completer.popup()
                if popup.isVisible() and popup.currentIndex().isValid():
                    self._activated(popup.currentIndex())
                elif self.chosen is not None:
                    self.picked.emit(self.chosen)  # Enter on a chosen resident: go on to the next field
                else:
                    self._return_pressed()
                return True
        return super().eventFilter(watched, event)

    def _return_pressed(self) -> None:
        # Enter with one match picks it: "jens" + Enter is the fast path at 3 a.m.
        if self.chosen is None:
            if self._timer.isActive() or not self.rows:
                self.search()
            if len(self.rows) == 1:
                self.choose(next(iter(self.rows.values())))

    def choose(self, row: ResidentRow) -> None:
        """Set ``row`` as the chosen resident (also when restoring a draft)."""
        self._timer.stop()
        self.chosen = row
        self.rows.setdefault(row.id, row)
        self._edit.setText(resident_text(row))
        self.completer.popup().hide()
        self.picked.emit(row)

    def choose_id(self, resident_id: str) -> bool:
        """Choose by id (a restored draft, a preselected resident); False if not visible to the user."""
        try:
            found = self._residents.rows([resident_id])
        except DomainError as exc:
            self.failed.emit(exc)
            return False
        if not found:
            return False
        self.choose(found[0])
        return True
