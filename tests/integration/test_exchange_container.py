"""Exchange files (issue 11, point 4): the container, sequence numbers, receipts and every fault,
through real CLI processes where it matters, with the trivial payload kind of exchange_support."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import time
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from exchange_support import KIND, notes_env, register_test_kind, tilsyn, tilsyn_cmd
from test_sites import enrol, join, make_hub
from tilsyn.domain.errors import DomainError
from tilsyn.services import exchange as ex
from tilsyn.services.app import close_app, open_app
from tilsyn.store.models import Setting
from tilsyn.store.models_exchange import ExchangeReceipt, ExchangeState

CPR, NAME = "0707414321", "Karen Margrethe Ølgaard"


@pytest.fixture(autouse=True)
def _test_kind():
    register_test_kind()
    yield
    ex.unregister(KIND)


def _notes(db):
    opened = open_app(db)
    try:
        with opened.context.uow_factory() as uow:
            return {s.key: s.value for s in uow.session.scalars(select(Setting)) if s.key.startswith("note.")}
    finally:
        close_app(opened.context)


def _state(db):
    opened = open_app(db)
    try:
        with opened.context.uow_factory() as uow:
            return [(s.last_sent_seq, s.last_acked_seq, s.last_received_seq, s.last_received_sha256)
                    for s in uow.session.scalars(select(ExchangeState))], \
                len(list(uow.session.scalars(select(ExchangeReceipt))))
    finally:
        close_app(opened.context)


def _setup(db, tmp_path, cli_login, name="Pc Åparken"):
    home = make_hub(db, cli_login)
    start = tmp_path / f"{name}.tilsyn-start"
    assert enrol(db, start, name, homes=[home]).returncode == 0
    care = str(tmp_path / f"{name}.sqlite")
    assert join(start, care).returncode == 0
    return care


@pytest.fixture
def pair(db_url, tmp_path, cli_login):
    """A hub (SQLite or PostgreSQL) and a care home's PC (SQLite) that joined it."""
    return db_url, _setup(db_url, tmp_path, cli_login)


def pack(db, out, *extra, notes=()):
    return tilsyn("exchange", "pack", "--out", str(out), "--db", db, *extra, env=notes_env(*notes))


def unpack(db, path, **env):
    return tilsyn("exchange", "unpack", str(path), "--db", db, env=env)


def test_round_trip_hub_to_care_home_and_back(pair, tmp_path, cli_login):
    hub, care = pair
    f1 = tmp_path / "1.tilsyn"
    r = pack(hub, f1, "--site", "Pc Åparken", notes=[("n1", f"{NAME} {CPR}")])
    assert r.returncode == 0, r.stderr
    assert "Fil nr. 1 til »Pc Åparken«" in r.stdout
    assert stat.S_IMODE(os.stat(f1).st_mode) == 0o600
    raw = f1.read_bytes()
    assert raw.startswith(b"TILSYN-UDVEKSLING 1\n")
    strings = subprocess.run(["strings", "-n", "4", str(f1)], capture_output=True, text=True).stdout
    for secret in (CPR, NAME, "Ølgaard", "Karen", "070741"):
        assert secret not in strings and secret.encode() not in raw
    # A just-joined site has no users: its first file is loaded without a login.
    r = unpack(care, f1)
    assert r.returncode == 0, r.stderr
    # The test kind travels beside the real records (the care home's own residents, users, ...).
    assert "Fil nr. 1 fra »Vejle Kommune« er indlæst (" in r.stdout and "notes: 1)" in r.stdout
    assert _notes(care) == {"note.n1": f"{NAME} {CPR}"}
    # From now on the care home logs in (the users come with the hub's records in later work).
    cli_login("pcadmin", db=care, role="admin")
    f2 = tmp_path / "2.tilsyn"
    r = pack(care, f2, notes=[("n2", "svar fra plejecentret")])
    assert r.returncode == 0, r.stderr
    cli_login("admin")
    r = unpack(hub, f2)
    assert r.returncode == 0, r.stderr
    assert _notes(hub) == {"note.n2": "svar fra plejecentret"}
    # The care home's receipt travelled back: the hub knows file 1 arrived.
    states, receipts = _state(hub)
    assert states[0][:3] == (1, 1, 1) and receipts == 1
    shown = tilsyn("site", "show", "--db", hub)
    assert "kvitteret: nr. 1" in shown.stdout and "modtaget: nr. 1" in shown.stdout
    assert tilsyn("verify", "--db", hub).returncode == 0


def test_the_same_file_twice_changes_nothing_and_says_so(pair, tmp_path, cli_login):
    hub, care = pair
    f1 = tmp_path / "1.tilsyn"
    assert pack(hub, f1, "--site", "Pc Åparken", notes=[("a", "x")]).returncode == 0
    assert unpack(care, f1).returncode == 0
    # After its first file the care home has users: from now on it logs in as one of its own.
    cli_login("pcadmin", db=care, role="admin")
    before = _state(care), _notes(care)
    r = unpack(care, f1)
    assert r.returncode == 0 and "Filen er allerede indlæst. Intet er ændret." in r.stdout
    assert (_state(care), _notes(care)) == before


def _refused(r, text_):
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert text_ in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and "Intet er gemt" in r.stderr


def test_out_of_order_missing_and_replayed_files(pair, tmp_path, cli_login):
    hub, care = pair
    files = [tmp_path / f"{i}.tilsyn" for i in (1, 2, 3)]
    for i, f in enumerate(files):
        assert pack(hub, f, "--site", "Pc Åparken", notes=[(f"n{i}", f"tekst {i}")]).returncode == 0
    before = _state(care), _notes(care)
    _refused(unpack(care, files[1]), "Fil nr. 1 fra »Vejle Kommune« mangler: denne fil er nr. 2")
    _refused(unpack(care, files[2]), "Fil nr. 1 fra »Vejle Kommune« mangler")
    assert (_state(care), _notes(care)) == before
    assert unpack(care, files[0]).returncode == 0
    cli_login("pcadmin", db=care, role="admin")  # the care home has users now: it logs in
    assert unpack(care, files[1]).returncode == 0
    before = _state(care), _notes(care)
    _refused(unpack(care, files[0]), "gammel fil fra »Vejle Kommune« (nr. 1)")
    assert (_state(care), _notes(care)) == before
    assert unpack(care, files[2]).returncode == 0


def test_a_lost_file_is_replaced_by_packing_again_from_the_last_receipt(pair, tmp_path, cli_login):
    hub, care = pair
    lost = tmp_path / "lost.tilsyn"
    assert pack(hub, lost, "--site", "Pc Åparken", notes=[("a", "1")]).returncode == 0
    again = tmp_path / "again.tilsyn"
    r = pack(hub, again, "--site", "Pc Åparken", "--restart", notes=[("a", "1")])
    assert r.returncode == 0 and "Fil nr. 1 til" in r.stdout
    assert unpack(care, again).returncode == 0
    cli_login("pcadmin", db=care, role="admin")  # the care home has users now: it logs in
    _refused(unpack(care, lost), "gammel fil")


def test_truncated_and_altered_files_are_refused(pair, tmp_path):
    hub, care = pair
    f1 = tmp_path / "1.tilsyn"
    assert pack(hub, f1, "--site", "Pc Åparken", notes=[("a", CPR)]).returncode == 0
    raw = f1.read_bytes()
    cut = tmp_path / "cut.tilsyn"
    cut.write_bytes(raw[: len(raw) - 100])
    _refused(unpack(care, cut), "Filen er afkortet")
    flipped = tmp_path / "flip.tilsyn"
    flipped.write_bytes(raw[:-200] + bytes([raw[-200] ^ 0x01]) + raw[-199:])
    _refused(unpack(care, flipped), "underskrift passer ikke")
    assert _state(care)[1] == 0 and _notes(care) == {}
    assert unpack(care, f1).returncode == 0  # the good file still loads


def test_a_file_for_another_site_an_unknown_and_a_revoked_site(db_url, tmp_path, cli_login):
    hub = db_url
    care = _setup(hub, tmp_path, cli_login, "Pc A")
    start = tmp_path / "b.tilsyn-start"
    assert enrol(hub, start, "Pc B", homes=[]).returncode == 1  # a care home PC needs its home
    laptop_start = tmp_path / "l.tilsyn-start"
    assert enrol(hub, laptop_start, "Bærbar", kind="bærbar").returncode == 0
    laptop = str(tmp_path / "laptop.sqlite")
    assert join(laptop_start, laptop, db_passphrase="bærbar-kode-42").returncode == 0
    for_a = tmp_path / "a.tilsyn"
    assert pack(hub, for_a, "--site", "Pc A").returncode == 0
    r = tilsyn("exchange", "unpack", str(for_a), "--db", laptop, env={"TILSYN_DB_PASSPHRASE": "bærbar-kode-42"})
    _refused(r, "Filen er til en anden computer")
    # Unknown sender: a file made with keys no site here knows, addressed to the care home.
    opened = open_app(care)
    try:
        site = ex.SiteService(opened.context).overview().site
        from tilsyn.store.models_exchange import SiteSecret, ThisSite  # noqa: F401
        with opened.context.uow_factory() as uow:
            box_public = uow.session.get(ThisSite, uuid.UUID(site.id)).box_public
    finally:
        close_app(opened.context)
    stranger = ex.crypto.new_key_pairs()
    data, _ = ex.crypto.seal(
        {"format": 1, "schema": "0010", "sender": str(uuid.uuid4()), "recipient": site.id, "seq": 1, "prev": 0,
         "base": 0, "created_at": "2026-12-02T10:00:00+00:00", "file_id": (fid := str(uuid.uuid4()))},
        {"file_id": fid, "seq": 1, "payload": {}, "receipt": None},
        recipient_box_public=box_public, sender_sign_secret=stranger.sign_secret)
    (tmp_path / "stranger.tilsyn").write_bytes(data)
    _refused(unpack(care, tmp_path / "stranger.tilsyn"), "Filen er fra en ukendt computer")
    # Revoked: the care home's next file is refused at the hub.
    assert unpack(care, for_a).returncode == 0
    cli_login("pcadmin", db=care, role="admin")
    from_a = tmp_path / "from_a.tilsyn"
    assert pack(care, from_a, notes=[("x", "y")]).returncode == 0
    cli_login("admin")
    assert tilsyn("site", "revoke", "Pc A", "--reason", "Computeren er stjålet", "--db", hub).returncode == 0
    before = _state(hub), _notes(hub)
    _refused(unpack(hub, from_a), "Filen er fra »Pc A«, som er spærret (Computeren er stjålet)")
    assert (_state(hub), _notes(hub)) == before
    _refused(pack(hub, tmp_path / "to_a.tilsyn", "--site", "Pc A"), "er spærret")
    assert not (tmp_path / "to_a.tilsyn").exists()


def test_a_file_from_a_newer_schema_is_refused(pair, tmp_path, monkeypatch):
    hub, care = pair
    from tilsyn.services.exchange import files

    monkeypatch.setattr(files, "head_revision", lambda: "0099")
    opened = open_app(hub)
    try:
        data = ex.pack(opened.context, "Pc Åparken", {})
    finally:
        close_app(opened.context)
    newer = tmp_path / "newer.tilsyn"
    newer.write_bytes(data)
    _refused(unpack(care, newer), "Filen er lavet af en nyere version af Tilsyn (revision 0099). Opdatér Tilsyn "
                                  "på denne computer, før filen indlæses.")


def test_kill_9_during_unpack_leaves_nothing_half_applied(pair, tmp_path):
    hub, care = pair
    f1 = tmp_path / "1.tilsyn"
    assert pack(hub, f1, "--site", "Pc Åparken", notes=[("a", "første"), ("b", "anden")]).returncode == 0
    env = dict(os.environ, TILSYN_TEST_SLEEP="60", QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(tilsyn_cmd("exchange", "unpack", str(f1), "--db", care), env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        line = b""
        while b"SLEEPING" not in line and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
        assert b"SLEEPING" in line, proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert _notes(care) == {}
    assert _state(care)[1] == 0
    r = unpack(care, f1)
    assert r.returncode == 0, r.stderr
    assert _notes(care) == {"note.a": "første", "note.b": "anden"}


# -- any single flipped byte or cut is refused (in-process: opening writes nothing) -------------


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory):
    """A hub, a joined care home and one file from the hub to it (SQLite, in-process)."""
    from tilsyn.services.demo import DemoService
    from tilsyn.domain.exchange import SiteKind

    base = tmp_path_factory.mktemp("flip")
    hub = open_app(str(base / "hub.sqlite"))
    DemoService(hub.context).fill_unattended(seed=3, homes=1, residents_per_home=0, force=False)
    svc = ex.SiteService(hub.context)
    svc.init_hub("Vejle Kommune")
    home = __import__("tilsyn.services.care_homes", fromlist=["x"]).CareHomeService(hub.context).list_care_homes()[0]
    e = svc.enrol("Pc", SiteKind.CARE_HOME, [home.name], "start-kode-123", base / "s.tilsyn-start")
    ex.join(ex.read_start_file(e.start_file, "start-kode-123"), str(base / "care.sqlite"), None)
    data = ex.pack(hub.context, "Pc", {KIND: [{"id": "x", "text": f"{NAME} {CPR}"}]})
    close_app(hub.context)
    return data, str(base / "care.sqlite")


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_single_flipped_byte_or_cut_is_refused(sample_file, data):
    raw, care = sample_file
    if data.draw(st.booleans()):
        i = data.draw(st.integers(0, len(raw) - 1))
        bit = data.draw(st.integers(0, 7))
        bad = raw[:i] + bytes([raw[i] ^ (1 << bit)]) + raw[i + 1:]
    else:
        bad = raw[: data.draw(st.integers(0, len(raw) - 1))]
    opened = open_app(care)
    try:
        register_test_kind()
        with pytest.raises(DomainError) as caught:
            ex.open_file(opened.context, bad)
        from tilsyn.messages import text_for

        assert "Intet er gemt" in text_for(caught.value)
        assert ex.open_file(opened.context, raw).verdict.value == "apply"  # the good file still opens
    finally:
        close_app(opened.context)
