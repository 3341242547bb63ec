"""User administration (Indstillinger -> Brugere, administrators only): list, create, edit,
new password, deactivate."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget

from ...domain.errors import DomainError
from ...domain.roles import SCOPED_ROLES, Role
from ...messages import text_for
from ...services.care_homes import CareHomeService
from ...services.context import COPENHAGEN
from ...services.users import UserDTO, UserInput, UserService
from ..dialogs.user_dialog import ResetPasswordDialog, UserDialog
from ..errors import show_error
from ..forms.ui_users_view import Ui_UsersView
from ..widgets.plain import plain_labels

COL_USERNAME, COL_NAME, COL_ROLE, COL_HOMES, COL_ACTIVE, COL_LAST_LOGIN = range(6)
HEADERS = ("Brugernavn", "Navn", "Rolle", "Plejecentre", "Aktiv", "Sidst logget ind")
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def moment_text(moment: dt.datetime | None) -> str:
    """DD-MM-ÅÅÅÅ TT:MM in Danish time; empty for never."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return f"{moment.astimezone(COPENHAGEN):%d-%m-%Y %H:%M}"


class UserTableModel(QAbstractTableModel):
    """Users as rows; ``home_names`` turns care home ids into names."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[UserDTO] = []
        self._home_names: dict[str, str] = {}

    def set_rows(self, rows: list[UserDTO], home_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._home_names = dict(home_names)
        self.endResetModel()

    def user_at(self, row: int) -> UserDTO:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def homes_text(self, user: UserDTO) -> str:
        if Role(user.role) not in SCOPED_ROLES:
            return "Alle"
        return ", ".join(sorted(self._home_names.get(h, "?") for h in user.care_home_ids))

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        user = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                user.username, user.full_name, user.role_label, self.homes_text(user),
                "Ja" if user.active else "Nej", moment_text(user.last_login_at),
            )[col]
        if role == SORT_ROLE:
            if col == COL_LAST_LOGIN:
                return user.last_login_at.isoformat() if user.last_login_at else ""
            return (self.data(index, Qt.ItemDataRole.DisplayRole) or "").casefold()
        if role == ID_ROLE:
            return user.id
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        return None


class UsersView(QWidget):
    """Emits ``changed`` after a user was created or changed."""

    changed = Signal()

    def __init__(self, users: UserService, care_homes: CareHomeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UsersView()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._users = users
        self._care_homes = care_homes
        self.dialog: UserDialog | ResetPasswordDialog | None = None
        self.model = UserTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        table = self.ui.users_table_view
        table.setModel(self.proxy)
        table.sortByColumn(COL_USERNAME, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        for col in (COL_USERNAME, COL_NAME, COL_ROLE, COL_HOMES, COL_ACTIVE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        table.activated.connect(self.edit_selected)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ui.new_button.clicked.connect(self.create)
        self.ui.edit_button.clicked.connect(self.edit_selected)
        self.ui.reset_password_button.clicked.connect(self.reset_password)
        self.ui.active_button.clicked.connect(self.toggle_active)
        self.refresh()

    # -- loading ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the users (and the care home names), keeping the selection."""
        keep = self.selected_user()
        try:
            users = self._users.list_users()
            homes = self._care_homes.list_care_homes()
        except DomainError as err:
            self.ui.summary_label.setText(text_for(err))
            return
        self.model.set_rows(users, {h.id: h.name for h in homes})
        active = sum(1 for u in users if u.active)
        noun = "bruger" if len(users) == 1 else "brugere"
        self.ui.summary_label.setText(f"{len(users)} {noun}, heraf {active} aktiv{'' if active == 1 else 'e'}")
        if keep is not None:
            self.select(keep.id)
        self._update_buttons()

    def selected_user(self) -> UserDTO | None:
        rows = self.ui.users_table_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.user_at(self.proxy.mapToSource(rows[0]).row())

    def select(self, user_id: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.user_at(row).id == user_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.ui.users_table_view.selectRow(index.row())
                self.ui.users_table_view.scrollTo(index)
                return True
        return False

    def _update_buttons(self, *_args) -> None:
        user = self.selected_user()
        for button in (self.ui.edit_button, self.ui.reset_password_button, self.ui.active_button):
            button.setEnabled(user is not None)
        self.ui.active_button.setText("A&ktivér" if user is not None and not user.active else "&Deaktiver")

    # -- actions ----------------------------------------------------------------------------------
    def create(self) -> None:
        self._open(UserDialog(self._users, self._care_homes.list_care_homes(), None, self))

    def edit_selected(self, *_args) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(UserDialog(self._users, self._care_homes.list_care_homes(), user, self))

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(ResetPasswordDialog(self._users, user, self))

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.finished.connect(self._closed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _saved(self, dialog) -> None:
        self.refresh()
        saved = getattr(dialog, "saved", None)
        if saved is not None:
            self.select(saved.id)
            self.changed.emit()

    def _closed(self, *_args) -> None:
        self.dialog = None
        self.ui.users_table_view.setFocus()

    def toggle_active(self) -> None:
        """Deactivate (or reactivate) the selected user; a deactivated user cannot log in."""
        user = self.selected_user()
        if user is None:
            return
        data = UserInput(user.username, user.full_name, user.role, user.position, user.care_home_ids,
                         not user.active)
        try:
            self._users.update_user(user.id, data)
        except DomainError as err:
            show_error(self, err)
            return
        self.refresh()
        self.changed.emit()
