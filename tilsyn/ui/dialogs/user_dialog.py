"""Create or edit one user account; reset a user's password. Refusals appear under the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, ValidationError
from ...domain.roles import ROLE_LABELS, SCOPED_ROLES, Role
from ...services.dto import CareHomeDTO
from ...services.users import UserDTO, UserInput, UserService
from ..errors import clear_field_errors, show_field_errors
from ..forms.ui_user_dialog import Ui_UserDialog
from ..widgets import ErrorLabel, WrappingLabel, grow_to_fit
from ..widgets.plain import plain_labels

ID_ROLE = Qt.ItemDataRole.UserRole
# The order an administrator thinks in: most users first.
ROLE_ORDER = (Role.STAFF, Role.LEADER, Role.CASEWORKER, Role.CONSULTANT, Role.ADMIN)


def _mismatch() -> ValidationError:
    return ValidationError([DomainError("password_mismatch", field="password_repeat")])


class UserDialog(QDialog):
    """``user`` None creates a user (with a password); after ``accept`` the DTO is in ``saved``."""

    def __init__(
        self,
        users: UserService,
        care_homes: list[CareHomeDTO],
        user: UserDTO | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_UserDialog()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._users = users
        self._user = user
        self.saved: UserDTO | None = None
        ui = self.ui
        for role in ROLE_ORDER:
            ui.role_combo.addItem(ROLE_LABELS[role], role.value)
        for home in care_homes:
            item = QListWidgetItem(home.name, ui.care_homes_list)
            item.setData(ID_ROLE, home.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.error_labels = {
            "username": ui.username_error_label,
            "full_name": ui.full_name_error_label,
            "position": ui.position_error_label,
            "role": ui.role_error_label,
            "care_home_ids": ui.care_home_ids_error_label,
            "password": ui.password_error_label,
            "password_repeat": ui.password_repeat_error_label,
        }
        self._inputs = {
            "username": ui.username_edit,
            "full_name": ui.full_name_edit,
            "position": ui.position_edit,
            "role": ui.role_combo,
            "care_home_ids": ui.care_homes_list,
            "password": ui.password_edit,
            "password_repeat": ui.password_repeat_edit,
        }
        clear_field_errors(self.error_labels)
        ui.general_error_label.show_message(None)
        if user is None:
            self.setWindowTitle("Ny bruger")
            ui.active_check.setVisible(False)
        else:
            self.setWindowTitle(f"Rediger bruger: {user.full_name}")
            for widget in (ui.password_label, ui.password_edit, ui.password_repeat_label, ui.password_repeat_edit):
                widget.setVisible(False)
            self._fill(user)
        ui.role_combo.currentIndexChanged.connect(self._role_changed)
        ui.save_button.clicked.connect(self.save)
        self._role_changed()
        ui.username_edit.setFocus()

    def _fill(self, user: UserDTO) -> None:
        ui = self.ui
        ui.username_edit.setText(user.username)
        ui.full_name_edit.setText(user.full_name)
        ui.position_edit.setText(user.position)
        ui.role_combo.setCurrentIndex(max(ui.role_combo.findData(user.role), 0))
        ui.active_check.setChecked(user.active)
        for i in range(ui.care_homes_list.count()):
            item = ui.care_homes_list.item(i)
            if item.data(ID_ROLE) in user.care_home_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def _role_changed(self, *_args) -> None:
        # Care homes only limit staff and leaders; for the other roles the list does not apply.
        self.ui.care_homes_list.setEnabled(self._scoped())

    def _scoped(self) -> bool:
        return Role(self.ui.role_combo.currentData()) in SCOPED_ROLES

    def checked_homes(self) -> tuple[str, ...]:
        out = []
        for i in range(self.ui.care_homes_list.count()):
            item = self.ui.care_homes_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(ID_ROLE))
        return tuple(out)

    def set_homes(self, home_ids: list[str]) -> None:
        """Tick exactly these care homes (tests and screenshots, as a user would click)."""
        for i in range(self.ui.care_homes_list.count()):
            item = self.ui.care_homes_list.item(i)
            state = Qt.CheckState.Checked if item.data(ID_ROLE) in home_ids else Qt.CheckState.Unchecked
            item.setCheckState(state)

    def data(self) -> UserInput:
        """What the fields say, as the service's input (not yet validated)."""
        ui = self.ui
        return UserInput(
            username=ui.username_edit.text(),
            full_name=ui.full_name_edit.text(),
            role=ui.role_combo.currentData(),
            position=ui.position_edit.text(),
            care_home_ids=self.checked_homes() if self._scoped() else (),
            active=ui.active_check.isChecked() if self._user is not None else True,
        )

    def save(self) -> None:
        """Create or update through the service; on a refusal show it under the fields and stay open."""
        ui = self.ui
        try:
            if self._user is None:
                if ui.password_edit.text() != ui.password_repeat_edit.text():
                    raise _mismatch()
                self.saved = self._users.create_user(self.data(), ui.password_edit.text())
            else:
                self.saved = self._users.update_user(self._user.id, self.data())
        except DomainError as err:
            fields = show_field_errors(err, self.error_labels, ui.general_error_label)
            grow_to_fit(self)
            if fields:
                self._inputs[fields[0]].setFocus()
            return
        self.accept()


class ResetPasswordDialog(QDialog):
    """A new password for ``user``, typed twice; the service sets it and clears failed tries."""

    def __init__(self, users: UserService, user: UserDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reset_password_dialog")
        self.setWindowTitle(f"Ny adgangskode til {user.full_name}")
        self._users = users
        self._user = user
        layout = QVBoxLayout(self)
        layout.addWidget(WrappingLabel(
            f"Skriv en ny adgangskode til {user.full_name} ({user.username}). "
            "Giv den videre personligt; brugeren kan skifte den selv bagefter.", self
        ))
        grid = QGridLayout()
        grid.setVerticalSpacing(3)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("new_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("Mindst 8 tegn")
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setObjectName("repeat_password_edit")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_error = ErrorLabel(self)
        self.repeat_error = ErrorLabel(self)
        for row, (text, edit, error) in enumerate(
            (("&Ny adgangskode:", self.password_edit, self.password_error),
             ("G&entag adgangskode:", self.repeat_edit, self.repeat_error))
        ):
            label = QLabel(text, self)
            label.setBuddy(edit)
            grid.addWidget(label, 2 * row, 0)
            grid.addWidget(edit, 2 * row, 1)
            grid.addWidget(error, 2 * row + 1, 1)
        layout.addLayout(grid)
        self.general_error = ErrorLabel(self)
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton("&Gem adgangskode", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton("Annuller", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.error_labels = {"password": self.password_error, "password_repeat": self.repeat_error}
        self.password_edit.setFocus()
        plain_labels(self)  # user data is never read as markup

    def save(self) -> None:
        try:
            if self.password_edit.text() != self.repeat_edit.text():
                raise _mismatch()
            self._users.reset_password(self._user.id, self.password_edit.text())
        except DomainError as err:
            show_field_errors(err, self.error_labels, self.general_error)
            grow_to_fit(self)
            return
        self.accept()


class ChangePasswordDialog(QDialog):
    """The logged-in user changes their own password: the old one, then the new one twice."""

    def __init__(self, users: UserService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_password_dialog")
        self.setWindowTitle("Skift din adgangskode")
        self._users = users
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setVerticalSpacing(3)
        self.old_edit, self.password_edit, self.repeat_edit = (QLineEdit(self) for _ in range(3))
        self.old_error, self.password_error, self.repeat_error = (ErrorLabel(self) for _ in range(3))
        rows = (
            ("&Nuværende adgangskode:", self.old_edit, self.old_error),
            ("N&y adgangskode:", self.password_edit, self.password_error),
            ("&Gentag ny adgangskode:", self.repeat_edit, self.repeat_error),
        )
        for row, (text, edit, error) in enumerate(rows):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            label = QLabel(text, self)
            label.setBuddy(edit)
            grid.addWidget(label, 2 * row, 0)
            grid.addWidget(edit, 2 * row, 1)
            grid.addWidget(error, 2 * row + 1, 1)
        self.password_edit.setPlaceholderText("Mindst 8 tegn")
        layout.addLayout(grid)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton("&Skift adgangskode", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton("Annuller", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        # A wrong current password has no field of its own in the service: it belongs to the first.
        self.error_labels = {"": self.old_error, "password": self.password_error, "password_repeat": self.repeat_error}
        self.old_edit.setFocus()
        plain_labels(self)  # user data is never read as markup

    def save(self) -> None:
        try:
            if self.password_edit.text() != self.repeat_edit.text():
                raise _mismatch()
            self._users.change_own_password(self.old_edit.text(), self.password_edit.text())
        except DomainError as err:
            if err.code == "login_failed":
                err = DomainError("wrong_password")
            show_field_errors(err, self.error_labels)
            grow_to_fit(self)
            return
        self.accept()
