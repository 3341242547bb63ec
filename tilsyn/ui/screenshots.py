"""Render the documentation screenshots: ``python -m tilsyn.ui.screenshots docs/``.

Each picture is one function registered with ``@shot("name.png")``. It gets a ``Studio`` (a
temporary demo database with a fixed clock, and windows of a fixed size) and returns the widget
to photograph. Screens from other modules register the same way; list the module in
``SHOT_MODULES`` so it is imported before rendering.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import importlib.util
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

# Monday 23 November 2026, 10:00 in Copenhagen: dates in the pictures never change.
FIXED_NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
WINDOW_SIZE = (1280, 800)
# The place a Windows user's database has; a temp path would change the pictures on every run.
SHOWN_DATABASE = r"C:\Users\sagsbehandler\AppData\Local\Tilsyn\tilsyn.sqlite"
SHOWN_KIND = "SQLite (fil på denne computer)"

#: Modules whose import registers more shots.
SHOT_MODULES: list[str] = ["tilsyn.ui.screenshots_reports", "tilsyn.ui.screenshots_security",
                             "tilsyn.ui.screenshots_supervision", "tilsyn.ui.screenshots_force",
                             "tilsyn.ui.screenshots_exchange"]


@dataclass
class Studio:
    """What a shot function works with: databases with a fixed clock and fixed-size windows."""

    app: object
    folder: Path
    _opened: dict[str, object] = field(default_factory=dict)
    _keep: list[object] = field(default_factory=list)

    def database(self, name: str = "demo", demo: bool = True):
        """An opened database (cached by name); ``demo`` fills it with the demo municipality once."""
        if name not in self._opened:
            from ..services.app import open_app

            opened = open_app(str(self.folder / f"{name}.sqlite"), clock=lambda: FIXED_NOW)
            if demo:
                from ..services.demo import DemoService

                DemoService(opened.context).fill()
            self._opened[name] = opened
        return self._opened[name]

    def services(self, name: str = "demo", demo: bool = True):
        from .services_bundle import Services

        return Services.build(self.database(name, demo).context)

    def window(self, name: str = "demo", demo: bool = True):
        """A shown main window of WINDOW_SIZE on database ``name``."""
        from .main_window import MainWindow

        window = MainWindow(self.services(name, demo), SHOWN_DATABASE, database_kind=SHOWN_KIND)
        window.resize(*WINDOW_SIZE)
        window.show()
        self._keep.append(window)
        self.settle()
        return window

    def dialog(self, dialog):
        """Show ``dialog`` at its designed size (no modality: nobody is there to close it)."""
        dialog.setModal(False)
        dialog.show()
        dialog.resize(dialog.size().expandedTo(dialog.sizeHint()))
        self._keep.append(dialog)
        self.settle()
        return dialog

    def settle(self, rounds: int = 5) -> None:
        """Let layouts, lazy models and queued signals finish."""
        from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

        for _ in range(rounds):
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            QThread.msleep(10)

    def close(self) -> None:
        from ..services.app import close_app

        for widget in self._keep:
            widget.close()
        self._keep.clear()
        self.settle(1)
        for opened in self._opened.values():
            close_app(opened.context)
        self._opened.clear()


ShotFunction = Callable[[Studio], object]
SHOTS: list[tuple[str, ShotFunction]] = []


def shot(filename: str) -> Callable[[ShotFunction], ShotFunction]:
    """Register ``fn(studio) -> widget`` as the picture ``filename``."""

    def register(fn: ShotFunction) -> ShotFunction:
        SHOTS[:] = [(name, f) for name, f in SHOTS if name != filename]
        SHOTS.append((filename, fn))
        return fn

    return register


# -- the pictures ----------------------------------------------------------------------------------


@shot("first-run.png")
def first_run(studio: Studio):
    return studio.window("empty", demo=False)


@shot("first-run-form.png")
def first_run_form(studio: Studio):
    from ..domain.people import CareHomeInput

    window = studio.window("empty-form", demo=False)
    view = window.first_run_view
    view.show_form()
    view.ui.municipality_edit.setText("Vejle Kommune")
    view.set_row(0, CareHomeInput("Plejecenter Solbakken", "municipal", "Solbakken 12", "7100", "Vejle",
                                  ("Afsnit A", "Afsnit B")))
    view.set_row(1, CareHomeInput("Kildevang Privatplejehjem", "private", "Rosenvej 28", "604", "Egtved",
                                  ("Stuen", "1. sal")))
    view.create()  # the four-digit rule answers under the table; nothing is saved
    studio.settle()
    return window


@shot("main-window.png")
def main_window(studio: Studio):
    from .main_window import PAGE_OVERVIEW

    window = studio.window()
    window.show_page(PAGE_OVERVIEW)
    studio.settle()
    return window


@shot("care-homes.png")
def care_homes(studio: Studio):
    window = studio.window()
    window.show_care_homes()
    studio.settle()
    view = window.care_homes_view
    view.select_home(view.model.home_at(0).id)
    studio.settle()
    return window


@shot("care-home-dialog.png")
def care_home_dialog(studio: Studio):
    from .dialogs.care_home_dialog import CareHomeDialog

    services = studio.services()
    home = services.care_homes.list_care_homes()[0]
    dialog = studio.dialog(CareHomeDialog(services.care_homes, home))
    dialog.ui.postal_code_edit.setText("71")
    dialog.save()  # refused: the message appears under the postal code
    studio.settle()
    return dialog


@shot("residents-list.png")
def residents_list(studio: Studio):
    from .main_window import PAGE_RESIDENTS

    window = studio.window()
    window.show_page(PAGE_RESIDENTS)
    view = window.residents_view
    studio.settle()
    view.ui.resident_search_edit.setText("Jens")
    view.apply_filter()
    studio.settle()
    view.ui.resident_table.selectRow(0)
    studio.settle()
    return window


@shot("resident-dialog-validation.png")
def resident_dialog_validation(studio: Studio):
    from .dialogs.resident_dialog import ResidentDialog

    services = studio.services()
    dialog = studio.dialog(ResidentDialog(services.residents, services.care_homes))
    dialog.ui.cpr_edit.setText("311399-1234")
    dialog.ui.name_edit.setText("")
    dialog.ui.postal_code_edit.setText("71")
    dialog.ui.care_home_combo.setCurrentIndex(0)
    dialog.save()  # refused: every fault under its field, nothing written
    studio.settle()
    return dialog


# -- rendering -------------------------------------------------------------------------------------


def render(folder: Path, only: list[str] | None = None) -> list[Path]:
    """Render every registered shot (or those named in ``only``) into ``folder``."""
    from .app import make_application

    for module in SHOT_MODULES:
        # A screen that is not part of this checkout yet simply has no picture.
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)
    app = make_application([sys.argv[0] if sys.argv else "tilsyn"])
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="tilsyn-shots-") as tmp:
        studio = Studio(app, Path(tmp))
        try:
            for filename, fn in SHOTS:
                if only and filename not in only:
                    continue
                widget = fn(studio)
                target = folder / filename
                if not widget.grab().save(str(target)):
                    raise RuntimeError(f"could not write {target}")
                written.append(target)
        finally:
            studio.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tilsyn.ui.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where the PNG files go (e.g. docs/)")
    parser.add_argument("names", nargs="*", help="only these files (e.g. care-homes.png)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in render(args.folder, args.names or None):
        print(path)
    return 0


if __name__ == "__main__":
    # The imported module, not __main__: shot modules register in tilsyn.ui.screenshots.SHOTS.
    sys.exit(importlib.import_module("tilsyn.ui.screenshots").main())
