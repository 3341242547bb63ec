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
from typing import Iterable

from ...resources import resource_path
from ..errors import DomainError
from .scales import Scale, check_id, definition_error, load_toml, parse_scale, pick, require, shipped_index

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
    default: bool = False  # the shipped protocol a new programme gets unless it chooses another

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


def _goal(raw: dict, scale_of, seen: set[str], pins: dict[str, int]) -> Goal:
    goal_id = check_id(require(raw, "id", str, "et mål"))
    where = f"målet »{goal_id}«"
    title = require(raw, "title", str, where)
    questions = []
    raw_questions = raw.get("questions", [])
    if not isinstance(raw_questions, list):
        raise definition_error("definition_field", name="questions", where=where)
    for q in raw_questions:
        qid = check_id(require(q, "id", str, where))
        if qid in seen:
            raise definition_error("protocol_duplicate_question", question=qid)
        seen.add(qid)
        qwhere = f"spørgsmålet »{qid}«"
        text = require(q, "text", str, qwhere)
        scale = None
        if q.get("scale"):
            # A protocol version pins its scale versions: a new scale never changes an old protocol.
            if q["scale"] not in pins:
                raise definition_error("protocol_scale_unpinned", scale=str(q["scale"]), question=qid)
            scale = scale_of(q["scale"], pins[q["scale"]])
        raw_items = q.get("items", [])
        if not isinstance(raw_items, list):
            raise definition_error("definition_field", name="items", where=qwhere)
        items = tuple(Item(check_id(require(i, "id", str, qwhere)), require(i, "text", str, qwhere))
                      for i in raw_items)
        if len({i.id for i in items}) != len(items):
            raise definition_error("protocol_duplicate_item", question=qid)
        if items and scale is None:
            raise definition_error("protocol_items_without_scale", question=qid)
        questions.append(Question(qid, text, scale, str(q.get("free_text", "")), items))
    return Goal(goal_id, title, str(raw.get("description", "")), tuple(questions), str(raw.get("short", "")))


def parse_protocol(text: str, scale_directory: Path | None = None, *, scales=None) -> Protocol:
    """Build a Protocol from TOML text; question ids must be unique across goals and themes.

    ``scales`` ((id, version) -> Scale) is where pinned scales are looked up (default: the
    shipped ones). Invalid data raises DomainError (``definition_*``, ``protocol_*``)."""
    data = load_toml(text)
    index = scales if scales is not None else shipped_index(scale_directory)

    def scale_of(sid, version):
        try:
            return pick(index, str(sid), version)
        except DomainError:
            raise definition_error("protocol_unknown_scale", scale=str(sid), version=version) from None

    pid = check_id(require(data, "id", str))
    version = require(data, "version", int)
    if version < 1:
        raise definition_error("definition_version", value=version)
    kind = require(data, "kind", str)
    if kind not in KINDS:
        raise definition_error("protocol_kind", kind=kind[:40])
    title = require(data, "title", str)
    prefix = require(data, "respondent_prefix", str)
    if not (1 <= len(prefix) <= 3 and prefix.isalpha() and prefix.isupper()):
        raise definition_error("protocol_prefix", value=prefix[:10])
    seen: set[str] = set()
    raw_pins = data.get("scales", {})
    if not isinstance(raw_pins, dict) or not all(isinstance(v, int) and not isinstance(v, bool)
                                                 for v in raw_pins.values()):
        raise definition_error("definition_field", name="scales", where="filen")
    pins = {k: int(v) for k, v in raw_pins.items()}
    goals = tuple(_goal(g, scale_of, seen, pins) for g in data.get("goals", ()))
    if not goals or not any(g.questions for g in goals):
        raise definition_error("protocol_no_questions", protocol=pid)
    themes = []
    for t in data.get("themes", ()):
        # Theme questions share the namespace, so answers to any theme stay distinguishable.
        themes.append(Theme(check_id(require(t, "id", str, "et tema")), require(t, "year", int, "et tema"),
                            require(t, "title", str, "et tema"),
                            tuple(_goal(g, scale_of, seen, pins) for g in t.get("goals", ()))))
    success_share = data.get("success_share")
    if success_share is not None and not (isinstance(success_share, int) and 0 < success_share <= 100):
        raise definition_error("definition_field", name="success_share", where="filen")
    return Protocol(
        id=pid,
        version=version,
        kind=kind,
        title=title,
        respondent_prefix=prefix,
        source=str(data.get("source", "")),
        consent_text=str(data.get("consent_text", "")),
        goals=goals,
        themes=tuple(themes),
        success_share=success_share,
        success_option=str(data.get("success_option", "")),
        success_text=str(data.get("success_text", "")),
        default=bool(data.get("default", False)),
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
    """The default protocol set of the shipped protocols (see ``defaults``)."""
    return defaults(all_protocols(directory, scale_directory))


def defaults(protocols: Iterable[Protocol]) -> dict[str, Protocol]:
    """kind -> the protocol a new programme gets unless it chooses: the newest version of the
    protocol marked ``default``; for a kind without one, the newest version of the first id."""
    by_kind: dict[str, list[Protocol]] = {}
    for p in protocols:
        by_kind.setdefault(p.kind, []).append(p)
    out: dict[str, Protocol] = {}
    for kind, items in by_kind.items():
        marked = {p.id for p in items if p.default}
        pid = min(marked) if marked else min(p.id for p in items)
        out[kind] = max((p for p in items if p.id == pid), key=lambda p: p.version)
    return out


# -- the library: shipped plus installed ------------------------------------------------------------

SCALE, PROTOCOL = "scale", "protocol"


@dataclass(frozen=True)
class Library:
    """Every protocol and scale one database can use: those shipped with the app and those a
    municipality installed (``tilsyn protocols add``). Installed ones never replace shipped ones."""

    scales: dict
    protocols: dict
    installed: frozenset = frozenset()  # ("scale" | "protocol", id, version) installed in the database

    def scale(self, scale_id: str, version: int | None = None) -> Scale:
        return pick(self.scales, scale_id, version)

    def protocol(self, protocol_id: str, version: int | None = None) -> Protocol:
        if version is None:
            versions = [v for (pid, v) in self.protocols if pid == protocol_id]
            if not versions:
                raise DomainError("unknown_protocol", protocol=protocol_id, version="")
            version = max(versions)
        try:
            return self.protocols[(protocol_id, int(version))]
        except KeyError:
            raise DomainError("unknown_protocol", protocol=protocol_id, version=version) from None

    def all_protocols(self) -> list[Protocol]:
        """Every version of every protocol, ordered by kind, id and version."""
        return sorted(self.protocols.values(), key=lambda p: (KINDS.index(p.kind), p.id, p.version))

    def all_scales(self) -> list[Scale]:
        """Every version of every scale, by id and version."""
        return [self.scales[k] for k in sorted(self.scales)]

    def is_installed(self, kind: str, item_id: str, version: int) -> bool:
        return (kind, item_id, version) in self.installed

    def defaults(self) -> dict[str, Protocol]:
        return defaults(p for p in self.protocols.values() if not self.is_installed(PROTOCOL, p.id, p.version))

    def choose(self, keys: Iterable[str], *, fill: bool = False) -> dict[str, Protocol]:
        """kind -> protocol for a programme that names its protocols ("id@version", or "id" for
        the newest); with ``fill`` the default fills every kind not named. DomainError
        ``programme_protocol_kind`` when two name one kind."""
        chosen: dict[str, Protocol] = {}
        for key in keys:
            pid, version = parse_key(key) if "@" in key else (key, None)
            p = self.protocol(pid, version)
            if p.kind in chosen:
                raise DomainError("programme_protocol_kind", field="protocols", protocol=p.title)
            chosen[p.kind] = p
        if fill:
            for kind, p in self.defaults().items():
                chosen.setdefault(kind, p)
        return chosen

    def parse(self, kind: str, text: str) -> Scale | Protocol:
        """Parse a file against this library (a protocol's pinned scales are looked up here)."""
        if kind == SCALE:
            return parse_scale(text)
        return parse_protocol(text, scales=self.scales)

    def with_item(self, kind: str, item: Scale | Protocol) -> Library:
        key = (item.id, item.version)
        if kind == SCALE:
            return Library({**self.scales, key: item}, self.protocols, self.installed | {(SCALE, *key)})
        return Library(self.scales, {**self.protocols, key: item}, self.installed | {(PROTOCOL, *key)})

    def check_new(self, text: str) -> tuple[str, Scale | Protocol]:
        """A file to install: ("scale" | "protocol", the parsed item). Refused when invalid, or when
        its id and version exist already (a changed protocol or scale is a new version)."""
        data = load_toml(text)
        kind = PROTOCOL if isinstance(data, dict) and "kind" in data else SCALE
        item = self.parse(kind, text)
        existing = (self.scales if kind == SCALE else self.protocols).get((item.id, item.version))
        if existing is not None:
            code = "definition_same" if existing == item else "definition_exists"
            raise definition_error(code, item=item.id, version=item.version,
                                   what="Svarskalaen" if kind == SCALE else "Interviewguiden")
        if kind == PROTOCOL and any(p.id == item.id and p.kind != item.kind for p in self.protocols.values()):
            raise definition_error("protocol_kind_changed", item=item.id)
        return kind, item


def shipped_library(directory: Path | None = None, scale_directory: Path | None = None) -> Library:
    return Library(dict(shipped_index(scale_directory)), dict(_idx(directory, scale_directory)))


def build_library(installed: Iterable[tuple[str, str]], directory: Path | None = None,
                  scale_directory: Path | None = None) -> Library:
    """The shipped library plus installed (kind, TOML text) rows, scales first, in the given order.
    An installed row that no longer parses, or that a newer app now ships, is skipped."""
    lib = shipped_library(directory, scale_directory)
    rows = sorted(installed, key=lambda r: r[0] != SCALE)
    for kind, text in rows:
        try:
            item = lib.parse(kind, text)
        except DomainError:
            continue
        store = lib.scales if kind == SCALE else lib.protocols
        if (item.id, item.version) not in store:
            lib = lib.with_item(kind, item)
    return lib
