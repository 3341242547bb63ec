"""The legal catalogue of force types, versioned by law version and loaded from TOML data."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..resources import resource_path
from .errors import DomainError


@dataclass(frozen=True)
class Situation:
    code: str
    label: str


@dataclass(frozen=True)
class ForceType:
    code: str
    paragraph: str
    label: str
    situations: tuple[Situation, ...] = ()

    @property
    def display(self) -> str:
        """Label with its paragraph, as the forms write it: 'Personlig alarm (§ 125)'."""
        return f"{self.label} ({self.paragraph})"

    def situation(self, code: str) -> Situation:
        for s in self.situations:
            if s.code == code:
                return s
        raise DomainError("unknown_situation", field="situation", situation=code, type_code=self.code)


@dataclass(frozen=True)
class Catalogue:
    version: str
    title: str
    valid_from: dt.date
    types: tuple[ForceType, ...]

    def get(self, code: str) -> ForceType:
        for t in self.types:
            if t.code == code:
                return t
        raise DomainError("unknown_force_type", field="force_types", type_code=code, version=self.version)

    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.types)


def parse_catalogue(text: str) -> Catalogue:
    """Build a Catalogue from TOML text; rejects duplicate codes."""
    data = tomllib.loads(text)
    types = []
    seen: set[str] = set()
    for raw in data["types"]:
        if raw["code"] in seen:
            raise ValueError(f"duplicate force type {raw['code']!r}")
        seen.add(raw["code"])
        situations = tuple(Situation(s["code"], s["label"]) for s in raw.get("situations", ()))
        types.append(ForceType(raw["code"], raw["paragraph"], raw["label"], situations))
    return Catalogue(str(data["version"]), data["title"], data["valid_from"], tuple(types))


def catalogue_dir() -> Path:
    return resource_path("catalogues")


@lru_cache(maxsize=None)
def load_catalogue(version: str) -> Catalogue:
    """Load one catalogue version from ``resources/catalogues/force-types-VERSION.toml``."""
    path = catalogue_dir() / f"force-types-{version}.toml"
    if not path.exists():
        raise DomainError("unknown_catalogue", version=version)
    return parse_catalogue(path.read_text(encoding="utf-8"))


def available_versions() -> list[str]:
    return sorted(p.stem.removeprefix("force-types-") for p in catalogue_dir().glob("force-types-*.toml"))


def current_catalogue(on: dt.date | None = None) -> Catalogue:
    """The newest catalogue in force on ``on`` (default: the newest of all)."""
    cats = [load_catalogue(v) for v in available_versions()]
    if on is not None:
        cats = [c for c in cats if c.valid_from <= on] or cats[:1]
    return max(cats, key=lambda c: c.valid_from)
