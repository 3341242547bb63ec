"""Who is at the keyboard: the login window, the first administrator, and the session around the
main window (lock after inactivity, "Lås nu", "Skift bruger").

Switching user takes two steps on a shared care-home PC: "Skift bruger" (in the menu or on the
lock screen), then log in. The old user's window is closed and a new one is built, so nothing
the next user should not see stays in memory behind a hidden page.

At start the login window comes first, before the database is open (``Session(None, ...)``);
``database_ready(services)`` then enables "Log ind" or turns to the first administrator. Only
PySide6 and this window's own small modules are imported until then (issue 14, cold start).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QStackedWidget, QVBoxLayout, QWidget

from .views.login_view import LoginView
from .widgets.plain import plain_labels

if TYPE_CHECKING:  # the services import the ORM: imported when the database is open
    from ..services.users import UserService
    from .lock import InactivityLock
    from .services_bundle import Services
    from .views.first_admin_view import FirstAdminView


class LoginWindow(QWidget):
    """A small top-level window: the first administrator on an empty database, else the login."""

    logged_in = Signal(object)

    def __init__(self, users: UserService | None, database: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login_window")
        self.setWindowTitle("Tilsyn – log ind")
        self._users = users
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 16)
        self.app_label = QLabel("Tilsyn · magtanvendelse og tilsyn på plejecentre", self)
        self.app_label.setObjectName("app_label")
        self.app_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.app_label)
        self.stack = QStackedWidget(self)
        self.login_view = LoginView(users, self.stack)
        self.first_admin_view: FirstAdminView | None = None
        self.stack.addWidget(self.login_view)
        layout.addWidget(self.stack, 1)
        self.database_label = QLabel(self)
        self.database_label.setObjectName("login_database_label")
        self.database_label.setStyleSheet("color: palette(placeholder-text);")
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.database_label)
        self.set_database(database)
        self.login_view.logged_in.connect(self.logged_in)
        self.resize(560, 400)
        plain_labels(self)  # user data is never read as markup

    def set_database(self, database: str) -> None:
        self.database_label.setText(f"Database: {database}" if database else "")

    @property
    def ready(self) -> bool:
        """False while the database is being opened ("Log ind" waits)."""
        return self._users is not None

    def set_users(self, users: UserService) -> None:
        """The database is open: the first administrator on an empty one, else "Log ind" works,
        with what the user typed meanwhile kept."""
        self._users = users
        if users.needs_first_admin():
            self.show_start()
        else:
            self.login_view.set_users(users)

    def show_start(self) -> None:
        """The first-administrator form on a database without users, else an empty login form
        (waiting for the database while it is opened)."""
        if self._users is not None and self._users.needs_first_admin():
            if self.first_admin_view is None:
                from .views.first_admin_view import FirstAdminView

                self.first_admin_view = FirstAdminView(self._users, self.stack)
                self.first_admin_view.created.connect(self.logged_in)
                self.stack.addWidget(self.first_admin_view)
            self.setWindowTitle("Tilsyn – opret administrator")
            self.stack.setCurrentWidget(self.first_admin_view)
            self.resize(self.width(), max(self.height(), 500))
            self.first_admin_view.ui.username_edit.setFocus()
        else:
            self.setWindowTitle("Tilsyn – log ind")
            self.stack.setCurrentWidget(self.login_view)
            self.login_view.reset()

    @property
    def in_first_admin(self) -> bool:
        return self.first_admin_view is not None and self.stack.currentWidget() is self.first_admin_view


MainWindowFactory = Callable[["Services"], QWidget]


class Session(QObject):
    """Runs the app for one user at a time: login window -> main window (locked when idle) ->
    "Skift bruger" -> login window. ``make_window(services)`` builds a main window.

    ``services`` None: the database is still being opened; the login window waits for
    ``database_ready``."""

    window_opened = Signal(object)

    def __init__(
        self,
        services: Services | None,
        make_window: MainWindowFactory,
        database: str = "",
        *,
        lock_timeout_ms: int | Callable[[], int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.users = services.users if services is not None else None
        self._make_window = make_window
        self._lock_timeout_ms = lock_timeout_ms
        self.login_window = LoginWindow(self.users, database)
        self.login_window.logged_in.connect(self._logged_in)
        self.window: QWidget | None = None
        self.lock: InactivityLock | None = None
        self.lock_action: QAction | None = None
        self.switch_action: QAction | None = None

    def start(self) -> None:
        """Show the first-administrator or login form (or go straight on when a user is set)."""
        if self.services is not None and self.services.ctx.user is not None:
            self._logged_in(self.services.ctx.user)
            return
        self.login_window.show_start()
        self.login_window.show()
        self.login_window.raise_()
        self.login_window.activateWindow()

    def database_ready(self, services: Services, database: str | None = None) -> None:
        """The database behind a login window shown before it was open: log in or create the
        first administrator now (or go straight on when a user is set)."""
        self.services = services
        self.users = services.users
        if database is not None:
            self.login_window.set_database(database)
        if services.ctx.user is not None:
            self._logged_in(services.ctx.user)
            return
        self.login_window.set_users(self.users)

    # -- the main window --------------------------------------------------------------------------
    def _logged_in(self, _actor) -> None:
        from .lock import InactivityLock

        window = self._make_window(self.services)
        self.window = window
        self._add_actions(window)
        self.lock = InactivityLock(self.users, window, self._lock_timeout_ms, parent=window)
        self.lock.switch_user_requested.connect(self.switch_user)
        window.show()
        self.login_window.hide()
        self.lock.start()
        self.window_opened.emit(window)

    def _add_actions(self, window: QWidget) -> None:
        self.lock_action = QAction("&Lås nu", window)
        self.lock_action.setObjectName("lock_action")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock_now)
        self.switch_action = QAction("Skift &bruger …", window)
        self.switch_action.setObjectName("switch_user_action")
        self.switch_action.triggered.connect(self.switch_user)
        menu = getattr(getattr(window, "ui", None), "file_menu", None)
        if menu is not None:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertAction(first, self.lock_action)
            menu.insertAction(first, self.switch_action)
            if first is not None:
                menu.insertSeparator(first)
        window.addAction(self.lock_action)
        window.addAction(self.switch_action)

    def lock_now(self) -> None:
        if self.lock is not None:
            self.lock.lock_now()

    # -- switching user ---------------------------------------------------------------------------
    def switch_user(self) -> None:
        """Close the open dialogs and the window, log out, show the login form."""
        window = self.window
        if window is None:
            return
        if self.lock is not None:
            self.lock.stop()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        # Dialogs shown with exec() return only after this slot; finish once they have.
        QTimer.singleShot(0, self, self._finish_switch)

    def _finish_switch(self) -> None:
        if QApplication.activeModalWidget() is not None:
            QTimer.singleShot(20, self, self._finish_switch)
            return
        window, self.window = self.window, None
        self.lock = None
        self.users.logout()
        self.login_window.show_start()
        self.login_window.show()  # before closing the main window, or the app would quit
        self.login_window.activateWindow()
        if window is not None and shiboken6.isValid(window):
            window.close()
            window.deleteLater()

    def shutdown(self) -> None:
        """Log the user out when the app ends (audited)."""
        if self.lock is not None:
            self.lock.stop()
        if self.services is not None and self.services.ctx.user is not None and self.services.ctx.user.id is not None:
            self.users.logout()
