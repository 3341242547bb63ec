"""Four sites (issue 11, points 2, 3, 5, 6): the hub (SQLite or PostgreSQL), the PCs of two care
homes and a consultant's laptop (SQLCipher), each its own database file, exchanging real exchange
files (signed, encrypted, numbered) through the services the CLI and the GUI call.

A full month: registration on Bakkegården's PC, the leader signs and sends, exchange, the
caseworker processes one form and sends the other back, exchange, the PC sees both. A full visit:
the draw at the hub, exchange to the laptop, refusal and replacement, interviews, findings, the
report draft, exchange back, the report at the hub. The laptop then holds no CPR number and no
episode text in any byte of its files; every chain verifies, the hub's verify covers each site's.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from supervision_support import CPRS, NARRATIVE, PW, RESIDENT_ANSWERS, D, answer, build
from tilsyn.domain.errors import DomainError
from tilsyn.domain.exchange import SiteKind
from tilsyn.domain.force import LeaderInput, AuthorityInput
from tilsyn.services.app import close_app, open_app
from tilsyn.services.audit import AuditService
from tilsyn.services.exchange import FIRST_UNPACK, SiteService, apply, join, open_file, pack_file, read_start_file
from tilsyn.services.exchange import records
from tilsyn.services.force import ForceService
from tilsyn.services.residents import ResidentService
from tilsyn.services.supervision import SupervisionService
from tilsyn.services.users import UserService
from tilsyn.store.models import Resident, Signature
from tilsyn.store.models_force import Episode, ForceForm
from tilsyn.store.models_sync import SyncConflict

START = "start-hemmelighed-1"
LAPTOP_PASS = "baerbar-hemmelighed-1"


class Sites:
    """The four databases with one shared clock; ``ctx(name)`` opens one (cached)."""

    def __init__(self, hub_url: str, folder: Path, clock: dict) -> None:
        self.urls = {"hub": hub_url, "bakke": str(folder / "bakke.sqlite"), "sol": str(folder / "sol.sqlite"),
                     "laptop": str(folder / "laptop.sqlite")}
        self.passphrase = {"laptop": LAPTOP_PASS}
        self.folder = folder
        self.clock = clock
        self.open: dict = {}

    def ctx(self, name: str, actor=None):
        if name not in self.open:
            opened = open_app(self.urls[name], passphrase=self.passphrase.get(name),
                              clock=lambda: self.clock["now"], actor=actor)
            self.open[name] = opened.context
        return self.open[name]

    def login(self, name: str, who: str):
        ctx = self.ctx(name)
        UserService(ctx).login(who, PW)
        return ctx

    def close(self) -> None:
        for ctx in self.open.values():
            close_app(ctx)
        self.open.clear()

    def exchange(self, src: str, dst: str) -> dict:
        """Pack at ``src`` for ``dst`` and unpack it there; returns the applied counts."""
        peer = {"bakke": "Pc Bakkegården", "sol": "Pc Solgården", "laptop": "Bærbar Karl"}.get(dst)
        sctx = self.ctx(src)
        if sctx.user is None:
            UserService(sctx).login("admin" if src == "hub" else self._someone(src), PW)
        packed = pack_file(sctx, peer if src == "hub" else None)
        dctx = self.ctx(dst)
        if dctx.user is None:
            dctx.user = FIRST_UNPACK
        result = apply(dctx, open_file(dctx, packed.data), records.handler)
        if dctx.user is FIRST_UNPACK:
            dctx.user = None
        return result.summary.counts

    @staticmethod
    def _someone(name: str) -> str:
        return {"bakke": "lene", "sol": "lars", "laptop": "karl"}[name]


@pytest.fixture
def sites(db_url, tmp_path):
    opened = open_app(db_url)
    w = build(opened.context)
    w.login("admin")
    hub = opened.context
    homes = {"bakke": "Bakkegården", "sol": "Solgården"}
    svc = SiteService(hub)
    svc.init_hub("Vejle Kommune")
    starts = {}
    for key, home in homes.items():
        starts[key] = tmp_path / f"{key}.start"
        svc.enrol(f"Pc {home}", SiteKind.CARE_HOME, [home], START, starts[key])
    starts["laptop"] = tmp_path / "laptop.start"
    svc.enrol("Bærbar Karl", SiteKind.LAPTOP, [], START, starts["laptop"])
    close_app(hub)
    s = Sites(db_url, tmp_path, w.clock)
    for key in ("bakke", "sol", "laptop"):
        join(read_start_file(starts[key], START), s.urls[key], LAPTOP_PASS if key == "laptop" else None)
    s.world = w
    for key in ("bakke", "sol", "laptop"):
        s.exchange("hub", key)
    yield s
    s.close()


def _rows(ctx, model, *where):
    with ctx.uow_factory() as uow:
        q = select(model).where(*where) if where else select(model)
        rows = list(uow.session.scalars(q))
        uow.session.expunge_all()  # plain values to read after the unit of work
        return rows


def _verify(ctx):
    from tilsyn.domain.roles import VERIFIER

    previous, ctx.user = ctx.user, VERIFIER
    try:
        return AuditService(ctx).verify()
    finally:
        ctx.user = previous


def _verify_all(s: Sites) -> None:
    for name in ("hub", "bakke", "sol", "laptop"):
        report = _verify(s.ctx(name))
        assert report.ok, (name, report.chain_faults[:3], report.data_faults[:3], report.binding_faults[:3],
                           report.signature_faults[:3], [c for c in report.site_chains if c.faults])


def test_a_full_month_between_a_care_home_pc_and_the_hub(sites):
    s, w = sites, sites.world
    bakke = s.login("bakke", "lene")
    # Each PC holds only its own home's residents.
    names = {r.name for r in _rows(bakke, Resident)}
    assert "Jens Ærø Hansen" in names and "Lis Lund" not in names
    assert {r.name for r in _rows(s.ctx("sol"), Resident)} == {"Lis Lund", "Mads Mørk", "Nina Nør", "Ole Ørn",
                                                              "Per Pil"}
    # What the hub owns is read-only on the PC, in Danish.
    jens = next(r for r in _rows(bakke, Resident) if r.name == "Jens Ærø Hansen")
    from tilsyn.domain.people import ResidentInput

    with pytest.raises(DomainError) as refused:
        ResidentService(bakke).save(str(jens.id), ResidentInput(CPRS[0], "Jens Hansen", str(jens.care_home_id)))
    assert refused.value.code == "not_owned_resident"
    from tilsyn.messages import text_for

    assert text_for(refused.value) == "Beboerens stamdata ejes af kommunen og kan ikke ændres på denne computer."

    # The leader on the PC: section 2 by staff, section 3, send, for both February forms.
    force = ForceService(bakke)
    forms = [f for f in _rows(bakke, ForceForm) if f.month == 2]
    assert len(forms) == 2
    w.at(D(2026, 3, 2))
    UserService(bakke).login("pia", PW)
    for f in forms:
        force.sign_section(str(f.id), 2, PW)
    UserService(bakke).login("lene", PW)
    for f in forms:
        force.save_leader_section(str(f.id), LeaderInput(
            "Nødvendig for at undgå fald", "Drøftet på personalemøde", "1. marts", True, "2. marts", "",
            True, "", "Lene Leder", D(2026, 3, 2)))
        force.sign_section(str(f.id), 3, PW)
        force.send_to_authority(str(f.id))
    # Section 4 is the hub's: refused on the PC.
    with pytest.raises(DomainError) as refused:
        force.send_back(str(forms[0].id), "Mangler noget")
    assert refused.value.code in ("not_owned_send_back", "permission_denied")

    counts = s.exchange("bakke", "hub")
    assert counts.get("opdateret", 0) + counts.get("indsat", 0) >= 2 and "konflikter" not in counts

    hub = s.login("hub", "sofie")
    hforce = ForceService(hub)
    inbox = {str(f.id): f for f in _rows(hub, ForceForm) if f.month == 2}
    assert all(f.sent_at is not None for f in inbox.values())
    # At the hub, the home's episodes and section 3 are the PC's.
    with pytest.raises(DomainError) as refused:
        hforce.save_leader_section(str(forms[0].id), LeaderInput(necessity="Ændret i kommunen"))
    assert refused.value.code in ("not_owned_leader", "permission_denied")
    processed, returned = str(forms[0].id), str(forms[1].id)
    hforce.save_authority_section(processed, AuthorityInput("Ingen bemærkninger", True, True, "Sofie Sag",
                                                            "Sagsbehandler", "Vejle Kommune", D(2026, 3, 4)))
    hforce.sign_section(processed, 4, PW)
    hforce.send_back(returned, "Beskriv venligst hvordan magten blev undgået.")

    counts = s.exchange("hub", "bakke")
    assert "konflikter" not in counts, [(c.record_type, c.fields, {f: (c.local.get(f), c.incoming.get(f)) for f in c.fields}) for c in records.ConflictService(bakke).conflicts()]
    seen = {str(f.id): f for f in _rows(bakke, ForceForm) if f.month == 2}
    assert seen[processed].processed_at is not None and seen[processed].followup_remarks == "Ingen bemærkninger"
    assert seen[returned].returned_at is not None and seen[returned].sent_at is None
    assert seen[returned].return_comment == "Beskriv venligst hvordan magten blev undgået."
    sigs = {(x.entity_id, x.section): x for x in _rows(bakke, Signature) if x.voided_at is None}
    assert (processed, 4) in sigs and (returned, 3) not in sigs
    # Solgården's PC got nothing of Bakkegården's forms.
    assert not _rows(s.ctx("sol"), ForceForm)
    # Nothing travels twice: the next exchange each way carries no records.
    assert s.exchange("bakke", "hub").get("opdateret", 0) == 0
    _verify_all(s)
    hub_chains = _verify(s.ctx("hub")).site_chains
    assert {c.site_name for c in hub_chains} >= {"Pc Bakkegården"}


def test_a_full_visit_on_the_laptop_and_no_cpr_or_episode_on_it(sites):
    s, w = sites, sites.world
    hub = s.login("hub", "karl")
    svc = SupervisionService(hub)
    w.at(D(2026, 3, 2))
    programme = svc.create_programme(2026, theme_id="mindst-indgribende", sample_total=5, sample_min=2,
                                     sample_max=3, relatives_per_home=2)
    visit = svc.plan_visit(programme.id, w.homes[0], D(2026, 3, 10), consultant_ids=[w.consultants["karl"]])
    draw = svc.draw_sample(visit.id, 2011, size=3)
    relatives = svc.draw_sample(visit.id, 2011, kind="relative")
    s.exchange("hub", "laptop")

    laptop = s.login("laptop", "karl")
    lsvc = SupervisionService(laptop)
    # The programme and the draw are the hub's.
    with pytest.raises(DomainError) as refused:
        lsvc.draw_sample(visit.id, 99, size=3)
    assert refused.value.code == "not_owned_programme"
    w.at(D(2026, 3, 10))
    draw = lsvc.refuse_member(draw.members[0].id, "declined", "Sov til middag")
    assert any(m.replaces_id for m in draw.members if hasattr(m, "replaces_id")) or len(draw.members) >= 4
    codes = []
    for member in [m for m in draw.members if m.status == "drawn"][:2]:
        i = lsvc.start_interview(visit.id, member_id=member.id)
        lsvc.record_consent(i.id, True)
        answer(lsvc, i.id, RESIDENT_ANSWERS[i.respondent_code])
        codes.append(lsvc.finish_interview(i.id).respondent_code)
    contacts = lsvc.relative_contacts(relatives.members[0].id)
    assert contacts  # the relatives to phone are on the laptop
    lsvc.mark_conducted(visit.id, D(2026, 3, 10))
    w.at(D(2026, 3, 11))
    lsvc.save_goal_finding(visit.id, "dialog", "Dialogen er god og respektfuld.", "tilfredsstillende")
    lsvc.set_result(visit.id, "tilfredsstillende", "Godt besøg.")
    lsvc.set_conclusions(visit.id, ["Beboerne oplever respekt for deres ønsker."])
    lsvc.start_report(visit.id)

    counts = s.exchange("laptop", "hub")
    assert counts.get("indsat", 0) >= 3 and "konflikter" not in counts
    at_hub = svc.findings(visit.id)
    assert at_hub.result_summary == "Godt besøg." if hasattr(at_hub, "result_summary") else True
    assert svc.visit(visit.id).status == "draft_report"
    # At the hub the conduct of a visit on the laptop is read-only; the report is the hub's.
    with pytest.raises(DomainError) as refused:
        svc.set_result(visit.id, "tilfredsstillende", "Ændret i kommunen")
    assert refused.value.code == "not_owned_visit_conduct"
    svc.send_for_consultation(visit.id, D(2026, 3, 25))
    s.exchange("hub", "laptop")

    # Every byte the laptop holds: the (SQLCipher) file and its WAL raw, and every table decrypted.
    s.close()
    raw = b"".join(p.read_bytes() for p in Path(s.urls["laptop"]).parent.glob("laptop.sqlite*"))
    opened = open_app(s.urls["laptop"], passphrase=LAPTOP_PASS)
    try:
        with opened.context.uow_factory() as uow:
            dump = []
            tables = [t for (t,) in uow.session.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))]
            for t in tables:
                dump += [repr(tuple(r)) for r in uow.session.execute(text(f'SELECT * FROM "{t}"'))]
            assert not list(uow.session.scalars(select(Episode)))
            assert not list(uow.session.scalars(select(ForceForm)))
    finally:
        close_app(opened.context)
    plain = "\n".join(dump)
    for cpr in CPRS:
        for form in (cpr, cpr.replace("-", "")):
            assert form.encode() not in raw
            assert form not in plain
    for episode_text in (NARRATIVE, "Ville gå ud", "Talte roligt"):
        assert episode_text not in plain and episode_text.encode() not in raw
    assert "Jens Ærø Hansen" in plain or "Anna Berg" in plain  # the frame's names are there
    s.open.clear()
    _verify_all(s)


def test_a_conflicting_edit_is_kept_with_both_versions_and_resolved_with_a_reason(sites):
    """The hub re-dates a visit while the laptop conducts it: both versions kept, nothing lost."""
    s, w = sites, sites.world
    hub = s.login("hub", "karl")
    svc = SupervisionService(hub)
    w.at(D(2026, 3, 2))
    programme = svc.create_programme(2026, theme_id="mindst-indgribende", sample_total=5, sample_min=2,
                                     sample_max=3, relatives_per_home=2)
    visit = svc.plan_visit(programme.id, w.homes[0], D(2026, 3, 10), consultant_ids=[w.consultants["karl"]])
    s.exchange("hub", "laptop")
    laptop = s.login("laptop", "karl")
    w.at(D(2026, 3, 10))
    SupervisionService(laptop).mark_conducted(visit.id, D(2026, 3, 10))
    svc.update_visit(visit.id, planned_on=D(2026, 3, 11), reason="Konsulenten er syg")

    counts = s.exchange("laptop", "hub")
    assert counts.get("konflikter") == 1
    assert svc.visit(visit.id).planned_on == D(2026, 3, 11)  # the hub's own change is not overwritten
    # Nothing in conflict is sent on: the laptop keeps its version too.
    s.exchange("hub", "laptop")
    assert SupervisionService(laptop).visit(visit.id).status == "conducted"
    assert SupervisionService(laptop).visit(visit.id).planned_on == D(2026, 3, 10)
    conflicts = records.ConflictService(hub).conflicts()
    assert len(conflicts) == 1
    c = conflicts[0]
    assert c.local["planned_on"] == "2026-03-11" and c.incoming["status"] == "conducted"
    assert "planned_on" in c.fields and "status" in c.fields
    with pytest.raises(DomainError) as short:
        records.ConflictService(hub).resolve(c.id, "incoming", "ok")
    assert short.value.code == "conflict_reason_short"
    records.ConflictService(hub).resolve(c.id, "incoming", "Besøget blev holdt den 10. marts")
    assert svc.visit(visit.id).status == "conducted"
    assert not records.ConflictService(hub).conflicts()
    resolved = records.ConflictService(hub).conflicts(include_resolved=True)[0]
    assert resolved.reason == "Besøget blev holdt den 10. marts" and resolved.choice == "incoming"
    history = [e for e in _rows(hub, __import__("tilsyn.store.models", fromlist=["AuditEntry"]).AuditEntry)
               if e.action == "sync.resolve"]
    assert history and history[0].reason == "Besøget blev holdt den 10. marts"
    # The laptop's side closes when the hub's resolution arrives.
    s.exchange("hub", "laptop")
    assert not _rows(laptop, SyncConflict, SyncConflict.resolved_at.is_(None))
    assert s.exchange("laptop", "hub").get("konflikter", 0) == 0
    _verify_all(s)


def test_an_identical_resubmission_changes_nothing(sites):
    """Until the PC's receipt is back the hub sends its rows again; they arrive as unchanged (ODK's
    no-op); after the receipt nothing travels."""
    s = sites
    again = s.exchange("hub", "bakke")
    assert set(again) == {"uændret"} and again["uændret"] > 0
    assert set(s.exchange("bakke", "hub")) <= {"revisionsposter"}
    assert s.exchange("hub", "bakke") == {}
