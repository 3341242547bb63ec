"""Every forms/*.ui has a current tilsyn/ui/forms/ui_<name>.py (run `make ui` after editing)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_compiled_forms_are_current():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "compile_ui.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
