"""``tilsyn protocols list|add FIL.toml`` (issue 13, point 6): a municipality's own protocol or scale
is validated, refused in Danish when wrong, stored in the database (never in the app's files) and
then choosable by a programme."""

from __future__ import annotations

import hashlib

import pytest

from supervision_support import PW, build
from tilsyn import cli
from tilsyn.domain.supervision.protocols import protocol_dir
from tilsyn.domain.supervision.scales import scale_dir
from tilsyn.services.app import close_app, open_app


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


def _app_files():
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for d in (protocol_dir(), scale_dir()) for p in sorted(d.glob("*.toml"))}


def test_protocols_add_installs_into_the_database_and_never_touches_the_app(db, tmp_path, capsys):
    before = _app_files()
    scale = (scale_dir() / "experience-2023.toml").read_text(encoding="utf-8").replace(
        'id = "experience-2023"', 'id = "oplevelse-vejle"')
    protocol = (protocol_dir() / "resident-2023.toml").read_text(encoding="utf-8").replace(
        'id = "resident-2023"', 'id = "resident-vejle"').replace("experience-2023", "oplevelse-vejle")
    (tmp_path / "skala.toml").write_text(scale, encoding="utf-8")
    (tmp_path / "guide.toml").write_text(protocol, encoding="utf-8")
    code, out, err = run(capsys, "protocols", "add", str(tmp_path / "guide.toml"), "--db", db)
    assert code == 1 and "Svarskalaen oplevelse-vejle version 1 findes ikke. Installér svarskalaen først." in err
    code, out, err = run(capsys, "protocols", "add", str(tmp_path / "skala.toml"), "--db", db)
    assert code == 0, err
    assert out.startswith("Svarskala »Oplevelse (i høj grad ... slet ikke) (2023-model)« (oplevelse-vejle version 1) "
                          "er installeret i databasen")
    code, out, err = run(capsys, "protocols", "add", str(tmp_path / "guide.toml"), "--db", db)
    assert code == 0, err
    assert "Et nyt tilsynsprogram kan nu vælge resident-vejle@1." in out
    code, out, _ = run(capsys, "protocols", "add", str(tmp_path / "guide.toml"), "--db", db)
    assert code == 0 and "er allerede installeret med præcis dette indhold" in out
    (tmp_path / "guide.toml").write_text(protocol.replace("Hvor tilfreds", "Hvor glad"), encoding="utf-8")
    code, _, err = run(capsys, "protocols", "add", str(tmp_path / "guide.toml"), "--db", db)
    assert code == 1 and "findes allerede med et andet indhold" in err and "sæt »version« et nummer op" in err
    code, out, _ = run(capsys, "protocols", "list", "--db", db)
    assert code == 0
    line = next(x for x in out.splitlines() if "resident-vejle@1" in x)
    assert line.startswith("Interviewguide") and "installeret" in line and "karl" in line
    assert any("resident-2011@1" in x and "følger med programmet" in x for x in out.splitlines())
    assert _app_files() == before


@pytest.mark.parametrize(("content", "message"), [
    (b"id = = 'x'\n", "Filen er ikke gyldig TOML (linje 1, kolonne 6)"),
    (b"\xff\xfeid", "ikke gemt som UTF-8"),
    (b"id='x'\nversion=1\ntitle='X'\n[[options]]\ncode='a'\nlabel='A'\nscore=101\n",
     "Scoren for svarmuligheden »a« skal være et tal fra 0 til 100 med højst to decimaler"),
])
def test_a_bad_file_is_refused_in_danish_without_a_traceback(db, tmp_path, capsys, content, message):
    f = tmp_path / "fil.toml"
    f.write_bytes(content)
    code, out, err = run(capsys, "protocols", "add", str(f), "--db", db)
    assert code == 1 and message in err and "Traceback" not in err + out


def test_a_missing_file_is_named(db, tmp_path, capsys):
    code, _, err = run(capsys, "protocols", "add", str(tmp_path / "nej.toml"), "--db", db)
    assert code == 1 and err.strip().endswith("kan ikke læses: filen findes ikke")
