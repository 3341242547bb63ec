"""tilsyn sample / sample-verify / report-visit / report-annual: exit codes 0/1/2, Danish output,
and a sample anyone can recompute from the JSON with nothing but hashlib."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3

import pytest

from supervision_support import RESIDENTS, build, full_visit
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
    assert "Tilsynsprogram 2026: 5 beboere udtrukket på 2 plejecentre (2-3 pr. plejecenter, i alt planlagt 5)." in out
    assert "Bakkegården (besøg 10-03-2026): 3 af 8 beboere" in out
    assert "Solgården (besøg 10-03-2026): 2 af 5 beboere" in out
    assert "Pårørende: 1 af 1 beboere med registreret magtanvendelse inden for 1 år" in out
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
    code, other_seed, _ = run(capsys, "sample", "--year", "2026", "--seed", "7", "--db", path)
    assert code == 0 and "trukket med frø 42" in other_seed


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
    assert code == 2 and "DD-MM-ÅÅÅÅ" in err
    assert run(capsys, "report-visit", "--visit", "x", "--db", db)[0] == 2
    assert cli.wants_cli(["sample", "--year", "2026"]) and cli.wants_cli(["--db", "x", "report-annual"])
