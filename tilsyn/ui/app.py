"""Start the desktop app: arguments, display check, Danish locale, database, main window."""

from __future__ import annotations

import argparse
import os
import re
import sys
from functools import partial
from pathlib import Path

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


def run_gui(args: list[str]) -> int:
    """Open the window on the database named by ``--db`` (or $TILSYN_DB, or the default file)."""
    options = parse_args(args)
    if not has_display():
        sys.stderr.write(NO_DISPLAY)
        return 2
    app = make_application([sys.argv[0] if sys.argv else "tilsyn", *args])

    from PySide6.QtWidgets import QMessageBox

    from .errors import database_error_text

    try:
        from ..services.app import open_app

        opened = open_app(options.db)
    except Exception as exc:  # noqa: BLE001 - any failure to open is shown in Danish, never a traceback
        QMessageBox.critical(None, "Tilsyn kan ikke starte", database_error_text(exc))
        return 1

    from .main_window import MainWindow
    from .services_bundle import Services
    from .views.first_run_view import fill_demo_database

    window = MainWindow(
        Services.build(opened.context),
        display_location(opened.url, opened.file),
        database_kind=database_kind(opened.url),
        fill_demo=partial(fill_demo_database, opened.context),
    )
    window.show()
    if opened.backup is not None:
        window.statusBar().showMessage(
            f"Databasen er opdateret. En kopi af den gamle udgave er gemt i {opened.backup}", 0
        )
    try:
        return app.exec()
    finally:
        from ..services.app import close_app

        close_app(opened.context)
