"""Benchmark: cold start to the login window and to the main window (DESIGN.md section 7, issue 14).

Each run starts a fresh interpreter (QT_QPA_PLATFORM=offscreen). The app's run goes the way
``tilsyn --db FILE`` goes (tilsyn.ui.app: the application, the database opened and checked, the
login window shown), then logs the demo caseworker in and shows the main window with its first
page. The yardstick is a bare PySide6 window started the same way, in turn with the app
(A B A B ...), so a machine whose speed drifts moves both alike. Printed: medians of wall and CPU
seconds (the child's own getrusage, so other processes on a loaded machine do not count),
the ratio login window / bare window (target: at most 3.5) and the main window's time after the
login, the password hash excluded (target: at most 0.3 s).

    .venv/bin/python benchmarks/cold_start.py [--runs 7] [--db /tmp/tilsyn-cold.sqlite]
    .venv/bin/python -X importtime -c "import tilsyn.ui.app, tilsyn.ui.login"   # what the imports cost
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Both children print one JSON line: monotonic clock readings (the same clock as the parent's on
# Linux and macOS) and their own CPU seconds at each point.
BARE = r"""
import json, resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(900, 600)
w.show()
app.processEvents()
print(json.dumps({"shown": time.monotonic(), "cpu": cpu()}))
"""

APP = r"""
import json, resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
db, username, password = sys.argv[1:4]
# What tilsyn.ui.app.run_gui and _run_window do, up to app.exec().
from tilsyn.ui.app import database_kind, display_location, make_application, open_database, parse_args
options = parse_args(["--db", db])
app = make_application(sys.argv[:1])
opened = open_database(options, lambda problem: None)
from tilsyn.ui.login import Session
from tilsyn.ui.main_window import MainWindow
from tilsyn.ui.services_bundle import Services
location = display_location(opened.url, opened.file)
session = Session(Services.build(opened.context),
                  lambda services: MainWindow(services, location, database_kind=database_kind(opened.url)), location)
session.start()
app.processEvents()
login = {"shown": time.monotonic(), "cpu": cpu()}
modules = sorted(m for m in ("alembic", "reportlab", "tilsyn.services.supervision", "tilsyn.services.exports")
                 if m in sys.modules)
t0, c0 = time.monotonic(), cpu()
actor = session.users.login(username, password)  # the password hash: not part of the target
t1, c1 = time.monotonic(), cpu()
session.login_window.logged_in.emit(actor)
app.processEvents()
assert session.window is not None and session.window.isVisible()
main = {"shown": time.monotonic(), "cpu": cpu()}
print(json.dumps({"login": login, "hash": [t1 - t0, c1 - c0], "after_login": [main["shown"] - t1, main["cpu"] - c1],
                  "heavy_at_login": modules}))
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
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT,
                         check=False, timeout=300)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    return t0, json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from tilsyn.services.demo_force import DEMO_PASSWORD

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--db", type=Path, default=Path("/tmp/tilsyn-cold-start.sqlite"))
    p.add_argument("--user", default="sagsbehandler")
    a = p.parse_args()
    prepare(a.db)
    run(BARE), run(APP, str(a.db), a.user, DEMO_PASSWORD)  # warm the file cache, as a second start is
    rows: dict[str, list[float]] = {k: [] for k in (
        "bare_wall", "bare_cpu", "login_wall", "login_cpu", "ratio_wall", "ratio_cpu", "after_wall", "after_cpu",
        "hash_wall")}
    heavy: set[str] = set()
    for _ in range(a.runs):
        t0, bare = run(BARE)
        t1, app = run(APP, str(a.db), a.user, DEMO_PASSWORD)
        bw, lw = bare["shown"] - t0, app["login"]["shown"] - t1
        rows["bare_wall"].append(bw)
        rows["bare_cpu"].append(bare["cpu"])
        rows["login_wall"].append(lw)
        rows["login_cpu"].append(app["login"]["cpu"])
        rows["ratio_wall"].append(lw / bw)
        rows["ratio_cpu"].append(app["login"]["cpu"] / bare["cpu"])
        rows["after_wall"].append(app["after_login"][0])
        rows["after_cpu"].append(app["after_login"][1])
        rows["hash_wall"].append(app["hash"][0])
        heavy |= set(app["heavy_at_login"])
    med = {k: statistics.median(v) for k, v in rows.items()}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cold start, median of {a.runs} pairs, load average {load:.1f} on {os.cpu_count()} cores")
    print(f"{'':34s} {'wall s':>8s} {'cpu s':>8s}")
    print(f"{'bare PySide6 window':34s} {med['bare_wall']:8.3f} {med['bare_cpu']:8.3f}")
    print(f"{'Tilsyn login window':34s} {med['login_wall']:8.3f} {med['login_cpu']:8.3f}")
    print(f"{'  ratio login / bare (<= 3.5)':34s} {med['ratio_wall']:8.2f} {med['ratio_cpu']:8.2f}")
    print(f"{'main window after login (<= 0.3)':34s} {med['after_wall']:8.3f} {med['after_cpu']:8.3f}")
    print(f"{'  (password hash, not counted)':34s} {med['hash_wall']:8.3f}")
    print(f"loaded before the login: {', '.join(sorted(heavy)) or 'no alembic, reportlab or page services'}")
    print(json.dumps({k: round(v, 3) for k, v in med.items()}))


if __name__ == "__main__":
    main()
