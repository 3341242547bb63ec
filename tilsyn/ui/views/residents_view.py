"""The residents list: search, care home filter, sortable lazy table, and the resident dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from ...domain.errors import DomainError
from ...services.care_homes import CareHomeService
from ...services.residents import ResidentService
from ..dialogs.resident_dialog import ResidentDialog
from ..errors import show_error
from ..forms.ui_residents_view import Ui_ResidentsView
from ..models.resident_table_model import ResidentTableModel
from ..widgets.plain import plain_labels

SEARCH_DELAY_MS = 200
# Column widths from sample texts, never from the rows: sizing to contents would fetch every page.
_COLUMN_SAMPLES = {
    ResidentTableModel.COL_NAME: "Karen Margrethe Christensen",
    ResidentTableModel.COL_CPR: "000000-xxxx ",
    ResidentTableModel.COL_CARE_HOME: "Strandhavens Private Plejecenter",
    ResidentTableModel.COL_UNIT: "Afsnit Nord",
    ResidentTableModel.COL_ROOM: "Bolig",
    ResidentTableModel.COL_MOVE_IN: "Indflyttet ",
    ResidentTableModel.COL_STATUS: "Fraflyttet 00-00-0000",
}


def count_text(n: int) -> str:
    """ "1 beboer", "1.234 beboere" (Danish thousands separator)."""
    number = f"{n:,}".replace(",", ".")
    return f"{number} beboer" if n == 1 else f"{number} beboere"


class ResidentsView(QWidget):
    """Embedded in the main window; ``refresh()`` re-reads care homes and residents."""

    #: A resident was created or changed through the dialog (its id).
    resident_saved = Signal(str)

    def __init__(self, residents: ResidentService, care_homes: CareHomeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ResidentsView()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._residents = residents
        self._care_homes = care_homes
        #: The open resident dialog, if any (tests reach it here).
        self.dialog: ResidentDialog | None = None

        self.model = ResidentTableModel(residents, self)
        table = self.ui.resident_table
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = table.fontMetrics()
        # Compact rows: a list is for scanning many residents at once.
        table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        for col, sample in _COLUMN_SAMPLES.items():
            table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 24)
        header.setSortIndicator(*self.model.sort_order())

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.ui.resident_search_edit.textChanged.connect(self._search_timer.start)
        self.ui.care_home_combo.currentIndexChanged.connect(self.apply_filter)
        self.ui.show_moved_out_check.toggled.connect(self.apply_filter)
        self.ui.new_button.clicked.connect(self.new_resident)
        self.ui.edit_button.clicked.connect(self.edit_selected)
        table.doubleClicked.connect(self._open_index)
        table.installEventFilter(self)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.refresh()

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the care homes for the filter and the residents list, keeping the selection."""
        combo = self.ui.care_home_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Alle plejecentre", None)
        for home in self._care_homes.list_care_homes():
            combo.addItem(home.name, home.id)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
        combo.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        """Show the residents matching the search text, the chosen home and the moved-out box."""
        self._search_timer.stop()
        keep = self.selected_id()
        self.model.set_filter(
            self.ui.resident_search_edit.text(),
            self.ui.care_home_combo.currentData(),
            self.ui.show_moved_out_check.isChecked(),
        )
        self.ui.count_label.setText(count_text(self.model.rowCount()))
        if keep:
            self.select(keep)

    # -- selection ------------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.ui.resident_table.selectionModel().selectedRows()
        return self.model.resident_id(rows[0].row()) if rows else None

    def select(self, resident_id: str) -> bool:
        """Select and scroll to ``resident_id`` if it is in the list."""
        row = self.model.row_of(resident_id)
        if row < 0:
            return False
        index = self.model.index(row, ResidentTableModel.COL_NAME)
        table = self.ui.resident_table
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        table.scrollTo(index)
        return True

    def _update_buttons(self, *_args) -> None:
        self.ui.edit_button.setEnabled(self.selected_id() is not None)

    # -- the dialog -----------------------------------------------------------------------------
    def new_resident(self) -> None:
        """Open an empty resident dialog (the filtered care home is preselected)."""
        self._open_dialog(None)

    def edit_selected(self) -> None:
        resident_id = self.selected_id()
        if resident_id is not None:
            self._open_dialog(resident_id)

    def _open_index(self, index: QModelIndex) -> None:
        resident_id = self.model.resident_id(index.row())
        if resident_id is not None:
            self._open_dialog(resident_id)

    def _open_dialog(self, resident_id: str | None) -> None:
        try:
            dialog = ResidentDialog(
                self._residents,
                self._care_homes,
                resident_id,
                self,
                care_home_id=self.ui.care_home_combo.currentData(),
            )
        except DomainError as exc:  # e.g. deleted by someone else meanwhile
            show_error(self, exc)
            self.apply_filter()
            return
        dialog.saved.connect(self._on_saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _on_saved(self, resident_id: str) -> None:
        self.apply_filter()
        self.select(resident_id)
        self.resident_saved.emit(resident_id)

    def _dialog_closed(self) -> None:
        self.dialog = None
        self.ui.resident_table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter opens the resident on every platform (QAbstractItemView's "activated" does not on macOS).
        if watched is self.ui.resident_table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
        return super().eventFilter(watched, event)
