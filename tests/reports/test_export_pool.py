"""The monthly export renders in a process pool (issue 14, point 4): the same bytes as one process,
a renderer failing inside a worker is the same Danish refusal with nothing written, a small
export starts no pool, and the workers load neither Qt nor SQLAlchemy."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import shutil
from collections import defaultdict

import pytest

from tilsyn import cli
from tilsyn.domain.errors import DomainError
from tilsyn.domain.roles import SYSTEM_EXPORT
from tilsyn.messages import text_for
from tilsyn.reports import pool as pool_module
from tilsyn.services import exports as exports_module
from tilsyn.services.app import close_app, open_app
from tilsyn.services.audit import AuditService
from tilsyn.services.demo import DemoService
from tilsyn.services.exports import ExportService
from tilsyn.services.force import ForceService

CLOCK = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.timezone.utc)


class Exploding(str):
    """A value that breaks the renderer when it is drawn (str() is taken there, and only there).
    A module-level class, so a worker can unpickle it: the fault happens inside the worker."""

    def __str__(self) -> str:
        from reportlab.platypus.doctemplate import LayoutError

        raise LayoutError("Flowable <Table@0x7F00DEADBEEF 5 rows x 5 cols> too large on page 2")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """A demo municipality of three care homes and the month with sent forms in the most homes."""
    path = tmp_path_factory.mktemp("pool") / "demo.sqlite"
    opened = open_app(str(path), actor=None)
    try:
        DemoService(opened.context).fill_unattended(homes=3, residents_per_home=12)
        opened.context.user = SYSTEM_EXPORT
        by_month: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for s in ForceService(opened.context).inbox(include_processed=True):
            by_month[f"{s.year:04d}-{s.month:02d}"][s.care_home] += 1
    finally:
        close_app(opened.context)
    month = max(by_month, key=lambda k: (len(by_month[k]), sum(by_month[k].values()), k))
    assert len(by_month[month]) >= 3, dict(by_month[month])
    return path, month


@pytest.fixture
def copy_of(demo_file, tmp_path):
    """``copy_of(name)``: the context of a fresh copy of the demo database (same clock each)."""
    src, _ = demo_file
    opened = []

    def make(name: str):
        path = tmp_path / f"{name}.sqlite"
        shutil.copy(src, path)
        o = open_app(str(path), clock=lambda: CLOCK, actor=SYSTEM_EXPORT)
        opened.append(o.context)
        return o.context

    yield make
    for ctx in opened:
        close_app(ctx)


def tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def pool_starts(monkeypatch):
    """Worker counts of every pool the test starts."""
    started = []
    real = pool_module.PdfPool.start

    def start(self):
        started.append(self.workers)
        return real(self)

    monkeypatch.setattr(pool_module.PdfPool, "start", start)
    return started


def test_the_pool_writes_the_same_bytes_as_one_process_for_several_homes(demo_file, copy_of, tmp_path,
                                                                          pool_starts):
    _, month = demo_file
    one = ExportService(copy_of("one")).export_month(month, out_dir=tmp_path / "one", workers=1)
    assert pool_starts == []
    steps = []
    two = ExportService(copy_of("two")).export_month(month, out_dir=tmp_path / "two", workers=2,
                                                     progress=lambda done, total: steps.append((done, total)))
    assert pool_starts == [2]
    assert len(one.homes) >= 3 and one.homes == two.homes and one.forms == two.forms
    a, b = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert a.keys() == b.keys()
    receipt = one.receipt_file.name
    # The receipt carries the export's own audit entries (ids of their own); the files it lists
    # and their SHA-256 are the same.
    assert {k: v for k, v in a.items() if k != receipt} == {k: v for k, v in b.items() if k != receipt}
    assert json.loads(a[receipt])["files"] == json.loads(b[receipt])["files"]
    total = one.forms + len(one.homes)
    assert steps[0] == (0, total) and steps[-1] == (total, total)
    assert [d for d, _ in steps] == sorted({d for d, _ in steps})  # forward, each count once


def test_a_renderer_failing_in_a_worker_is_the_danish_refusal_and_writes_nothing(demo_file, copy_of, tmp_path,
                                                                               monkeypatch, caplog, pool_starts):
    _, month = demo_file
    ctx = copy_of("fail")
    homes = ExportService(ctx)._collect(exports_module.Month.parse(month), None)
    victim = [h for h in homes if h.forms][-1].forms[0]  # in the last care home
    real = exports_module.form_report_data

    def report_data(form, **kwargs):
        data = real(form, **kwargs)
        return dataclasses.replace(data, name=Exploding(data.name)) if form.id == victim.id else data

    # Report data is made in this process; the renderer only meets the value in a worker.
    monkeypatch.setattr(exports_module, "form_report_data", report_data)
    out = tmp_path / "ud"
    out.mkdir()
    (out / "tidligere.pdf").write_bytes(b"%PDF- et tidligere udtraek")
    before = tree(out)
    head = AuditService(ctx).head()
    with caplog.at_level(logging.ERROR, logger="tilsyn.services.exports"):
        with pytest.raises(DomainError) as exc:
            ExportService(ctx).export_month(month, out_dir=out, workers=2)
    assert pool_starts == [2]
    err = exc.value
    assert err.code == "export_render_failed"
    assert (err.params["form"], err.params["resident"], err.params["cpr"]) == (
        victim.id, victim.resident_name, victim.cpr_masked)
    text = text_for(err)
    assert f"for {victim.resident_name} ({victim.cpr_masked})" in text
    assert "kunne ikke dannes som PDF" in text and "ingen filer er skrevet" in text
    assert "Flowable" not in text and "Traceback" not in text
    assert tree(out) == before
    assert not [p for p in tmp_path.rglob(".tilsyn-*")]
    assert AuditService(ctx).head() == head
    # The worker's traceback is kept for support, in the log only.
    (record,) = [r for r in caplog.records if r.name == "tilsyn.services.exports"]
    detail = str(record.exc_info[1])
    assert "LayoutError" in detail and "too large on page 2" in detail
    assert "render_job" in detail  # the traceback is the worker's


def test_a_small_export_renders_in_this_process_without_a_pool(demo_file, copy_of, tmp_path, pool_starts,
                                                              monkeypatch):
    _, month = demo_file

    def no_pool(*args, **kwargs):
        raise AssertionError("a small export started a pool")

    monkeypatch.setattr(pool_module, "ProcessPoolExecutor", no_pool)
    result = ExportService(copy_of("small")).export_month(month, out_dir=tmp_path / "ud")
    assert 0 < result.forms < pool_module.POOL_MIN_FORMS
    assert pool_starts == [] and all(p.is_file() for p in result.files)


def test_a_replaced_renderer_renders_in_this_process_however_many_workers_are_asked_for(monkeypatch):
    assert ExportService.workers_for(200, 4) == 4
    monkeypatch.setattr(exports_module, "render_form", lambda data: b"")
    assert ExportService.workers_for(200, 4) == 1


def test_worker_count_is_one_for_a_small_export_and_the_cores_for_a_large_one(monkeypatch):
    monkeypatch.setattr(pool_module, "available_cores", lambda: 2)
    assert pool_module.worker_count(pool_module.POOL_MIN_FORMS - 1) == 1
    assert pool_module.worker_count(pool_module.POOL_MIN_FORMS) == 2
    assert pool_module.worker_count(3, requested=2) == 2 and pool_module.worker_count(500, requested=1) == 1
    monkeypatch.setattr(pool_module, "available_cores", lambda: 64)
    assert pool_module.worker_count(500) == pool_module.MAX_WORKERS
    monkeypatch.setattr(pool_module.sys, "frozen", True, raising=False)
    assert pool_module.worker_count(500) == 1 and pool_module.worker_count(500, requested=4) == 1


def test_the_workers_load_neither_qt_nor_sqlalchemy():
    with pool_module.PdfPool(1) as pool:
        pool.start()
        loaded = pool._executor.submit(
            eval, "sorted(m for m in __import__('sys').modules if m.split('.')[0] in "
                  "('PySide6', 'shiboken6', 'sqlalchemy', 'alembic', 'psycopg') or m.startswith('tilsyn.services'))"
        ).result(timeout=120)
        ready = pool._executor.submit(eval, "'reportlab.platypus' in __import__('sys').modules").result(timeout=120)
    assert loaded == [] and ready


def test_the_command_line_passes_workers_on(demo_file, tmp_path, monkeypatch, cli_login):
    src, month = demo_file
    db = tmp_path / "cli.sqlite"
    shutil.copy(src, db)
    cli_login("sagsbehandler")
    seen = []
    real = ExportService.export_month

    def export_month(self, *args, **kwargs):
        seen.append(kwargs.get("workers"))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ExportService, "export_month", export_month)
    assert cli.main(["export-month", "--db", str(db), "--month", month, "--out", str(tmp_path / "a"),
                     "--workers", "2"]) == 0
    assert cli.main(["export-month", "--db", str(db), "--month", month, "--out", str(tmp_path / "b")]) == 0
    assert seen == [2, None]


class Killing(str):
    """A value whose unpickling ends the worker process (as the OOM killer would)."""

    def __reduce__(self):
        import os

        return (os._exit, (3,))


def test_a_worker_that_dies_leaves_the_rest_to_this_process_with_the_same_bytes(demo_file, copy_of, tmp_path,
                                                                                monkeypatch, pool_starts, caplog):
    _, month = demo_file
    ExportService(copy_of("one")).export_month(month, out_dir=tmp_path / "one", workers=1)
    real = exports_module.form_report_data
    killed = []

    def report_data(form, **kwargs):
        data = real(form, **kwargs)
        if killed:
            return data
        killed.append(form.id)
        return dataclasses.replace(data, name=Killing(data.name))  # draws as the plain name here

    monkeypatch.setattr(exports_module, "form_report_data", report_data)
    with caplog.at_level(logging.WARNING, logger="tilsyn.services.exports"):
        result = ExportService(copy_of("two")).export_month(month, out_dir=tmp_path / "two", workers=2)
    assert pool_starts == [2] and killed
    assert any("PDF pool broke" in r.getMessage() for r in caplog.records)
    receipt = result.receipt_file.name
    a, b = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert {k: v for k, v in a.items() if k != receipt} == {k: v for k, v in b.items() if k != receipt}


def test_a_cancel_while_the_pool_renders_writes_nothing(demo_file, copy_of, tmp_path, pool_starts):
    _, month = demo_file
    out = tmp_path / "ud"
    steps = []
    with pytest.raises(exports_module.ExportCancelled):
        ExportService(copy_of("cancel")).export_month(month, out_dir=out, workers=2,
                                                      progress=lambda done, total: steps.append(done),
                                                      is_cancelled=lambda: bool(steps))
    assert pool_starts == [2]
    assert not out.exists() and not [p for p in tmp_path.rglob(".tilsyn-*")]
