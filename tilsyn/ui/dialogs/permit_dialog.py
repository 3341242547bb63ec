"""Create or edit one permit decision (afgørelse om tilladelse) for a resident.

The force types come from the law catalogue the permit is made under, never from this file:
a new law version is a new catalogue, and an old permit keeps showing its own version's types.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QWidget

from ...domain.errors import DomainError, ValidationError
from ...services.dto import CatalogueDTO, PermitDTO
from ...services.residents import PermitInput, ResidentService, catalogue
from ..errors import clear_field_errors, show_field_errors
from ..forms.ui_permit_dialog import Ui_PermitDialog
from ..widgets import WrappingLabel, grow_to_fit
from ..widgets.plain import plain_labels

_SITUATION_INDENT = 26


class PermitDialog(QDialog):
    """``permit_id`` None records a new decision. After ``accept`` the saved DTO is in ``saved``."""

    def __init__(
        self,
        residents: ResidentService,
        resident_id: str,
        permit_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PermitDialog()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._residents = residents
        self._resident_id = resident_id
        self._permit_id = permit_id
        self.saved: PermitDTO | None = None

        resident = residents.get(resident_id)
        permit = next((p for p in resident.permits if p.id == permit_id), None) if permit_id else None
        if permit_id and permit is None:
            raise DomainError("not_found", what="Tilladelsen")
        # A new permit is made under the newest catalogue; an existing one keeps its version.
        self.catalogue: CatalogueDTO = catalogue(permit.catalogue_version if permit else None)
        self.type_checks: dict[str, QCheckBox] = {}
        self._build_types()

        ui = self.ui
        ui.resident_label.setText(f"Beboer: {resident.name} ({resident.cpr_masked})")
        ui.catalogue_label.setText(f"Lovgrundlag: {self.catalogue.title}")
        self.setWindowTitle("Rediger tilladelse" if permit else "Ny tilladelse")
        self.error_labels = {
            "force_types": ui.force_types_error_label,
            "prerequisites": ui.prerequisites_error_label,
            "valid_from": ui.valid_from_error_label,
            "valid_to": ui.valid_to_error_label,
            "decision_reference": ui.decision_reference_error_label,
        }
        first_check = next(iter(self.type_checks.values()), None)
        self._inputs: dict[str, QWidget | None] = {
            "force_types": first_check,
            "prerequisites": ui.prerequisites_edit,
            "valid_from": ui.valid_from_edit,
            "valid_to": ui.valid_to_edit,
            "decision_reference": ui.decision_reference_edit,
        }
        if permit is not None:
            self._fill(permit)
        ui.save_button.clicked.connect(self.accept)
        ui.cancel_button.clicked.connect(self.reject)
        # The number of types depends on the catalogue, so the height does too.
        self.resize(self.width(), self.sizeHint().height())
        grow_to_fit(self)
        (first_check or ui.prerequisites_edit).setFocus()

    def _build_types(self) -> None:
        layout = self.ui.force_types_layout
        group = self.ui.force_types_group
        previous: QWidget | None = None
        for t in self.catalogue.types:
            check = QCheckBox(t.display.replace("&", "&&"), group)
            check.setObjectName(f"force_type_{t.code}_check")
            check.setProperty("force_type", t.code)
            layout.addWidget(check)
            self.type_checks[t.code] = check
            if t.situations:
                layout.addWidget(self._situations_label(t.situations, group))
            if previous is not None:
                QWidget.setTabOrder(previous, check)
            previous = check
        if previous is not None:
            QWidget.setTabOrder(previous, self.ui.prerequisites_edit)

    @staticmethod
    def _situations_label(situations: tuple[tuple[str, str], ...], parent: QWidget) -> QLabel:
        """The sub-situations are information here: each episode names the one it was."""
        label = WrappingLabel(
            "Omfatter situationerne: " + " · ".join(text for _code, text in situations) + ".\n"
            "Den enkelte situation vælges, når magtanvendelsen registreres.",
            parent,
        )
        label.setObjectName("situations_label")
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(placeholder-text);")
        label.setContentsMargins(_SITUATION_INDENT, 0, 0, 4)
        return label

    def _fill(self, p: PermitDTO) -> None:
        for code in p.force_types:
            check = self.type_checks.get(code)
            if check is not None:
                check.setChecked(True)
        self.ui.prerequisites_edit.setPlainText(p.prerequisites)
        self.ui.valid_from_edit.set_date(p.valid_from)
        self.ui.valid_to_edit.set_date(p.valid_to)
        self.ui.decision_reference_edit.setText(p.decision_reference)

    def read_input(self) -> PermitInput:
        """The fields as service input; raises ValidationError when a date cannot be read."""
        errors: list[DomainError] = []
        dates = {}
        for name, edit in (("valid_from", self.ui.valid_from_edit), ("valid_to", self.ui.valid_to_edit)):
            try:
                dates[name] = edit.date(name)
            except DomainError as exc:
                errors.append(exc)
        if errors:
            raise ValidationError(errors)
        return PermitInput(
            force_types=tuple(code for code, check in self.type_checks.items() if check.isChecked()),
            valid_from=dates["valid_from"],
            valid_to=dates["valid_to"],
            prerequisites=self.ui.prerequisites_edit.toPlainText(),
            decision_reference=self.ui.decision_reference_edit.text(),
            catalogue_version=self.catalogue.version,
        )

    def accept(self) -> None:
        """Gem: save through the service; on a refusal show it under the fields and stay open."""
        clear_field_errors(self.error_labels)
        self.ui.form_error_label.show_message(None)
        try:
            self.saved = self._residents.save_permit(self._resident_id, self._permit_id, self.read_input())
        except DomainError as exc:
            shown = show_field_errors(exc, self.error_labels, self.ui.form_error_label)
            grow_to_fit(self)
            target = self._inputs.get(shown[0]) if shown else None
            if target is not None:
                target.setFocus()
            return
        super().accept()
