"""``tilsyn --self-test``: prove that an installed or bundled app can start.

Creates a throwaway SQLite database and migrates it through the services layer, shows the main
login window offscreen (first administrator), the main window on the first-run screen, then sets
up one municipality with one care home and opens every page as the roles that see it.
Used after the PyInstaller build (``make build``, ``.ci/run``) to catch missing modules, Qt
plugins, migrations or resources in the bundle.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path


def run_self_test() -> int:
    """Start the app on a temp database without a screen; 0 and "selvtest OK" when it works."""
    try:
        _self_test()
    except BaseException:  # noqa: BLE001 - every failure must become exit code 1 with a trace
        traceback.print_exc()
        print("selvtest FEJLEDE", file=sys.stderr)
        return 1
    print("selvtest OK")
    return 0


def _self_test() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .resources import resources_dir

    res = resources_dir()
    if not res.is_dir() or not any(res.iterdir()):
        raise RuntimeError(f"resources folder missing or empty: {res}")

    _check_libraries()
    with tempfile.TemporaryDirectory(prefix="tilsyn-selftest-") as tmp:
        from .services.app import close_app, open_app
        from .store.migrate import schema_state

        opened = open_app(str(Path(tmp) / "selftest.sqlite"), actor=None)  # as the GUI opens it
        try:
            state = schema_state(opened.context.extras["engine"])
            if not state.is_current:
                raise RuntimeError(f"schema not at head after migrating: {state}")
            _check_windows(opened)
        finally:
            close_app(opened.context)


def _check_libraries() -> None:
    """What a bundle can lose without any screen showing it: the PostgreSQL driver, Argon2."""
    import psycopg
    from argon2 import PasswordHasher
    from sqlalchemy import create_engine

    create_engine("postgresql+psycopg://selftest@/selftest?host=/nonexistent").dispose()
    if psycopg.pq.version() <= 0:
        raise RuntimeError("libpq did not load")
    hasher = PasswordHasher()
    if not hasher.verify(hasher.hash("selvtest"), "selvtest"):
        raise RuntimeError("argon2 verify failed")


def _check_windows(opened) -> None:
    """The first-run screen on the empty database, then the main window with every page."""
    from .ui import main_window
    from .ui.app import make_application

    app = make_application([sys.argv[0] if sys.argv else "tilsyn"])
    _quiet_offscreen_warnings()
    from .services.users import UserService

    with _ModalWatchdog():
        _first_admin(app, opened)
        window = _new_window(opened)
        if not window.in_first_run:
            raise RuntimeError("an empty database did not open on the first-run screen")
        _show_and_close(app, window, lambda: None)

        _seed(opened.context)
        # Each role sees its own pages: the administrator, a caseworker and a consultant
        # together open every page once.
        visited: set[int] = set()
        for username in ("selvtest", *_other_users(opened.context)):
            UserService(opened.context).login(username, "selvtest-kode")
            window = _new_window(opened)
            if window.in_first_run:
                raise RuntimeError("the first-run screen showed although a municipality exists")

            def visit_pages(window=window) -> None:
                for index, key in enumerate(main_window.PAGES):
                    if key in window.hidden_pages:
                        continue
                    window.show_page(index)
                    _process_events(app, 0.05)
                    if window.current_page() != index:
                        raise RuntimeError(f"page {key} did not open")
                    visited.add(index)

            _show_and_close(app, window, visit_pages)
        missing = [key for index, key in enumerate(main_window.PAGES) if index not in visited]
        if missing:
            raise RuntimeError(f"pages no role could open: {', '.join(missing)}")


def _first_admin(app, opened) -> None:
    """The login window on a database without users creates the administrator and logs in."""
    from .services.users import UserService
    from .ui.login import LoginWindow

    window = LoginWindow(UserService(opened.context))
    window.show_start()
    if not window.in_first_admin:
        raise RuntimeError("a database without users did not ask for the first administrator")
    view = window.first_admin_view
    view.ui.username_edit.setText("selvtest")
    view.ui.full_name_edit.setText("Selvtest Administrator")
    view.ui.password_edit.setText("selvtest-kode")
    view.ui.password_repeat_edit.setText("selvtest-kode")
    _show_and_close(app, window, view.create)
    user = opened.context.user
    if user is None or user.username != "selvtest":
        raise RuntimeError("the first administrator was not logged in")


def _other_users(ctx) -> list[str]:
    """A caseworker and a consultant, created by the logged-in administrator."""
    from .domain.roles import Role
    from .services.users import UserInput, UserService

    users = UserService(ctx)
    for username, role in (("selvtest-sag", Role.CASEWORKER), ("selvtest-tilsyn", Role.CONSULTANT)):
        users.create_user(UserInput(username, f"Selvtest {role.value}", role.value), "selvtest-kode")
    return ["selvtest-sag", "selvtest-tilsyn"]


def _new_window(opened):
    from .ui.app import database_kind, display_location
    from .ui.main_window import MainWindow
    from .ui.services_bundle import Services

    return MainWindow(
        Services.build(opened.context),
        display_location(opened.url, opened.file),
        database_kind=database_kind(opened.url),
    )


def _show_and_close(app, window, while_shown) -> None:
    window.show()
    _process_events(app, 0.2)
    if not window.isVisible():
        raise RuntimeError("the main window did not stay visible")
    while_shown()
    window.close()
    window.deleteLater()
    _process_events(app, 0.05)


def _seed(ctx) -> None:
    """One municipality with one care home, as the first-run screen would create."""
    from .domain.people import CareHomeInput
    from .services.care_homes import CareHomeService

    CareHomeService(ctx).set_up_municipality("Selvtest Kommune", [CareHomeInput("Selvtest Plejecenter")])


class _ModalWatchdog:
    """Closes any modal dialog that opens: without a user it would block the self-test forever."""

    def __enter__(self):
        from PySide6.QtCore import QTimer

        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._close_modal)
        self.timer.start()
        return self

    def _close_modal(self) -> None:
        from PySide6.QtWidgets import QApplication

        widget = QApplication.activeModalWidget()
        if widget is not None:
            self.seen.append(f"{type(widget).__name__} {widget.windowTitle()!r}")
            widget.close()

    def __exit__(self, exc_type, *_exc) -> None:
        self.timer.stop()
        if self.seen and exc_type is None:
            raise RuntimeError("unexpected dialog(s) while starting: " + "; ".join(self.seen))


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns about window size hints it cannot pass on; drop only that."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if "does not support propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _process_events(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
