"""The Udveksling page (issue 11, point 7) over real services on temp databases: the hub, a care
home's PC and a consultant's laptop, exchanging real files through the page's buttons."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from integration.supervision_support import PW, D, build
from tilsyn.domain.exchange import SiteKind
from tilsyn.messages import text_for
from tilsyn.services.app import close_app, open_app
from tilsyn.services.exchange import FIRST_UNPACK, SiteService, apply, join, open_file, pack_file, read_start_file
from tilsyn.services.exchange import records
from tilsyn.services.exchange.status import ExchangeService, Waiting, waiting_text
from tilsyn.services.force import ForceService
from tilsyn.services.supervision import SupervisionService
from tilsyn.services.users import UserService
from tilsyn.store.models import AuditEntry, Base, Signature
from tilsyn.store.models_force import ForceForm
from tilsyn.ui import workers
from tilsyn.ui.services_bundle import Services
from tilsyn.ui.views import exchange_view
from tilsyn.ui.views.exchange_view import ExchangeView

START = "start-hemmelighed-1"
LAPTOP_PASS = "baerbar-hemmelighed-1"
PEERS = {"bakke": "Pc Bakkegården", "laptop": "Bærbar Karl"}


class Net:
    """The hub, Bakkegården's PC and Karl's laptop, one shared clock; ``ctx(name)`` opens one."""

    def __init__(self, hub_url: str, folder: Path, world) -> None:
        self.urls = {"hub": hub_url, "bakke": str(folder / "bakke.sqlite"), "laptop": str(folder / "laptop.sqlite")}
        self.world = world
        self.clock = world.clock
        self.open: dict = {}

    def ctx(self, name: str):
        if name not in self.open:
            opened = open_app(self.urls[name], passphrase=LAPTOP_PASS if name == "laptop" else None,
                              clock=lambda: self.clock["now"])
            self.open[name] = opened.context
        return self.open[name]

    def login(self, name: str, who: str):
        ctx = self.ctx(name)
        UserService(ctx).login(who, PW)
        return ctx

    def exchange(self, src: str, dst: str) -> dict:
        sctx = self.ctx(src)
        if sctx.user is None:
            UserService(sctx).login({"hub": "admin", "bakke": "lene", "laptop": "karl"}[src], PW)
        packed = pack_file(sctx, PEERS.get(dst) if src == "hub" else None)
        dctx = self.ctx(dst)
        first = dctx.user is None
        if first:
            dctx.user = FIRST_UNPACK
        result = apply(dctx, open_file(dctx, packed.data), records.handler)
        if first:
            dctx.user = None
        return result.summary.counts

    def close(self) -> None:
        for ctx in self.open.values():
            close_app(ctx)
        self.open.clear()


@pytest.fixture
def net(db_url, tmp_path):
    """The hub on SQLite or PostgreSQL (db_url); the PC and the laptop are always files."""
    opened = open_app(db_url)
    w = build(opened.context)
    w.login("admin")
    svc = SiteService(opened.context)
    svc.init_hub("Vejle Kommune")
    svc.enrol("Pc Bakkegården", SiteKind.CARE_HOME, ["Bakkegården"], START, tmp_path / "bakke.start")
    svc.enrol("Bærbar Karl", SiteKind.LAPTOP, [], START, tmp_path / "laptop.start")
    close_app(opened.context)
    n = Net(db_url, tmp_path, w)
    join(read_start_file(tmp_path / "bakke.start", START), n.urls["bakke"], None)
    join(read_start_file(tmp_path / "laptop.start", START), n.urls["laptop"], LAPTOP_PASS)
    n.exchange("hub", "bakke")
    n.exchange("hub", "laptop")
    yield n
    n.close()


def sign_february(n: Net) -> list[str]:
    """At the PC: Pia signs section 2 of both February forms, then Lene is logged in again."""
    bakke = n.ctx("bakke")
    with bakke.uow_factory() as uow:
        forms = [str(f.id) for f in uow.session.scalars(select(ForceForm).where(ForceForm.month == 2))]
    n.world.at(D(2026, 3, 2))
    UserService(bakke).login("pia", PW)
    for f in forms:
        ForceService(bakke).sign_section(f, 2, PW)
    UserService(bakke).login("lene", PW)
    return forms


def view_for(qtbot, ctx, **kwargs) -> ExchangeView:
    services = Services.build(ctx)
    view = ExchangeView(services.exchange, services.conflicts, **kwargs)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    return view


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def wait_done(qtbot, view) -> None:
    qtbot.waitUntil(lambda: not view.busy, timeout=30000)


def test_the_page_shows_this_site_and_its_peers_with_the_last_exchange(qtbot, net):
    hub = net.login("hub", "admin")
    view = view_for(qtbot, hub)
    assert view.ui.site_label.text() == "Denne computer: Vejle Kommune (kommune)."
    table = view.ui.peers_table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Computer", "Slags", "Sendt", "Modtagelse bekræftet", "Modtaget"]
    rows = {cells(table, r)[0]: cells(table, r) for r in range(table.rowCount())}
    assert set(rows) == {"Bærbar Karl", "Pc Bakkegården"}
    bakke = rows["Pc Bakkegården"]
    assert bakke[1] == "plejecenter" and rows["Bærbar Karl"][1] == "bærbar"
    assert bakke[2].startswith("nr. 1, ") and " kl. " in bakke[2]
    assert bakke[3] == "–" and bakke[4] == "–"  # nothing back from the PC yet
    pc = view_for(qtbot, net.login("bakke", "lene"))
    assert pc.ui.site_label.text().startswith("Denne computer: Pc Bakkegården (plejecenter)")
    assert cells(pc.ui.peers_table, 0)[:2] == ["Vejle Kommune", "kommune"]
    assert cells(pc.ui.peers_table, 0)[4].startswith("nr. 1, ")
    assert view.ui.conflicts_label.text() == "Ingen konflikter." and not view.ui.keep_local_button.isEnabled()


def test_the_waiting_count_is_what_the_next_file_carries_and_reads_in_danish(qtbot, net):
    sign_february(net)
    bakke = net.ctx("bakke")
    waiting = ExchangeService(bakke).waiting()
    assert [w.peer for w in waiting] == ["Vejle Kommune"]
    counts = waiting[0].counts
    assert counts.get("force_form") == 2 and counts.get("signature") == 2
    assert waiting_text(waiting[0]).startswith("2 månedsskemaer")
    assert waiting_text(waiting[0]).endswith(" er ikke sendt til kommunen endnu.")
    view = view_for(qtbot, bakke)
    assert view.ui.waiting_label.text() == waiting_text(waiting[0])
    # The count is what pack sends: every record counted is in the file, nothing else.
    packed = pack_file(bakke, None)
    assert packed.kinds["records"] == waiting[0].total
    assert ExchangeService(bakke).waiting()[0].counts == {}
    view.refresh()
    assert view.ui.waiting_label.text() == "Alt er sendt til kommunen."


def test_waiting_text_words():
    one = Waiting("Vejle Kommune", "hub", {"force_form": 3})
    assert waiting_text(one) == "3 månedsskemaer er ikke sendt til kommunen endnu."
    two = Waiting("Pc Bakkegården", "care_home", {"signature": 1, "force_form": 1, "episode": 2, "episode_staff": 2})
    assert waiting_text(two) == ("1 månedsskema, 2 magtanvendelser og 1 underskrift er ikke sendt til "
                                 "Pc Bakkegården endnu.")
    assert waiting_text(Waiting("Vejle Kommune", "hub", {"episode_staff": 1})) == (
        "1 post er ikke sendt til kommunen endnu.")
    assert waiting_text(Waiting("Vejle Kommune", "hub", {})) == "Alt er sendt til kommunen."


def test_save_writes_a_file_and_load_applies_it_and_shows_the_summary(qtbot, net, tmp_path, monkeypatch):
    sign_february(net)
    pc = view_for(qtbot, net.ctx("bakke"))
    out = tmp_path / "til-kommunen.tilsyn"
    asked = {}

    def fake_save(parent, title, proposed, filter_):
        asked["title"], asked["proposed"] = title, proposed
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    pc.ui.pack_button.click()
    wait_done(qtbot, pc)
    assert out.exists() and out.stat().st_size > 0
    assert asked["title"] == "Gem udvekslingsfil" and asked["proposed"].endswith("til-Vejle-Kommune-nr-1.tilsyn")
    assert pc.ui.result_label.text().startswith(f"Udvekslingsfil nr. 1 til kommunen er gemt i {out}: ")
    assert pc.ui.error_label.isHidden() and not pc.ui.result_label.isHidden()
    assert pc.ui.waiting_label.text() == "Alt er sendt til kommunen."
    assert cells(pc.ui.peers_table, 0)[2].startswith("nr. 1, ")

    hub = view_for(qtbot, net.login("hub", "admin"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(out), "")))
    hub.ui.unpack_button.click()
    wait_done(qtbot, hub)
    text = hub.ui.result_label.text()
    assert text.startswith("Udvekslingsfilen (fil nr. 1 fra Pc Bakkegården) er indlæst: "), text
    assert "ændrede poster" in text or "nye poster" in text
    assert "historikposter" in text
    rows = {cells(hub.ui.peers_table, r)[0]: cells(hub.ui.peers_table, r) for r in range(2)}
    assert rows["Pc Bakkegården"][4].startswith("nr. 1, ")
    # The same file again: already loaded, nothing changed, said so.
    hub.ui.unpack_button.click()
    wait_done(qtbot, hub)
    assert hub.ui.result_label.text() == ("Udvekslingsfilen (fil nr. 1 fra Pc Bakkegården) var allerede indlæst. "
                                          "Intet er ændret.")


def test_a_refused_file_shows_its_danish_text(qtbot, net, tmp_path, monkeypatch):
    hub = view_for(qtbot, net.login("hub", "admin"))
    bad = tmp_path / "skrald.tilsyn"
    bad.write_bytes(b"not an exchange file at all")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(bad), "")))
    hub.ui.unpack_button.click()
    wait_done(qtbot, hub)
    text = hub.ui.error_label.text()
    assert not hub.ui.error_label.isHidden() and text and "Traceback" not in text and "Handlingen blev afvist" not in text
    assert hub.ui.result_label.isHidden()


def test_cancel_before_the_pack_starts_writes_nothing(qtbot, net, tmp_path, monkeypatch):
    def cancel_then_start(worker):
        worker.cancel()
        return workers.start(worker)

    pc = view_for(qtbot, net.login("bakke", "lene"), start=cancel_then_start)
    out = tmp_path / "aldrig.tilsyn"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out), "")))
    pc.ui.pack_button.click()
    wait_done(qtbot, pc)
    assert not out.exists()
    # The user's own choice, said plainly (not as an error).
    assert pc.ui.result_label.text() == "Afbrudt: udvekslingsfilen er ikke gemt. Intet er ændret."
    assert pc.ui.error_label.isHidden() and not pc.ui.result_label.isHidden()
    assert cells(pc.ui.peers_table, 0)[2] == "–"  # no file numbered


class DialogWatch(QObject):
    """Lives on the GUI thread and gets the worker's reports there (queued): records them with
    the state of the progress window, and presses its "Annuller" when ``press_at`` arrives."""

    def __init__(self, view: ExchangeView, press_at: str | None = None) -> None:
        super().__init__()
        self.view, self.press_at = view, press_at
        self.seen: list[tuple[int, str, bool, str]] = []  # percent, stage, cancel enabled, detail text
        self.pressed = False

    def start(self, worker):
        worker.progress.connect(self.on_progress)  # connected before the worker runs: nothing missed
        return workers.start(worker)

    @Slot(int, str)
    def on_progress(self, percent: int, stage: str) -> None:
        dialog = self.view.progress_dialog
        if dialog is None:
            return
        button = dialog.cancel_button
        self.seen.append((percent, stage, button.isEnabled(), dialog.detail_label.text()))
        if stage == self.press_at and not self.pressed:
            self.pressed = True
            button.click()


def hold_at(monkeypatch, stage: str) -> None:
    """The unpack's cancel check waits at ``stage`` until the window's "Annuller" has been pressed
    (the worker thread would otherwise race past it): a cancel that trips exactly there."""
    real = exchange_view.run_unpack

    def run(exchange, path, *, progress, is_cancelled):
        now = {"stage": ""}

        def report(percent, text="", **kw):
            now["stage"] = text
            progress(percent, text, **kw)

        def check():
            if now["stage"] == stage:
                deadline = time.monotonic() + 20
                while not is_cancelled() and time.monotonic() < deadline:
                    time.sleep(0.005)
            return is_cancelled()

        return real(exchange, path, progress=report, is_cancelled=check)

    monkeypatch.setattr(exchange_view, "run_unpack", run)


def database_rows(ctx) -> dict[str, list]:
    with ctx.uow_factory() as uow:
        return {t.name: sorted(repr(tuple(r)) for r in uow.session.execute(select(t)))
                for t in Base.metadata.sorted_tables}


def test_annuller_mid_unpack_rolls_back_and_says_so_then_the_same_file_loads(qtbot, net, tmp_path, monkeypatch):
    """Annuller pressed while the hub (SQLite or PostgreSQL) loads the PC's forms: nothing is
    changed, the page says so in Danish, and the same file then loads in full."""
    sign_february(net)
    out = tmp_path / "til-kommunen.tilsyn"
    pack_file(net.ctx("bakke"), None, out=out)
    hub_ctx = net.login("hub", "admin")
    before = database_rows(hub_ctx)
    watch = DialogWatch(None, press_at="Indlæser månedsskemaer …")
    hub = view_for(qtbot, hub_ctx, start=watch.start)
    watch.view = hub
    hold_at(monkeypatch, "Indlæser månedsskemaer …")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(out), "")))
    hub.ui.unpack_button.click()
    wait_done(qtbot, hub)
    assert watch.pressed
    stages = [stage for _, stage, _, _ in watch.seen]
    assert stages[:4] == ["Læser filen …", "Kontrollerer filen …", "Kontrollerer underskriften …",
                          "Dekrypterer filen …"]
    assert "Gemmer …" not in stages  # never got that far
    # The window showed each stage as it came, with "Annuller" on offer.
    assert all(enabled and detail == stage for _, stage, enabled, detail in watch.seen)
    assert hub.ui.result_label.text() == "Indlæsningen er afbrudt. Intet er ændret; filen kan indlæses igen."
    assert hub.ui.error_label.isHidden()
    assert database_rows(hub_ctx) == before
    rows = {cells(hub.ui.peers_table, r)[0]: cells(hub.ui.peers_table, r) for r in range(2)}
    assert rows["Pc Bakkegården"][4] == "–"  # nothing received
    assert hub.ui.pack_button.isEnabled() and hub.ui.unpack_button.isEnabled()

    monkeypatch.undo()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(out), "")))
    watch.press_at, watch.seen = None, []
    hub.ui.unpack_button.click()
    wait_done(qtbot, hub)
    assert hub.ui.result_label.text().startswith("Udvekslingsfilen (fil nr. 1 fra Pc Bakkegården) er indlæst: ")
    percents = [p for p, _, _, _ in watch.seen]
    assert percents == sorted(percents) and percents[-1] == 100
    with hub_ctx.uow_factory() as uow:
        assert len([s for s in uow.session.scalars(select(Signature).where(Signature.section == 2))
                    if s.voided_at is None]) == 2


def test_from_gemmer_on_annuller_is_withdrawn_and_a_press_changes_nothing(qtbot, net, tmp_path, monkeypatch):
    sign_february(net)
    out = tmp_path / "til-kommunen.tilsyn"
    pack_file(net.ctx("bakke"), None, out=out)
    hub_ctx = net.login("hub", "admin")
    watch = DialogWatch(None, press_at="Gemmer …")
    hub = view_for(qtbot, hub_ctx, start=watch.start)
    watch.view = hub
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(out), "")))
    hub.ui.unpack_button.click()
    wait_done(qtbot, hub)
    assert watch.pressed
    by_stage = {stage: enabled for _, stage, enabled, _ in watch.seen}
    assert by_stage["Gemmer …"] is False and by_stage["Kontrollerer underskriften …"] is True
    assert hub.ui.result_label.text().startswith("Udvekslingsfilen (fil nr. 1 fra Pc Bakkegården) er indlæst: ")


def make_conflict(n: Net):
    """The hub re-dates a visit while the laptop marks it conducted; the laptop's file arrives."""
    w = n.world
    hub = n.login("hub", "karl")
    svc = SupervisionService(hub)
    w.at(D(2026, 3, 2))
    programme = svc.create_programme(2026, theme_id="mindst-indgribende", sample_total=5, sample_min=2,
                                     sample_max=3, relatives_per_home=2)
    visit = svc.plan_visit(programme.id, w.homes[0], D(2026, 3, 10), consultant_ids=[w.consultants["karl"]])
    n.exchange("hub", "laptop")
    laptop = n.login("laptop", "karl")
    w.at(D(2026, 3, 10))
    SupervisionService(laptop).mark_conducted(visit.id, D(2026, 3, 10))
    svc.update_visit(visit.id, planned_on=D(2026, 3, 11), reason="Konsulenten er syg")
    assert n.exchange("laptop", "hub").get("konflikter") == 1
    return hub, visit


def test_a_conflict_shows_both_versions_and_is_resolved_with_a_reason(qtbot, net, monkeypatch):
    hub, visit = make_conflict(net)
    view = view_for(qtbot, hub)
    assert view.ui.conflicts_list.count() == 1
    assert view.ui.conflicts_list.item(0).text().startswith("Tilsynsbesøg · fra Bærbar Karl · ")
    assert view.ui.conflicts_label.text().startswith("1 post er ændret både her og på en anden computer.")
    ct = view.ui.conflict_table
    assert [ct.horizontalHeaderItem(c).text() for c in range(3)] == ["Felt", "Her", "Fra Bærbar Karl"]
    rows = {ct.item(r, 0).text(): (ct.item(r, 1).text(), ct.item(r, 2).text()) for r in range(ct.rowCount())}
    by_value = {v: k for k, v in rows.items()}
    assert rows["Planlagt dato"] == ("11-03-2026", "10-03-2026")  # here the hub's date, there the laptop's
    assert rows["Status"] == ("Planlagt", "Gennemført")
    assert by_value

    prompts = []
    answers = iter(["ok", None, "Besøget blev holdt den 10. marts"])

    def fake_reason(parent, title, prompt, ok_text):
        prompts.append((title, prompt, ok_text))
        return next(answers)

    monkeypatch.setattr(exchange_view, "ask_reason", fake_reason)
    view.ui.keep_incoming_button.click()  # too short: refused in Danish, nothing resolved
    from tilsyn.domain.errors import DomainError

    assert view.ui.error_label.text() == text_for(DomainError("conflict_reason_short", field="reason", min=5))
    assert view.ui.conflicts_list.count() == 1
    view.ui.keep_incoming_button.click()  # cancelled
    assert view.ui.conflicts_list.count() == 1
    changed = []
    view.changed.connect(lambda: changed.append(1))
    view.ui.keep_incoming_button.click()
    assert prompts[0] == ("Løs konflikt", "Hvorfor skal versionen fra Bærbar Karl gælde? Begrundelsen gemmes i "
                          "historikken.", "Tag den anden version")
    assert view.ui.conflicts_list.count() == 0 and view.ui.conflicts_label.text() == "Ingen konflikter."
    assert view.ui.result_label.text() == ("Konflikten (Tilsynsbesøg) er løst: versionen fra Bærbar Karl gælder. "
                                           "Løsningen sendes med den næste udvekslingsfil.")
    assert changed == [1]
    assert SupervisionService(hub).visit(visit.id).status == "conducted"
    with hub.uow_factory() as uow:
        entries = [e for e in uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "sync.resolve"))]
        assert [e.reason for e in entries] == ["Besøget blev holdt den 10. marts"]


def test_the_main_window_shows_udveksling_and_the_waiting_count_only_on_a_site(qtbot, net, services):
    from tilsyn.ui.main_window import PAGE_EXCHANGE, MainWindow

    plain = MainWindow(services, "gui.sqlite")
    qtbot.addWidget(plain)
    nav = plain.ui.nav_list
    assert "Udveksling" not in [nav.item(i).text() for i in range(nav.count())]
    assert "Udveksling" not in [a.text().replace("&", "") for a in plain.ui.view_menu.actions()]
    assert plain.exchange_status.isHidden()
    plain.show_page(PAGE_EXCHANGE)
    assert plain.current_page() != PAGE_EXCHANGE

    sign_february(net)
    window = MainWindow(Services.build(net.ctx("bakke")), "bakke.sqlite")
    qtbot.addWidget(window)
    window.show()
    item = window.ui.nav_list.item(PAGE_EXCHANGE)
    assert item.text() == "Udveksling" and not item.isHidden() and window.exchange_action.isVisible()
    status = window.exchange_status.text()
    assert status.startswith("2 månedsskemaer") and status.endswith("er ikke sendt til kommunen endnu.")
    window.show_page(PAGE_EXCHANGE)
    assert window.current_page() == PAGE_EXCHANGE and isinstance(window.page(PAGE_EXCHANGE), ExchangeView)
    # After a pack from the page the status bar says so.
    view = window.exchange_view
    pack_file(net.ctx("bakke"), None)
    view.changed.emit()
    assert window.exchange_status.text() == "" and window.exchange_status.isHidden()
