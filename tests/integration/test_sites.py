"""Sites (issue 11, point 1) through real CLI processes: hub, enrolment, join, revoke, show."""

from __future__ import annotations

import os
import stat

import pytest
from sqlalchemy import select, text

from exchange_support import tilsyn
from tilsyn.services.app import close_app, open_app
from tilsyn.services.demo import DemoService
from tilsyn.services.exchange import SiteService
from tilsyn.store import crypto as store_crypto
from tilsyn.store.models_exchange import PeerSite, SiteSecret, ThisSite

START_PASS = "start-hemmelighed-1"


def _count(db, model, passphrase=None):
    opened = open_app(db, passphrase=passphrase)
    try:
        with opened.context.uow_factory() as uow:
            return len(list(uow.session.scalars(select(model))))
    finally:
        close_app(opened.context)


def make_hub(db: str, cli_login) -> str:
    """A demo municipality (2 homes) that is the hub; the CLI is logged in as its admin."""
    opened = open_app(db)
    try:
        DemoService(opened.context).fill_unattended(seed=7, homes=2, residents_per_home=1, force=False)
        homes = [h.name for h in __import__("tilsyn.services.care_homes", fromlist=["x"]).CareHomeService(
            opened.context).list_care_homes()]
    finally:
        close_app(opened.context)
    cli_login("admin")
    r = tilsyn("site", "init", "--name", "Vejle Kommune", "--db", db)
    assert r.returncode == 0, r.stderr
    return homes[0]


@pytest.fixture
def hub(db_url, cli_login):
    return db_url, make_hub(db_url, cli_login)


def enrol(db, out, name, kind="plejecenter", homes=(), passphrase=START_PASS):
    args = ["site", "add", "--name", name, "--kind", kind, "--out", str(out), "--db", db]
    for h in homes:
        args += ["--home", h]
    return tilsyn(*args, env={"TILSYN_START_PASSPHRASE": passphrase})


def join(start, db, passphrase=START_PASS, db_passphrase=None):
    env = {"TILSYN_START_PASSPHRASE": passphrase}
    if db_passphrase:
        env["TILSYN_DB_PASSPHRASE"] = db_passphrase
    return tilsyn("site", "join", str(start), "--db", str(db), env=env)


def test_a_database_without_sites_works_as_before_and_says_so(tmp_path, cli_login):
    db = str(tmp_path / "plain.sqlite")
    opened = open_app(db)
    DemoService(opened.context).fill_unattended(seed=1, homes=1, residents_per_home=1, force=False)
    close_app(opened.context)
    cli_login("admin")
    r = tilsyn("site", "show", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "ikke et udvekslingssted" in r.stdout
    assert tilsyn("verify", "--db", db).returncode == 0


def test_enrol_and_join_a_care_home(hub, tmp_path):
    db, home = hub
    start = tmp_path / "aparken.tilsyn-start"
    r = enrol(db, start, "Plejecenter-pc 1", homes=[home])
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(os.stat(start).st_mode) == 0o600
    assert b"sign_secret" not in start.read_bytes()  # the keys travel encrypted
    care = tmp_path / "care.sqlite"
    r = join(start, care)
    assert r.returncode == 0, r.stderr
    assert "Plejecenter-pc 1" in r.stdout and "Vejle Kommune" in r.stdout
    assert not store_crypto.is_encrypted(care)
    opened = open_app(str(care))
    try:
        overview = SiteService(opened.context).overview()
    finally:
        close_app(opened.context)
    assert overview.site.kind == "care_home" and overview.site.name == "Plejecenter-pc 1"
    assert [p.name for p in overview.peers] == ["Vejle Kommune"] and overview.peers[0].kind == "hub"
    assert len(overview.peers[0].care_home_ids) == 1
    shown = tilsyn("site", "show", "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert "Dette udvekslingssted: »Vejle Kommune« (kommune)" in shown.stdout
    assert "»Plejecenter-pc 1« (plejecenter)" in shown.stdout and "aktiv" in shown.stdout
    assert tilsyn("verify", "--db", db).returncode == 0
    assert tilsyn("verify", "--db", str(care)).returncode == 0


def test_a_laptop_joins_with_an_encrypted_database(hub, tmp_path):
    db, _ = hub
    start = tmp_path / "laptop.tilsyn-start"
    assert enrol(db, start, "Konsulentens bærbare", kind="bærbar").returncode == 0
    laptop = tmp_path / "laptop.sqlite"
    r = join(start, laptop, db_passphrase="bærbar-kode-42")
    assert r.returncode == 0, r.stderr
    assert "krypteret" in r.stdout
    assert store_crypto.is_encrypted(laptop)
    assert stat.S_IMODE(os.stat(laptop).st_mode) == 0o600
    assert _count(str(laptop), ThisSite, passphrase="bærbar-kode-42") == 1


def test_the_private_keys_are_never_in_the_audit_log(hub, tmp_path):
    db, home = hub
    start = tmp_path / "s.tilsyn-start"
    assert enrol(db, start, "Pc", homes=[home]).returncode == 0
    care = tmp_path / "care.sqlite"
    assert join(start, care).returncode == 0
    for target in (db, str(care)):
        opened = open_app(target)
        try:
            with opened.context.uow_factory() as uow:
                secrets = [(s.sign_secret, s.box_secret) for s in uow.session.scalars(select(SiteSecret))]
                log = " ".join(str(row) for row in uow.session.execute(text("select * from audit_entry")))
        finally:
            close_app(opened.context)
        assert len(secrets) == 1
        for secret in secrets[0]:
            assert secret not in log


def test_wrong_start_passphrase_is_refused_and_nothing_is_created(hub, tmp_path):
    db, home = hub
    start = tmp_path / "s.tilsyn-start"
    assert enrol(db, start, "Pc", homes=[home]).returncode == 0
    care = tmp_path / "care.sqlite"
    r = join(start, care, passphrase="forkert-kode-99")
    assert r.returncode == 1
    assert "Adgangskoden til startfilen passer ikke" in r.stderr and "Traceback" not in r.stderr
    assert not care.exists()


def test_join_refuses_an_existing_database(hub, tmp_path):
    db, home = hub
    start = tmp_path / "s.tilsyn-start"
    assert enrol(db, start, "Pc", homes=[home]).returncode == 0
    care = tmp_path / "care.sqlite"
    assert join(start, care).returncode == 0
    before = care.read_bytes()
    r = join(start, care)
    assert r.returncode == 1 and "findes allerede og er ikke tom" in r.stderr
    assert care.read_bytes() == before


def test_enrolment_refusals_write_nothing(hub, tmp_path):
    db, home = hub
    cases = [
        (["--kind", "plejecenter"], "Angiv plejecentret"),
        (["--kind", "server", "--home", home], "Ukendt slags computer"),
        (["--kind", "plejecenter", "--home", "Findes Ikke"], "findes ikke i databasen"),
    ]
    for i, (extra, text_) in enumerate(cases):
        out = tmp_path / f"x{i}.tilsyn-start"
        r = tilsyn("site", "add", "--name", f"Pc {i}", "--out", str(out), "--db", db, *extra,
                   env={"TILSYN_START_PASSPHRASE": START_PASS})
        assert r.returncode == 1 and text_ in r.stderr, r.stderr
        assert not out.exists()
    r = tilsyn("site", "add", "--name", "Pc", "--kind", "plejecenter", "--home", home, "--out",
               str(tmp_path / "k.tilsyn-start"), "--db", db, env={"TILSYN_START_PASSPHRASE": "kort"})
    assert r.returncode == 1 and "mindst" in r.stderr
    again = tilsyn("site", "init", "--name", "Igen", "--db", db)
    assert again.returncode == 1 and "allerede udvekslingssted »Vejle Kommune«" in again.stderr
    assert _count(db, PeerSite) == 0


def test_revoke_marks_the_site_and_show_says_so(hub, tmp_path):
    db, home = hub
    assert enrol(db, tmp_path / "s.tilsyn-start", "Pc på Åparken", homes=[home]).returncode == 0
    short = tilsyn("site", "revoke", "Pc på Åparken", "--reason", "tab", "--db", db)
    assert short.returncode == 1 and "begrundelse" in short.stderr
    r = tilsyn("site", "revoke", "pc på åparken", "--reason", "Computeren er stjålet", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "spærret" in r.stdout
    again = tilsyn("site", "revoke", "Pc på Åparken", "--reason", "Computeren er stjålet", "--db", db)
    assert again.returncode == 1 and "allerede spærret" in again.stderr
    shown = tilsyn("site", "show", "--db", db)
    assert "spærret" in shown.stdout and "Computeren er stjålet" in shown.stdout


def test_site_commands_need_a_login(hub, tmp_path, monkeypatch):
    db, home = hub
    monkeypatch.delenv("TILSYN_USER")
    r = tilsyn("site", "show", "--db", db)
    assert r.returncode == 1 and "Log ind" in r.stderr
