"""Benchmark: month overview and dashboard on a big municipality (DESIGN.md section 7).

10 years x 100 care homes x 6,000 residents, about a fifth with permits and a year-round
trickle of episodes, bulk-loaded with Core inserts (not through the services: that would take
an hour). Then the services answer as a caseworker would ask. Target: under 100 ms each.

    .venv/bin/python benchmarks/queries.py [--db /tmp/bench.sqlite] [--homes 100] [--residents 6000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
import uuid
from pathlib import Path

from sqlalchemy import insert

from tilsyn.domain.roles import Actor, Role
from tilsyn.services.app import close_app, open_app
from tilsyn.services.force import ForceService
from tilsyn.store.models import CareHome, Municipality, Permit, PermitForceType, Resident
from tilsyn.store.models_force import Episode, ForceForm

TYPES = ["125_alarm", "125_door", "127_retention", "128_belts", "126a_hygiene"]


def build(db: str, homes: int, residents: int, years: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    opened = open_app(db)
    engine = opened.context.extras["engine"]
    now = dt.datetime(2026, 11, 23, 12, tzinfo=dt.timezone.utc)
    start_year = 2026 - years + 1
    muni = uuid.uuid4()
    home_ids = [uuid.uuid4() for _ in range(homes)]
    with engine.begin() as conn:
        conn.execute(insert(Municipality), [dict(id=muni, name="Benchkommune", code="", created_at=now,
                                                  updated_at=now)])
        conn.execute(insert(CareHome), [dict(id=h, municipality_id=muni, name=f"Plejecenter {i:03d}",
                                             kind="municipal", address="", postal_code="7100", city="Vejle",
                                             created_at=now, updated_at=now) for i, h in enumerate(home_ids)])
        res_rows, permit_rows, type_rows, form_rows, ep_rows = [], [], [], [], []
        for i in range(residents):
            rid = uuid.uuid4()
            home = home_ids[i % homes]
            res_rows.append(dict(id=rid, cpr=f"{1 + i % 28:02d}{1 + i % 12:02d}{30 + i % 20:02d}{1000 + i:04d}",
                                 name=f"Beboer {i:05d}", address="", postal_code="", city="", care_home_id=home,
                                 unit_id=None, room=str(i % 60), move_in=dt.date(start_year, 1, 1), move_out=None,
                                 acting_municipality="", residence_municipality="", contact_person="",
                                 created_at=now, updated_at=now))
            if rng.random() > 0.2:
                continue
            pid = uuid.uuid4()
            codes = rng.sample(TYPES, 2)
            permit_rows.append(dict(id=pid, resident_id=rid, prerequisites="x", valid_from=dt.date(start_year, 1, 1),
                                    valid_to=dt.date(2027, 6, 30), decision_reference="", catalogue_version="2010",
                                    created_at=now, updated_at=now))
            type_rows += [dict(permit_id=pid, type_code=c) for c in codes]
            for year in range(start_year, 2027):
                for month in range(1, 13):
                    if (year, month) > (2026, 11) or rng.random() < 0.5:
                        continue
                    fid = uuid.uuid4()
                    sent = (year, month) < (2026, 10)
                    form_rows.append(dict(id=fid, kind="monthly", resident_id=rid, care_home_id=home, year=year,
                                          month=month, template_version="vejle-2011", catalogue_version="2010",
                                          not_covered_reason="", sent_at=now if sent else None,
                                          processed_at=now if sent else None, created_at=now, updated_at=now))
                    for _ in range(rng.randint(1, 3)):
                        t = dt.datetime(year, month, rng.randint(1, 28), rng.randint(0, 23), tzinfo=dt.timezone.utc)
                        ep_rows.append(dict(id=uuid.uuid4(), resident_id=rid, form_id=fid, catalogue_version="2010",
                                            force_type=codes[0], situation="", started_at=t, ended_at=None,
                                            description="x", registered_at=t, late=rng.random() < 0.05,
                                            late_reason="", created_at=now, updated_at=now))
        for table, rows in ((Resident, res_rows), (Permit, permit_rows), (PermitForceType, type_rows),
                            (ForceForm, form_rows), (Episode, ep_rows)):
            for k in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[k:k + 5000])
    print(f"built: {homes} homes, {residents} residents, {len(form_rows)} forms, {len(ep_rows)} episodes")
    close_app(opened.context)


def timed(fn, repeat: int = 7) -> float:
    fn()  # warm the caches as a running app would be
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", default="/tmp/tilsyn-bench.sqlite")
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
        print(f"build took {time.perf_counter() - t0:.1f} s")
    opened = open_app(a.db, clock=lambda: dt.datetime(2026, 11, 23, 12, tzinfo=dt.timezone.utc),
                      actor=Actor("bench", "bench", "Bench", Role.CASEWORKER))
    svc = ForceService(opened.context)
    with opened.context.uow_factory() as uow:
        home = str(uow.care_homes.list_all()[0].id)
    results = {
        "month overview (one home, one month)": timed(lambda: svc.month_overview(home, 2026, 10)),
        "dashboard (caseworker, all homes)": timed(lambda: svc.dashboard()),
        "caseworker inbox": timed(lambda: svc.inbox()),
    }
    for name, ms in results.items():
        print(f"{name:45s} {ms:8.1f} ms  {'OK' if ms < 100 else 'OVER 100 ms'}")
    close_app(opened.context)


if __name__ == "__main__":
    main()
