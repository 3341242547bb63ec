"""Compile forms/*.ui into tilsyn/ui/forms/ui_<stem>.py with pyside6-uic.

    python scripts/compile_ui.py            compile what changed (all forms)
    python scripts/compile_ui.py forms/x.ui compile only these forms
    python scripts/compile_ui.py --check    exit 1 and list stale, missing or orphaned files
    python scripts/compile_ui.py --tidy     only add __init__.py and remove orphaned ui_*.py

A file is written only when its content would change. The "Created by: Qt User Interface
Compiler version X" line is ignored when comparing, so a PySide6 patch release alone does not
make every committed form stale.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_DIR = ROOT / "forms"
OUT_DIR = ROOT / "tilsyn" / "ui" / "forms"
INIT_TEXT = '"""Python classes generated from forms/*.ui by scripts/compile_ui.py. Do not edit."""\n'
GENERATED_MARK = "Form generated from reading UI file"
_VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.M)


def output_for(ui: Path) -> Path:
    return OUT_DIR / f"ui_{ui.stem}.py"


def uic_command() -> list[str]:
    """pyside6-uic from the running interpreter's environment."""
    script = Path(sys.executable).parent / ("pyside6-uic" + (".exe" if os.name == "nt" else ""))
    if script.exists():
        return [str(script)]
    return [
        sys.executable,
        "-c",
        "import sys; from PySide6.scripts.pyside_tool import uic; "
        "sys.argv[0] = 'pyside6-uic'; sys.exit(uic())",
    ]


def compile_form(ui: Path) -> str:
    """The Python source pyside6-uic makes for ``ui`` (run from forms/ so no path leaks in)."""
    proc = subprocess.run(
        [*uic_command(), ui.name],
        cwd=ui.parent,
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"pyside6-uic failed on {ui}: {err}")
    return proc.stdout.decode("utf-8").replace("\r\n", "\n")


def normalized(text: str) -> str:
    return _VERSION_LINE.sub("## Created by: Qt User Interface Compiler", text.replace("\r\n", "\n"))


def is_current(out: Path, text: str) -> bool:
    return out.exists() and normalized(out.read_text(encoding="utf-8")) == normalized(text)


def orphans(forms: list[Path]) -> list[Path]:
    """Generated ui_*.py files whose .ui source is gone."""
    wanted = {output_for(ui) for ui in forms}
    found = []
    for path in sorted(OUT_DIR.glob("ui_*.py")):
        if path not in wanted and GENERATED_MARK in path.read_text(encoding="utf-8", errors="replace"):
            found.append(path)
    return found


def rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report; exit 1 when anything is stale")
    parser.add_argument("--tidy", action="store_true", help="no compiling: add __init__.py, drop orphans")
    parser.add_argument("forms", nargs="*", type=Path, help="forms to compile (default: forms/*.ui)")
    args = parser.parse_args(argv)

    all_forms = sorted(FORMS_DIR.glob("*.ui"))
    forms = [f.resolve() for f in args.forms] if args.forms else all_forms
    if args.tidy:
        forms = []
    init = OUT_DIR / "__init__.py"

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        try:
            texts = list(pool.map(compile_form, forms))
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 1

    problems: list[str] = []
    if not init.exists():
        problems.append(f"missing: {rel(init)}")
    for ui, text in zip(forms, texts):
        out = output_for(ui)
        if not out.exists():
            problems.append(f"missing: {rel(out)} (from {rel(ui)})")
        elif not is_current(out, text):
            problems.append(f"stale: {rel(out)} (from {rel(ui)})")
    stray = orphans(all_forms) if not args.forms or args.tidy else []
    problems += [f"orphaned: {rel(p)} (no forms/{p.stem[3:]}.ui)" for p in stray]

    if args.check:
        if problems:
            print("Compiled forms are not current; run `make ui`:", file=sys.stderr)
            for line in problems:
                print(f"  {line}", file=sys.stderr)
            return 1
        return 0

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    if not init.exists():
        init.write_text(INIT_TEXT, encoding="utf-8")
        print(f"wrote {rel(init)}")
    for ui, text in zip(forms, texts):
        out = output_for(ui)
        if not is_current(out, text):
            out.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {rel(out)}")
    for path in stray:
        path.unlink()
        print(f"removed {rel(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
