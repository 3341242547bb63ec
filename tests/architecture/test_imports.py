"""Import boundaries between the layers (DESIGN.md section 4), checked on the source with ast.

ui -> services -> domain; services -> store; store -> domain; reports -> domain; cli -> services.
The domain is pure Python; nothing below the UI imports Qt.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tilsyn"

QT = ("PySide6", "shiboken6")
SQL = ("sqlalchemy", "alembic", "psycopg", "psycopg2")
# Third-party packages that must stay out of the pure layers (besides Qt and SQL).
HEAVY = ("reportlab", "platformdirs", "argon2")

# layer -> modules it may not import (prefix match on dotted names)
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "tilsyn.store": QT + ("tilsyn.services", "tilsyn.ui", "tilsyn.reports", "tilsyn.cli"),
    "tilsyn.services": QT + ("tilsyn.ui", "tilsyn.cli"),
    "tilsyn.reports": QT + ("tilsyn.store", "tilsyn.services", "tilsyn.ui", "tilsyn.cli"),
    "tilsyn.cli": QT + ("tilsyn.ui",),
    "tilsyn.messages": QT + SQL + HEAVY + ("tilsyn.store", "tilsyn.services", "tilsyn.ui", "tilsyn.reports"),
    "tilsyn.resources": QT + SQL + HEAVY + ("tilsyn.store", "tilsyn.services", "tilsyn.ui", "tilsyn.reports"),
}
# layer -> the only things it may import: the standard library plus these
ALLOWED_ONLY: dict[str, tuple[str, ...]] = {
    "tilsyn.domain": ("tilsyn.domain", "tilsyn.resources"),
}


@dataclass(frozen=True)
class Violation:
    module: str
    path: str
    line: int
    imported: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.module} imports {self.imported} ({self.rule})"


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(module: str, source: str, *, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, dotted name) for every import in ``source``; relative imports made absolute.

    ``from x import y`` yields ``x.y`` so that ``from tilsyn import ui`` counts as tilsyn.ui.
    """
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base_parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                found.append((node.lineno, base if alias.name == "*" else f"{base}.{alias.name}"))
    return found


def _is_stdlib(name: str) -> bool:
    top = name.partition(".")[0]
    return top in sys.stdlib_module_names or top == "__future__"


def check_source(module: str, source: str, path: str = "<string>", *, is_package: bool = False) -> list[Violation]:
    """Every import in ``source`` (as module ``module``) that breaks a layer rule."""
    violations = []
    for line, name in imported_names(module, source, is_package=is_package):
        for layer, banned in FORBIDDEN.items():
            if _within(module, layer):
                for prefix in banned:
                    if _within(name, prefix):
                        violations.append(Violation(module, path, line, name, f"{layer} may not import {prefix}"))
        for layer, allowed in ALLOWED_ONLY.items():
            if _within(module, layer) and not _is_stdlib(name) and not any(_within(name, a) for a in allowed):
                rule = f"{layer} may import only the standard library and {', '.join(allowed)}"
                violations.append(Violation(module, path, line, name, rule))
    return violations


def all_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_layer_import_rules():
    violations: list[Violation] = []
    for path in all_modules():
        source = path.read_text(encoding="utf-8")
        violations += check_source(
            module_name(path),
            source,
            str(path.relative_to(ROOT)),
            is_package=path.name == "__init__.py",
        )
    assert not violations, "Layer import rules broken:\n" + "\n".join(map(str, violations))


def test_there_are_modules_to_check():
    names = {module_name(p) for p in all_modules()}
    assert {"tilsyn.domain", "tilsyn.store", "tilsyn.messages", "tilsyn.resources"} <= names


def test_cli_import_loads_no_qt():
    if not (PACKAGE / "cli.py").exists() and not (PACKAGE / "cli").is_dir():
        pytest.skip("tilsyn/cli.py does not exist yet")
    code = (
        "import sys, tilsyn.cli; "
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))))"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "", f"import tilsyn.cli loaded Qt modules: {proc.stdout.strip()}"


# --- the checker itself: it must be able to fail ----------------------------------------------


def test_checker_reports_forbidden_imports_with_module_and_line():
    source = "import datetime\nimport sqlalchemy.orm\nfrom PySide6 import QtCore\nfrom .errors import X\n"
    found = check_source("tilsyn.domain.fake", source, "tilsyn/domain/fake.py")
    assert [(v.line, v.imported) for v in found] == [(2, "sqlalchemy.orm"), (3, "PySide6.QtCore")]
    assert all(v.module == "tilsyn.domain.fake" for v in found)
    assert str(found[0]).startswith("tilsyn/domain/fake.py:2: tilsyn.domain.fake imports sqlalchemy.orm")


def test_checker_resolves_relative_imports():
    assert [v.imported for v in check_source("tilsyn.services.fake", "from ..ui import main_window\n")] == [
        "tilsyn.ui.main_window"
    ]
    assert [v.imported for v in check_source("tilsyn.store.fake", "from .. import services\n")] == [
        "tilsyn.services"
    ]
    # in a package's __init__, "." is the package itself
    assert check_source("tilsyn.domain", "from .errors import DomainError\n", is_package=True) == []
    assert [v.imported for v in check_source("tilsyn.reports", "from ..store import db\n", is_package=True)] == [
        "tilsyn.store.db"
    ]


def test_checker_lets_allowed_imports_through():
    ok = "from __future__ import annotations\nimport tomllib\nfrom ..resources import resource_path\n"
    assert check_source("tilsyn.domain.fake", ok) == []
    assert check_source("tilsyn.services.fake", "from ..store.uow import SqlUnitOfWork\nimport sqlalchemy\n") == []
    assert check_source("tilsyn.ui.fake", "from PySide6.QtWidgets import QWidget\n") == []
    bad = check_source("tilsyn.messages", "from sqlalchemy import select\n")
    assert [v.imported for v in bad] == ["sqlalchemy.select"]
