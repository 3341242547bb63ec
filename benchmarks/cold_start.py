"""Benchmark: cold start to the login window and to the main window (DESIGN.md section 7, issue 14).

Each run starts a fresh interpreter (QT_QPA_PLATFORM=offscreen, bytecode compiled as in an
installed app). The app's run goes the way ``tilsyn --db FILE`` goes (tilsyn.ui.app.Startup: the
application, the login window shown and painted, then the database opened behind it in a worker
thread, which then imports what the main window needs), then logs the demo caseworker in and
shows the main window with its first page. A second run goes through tilsyn/__main__.py as the
``tilsyn`` command does. The yardstick is a bare PySide6 window started the same way (shown and
painted), in turn with the app (A B C A B C ...), so a machine whose speed drifts moves them
alike. Printed: medians of wall and CPU seconds from the process's start (the child's own
getrusage over all its threads, so other processes on a loaded machine do not count) and their
ratios to the bare window: to the login window (target: at most 3.5), to "Log ind" enabled (the
database open), to the main window's modules warmed (what a user typing a password waits for
only if faster), and the main window's time after the login, the password hash excluded
(target: at most 0.3 s).

    .venv/bin/python benchmarks/cold_start.py [--runs 9] [--db /tmp/tilsyn-cold.sqlite]
    .venv/bin/python -X importtime -c "import tilsyn.ui.app, tilsyn.ui.login"   # what the imports cost
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The children print one JSON line: monotonic clock readings (the same clock as the parent's on
# Linux and macOS) and their own CPU seconds (all threads) at each point. A window counts as shown
# once it has been painted (its first Paint event delivered), the same test for both.
COMMON = r"""
import json, resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
def mark():
    return {"at": time.monotonic(), "cpu": cpu()}
def painted(widget):
    from PySide6.QtCore import QEvent, QObject
    class Seen(QObject):
        done = False
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.done = True
            return False
    seen = Seen()
    widget.installEventFilter(seen)
    return seen
def wait(app, condition, limit=120.0):
    # Run the event loop (as app.exec() would: idle between events) until condition() holds.
    from PySide6.QtCore import QEventLoop, QTimer
    loop, end = QEventLoop(), time.monotonic() + limit
    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(lambda: (condition() or time.monotonic() > end) and loop.quit())
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    assert condition(), "timed out"
"""

BARE = COMMON + r"""
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(900, 600)
seen = painted(w)
w.show()
wait(app, lambda: seen.done)
print(json.dumps({"shown": mark()}))
"""

# What `tilsyn --db FILE` does (tilsyn.__main__ with ENTRY, else from tilsyn.ui.app.run_gui on), up
# to app.exec(): the login window, the database opened behind it, the main window's modules warmed
# while the user would type; then the demo caseworker logs in and the main window is shown.
APP = COMMON + r"""
db, username, password, entry = sys.argv[1:5]
if entry == "1":  # tilsyn/__main__.py: tell a command from the window first
    from tilsyn import cli
    assert not cli.wants_cli(["--db", db])
from tilsyn.ui.app import Startup, make_application, parse_args
options = parse_args(["--db", db])
app = make_application(sys.argv[:1])
startup = Startup(app, options, None)
startup.start()
seen = painted(startup.session.login_window)
wait(app, lambda: seen.done)
login = mark()
early = sorted(m for m in ("sqlalchemy", "sqlalchemy.orm", "tilsyn.store.models", "tilsyn.services.users")
               if m in sys.modules)
button = startup.session.login_window.login_view.ui.login_button
wait(app, lambda: startup.ready and button.isEnabled())
ready = mark()
heavy = sorted(m for m in ("alembic", "reportlab", "tilsyn.services.supervision", "tilsyn.services.exports")
               if m in sys.modules)
wait(app, startup.warmed.is_set)
warmed = mark()
t0, c0 = time.monotonic(), cpu()
actor = startup.session.users.login(username, password)  # the password hash: not part of the target
t1, c1 = time.monotonic(), cpu()
startup.session.login_window.logged_in.emit(actor)
window = startup.session.window
seen_main = painted(window)
wait(app, lambda: seen_main.done)
assert window.isVisible()
main = mark()
startup.close()
print(json.dumps({"login": login, "ready": ready, "warmed": warmed, "hash": [t1 - t0, c1 - c0],
                  "after_login": [main["at"] - t1, main["cpu"] - c1], "early": early, "heavy_at_ready": heavy}))
"""


def prepare(db: Path) -> None:
    """A demo database at the current revision, so the start needs no upgrade (the usual case)."""
    from tilsyn.services.app import close_app, open_app
    from tilsyn.services.demo import DemoService

    if db.exists():
        return
    opened = open_app(str(db))
    try:
        DemoService(opened.context).fill_unattended()
    finally:
        close_app(opened.context)


def run(code: str, *args: str) -> tuple[float, dict]:
    # Bytecode as an installed app has it (pip and PyInstaller compile the modules): written once to
    # a cache of its own by the warm-up run, even where PYTHONDONTWRITEBYTECODE is set.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT,
                         check=False, timeout=300)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    return t0, json.loads(out.stdout.strip().splitlines()[-1])


PYCACHE = Path(tempfile.gettempdir()) / "tilsyn-cold-start-pycache"


def main() -> None:
    from tilsyn.services.demo_force import DEMO_PASSWORD

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=9)
    p.add_argument("--db", type=Path, default=Path("/tmp/tilsyn-cold-start.sqlite"))
    p.add_argument("--user", default="sagsbehandler")
    a = p.parse_args()
    prepare(a.db)
    app_args = (str(a.db), a.user, DEMO_PASSWORD)
    # Warm the file cache and the bytecode cache, as a second start would find them.
    run(BARE), run(APP, *app_args, "0"), run(APP, *app_args, "1")
    rows: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        rows.setdefault(key, []).append(value)

    early: set[str] = set()
    heavy: set[str] = set()
    for _ in range(a.runs):
        t0, bare = run(BARE)
        t1, app = run(APP, *app_args, "0")
        t2, entry = run(APP, *app_args, "1")
        bw, bc = bare["shown"]["at"] - t0, bare["shown"]["cpu"]
        add("bare_wall", bw)
        add("bare_cpu", bc)
        for name, point in (("login", "login"), ("ready", "ready"), ("warmed", "warmed")):
            add(f"{name}_wall", app[point]["at"] - t1)
            add(f"{name}_cpu", app[point]["cpu"])
            add(f"{name}_ratio_wall", (app[point]["at"] - t1) / bw)
            add(f"{name}_ratio_cpu", app[point]["cpu"] / bc)
        add("entry_login_wall", entry["login"]["at"] - t2)
        add("entry_login_cpu", entry["login"]["cpu"])
        add("entry_ratio_wall", (entry["login"]["at"] - t2) / bw)
        add("entry_ratio_cpu", entry["login"]["cpu"] / bc)
        add("after_wall", app["after_login"][0])
        add("after_cpu", app["after_login"][1])
        add("hash_wall", app["hash"][0])
        early |= set(app["early"])
        heavy |= set(app["heavy_at_ready"])
    med = {k: statistics.median(v) for k, v in rows.items()}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cold start, median of {a.runs} rounds, load average {load:.1f} on {os.cpu_count()} cores")
    print(f"{'':44s} {'wall s':>8s} {'cpu s':>8s} {'x wall':>7s} {'x cpu':>7s}")

    def line(label: str, key: str, ratio: str | None = None) -> None:
        r = f" {med[ratio + '_wall']:7.2f} {med[ratio + '_cpu']:7.2f}" if ratio else ""
        print(f"{label:44s} {med[key + '_wall']:8.3f} {med[key + '_cpu']:8.3f}{r}")

    print(f"{'bare PySide6 window':44s} {med['bare_wall']:8.3f} {med['bare_cpu']:8.3f} {1:7.2f} {1:7.2f}")
    line("login window shown (target <= 3.5 x)", "login", "login_ratio")
    line("  the same through tilsyn/__main__.py", "entry_login", "entry_ratio")
    line("database open, 'Log ind' enabled", "ready", "ready_ratio")
    line("main window's modules warmed", "warmed", "warmed_ratio")
    line("main window after the login (<= 0.3 s)", "after")
    print(f"{'  (password hash, not counted)':44s} {med['hash_wall']:8.3f}")
    print("imported when the login window is shown: " + (", ".join(sorted(early)) or "no ORM, no services"))
    print("imported when 'Log ind' is enabled: " + (", ".join(sorted(heavy)) or "no alembic, reportlab, exports or supervision"))
    print(json.dumps({k: round(v, 3) for k, v in med.items()}))


if __name__ == "__main__":
    main()
