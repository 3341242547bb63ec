"""Benchmark: `tilsyn verify` (chain, signatures, and the fold of the log against the data) on the
10-year database of benchmarks/queries.py (DESIGN.md section 7: seconds, not minutes).

queries.py bulk-loads its rows with Core inserts and no audit entries; this script then writes the
create entry the unit of work would have written for every row, so the log folds to the data as in
a real database. It prints the number of entries and rows and the time verify takes.

    .venv/bin/python benchmarks/verify.py [--db /tmp/tilsyn-bench-verify.sqlite] [--rebuild]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from queries import build  # noqa: E402
from tilsyn.domain.roles import SYSTEM  # noqa: E402
from tilsyn.services.app import close_app, open_app  # noqa: E402
from tilsyn.services.audit import AuditService  # noqa: E402
from tilsyn.store import audit as store_audit  # noqa: E402


def log_every_row(db: str, batch: int = 5000) -> int:
    """Append the create entry of every row (as the unit of work writes it) to the chain."""
    opened = open_app(db)
    written = 0
    with opened.context.uow_factory() as uow:
        session = uow.session
        for table, pk, _skip in store_audit.folded_tables():
            events = []
            for row in session.execute(select(table).order_by(*(table.c[c] for c in pk))):
                m = row._mapping
                changes = {k: [None, store_audit._value(k, v)] for k, v in m.items() if v is not None}
                events.append(store_audit.Event("create", table.name, str(m[pk[0]]), changes))
                if len(events) >= batch:
                    store_audit.append(session, events)
                    written += len(events)
                    events = []
            store_audit.append(session, events)
            written += len(events)
        uow.commit()
    close_app(opened.context)
    return written


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", default="/tmp/tilsyn-bench-verify.sqlite")
    p.add_argument("--homes", type=int, default=100)
    p.add_argument("--residents", type=int, default=6000)
    p.add_argument("--years", type=int, default=10)
    p.add_argument("--rebuild", action="store_true")
    a = p.parse_args()
    path = Path(a.db)
    if a.rebuild or not path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        t0 = time.perf_counter()
        build(a.db, a.homes, a.residents, a.years)
        n = log_every_row(a.db)
        print(f"build took {time.perf_counter() - t0:.1f} s ({n} create entries logged)")
    opened = open_app(a.db, actor=SYSTEM)
    svc = AuditService(opened.context)
    with opened.context.uow_factory() as uow:
        rows = sum(uow.session.execute(select(func.count()).select_from(t)).scalar_one()
                   for t, _pk, _skip in store_audit.folded_tables())
    t0 = time.perf_counter()
    report = svc.verify()
    took = time.perf_counter() - t0
    print(f"verify: {report.entries} entries, {rows} live rows, {report.signatures} signatures: "
          f"{took:.1f} s, ok={report.ok} (fold faults {report.data_fault_count})")
    close_app(opened.context)


if __name__ == "__main__":
    main()
