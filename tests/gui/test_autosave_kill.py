"""A killed app loses at most the field being typed: a child process types into the registration
dialog, the parent kills it with SIGKILL, and a new dialog on the same database shows the text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autosave_child import TYPED
from force_support import close_world, open_world
from tilsyn.services.app import close_app, open_app
from tilsyn.ui.dialogs.episode_dialog import CLOSE_KEEP, EpisodeDialog
from tilsyn.ui.services_bundle import Services

CHILD = Path(__file__).with_name("autosave_child.py")


def _wait_for_ready(proc: subprocess.Popen, timeout: float = 90) -> list[str]:
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
        if line.strip() == "READY":
            return lines
    raise AssertionError(f"child never got ready: {lines!r}, stderr: {proc.stderr.read() if proc.poll() is not None else ''}")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_app_keeps_what_was_typed(tmp_path, qtbot, monkeypatch):
    db = tmp_path / "kill.sqlite"
    close_world(open_world(db, login=None))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, str(CHILD), str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    try:
        _wait_for_ready(proc)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()

    from force_support import NOW, PW
    from tilsyn.services.users import UserService

    ctx = open_app(str(db), clock=lambda: NOW).context
    try:
        UserService(ctx).login("pia", PW["pia"])
        services = Services.build(ctx)
        monkeypatch.setattr(EpisodeDialog, "ask_close", lambda self: CLOSE_KEEP)
        dialog = EpisodeDialog(services.force, services.residents)
        qtbot.addWidget(dialog)
        ui = dialog.ui
        assert ui.draft_label.isVisibleTo(dialog)
        assert dialog.completer.chosen is not None and dialog.completer.chosen.name == "Jens Hansen"
        assert ui.force_type_combo.currentData() == "127_retention"
        assert ui.description_edit.toPlainText() == TYPED["description"]
        assert ui.avoidance_edit.toPlainText() == TYPED["avoidance"]
        staff = [(r["name"], r["on"]) for r in dialog.staff_rows() if r["name"]]
        assert staff == [("Pia Jensen", True), (TYPED["colleague"], True)]
        # The field being typed at the kill may be partly there: only x's, never anything else.
        assert set(ui.narrative_edit.toPlainText()) <= {"x"}
    finally:
        close_app(ctx)
