"""The start as a person sees it since issue 14: the login window at once, "Log ind" once the
database behind it is open (tilsyn.ui.app.Startup), the passphrase and the refusals as before."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tilsyn.services import app as app_service
from tilsyn.services.app import close_app, open_app
from tilsyn.store import db as store_db
from tilsyn.ui import app as gui_app
from tilsyn.ui.login import LoginWindow
from tilsyn.ui.main_window import MainWindow
from tilsyn.ui.views.login_view import OPENING_TEXT

from security_support import ADMIN, close, open_with_admin


@pytest.fixture
def admin_db(tmp_path) -> Path:
    """A database with the administrator and Vejle Kommune, closed again (as on disk at a start)."""
    app = open_with_admin(tmp_path)
    app.services.users.logout()
    path = Path(app.ctx.extras["engine"].url.database)
    close(app)
    return path


@pytest.fixture
def startup(qapp):
    made: list[gui_app.Startup] = []

    def start(db: Path, passphrase: str | None = None) -> gui_app.Startup:
        s = gui_app.Startup(qapp, argparse.Namespace(db=str(db), passphrase_env=None), passphrase)
        made.append(s)
        s.start()
        return s

    yield start
    for s in made:
        s.close()
        for widget in (s.session.login_window, s.session.window):
            if widget is not None:
                widget.close()
                widget.deleteLater()


def test_the_login_window_comes_first_and_log_ind_waits_for_the_database(qtbot, startup, admin_db):
    s = startup(admin_db)
    login = s.session.login_window
    view = login.login_view
    # Shown before the database is opened: typing works, "Log ind" waits and says why.
    assert login.isVisible() and not login.ready and not s.ready
    assert not view.ui.login_button.isEnabled()
    assert not view.status_label.isHidden() and view.status_label.text() == OPENING_TEXT == "Åbner databasen …"
    assert login.database_label.text() == f"Database: {admin_db}"
    qtbot.keyClicks(view.ui.username_edit, ADMIN[0])
    qtbot.waitUntil(lambda: s.ready, timeout=30_000)
    # Ready: the button works, the status is gone, what was typed is still there.
    assert login.ready and view.ui.login_button.isEnabled() and view.status_label.isHidden()
    assert view.ui.username_edit.text() == ADMIN[0] and not login.in_first_admin
    qtbot.waitUntil(s.warmed.is_set, timeout=30_000)
    view.ui.password_edit.setText(ADMIN[2])
    with qtbot.waitSignal(s.session.window_opened, timeout=10_000) as opened:
        qtbot.keyClick(view.ui.password_edit, Qt.Key.Key_Return)
    assert isinstance(opened.args[0], MainWindow) and opened.args[0].isVisible()
    assert s.session.services.ctx.user.username == ADMIN[0]


def test_enter_while_the_database_opens_logs_in_once_it_is_open(qtbot, startup, admin_db):
    s = startup(admin_db)
    view = s.session.login_window.login_view
    view.ui.username_edit.setText(ADMIN[0])
    view.ui.password_edit.setText(ADMIN[2])
    assert not s.ready
    qtbot.keyClick(view.ui.password_edit, Qt.Key.Key_Return)  # too early: nothing yet, no error
    assert view.ui.error_label.isHidden() and s.session.window is None
    with qtbot.waitSignal(s.session.window_opened, timeout=30_000):
        pass
    assert s.session.services.ctx.user.username == ADMIN[0]


def test_an_empty_database_turns_to_the_first_administrator_when_open(qtbot, startup, tmp_path):
    s = startup(tmp_path / "ny.sqlite")
    login = s.session.login_window
    assert not login.in_first_admin  # nothing known yet: the login form, waiting
    qtbot.waitUntil(lambda: s.ready, timeout=30_000)
    assert login.in_first_admin and login.windowTitle() == "Tilsyn – opret administrator"


def test_a_database_that_cannot_be_opened_is_refused_in_a_box_of_its_own(tmp_path, qapp, monkeypatch):
    path = tmp_path / "newer.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('from_the_future')")
    shown = []

    def critical(parent, title, text):
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, LoginWindow) and w.isVisible()]
        shown.append((parent, title, text, windows))

    monkeypatch.setattr(QMessageBox, "critical", critical)
    assert gui_app.run_gui(["--db", str(path)]) == 1
    assert len(shown) == 1
    parent, title, text, login_windows = shown[0]
    assert parent is None and title == "Tilsyn kan ikke starte" and login_windows == []
    assert text.startswith("Databasen er lavet af en nyere version af Tilsyn (revision from_the_future).")
    assert qapp.quitOnLastWindowClosed()


def test_a_wrong_passphrase_from_the_environment_is_asked_again_over_the_login_window(tmp_path, qapp, monkeypatch):
    path = tmp_path / "krypteret.sqlite"
    close_app(open_app(str(path), passphrase="rigtig-kode-1").context)
    monkeypatch.setenv(gui_app.PASSPHRASE_ENV, "forkert-kode-1")
    asked = []
    monkeypatch.setattr(gui_app, "ask_passphrase", lambda problem: asked.append(problem))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: pytest.fail("no error box after a cancel"))
    assert gui_app.run_gui(["--db", str(path)]) == 1
    assert asked == ["Adgangskoden til databasen er forkert. Prøv igen."]


def test_ending_while_the_database_opens_waits_for_it_and_closes_it(qtbot, startup, admin_db):
    s = startup(admin_db)
    s._begin()  # the worker now, as after the first paint
    s.close()
    assert s._thread is not None and not s._thread.is_alive()
    assert s.warmed.is_set()


@pytest.mark.parametrize("given", [None, "", "relativ.sqlite", "~/tilsyn-test-x.sqlite", "ENV", "URL"])
def test_the_light_file_check_finds_the_file_the_store_opens(given, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(store_db.ENV_VAR, raising=False)
    if given == "ENV":
        monkeypatch.setenv(app_service.ENV_VAR, str(tmp_path / "fra-miljøet.sqlite"))
        given = None
    if given == "URL":
        given = f"sqlite:///{tmp_path / 'url.sqlite'}"
        assert app_service.database_file(given) is None  # a URL: the store decides
        return
    assert app_service.ENV_VAR == store_db.ENV_VAR
    assert app_service.database_file(given) == store_db.sqlite_path(store_db.resolve_url(given))


def test_the_light_passphrase_check_agrees_with_the_store(tmp_path):
    from tilsyn.services.encryption import database_needs_passphrase

    plain, locked, missing = tmp_path / "plain.sqlite", tmp_path / "locked.sqlite", tmp_path / "missing.sqlite"
    close_app(open_app(str(plain)).context)
    locked.write_bytes(bytes(range(256)) * 64)
    for db in (plain, locked, missing, f"sqlite:///{locked}", f"sqlite:///{plain}"):
        assert app_service.needs_passphrase(str(db)) == database_needs_passphrase(str(db))
    assert app_service.needs_passphrase(str(locked)) and not app_service.needs_passphrase(str(plain))
