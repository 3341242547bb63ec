"""The care homes list (Beboere -> Plejecentre): create, edit and delete through the service."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMessageBox, QWidget

from ...domain.errors import DomainError
from ...messages import care_home_kind_label
from ...services.care_homes import CareHomeService
from ...services.dto import CareHomeDTO
from ..dialogs.care_home_dialog import CareHomeDialog
from ..errors import show_error
from ..forms.ui_care_homes import Ui_CareHomesView
from ..widgets.plain import message_box, plain_labels

COL_NAME, COL_KIND, COL_ADDRESS, COL_RESIDENTS, COL_UNITS = range(5)
HEADERS = ("Navn", "Type", "Adresse", "Beboere", "Afdelinger")
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _number(n: int) -> str:
    """Danish thousands separator: 1.098."""
    return f"{n:,}".replace(",", ".")


def _address(home: CareHomeDTO) -> str:
    town = " ".join(x for x in (home.postal_code, home.city) if x)
    return ", ".join(x for x in (home.address, town) if x)


class CareHomeTableModel(QAbstractTableModel):
    """Care homes as rows; the whole list is small (at most a few hundred), so it is held in memory."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[CareHomeDTO] = []

    def set_rows(self, rows: list[CareHomeDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def home_at(self, row: int) -> CareHomeDTO:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        home = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return home.name
            if col == COL_KIND:
                return care_home_kind_label(home.kind)
            if col == COL_ADDRESS:
                return _address(home)
            if col == COL_RESIDENTS:
                return str(home.resident_count)
            if col == COL_UNITS:
                return ", ".join(u.name for u in home.units)
        if role == SORT_ROLE:
            if col == COL_RESIDENTS:
                return home.resident_count
            if col == COL_UNITS:
                return len(home.units)
            return (self.data(index, Qt.ItemDataRole.DisplayRole) or "").casefold()
        if role == ID_ROLE:
            return home.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_RESIDENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CareHomesView(QWidget):
    """Emits ``changed`` after a care home was created, edited or deleted."""

    changed = Signal()

    def __init__(self, care_homes: CareHomeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CareHomesView()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._service = care_homes
        self.dialog: CareHomeDialog | None = None
        self.model = CareHomeTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        table = self.ui.homes_table_view
        table.setModel(self.proxy)
        table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        # Compact rows, like the residents list next to it.
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_ADDRESS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_RESIDENTS, QHeaderView.ResizeMode.ResizeToContents)
        table.activated.connect(self.edit_selected)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ui.new_button.clicked.connect(self.create)
        self.ui.edit_button.clicked.connect(self.edit_selected)
        self.ui.delete_button.clicked.connect(self.delete_selected)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list from the service, keeping the selected care home selected."""
        keep = self.selected_home()
        homes = self._service.list_care_homes()
        self.model.set_rows(homes)
        residents = sum(h.resident_count for h in homes)
        self.ui.summary_label.setText(
            f"{_number(len(homes))} {'plejecenter' if len(homes) == 1 else 'plejecentre'}, "
            f"{_number(residents)} nuværende {'beboer' if residents == 1 else 'beboere'}"
        )
        if keep is not None:
            self.select_home(keep.id)
        self._update_buttons()

    def selected_home(self) -> CareHomeDTO | None:
        rows = self.ui.homes_table_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.home_at(self.proxy.mapToSource(rows[0]).row())

    def select_home(self, home_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, COL_NAME)
            if index.data(ID_ROLE) == home_id:
                self.ui.homes_table_view.selectRow(row)
                self.ui.homes_table_view.scrollTo(index)
                return

    def _update_buttons(self) -> None:
        has = self.selected_home() is not None
        self.ui.edit_button.setEnabled(has)
        self.ui.delete_button.setEnabled(has)

    def create(self) -> None:
        self._run_dialog(CareHomeDialog(self._service, None, self))

    def edit_selected(self) -> None:
        home = self.selected_home()
        if home is not None:
            self._run_dialog(CareHomeDialog(self._service, home, self))

    def _run_dialog(self, dialog: CareHomeDialog) -> None:
        # open(), not exec(): window-modal without a nested event loop, so tests can drive it.
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: CareHomeDialog) -> None:
        self.dialog = None
        dialog.deleteLater()
        if dialog.saved is not None:
            self.refresh()
            self.select_home(dialog.saved.id)
            self.changed.emit()

    def delete_selected(self) -> None:
        home = self.selected_home()
        if home is None:
            return
        answer = message_box(
            self, QMessageBox.Icon.Question,
            "Slet plejecenter",
            f"Vil du slette plejecentret »{home.name}«?\nDet kan ikke fortrydes.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._service.delete_care_home(home.id)
        except DomainError as err:
            show_error(self, err, "Slet plejecenter")
            return
        self.refresh()
        self.changed.emit()
