"""Create or edit one resident: master data, relatives and permit decisions.

Enter saves (Gem is the default button), Esc cancels, focus starts in the CPR field. Every
refusal is shown in Danish under the field it concerns, and nothing is saved then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from ... import messages
from ...domain.errors import DomainError, ValidationError
from ...domain.people import RelativeInput, ResidentInput
from ...services.care_homes import CareHomeService
from ...services.dto import CareHomeDTO, PermitDTO, ResidentDetail
from ...services.residents import ResidentService, catalogue
from ..errors import clear_field_errors, error_text, show_field_errors
from ..forms.ui_resident_dialog import Ui_ResidentDialog
from ..widgets import grow_to_fit
from .permit_dialog import PermitDialog
from ..widgets.plain import plain_labels, plain_tooltip

PERMIT_STATUS_TEXT = {
    "active": "Aktiv",
    "ends_soon": "Udløber snart",
    "expired": "Udløbet",
    "future": "Fremtidig",
}
_ERROR_BACKGROUND = QColor("#fde7e9")
_REL_COLUMNS = ("name", "relation", "phone")
_MASTER_TAB, _RELATIVES_TAB, _PERMITS_TAB = 0, 1, 2


class ResidentDialog(QDialog):
    """``resident_id`` None creates a resident. ``saved`` carries the id after each save."""

    saved = Signal(str)

    def __init__(
        self,
        residents: ResidentService,
        care_homes: CareHomeService,
        resident_id: str | None = None,
        parent: QWidget | None = None,
        *,
        care_home_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ResidentDialog()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._residents = residents
        self._resident_id = resident_id
        self._homes: list[CareHomeDTO] = care_homes.list_care_homes()
        self._permits: list[PermitDTO] = []
        #: The dialog open on top of this one (a permit, or the delete confirmation), for tests.
        self.permit_dialog: PermitDialog | None = None
        self.confirm_box: QMessageBox | None = None

        ui = self.ui
        self.error_labels = {
            "cpr": ui.cpr_error_label,
            "name": ui.name_error_label,
            "address": ui.address_error_label,
            "postal_code": ui.postal_code_error_label,
            "city": ui.city_error_label,
            "acting_municipality": ui.acting_municipality_error_label,
            "residence_municipality": ui.residence_municipality_error_label,
            "care_home_id": ui.care_home_error_label,
            "unit": ui.unit_error_label,
            "room": ui.room_error_label,
            "move_in": ui.move_in_error_label,
            "move_out": ui.move_out_error_label,
            "contact_person": ui.contact_person_error_label,
        }
        self._inputs: dict[str, QWidget] = {
            "cpr": ui.cpr_edit,
            "name": ui.name_edit,
            "address": ui.address_edit,
            "postal_code": ui.postal_code_edit,
            "city": ui.city_edit,
            "acting_municipality": ui.acting_municipality_edit,
            "residence_municipality": ui.residence_municipality_edit,
            "care_home_id": ui.care_home_combo,
            "unit": ui.unit_combo,
            "room": ui.room_edit,
            "move_in": ui.move_in_edit,
            "move_out": ui.move_out_edit,
            "contact_person": ui.contact_person_edit,
        }
        for home in self._homes:
            ui.care_home_combo.addItem(home.name, home.id)
        ui.care_home_combo.setCurrentIndex(-1)
        self._setup_tables()

        ui.care_home_combo.currentIndexChanged.connect(self._fill_units)
        ui.cpr_edit.editingFinished.connect(self.check_cpr)
        ui.move_in_edit.editingFinished.connect(lambda: self._check_date("move_in"))
        ui.move_out_edit.editingFinished.connect(lambda: self._check_date("move_out"))
        ui.save_button.clicked.connect(self.accept)
        ui.cancel_button.clicked.connect(self.reject)
        ui.save_first_button.clicked.connect(self.save)
        ui.add_relative_button.clicked.connect(lambda: self.add_relative())
        ui.remove_relative_button.clicked.connect(self.remove_relative)
        ui.relatives_table.itemSelectionChanged.connect(self._update_buttons)
        ui.new_permit_button.clicked.connect(self.new_permit)
        ui.edit_permit_button.clicked.connect(self.edit_permit)
        ui.delete_permit_button.clicked.connect(self.delete_permit)
        ui.permits_table.itemSelectionChanged.connect(self._update_buttons)
        ui.permits_table.itemDoubleClicked.connect(lambda _item: self.edit_permit())

        if resident_id is None:
            if care_home_id is None and len(self._homes) == 1:
                care_home_id = self._homes[0].id
            if care_home_id is not None:
                ui.care_home_combo.setCurrentIndex(ui.care_home_combo.findData(care_home_id))
            self._fill_units()
        else:
            self._fill(residents.get(resident_id))
        self._update_mode()
        ui.tabs.setCurrentIndex(_MASTER_TAB)
        ui.cpr_edit.setFocus()

    # -- filling --------------------------------------------------------------------------------
    def _setup_tables(self) -> None:
        rel = self.ui.relatives_table
        rel.verticalHeader().setVisible(False)
        rel.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rel.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rel.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        permits = self.ui.permits_table
        permits.verticalHeader().setVisible(False)
        permits.setStyleSheet("QTableWidget::item { padding: 3px 4px; }")
        header = permits.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

    def _fill(self, r: ResidentDetail) -> None:
        ui = self.ui
        ui.cpr_edit.setText(r.cpr)
        ui.name_edit.setText(r.name)
        ui.address_edit.setText(r.address)
        ui.postal_code_edit.setText(r.postal_code)
        ui.city_edit.setText(r.city)
        ui.acting_municipality_edit.setText(r.acting_municipality)
        ui.residence_municipality_edit.setText(r.residence_municipality)
        index = ui.care_home_combo.findData(r.care_home_id)
        if index < 0:  # a home the list does not know (yet): show it rather than lose it
            ui.care_home_combo.addItem(r.care_home, r.care_home_id)
            index = ui.care_home_combo.count() - 1
        ui.care_home_combo.setCurrentIndex(index)
        self._fill_units()
        unit_index = ui.unit_combo.findText(r.unit) if r.unit else 0
        ui.unit_combo.setCurrentIndex(max(unit_index, 0))
        ui.room_edit.setText(r.room)
        ui.move_in_edit.set_date(r.move_in)
        ui.move_out_edit.set_date(r.move_out)
        ui.contact_person_edit.setText(r.contact_person)
        ui.relatives_table.setRowCount(0)
        for rel in r.relatives:
            self.add_relative((rel.name, rel.relation, rel.phone), edit=False)
        self._show_permits(r.permits)
        self.setWindowTitle(f"Beboer: {r.name} ({r.cpr_masked})")

    def _fill_units(self) -> None:
        """The unit choices follow the chosen care home (data already in the home list)."""
        combo = self.ui.unit_combo
        keep = combo.currentText() if combo.currentIndex() > 0 else ""
        combo.clear()
        combo.addItem("(ingen afdeling)", "")
        home_id = self.ui.care_home_combo.currentData()
        for home in self._homes:
            if home.id == home_id:
                for unit in home.units:
                    combo.addItem(unit.name, unit.name)
        combo.setCurrentIndex(max(combo.findText(keep), 0) if keep else 0)
        combo.setEnabled(combo.count() > 1)

    def _update_mode(self) -> None:
        """Permits need a saved resident: until then the tab explains that and offers to save."""
        saved = self._resident_id is not None
        self.ui.permits_hint_frame.setVisible(not saved)
        self.ui.no_permits_label.setVisible(saved and not self._permits)
        self.ui.permits_table.setEnabled(saved)
        self.ui.new_permit_button.setEnabled(saved)
        if not saved:
            self.setWindowTitle("Ny beboer")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.ui.remove_relative_button.setEnabled(bool(self.ui.relatives_table.selectedItems()))
        has_permit = self._resident_id is not None and self._selected_permit() is not None
        self.ui.edit_permit_button.setEnabled(has_permit)
        self.ui.delete_permit_button.setEnabled(has_permit)

    # -- reading --------------------------------------------------------------------------------
    def resident_id(self) -> str | None:
        """The resident's id once saved."""
        return self._resident_id

    def read_input(self) -> tuple[ResidentInput, list[RelativeInput], list[int]]:
        """The fields as service input, the non-empty relatives, and their table rows.

        Raises ValidationError when a date cannot be read (the service never sees those).
        """
        ui = self.ui
        errors: list[DomainError] = []
        dates = {}
        for name, edit in (("move_in", ui.move_in_edit), ("move_out", ui.move_out_edit)):
            try:
                dates[name] = edit.date(name)
            except DomainError as exc:
                errors.append(exc)
        if errors:
            raise ValidationError(errors)
        data = ResidentInput(
            cpr=ui.cpr_edit.text(),
            name=ui.name_edit.text(),
            care_home_id=ui.care_home_combo.currentData(),
            address=ui.address_edit.text(),
            postal_code=ui.postal_code_edit.text(),
            city=ui.city_edit.text(),
            unit=ui.unit_combo.currentData() or "",
            room=ui.room_edit.text(),
            move_in=dates["move_in"],
            move_out=dates["move_out"],
            acting_municipality=ui.acting_municipality_edit.text(),
            residence_municipality=ui.residence_municipality_edit.text(),
            contact_person=ui.contact_person_edit.text(),
        )
        relatives, rows = [], []
        table = ui.relatives_table
        for row in range(table.rowCount()):
            cells = [(table.item(row, c).text() if table.item(row, c) else "") for c in range(3)]
            if any(c.strip() for c in cells):
                relatives.append(RelativeInput(*cells))
                rows.append(row)
        return data, relatives, rows

    # -- saving ---------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save through the service; on a refusal show every fault and save nothing."""
        self._clear_errors()
        rows: list[int] = []
        try:
            data, relatives, rows = self.read_input()
            detail = self._residents.save(self._resident_id, data, relatives)
        except DomainError as exc:
            self._show_errors(exc, rows)
            return False
        self._resident_id = detail.id
        self.setWindowTitle(f"Beboer: {detail.name} ({detail.cpr_masked})")
        self._show_permits(detail.permits)
        self._update_mode()
        self.saved.emit(detail.id)
        return True

    def accept(self) -> None:
        """Gem: save, and close only when the save went through."""
        if self.save():
            super().accept()

    def check_cpr(self) -> None:
        """When the CPR field is left: say at once what is wrong with the number, if anything."""
        text = self.ui.cpr_edit.text()
        if not text.strip():
            self.ui.cpr_error_label.show_message(None)
            return
        err = self._residents.check_cpr(text, self._resident_id)
        self.ui.cpr_error_label.show_message(messages.text_for(err) if err else None)

    def _check_date(self, field: str) -> None:
        edit = self._inputs[field]
        try:
            edit.date(field)
        except DomainError as exc:
            self.error_labels[field].show_message(messages.text_for(exc))
            return
        self.error_labels[field].show_message(None)

    def _clear_errors(self) -> None:
        clear_field_errors(self.error_labels)
        for label in (self.ui.form_error_label, self.ui.relatives_error_label, self.ui.permits_error_label):
            label.show_message(None)
        table = self.ui.relatives_table
        for row in range(table.rowCount()):
            for col in range(table.columnCount()):
                item = table.item(row, col)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")

    def _show_errors(self, exc: DomainError, relative_rows: list[int]) -> None:
        errors = exc.errors if isinstance(exc, ValidationError) else [exc]
        own = [e for e in errors if not (e.field or "").startswith("relatives.")]
        related = [e for e in errors if (e.field or "").startswith("relatives.")]
        shown = show_field_errors(ValidationError(own), self.error_labels, self.ui.form_error_label) if own else []
        lines = [self._mark_relative(e, relative_rows) for e in related]
        self.ui.relatives_error_label.show_message("\n".join(lines))
        grow_to_fit(self)
        if shown:
            self.ui.tabs.setCurrentIndex(_MASTER_TAB)
            self._inputs[shown[0]].setFocus()
        elif related:
            self.ui.tabs.setCurrentIndex(_RELATIVES_TAB)
            self.ui.relatives_table.setFocus()

    def _mark_relative(self, err: DomainError, relative_rows: list[int]) -> str:
        """Colour the faulty cell and return "Pårørende 2, Telefon: …" for the list under the table."""
        _, index, field = (err.field or "").split(".", 2)
        row = relative_rows[int(index)] if int(index) < len(relative_rows) else int(index)
        text = messages.text_for(err)
        if field in _REL_COLUMNS:
            item = self.ui.relatives_table.item(row, _REL_COLUMNS.index(field))
            if item is not None:
                item.setBackground(_ERROR_BACKGROUND)
                item.setToolTip(plain_tooltip(text))
        return f"Pårørende {row + 1}, {messages.field_label(field)}: {text}"

    # -- relatives ------------------------------------------------------------------------------
    def add_relative(self, values: tuple[str, str, str] = ("", "", ""), *, edit: bool = True) -> int:
        """Append a row (empty unless ``values``) and, by default, start typing its name."""
        table = self.ui.relatives_table
        row = table.rowCount()
        table.insertRow(row)
        for col, value in enumerate(values):
            table.setItem(row, col, QTableWidgetItem(value))
        if edit:
            table.setCurrentCell(row, 0)
            table.setFocus()
            table.editItem(table.item(row, 0))
        return row

    def remove_relative(self) -> None:
        table = self.ui.relatives_table
        rows = sorted({i.row() for i in table.selectedIndexes()}, reverse=True)
        for row in rows:
            table.removeRow(row)
        self._update_buttons()

    # -- permits --------------------------------------------------------------------------------
    def _show_permits(self, permits: tuple[PermitDTO, ...] | list[PermitDTO]) -> None:
        table = self.ui.permits_table
        self._permits = sorted(permits, key=lambda p: (p.valid_from, p.valid_to), reverse=True)
        table.setRowCount(len(self._permits))
        titles: dict[str, str] = {}
        for row, p in enumerate(self._permits):
            if p.catalogue_version not in titles:
                titles[p.catalogue_version] = _catalogue_title(p.catalogue_version)
            period = f"{messages.format_date(p.valid_from)} – {messages.format_date(p.valid_to)}"
            cells = (
                "\n".join(p.force_type_labels),
                period,
                PERMIT_STATUS_TEXT.get(p.status, p.status),
                titles[p.catalogue_version],
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                item.setToolTip(plain_tooltip(_permit_tooltip(p)))
                if col == 2 and p.status in ("ends_soon", "expired"):
                    item.setForeground(QBrush(QColor("#b3261e" if p.status == "ends_soon" else "#6b6b6b")))
                table.setItem(row, col, item)
        table.resizeRowsToContents()
        self.ui.no_permits_label.setVisible(not self._permits and self._resident_id is not None)
        self._update_buttons()

    def _selected_permit(self) -> PermitDTO | None:
        rows = {i.row() for i in self.ui.permits_table.selectedIndexes()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self._permits[row] if row < len(self._permits) else None

    def _reload_permits(self, *_args) -> None:
        if self._resident_id is not None:
            self._show_permits(self._residents.get(self._resident_id).permits)

    def new_permit(self) -> None:
        """Open the permit dialog for a new decision."""
        self._open_permit(None)

    def edit_permit(self) -> None:
        """Open the selected permit."""
        permit = self._selected_permit()
        if permit is not None:
            self._open_permit(permit.id)

    def _open_permit(self, permit_id: str | None) -> None:
        if self._resident_id is None:
            return
        self.ui.permits_error_label.show_message(None)
        try:
            dialog = PermitDialog(self._residents, self._resident_id, permit_id, parent=self)
        except DomainError as exc:  # e.g. deleted meanwhile on another PC
            self.ui.permits_error_label.show_message(error_text(exc))
            self._reload_permits()
            return
        dialog.accepted.connect(self._reload_permits)
        dialog.finished.connect(dialog.deleteLater)
        self.permit_dialog = dialog
        dialog.open()

    def delete_permit(self) -> None:
        """Ask first; the decision is gone for good."""
        permit = self._selected_permit()
        if permit is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Slet tilladelse")
        box.setText("Vil du slette tilladelsen?")
        box.setInformativeText(
            f"{', '.join(permit.force_type_labels)}\n"
            f"{messages.format_date(permit.valid_from)} – {messages.format_date(permit.valid_to)}\n\n"
            "Sletningen kan ikke fortrydes."
        )
        delete = box.addButton("Slet", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Annuller", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _r: self._delete_confirmed(box, delete, permit.id))
        self.confirm_box = box
        box.open()

    def _delete_confirmed(self, box: QMessageBox, delete: QPushButton, permit_id: str) -> None:
        self.confirm_box = None
        box.deleteLater()
        if box.clickedButton() is not delete:
            return
        try:
            self._residents.delete_permit(permit_id)
        except DomainError as exc:
            self.ui.permits_error_label.show_message(error_text(exc))
        self._reload_permits()


def _catalogue_title(version: str) -> str:
    try:
        return catalogue(version).title
    except DomainError:
        return version


def _permit_tooltip(p: PermitDTO) -> str:
    lines = [f"Forudsætninger: {p.prerequisites}"] if p.prerequisites else []
    if p.decision_reference:
        lines.append(f"Journalnummer: {p.decision_reference}")
    return "\n".join(lines)
