"""Benchmark: ``tilsyn import-residents`` with 100,000 rows (issue 9: under 300 MB and under 30 s).

Generates a semicolon file the way Danish Excel writes it (Windows-1252, CRLF, every column),
sets up a municipality with 20 care homes in a fresh SQLite file, then runs the import twice in
a fresh process each (``python -m tilsyn import-residents``): the first creates every resident,
the second finds them all unchanged. Prints wall time and the child's peak RSS
(``resource.getrusage(RUSAGE_CHILDREN)``, POSIX only).

    .venv/bin/python benchmarks/import_residents.py [--rows 100000] [--dir /tmp/x] [--keep]
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tilsyn.domain.people import CareHomeInput  # noqa: E402
from tilsyn.services.app import close_app, open_app  # noqa: E402
from tilsyn.services.care_homes import CareHomeService  # noqa: E402

HOMES = 20
UNITS = ("Afsnit Nord", "Afsnit Syd", "Stuen")
HEADER = ("CPR", "Navn", "Adresse", "Postnummer", "By", "Plejecenter", "Afdeling", "Bolig", "Indflytning",
          "Fraflytning", "Handlekommune", "Opholdskommune", "Kontaktperson")


def cpr_of(i: int) -> str:
    """A distinct valid CPR number per row (1900s births, 7th digit 0-3)."""
    day, month, yy = 1 + i % 28, 1 + (i // 28) % 12, (i // 336) % 100
    serial = (i // 33600) % 4 * 1000 + i % 1000
    return f"{day:02d}{month:02d}{yy:02d}-{serial:04d}"


def write_file(path: Path, rows: int) -> None:
    with path.open("w", encoding="cp1252", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(HEADER)
        for i in range(rows):
            w.writerow((
                cpr_of(i), f"Åse Ørnsø Læssøe {i}", f"Bøgevej {i % 200}, st. tv.", "7100", "Vejle",
                f"Plejecenter {i % HOMES:02d}", UNITS[i % 3], str(i % 60), "01-03-2024", "",
                "Vejle Kommune", "Vejle Kommune", f"Søren \"Søs\" Ærø {i}",
            ))


def set_up(db: Path) -> None:
    opened = open_app(str(db))
    homes = [CareHomeInput(f"Plejecenter {h:02d}", "municipal", "Vej 1", "7100", "Vejle", UNITS)
             for h in range(HOMES)]
    CareHomeService(opened.context).set_up_municipality("Vejle Kommune", homes)
    close_app(opened.context)


def run_import(db: Path, file: Path) -> tuple[float, float, float, int, str]:
    """Wall seconds, CPU seconds, peak RSS in MB, exit code and output of one import in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tilsyn", "import-residents", "--db", str(db), str(file)],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    # ru_maxrss is the largest child so far: KiB on Linux, bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    if after.ru_maxrss <= before.ru_maxrss:
        print("note: this child's peak did not exceed an earlier child's; the figure is an upper bound")
    return wall, cpu, after.ru_maxrss / scale, done.returncode, (done.stdout + done.stderr).strip()[:500]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--dir", help="work folder (default: a new temporary folder)")
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    a = p.parse_args()
    tmp = None if a.dir else tempfile.TemporaryDirectory(prefix="tilsyn-import-bench-")
    work = Path(a.dir or tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    file, db = work / "beboere.csv", work / "tilsyn.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    write_file(file, a.rows)
    set_up(db)
    print(f"{a.rows:,} rows, {file.stat().st_size / 1e6:.1f} MB file".replace(",", "."))
    # How fast this machine runs Python right now (about 12-15 ms on an idle laptop), so a wall
    # time taken next to other work can be read for what it is.
    t0 = time.perf_counter()
    sum(range(10**6))
    print(f"machine: sum(range(10**6)) took {(time.perf_counter() - t0) * 1000:.0f} ms")
    for label in ("first import (all new)", "second import (all unchanged)"):
        wall, cpu, rss, rc, output = run_import(db, file)
        verdict = "OK" if rc == 0 and wall < 30 and rss < 300 else "OVER TARGET"
        # CPU time as well: on a busy machine the wall time says more about the neighbours.
        print(f"{label:32s} {wall:6.1f} s wall  {cpu:6.1f} s CPU  peak RSS {rss:6.0f} MB  exit {rc}  {verdict}")
        print(f"    {output}")
    if tmp is not None and not a.keep:
        tmp.cleanup()
    elif a.keep:
        print(f"kept {work}")


if __name__ == "__main__":
    main()
