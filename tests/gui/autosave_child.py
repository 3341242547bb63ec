"""Child process of test_autosave_kill: type into the registration dialog, wait for the autosave,
print READY, then keep typing until the parent kills this process with SIGKILL.

    python autosave_child.py DATABASE
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from force_support import NOW, PW  # noqa: E402
from tilsyn.services.app import open_app  # noqa: E402
from tilsyn.services.users import UserService  # noqa: E402
from tilsyn.ui.dialogs.episode_dialog import EpisodeDialog  # noqa: E402
from tilsyn.ui.services_bundle import Services  # noqa: E402

#: What the child types; the parent expects to see all of it again.
TYPED = {
    "resident": "jens",
    "description": "Jens ville gå ud i nattøj kl. 3",
    "avoidance": "Tilbød kaffe og en snak i dagligstuen",
    "colleague": "Ole Hansen",
}


def main(db: str) -> int:
    app = QApplication([sys.argv[0]])
    ctx = open_app(db, clock=lambda: NOW).context
    UserService(ctx).login("pia", PW["pia"])
    services = Services.build(ctx)
    dialog = EpisodeDialog(services.force, services.residents)
    dialog.show()
    dialog.activateWindow()
    QTest.qWaitForWindowActive(dialog)

    QTest.keyClicks(dialog.ui.resident_edit, TYPED["resident"])
    QTest.qWait(300)
    QTest.keyClick(dialog.ui.resident_edit, Qt.Key.Key_Return)
    combo = dialog.ui.force_type_combo
    combo.setFocus()
    QTest.keyClicks(combo, "Til")
    dialog.ui.description_edit.setFocus()
    QTest.keyClicks(dialog.ui.description_edit, TYPED["description"])
    dialog.ui.avoidance_edit.setFocus()
    QTest.keyClicks(dialog.ui.avoidance_edit, TYPED["avoidance"])
    blank = dialog._staff_rows[-1]["name"]
    blank.setFocus()
    QTest.keyClicks(blank, TYPED["colleague"])

    # No save call here: only the dialog's own timer may write the draft.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        QTest.qWait(50)
        draft = services.force.load_draft("episode") or {}
        names = [r.get("name") for r in draft.get("staff", [])]
        if TYPED["colleague"] in names:
            break
    else:
        print("TIMEOUT", flush=True)
        return 1
    print("READY", flush=True)
    # Still typing when the power goes: this last field may be lost, nothing before it.
    dialog.ui.narrative_edit.setFocus()
    while True:
        QTest.keyClicks(dialog.ui.narrative_edit, "x")
        QTest.qWait(20)
    return 0  # pragma: no cover - killed before


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
