"""Progress and cancel of a pack and an unpack (issue 11, point 7), at the service level.

A cancel at any stage before the commit leaves every table of the database exactly as it was
(no file written, no number used; an unpack rolled back) and the same pack or file run again
works in full. Progress only goes up and ends at 100 %; from "Gemmer …" on, nothing asks for a
cancel any more. The hub is SQLite or PostgreSQL (db_url); the care home's PC is a SQLite file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from integration.supervision_support import PW, D, build
from tilsyn.domain.exchange import SiteKind
from tilsyn.services.app import close_app, open_app
from tilsyn.services.exchange import (
    FIRST_UNPACK,
    ExchangeCancelled,
    Progress,
    SiteService,
    join,
    open_file,
    pack_file,
    read_start_file,
    register,
    unpack_file,
    unregister,
)
from tilsyn.services.exchange import records
from tilsyn.services.exchange.progress import TOTAL
from tilsyn.services.exchange.status import ExchangeService
from tilsyn.services.force import ForceService
from tilsyn.services.users import UserService
from tilsyn.store.models import Base, Setting
from tilsyn.store.models_exchange import ExchangeState
from tilsyn.store.models_force import ForceForm

START = "start-hemmelighed-1"
PC = "Pc Bakkegården"


class Sites:
    """The hub and Bakkegården's PC (joined, nothing exchanged yet), one shared clock."""

    def __init__(self, hub_url: str, folder: Path, world) -> None:
        self.folder = folder
        self.world = world
        clock = world.clock
        self.hub = open_app(hub_url, clock=lambda: clock["now"]).context
        self.pc = open_app(str(folder / "bakke.sqlite"), clock=lambda: clock["now"]).context
        UserService(self.hub).login("admin", PW)
        self.files = 0

    def out(self) -> Path:
        self.files += 1
        return self.folder / f"fil-{self.files}.tilsyn"

    def close(self) -> None:
        close_app(self.hub)
        close_app(self.pc)


@pytest.fixture
def sites(db_url, tmp_path):
    opened = open_app(db_url)
    w = build(opened.context)
    w.login("admin")
    svc = SiteService(opened.context)
    svc.init_hub("Vejle Kommune")
    svc.enrol(PC, SiteKind.CARE_HOME, ["Bakkegården"], START, tmp_path / "bakke.start")
    close_app(opened.context)
    join(read_start_file(tmp_path / "bakke.start", START), str(tmp_path / "bakke.sqlite"), None)
    s = Sites(db_url, tmp_path, w)
    yield s
    s.close()


def snapshot(ctx) -> dict[str, list]:
    """Every row of every table: 'nothing written' means this is unchanged."""
    with ctx.uow_factory() as uow:
        return {t.name: sorted(repr(tuple(r)) for r in uow.session.execute(select(t)))
                for t in Base.metadata.sorted_tables}


class Watch:
    """A Progress that records every report and trips ``is_cancelled`` where told."""

    def __init__(self, trip=lambda watch: False) -> None:
        self.trip = trip
        self.reports: list[tuple[int, int, str]] = []
        self.checks = 0
        self.in_stage = 0  # cancel checks so far in the current stage
        self._checked_stage = None
        self.committed_at: int | None = None  # len(reports) when committing() was called
        self.checks_after_commit = 0

    @property
    def stage(self) -> str:
        return self.reports[-1][2] if self.reports else ""

    def report(self, done: int, total: int, stage: str) -> None:
        self.reports.append((done, total, stage))

    def is_cancelled(self) -> bool:
        self.checks += 1
        self.in_stage = self.in_stage + 1 if self._checked_stage == self.stage else 1
        self._checked_stage = self.stage
        if self.committed_at is not None:
            self.checks_after_commit += 1
        return bool(self.trip(self))

    def committing(self) -> None:
        assert self.committed_at is None, "committing() twice"
        self.committed_at = len(self.reports)

    def progress(self) -> Progress:
        return Progress(self.report, self.is_cancelled, self.committing)

    def stages(self) -> list[str]:
        out: list[str] = []
        for _, _, stage in self.reports:
            if not out or out[-1] != stage:
                out.append(stage)
        return out


def assert_full_course(w: Watch, finished: str) -> None:
    """Monotonic, one total, ends at total with ``finished``; "Gemmer …" after committing()."""
    assert w.reports, "no progress reported"
    dones = [d for d, _, _ in w.reports]
    assert dones == sorted(dones), dones
    assert {t for _, t, _ in w.reports} == {TOTAL}
    assert w.reports[-1] == (TOTAL, TOTAL, finished)
    assert w.committed_at is not None
    assert w.reports[w.committed_at][2] == "Gemmer …"
    assert w.reports[w.committed_at][0] < TOTAL  # the commit is still to come
    assert w.checks_after_commit == 0  # past the point of no return nothing asks for a cancel
    assert all(stage.endswith("…") or stage.endswith(".") for _, _, stage in w.reports)


def cancel_at_every_stage(run, ctx, check_nothing_written=lambda: None) -> tuple[list[str], Watch, object]:
    """Run ``run(progress)`` cancelling at each new stage in turn (at its first cancel check),
    asserting after each that nothing was written; the run that meets no new stage completes.
    Returns the stages cancelled at, the completing run's Watch and its result."""
    before = snapshot(ctx)
    tried: list[str] = []
    for _ in range(200):
        w = Watch(lambda watch: watch.stage not in tried)
        try:
            result = run(w.progress())
        except ExchangeCancelled:
            assert w.stage not in tried
            tried.append(w.stage)
            assert w.committed_at is None  # cancelled before the point of no return
            assert snapshot(ctx) == before, f"something was written when cancelled at {w.stage!r}"
            check_nothing_written()
            continue
        return tried, w, result
    raise AssertionError("the run never completed")


def cancel_at_check(run, ctx, n: int) -> None:
    """Cancel at the ``n``-th cancel check (mid-table, or the last one before the commit)."""
    before = snapshot(ctx)
    w = Watch(lambda watch: watch.checks >= n)
    with pytest.raises(ExchangeCancelled):
        run(w.progress())
    assert snapshot(ctx) == before


def test_cancel_at_every_stage_of_the_hubs_pack_writes_nothing_and_a_rerun_packs_in_full(sites):
    hub, out = sites.hub, sites.out()

    def run(progress):
        return ExchangeService(hub).pack(PC, out, progress=progress)

    def no_file():
        assert not out.exists()
        with hub.uow_factory() as uow:
            assert all(s.last_sent_seq == 0 for s in uow.session.scalars(select(ExchangeState)))

    # The very last check, after the file was written: the file must be gone again. (This run
    # also counts the checks of a whole course.)
    written = []

    def at_the_last_check(watch):
        if watch.stage == "Skriver filen …" and watch.in_stage == 2:
            written.append(out.exists())
            return True
        return False

    counting = Watch(at_the_last_check)
    with pytest.raises(ExchangeCancelled):
        run(counting.progress())
    assert written == [True]
    no_file()
    cancel_at_check(run, hub, counting.checks // 2)
    no_file()
    tried, w, packed = cancel_at_every_stage(run, hub, no_file)
    for stage in ("Forbereder udvekslingsfilen …", "Samler poster …", "Samler beboere …",
                  "Samler tilladelser …", "Samler månedsskemaer …", "Samler magtanvendelser …", "Samler sletninger …",
                  "Samler historikken …", "Krypterer og underskriver filen …", "Skriver filen …"):
        assert stage in tried, (stage, tried)
    assert "Gemmer …" not in tried
    assert_full_course(w, "Udvekslingsfilen er gemt.")
    assert w.stages()[-2:] == ["Gemmer …", "Udvekslingsfilen er gemt."]
    # The re-run packed in full: file nr. 1 with every record the PC may see, loadable there.
    assert out.exists() and packed.header.seq == 1
    sites.pc.user = FIRST_UNPACK
    applied = unpack_file(sites.pc, out, records.handler)
    assert applied.seq == 1 and applied.summary.counts.get("indsat", 0) == packed.kinds["records"]


def first_file(sites) -> tuple[Path, int]:
    out = sites.out()
    packed = ExchangeService(sites.hub).pack(PC, out)
    return out, packed.kinds["records"]


def test_cancel_at_every_stage_of_an_unpack_rolls_back_and_the_same_file_then_loads_fully(sites):
    pc = sites.pc
    path, n_records = first_file(sites)
    pc.user = FIRST_UNPACK

    def run(progress):
        return unpack_file(pc, path, records.handler, progress=progress)

    def nothing_received():
        with pc.uow_factory() as uow:
            assert all(s.last_received_seq == 0 for s in uow.session.scalars(select(ExchangeState)))

    cancel_at_check(run, pc, 40)  # in the middle of the rows
    # The very last check, just before the commit: still nothing written.
    last = Watch(lambda watch: watch.stage == "Registrerer kvitteringen …" and watch.in_stage == 2)
    with pytest.raises(ExchangeCancelled):
        run(last.progress())
    assert last.committed_at is None
    nothing_received()
    tried, w, applied = cancel_at_every_stage(run, pc, nothing_received)
    for stage in ("Læser filen …", "Kontrollerer filen …", "Kontrollerer underskriften …",
                  "Dekrypterer filen …", "Forbereder indlæsningen …", "Indlæser poster …", "Kontrollerer posterne …",
                  "Indlæser kommuner …", "Indlæser beboere …", "Indlæser månedsskemaer …",
                  "Indlæser magtanvendelser …", "Kontrollerer underskrifterne …", "Registrerer kvitteringen …"):
        assert stage in tried, (stage, tried)
    assert "Gemmer …" not in tried
    assert_full_course(w, "Udvekslingsfilen er indlæst.")
    # Applied in full: every record of the file is here now, nothing left out by the cancels.
    assert not applied.already_loaded and applied.seq == 1
    assert applied.summary.counts.get("indsat", 0) == n_records
    with pc.uow_factory() as uow:
        assert len(list(uow.session.scalars(select(ForceForm)))) == 2
    again = Watch()
    assert unpack_file(pc, path, records.handler, progress=again.progress()).already_loaded
    assert again.reports[-1] == (TOTAL, TOTAL, "Filen var allerede indlæst.")


def sign_february(sites) -> None:
    """At the PC: Pia signs section 2 of both February forms (they go to the hub with the next file)."""
    pc = sites.pc
    with pc.uow_factory() as uow:
        forms = [str(f.id) for f in uow.session.scalars(select(ForceForm).where(ForceForm.month == 2))]
    sites.world.at(D(2026, 3, 2))
    UserService(pc).login("pia", PW)
    for f in forms:
        ForceService(pc).sign_section(f, 2, PW)
    UserService(pc).login("lene", PW)


def test_the_care_homes_file_to_the_hub_cancelled_at_every_stage_both_ways(sites):
    """The PC's pack (records and its audit chain) and the hub's unpack of it: a rollback on the
    hub's backend (SQLite or PostgreSQL) at every stage, then the file applies in full."""
    path, _ = first_file(sites)
    sites.pc.user = FIRST_UNPACK
    unpack_file(sites.pc, path, records.handler)
    sites.pc.user = None
    sign_february(sites)
    out = sites.out()
    tried, w, packed = cancel_at_every_stage(
        lambda progress: pack_file(sites.pc, None, out=out, progress=progress), sites.pc,
        lambda: not out.exists() or pytest.fail("a cancelled pack left its file"))
    assert {"Samler månedsskemaer …", "Samler underskrifter …", "Samler historikken …"} <= set(tried)
    assert_full_course(w, "Udvekslingsfilen er gemt.")
    assert set(packed.kinds) == {"records", "audit"}

    hub = sites.hub
    tried, w, applied = cancel_at_every_stage(
        lambda progress: ExchangeService(hub).unpack(out, progress=progress), hub)
    assert {"Indlæser månedsskemaer …", "Indlæser underskrifter …", "Indlæser historikken …",
            "Kontrollerer underskrifterne …"} <= set(tried)
    assert_full_course(w, "Udvekslingsfilen er indlæst.")
    assert applied.summary.counts.get("revisionsposter", 0) > 0
    assert applied.acknowledged_seq == 1 and applied.seq == 1  # the PC's receipt for the hub's file
    with hub.uow_factory() as uow:
        from tilsyn.store.models import Signature

        signed = [s for s in uow.session.scalars(select(Signature).where(Signature.section == 2))
                  if s.voided_at is None]
        assert len(signed) == 2


def test_a_cancel_asked_for_while_saving_is_not_taken(sites):
    """From "Gemmer …" on the work is finished: a cancel then (the user's late click) changes
    nothing, and it is never even asked."""
    hub, out = sites.hub, sites.out()
    w = Watch(lambda watch: watch.committed_at is not None)
    packed = ExchangeService(hub).pack(PC, out, progress=w.progress())
    assert out.exists() and packed.header.seq == 1
    assert_full_course(w, "Udvekslingsfilen er gemt.")


def test_a_kind_without_progress_gets_a_stage_and_its_writes_roll_back_on_cancel(sites):
    """A payload kind registered without a ``progress`` keyword: "Samler data …" / "Indlæser
    data …" around it, and a cancel just after its applier ran undoes what it wrote."""
    name = "test_cancel_notes"

    def collect(uow, peer, since):
        return [{"id": "a", "text": "første"}, {"id": "b", "text": "anden"}]

    calls = []

    def apply(uow, sender, notes):
        for note in notes:
            uow.settings.set(f"note.{note['id']}", note["text"])
        uow.flush()
        calls.append(len(notes))
        return {"notes": len(notes)}

    register(name, collect, apply)
    try:
        out = sites.out()
        w = Watch()
        pack_file(sites.hub, PC, out=out, progress=w.progress())
        assert "Samler data …" in w.stages()
        pc = sites.pc
        pc.user = FIRST_UNPACK
        before = snapshot(pc)
        calls.clear()
        # The check after the applier ran (the kind's stage reported a second time, at its end).
        w = Watch(lambda watch: [s for _, _, s in watch.reports].count("Indlæser data …") >= 2)
        with pytest.raises(ExchangeCancelled):
            unpack_file(pc, out, records.handler, progress=w.progress())
        assert calls == [2]  # it had written both notes
        assert snapshot(pc) == before
        applied = unpack_file(pc, out, records.handler)
        assert applied.summary.counts["notes"] == 2
        with pc.uow_factory() as uow:
            assert {s.key: s.value for s in uow.session.scalars(select(Setting)) if s.key.startswith("note.")} == {
                "note.a": "første", "note.b": "anden"}
    finally:
        unregister(name)


def test_open_file_alone_reports_and_cancels_too(sites):
    path, _ = first_file(sites)
    sites.pc.user = FIRST_UNPACK
    data = path.read_bytes()
    w = Watch(lambda watch: watch.stage == "Dekrypterer filen …")
    with pytest.raises(ExchangeCancelled) as caught:
        open_file(sites.pc, data, progress=w.progress())
    assert caught.value.code == "exchange_unpack_cancelled"
    w = Watch()
    incoming = open_file(sites.pc, data, progress=w.progress())
    assert incoming.header.seq == 1 and w.reports[-1] == (TOTAL, TOTAL, "Filen er kontrolleret.")
    assert incoming.sender.name == "Vejle Kommune"
