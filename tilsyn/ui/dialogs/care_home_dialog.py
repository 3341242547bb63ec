"""Create or edit one care home: fields with inline Danish error messages; Enter saves, Esc cancels."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ...domain.errors import DomainError
from ...domain.people import CARE_HOME_KINDS, CareHomeInput
from ...messages import care_home_kind_label
from ...services.care_homes import CareHomeService
from ...services.dto import CareHomeDTO
from ..errors import clear_field_errors, show_field_errors
from ..forms.ui_care_home_dialog import Ui_CareHomeDialog
from ..widgets import grow_to_fit
from ..widgets.plain import plain_labels


class CareHomeDialog(QDialog):
    """``home`` None creates a new care home; after ``accept`` the saved DTO is in ``saved``."""

    def __init__(
        self, care_homes: CareHomeService, home: CareHomeDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CareHomeDialog()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._service = care_homes
        self._home = home
        self.saved: CareHomeDTO | None = None
        for kind in CARE_HOME_KINDS:
            self.ui.kind_combo.addItem(care_home_kind_label(kind), kind)
        self.error_labels = {
            "name": self.ui.name_error_label,
            "kind": self.ui.kind_error_label,
            "address": self.ui.address_error_label,
            "postal_code": self.ui.postal_code_error_label,
            "city": self.ui.city_error_label,
            "units": self.ui.units_error_label,
        }
        self._inputs = {
            "name": self.ui.name_edit,
            "kind": self.ui.kind_combo,
            "address": self.ui.address_edit,
            "postal_code": self.ui.postal_code_edit,
            "city": self.ui.city_edit,
            "units": self.ui.units_edit,
        }
        clear_field_errors(self.error_labels)
        self.ui.general_error_label.setVisible(False)
        if home is None:
            self.setWindowTitle("Nyt plejecenter")
        else:
            self.setWindowTitle(f"Rediger plejecenter: {home.name}")
            self._fill(home)
        self.ui.save_button.clicked.connect(self.save)
        self.ui.name_edit.setFocus()

    def _fill(self, home: CareHomeDTO) -> None:
        self.ui.name_edit.setText(home.name)
        index = self.ui.kind_combo.findData(home.kind)
        self.ui.kind_combo.setCurrentIndex(max(index, 0))
        self.ui.address_edit.setText(home.address)
        self.ui.postal_code_edit.setText(home.postal_code)
        self.ui.city_edit.setText(home.city)
        self.ui.units_edit.setText(", ".join(u.name for u in home.units))

    def data(self) -> CareHomeInput:
        """What the fields say, as the service's input (not yet validated)."""
        return CareHomeInput(
            name=self.ui.name_edit.text(),
            kind=self.ui.kind_combo.currentData(),
            address=self.ui.address_edit.text(),
            postal_code=self.ui.postal_code_edit.text(),
            city=self.ui.city_edit.text(),
            units=tuple(self.ui.units_edit.text().split(",")),
        )

    def save(self) -> None:
        """Create or update through the service; on a refusal show it under the fields and stay open."""
        try:
            if self._home is None:
                self.saved = self._service.create_care_home(self.data())
            else:
                self.saved = self._service.update_care_home(self._home.id, self.data())
        except DomainError as err:
            fields = show_field_errors(err, self.error_labels, self.ui.general_error_label)
            grow_to_fit(self)
            if fields:
                self._inputs[fields[0]].setFocus()
            return
        self.accept()
