"""Benchmark: resident memory of the app with the 10-year database open and every page visited
(DESIGN.md section 7, issue 14, point 6; target under 300 MB).

The database is benchmarks/queries.py's 10-year municipality (built when missing). In a fresh
process (QT_QPA_PLATFORM=offscreen) a caseworker's and a consultant's main windows open on it and
show each page their role has, one after the other, as a user clicking through would; the script
prints the resident set after opening, after the pages and the peak, beside a bare PySide6 window
measured the same way.

    .venv/bin/python benchmarks/memory.py [--homes 100] [--residents-per-home 60]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, resource, sys
def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20
def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
if sys.argv[1] == "bare":
    w = QMainWindow(); w.show(); app.processEvents()
    print(json.dumps({"open": rss_mb(), "pages": rss_mb(), "peak": peak_mb()}))
    raise SystemExit
import datetime as dt
from tilsyn.domain.roles import Actor, Role
from tilsyn.services.app import open_app
from tilsyn.ui.main_window import PAGES, MainWindow
from tilsyn.ui.services_bundle import Services
now = dt.datetime(2026, 11, 23, 12, tzinfo=dt.timezone.utc)
out, windows = {}, []
for role in (Role.CASEWORKER, Role.CONSULTANT):
    opened = open_app(sys.argv[1], clock=lambda: now, actor=Actor(role.value, role.value, role.value, role))
    window = MainWindow(Services.build(opened.context), sys.argv[1])
    window.show(); app.processEvents()
    windows.append(window)
    out.setdefault("open", rss_mb())
    for index, key in enumerate(PAGES):
        if key not in window.hidden_pages:
            window.show_page(index); app.processEvents()
out.update(pages=rss_mb(), peak=peak_mb())
print(json.dumps(out))
"""


def child(arg: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", CHILD, arg], capture_output=True, text=True, env=env, check=False,
                         cwd=HERE.parent, timeout=900)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    sys.path.insert(0, str(HERE))
    from queries import prepare  # the same 10-year database as the query benchmark

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", default="/tmp/tilsyn-bench", type=Path)
    p.add_argument("--homes", type=int, default=100)
    p.add_argument("--residents-per-home", type=int, default=60)
    p.add_argument("--years", type=int, default=10)
    a = p.parse_args()
    url = prepare(None, a.dir, a.homes, a.residents_per_home, a.years, False)
    bare, app = child("bare"), child(url.removeprefix("sqlite:///"))
    print(f"memory, {a.years} years x {a.homes} homes x {a.residents_per_home} residents per home (SQLite)")
    print(f"{'':40s} {'RSS MB':>8s}")
    print(f"{'bare PySide6 window':40s} {bare['pages']:8.0f}")
    print(f"{'app, database open, main window':40s} {app['open']:8.0f}")
    print(f"{'app, every page visited (2 roles)':40s} {app['pages']:8.0f}   target < 300")
    print(f"{'app, peak':40s} {app['peak']:8.0f}   ratio to the target {app['peak'] / 300:.2f}")
    print(json.dumps({"bare": round(bare["pages"]), "open": round(app["open"]), "pages": round(app["pages"]),
                      "peak": round(app["peak"])}))


if __name__ == "__main__":
    main()
