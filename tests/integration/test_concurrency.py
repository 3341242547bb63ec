"""Several processes writing to one database at once (issue 9, point 5)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import queue
import time
import uuid

import pytest
from sqlalchemy import func, select

from concurrency_support import YEAR, register_first_episodes
from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.services.audit import AuditService
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.residents import PermitInput, ResidentService
from tilsyn.services.users import UserInput, UserService
from tilsyn.store.models_force import Episode, ForceForm

PROCESSES = 4
MONTHS = list(range(1, 11))  # ten months: every registration of a worker is the first of its month


@pytest.fixture
def resident(ctx):
    ctx.clock = lambda: dt.datetime(YEAR, 1, 1, 6, 0, tzinfo=dt.timezone.utc)
    home = CareHomeService(ctx).set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården")])[0]
    res = ResidentService(ctx)
    jens = res.save(None, ResidentInput("010130-1234", "Jens Hansen", home.id)).id
    res.save_permit(jens, None, PermitInput(("127_retention",), dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31), "Om natten"))
    users = UserService(ctx)
    users.create_first_admin("admin", "Anne Admin", "admin-kode")
    users.login("admin", "admin-kode")
    for i in range(PROCESSES):
        users.create_user(UserInput(f"staff{i}", f"Medarbejder {i}", "staff", "SSA", (home.id,)), f"kodeord-{i}")
    return jens


@pytest.mark.slow
def test_four_processes_register_first_episodes_of_a_month_without_losing_one(ctx, db_url, resident):
    mp = multiprocessing.get_context("spawn")
    barrier, results = mp.Barrier(PROCESSES), mp.Queue()
    workers = [
        mp.Process(target=register_first_episodes,
                   args=(db_url, f"staff{i}", f"kodeord-{i}", resident, MONTHS, barrier, results))
        for i in range(PROCESSES)
    ]
    for p in workers:
        p.start()
    outcomes = []
    deadline = time.monotonic() + 240
    try:
        for _ in workers:
            outcomes.append(results.get(timeout=max(1.0, deadline - time.monotonic())))
    except queue.Empty:
        pytest.fail(f"only {len(outcomes)} of {PROCESSES} workers reported")
    finally:
        for p in workers:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
    errors = [e for _, errs in outcomes for e in errs]
    assert errors == []
    assert sum(len(stored) for stored, _ in outcomes) == PROCESSES * len(MONTHS)

    ctx.clock = lambda: dt.datetime(YEAR, 11, 1, tzinfo=dt.timezone.utc)
    UserService(ctx).login("admin", "admin-kode")
    with ctx.uow_factory() as uow:
        forms = uow.session.execute(
            select(ForceForm.month, func.count(Episode.id)).join(Episode, Episode.form_id == ForceForm.id)
            .where(ForceForm.resident_id == uuid.UUID(resident), ForceForm.kind == "monthly")
            .group_by(ForceForm.id, ForceForm.month)
        ).all()
    # One form per month, holding every worker's episode.
    assert sorted(forms) == [(month, PROCESSES) for month in MONTHS]
    report = AuditService(ctx).verify()
    assert report.ok, (report.chain_faults[:3], report.signature_faults[:3])
