"""Start-up as a person sees it: passphrase, first administrator, login (ok, wrong, throttled)."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tilsyn.domain.roles import Role
from tilsyn.services.app import close_app, open_app
from tilsyn.ui import app as gui_app
from tilsyn.ui.dialogs.passphrase_dialog import PassphraseDialog, ask_passphrase
from tilsyn.ui.login import LoginWindow, Session
from tilsyn.ui.main_window import MainWindow

from security_support import ADMIN, close, open_empty, open_with_admin

WRONG = "Forkert brugernavn eller adgangskode."


@pytest.fixture
def empty(tmp_path):
    services = open_empty(tmp_path)
    yield services
    close(services)


@pytest.fixture
def with_admin(tmp_path):
    app = open_with_admin(tmp_path)
    app.services.users.logout()
    yield app
    close(app)


def shown_login(qtbot, services) -> LoginWindow:
    window = LoginWindow(services.users, "/data/tilsyn.sqlite")
    qtbot.addWidget(window)
    window.show_start()
    window.show()
    return window


# -- the first administrator ----------------------------------------------------------------------


def test_an_empty_database_asks_for_the_first_administrator(qtbot, empty):
    window = shown_login(qtbot, empty)
    assert window.in_first_admin
    view = window.first_admin_view
    assert view.ui.title_label.text() == "Velkommen til Tilsyn"
    assert window.focusWidget() is view.ui.username_edit


def test_first_administrator_refusals_appear_under_the_fields(qtbot, empty):
    window = shown_login(qtbot, empty)
    view = window.first_admin_view
    view.ui.username_edit.setText("anne")
    view.ui.full_name_edit.setText("Anne Administrator")
    view.ui.password_edit.setText("kort")
    view.ui.password_repeat_edit.setText("kort")
    qtbot.mouseClick(view.ui.create_button, Qt.MouseButton.LeftButton)
    assert view.ui.password_error_label.text() == "Adgangskoden skal være mindst 8 tegn."
    assert not view.ui.password_error_label.isHidden()

    view.ui.password_edit.setText("anne-kode-1")
    view.ui.password_repeat_edit.setText("anne-kode-2")
    qtbot.mouseClick(view.ui.create_button, Qt.MouseButton.LeftButton)
    assert view.ui.password_repeat_error_label.text() == "De to adgangskoder er ikke ens."
    assert empty.users.needs_first_admin()  # nothing written


def test_first_administrator_is_created_and_logged_in(qtbot, empty):
    window = shown_login(qtbot, empty)
    view = window.first_admin_view
    view.ui.username_edit.setText("Anne")
    view.ui.full_name_edit.setText("Anne Administrator")
    view.ui.password_edit.setText("anne-kode-1")
    view.ui.password_repeat_edit.setText("anne-kode-1")
    with qtbot.waitSignal(window.logged_in, timeout=5000) as signal:
        qtbot.keyClick(view.ui.password_repeat_edit, Qt.Key.Key_Return)
    actor = signal.args[0]
    assert actor.username == "anne" and actor.role == Role.ADMIN
    assert empty.ctx.user == actor
    assert not empty.users.needs_first_admin()


def test_session_goes_from_first_administrator_to_the_municipality_screen(qtbot, empty):
    opened: list[MainWindow] = []

    def make(services):
        window = MainWindow(services, "/data/tilsyn.sqlite", fill_demo=lambda **_: "")
        qtbot.addWidget(window)
        opened.append(window)
        return window

    session = Session(empty, make, "/data/tilsyn.sqlite", lock_timeout_ms=60_000)
    session.start()
    qtbot.addWidget(session.login_window)
    assert session.login_window.isVisible() and session.login_window.in_first_admin
    view = session.login_window.first_admin_view
    view.ui.username_edit.setText("anne")
    view.ui.full_name_edit.setText("Anne Administrator")
    view.ui.password_edit.setText("anne-kode-1")
    view.ui.password_repeat_edit.setText("anne-kode-1")
    view.create()
    assert len(opened) == 1
    window = opened[0]
    assert window.isVisible() and not session.login_window.isVisible()
    assert window.in_first_run  # no municipality yet: GUI-A's first-run screen comes next
    assert window.user_status.text() == "Anne Administrator (anne) · Administrator"
    session.shutdown()


# -- login ------------------------------------------------------------------------------------------


def test_a_database_with_users_shows_the_login(qtbot, with_admin):
    window = shown_login(qtbot, with_admin.services)
    assert not window.in_first_admin
    assert window.stack.currentWidget() is window.login_view
    assert window.database_label.text() == "Database: /data/tilsyn.sqlite"


def test_login_with_the_right_password(qtbot, with_admin):
    window = shown_login(qtbot, with_admin.services)
    ui = window.login_view.ui
    qtbot.keyClicks(ui.username_edit, ADMIN[0])
    qtbot.keyClick(ui.username_edit, Qt.Key.Key_Return)  # Enter moves on to the password
    assert window.focusWidget() is ui.password_edit
    qtbot.keyClicks(ui.password_edit, ADMIN[2])
    with qtbot.waitSignal(window.logged_in, timeout=5000):
        qtbot.keyClick(ui.password_edit, Qt.Key.Key_Return)
    assert with_admin.ctx.user.username == "anne"
    assert ui.password_edit.text() == ""  # no password stays in a widget


def test_a_wrong_password_is_refused_in_danish(qtbot, with_admin):
    window = shown_login(qtbot, with_admin.services)
    ui = window.login_view.ui
    ui.username_edit.setText("anne")
    ui.password_edit.setText("forkert-kode")
    with qtbot.assertNotEmitted(window.logged_in):
        qtbot.mouseClick(ui.login_button, Qt.MouseButton.LeftButton)
    assert ui.error_label.text() == WRONG
    assert not ui.error_label.isHidden()
    assert ui.password_edit.text() == ""
    assert with_admin.ctx.user is None


def test_an_unknown_user_gets_the_same_message(qtbot, with_admin):
    window = shown_login(qtbot, with_admin.services)
    ui = window.login_view.ui
    ui.username_edit.setText("ukendt")
    ui.password_edit.setText("noget-helt-andet")
    window.login_view.login()
    assert ui.error_label.text() == WRONG


def test_too_many_wrong_passwords_show_the_wait(qtbot, with_admin):
    window = shown_login(qtbot, with_admin.services)
    view = window.login_view
    for _ in range(4):
        view.ui.username_edit.setText("anne")
        view.ui.password_edit.setText("forkert-kode")
        view.login()
        assert view.ui.error_label.text() == WRONG
    view.ui.password_edit.setText("forkert-kode")
    view.login()  # the fifth wrong try
    assert view.ui.error_label.text() == "For mange forkerte forsøg. Vent 30 sekunder, og prøv igen."
    assert not view.ui.login_button.isEnabled()
    # Even the right password waits: the service refuses until the time has passed.
    view.ui.password_edit.setText(ADMIN[2])
    view.login()
    assert with_admin.ctx.user is None


# -- encrypted databases ---------------------------------------------------------------------------


def test_the_gui_opens_the_database_without_a_user(tmp_path):
    options = argparse.Namespace(db=str(tmp_path / "x.sqlite"), passphrase_env=None)
    opened = gui_app.open_database(options, ask=lambda problem: pytest.fail("not encrypted"))
    try:
        assert opened.context.user is None
    finally:
        close_app(opened.context)


def test_a_wrong_passphrase_asks_again_with_the_danish_message(tmp_path, monkeypatch):
    path = tmp_path / "krypteret.sqlite"
    close_app(open_app(str(path), passphrase="rigtig-kode-1").context)
    monkeypatch.delenv(gui_app.PASSPHRASE_ENV, raising=False)
    asked: list[str] = []
    answers = iter(["forkert-kode-1", "rigtig-kode-1"])

    def ask(problem):
        asked.append(problem)
        return next(answers)

    opened = gui_app.open_database(argparse.Namespace(db=str(path), passphrase_env=None), ask)
    try:
        assert asked == ["", "Adgangskoden til databasen er forkert. Prøv igen."]
        assert opened.context.user is None
    finally:
        close_app(opened.context)


def test_escape_in_the_passphrase_dialog_quits_with_exit_1(tmp_path, qapp, monkeypatch):
    path = tmp_path / "krypteret.sqlite"
    close_app(open_app(str(path), passphrase="rigtig-kode-1").context)
    monkeypatch.delenv(gui_app.PASSPHRASE_ENV, raising=False)

    def press_escape():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PassphraseDialog)
        dialog.reject()

    QTimer.singleShot(50, press_escape)
    assert gui_app.run_gui(["--db", str(path)]) == 1


def test_passphrase_dialog_shows_the_problem_and_returns_the_text(qtbot):
    dialog = PassphraseDialog("Adgangskoden til databasen er forkert. Prøv igen.")
    qtbot.addWidget(dialog)
    assert dialog.error_label.text() == "Adgangskoden til databasen er forkert. Prøv igen."
    assert dialog.open_button.text() == "Å&bn" and dialog.quit_button.text() == "Afs&lut"

    def type_and_accept():
        modal = QApplication.activeModalWidget()
        modal.passphrase_edit.setText("hemmelig-kode")
        modal.accept()

    QTimer.singleShot(50, type_and_accept)
    assert ask_passphrase("") == "hemmelig-kode"


def test_run_gui_starts_with_the_first_administrator_then_the_municipality_screen(tmp_path, qapp, monkeypatch):
    """The whole start: empty database -> administrator -> logged in -> first-run screen -> quit."""
    monkeypatch.delenv(gui_app.PASSPHRASE_ENV, raising=False)
    seen: dict[str, object] = {}

    def drive():
        login = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LoginWindow) and w.isVisible())
        if not login.ready:  # shown before the database is open: wait for it
            QTimer.singleShot(20, drive)
            return
        seen["first_admin"] = login.in_first_admin
        view = login.first_admin_view
        view.ui.username_edit.setText("anne")
        view.ui.full_name_edit.setText("Anne Administrator")
        view.ui.password_edit.setText("anne-kode-1")
        view.ui.password_repeat_edit.setText("anne-kode-1")
        view.create()
        QTimer.singleShot(50, check_window)

    def check_window():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["first_run"] = window.in_first_run
        seen["user"] = window.user_status.text()
        window.close()

    QTimer.singleShot(50, drive)
    assert gui_app.run_gui(["--db", str(tmp_path / "ny.sqlite")]) == 0
    assert seen == {"first_admin": True, "first_run": True, "user": "Anne Administrator (anne) · Administrator"}
    # Quitting logged the user out (audited).
    opened = open_app(str(tmp_path / "ny.sqlite"))
    try:
        from tilsyn.services.audit import AuditService

        assert [e.action for e in AuditService(opened.context).latest(2)] == ["logout", "login"]
    finally:
        close_app(opened.context)
