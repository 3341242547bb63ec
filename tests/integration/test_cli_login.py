"""Nobody acts without logging in (issue 10, point 5): every command that reads or changes personal
data logs a user in (--user or TILSYN_USER, the password from TILSYN_PASSWORD or a hidden prompt),
acts with that user's role and care homes, is audited as that user, and logs out.

On SQLite and PostgreSQL where the store is involved (the ``db_url`` fixture)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tilsyn import cli
from tilsyn.domain.errors import DomainError
from tilsyn.messages import text_for
from tilsyn.services.app import close_app, open_app
from tilsyn.services.demo_force import DEMO_PASSWORD
from tilsyn.services.force import ForceService
from tilsyn.services.users import LoginThrottled, UserService

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "import-example.csv"
NO_USER = text_for(DomainError("cli_user_missing"))
LOGIN_FAILED = text_for(DomainError("login_failed"))
CASEWORKER = "Sofie Sagsbehandler (sagsbehandler)"


def _sql(db: str, sql: str, **params) -> list[tuple]:
    engine = create_engine(db)
    try:
        with engine.connect() as con:
            return [tuple(r) for r in con.execute(text(sql), params).all()]
    finally:
        engine.dispose()


def _audit(db: str, since: int = 0) -> list[tuple]:
    """(actor_id, actor_name, action, entity_type) of the entries after ``since``."""
    return _sql(db, "select actor_id, actor_name, action, entity_type from audit_entry where seq > :s order by seq",
                s=since)


def _head(db: str) -> int:
    return _sql(db, "select coalesce(max(seq), 0) from audit_entry")[0][0]


@pytest.fixture
def demo(db_url, capsys):
    """A small demo database (its users have the demo password) and the month with the most sent
    forms, as {care home name: number of forms}."""
    url = db_url
    assert cli.main(["demo", "--db", url, "--homes", "2", "--residents-per-home", "12"]) == 0
    capsys.readouterr()
    opened = open_app(url, actor=None)
    try:
        UserService(opened.context).login("sagsbehandler", DEMO_PASSWORD)
        sent = ForceService(opened.context).inbox(include_processed=True)
        UserService(opened.context).logout()
    finally:
        close_app(opened.context)
    months: dict[str, dict[str, int]] = {}
    for s in sent:
        homes = months.setdefault(f"{s.year:04d}-{s.month:02d}", {})
        homes[s.care_home] = homes.get(s.care_home, 0) + 1
    month = max(months, key=lambda m: (len(months[m]), sum(months[m].values()), m))
    assert len(months[month]) == 2, months  # both homes have forms that month
    return url, month, months[month]


def _export(db: str, month: str, out: Path, *extra: str) -> int:
    return cli.main(["export-month", "--db", db, "--month", month, "--out", str(out), *extra])


# -- acting as the user -----------------------------------------------------------------------------


def test_export_is_audited_as_the_user_between_login_and_logout(demo, tmp_path, capsys, cli_login):
    db, month, forms = demo
    cli_login("sagsbehandler")
    since = _head(db)
    assert _export(db, month, tmp_path / "ud") == 0, capsys.readouterr().err
    entries = _audit(db, since)
    user_id = _sql(db, "select id from user_account where username = 'sagsbehandler'")[0][0]
    assert [e[2] for e in entries] == ["login"] + ["export"] * sum(forms.values()) + ["logout"]
    assert {e[1] for e in entries} == {CASEWORKER}
    assert {str(e[0]).replace("-", "") for e in entries} == {str(user_id).replace("-", "")}
    assert not _sql(db, "select count(*) from audit_entry where actor_name like 'Kommandolinjen%'")[0][0]


def test_a_leader_exports_only_the_forms_of_their_own_care_home(demo, tmp_path, capsys, cli_login):
    db, month, forms = demo
    (home,) = _sql(db, "select h.name from care_home h join user_care_home uh on uh.care_home_id = h.id "
                       "join user_account u on u.id = uh.user_id where u.username = 'leder1'")[0]
    cli_login("leder1")
    out = tmp_path / "ud"
    assert _export(db, month, out) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith(f"Eksporteret {forms[home]} skema")
    assert len(list(out.rglob("*.json"))) - 1 == forms[home]  # and the receipt
    assert len(list(out.glob("*_samlet.pdf"))) == 1
    csv = next(out.glob("*_oversigt.csv")).read_text(encoding="utf-8-sig")
    (other,) = set(forms) - {home}
    assert home in csv and other not in csv
    exported = _sql(db, "select count(*) from audit_entry where action = 'export' and actor_name like 'Lene%'")[0][0]
    assert exported == forms[home]


def test_a_consultant_may_not_export_episodes(demo, tmp_path, capsys, cli_login):
    db, month, _ = demo
    cli_login("konsulent")
    since = _head(db)
    assert _export(db, month, tmp_path / "ud") == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == "Din rolle (Tilsynskonsulent) må ikke udføre denne handling."
    assert captured.out == "" and not (tmp_path / "ud").exists()
    assert [e[2] for e in _audit(db, since)] == ["login", "logout"]


def test_a_staff_member_may_not_import_residents(demo, capsys, cli_login):
    db, _, _ = demo
    cli_login("medarbejder1")
    residents = _sql(db, "select count(*) from resident")
    assert cli.main(["import-residents", "--db", db, str(EXAMPLE)]) == 1
    assert capsys.readouterr().err.strip() == "Din rolle (Medarbejder) må ikke udføre denne handling."
    assert _sql(db, "select count(*) from resident") == residents


def test_a_caseworker_imports_and_the_residents_are_audited_as_created_by_them(demo, tmp_path, capsys, cli_login):
    db, _, forms = demo
    csv = tmp_path / "beboere.csv"
    csv.write_text(f"cpr;navn;plejecenter\n120331-1002;Karen Østergaard;{sorted(forms)[0]}\n", encoding="utf-8")
    cli_login("sagsbehandler")
    since = _head(db)
    assert cli.main(["import-residents", "--db", db, str(csv)]) == 0, capsys.readouterr().err
    entries = _audit(db, since)
    assert ("create", "resident") in {(e[2], e[3]) for e in entries}
    assert {e[1] for e in entries} == {CASEWORKER}


# -- refusals --------------------------------------------------------------------------------------


def test_without_a_user_export_is_refused_and_nothing_is_written(demo, tmp_path, capsys):
    db, month, _ = demo
    since = _head(db)
    assert _export(db, month, tmp_path / "ud") == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == NO_USER and captured.out == ""
    assert NO_USER.startswith("Log ind: angiv brugernavn med --user eller TILSYN_USER.")
    assert _head(db) == since and not (tmp_path / "ud").exists()


def test_a_wrong_password_exits_1_and_the_failure_is_audited(demo, tmp_path, capsys, cli_login):
    db, month, _ = demo
    cli_login("sagsbehandler", "forkert-kode")
    since = _head(db)
    assert _export(db, month, tmp_path / "ud") == 1
    assert capsys.readouterr().err.strip() == LOGIN_FAILED
    assert [(e[1], e[2]) for e in _audit(db, since)] == [(CASEWORKER, "login_failed")]
    assert not (tmp_path / "ud").exists()


def test_an_unknown_user_is_refused_like_a_wrong_password(demo, tmp_path, capsys, cli_login):
    db, month, _ = demo
    cli_login("ukendt", "en-eller-anden-kode")
    since = _head(db)
    assert _export(db, month, tmp_path / "ud") == 1
    assert capsys.readouterr().err.strip() == LOGIN_FAILED
    assert [e[2] for e in _audit(db, since)] == ["login_failed"]


def test_wrong_passwords_on_the_command_line_throttle_the_login_window_too(demo, tmp_path, capsys, cli_login):
    db, month, _ = demo
    cli_login("sagsbehandler", "forkert-kode")
    for _ in range(4):
        assert _export(db, month, tmp_path / "ud") == 1
        assert capsys.readouterr().err.strip() == LOGIN_FAILED
    assert _export(db, month, tmp_path / "ud") == 1
    assert capsys.readouterr().err.strip() == "For mange forkerte forsøg. Vent 30 sekunder, og prøv igen."
    cli_login("sagsbehandler")  # the right password now waits too
    assert _export(db, month, tmp_path / "ud") == 1
    assert "For mange forkerte forsøg." in capsys.readouterr().err
    assert not (tmp_path / "ud").exists()
    opened = open_app(db, actor=None)
    try:
        with pytest.raises(LoginThrottled):  # the window shares the same per-account back-off
            UserService(opened.context).login("sagsbehandler", DEMO_PASSWORD)
    finally:
        close_app(opened.context)
    assert _sql(db, "select count(*) from audit_entry where action = 'login_failed'")[0][0] == 5


# -- where the password comes from ---------------------------------------------------------------


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_the_password_is_asked_with_a_hidden_prompt_on_a_terminal(demo, tmp_path, capsys, monkeypatch):
    db, month, _ = demo
    prompts = []

    def hidden(prompt):
        prompts.append(prompt)
        return DEMO_PASSWORD

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(cli.getpass, "getpass", hidden)
    assert _export(db, month, tmp_path / "ud", "--user", "sagsbehandler") == 0, capsys.readouterr().err
    assert prompts == ["Adgangskode for sagsbehandler: "]


def test_without_a_terminal_the_password_must_come_from_the_environment(demo, tmp_path, capsys, monkeypatch):
    db, month, _ = demo
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt: pytest.fail("getpass without a terminal"))
    since = _head(db)
    assert _export(db, month, tmp_path / "ud", "--user", "sagsbehandler") == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Log ind: adgangskoden for »sagsbehandler« mangler") and "TILSYN_PASSWORD" in err
    assert _head(db) == since
    monkeypatch.setenv("TILSYN_PASSWORD", DEMO_PASSWORD)
    assert _export(db, month, tmp_path / "ud", "--user", "sagsbehandler") == 0


def test_the_user_option_wins_over_the_environment(demo, tmp_path, capsys, cli_login):
    db, month, _ = demo
    cli_login("konsulent")  # TILSYN_USER; same demo password
    assert _export(db, month, tmp_path / "ud", "--user", "sagsbehandler") == 0, capsys.readouterr().err


# -- every personal-data command -------------------------------------------------------------------

# Every command but cli.NO_LOGIN_COMMANDS, with arguments that parse. A new command must be added
# here (test_every_command_is_covered) and is then refused without a user like the others.
COMMANDS = {
    "export-month": ["--month", "2026-01", "--out", "{tmp}/ud"],
    "import-residents": [str(EXAMPLE)],
    "sample": ["--year", "2026", "--seed", "42"],
    "sample-verify": ["--year", "2026"],
    "sample-redraw": ["--draw", "x", "--seed", "7", "--reason", "Forkert beboerliste"],
    "visit-move": ["--visit", "x", "--date", "10-03-2026"],
    "visit-cancel": ["--visit", "x", "--reason", "Plejecentret lukker"],
    "report-visit": ["--visit", "x", "--out", "{tmp}/ud/rapport.pdf"],
    "report-annual": ["--year", "2026", "--out", "{tmp}/ud/aar.pdf"],
    "protocols": ["list"],
    "site": ["show"],
    "exchange": ["pack", "--out", "{tmp}/ud/naeste.tilsyn"],
}


def test_every_command_is_covered():
    assert set(cli.COMMANDS) - set(cli.NO_LOGIN_COMMANDS) == set(COMMANDS)


@pytest.fixture(scope="module")
def sqlite_demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("login") / "demo.sqlite"
    assert cli.main(["demo", "--db", str(path), "--homes", "1", "--residents-per-home", "6"]) == 0
    return f"sqlite:///{path}"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_personal_data_command_is_refused_without_a_user(sqlite_demo, command, tmp_path, capsys):
    since = _head(sqlite_demo)
    files = _sql(sqlite_demo, "select count(*) from resident")
    args = [command, *(a.format(tmp=tmp_path) for a in COMMANDS[command]), "--db", sqlite_demo]
    assert cli.main(args) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == NO_USER and captured.out == ""
    assert _head(sqlite_demo) == since and _sql(sqlite_demo, "select count(*) from resident") == files
    assert not (tmp_path / "ud").exists()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_personal_data_command_refuses_a_wrong_password_and_audits_it(
    sqlite_demo, command, tmp_path, capsys, cli_login
):
    cli_login("admin", "forkert-kode")
    since = _head(sqlite_demo)
    args = [command, *(a.format(tmp=tmp_path) for a in COMMANDS[command]), "--db", sqlite_demo]
    assert cli.main(args) == 1
    assert capsys.readouterr().err.strip() == LOGIN_FAILED
    assert [(e[1], e[2]) for e in _audit(sqlite_demo, since)] == [("Anne Administrator (admin)", "login_failed")]
    assert not (tmp_path / "ud").exists()
    _reset_the_failed_tries(sqlite_demo)


def _reset_the_failed_tries(db: str) -> None:
    """A right password resets the account's counter: each command's test starts from zero."""
    opened = open_app(db, actor=None)
    try:
        UserService(opened.context).login("admin", DEMO_PASSWORD)
    finally:
        close_app(opened.context)


@pytest.mark.parametrize(("command", "username", "role"), [
    ("export-month", "konsulent", "Tilsynskonsulent"),
    ("import-residents", "medarbejder1", "Medarbejder"),
    ("sample", "sagsbehandler", "Sagsbehandler"),
    ("sample-verify", "leder1", "Nærmeste leder"),
    ("report-annual", "medarbejder1", "Medarbejder"),
])
def test_a_command_refuses_a_role_that_may_not_do_it(sqlite_demo, command, username, role, tmp_path, capsys,
                                                    cli_login):
    cli_login(username)
    args = [command, *(a.format(tmp=tmp_path) for a in COMMANDS[command]), "--db", sqlite_demo]
    assert cli.main(args) == 1
    assert capsys.readouterr().err.strip() == f"Din rolle ({role}) må ikke udføre denne handling."
    assert not (tmp_path / "ud").exists()


def test_verify_help_and_version_need_no_user(sqlite_demo, capsys):
    assert cli.main(["verify", "--db", sqlite_demo]) == 0
    assert "Alt er i orden" in capsys.readouterr().out
    assert cli.main(["--version"]) == 0
    for command in ["--help", *COMMANDS]:
        assert cli.main([command, "--help"] if command != "--help" else ["--help"]) == 0
    assert "--user BRUGERNAVN" in _help("export-month", capsys)


def _help(command: str, capsys) -> str:
    capsys.readouterr()
    assert cli.main([command, "--help"]) == 0
    return capsys.readouterr().out


def test_there_is_no_password_option(capsys):
    assert cli.main(["export-month", "--month", "2026-01", "--out", "ud", "--password", "x"]) == 2
    assert "ukendte argumenter: --password" in capsys.readouterr().err
