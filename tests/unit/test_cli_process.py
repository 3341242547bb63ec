"""The command line as a real process: ``python -m tilsyn``, exit codes, and no Qt."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow


def _run(args: list[str], tmp_path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=tmp_path,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_python_m_tilsyn_demo(tmp_path):
    db = tmp_path / "demo.sqlite"
    proc = _run(["-m", "tilsyn", "demo", "--db", str(db), "--homes", "2", "--residents-per-home", "5"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Oprettet 2 plejecentre" in proc.stdout and "10 beboere" in proc.stdout

    again = _run(["-m", "tilsyn", "demo", "--db", str(db), "--homes", "2", "--residents-per-home", "5"], tmp_path)
    assert again.returncode == 1
    assert "Databasen er ikke tom" in again.stderr

    usage = _run(["-m", "tilsyn", "demo", "--db", str(db), "--homes", "nul"], tmp_path)
    assert usage.returncode == 2
    assert "»nul« er ikke et helt tal" in usage.stderr


def test_cli_never_imports_qt(tmp_path):
    db = tmp_path / "demo.sqlite"
    script = textwrap.dedent(
        f"""
        import sys
        from tilsyn import cli
        rc = cli.main(["demo", "--db", {str(db)!r}, "--homes", "2", "--residents-per-home", "5"])
        rc = rc or cli.main(["import-residents", "--db", {str(db)!r}, "findes-ikke.csv"]) - 1
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
        assert not qt, qt
        sys.exit(rc)
        """
    )
    proc = _run(["-c", script], tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_same_seed_gives_the_same_people_in_any_process(tmp_path):
    """No dependence on string hashing (set order) between processes."""
    cprs = []
    for hashseed in ("1", "2"):
        db = tmp_path / f"demo-{hashseed}.sqlite"
        proc = _run(
            ["-m", "tilsyn", "demo", "--db", str(db), "--homes", "2", "--residents-per-home", "8", "--seed", "42"],
            tmp_path,
            PYTHONHASHSEED=hashseed,
        )
        assert proc.returncode == 0, proc.stderr
        con = sqlite3.connect(db)
        cprs.append(con.execute("select cpr, name, room from resident order by cpr").fetchall())
        cprs.append(con.execute(
            "select r.cpr, p.decision_reference, p.valid_from, p.valid_to, group_concat(t.type_code) "
            "from permit p join resident r on r.id = p.resident_id "
            "join permit_force_type t on t.permit_id = p.id group by p.id order by 1, 2"
        ).fetchall())
        con.close()
    assert cprs[0] == cprs[2] and cprs[1] == cprs[3]
    assert len(cprs[0]) == 16


def test_version_and_missing_file(tmp_path):
    version = _run(["-m", "tilsyn", "--version"], tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("tilsyn ")
    db = str(tmp_path / "t.sqlite")
    demo = _run(["-m", "tilsyn", "demo", "--db", db, "--homes", "1", "--residents-per-home", "0"], tmp_path)
    assert demo.returncode == 0, demo.stderr
    missing = _run(["-m", "tilsyn", "import-residents", "--db", db, "nej.csv"], tmp_path,
                   TILSYN_USER="sagsbehandler", TILSYN_PASSWORD="demo-kode")  # a script's login
    assert missing.returncode == 1
    assert missing.stderr.strip() == "Filen nej.csv findes ikke."
    nobody = _run(["-m", "tilsyn", "import-residents", "--db", db, "nej.csv"], tmp_path)
    assert nobody.returncode == 1 and nobody.stderr.startswith("Log ind: angiv brugernavn med --user")


def _without_display() -> dict[str, str]:
    # Were the window started, it would say there is no screen (and exit 2 as well).
    return {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}


@pytest.mark.parametrize(
    "args",
    [["exprot-month", "--month", "2026-03", "--out", "ud"], ["--db"], ["--db="], ["--db", "x.sqlite", "verfy"]],
    ids=["mistyped-command", "db-without-value", "db-empty", "mistyped-after-db"],
)
def test_usage_errors_give_the_danish_usage_text_and_never_open_the_window(args, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "tilsyn", *args], cwd=tmp_path, env=_without_display(),
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("Brug: tilsyn") and "tilsyn: fejl: " in proc.stderr
    assert "skærm" not in proc.stderr and "display" not in proc.stderr.lower()
    assert "Traceback" not in proc.stderr

    script = textwrap.dedent(
        f"""
        import sys
        from tilsyn.__main__ import main
        rc = main({args!r})
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
        assert not qt, qt
        sys.exit(rc)
        """
    )
    in_process = _run(["-c", script], tmp_path)
    assert in_process.returncode == 2, in_process.stderr
    assert not list(tmp_path.iterdir())  # no database, no output folder


def test_verify_on_a_mistyped_database_path_refuses_and_creates_nothing(tmp_path):
    proc = _run(["-m", "tilsyn", "verify", "--db", "typo/tilsyn.sqllite"], tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"Databasen {tmp_path / 'typo' / 'tilsyn.sqllite'} findes ikke.")
    assert "Alt er i orden" not in proc.stdout
    assert not (tmp_path / "typo").exists()
