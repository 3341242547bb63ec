"""Lock the app after inactivity, without losing anything that is on screen.

An application-wide event filter notes the time of the last key press or mouse movement; a
single-shot timer checks it. On time-out every open window (the main window and any dialogs)
gets an opaque cover as a child widget: the widgets underneath keep their text, selection and
scroll position, nothing is closed or rebuilt. The cover of the window that can take input (the
newest modal dialog, else the main window) carries the unlock panel: who is logged in, a
password field, "Lås op" and "Skift bruger". While locked, the filter drops every input event
to widgets that are not inside a cover, and every shortcut of the covered windows.
"""

from __future__ import annotations

import time
from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import DomainError
from ..messages import text_for
from ..services.users import UserService
from .access import user_text
from .widgets import ErrorLabel, WrappingLabel
from .widgets.plain import plain_labels

# What counts as someone at the keyboard.
ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
})
# What must not reach the covered windows while locked.
BLOCKED = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.ContextMenu, QEvent.Type.ToolTip,
    QEvent.Type.WhatsThis, QEvent.Type.InputMethod, QEvent.Type.DragEnter, QEvent.Type.DragMove,
    QEvent.Type.Drop, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
})
NOT_COVERED = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)
PANEL_MARGIN = 24


class UnlockPanel(QFrame):
    """The form on the lock screen; the lock wires its buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(480)
        self.setMaximumWidth(520)
        self.setStyleSheet(
            "#lock_panel { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        self.title_label = QLabel("Tilsyn er låst", self)
        self.title_label.setObjectName("lock_title_label")
        self.title_label.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(self.title_label)
        self.user_label = WrappingLabel("", self)
        self.user_label.setObjectName("lock_user_label")
        layout.addWidget(self.user_label)
        self.hint_label = WrappingLabel(
            "Skriv din adgangskode for at fortsætte. Det, du var i gang med, er bevaret.", self
        )
        layout.addWidget(self.hint_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.password_label = QLabel("&Adgangskode:", self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("lock_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label.setBuddy(self.password_edit)
        grid.addWidget(self.password_label, 0, 0)
        grid.addWidget(self.password_edit, 0, 1)
        self.error_label = ErrorLabel(self)
        self.error_label.setObjectName("lock_error_label")
        grid.addWidget(self.error_label, 1, 1)
        layout.addLayout(grid)
        buttons = QHBoxLayout()
        self.switch_button = QPushButton("&Skift bruger", self)
        self.switch_button.setObjectName("lock_switch_button")
        self.switch_button.setAutoDefault(False)
        self.unlock_button = QPushButton("&Lås op", self)
        self.unlock_button.setObjectName("lock_unlock_button")
        self.unlock_button.setDefault(True)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        self.note_label = WrappingLabel(
            "Skift bruger lukker de åbne vinduer. Det, der ikke er gemt, går tabt.", self
        )
        self.note_label.setObjectName("lock_note_label")
        self.note_label.setStyleSheet("color: palette(placeholder-text);")
        self.note_label.setVisible(False)
        layout.addWidget(self.note_label)
        self.setTabOrder(self.password_edit, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.switch_button)
        plain_labels(self)  # user data is never read as markup

    def focus_chain(self) -> list[QWidget]:
        return [self.password_edit, self.unlock_button, self.switch_button]


class LockCover(QWidget):
    """An opaque child over the whole of one window (menu and status bar included)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(PANEL_MARGIN, PANEL_MARGIN, PANEL_MARGIN, PANEL_MARGIN)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel: UnlockPanel | None = None
        self.setGeometry(window.rect())
        self.show()
        self.raise_()

    def set_panel(self, panel: UnlockPanel | None) -> None:
        if panel is not None:
            panel.setParent(self)
            self._layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignCenter)
            panel.show()
        self.panel = panel

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        # Tab must cycle inside the panel, never reach the covered widgets.
        if self.panel is None:
            return True
        chain = [w for w in self.panel.focus_chain() if w.isEnabled()]
        current = QApplication.focusWidget()
        i = chain.index(current) if current in chain else -1
        chain[(i + (1 if next else -1)) % len(chain)].setFocus(
            Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        )
        return True

    def mousePressEvent(self, event) -> None:
        event.accept()


class InactivityLock(QObject):
    """Locks ``main_window`` and its dialogs after ``timeout_ms`` without input (default: the
    service's lock minutes). ``switch_user_requested`` is for the session to log out."""

    locked = Signal()
    unlocked = Signal()
    switch_user_requested = Signal()

    def __init__(
        self,
        users: UserService,
        main_window: QWidget,
        timeout_ms: int | Callable[[], int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or main_window)
        self._users = users
        self._main = main_window
        if timeout_ms is None:
            self._timeout_ms: Callable[[], int] = lambda: users.lock_minutes() * 60_000
        elif callable(timeout_ms):
            self._timeout_ms = timeout_ms
        else:
            self._timeout_ms = lambda: int(timeout_ms)
        self._last_input = time.monotonic()
        self._locked = False
        self._running = False
        self._covers: dict[QWidget, LockCover] = {}
        self._focus: list[tuple[QWidget, QWidget]] = []
        self._grown: list[tuple[QWidget, QSize]] = []
        self._active: QWidget | None = None
        self.panel: UnlockPanel | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check_idle)

    # -- running ----------------------------------------------------------------------------------
    def start(self) -> None:
        """Watch the whole application's input from now on."""
        if self._running:
            return
        self._running = True
        QApplication.instance().installEventFilter(self)
        self._last_input = time.monotonic()
        self._arm(self._timeout_ms())

    def stop(self) -> None:
        """Stop watching; an open lock screen is removed without asking (used when logging out)."""
        if self._running:
            QApplication.instance().removeEventFilter(self)
        self._running = False
        self._timer.stop()
        if self._locked:
            self._remove_covers(restore=False)

    @property
    def is_locked(self) -> bool:
        return self._locked

    def _arm(self, ms: float) -> None:
        self._timer.start(max(int(ms), 10))

    def _check_idle(self) -> None:
        if self._locked or not self._running:
            return
        limit = self._timeout_ms()
        idle = (time.monotonic() - self._last_input) * 1000
        if idle >= limit - 5:
            self.lock_now()
        else:
            self._arm(limit - idle)

    # -- locking ----------------------------------------------------------------------------------
    def lock_now(self) -> None:
        """Cover every window and show the unlock panel (menu "Lås nu", Ctrl+L)."""
        if self._locked:
            return
        self._timer.stop()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()  # an open menu or combo list: closing it loses nothing
        self._locked = True
        self._active = QApplication.activeWindow()
        self.panel = UnlockPanel()
        self.panel.user_label.setText(f"Logget ind: {user_text(self._users.ctx.user)}")
        self.panel.unlock_button.clicked.connect(self.unlock)
        self.panel.password_edit.returnPressed.connect(self.unlock)
        self.panel.switch_button.clicked.connect(self.switch_user_requested)
        self._focus = []
        for window in self._windows():
            focused = window.focusWidget()
            if focused is not None:
                self._focus.append((window, focused))
        self._place_covers()
        self.locked.emit()

    def _windows(self) -> list[QWidget]:
        out = []
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and w.isWindow() and w.windowType() not in NOT_COVERED:
                out.append(w)
        if self._main not in out and self._main.isVisible():
            out.append(self._main)
        return out

    def _host(self) -> QWidget:
        """The window that can take input: the newest modal dialog, else the main window."""
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible() and modal in self._covers:
            return modal
        return self._main

    def _place_covers(self) -> None:
        """Cover windows not yet covered and put the panel on the window that takes input."""
        for window in self._windows():
            cover = self._covers.get(window)
            if cover is None or not shiboken6.isValid(cover):
                self._covers[window] = LockCover(window)
        self._covers = {w: c for w, c in self._covers.items() if shiboken6.isValid(w) and shiboken6.isValid(c)}
        host = self._host()
        cover = self._covers.get(host)
        if cover is None or self.panel is None:
            return
        if cover.panel is not self.panel:
            for other in self._covers.values():
                if other.panel is self.panel:
                    other.panel = None
            cover.set_panel(self.panel)
            self._fit(host, cover)
        self.panel.note_label.setVisible(len(self._covers) > 1)
        host.raise_()
        host.activateWindow()
        self.panel.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit(self, window: QWidget, cover: LockCover) -> None:
        # A small dialog grows while it carries the panel, and gets its size back on unlock.
        need = cover.sizeHint().expandedTo(self.panel.sizeHint() + QSize(2 * PANEL_MARGIN, 2 * PANEL_MARGIN))
        if window.width() < need.width() or window.height() < need.height():
            self._grown.append((window, window.size()))
            window.resize(window.size().expandedTo(need))
        cover.setGeometry(window.rect())

    # -- unlocking --------------------------------------------------------------------------------
    def unlock(self) -> bool:
        """Check the password with the service; the right one removes the covers."""
        if not self._locked or self.panel is None:
            return False
        try:
            self._users.verify_current_password(self.panel.password_edit.text())
        except DomainError as err:
            # The user is known here: only the password can be wrong.
            if err.code == "login_failed":
                err = DomainError("wrong_password")
            self.panel.password_edit.clear()
            self.panel.error_label.show_message(text_for(err))
            self.panel.password_edit.setFocus()
            return False
        self._remove_covers(restore=True)
        self._last_input = time.monotonic()
        if self._running:
            self._arm(self._timeout_ms())
        self.unlocked.emit()
        return True

    def _remove_covers(self, restore: bool) -> None:
        self._locked = False
        for cover in self._covers.values():
            if shiboken6.isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._covers.clear()
        self.panel = None
        for window, size in self._grown:
            if shiboken6.isValid(window):
                window.resize(size)
        self._grown.clear()
        if restore:
            for window, focused in self._focus:
                if shiboken6.isValid(focused) and shiboken6.isValid(window) and window.isVisible():
                    focused.setFocus(Qt.FocusReason.OtherFocusReason)
            active = self._active
            if active is not None and shiboken6.isValid(active) and active.isVisible():
                active.activateWindow()
        self._focus.clear()
        self._active = None

    # -- the filter -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self._locked:
            if kind in ACTIVITY:
                self._last_input = time.monotonic()
            return False
        if kind in BLOCKED:
            if isinstance(watched, QWidget):
                return not _inside_cover(watched)
            return isinstance(watched, (QAction, QShortcut))
        if kind == QEvent.Type.Resize and watched in self._covers:
            cover = self._covers[watched]
            if shiboken6.isValid(cover):
                cover.setGeometry(watched.rect())
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            if watched.windowType() not in NOT_COVERED and watched not in self._covers:
                # A window that opens while locked (a message from a background job) is covered too.
                QTimer.singleShot(0, self, self._recover)
        elif kind in (QEvent.Type.Hide, QEvent.Type.Close) and watched in self._covers:
            # The window with the panel went away: move the panel to the next one.
            QTimer.singleShot(0, self, self._recover)
        return False

    def _recover(self) -> None:
        if self._locked:
            self._place_covers()


def _inside_cover(widget: QWidget) -> bool:
    w: QWidget | None = widget
    while w is not None:
        if isinstance(w, LockCover):
            return True
        w = w.parentWidget()
    return False
