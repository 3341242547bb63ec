"""``tilsyn --self-test``: prove that an installed or bundled app can start.

Creates a throwaway SQLite database, migrates it through the services layer, sets up one
municipality with one care home, builds and shows the main window offscreen, and closes it.
Used after the PyInstaller build (``make build``, ``.ci/run``) to catch missing modules, Qt
plugins, migrations or resources in the bundle.
"""

from __future__ import annotations

import inspect
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

    with tempfile.TemporaryDirectory(prefix="tilsyn-selftest-") as tmp:
        db = Path(tmp) / "selftest.sqlite"
        from .services.app import close_app, open_app
        from .store.migrate import schema_state

        opened = open_app(str(db))
        ctx = opened.context
        try:
            state = schema_state(ctx.extras["engine"])
            if not state.is_current:
                raise RuntimeError(f"schema not at head after migrating: {state}")
            _seed(ctx)
            _show_main_window(opened)
        finally:
            close_app(ctx)


def _seed(ctx) -> None:
    """One municipality and care home, so the window opens on data and not on first-run set-up."""
    from .domain.people import CareHomeInput
    from .services.care_homes import CareHomeService

    homes = CareHomeService(ctx)
    if not homes.is_set_up():
        homes.set_up_municipality("Selvtest Kommune", [CareHomeInput("Selvtest Plejecenter")])


def _show_main_window(opened) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "tilsyn"])

    # A modal dialog opened while the window starts would block forever without a user:
    # close any that appears, and report it.
    modals: list[str] = []

    def close_modals() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None:
            modals.append(f"{type(widget).__name__} {widget.windowTitle()!r}")
            widget.close()

    watchdog = QTimer()
    watchdog.setInterval(100)
    watchdog.timeout.connect(close_modals)
    watchdog.start()
    try:
        from .ui.main_window import MainWindow

        window = _build(MainWindow, opened)
        window.show()
        _process_events(app, 0.3)
        if not window.isVisible():
            raise RuntimeError("the main window did not stay visible")
        window.close()
        _process_events(app, 0.1)
        window.deleteLater()
        _process_events(app, 0.05)
    finally:
        watchdog.stop()
    if modals:
        print("selvtest: closed unexpected dialog(s): " + "; ".join(modals), file=sys.stderr)


def _build(window_class, opened):
    """Call MainWindow with what its constructor asks for, by parameter name."""
    from .ui.services_bundle import Services

    ctx = opened.context
    available = {
        "services": lambda: Services.build(ctx),
        "ctx": lambda: ctx,
        "context": lambda: ctx,
        "app_context": lambda: ctx,
        "opened": lambda: opened,
        "open_result": lambda: opened,
        "url": lambda: opened.url,
        "db_url": lambda: opened.url,
    }
    kwargs = {}
    for name, param in inspect.signature(window_class).parameters.items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD) or name == "parent":
            continue
        if name in available:
            kwargs[name] = available[name]()
        elif param.default is param.empty:
            raise RuntimeError(f"selftest does not know how to supply MainWindow({name}=...)")
    return window_class(**kwargs)


def _process_events(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
