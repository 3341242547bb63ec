"""Locking after inactivity keeps everything on screen; the password unlocks; switching user."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

from tilsyn.domain.roles import Role
from tilsyn.ui.lock import InactivityLock, LockCover
from tilsyn.ui.login import Session
from tilsyn.ui.main_window import PAGE_OVERVIEW, PAGE_RESIDENTS, MainWindow

from security_support import ADMIN, STAFF_PASSWORD, close, open_with_admin

TIMEOUT_MS = 200


@pytest.fixture
def app(tmp_path):
    a = open_with_admin(tmp_path)
    yield a
    close(a)


@pytest.fixture
def window(app, qtbot) -> MainWindow:
    w = MainWindow(app.services, "/data/tilsyn.sqlite")
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def lock(app, window):
    # Started by the test once the screen is set up: a slow machine must not lock mid-setup.
    lock = InactivityLock(app.services.users, window, TIMEOUT_MS)
    yield lock
    lock.stop()


def open_note_dialog(window, qtbot) -> tuple[QDialog, QLineEdit]:
    """A window-modal dialog with a half-written text, like a resident being edited."""
    dialog = QDialog(window)
    dialog.setWindowTitle("Beboer")
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.resize(500, 320)
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(edit, "Halvskrevet notat")
    return dialog, edit


def covers_of(widget) -> list[LockCover]:
    return [c for c in widget.findChildren(LockCover) if c.isVisible()]


def test_inactivity_locks_and_the_right_password_unlocks_without_losing_text(app, window, lock, qtbot):
    dialog, edit = open_note_dialog(window, qtbot)
    with qtbot.waitSignal(lock.locked, timeout=3000):
        lock.start()  # nothing is typed from now on: it locks after TIMEOUT_MS
    assert lock.is_locked
    assert covers_of(window) and covers_of(dialog)
    # The panel sits on the modal dialog: the only window that can take input.
    assert lock.panel is not None and dialog.isAncestorOf(lock.panel)
    assert lock.panel.user_label.text() == "Logget ind: Anne Administrator (anne) · Administrator"
    assert lock.panel.note_label.isVisibleTo(lock.panel)  # "Skift bruger lukker de åbne vinduer …"

    # Typing meant for the covered field never reaches it.
    qtbot.keyClicks(edit, "XYZ")
    assert edit.text() == "Halvskrevet notat"

    qtbot.keyClicks(lock.panel.password_edit, "forkert-kode")
    qtbot.mouseClick(lock.panel.unlock_button, Qt.MouseButton.LeftButton)
    assert lock.is_locked
    assert lock.panel.error_label.text() == "Forkert adgangskode. Prøv igen."
    assert lock.panel.password_edit.text() == ""

    with qtbot.waitSignal(lock.unlocked, timeout=3000):
        qtbot.keyClicks(lock.panel.password_edit, ADMIN[2])
        qtbot.keyClick(lock.panel.password_edit, Qt.Key.Key_Return)
    assert not lock.is_locked
    qtbot.waitUntil(lambda: not covers_of(window) and not covers_of(dialog))
    assert dialog.isVisible()
    assert edit.text() == "Halvskrevet notat"
    assert dialog.focusWidget() is edit
    dialog.close()


def test_input_postpones_the_lock(app, window, qtbot):
    lock = InactivityLock(app.services.users, window, 1000)
    lock.start()
    try:
        for _ in range(10):  # 1.5 s of input in all, longer than the time-out
            qtbot.wait(150)
            qtbot.mouseMove(window.ui.nav_list, window.ui.nav_list.rect().center())
            qtbot.keyClick(window.ui.nav_list, Qt.Key.Key_Shift)
        assert not lock.is_locked
        qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    finally:
        lock.stop()


def test_shortcuts_of_the_covered_window_do_nothing_while_locked(app, window, qtbot):
    lock = InactivityLock(app.services.users, window, 60_000)
    lock.start()
    try:
        lock.lock_now()
        assert lock.is_locked and window.isAncestorOf(lock.panel)
        qtbot.keyClick(lock.panel.password_edit, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == PAGE_OVERVIEW
        # Tab stays inside the panel.
        lock.panel.password_edit.setFocus()
        for _ in range(4):
            qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
            assert lock.panel.isAncestorOf(window.focusWidget())
        assert lock.unlock() is False  # empty password
        lock.panel.password_edit.setText(ADMIN[2])
        assert lock.unlock() is True
        qtbot.keyClick(window.ui.nav_list, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == PAGE_RESIDENTS
    finally:
        lock.stop()


# -- the session: Lås nu, Skift bruger -------------------------------------------------------------


@pytest.fixture
def session(app, qtbot):
    app.add_user("pia", "Pia Medarbejder", Role.STAFF.value, homes=(0,))
    windows: list[MainWindow] = []

    def make(services):
        w = MainWindow(services, "/data/tilsyn.sqlite")
        windows.append(w)  # not qtbot.addWidget: switching user deletes the window itself
        return w

    s = Session(app.services, make, "/data/tilsyn.sqlite", lock_timeout_ms=60_000)
    qtbot.addWidget(s.login_window)
    s.start()  # the administrator is already logged in: straight to the window
    s.windows = windows
    yield s
    s.shutdown()
    for w in windows:
        if shiboken6.isValid(w):
            w.close()
            w.deleteLater()


def test_menu_has_lock_now_and_switch_user(session):
    window = session.window
    texts = [a.text() for a in window.ui.file_menu.actions()]
    assert texts[:2] == ["&Lås nu", "Skift &bruger …"]
    assert session.lock_action.shortcut().toString() == "Ctrl+L"


def test_ctrl_l_locks_now(session, qtbot):
    window = session.window
    window.activateWindow()
    session.lock_action.trigger()
    assert session.lock.is_locked
    assert covers_of(window)


def test_switch_user_on_the_lock_screen_then_log_in_as_someone_else(session, app, qtbot):
    first = session.window
    session.lock_now()
    qtbot.mouseClick(session.lock.panel.switch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.login_window.isVisible(), timeout=3000)
    assert app.ctx.user is None
    assert session.window is None
    login = session.login_window.login_view.ui
    assert login.username_edit.text() == "" and login.password_edit.text() == ""

    login.username_edit.setText("pia")
    login.password_edit.setText(STAFF_PASSWORD)
    session.login_window.login_view.login()
    assert app.ctx.user.username == "pia"
    second = session.window
    assert second is not None and second is not first and second.isVisible()
    assert second.user_status.text() == "Pia Medarbejder (pia) · Medarbejder"
    assert not session.login_window.isVisible()


def test_switch_user_closes_open_dialogs(session, app, qtbot):
    dialog, _edit = open_note_dialog(session.window, qtbot)
    results: list[int] = []
    dialog.finished.connect(results.append)
    session.switch_action.trigger()
    qtbot.waitUntil(lambda: session.login_window.isVisible(), timeout=3000)
    assert results == [QDialog.DialogCode.Rejected]
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert app.ctx.user is None
