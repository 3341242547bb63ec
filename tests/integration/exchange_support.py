"""Helpers for the exchange tests: a trivial payload kind and real CLI processes that know it.

The kind ``test_notes`` carries the notes in $TILSYN_TEST_NOTES (a JSON list of {"id", "text"})
and applies each as a setting ``note.<id>``; with $TILSYN_TEST_SLEEP it writes the first note,
says SLEEPING on stderr and sleeps, so a test can kill the process in the middle of an unpack.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KIND = "test_notes"


def collect(uow, peer, since):
    notes = json.loads(os.environ.get("TILSYN_TEST_NOTES", "[]"))
    return notes or None


def apply(uow, sender, notes):
    for i, note in enumerate(notes):
        uow.settings.set(f"note.{note['id']}"[:60], note["text"])
        if i == 0 and os.environ.get("TILSYN_TEST_SLEEP"):
            uow.flush()
            print("SLEEPING", file=sys.stderr, flush=True)
            time.sleep(float(os.environ["TILSYN_TEST_SLEEP"]))
    return {"notes": len(notes)}


def register_test_kind() -> None:
    from tilsyn.services.exchange import register

    register(KIND, collect, apply)


RUNNER = (
    "import sys; sys.path.insert(0, {here!r}); import exchange_support; exchange_support.register_test_kind(); "
    "from tilsyn.cli import main; sys.exit(main(sys.argv[1:]))"
).format(here=str(HERE))


def tilsyn_cmd(*args: str) -> list[str]:
    return [sys.executable, "-c", RUNNER, *args]


def tilsyn(*args: str, env: dict | None = None, **extra) -> subprocess.CompletedProcess:
    """``python -m tilsyn ARGS`` with the test kind registered, in a real process."""
    full = dict(os.environ)
    full.update(env or {})
    full.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run(tilsyn_cmd(*args), env=full, capture_output=True, text=True, timeout=180, **extra)


def notes_env(*notes: tuple[str, str]) -> dict:
    return {"TILSYN_TEST_NOTES": json.dumps([{"id": i, "text": t} for i, t in notes])}
