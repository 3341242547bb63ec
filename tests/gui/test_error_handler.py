"""Unexpected errors in the desktop app: a Danish message naming the private log, never the
exception's text (which for a failed INSERT holds CPR numbers and names)."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from tilsyn.services import errorlog
from tilsyn.ui import app as gui_app
from tilsyn.ui import errors
from tilsyn.ui.workers import Worker, start

SECRETS = ("0202502345", "0101501234", "Bent Jensen", "Anna Hansen")


def _leaky_integrity_error(tmp_path) -> IntegrityError:
    engine = create_engine(f"sqlite:///{tmp_path / 'leaky.sqlite'}")
    try:
        with engine.begin() as con:
            con.execute(text("create table resident (cpr text unique, name text)"))
            con.execute(text("insert into resident values ('0101501234', 'Anna Hansen')"))
        with engine.begin() as con:
            con.execute(text("insert into resident values (:cpr, :name)"),
                        [{"cpr": "0202502345", "name": "Bent Jensen"}, {"cpr": "0101501234", "name": "Anna Hansen"}])
    except IntegrityError as exc:
        assert all(s in str(exc) for s in SECRETS)  # what str(exc) in a message box would show
        return exc
    finally:
        engine.dispose()
    raise AssertionError("no IntegrityError")


@pytest.fixture
def log(tmp_path, monkeypatch):
    """The log beside the app's database in the temp dir (as run_gui sets it up)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(errorlog, "_database", None)
    errorlog.set_database(str(tmp_path / "gui.sqlite"))
    return tmp_path / errorlog.LOG_NAME


@pytest.fixture
def boxes(monkeypatch):
    shown: list[tuple[str, str]] = []
    def exec_(box):
        assert box.textFormat() == Qt.TextFormat.PlainText  # a typed value in the text stays text
        shown.append((box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def _assert_danish_and_logged(shown: str, log) -> None:
    assert shown.startswith(f"Der opstod en uventet fejl. Detaljerne er gemt i {log} (hændelse ")
    for secret in (*SECRETS, "IntegrityError", "INSERT", "insert"):
        assert secret not in shown
    incident = shown.rsplit("hændelse ", 1)[1].rstrip(").")
    content = log.read_text(encoding="utf-8")
    assert f"hændelse {incident}" in content and "Traceback" in content
    assert not any(secret in content for secret in SECRETS)


def test_error_text_of_an_unexpected_error_names_the_log_not_the_exception(tmp_path, log):
    _assert_danish_and_logged(errors.error_text(_leaky_integrity_error(tmp_path)), log)


def test_the_excepthook_shows_a_danish_message_box(qapp, qtbot, tmp_path, log, boxes):
    exc = _leaky_integrity_error(tmp_path)
    hook = errors.ExceptHook().install()
    try:
        assert sys.excepthook == hook.hook
        sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        hook.uninstall()
    qtbot.waitUntil(lambda: bool(boxes), timeout=2000)
    title, shown = boxes[0]
    assert title == "Tilsyn"
    _assert_danish_and_logged(shown, log)
    assert sys.excepthook != hook.hook


def test_an_uncaught_error_in_a_thread_reaches_the_gui_thread_as_a_danish_box(qapp, qtbot, tmp_path, log, boxes):
    exc = _leaky_integrity_error(tmp_path)

    def fail():
        raise exc

    hook = errors.ExceptHook().install()
    try:
        thread = threading.Thread(target=fail)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: bool(boxes), timeout=2000)
    finally:
        hook.uninstall()
    _assert_danish_and_logged(boxes[0][1], log)


def test_a_failing_worker_is_logged_in_its_thread_and_shown_in_danish(qapp, qtbot, tmp_path, log):
    exc = _leaky_integrity_error(tmp_path)

    def work(*, progress, is_cancelled):
        raise exc

    worker = Worker(work)
    with qtbot.waitSignal(worker.failed, timeout=5000) as signal:
        thread = start(worker)
    thread.wait()
    assert signal.args[0] is exc
    assert log.exists()  # written by the worker, before the view asked for a text
    _assert_danish_and_logged(errors.error_text(signal.args[0]), log)
    assert log.read_text(encoding="utf-8").count("=== ") == 1  # logged once, not again by error_text


def test_a_worker_refusal_is_not_logged(qapp, qtbot, tmp_path, log):
    from tilsyn.domain.errors import DomainError

    def work(*, progress, is_cancelled):
        raise DomainError("cancelled")

    worker = Worker(work)
    with qtbot.waitSignal(worker.failed, timeout=5000) as signal:
        thread = start(worker)
    thread.wait()
    assert errors.error_text(signal.args[0]) == "Afbrudt. Intet er ændret."
    assert not log.exists()


def test_database_is_locked_is_the_danish_busy_text(log):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from tilsyn.domain.errors import DomainError
    from tilsyn.messages import text_for

    exc = OperationalError("UPDATE resident SET name=?", ("Anna Hansen",), sqlite3.OperationalError("database is locked"))
    assert errors.error_text(exc) == text_for(DomainError("database_busy"))
    assert "database_busy" not in errors.error_text(exc) and "locked" not in errors.error_text(exc)
    assert errors.database_error_text(exc) == text_for(DomainError("database_busy"))


def test_run_gui_installs_the_hook_while_the_app_runs_and_removes_it_after(qapp, tmp_path, monkeypatch):
    seen = []
    before = sys.excepthook
    monkeypatch.setattr(gui_app, "_run_window", lambda app, options: seen.append(sys.excepthook) or 0)
    monkeypatch.setattr(errorlog, "_database", None)
    assert gui_app.run_gui(["--db", str(tmp_path / "gui.sqlite")]) == 0
    assert isinstance(seen[0].__self__, errors.ExceptHook)
    assert errorlog.log_dir() == tmp_path
    assert sys.excepthook == before


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_becomes_the_danish_box(qapp, qtbot, tmp_path, log, boxes, capfd):
    from PySide6.QtWidgets import QPushButton

    exc = _leaky_integrity_error(tmp_path)

    def slot():
        raise exc

    button = QPushButton("Gem")
    qtbot.addWidget(button)
    button.clicked.connect(slot)
    hook = errors.ExceptHook().install()
    try:
        button.click()
        qtbot.waitUntil(lambda: bool(boxes), timeout=2000)
    finally:
        hook.uninstall()
    _assert_danish_and_logged(boxes[0][1], log)
    assert "Traceback" not in capfd.readouterr().err


def test_show_error_shows_a_typed_value_as_text_not_markup(qapp, boxes):
    from tilsyn.domain.errors import DomainError

    errors.show_error(None, DomainError("database_unreadable", reason="<b>fed</b> & <!-- skjult"))
    ((title, text),) = boxes  # the fixture asserts the box's PlainText format
    assert title == "Tilsyn" and "<b>fed</b> & <!-- skjult" in text
