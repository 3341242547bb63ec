"""tilsyn export-month: exit codes, Danish messages and the files it writes (demo database), as the
demo's caseworker (the command logs in)."""

import pytest

from tilsyn import cli
from tilsyn.services.app import close_app, open_app
from tilsyn.services.demo import DemoService
from tilsyn.services.demo_force import DEMO_PASSWORD
from tilsyn.services.force import ForceService
from tilsyn.services.users import UserService


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    opened = open_app(str(path), actor=None)
    DemoService(opened.context).fill_unattended(homes=2, residents_per_home=20)
    UserService(opened.context).login("sagsbehandler", DEMO_PASSWORD)
    sent = [s for s in ForceService(opened.context).inbox(include_processed=True)]
    close_app(opened.context)
    month = max(f"{s.year:04d}-{s.month:02d}" for s in sent)
    return str(path), month, [s for s in sent if f"{s.year:04d}-{s.month:02d}" == month]


@pytest.fixture(autouse=True)
def _as_the_caseworker(cli_login):
    cli_login("sagsbehandler")


def test_export_month_writes_files_and_says_so(demo_db, tmp_path, capsys):
    db, month, sent = demo_db
    code = cli.main(["export-month", "--db", db, "--month", month, "--out", str(tmp_path / "ud")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith(f"Eksporteret {len(sent)} skema")
    assert f"{month}_oversigt.csv" in out and "samlet PDF med forside" in out
    files = sorted(p.relative_to(tmp_path / "ud").as_posix() for p in (tmp_path / "ud").rglob("*") if p.is_file())
    assert len([f for f in files if f.endswith(".json") and "/" in f]) == len(sent)
    assert f"{month}_kvittering.json" in files and f"{month}_kvittering.json" in out
    assert len([f for f in files if f.endswith(".pdf") and "/" in f]) == len(sent)
    assert any(f.endswith("_samlet.pdf") for f in files) and f"{month}_oversigt.csv" in files


def test_export_month_pdfa_and_layout(demo_db, tmp_path, capsys):
    db, month, _ = demo_db
    code = cli.main(["export-month", "--db", db, "--month", month, "--out", str(tmp_path), "--layout",
                     "skema1-2010", "--pdfa"])
    assert code == 0
    assert "som PDF/A-2b" in capsys.readouterr().out


@pytest.mark.parametrize("args,message", [
    (["--month", "1999-01"], "Der er ingen sendte skemaer for januar 1999"),
    (["--month", "2026-13"], "Måneden »2026-13« skal skrives som ÅÅÅÅ-MM."),
    (["--month", "2026-01", "--layout", "vejle-1999"], "Skabelonen »vejle-1999« findes ikke."),
    (["--month", "2026-01", "--home", "Månegården"], "Plejecentret »Månegården« findes ikke."),
])
def test_wrong_input_exits_1_with_a_danish_message(demo_db, tmp_path, capsys, args, message):
    db, _, _ = demo_db
    code = cli.main(["export-month", "--db", db, "--out", str(tmp_path / "ud"), *args])
    assert code == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "ud").exists()


def test_usage_errors_exit_2(capsys):
    assert cli.main(["export-month", "--month", "2026-01"]) == 2
    assert "--out" in capsys.readouterr().err
    assert cli.wants_cli(["export-month", "--month", "2026-01", "--out", "x"])


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()} \
        if root.exists() else None


def test_a_failing_renderer_exits_1_with_a_danish_line_and_writes_nothing(demo_db, tmp_path, capsys, monkeypatch):
    """Issue 9 point 2: the form and the resident are named, no traceback, the folder as it was."""
    from reportlab.platypus.doctemplate import LayoutError

    from tilsyn.services import exports

    db, month, sent = demo_db
    victim = sorted(sent, key=lambda s: (s.care_home, s.resident_name))[-1]  # in the last care home
    real = exports.render_form

    def render(data):
        if data.name == victim.resident_name:
            raise LayoutError("Flowable <Table@0x7F00DEADBEEF 5 rows x 5 cols> too large on page 2")
        return real(data)

    out = tmp_path / "ud"
    out.mkdir()
    (out / "tidligere.pdf").write_bytes(b"%PDF- et tidligere udtraek")
    before = _tree(out)
    monkeypatch.setattr(exports, "render_form", render)
    code = cli.main(["export-month", "--db", db, "--month", month, "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert f"for {victim.resident_name} ({victim.cpr_masked})" in captured.err
    assert "kunne ikke dannes som PDF" in captured.err and "ingen filer er skrevet" in captured.err
    assert "Traceback" not in captured.err and "Flowable" not in captured.err
    assert _tree(out) == before
    assert not [p for p in tmp_path.rglob(".tilsyn-*")]
    # The technical detail is kept for whoever supports the user: in the private log, redacted.
    from tilsyn.services.errorlog import LOG_NAME, log_dir

    logged = (log_dir(db) / LOG_NAME).read_text(encoding="utf-8")
    assert "LayoutError" in logged and "too large on page 2" in logged
    assert victim.cpr_masked.split("-")[0] + "-" not in logged.replace("XXXXXX-XXXX", "")
