"""Benchmark: each screen's query at 2 and at 10 years of history (DESIGN.md section 7, issue 14).

Two databases over the same care homes and residents, one with 2 years of history and one with
10, bulk-loaded with Core inserts (the services would take an hour). The pending work (this
month's and last month's open forms, the inbox, late registrations, permits ending soon, the next
visits) is the same in both; only the closed history differs. Then the services answer as the
users would ask, alternating between the two databases so that a machine whose speed drifts
affects both alike, and the script prints each screen's median wall time at both sizes, their
ratio (target: at most 1.3) and the CPU time at 10 years (target: under 50 ms at 10 years x 100
homes x 6,000 residents).

    .venv/bin/python benchmarks/queries.py                      # SQLite files in /tmp/tilsyn-bench
    .venv/bin/python benchmarks/queries.py --homes 20 --residents-per-home 60
    .venv/bin/python benchmarks/queries.py --db postgresql+psycopg://user@/bench?host=/tmp
    .venv/bin/python benchmarks/queries.py --sql                # also each statement's time at 10 years

With ``--db`` a PostgreSQL URL names a server database; the script creates ``<name>_2y`` and
``<name>_10y`` beside it (and drops them first when they exist). SQLite files are kept and reused
while the scale flags are the same (``--rebuild`` to start over).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import statistics
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, event, insert, text, update
from sqlalchemy.engine import make_url

from tilsyn.domain.roles import Actor, Role
from tilsyn.services.app import close_app, open_app
from tilsyn.services.audit import AuditService
from tilsyn.services.force import ForceService
from tilsyn.services.supervision.service import SupervisionService
from tilsyn.store.models import (AuditEntry, AuditHead, CareHome, Municipality, Permit, PermitForceType, Resident,
                                 Signature)
from tilsyn.store.models_force import Episode, ForceForm, ReopenRequest
from tilsyn.store.models_supervision import SupervisionProgramme, Visit

TYPES = ["125_alarm", "125_door", "127_retention", "128_belts", "126a_hygiene"]
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=dt.timezone.utc)
LAST_YEAR = 2026
UTC = dt.timezone.utc
NS = uuid.UUID("6f1c3c8e-2d8a-4b7e-9a53-0c7a1f0e5b11")


def uid(*parts) -> uuid.UUID:
    """The same id for the same record in both databases."""
    return uuid.uuid5(NS, "/".join(map(str, parts)))


def _rng(*parts) -> random.Random:
    return random.Random(int.from_bytes(hashlib.blake2b("/".join(map(str, parts)).encode(), digest_size=8).digest()))


def rows_for(homes: int, per_home: int, years: int, seed: int = 1) -> dict:
    """Every row of a municipality with ``years`` of history ending in November 2026.

    Each record's random choices come from its own seeded generator, so the months both
    databases hold are identical, and a longer history only adds closed months before them."""
    first_year = LAST_YEAR - years + 1
    muni = uid("muni")
    out: dict[type, list[dict]] = {t: [] for t in (Municipality, CareHome, Resident, Permit, PermitForceType,
                                                   ForceForm, Episode, Signature, ReopenRequest, AuditEntry,
                                                   SupervisionProgramme, Visit)}
    stamp = dict(created_at=NOW, updated_at=NOW)
    out[Municipality].append(dict(id=muni, name="Benchkommune", code="", **stamp))
    home_ids = [uid("home", h) for h in range(homes)]
    for h, hid in enumerate(home_ids):
        out[CareHome].append(dict(id=hid, municipality_id=muni, name=f"Plejecenter {h:03d}", kind="municipal",
                                  address="", postal_code="7100", city="Vejle", **stamp))
    audit: list[tuple[dt.datetime, str, str]] = []
    for i in range(homes * per_home):
        rid, home = uid("res", i), home_ids[i % homes]
        r = _rng(seed, "res", i)
        out[Resident].append(dict(id=rid, cpr=f"{1 + i % 28:02d}{1 + i % 12:02d}{30 + i % 20:02d}{i % 10000:04d}",
                                  name=f"Beboer {i:06d}", address="", postal_code="", city="", care_home_id=home,
                                  unit_id=None, room=str(i % 60), move_in=dt.date(2010, 1, 1), move_out=None,
                                  acting_municipality="", residence_municipality="", contact_person="", **stamp))
        audit.append((dt.datetime(first_year, 1, 2, tzinfo=UTC), "resident", str(rid)))
        for year in range(first_year, LAST_YEAR + 1):
            audit.append((dt.datetime(year, 6, 1, tzinfo=UTC), "resident", str(rid)))
        if r.random() > 0.2:
            continue
        codes = r.sample(TYPES, 2)
        ends = dt.date(2026, 11, 1) + dt.timedelta(days=r.randint(0, 240))
        for year in range(first_year, LAST_YEAR + 1):  # a permit a year, the last one ending at some point
            pid = uid("permit", i, year)
            out[Permit].append(dict(id=pid, resident_id=rid, prerequisites="x", valid_from=dt.date(year, 1, 1),
                                    valid_to=ends if year == LAST_YEAR else dt.date(year, 12, 31),
                                    decision_reference="", catalogue_version="2010", **stamp))
            out[PermitForceType] += [dict(permit_id=pid, type_code=c) for c in codes]
        for year in range(first_year, LAST_YEAR + 1):
            for month in range(1, 13):
                m = _rng(seed, "month", i, year, month)
                if (year, month) > (2026, 11) or m.random() < 0.5:
                    continue
                fid = uid("form", i, year, month)
                # Sent in the first days of the next month, processed some weeks later.
                sent = (dt.datetime(year + month // 12, month % 12 + 1, 1, 8, tzinfo=UTC)
                        + dt.timedelta(hours=m.randint(0, 200))) if (year, month) < (2026, 10) else None
                processed = sent + dt.timedelta(days=m.randint(10, 30), hours=m.randint(0, 8)) \
                    if (year, month) < (2026, 9) else None
                out[ForceForm].append(dict(
                    id=fid, kind="monthly", resident_id=rid, care_home_id=home, year=year, month=month,
                    template_version="vejle-2011", catalogue_version="2010", not_covered_reason="",
                    sent_at=sent, processed_at=processed, **stamp))
                audit.append((dt.datetime(year, month, 28, tzinfo=UTC), "force_form", str(fid)))
                for section in (2, 3, 4) if processed else (2, 3) if sent else (2,) if m.random() < 0.5 else ():
                    out[Signature].append(dict(
                        id=uid("sig", fid, section), entity_type="force_form", entity_id=str(fid), section=section,
                        user_id=None, signer_name="Bench", role="leader", signed_at=sent or NOW,
                        template_version="vejle-2011", content="{}", earlier_hashes="[]", hash="0" * 64,
                        voided_at=None, voided_by="", void_reason=""))
                for k in range(m.randint(1, 3)):
                    t = dt.datetime(year, month, m.randint(1, 28), m.randint(0, 23), tzinfo=UTC)
                    late = m.random() < 0.05
                    out[Episode].append(dict(
                        id=uid("ep", fid, k), resident_id=rid, form_id=fid, catalogue_version="2010",
                        force_type=codes[0], situation="", started_at=t, ended_at=None, description="x",
                        registered_at=t + dt.timedelta(days=10) if late else t, late=late,
                        late_reason="glemt" if late else "", **stamp))
                if (year, month) == (2026, 10) and m.random() < 0.1:
                    out[ReopenRequest].append(dict(
                        id=uid("req", fid), form_id=fid, care_home_id=home, state="pending",
                        requested_at=NOW - dt.timedelta(days=2), requested_by=None, requested_by_name="Bench",
                        reason="fundet sent", episode="{}", **stamp))
    for year in range(first_year, LAST_YEAR + 2):
        pid = uid("programme", year)
        out[SupervisionProgramme].append(dict(id=pid, year=year, title=f"Tilsyn {year}", **stamp))
        for h, hid in enumerate(home_ids):
            v = _rng(seed, "visit", h, year)
            if year <= LAST_YEAR:
                day = dt.date(year, 3, 1) + dt.timedelta(days=v.randint(0, 200))
                out[Visit].append(dict(id=uid("visit", h, year), programme_id=pid, care_home_id=hid,
                                       planned_on=day, conducted_on=day, status="final",
                                       result=v.choice(["tilfredsstillende", "meget_tilfredsstillende"]), **stamp))
            elif h % 2 == 0:
                out[Visit].append(dict(id=uid("visit", h, year), programme_id=pid, care_home_id=hid,
                                       planned_on=dt.date(year, 2, 1 + h % 27), conducted_on=None, status="planned",
                                       result="", **stamp))
    audit.sort()
    for seq, (at, kind, eid) in enumerate(audit, start=1):
        out[AuditEntry].append(dict(seq=seq, at=at, actor_id=None, actor_name="Bench", action="update",
                                    entity_type=kind, entity_id=eid, changes="{}", changes_digest="0" * 64,
                                    redacted=False, reason="", prev_hash=f"{seq - 1:064x}", hash=f"{seq:063x}h"))
    return out


def build(url: str, homes: int, per_home: int, years: int) -> str:
    opened = open_app(url)
    engine = opened.context.extras["engine"]
    data = rows_for(homes, per_home, years)
    with engine.begin() as conn:
        for table, rows in data.items():
            for k in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[k:k + 5000])
        n = len(data[AuditEntry])
        conn.execute(update(AuditHead).values(seq=n, hash=f"{n:063x}h"))
        if engine.dialect.name == "postgresql":
            conn.execute(text("ANALYZE"))  # as autovacuum would; the app never runs ANALYZE on SQLite
    close_app(opened.context)
    return (f"{years:2d} years: {len(data[Resident])} residents, {len(data[Permit])} permits, "
            f"{len(data[ForceForm])} forms, {len(data[Episode])} episodes, {len(data[AuditEntry])} audit entries")


def prepare(base: str | None, directory: Path, homes: int, per_home: int, years: int, rebuild: bool) -> str:
    """The URL of a database with ``years`` of history, built when missing (or rebuilt)."""
    if base and base.startswith("postgresql"):
        u = make_url(base)
        name = f"{u.database}_{years}y"
        admin = create_engine(u, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = u.set(database=name).render_as_string(hide_password=False)
    else:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"bench-{homes}x{per_home}-{years}y.sqlite"
        url = f"sqlite:///{path}"
        if path.exists() and not rebuild:
            return url
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    print(build(url, homes, per_home, years), f"(built in {time.perf_counter() - t0:.0f} s)", flush=True)
    return url


class Screens:
    """The services of one database, as a caseworker, a leader and a consultant ask them."""

    def __init__(self, url: str) -> None:
        clock = lambda: NOW  # noqa: E731
        self.opened = open_app(url, clock=clock, actor=Actor("bench", "bench", "Bench", Role.CASEWORKER))
        ctx = self.opened.context
        with ctx.uow_factory() as uow:
            homes = sorted(uow.care_homes.list_all(), key=lambda h: h.name)
            self.home = str(homes[0].id)
            self.resident = str(uow.session.scalar(
                text("select resident_id from permit order by valid_to limit 1")))
        self.caseworker = ForceService(ctx)
        leader_open = open_app(url, clock=clock, actor=Actor("leader", "leader", "Leder", Role.LEADER,
                                                             frozenset({self.home})))
        consultant_open = open_app(url, clock=clock, actor=Actor("c", "c", "Konsulent", Role.CONSULTANT))
        admin_open = open_app(url, clock=clock, actor=Actor("a", "a", "Admin", Role.ADMIN))
        self.others = [leader_open, consultant_open, admin_open]
        self.leader = ForceService(leader_open.context)
        self.supervision = SupervisionService(consultant_open.context)
        self.audit = AuditService(admin_open.context)
        self.engines = [o.context.extras["engine"] for o in [self.opened, *self.others]]

    def queries(self) -> dict:
        cw, home, resident = self.caseworker, self.home, self.resident
        return {
            "month overview (one home, Oct 2026)": lambda: cw.month_overview(home, 2026, 10),
            "dashboard (leader, one home)": lambda: self.leader.dashboard(),
            "dashboard (caseworker, all homes)": lambda: cw.dashboard(),
            "caseworker inbox": lambda: cw.inbox(),
            "resident overview (whole history)": lambda: cw.resident_overview(resident),
            "history view (latest 200 + a resident)": lambda: (self.audit.latest(200),
                                                                self.audit.history(resident, "resident")),
            "supervision planning list": lambda: self.supervision.planning_overview(NOW.date()),
        }

    def close(self) -> None:
        for o in [self.opened, *self.others]:
            close_app(o.context)


def timed_pair(fa, fb, repeat: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """Alternate A and B ``repeat`` times each (after one warm-up call of each): wall and CPU seconds."""
    fa(), fb()
    out = ([], [], [], [])
    for _ in range(repeat):
        for k, f in ((0, fa), (2, fb)):
            w, c = time.perf_counter(), time.process_time()
            f()
            out[k + 1].append(time.process_time() - c)
            out[k].append(time.perf_counter() - w)
    return out


def statements(screens: Screens, fn) -> list[tuple[float, str]]:
    """Each SQL statement ``fn`` sends, with its time (the cursor's execute, not the Python around it)."""
    seen: list[tuple[float, str]] = []

    def before(conn, cursor, statement, params, context, executemany):
        conn.info["t0"] = time.perf_counter()

    def after(conn, cursor, statement, params, context, executemany):
        seen.append((time.perf_counter() - conn.info.pop("t0"), " ".join(statement.split())))

    for e in screens.engines:
        event.listen(e, "before_cursor_execute", before)
        event.listen(e, "after_cursor_execute", after)
    try:
        fn()
    finally:
        for e in screens.engines:
            event.remove(e, "before_cursor_execute", before)
            event.remove(e, "after_cursor_execute", after)
    return seen


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", help="a PostgreSQL server database URL (default: SQLite files in --dir)")
    p.add_argument("--dir", default="/tmp/tilsyn-bench", type=Path)
    p.add_argument("--homes", type=int, default=100)
    p.add_argument("--residents-per-home", type=int, default=60)
    p.add_argument("--years", type=int, nargs=2, default=[2, 10], metavar=("SHORT", "LONG"))
    p.add_argument("--repeat", type=int, default=7)
    p.add_argument("--rebuild", action="store_true")
    p.add_argument("--sql", action="store_true", help="print each statement's time at the longer history")
    a = p.parse_args()
    short, long_ = (prepare(a.db, a.dir, a.homes, a.residents_per_home, y, a.rebuild) for y in a.years)
    s, l_ = Screens(short), Screens(long_)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{a.homes} homes x {a.residents_per_home} residents, {s.opened.context.url.split(':')[0]}, "
          f"median of {a.repeat}, load average {load:.1f} on {os.cpu_count()} cores")
    # SQLite works inside this process, so its CPU time is the query's whole cost and is not moved
    # by other processes on a loaded machine; a PostgreSQL server's work is only in the wall time.
    judge = "cpu" if s.opened.context.url.startswith("sqlite") else "wall"
    print(f"{'screen':40s} {'wall ms':>15s} {'ratio':>6s} {'cpu ms':>15s} {'ratio':>6s}  verdict ({judge})")
    print(f"{'':40s} {a.years[0]:>6d} y {a.years[1]:>6d} y {'':6s} {a.years[0]:>6d} y {a.years[1]:>6d} y")
    worst = 0.0
    for (name, fs), fl in zip(s.queries().items(), l_.queries().values()):
        ws, cs, wl, cl = (statistics.median(x) * 1000 for x in timed_pair(fs, fl, a.repeat))
        rw, rc = (wl / ws if ws else float("nan")), (cl / cs if cs else float("nan"))
        ratio, ms = (rc, cl) if judge == "cpu" else (rw, wl)
        worst = max(worst, ratio)
        verdict = "OK" if ratio <= 1.3 and ms < 50 else ("RATIO" if ratio > 1.3 else "OVER 50 ms")
        print(f"{name:40s} {ws:8.1f} {wl:8.1f} {rw:6.2f} {cs:8.1f} {cl:8.1f} {rc:6.2f}  {verdict}", flush=True)
        if a.sql:
            for sec, stmt in sorted(statements(l_, fl), reverse=True)[:4]:
                print(f"    {sec * 1000:7.2f} ms  {stmt[:150]}")
    print(f"worst ratio {worst:.2f} (target at most 1.3)")
    print(json.dumps({"homes": a.homes, "per_home": a.residents_per_home, "worst_ratio": round(worst, 2)}))
    s.close()
    l_.close()


if __name__ == "__main__":
    main()
