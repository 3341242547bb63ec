"""The command line's argument handling: which args mean the CLI, usage errors, Danish help."""

from __future__ import annotations

import pytest

from tilsyn import __version__, cli
from tilsyn.services.imports import COLUMNS


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["demo"], True),
        (["import-residents", "beboere.csv"], True),
        (["--db", "x.sqlite", "demo"], True),
        (["--db=x.sqlite", "demo"], True),
        (["-h"], True),
        (["--help"], True),
        (["--version"], True),
        (["--db", "x.sqlite", "--version"], True),
        ([], False),  # the desktop app
        (["--db", "x.sqlite"], False),  # the desktop app on another database
        (["--db", "demo"], False),  # a database file called "demo" is not the command
        (["-platform", "offscreen"], False),  # Qt's own options go to the GUI
        (["-style", "fusion", "--db", "x.sqlite"], False),
        (["--style", "fusion"], False),
        (["-style=fusion"], False),
        # A word that is not a command is the command line's to refuse, never the window's.
        (["rapport"], True),
        (["exprot-month", "--month", "2026-03", "--out", "ud"], True),
        (["--db", "x.sqlite", "exprot-month"], True),
        # --db without its value: the usage text, not the default database in a window.
        (["--db"], True),
        (["--db", "--passphrase-env", "X"], True),
        (["--db="], True),
        (["--passphrase-env"], True),
    ],
)
def test_wants_cli(args, expected):
    assert cli.wants_cli(args) is expected


def test_db_option_before_or_after_the_command():
    parser = cli.build_parser()
    assert parser.parse_args(["--db", "a.sqlite", "demo"]).db == "a.sqlite"
    assert parser.parse_args(["demo", "--db", "b.sqlite"]).db == "b.sqlite"
    assert not hasattr(parser.parse_args(["demo"]), "db")  # then TILSYN_DB / the default file


def test_demo_defaults_match_the_sources():
    ns = cli.build_parser().parse_args(["demo"])
    assert (ns.seed, ns.homes, ns.residents_per_home, ns.force) == (2011, 19, 60, False)


@pytest.mark.parametrize(
    ("args", "danish"),
    [
        (["demo", "--homes", "0"], "skal være mellem 1 og 500, ikke 0"),
        (["demo", "--homes", "mange"], "»mange« er ikke et helt tal"),
        (["demo", "--seed", "x"], "»x« er ikke et helt tal"),
        (["demo", "--frob"], "ukendte argumenter: --frob"),
        (["import-residents"], "disse argumenter mangler: FIL.csv"),
        (["demo", "--db"], "mangler en værdi"),
        (["rapport"], "ukendt kommando »rapport«. Kommandoerne er: demo, import-residents,"),
        (["exprot-month", "--month", "2026-03"], "ukendt kommando »exprot-month«. Mente du export-month?"),
        (["--db", "x.sqlite", "verfy"], "ukendt kommando »verfy«. Mente du verify?"),
        (["sampel-verify", "--year", "2026"], "Mente du sample-verify?"),
        (["--db"], "tilsyn: fejl: --db: mangler en værdi"),
        (["--db="], "tilsyn: fejl: --db mangler en værdi"),
        (["verify", "--db="], "tilsyn: fejl: --db mangler en værdi"),
        (["demo", "--passphrase-env"], "--passphrase-env: mangler en værdi"),
    ],
)
def test_usage_errors_exit_2_in_danish(args, danish, capsys):
    assert cli.main(args) == cli.EXIT_USAGE == 2
    err = capsys.readouterr().err
    assert danish in err
    assert "Brug: tilsyn" in err and "fejl:" in err


def test_no_command_prints_help_and_exits_2(capsys):
    assert cli.main([]) == 2
    assert "KOMMANDO" in capsys.readouterr().err


def test_version(capsys):
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"tilsyn {__version__}"


def test_help_is_danish_and_lists_commands_and_exit_codes(capsys):
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    for text in ("Brug: tilsyn", "kommandoer:", "demo", "import-residents", "Afslutningskoder:",
                 "vis denne hjælp og afslut", "TILSYN_DB"):
        assert text in out
    for english in ("usage:", "options:", "show this help"):
        assert english not in out


def test_import_help_documents_the_columns(capsys):
    assert cli.main(["import-residents", "--help"]) == 0
    out = capsys.readouterr().out
    listed = out.split("Kolonner", 1)[1].split("Påkrævet", 1)[0]
    assert [c.strip(" ,\n") for c in listed.split(":", 1)[1].split()] == list(COLUMNS)
    assert "Påkrævet: cpr, navn, plejecenter." in out
    assert "Alt eller intet" in out


def test_a_mistyped_command_creates_no_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TILSYN_DB", str(tmp_path / "data" / "tilsyn.sqlite"))
    assert cli.main(["exprot-month", "--month", "2026-03", "--out", str(tmp_path / "ud")]) == 2
    assert not (tmp_path / "data").exists() and not (tmp_path / "ud").exists()


def test_encrypt_help_names_the_backup_options(capsys):
    assert cli.main(["encrypt", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--encrypt-backups", "--remove-plain-backups", "--remove-plain"):
        assert option in out


# -- nobody acts without logging in (issue 10, point 5) -------------------------------------------


def _subparsers(parser):
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices
    return {}


def test_every_command_but_the_exempt_ones_takes_user_and_none_takes_a_password():
    commands = _subparsers(cli.build_parser())
    assert set(commands) == set(cli.COMMANDS)
    assert set(cli.NO_LOGIN_COMMANDS) == {"demo", "verify", "encrypt", "rekey"}
    for name, sub in commands.items():
        options = {o for a in sub._actions for o in a.option_strings}
        assert ("--user" in options) is (name not in cli.NO_LOGIN_COMMANDS), name
        assert not any("password" in o for o in options), name


def test_the_command_line_never_acts_as_a_built_in_system_actor():
    import inspect

    source = inspect.getsource(cli)
    for name in ("SYSTEM", "SYSTEM_EXPORT", "SYSTEM_CONSULTANT", "_open_as"):
        assert f"{name}," not in source and f"{name})" not in source and f"import {name}" not in source, name


def test_the_built_in_actors_may_do_only_their_one_job():
    from tilsyn.domain import roles
    from tilsyn.domain.roles import DEMO_GENERATOR, VERIFIER, Action, allowed

    assert not hasattr(roles, "SYSTEM_CONSULTANT")
    assert [a for a in Action if allowed(VERIFIER, a)] == [Action.AUDIT_VERIFY]
    assert [a for a in Action if allowed(DEMO_GENERATOR, a)] == [Action.DEMO_LOAD]
    assert VERIFIER.id is None and DEMO_GENERATOR.id is None  # no account to log in as


def test_an_empty_user_is_a_usage_error(capsys):
    assert cli.main(["export-month", "--month", "2026-01", "--out", "ud", "--user", ""]) == 2
    assert "--user mangler en værdi" in capsys.readouterr().err
