"""Interview protocols as versioned data (``resources/protocols/*.toml``).

A protocol has goals (quality goals), each with questions; a question has an answer scale (or
none: free text only), optional sub-items answered one by one, and a free-text prompt. Yearly
themes (the use-of-force principle of the year) add goals. Each interview stores the protocol
id and version it used, so a new version never changes what old interviews asked.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...resources import resource_path
from ..errors import DomainError
from .scales import Scale, load_scale

KINDS = ("resident", "relative", "staff_dialogue", "staff_evaluation")
# Kinds whose interviews belong to a sample member (a resident drawn at random).
SAMPLED_KINDS = {"resident": "resident", "relative": "relative"}


@dataclass(frozen=True)
class Item:
    id: str
    text: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    scale: Scale | None
    free_text: str = ""
    items: tuple[Item, ...] = ()

    @property
    def item_ids(self) -> tuple[str, ...]:
        """The answer slots: one per sub-item, or the single slot ``""``."""
        return tuple(i.id for i in self.items) if self.items else ("",)

    @property
    def scored(self) -> bool:
        return self.scale is not None


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    description: str
    questions: tuple[Question, ...]
    short: str = ""  # column heading in tables and charts

    @property
    def short_title(self) -> str:
        return self.short or self.title


@dataclass(frozen=True)
class Theme:
    id: str
    year: int
    title: str
    goals: tuple[Goal, ...]


@dataclass(frozen=True)
class Protocol:
    id: str
    version: int
    kind: str
    title: str
    respondent_prefix: str
    source: str
    consent_text: str
    goals: tuple[Goal, ...]
    themes: tuple[Theme, ...] = ()
    success_share: int | None = None
    success_option: str = ""
    success_text: str = ""

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    def theme(self, theme_id: str) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise DomainError("unknown_theme", theme=theme_id, protocol=self.title)

    def goals_for(self, theme_id: str | None) -> tuple[Goal, ...]:
        """The protocol's own goals, then the theme's (when the protocol has themes)."""
        if not theme_id or not self.themes:
            return self.goals
        return self.goals + self.theme(theme_id).goals

    def questions_for(self, theme_id: str | None) -> tuple[tuple[Goal, Question], ...]:
        return tuple((g, q) for g in self.goals_for(theme_id) for q in g.questions)

    def question(self, question_id: str, theme_id: str | None = None) -> Question:
        for _, q in self.questions_for(theme_id):
            if q.id == question_id:
                return q
        raise DomainError("unknown_question", field="question", question=question_id)


def default_theme(themes, year: int):
    """The theme of ``year``; after the last themed year the latest one, before the first none."""
    candidates = [t for t in themes if t.year <= year]
    return max(candidates, key=lambda t: t.year) if candidates else None


def _goal(raw: dict, scale_directory: Path | None, seen: set[str], pins: dict[str, int]) -> Goal:
    questions = []
    for q in raw.get("questions", ()):
        if q["id"] in seen:
            raise ValueError(f"question id {q['id']!r} used twice")
        seen.add(q["id"])
        scale = None
        if q.get("scale"):
            # A protocol version pins its scale versions: a new scale never changes an old protocol.
            if q["scale"] not in pins:
                raise ValueError(f"scale {q['scale']!r} of question {q['id']!r} has no version in [scales]")
            scale = load_scale(q["scale"], pins[q["scale"]], scale_directory)
        items = tuple(Item(i["id"], i["text"]) for i in q.get("items", ()))
        if len({i.id for i in items}) != len(items):
            raise ValueError(f"duplicate item in question {q['id']!r}")
        if items and scale is None:
            raise ValueError(f"question {q['id']!r} has sub-items but no scale")
        questions.append(Question(q["id"], q["text"], scale, q.get("free_text", ""), items))
    return Goal(raw["id"], raw["title"], raw.get("description", ""), tuple(questions), raw.get("short", ""))


def parse_protocol(text: str, scale_directory: Path | None = None) -> Protocol:
    """Build a Protocol from TOML text; question ids must be unique across goals and themes."""
    data = tomllib.loads(text)
    if data["kind"] not in KINDS:
        raise ValueError(f"unknown protocol kind {data['kind']!r}")
    seen: set[str] = set()
    pins = {k: int(v) for k, v in data.get("scales", {}).items()}
    goals = tuple(_goal(g, scale_directory, seen, pins) for g in data.get("goals", ()))
    themes = []
    for t in data.get("themes", ()):
        # Theme questions share the namespace, so answers to any theme stay distinguishable.
        themes.append(Theme(t["id"], int(t["year"]), t["title"], tuple(_goal(g, scale_directory, seen, pins)
                                                                        for g in t.get("goals", ()))))
    return Protocol(
        id=data["id"],
        version=int(data["version"]),
        kind=data["kind"],
        title=data["title"],
        respondent_prefix=data["respondent_prefix"],
        source=data.get("source", ""),
        consent_text=data.get("consent_text", ""),
        goals=goals,
        themes=tuple(themes),
        success_share=data.get("success_share"),
        success_option=data.get("success_option", ""),
        success_text=data.get("success_text", ""),
    )


def protocol_dir() -> Path:
    return resource_path("protocols")


@lru_cache(maxsize=8)
def _index(directory: str, scale_directory: str | None) -> dict[tuple[str, int], Protocol]:
    out: dict[tuple[str, int], Protocol] = {}
    scales = Path(scale_directory) if scale_directory else None
    for path in sorted(Path(directory).glob("*.toml")):
        p = parse_protocol(path.read_text(encoding="utf-8"), scales)
        if (p.id, p.version) in out:
            raise ValueError(f"protocol {p.id} version {p.version} defined twice ({path.name})")
        out[(p.id, p.version)] = p
    return out


def _idx(directory: Path | None, scale_directory: Path | None):
    return _index(str(directory or protocol_dir()), str(scale_directory) if scale_directory else None)


def all_protocols(directory: Path | None = None, scale_directory: Path | None = None) -> list[Protocol]:
    """Every version of every protocol, ordered by kind, id and version."""
    index = _idx(directory, scale_directory)
    return sorted(index.values(), key=lambda p: (KINDS.index(p.kind), p.id, p.version))


def load_protocol(protocol_id: str, version: int | None = None, directory: Path | None = None,
                  scale_directory: Path | None = None) -> Protocol:
    """One protocol version (default: the newest); DomainError ``unknown_protocol`` if missing."""
    index = _idx(directory, scale_directory)
    if version is None:
        versions = [v for (pid, v) in index if pid == protocol_id]
        if not versions:
            raise DomainError("unknown_protocol", protocol=protocol_id, version="")
        version = max(versions)
    try:
        return index[(protocol_id, int(version))]
    except KeyError:
        raise DomainError("unknown_protocol", protocol=protocol_id, version=version) from None


def parse_key(key: str) -> tuple[str, int]:
    """'resident-2011@1' -> ('resident-2011', 1)."""
    pid, _, version = key.partition("@")
    if not pid or not version.isdigit():
        raise DomainError("unknown_protocol", protocol=key, version="")
    return pid, int(version)


def newest_by_kind(directory: Path | None = None, scale_directory: Path | None = None) -> dict[str, Protocol]:
    """The newest version of the first protocol of each kind: the default protocol set."""
    out: dict[str, Protocol] = {}
    for p in all_protocols(directory, scale_directory):
        cur = out.get(p.kind)
        if cur is None or (cur.id == p.id and p.version > cur.version):
            out[p.kind] = p
    return out
