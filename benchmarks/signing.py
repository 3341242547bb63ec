"""Benchmark: signing a section and sending a form, apart from the password hash (issue 14, point 3).

On a copy of the demo database, a leader fills section 3 of each form waiting for it, signs it
(ForceService.sign_section: the Argon2id check of the password, then the signature, the audit
entry and the form's DTO) and sends it (send_to_authority). The password check alone is timed
in the same run (UserService.verify_current_password, the call sign_section makes), and printed
beside it: target under 0.3 s for each action without the hash. Medians over the forms; wall
and this process's CPU time (SQLite works in-process, so CPU is the whole cost on a loaded machine).

    .venv/bin/python benchmarks/signing.py [--forms 8] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import statistics
import tempfile
import time
from pathlib import Path

from tilsyn.domain.force import LeaderInput
from tilsyn.services.app import close_app, open_app
from tilsyn.services.demo import DemoService
from tilsyn.services.demo_force import DEMO_PASSWORD
from tilsyn.services.force import ForceService
from tilsyn.services.users import UserService, _hasher

LEADER = LeaderInput(necessity="Nødvendig for at undgå fald.", reflection="Drøftet med personalet.",
                     discussed_in_staff_group=False, action_plan_exists=True, leader_name="Lene Leder",
                     assessed_on=dt.date(2026, 11, 1))


def timed(fn) -> tuple[float, float]:
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--forms", type=int, default=8)
    p.add_argument("--profile", action="store_true", help="print the top of a cProfile of one signing")
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        opened = open_app(str(db))
        DemoService(opened.context).fill_unattended()
        close_app(opened.context)
        opened = open_app(str(db), actor=None)
        ctx = opened.context
        users, force = UserService(ctx), ForceService(ctx)
        users.login("leder1", DEMO_PASSWORD)
        waiting = [s.id for s in force.leader_queue() if s.status == "awaiting_leader"][:a.forms]
        if not waiting:
            raise SystemExit("the demo database has no form waiting for the leader")
        rows: dict[str, list[tuple[float, float]]] = {"hash": [], "sign": [], "send": []}
        for k, fid in enumerate(waiting):
            force.save_leader_section(fid, LEADER)
            rows["hash"].append(timed(lambda: users.verify_current_password(DEMO_PASSWORD)))
            if a.profile and k == 0:
                prof = cProfile.Profile()
                prof.runcall(force.sign_section, fid, 3, DEMO_PASSWORD)
                pstats.Stats(prof).sort_stats("cumulative").print_stats(20)  # not in the medians
            else:
                rows["sign"].append(timed(lambda: force.sign_section(fid, 3, DEMO_PASSWORD)))
            rows["send"].append(timed(lambda: force.send_to_authority(fid)))
        close_app(ctx)
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in rows.items()}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"signing and sending on the demo database, median of {len(waiting)} forms, "
          f"load average {load:.1f} on {os.cpu_count()} cores")
    print(f"Argon2id: m={_hasher.memory_cost // 1024} MiB, t={_hasher.time_cost}, p={_hasher.parallelism} "
          f"(OWASP minimum m=19 MiB, t=2, p=1)")
    print(f"{'':38s} {'wall ms':>8s} {'cpu ms':>8s}")
    print(f"{'password check (Argon2id) alone':38s} {med['hash'][0] * 1000:8.0f} {med['hash'][1] * 1000:8.0f}")
    sign = (med["sign"][0] - med["hash"][0], med["sign"][1] - med["hash"][1])
    print(f"{'sign section 3, without the hash':38s} {sign[0] * 1000:8.0f} {sign[1] * 1000:8.0f}  (target < 300)")
    print(f"{'send to the authority':38s} {med['send'][0] * 1000:8.0f} {med['send'][1] * 1000:8.0f}  (target < 300)")


if __name__ == "__main__":
    main()
