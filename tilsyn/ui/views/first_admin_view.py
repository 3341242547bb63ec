"""First run on a database without users: create the administrator, then log in as them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ...domain.errors import DomainError, ValidationError
from ...services.users import UserService
from ..errors import clear_field_errors, show_field_errors
from ..forms.ui_first_admin import Ui_FirstAdminView
from ..widgets.plain import plain_labels


class FirstAdminView(QWidget):
    """Emits ``created(actor)`` when the administrator exists and is logged in."""

    created = Signal(object)

    def __init__(self, users: UserService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstAdminView()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._users = users
        self.error_labels = {
            "username": self.ui.username_error_label,
            "full_name": self.ui.full_name_error_label,
            "password": self.ui.password_error_label,
            "password_repeat": self.ui.password_repeat_error_label,
        }
        self._inputs = {
            "username": self.ui.username_edit,
            "full_name": self.ui.full_name_edit,
            "password": self.ui.password_edit,
            "password_repeat": self.ui.password_repeat_edit,
        }
        clear_field_errors(self.error_labels)
        self.ui.general_error_label.show_message(None)
        self.ui.create_button.clicked.connect(self.create)
        self.ui.password_repeat_edit.returnPressed.connect(self.create)
        self.ui.username_edit.setFocus()

    def create(self) -> None:
        """Create the administrator through the service and log in; refusals appear under the fields."""
        ui = self.ui
        password = ui.password_edit.text()
        try:
            # Typing the password twice is a screen matter: the service gets it once.
            if password != ui.password_repeat_edit.text():
                raise ValidationError([DomainError("password_mismatch", field="password_repeat")])
            self._users.create_first_admin(ui.username_edit.text(), ui.full_name_edit.text(), password)
            actor = self._users.login(ui.username_edit.text().strip().lower(), password)
        except DomainError as err:
            fields = show_field_errors(err, self.error_labels, ui.general_error_label)
            if fields:
                self._inputs[fields[0]].setFocus()
            return
        ui.password_edit.clear()
        ui.password_repeat_edit.clear()
        self.created.emit(actor)
