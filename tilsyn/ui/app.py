"""Start the desktop app: arguments, display check, Danish locale, database, main window."""

from __future__ import annotations

import argparse
import os
import re
import sys
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

    from .errors import database_error_text

    try:
        opened = open_database(options, ask_passphrase)
    except Exception as exc:  # noqa: BLE001 - any failure to open is shown in Danish, never a traceback
        QMessageBox.critical(None, "Tilsyn kan ikke starte", database_error_text(exc))
        return 1
    if opened is None:
        return 1

    from .login import Session
    from .main_window import MainWindow
    from .services_bundle import Services

    location = display_location(opened.url, opened.file)
    backup = opened.backup

    def make_window(services: Services) -> MainWindow:
        nonlocal backup
        window = MainWindow(services, location, database_kind=database_kind(opened.url))
        if backup is not None:
            window.statusBar().showMessage(
                f"Databasen er opdateret. En kopi af den gamle udgave er gemt i {backup}", 0
            )
            backup = None
        return window

    # First the administrator (empty database) or the login; then the main window.
    session = Session(Services.build(opened.context), make_window, location)
    session.start()
    try:
        return app.exec()
    finally:
        from ..services.app import close_app

        session.shutdown()
        close_app(opened.context)
