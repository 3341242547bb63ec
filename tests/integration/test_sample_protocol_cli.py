"""tilsyn sample --protocol ID@VERSION (issue 13, point 6): a programme made by the command line
chooses its protocol versions from those installed; the kinds not named get their default; an
existing programme keeps its own and another choice is refused by name."""

from __future__ import annotations

import pytest

from supervision_support import PW, build
from tilsyn import cli
from tilsyn.services.app import close_app, open_app
from tilsyn.services.supervision import SupervisionService
from tilsyn.services.users import UserService

SAMPLE = ("sample", "--year", "2026", "--seed", "42", "--visit-date", "10-03-2026", "--total", "5",
          "--min-per-home", "2", "--max-per-home", "3")
DEFAULTS = ["relative-phone-2011@1", "resident-2011@1", "staff-dialogue-2011@1",
            "staff-evaluation-monthly-form-2011@1"]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "t.sqlite"
    opened = open_app(str(path))
    build(opened.context)
    close_app(opened.context)
    return str(path)


@pytest.fixture(autouse=True)
def _as_the_consultant(cli_login):
    cli_login("karl", PW)


def run(capsys, *args):
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def programme_protocols(path: str) -> list[str]:
    opened = open_app(path)
    try:
        UserService(opened.context).login("karl", PW)
        return sorted(SupervisionService(opened.context).programme_for_year(2026).protocols)
    finally:
        close_app(opened.context)


def test_sample_protocol_chooses_the_versions_of_a_new_programme(db, capsys):
    code, out, err = run(capsys, *SAMPLE, "--protocol", "resident-2023@1", "--protocol", "relative-phone-2023@1",
                         "--db", db)
    assert code == 0, err
    assert "Tilsynsprogram 2026: 5 beboere udtrukket" in out
    assert programme_protocols(db) == ["relative-phone-2023@1", "resident-2023@1", "staff-dialogue-2011@1",
                                       "staff-evaluation-monthly-form-2011@1"]
    # The same choice again is the same programme; another version is refused, naming both.
    code, _, err = run(capsys, *SAMPLE, "--protocol", "resident-2023@1", "--db", db)
    assert code == 0, err
    code, out, err = run(capsys, *SAMPLE, "--protocol", "resident-2011@1", "--db", db)
    assert code == 1 and out == ""
    assert ("Tilsynsprogram 2026 findes allerede med interviewguiderne relative-phone-2023@1, resident-2023@1, "
            "staff-dialogue-2011@1, staff-evaluation-monthly-form-2011@1; resident-2011@1 kan ikke vælges nu.") in err
    assert "Traceback" not in err


def test_without_protocol_a_new_programme_gets_each_kinds_default(db, capsys):
    code, _, err = run(capsys, *SAMPLE, "--db", db)
    assert code == 0, err
    assert programme_protocols(db) == DEFAULTS


@pytest.mark.parametrize("args, code, text", [
    (("--protocol", "resident-2023"), 2, "er ikke på formen ID@VERSION"),
    (("--protocol", "resident-2023@x"), 2, "er ikke på formen ID@VERSION"),
    (("--protocol", "resident-2099@1"), 1, "Interviewguiden resident-2099 (version 1) findes ikke."),
    (("--protocol", "resident-2011@1", "--protocol", "resident-2023@1"), 1,
     "Tilsynsprogrammet kan kun have én interviewguide af slagsen »Beboere«."),
])
def test_a_wrong_protocol_is_refused_in_danish_and_no_programme_is_made(db, capsys, args, code, text):
    got, out, err = run(capsys, *SAMPLE, *args, "--db", db)
    assert got == code and text in err, err
    assert "Traceback" not in err
    opened = open_app(db)
    try:
        UserService(opened.context).login("karl", PW)
        assert SupervisionService(opened.context).programme_for_year(2026) is None
    finally:
        close_app(opened.context)
