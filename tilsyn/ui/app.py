"""Start the desktop app: arguments, display check, Danish locale, database, main window."""

from __future__ import annotations

import argparse
import os
import re
import sys
import threading
from pathlib import Path
from typing import Callable

from ..resources import resource_path

APP_NAME = "Tilsyn"
ORGANIZATION = "Tilsyn"

NO_DISPLAY = (
    "Tilsyn kan ikke vise sit vindue: der er ingen skærm (DISPLAY, WAYLAND_DISPLAY og "
    "QT_QPA_PLATFORM er ikke sat).\n"
    "  Kør programmet på en virtuel skærm:   xvfb-run -a tilsyn\n"
    "  Kommandolinjen virker uden skærm:     tilsyn --help\n"
    "Tilsyn cannot show its window: there is no display (DISPLAY, WAYLAND_DISPLAY and "
    "QT_QPA_PLATFORM are unset).\n"
    "  Run it on a virtual screen:   xvfb-run -a tilsyn\n"
    "  The command line needs no display:   tilsyn --help\n"
)


def parse_args(args: list[str]) -> argparse.Namespace:
    """``--db PATH_OR_URL``; anything else (Qt's own -style, -platform ...) is left for Qt."""
    parser = argparse.ArgumentParser(prog="tilsyn", add_help=False)
    parser.add_argument("--db", default=None)
    parser.add_argument("--passphrase-env", default=None)
    known, _rest = parser.parse_known_args(args)
    return known


def has_display(env: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """False on Linux/BSD without X11, Wayland or an explicit Qt platform (e.g. offscreen)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return True
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def display_location(url: str, file: Path | None) -> str:
    """What the user sees as the database's place: the file, or the URL without its password."""
    if file is not None:
        return str(file)
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def database_kind(url: str) -> str:
    if url.startswith("sqlite"):
        return "SQLite (fil på denne computer)"
    if url.startswith("postgresql"):
        return "PostgreSQL (fælles database)"
    return url.split(":", 1)[0]


def install_danish(app) -> None:
    """Danish locale and Qt's own Danish texts for standard buttons (OK, Annuller, Ja, Nej)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_da",):
        translator = QTranslator(app)
        if translator.load(name, translations):
            app.installTranslator(translator)


def app_icon():
    from PySide6.QtGui import QIcon

    return QIcon(str(resource_path("icons", "tilsyn.svg")))


def make_application(argv: list[str]):
    """The QApplication with name, organisation, icon and Danish texts (reused if one exists)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(app_icon())
    install_danish(app)
    return app


PASSPHRASE_ENV = "TILSYN_DB_PASSPHRASE"


def passphrase_from_env(options: argparse.Namespace, env: dict[str, str] | None = None) -> str | None:
    """The passphrase in the variable named by ``--passphrase-env``, else in $TILSYN_DB_PASSPHRASE."""
    from ..domain.errors import DomainError

    env = os.environ if env is None else env
    if options.passphrase_env:
        value = env.get(options.passphrase_env, "")
        if not value:
            raise DomainError("passphrase_env_missing", var=options.passphrase_env)
        return value
    return env.get(PASSPHRASE_ENV) or None


def open_database(options: argparse.Namespace, ask: Callable[[str], str | None]):
    """open_app for ``options``; an encrypted file asks ``ask(problem)`` until it opens or is cancelled.

    Returns None when the user cancels. Other refusals are raised.
    """
    from ..domain.errors import DomainError
    from ..services.app import open_app
    from ..services.encryption import database_needs_passphrase

    passphrase = passphrase_from_env(options)
    if passphrase is None and database_needs_passphrase(options.db):
        passphrase = ask("")
        if passphrase is None:
            return None
    while True:
        try:
            # No actor: the login window logs a person in, as the command line does with --user.
            return open_app(options.db, passphrase=passphrase, actor=None)
        except DomainError as err:
            if err.code != "wrong_passphrase":
                raise
            from .. import messages

            passphrase = ask(messages.text_for(err))
            if passphrase is None:
                return None


def ask_passphrase(problem: str) -> str | None:
    """A modal password prompt in Danish; None when the user cancels (Esc, Afslut)."""
    from .dialogs.passphrase_dialog import ask_passphrase as ask

    return ask(problem)


def run_gui(args: list[str]) -> int:
    """Open the window on the database named by ``--db`` (or $TILSYN_DB, or the default file)."""
    options = parse_args(args)
    if not has_display():
        sys.stderr.write(NO_DISPLAY)
        return 2
    app = make_application([sys.argv[0] if sys.argv else "tilsyn", *args])

    from ..services import errorlog
    from .errors import ExceptHook

    # An exception in a slot or a thread is logged and shown in Danish, not printed as a traceback.
    errorlog.set_database(options.db)
    errorlog.capture_logging()
    hook = ExceptHook().install()
    try:
        return _run_window(app, options)
    finally:
        hook.uninstall()


def _run_window(app, options: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QMessageBox

    from ..services.app import needs_passphrase
    from .errors import database_error_text

    # An encrypted file's passphrase first, as ever; the check reads the file's header only.
    try:
        passphrase = passphrase_from_env(options)
        if passphrase is None and needs_passphrase(options.db):
            passphrase = ask_passphrase("")
            if passphrase is None:
                return 1
    except Exception as exc:  # noqa: BLE001 - any failure to open is shown in Danish, never a traceback
        QMessageBox.critical(None, START_ERROR_TITLE, database_error_text(exc))
        return 1
    startup = Startup(app, options, passphrase)
    startup.start()
    try:
        code = app.exec()
    finally:
        startup.close()
    return code if startup.exit_code is None else startup.exit_code


START_ERROR_TITLE = "Tilsyn kan ikke starte"

# What the main window and its first page (Overblik) import and make, done by the start's worker
# thread once the database is open, while the user types the password: the main window after the
# login then pays for building widgets and its queries only. tests/architecture/test_lazy_imports.py
# checks that building it imports no further tilsyn module.
MAIN_WINDOW_MODULES = (
    ".main_window",
    ".lock",
    ".views.dashboard_view",
    ".views.first_run_view",
    ".views.placeholder_view",
)
# Not the supervision service (a consultant's Overblik): it imports reportlab for its two PDFs.
MAIN_WINDOW_SERVICES = ("care_homes", "exchange", "force")


def warm_main_window(services, is_cancelled: Callable[[], bool] = lambda: False) -> None:
    """Import the main window's modules and make its services (no Qt object is touched)."""
    import importlib

    for name in MAIN_WINDOW_MODULES:
        if is_cancelled():
            return
        importlib.import_module(name, __package__)
    for name in MAIN_WINDOW_SERVICES:
        if is_cancelled():
            return
        getattr(services, name)


class Startup:
    """From the login window to the open database (issue 14, cold start).

    The login window is shown and painted first, with "Log ind" waiting under "Åbner databasen …".
    Then a worker thread imports the ORM and the services and opens the database; it touches no
    Qt object: the GUI thread polls for its result and enables "Log ind" (or shows the first
    administrator), asks the passphrase again, or shows why the database cannot be opened, as the
    start always has. The worker then imports what the main window needs (warm_main_window).
    """

    POLL_MS = 10
    # Start the worker once the window has been painted; this late at the latest.
    PAINT_WAIT_MS = 500

    def __init__(self, app, options: argparse.Namespace, passphrase: str | None) -> None:
        from ..services.app import ENV_VAR, database_file

        self.app = app
        self.options = options
        self.opened = None
        self.exit_code: int | None = None
        self.warmed = threading.Event()  # the worker is done (opened and warmed, or gave up)
        self._passphrase = passphrase
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._result: tuple | None = None
        self._timer = None
        self._paint_filter = None
        self._begun = False
        file = database_file(options.db)
        self._location = display_location(str(options.db or os.environ.get(ENV_VAR, "")), file)
        self._backup = None
        self.session = None

    @property
    def ready(self) -> bool:
        """True once the database is open and the login window knows it."""
        return self.opened is not None and self.session is not None and self.session.services is not None

    def start(self) -> None:
        """Show the login window now; open the database after its first paint."""
        from PySide6.QtCore import QEvent, QObject, QTimer

        from .login import Session

        self.session = Session(None, self._make_window, self._location)

        class FirstPaint(QObject):
            def eventFilter(inner, watched, event) -> bool:  # noqa: N805 - Qt's signature
                if event.type() == QEvent.Type.Paint:
                    watched.removeEventFilter(inner)
                    QTimer.singleShot(0, self._begin)
                return False

        self._paint_filter = FirstPaint()
        self.session.login_window.installEventFilter(self._paint_filter)
        self.session.start()
        QTimer.singleShot(self.PAINT_WAIT_MS, self._begin)

    def _begin(self) -> None:
        if not self._begun:
            self._begun = True
            self._open()

    # -- the worker thread (no Qt) -----------------------------------------------------------
    def _open(self) -> None:
        from PySide6.QtCore import QTimer

        self._result = None
        self._thread = threading.Thread(target=self._work, args=(self._passphrase,), name="tilsyn-start",
                                        daemon=True)
        self._thread.start()
        if self._timer is None:
            self._timer = QTimer()
            self._timer.setInterval(self.POLL_MS)
            self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _work(self, passphrase: str | None) -> None:
        try:
            result = self._open_database(passphrase)
        except BaseException as exc:  # noqa: BLE001 - shown by the GUI thread, as the start always did
            result = ("error", exc)
        self._result = result
        if result[0] == "ok":
            try:
                warm_main_window(result[2], self._cancel.is_set)
            except Exception:  # noqa: BLE001 - only a head start: the main window imports it again and says why
                pass
        self.warmed.set()

    def _open_database(self, passphrase: str | None) -> tuple:
        """("ok", OpenResult, Services) or ("wrong", WrongPassphrase); any other failure is raised."""
        from ..domain.errors import DomainError
        from ..services.app import close_app, open_app
        from .services_bundle import Services

        try:
            # No actor: the login window logs a person in, as the command line does with --user.
            opened = open_app(self.options.db, passphrase=passphrase, actor=None)
        except DomainError as err:
            if err.code != "wrong_passphrase":
                raise
            return ("wrong", err)
        try:
            services = Services.build(opened.context)
            # The login window's first question, asked here too so its modules and query are ready.
            if services.users.needs_first_admin():
                from .views import first_admin_view  # noqa: F401
        except BaseException:
            close_app(opened.context)
            raise
        return ("ok", opened, services)

    # -- back on the GUI thread -------------------------------------------------------------
    def _poll(self) -> None:
        result = self._result
        if result is None:
            return
        self._timer.stop()
        kind = result[0]
        if kind == "ok":
            _, self.opened, services = result
            self._backup = self.opened.backup
            self.session.database_ready(services, display_location(self.opened.url, self.opened.file))
            return
        self._thread.join()
        self._thread = None
        if kind == "wrong":
            from .. import messages

            self.warmed.clear()
            self._passphrase = ask_passphrase(messages.text_for(result[1]))
            if self._passphrase is None:
                self._quit(1)
            else:
                self._open()
            return
        self._fail(result[1])

    def _fail(self, exc: BaseException) -> None:
        """Why the database cannot be opened, in a message box of its own; then the app ends."""
        from PySide6.QtWidgets import QMessageBox

        from .errors import database_error_text

        quit_on_last = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)  # hiding the login window must not end exec()
        try:
            self.session.login_window.hide()
            QMessageBox.critical(None, START_ERROR_TITLE, database_error_text(exc))
        finally:
            self.app.setQuitOnLastWindowClosed(quit_on_last)
        self._quit(1)

    def _quit(self, code: int) -> None:
        self.exit_code = code
        self.app.exit(code)

    def _make_window(self, services):
        # Logged in: the worker stops after the module it is importing; the rest is imported here.
        self.finish_worker()
        from .main_window import MainWindow

        window = MainWindow(services, display_location(self.opened.url, self.opened.file),
                            database_kind=database_kind(self.opened.url))
        if self._backup is not None:
            window.statusBar().showMessage(
                f"Databasen er opdateret. En kopi af den gamle udgave er gemt i {self._backup}", 0
            )
            self._backup = None
        return window

    def finish_worker(self) -> None:
        """Stop the worker's warm-up and wait for it (an open under way is finished first)."""
        self._cancel.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def close(self) -> None:
        """After exec(): log out, wait for the worker, close the database."""
        from ..services.app import close_app

        if self._timer is not None:
            self._timer.stop()
        self.finish_worker()
        result, self._result = self._result, None
        if self.session is not None:
            self.session.shutdown()
        if self.opened is not None:
            close_app(self.opened.context)
        elif result is not None and result[0] == "ok":
            close_app(result[1].context)  # opened, but the app ended before the window knew
