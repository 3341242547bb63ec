"""tilsyn sample / sample-verify / report-visit / report-annual: exit codes 0/1/2, Danish output,
and a sample anyone can recompute from the JSON with nothing but hashlib."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import stat

import pytest

from supervision_support import PW, RESIDENTS, build, full_visit
from tilsyn import cli
from tilsyn.services.app import close_app, open_app

D = dt.date


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "t.sqlite"
    opened = open_app(str(path))
    w = build(opened.context)
    close_app(opened.context)
    return str(path), w


@pytest.fixture(autouse=True)
def _as_the_consultant(cli_login):
    """The commands log in; Karl is the world's supervision consultant."""
    cli_login("karl", PW)


def run(capsys, *args):
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


SAMPLE = ("sample", "--year", "2026", "--seed", "42", "--visit-date", "10-03-2026", "--total", "5",
          "--min-per-home", "2", "--max-per-home", "3")


def living(home: int, day: dt.date) -> list[int]:
    return [i for i, r in enumerate(RESIDENTS) if r[2] == home and r[3] <= day and (r[4] is None or r[4] >= day)]


def test_sample_prints_the_sample_per_care_home(db, capsys):
    path, _ = db
    code, out, err = run(capsys, *SAMPLE, "--db", path)
    assert code == 0, err
    assert ("Tilsynsprogram 2026: 5 beboere udtrukket på 2 plejecentre (2-3 pr. plejecenter, i alt planlagt 5; "
            "frø 42).") in out
    assert "Bakkegården (besøg 10-03-2026): 3 af 8 beboere" in out
    assert "Solgården (besøg 10-03-2026): 2 af 5 beboere" in out
    assert "Pårørende: 1 af 1 beboer med registreret magtanvendelse inden for 1 år" in out  # not "1 beboere"
    assert "tilsyn sample-verify --year 2026" in out
    for _, name, *_ in RESIDENTS:
        assert name not in out


def test_sample_json_can_be_recomputed_by_anyone(db, capsys):
    path, w = db
    code, out, _ = run(capsys, *SAMPLE, "--json", "--db", path)
    assert code == 0
    data = json.loads(out)
    assert (data["year"], data["seed"], data["total"]) == (2026, "42", 5)
    homes = {h["care_home"]: h for h in data["care_homes"]}
    assert set(homes) == {"Bakkegården", "Solgården"}
    for index, name in enumerate(("Bakkegården", "Solgården")):
        frame = [w.residents[i] for i in living(index, D(2026, 3, 10))]
        ranked = sorted(frame, key=lambda r: hashlib.sha256(
            f"42|{data['programme_id']}|{r}".encode()).hexdigest())
        got = homes[name]["residents"]
        assert got["frame_size"] == len(frame)
        assert got["resident_ids"] == ranked[:got["size"]]
    assert homes["Bakkegården"]["relatives"]["resident_ids"] == [w.jens]
    # Again: the programme and its draws are used, not drawn anew.
    code, again, _ = run(capsys, *SAMPLE, "--json", "--db", path)
    assert code == 0 and json.loads(again) == data


def test_sample_verify_exit_codes(db, capsys):
    path, _ = db
    run(capsys, *SAMPLE, "--db", path)
    code, out, _ = run(capsys, "sample-verify", "--year", "2026", "--db", path)
    assert code == 0
    assert "Bakkegården, beboere (frø 42): stemmer." in out and "4 af 4 stikprøver stemmer." in out
    with sqlite3.connect(path) as conn:
        draw_id = conn.execute("select id from sample_draw where kind = 'resident' limit 1").fetchone()[0]
        conn.execute("update sample_member set rank = 9 where rank = 2 and draw_id = ?", (draw_id,))
    code, out, err = run(capsys, "sample-verify", "--year", "2026", "--db", path)
    assert code == 1 and out == ""
    assert "FEJL:" in err and "stemmer ikke med en ny beregning" in err and "3 af 4 stikprøver stemmer." in err
    code, _, err = run(capsys, "sample-verify", "--draw", "ikke-et-id", "--db", path)
    assert (code, err.strip()) == (1, "Stikprøven findes ikke (længere).")
    code, _, err = run(capsys, "sample-verify", "--year", "2019", "--db", path)
    assert (code, err.strip()) == (1, "Der er intet tilsynsprogram for 2019.")


def test_reports_are_written(db, capsys, tmp_path):
    path, w = db
    opened = open_app(path)
    w.ctx = opened.context
    from tilsyn.services.supervision import SupervisionService
    from tilsyn.services.users import UserService

    w.users, w.svc = UserService(w.ctx), SupervisionService(w.ctx)
    w.ctx.clock = lambda: w.clock["now"]
    ids = full_visit(w)
    close_app(opened.context)
    out_file = tmp_path / "ud" / "rapport.pdf"
    code, out, err = run(capsys, "report-visit", "--visit", ids["visit"], "--out", str(out_file), "--db", path)
    assert code == 0, err
    assert out.strip() == f"Tilsynsrapporten er gemt i {out_file}."
    assert out_file.read_bytes().startswith(b"%PDF")
    annual = tmp_path / "aar.pdf"
    code, out, _ = run(capsys, "report-annual", "--year", "2026", "--out", str(annual), "--db", path)
    assert code == 0 and out.strip() == f"Årsevalueringen for 2026 er gemt i {annual}."
    assert annual.read_bytes().startswith(b"%PDF")
    if os.name == "posix":  # reports hold personal data: readable by their owner only
        assert {stat.S_IMODE(p.stat().st_mode) for p in (out_file, annual)} == {0o600}
    code, _, err = run(capsys, "report-visit", "--visit", "00000000-0000-0000-0000-000000000000", "--out",
                       str(out_file), "--db", path)
    assert (code, err.strip()) == (1, "Tilsynsbesøget findes ikke (længere).")
    code, _, err = run(capsys, "report-annual", "--year", "2019", "--out", str(annual), "--db", path)
    assert code == 1 and "intet tilsynsprogram for 2019" in err


def test_usage_errors_exit_2(capsys, tmp_path):
    db = str(tmp_path / "t.sqlite")
    assert run(capsys, "sample", "--year", "2026", "--db", db)[0] == 2
    code, _, err = run(capsys, "sample-verify", "--year", "2026", "--draw", "x", "--db", db)
    assert code == 2 and "kan ikke bruges sammen med" in err
    code, _, err = run(capsys, "sample", "--year", "2026", "--seed", "1", "--visit-date", "31-02-2026", "--db", db)
    assert code == 2 and "31-02-2026 findes ikke" in err
    assert run(capsys, "report-visit", "--visit", "x", "--db", db)[0] == 2
    assert cli.wants_cli(["sample", "--year", "2026"]) and cli.wants_cli(["--db", "x", "report-annual"])


# -- issue 13 ------------------------------------------------------------------------------------

import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def draw_ids(path, kind="resident"):
    with sqlite3.connect(path) as conn:
        rows = conn.execute("select id from sample_draw where kind = ? and superseded_by_id is null "
                            "order by drawn_at, id", (kind,)).fetchall()
    return [str(__import__("uuid").UUID(r[0])) for r in rows]


def test_another_seed_or_plan_on_a_drawn_programme_exits_1_naming_the_stored_ones(db, capsys):
    path, _ = db
    assert run(capsys, *SAMPLE, "--db", path)[0] == 0
    with sqlite3.connect(path) as conn:
        before = conn.execute("select count(*), group_concat(distinct seed) from sample_draw").fetchone()
    for args in (("--seed", "7"), ("--seed", "42", "--total", "0", "--min-per-home", "1", "--max-per-home", "2"),
                 ("--seed", "42", "--max-per-home", "4")):
        code, out, err = run(capsys, "sample", "--year", "2026", *args, "--db", path)
        assert (code, out) == (1, ""), err
        assert "Tilsynsprogram 2026 har allerede stikprøver, trukket med frø 42 og stikprøveplanen 5 beboere i " \
               "alt, 2-3 pr. plejecenter" in err
        assert 'tilsyn sample-redraw --draw ID --seed N --reason "begrundelse"' in err
    with sqlite3.connect(path) as conn:
        after = conn.execute("select count(*), group_concat(distinct seed) from sample_draw").fetchone()
        plan = conn.execute("select sample_total, sample_min, sample_max, seed from supervision_programme").fetchone()
    assert before == after == (4, "42") and plan == (5, 2, 3, "42")
    # The same seed and plan (or none) shows the stored samples again.
    assert run(capsys, "sample", "--year", "2026", "--seed", "42", "--db", path)[0] == 0


def test_the_redraw_command_takes_a_reason_and_keeps_the_old_draw(db, capsys):
    path, _ = db
    run(capsys, *SAMPLE, "--db", path)
    old = draw_ids(path)[0]
    code, _, err = run(capsys, "sample-redraw", "--draw", old, "--seed", "7", "--reason", "kort", "--db", path)
    assert code == 1 and "mindst 5 tegn" in err
    code, _, err = run(capsys, "sample-redraw", "--draw", old, "--seed", "7", "--reason", "Forkert dato",
                       "--size", "0", "--db", path)
    assert code == 1 and "mindst 1 udtrukket" in err
    code, out, err = run(capsys, "sample-redraw", "--draw", old, "--seed", "7", "--size", "2", "--reason",
                         "Forkert beboerliste", "--db", path)
    assert code == 0, err
    assert "trukket om med frø 7: 2 af" in out and f"Den gamle stikprøve ({old}, frø 42) er gemt" in out
    with sqlite3.connect(path) as conn:
        row = conn.execute("select redraw_reason, superseded_by_id is not null from sample_draw where id = ?",
                           (old.replace("-", ""),)).fetchone()
    assert row == ("Forkert beboerliste", 1)
    code, out, _ = run(capsys, "sample-verify", "--year", "2026", "--db", path)
    assert code == 0 and "(frø 7): stemmer." in out


def test_total_zero_is_refused_and_an_infeasible_plan_is_stated(db, capsys):
    path, _ = db
    code, out, err = run(capsys, "sample", "--year", "2026", "--seed", "1", "--total", "0", "--db", path)
    assert (code, out) == (1, "")
    assert err.strip() == "Stikprøven skal have mindst 1 beboer i alt (ikke 0)."
    code, out, err = run(capsys, "sample", "--year", "2026", "--seed", "1", "--total", "100000", "--max-per-home",
                         "3", "--visit-date", "10-03-2026", "--db", path)
    assert code == 0, err
    assert "Bemærk: 100000 kan ikke nås med 2 plejecentre á højst 3; der trækkes 6." in out
    code, out, err = run(capsys, "sample", "--year", "2026", "--seed", "1", "--json", "--db", path)
    assert json.loads(out)["plan"]["note"] == "100000 kan ikke nås med 2 plejecentre á højst 3; der trækkes 6."
    assert "Bemærk: 100000 kan ikke nås" in err


def test_visit_dates_are_one_working_day_per_home_inside_the_year(db, capsys):
    path, _ = db
    code, _, err = run(capsys, "sample", "--year", "2027", "--seed", "3", "--visit-date", "01-01-2027", "--db", path)
    assert (code, err.strip()) == (1, "01-01-2027 er en helligdag (Nytårsdag). Tilsynsbesøg planlægges på hverdage.")
    code, _, err = run(capsys, "sample", "--year", "2027", "--seed", "3", "--visit-date", "10-03-2030", "--db", path)
    assert code == 1 and "ligger uden for tilsynsprogrammets år (2027)" in err
    code, _, err = run(capsys, "sample", "--year", "2027", "--seed", "3", "--visit-dates", "Ukendt=10-03-2027",
                       "--db", path)
    assert code == 1 and "»ukendt« findes ikke" in err
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from supervision_visit").fetchone() == (0,)  # nothing half-written
    code, out, err = run(capsys, "sample", "--year", "2027", "--seed", "3", "--visit-dates", "Solgården=16-03-2027",
                         "--json", "--db", path)
    assert code == 0, err
    dates = {h["care_home"]: dt.date.fromisoformat(h["visit_date"]) for h in json.loads(out)["care_homes"]}
    from tilsyn.domain.supervision.planning import danish_public_holidays

    dk = danish_public_holidays(2027)
    assert dates["Solgården"] == D(2027, 3, 16)
    assert dates["Bakkegården"].year == 2027 and dates["Bakkegården"].weekday() < 5 and dates["Bakkegården"] not in dk
    # Moving and cancelling a visit.
    with sqlite3.connect(path) as conn:
        visit = conn.execute("select v.id from supervision_visit v join care_home h on h.id = v.care_home_id "
                             "where h.name = 'Solgården'").fetchone()[0]
    visit = str(__import__("uuid").UUID(visit))
    code, _, err = run(capsys, "visit-move", "--visit", visit, "--date", "20-03-2027", "--db", path)
    assert code == 1 and "lørdag eller søndag" in err
    code, out, err = run(capsys, "visit-move", "--visit", visit, "--date", "18-03-2027", "--reason", "Sygdom",
                         "--db", path)
    assert code == 0 and "flyttet til 18-03-2027. Stikprøven er trukket og beholder sin dato" in out, err
    code, _, err = run(capsys, "visit-cancel", "--visit", visit, "--reason", "nej", "--db", path)
    assert code == 1 and "mindst 5 tegn" in err
    code, out, err = run(capsys, "visit-cancel", "--visit", visit, "--reason", "Plejecentret lukker", "--db", path)
    assert code == 0 and "er aflyst" in out, err
    with sqlite3.connect(path) as conn:
        assert conn.execute("select status, cancel_reason from supervision_visit where id = ?", (visit.replace(
            "-", ""),)).fetchone() == ("cancelled", "Plejecentret lukker")
        audit = conn.execute("select reason from audit_entry where entity_type = 'supervision_visit' "
                             "and reason = 'Plejecentret lukker'").fetchall()
    assert audit


def readme_script() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(# recompute_sample\.py.*?)```", text, re.S)
    assert block, "README.md shows the recompute script"
    return block.group(1)


def test_the_readme_script_recomputes_the_sample_from_the_json_with_hashlib_alone(db, capsys, tmp_path):
    from tilsyn.services.supervision.service import RECOMPUTE_SCRIPT

    path, w = db
    assert run(capsys, *SAMPLE, "--exclude", f"{w.bo}:hospital", "--db", path)[0] == 0
    # A refusal with its replacement: the members are ranks 1..k+1 of the same ranking.
    opened = open_app(path)
    from tilsyn.services.supervision import SupervisionService
    from tilsyn.services.users import UserService

    UserService(opened.context).login("karl", "et-godt-kodeord")
    svc = SupervisionService(opened.context)
    first = svc.draw(draw_ids(path)[0])
    svc.refuse_member(first.members[0].id, "ill")
    close_app(opened.context)
    script = readme_script()
    assert script == (ROOT / "scripts" / "recompute_sample.py").read_text(encoding="utf-8")
    assert script.split("\n", 1)[1] == RECOMPUTE_SCRIPT and len(RECOMPUTE_SCRIPT.splitlines()) <= 10
    for command in (("sample", "--year", "2026", "--seed", "42", "--json"),
                    ("sample-verify", "--year", "2026", "--json")):
        code, out, err = run(capsys, *command, "--db", path)
        assert code == 0, err
        data = json.loads(out)
        assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", data["programme_id"])
        assert "bindestreger" in data["how_to_verify"]["ids"]
        assert data["how_to_verify"]["relatives"]["formula"].count("relative|") == 1
        assert "12 måneder" in data["how_to_verify"]["relatives"]["rule"]
        homes = {h["care_home"]: h for h in data["care_homes"]}
        assert homes["Bakkegården"]["residents"]["excluded"][0]["resident_id"] == w.bo
        assert w.bo not in homes["Bakkegården"]["residents"]["frame"]
        assert homes["Bakkegården"]["relatives"]["force_registered_between"] == ["2025-03-10", "2026-03-10"]
        file = tmp_path / "stikproeve.json"
        file.write_text(out, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        done = subprocess.run([sys.executable, "-I", "-c", script, str(file)], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == ["Bakkegården residents stemmer", "Bakkegården relatives stemmer",
                                            "Solgården residents stemmer", "Solgården relatives stemmer"]
    # Hashing the 32-hex form SQLite stores gives another order: the JSON says which form is hashed.
    frame = homes["Bakkegården"]["residents"]["frame"]
    pid = data["programme_id"]
    hyphen = sorted(frame, key=lambda r: hashlib.sha256(f"42|{pid}|{r}".encode()).hexdigest())
    bare = sorted(frame, key=lambda r: hashlib.sha256(f"42|{pid.replace('-', '')}|{r.replace('-', '')}".encode())
                  .hexdigest())
    assert [r.replace("-", "") for r in hyphen] != [r.replace("-", "") for r in bare]
    # A tampered member is caught by the same script.
    data["care_homes"][0]["residents"]["members"][0]["resident_id"] = frame[-1]
    file.write_text(json.dumps(data), encoding="utf-8")
    done = subprocess.run([sys.executable, "-I", "-c", script, str(file)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60)
    assert "Bakkegården residents STEMMER IKKE" in done.stdout


def test_exclusions_on_the_command_line(db, capsys):
    path, w = db
    code, _, err = run(capsys, *SAMPLE, "--exclude", f"{w.bo}:ferie", "--db", path)
    assert code == 1 and "Ukendt årsag til at udelade en beboer: ferie." in err
    code, _, err = run(capsys, *SAMPLE, "--exclude", "ikke-et-id:hospital", "--db", path)
    assert code == 1 and "BEBOER-ID:ÅRSAG" in err
    code, _, err = run(capsys, *SAMPLE, "--exclude", "00000000-0000-0000-0000-000000000001:hospital", "--db", path)
    assert code == 1 and "bor ikke på et af de plejecentre" in err
    code, _, err = run(capsys, *SAMPLE, "--exclude", f"{w.bo}:other", "--db", path)
    assert code == 1 and "Skriv hvorfor beboeren udelades" in err
    code, out, err = run(capsys, *SAMPLE, "--exclude", f"{w.bo}:other:Flytter i morgen", "--exclude",
                         f"{w.anna}:terminal", "--json", "--db", path)
    assert code == 0, err
    excluded = json.loads(out)["care_homes"][0]["residents"]["excluded"]
    assert sorted((e["resident_id"], e["reason"], e["note"]) for e in excluded) == sorted(
        [(w.bo, "other", "Flytter i morgen"), (w.anna, "terminal", "")])
