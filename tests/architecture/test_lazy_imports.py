"""The start pays only for what the login window needs (issue 14, cold start).

Alembic is imported only when an upgrade is due, reportlab only when a PDF is made, and each
page's service only when the page is first opened. Checked in a fresh interpreter (sys.modules),
since this test process has long imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

LOGIN_PATH = """
import json, sys
from tilsyn.ui.app import database_kind, make_application, parse_args, open_database
from tilsyn.ui.login import Session
from tilsyn.ui.services_bundle import Services

app = make_application([])
opened = open_database(parse_args(["--db", sys.argv[1]]), lambda problem: None)
session = Session(Services.build(opened.context), lambda services: None, "")
session.start()
app.processEvents()
print(json.dumps(sorted(sys.modules)))
"""

HEAVY_AT_LOGIN = ("alembic", "reportlab", "tilsyn.reports", "tilsyn.services.exports",
                  "tilsyn.services.supervision", "tilsyn.services.force", "tilsyn.ui.views.dashboard_view")


def _modules(code: str, *args: str) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.fixture
def current_db(tmp_path) -> str:
    """A database already at the head revision (as on every start but the first after an update)."""
    from tilsyn.services.app import close_app, open_app

    path = tmp_path / "tilsyn.sqlite"
    close_app(open_app(str(path)).context)
    return str(path)


def test_the_login_window_on_a_current_database_imports_no_alembic_reportlab_or_page_services(current_db):
    loaded = _modules(LOGIN_PATH, current_db)
    assert "tilsyn.ui.login" in loaded and "PySide6.QtWidgets" in loaded  # the check ran the login path
    heavy = sorted(m for m in loaded if m.split(".")[0] in ("alembic", "reportlab")
                   or any(m == h or m.startswith(h + ".") for h in HEAVY_AT_LOGIN))
    assert heavy == []


def test_an_older_database_still_imports_alembic_and_is_upgraded(tmp_path):
    from tilsyn.store.db import make_engine
    from tilsyn.store.migrate import head_revision, schema_state, upgrade

    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0011", backup=False)
    engine.dispose()
    loaded = _modules(
        "import json, sys\nfrom tilsyn.services.app import open_app\nopen_app(sys.argv[1])\n"
        "print(json.dumps(sorted(sys.modules)))", str(path))
    assert "alembic" in loaded
    engine = make_engine(f"sqlite:///{path}")
    try:
        assert schema_state(engine).current == head_revision()
    finally:
        engine.dispose()


def test_the_export_service_imports_reportlab_only_to_render():
    code = ("import json, sys\nimport tilsyn.services.exports, tilsyn.ui.views.force_form_view\n"
            "before = 'reportlab' in sys.modules\n"
            "from tilsyn.services.exports import render_form, form_report_data\n"
            "import tilsyn.services.exports as e\n"
            "e.render_resident_overview  # still a module attribute tests can replace\n"
            "print(json.dumps([str(before)]))")
    assert _modules(code) == {"False"}


def test_the_revision_chain_read_without_alembic_matches_alembic():
    from alembic.script import ScriptDirectory

    from tilsyn.store.migrate import _revisions, alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    revisions, head = _revisions()
    assert head == script.get_current_head()
    assert revisions == {r.revision for r in script.walk_revisions()}


def test_services_are_made_when_first_used():
    from tilsyn.services.app import close_app, open_app
    from tilsyn.ui.services_bundle import Services

    opened = open_app("sqlite://")
    try:
        services = Services.build(opened.context)
        assert services._made == {}
        force = services.force
        assert services.force is force and set(services._made) == {"force"}
        with pytest.raises(AttributeError):
            services.force = None
    finally:
        close_app(opened.context)
