"""Four sites through real processes (issue 11, first test bullet): the hub (SQLite or PostgreSQL),
the PCs of Bakkegården and Solgården, and Karl's laptop (SQLCipher), each its own database.

The set-up and every exchange are real ``tilsyn`` CLI processes (``site init``, ``site add``,
``site join``, ``exchange pack`` / ``exchange unpack``, then ``sample``, ``export-month``,
``report-visit``, ``site show`` and ``verify``); every action a person takes in the window runs
in a process of its own through the services the GUI calls (process_sim_support). No process
holds a database open while another runs; the test reads a database only when none runs.

A full month: registration on Bakkegården's PC, the leader signs and sends, exchange, the
caseworker processes one form and sends the other back, exchange, the PC sees both. A full visit:
the draw at the hub, exchange to the laptop, refusal and replacement, interviews, findings,
exchange back, the report at the hub. The laptop then holds no CPR number and no episode text in
any byte of its files; ``verify`` passes at all four sites and the hub's lists each site's chain.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import select, text

from process_sim_support import EXCHANGER, LAPTOP_PASS, MARCH_TEXTS, PEERS, set_up
from supervision_support import CPRS, NARRATIVE, PW
from tilsyn.services.app import close_app, open_app
from tilsyn.store.models_force import Episode, ForceForm

D = dt.date
RETURN_COMMENT = "Beskriv venligst, hvordan magten blev forsøgt undgået."


@pytest.fixture
def sim(db_url, tmp_path):
    s, world = set_up(db_url, tmp_path)
    s.world = world
    yield s
    print(s.report())  # the processes and their seconds, in the captured output


def _count(db: str, model, passphrase=None) -> int:
    opened = open_app(db, passphrase=passphrase)
    try:
        with opened.context.uow_factory() as uow:
            return len(list(uow.session.scalars(select(model))))
    finally:
        close_app(opened.context)


def _every_site_verifies(sim, sent: set[str]) -> None:
    """Each site that has not sent the hub anything yet does so now (its chain travels with it);
    then ``site show`` and ``verify`` at all four sites, each a process of its own."""
    for key in PEERS:
        if key not in sent:
            assert "konflikter" not in sim.exchange(key, "hub")
    # The hub knows every peer, each active, each having sent and acknowledged a file.
    shown = sim.cli("hub", "site", "show", user=EXCHANGER["hub"]).ok().stdout
    assert shown.startswith("Dette udvekslingssted: »Vejle Kommune«"), shown
    for peer in PEERS.values():
        assert f"»{peer}«" in shown, shown
    assert shown.count(", aktiv") == 3 and "modtaget: nr. 0 " not in shown and "kvitteret: nr. 0 " not in shown, shown
    # The laptop knows it is the laptop, and when it last exchanged with the hub.
    shown = sim.cli("laptop", "site", "show", user=EXCHANGER["laptop"]).ok().stdout
    assert shown.startswith("Dette udvekslingssted: »Bærbar Karl«") and "»Vejle Kommune«" in shown, shown
    assert "modtaget: nr. 0 " not in shown, shown
    for key in ("hub", *PEERS):
        verified = sim.cli(key, "verify").ok().stdout
        assert "Alt er i orden" in verified, (key, verified)
        if key == "hub":
            for peer in PEERS.values():
                assert re.search(f"Kæde fra »{peer}«: [0-9.]+ poster, ubrudt\\.", verified), verified


def test_a_month_registered_on_a_care_home_pc_is_processed_and_sent_back_at_the_hub(sim, tmp_path):
    s, w = sim, sim.world
    # The evening of 9 March on Bakkegården's PC: Pia registers an episode for Jens and one for Anna.
    s.at(D(2026, 3, 9), 23)
    forms = s.act("bakke", "pia", "register_episodes",
                  residents=[[w["jens"], "127_retention"], [w["anna"], "125_alarm"]])["forms"]
    assert len(set(forms)) == 2
    # After the month: Pia signs the episodes, Lene signs section 3 and sends both forms.
    s.at(D(2026, 4, 1), 9)
    s.act("bakke", "pia", "sign_episodes", forms=forms, password=PW)
    s.at(D(2026, 4, 2), 10)
    sent = s.act("bakke", "lene", "leader_signs_and_sends", forms=forms, password=PW)
    assert all(sent["sent"])
    assert sent["send_back_on_pc"] in ("not_owned_send_back", "permission_denied")  # section 4 is the hub's

    out = s.exchange("bakke", "hub")
    assert "Fil nr. 1 fra »Pc Bakkegården« er indlæst" in out and "konflikter" not in out, out

    # The caseworker at the hub: both forms arrived sent, with their episodes; one is processed,
    # the other sent back. Section 3 is the PC's and read-only here.
    s.at(D(2026, 4, 6), 10)
    processed, returned = forms
    cw = s.act("hub", "sofie", "caseworker", processed=processed, returned=returned, password=PW,
               comment=RETURN_COMMENT)
    assert sorted(cw["in_inbox"]) == sorted(forms)
    assert all(cw["sent"].values())
    assert cw["episodes"] == {f: [MARCH_TEXTS[0]] for f in forms}
    assert cw["leader_on_hub"] in ("not_owned_leader", "permission_denied")
    # The processed form is exported to the authority from the hub (the returned one is not sent).
    export = s.cli("hub", "export-month", "--month", "2026-03", "--out", str(tmp_path / "eksport"),
                   user="sofie").ok().stdout
    assert export.startswith("Eksporteret 1 skema (1 magtanvendelse) for marts 2026"), export

    s.at(D(2026, 4, 6), 14)
    out = s.exchange("hub", "bakke")
    assert "konflikter" not in out, out
    # Back on the PC, Lene sees both: the processing and the send-back with its comment.
    s.at(D(2026, 4, 7), 9)
    seen = s.act("bakke", "lene", "forms", forms=forms)
    done, back = seen[processed], seen[returned]
    assert done["processed_at"] and done["followup_remarks"] == "Ingen bemærkninger"
    assert done["signed"] == [2, 3, 4], done
    assert back["returned_at"] and back["sent_at"] is None and back["return_comment"] == RETURN_COMMENT
    assert back["status"] == "returned" and 3 not in back["signed"], back
    # Nothing travels twice: the PC's next file carries no records.
    out = s.exchange("bakke", "hub")
    assert "opdateret" not in out and "indsat" not in out and "konflikter" not in out, out

    # Solgården's PC got nothing of Bakkegården's forms; the laptop no form and no episode.
    out = s.exchange("hub", "sol")
    assert _count(s.dbs["sol"], ForceForm) == 0 and _count(s.dbs["sol"], Episode) == 0
    _every_site_verifies(s, sent={"bakke"})
    assert _count(s.dbs["laptop"], ForceForm, LAPTOP_PASS) == 0


def _laptop_holds_no_cpr_and_no_episode(db: str) -> None:
    """Every byte of the laptop's (SQLCipher) file and its WAL raw, and every table decrypted."""
    folder, stem = Path(db).parent, Path(db).name
    raw = b"".join(p.read_bytes() for p in folder.glob(f"{stem}*"))
    assert raw
    opened = open_app(db, passphrase=LAPTOP_PASS)
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
            assert form.encode() not in raw and form not in plain, form
    for episode_text in (NARRATIVE, "Ville gå ud", "Talte roligt", *MARCH_TEXTS):
        assert episode_text not in plain and episode_text.encode() not in raw, episode_text
    assert "Jens Ærø Hansen" in plain or "Anna Berg" in plain  # the frame's names are there


def test_a_visit_conducted_on_the_laptop_reaches_the_hub_report_and_leaves_no_cpr_or_episode_on_it(sim, tmp_path):
    s, w = sim, sim.world
    # At the hub, 2 March: Karl plans the year's programme and the visits; ``tilsyn sample`` draws.
    s.at(D(2026, 3, 2), 9)
    plan = s.act("hub", "karl", "plan_visits", homes=w["homes"], consultants=w["consultants"])
    visit = plan["visit"]
    drawn = s.cli("hub", "sample", "--year", "2026", "--seed", "2011", user="karl").ok().stdout
    assert "Bakkegården (besøg 10-03-2026): 3 af " in drawn, drawn

    out = s.exchange("hub", "laptop")
    assert "konflikter" not in out, out

    # The visit on the laptop, offline: a refusal and its replacement, two interviews, findings.
    s.at(D(2026, 3, 10), 9)
    refusal = s.act("laptop", "karl", "refuse_and_replace", visit=visit)
    assert refusal["draw_on_laptop"] == "not_owned_programme"  # the draw is the hub's
    members = {m["id"]: m for m in refusal["draw"]["members"]}
    assert members[refusal["refused"]]["status"] == "replaced" and members[refusal["refused"]]["reason"] == "declined"
    replacements = [m for m in members.values() if m["replaces_id"] == refusal["refused"]]
    assert len(replacements) == 1 and replacements[0]["status"] == "drawn"
    assert refusal["contacts"], refusal  # the relatives to phone are on the laptop
    s.at(D(2026, 3, 10), 11)
    codes = s.act("laptop", "karl", "interviews", visit=visit, count=2)["codes"]
    assert codes == ["B1", "B2"]
    s.at(D(2026, 3, 11), 10)
    assert s.act("laptop", "karl", "findings", visit=visit)["status"] == "draft_report"

    out = s.exchange("laptop", "hub")
    assert "Fil nr. 1 fra »Bærbar Karl« er indlæst" in out and "konflikter" not in out, out

    # At the hub: the laptop's interviews and findings are there and read-only; the report is made.
    s.at(D(2026, 3, 12), 10)
    hub = s.act("hub", "karl", "hub_report", visit=visit, deadline="2026-03-25")
    before = hub["before"]
    assert before["status"] == "draft_report"
    assert before["interviews"] == ["B1", "B2"]
    assert before["result"] == "tilfredsstillende" and before["result_summary"] == "Godt besøg."
    assert ["dialog", "Dialogen er god og respektfuld."] in before["goal_notes"]
    assert before["conclusions"] == ["Beboerne oplever respekt for deres ønsker."]
    assert before["home_score"] is not None  # computed at the hub from the laptop's answers
    drawn_at_hub = {m["id"]: m for d in before["draws"] if d["kind"] == "resident" for m in d["members"]}
    assert drawn_at_hub[refusal["refused"]]["status"] == "replaced"
    assert drawn_at_hub[replacements[0]["id"]]["replaces_id"] == refusal["refused"]
    assert hub["conduct_on_hub"] == "not_owned_visit_conduct"
    assert hub["status"] == "consultation"
    pdf = tmp_path / "rapport.pdf"
    s.cli("hub", "report-visit", "--visit", visit, "--out", str(pdf), user="karl").ok()
    import pypdf

    report = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    report = " ".join(report.split())
    for expected in ("Godt besøg.", "Dialogen er god og respektfuld.", "Beboerne oplever respekt for deres ønsker."):
        assert expected in report, (expected, report[:2000])
    for cpr in CPRS:
        assert cpr not in report and cpr.replace("-", "") not in report

    # The draft goes to Bakkegården's leader for consultation, and back to the laptop.
    assert "konflikter" not in s.exchange("hub", "bakke")
    assert "konflikter" not in s.exchange("hub", "laptop")
    s.at(D(2026, 3, 13), 9)
    assert s.act("bakke", "lene", "consultation_inbox")["visits"] == [visit]

    _laptop_holds_no_cpr_and_no_episode(s.dbs["laptop"])
    opened = open_app(s.dbs["laptop"], passphrase=LAPTOP_PASS)
    try:
        from tilsyn.store.models_supervision import Visit

        with opened.context.uow_factory() as uow:
            statuses = {str(v.id): v.status for v in uow.session.scalars(select(Visit))}
    finally:
        close_app(opened.context)
    assert statuses[visit] == "consultation"  # the hub's hand-off reached the laptop
    _every_site_verifies(s, sent={"laptop"})
