"""The login form: username, password, "Log ind". Too many wrong tries make it wait, visibly.

At start the form is shown before the database is open (``users`` is None): the user can type,
"Log ind" waits under "Åbner databasen …" until ``set_users`` says the database is ready.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ...domain.errors import DomainError
from ...messages import text_for
from ..forms.ui_login import Ui_LoginView
from ..widgets.plain import plain_labels

if TYPE_CHECKING:  # the users service imports the ORM: not before the window is shown
    from ...services.users import UserService

OPENING_TEXT = "Åbner databasen …"


class LoginView(QWidget):
    """Emits ``logged_in(actor)`` once the service accepted the password (ctx.user is set)."""

    logged_in = Signal(object)

    def __init__(self, users: UserService | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginView()
        self.ui.setupUi(self)
        # Left of "Log ind", on its row: says why the button waits while the database opens.
        self.status_label = QLabel(OPENING_TEXT, self)
        self.status_label.setObjectName("login_status_label")
        self.status_label.setStyleSheet("color: palette(placeholder-text);")
        self.ui.button_layout.insertWidget(0, self.status_label)
        plain_labels(self)  # user data is never read as markup
        self._users = users
        self._login_pending = False
        self._wait_until = 0.0
        # Counts the wait down on screen; the service itself refuses early tries anyway.
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.ui.login_button.clicked.connect(self.login)
        self.ui.username_edit.returnPressed.connect(self._username_entered)
        self.ui.password_edit.returnPressed.connect(self.login)
        self._show_ready()

    @property
    def ready(self) -> bool:
        """False while the database is still being opened."""
        return self._users is not None

    def set_users(self, users: UserService) -> None:
        """The database is open: "Log ind" works (and a login asked for while it opened goes on)."""
        self._users = users
        self._show_ready()
        if self._login_pending and self.ui.username_edit.text().strip() and self.ui.password_edit.text():
            self.login()
        self._login_pending = False

    def _show_ready(self) -> None:
        ready = self.ready
        self.status_label.setVisible(not ready)
        if self._wait_until <= time.monotonic():
            self.ui.login_button.setEnabled(ready)

    def reset(self) -> None:
        """Empty form, focus in the username (a new person at a shared PC)."""
        self._login_pending = False
        self.ui.username_edit.clear()
        self.ui.password_edit.clear()
        self.ui.error_label.show_message(None)
        self.ui.username_edit.setFocus()

    def _username_entered(self) -> None:
        if self.ui.password_edit.text():
            self.login()
        else:
            self.ui.password_edit.setFocus()

    def login(self) -> None:
        """Ask the service; a refusal is shown in Danish and the password field is emptied."""
        if self._users is None:
            self._login_pending = True  # Enter before the database is open: log in once it is
            return
        if not self.ui.login_button.isEnabled():
            return
        from ...services.users import LoginThrottled

        try:
            actor = self._users.login(self.ui.username_edit.text().strip(), self.ui.password_edit.text())
        except LoginThrottled as err:
            self.ui.password_edit.clear()
            self._start_wait(int(err.params.get("seconds", 30)))
            return
        except DomainError as err:
            self.ui.password_edit.clear()
            self.ui.error_label.show_message(text_for(err))
            self.ui.password_edit.setFocus()
            return
        self.ui.password_edit.clear()
        self.ui.error_label.show_message(None)
        self.logged_in.emit(actor)

    def _start_wait(self, seconds: int) -> None:
        self._wait_until = time.monotonic() + seconds
        self.ui.login_button.setEnabled(False)
        self._countdown.start()
        self._tick()

    def _tick(self) -> None:
        from ...services.users import LoginThrottled

        left = round(self._wait_until - time.monotonic())
        if left <= 0:
            self._countdown.stop()
            self.ui.login_button.setEnabled(True)
            self.ui.error_label.show_message(None)
            self.ui.password_edit.setFocus()
            return
        self.ui.error_label.show_message(text_for(LoginThrottled(seconds=left)))
