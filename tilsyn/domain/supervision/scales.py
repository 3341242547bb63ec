"""Answer scales as versioned data (``resources/scales/*.toml``, or installed into the database).

A scale lists options, each with a label and a score 0-100 (up to two decimals: 66.67) or no
score. The scale's data says how "Ved ikke" counts: an option without a score is left out of
every average (the 2011 default); a "Ved ikke" with ``score = 0`` counts as 0 points (the 2023
steering survey's model). ``satisfied`` marks the options counted in the share satisfied.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...resources import resource_path
from ..errors import DomainError

ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-_")
MAX_ID = 60
MAX_LABEL = 200


@dataclass(frozen=True)
class ScaleOption:
    code: str
    label: str
    score: int | float | None = None
    satisfied: bool = False

    @property
    def scored(self) -> bool:
        return self.score is not None


@dataclass(frozen=True)
class Scale:
    id: str
    version: int
    title: str
    options: tuple[ScaleOption, ...]

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    def option(self, code: str) -> ScaleOption:
        """The option ``code``; DomainError ``unknown_option`` when the scale has no such option."""
        for o in self.options:
            if o.code == code:
                return o
        raise DomainError("unknown_option", field="option", option=code, scale=self.title)

    def label(self, code: str) -> str:
        return self.option(code).label

    @property
    def unscored(self) -> tuple[ScaleOption, ...]:
        """Options left out of every average (no score)."""
        return tuple(o for o in self.options if o.score is None)

    @property
    def satisfied_options(self) -> tuple[ScaleOption, ...]:
        return tuple(o for o in self.options if o.satisfied and o.score is not None)


# -- parsing ----------------------------------------------------------------------------------------


def definition_error(code: str, **params: Any) -> DomainError:
    """A refused protocol or scale file (the Danish text names what is wrong)."""
    return DomainError(code, field="definition", **params)


def load_toml(text: str) -> dict:
    """TOML text as a dict; DomainError ``definition_toml`` (with the parser's line) when it is not TOML."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib says "... (at line 3, column 7)": keep the place, not the English wording.
        where = str(exc).rpartition("(at ")[2].rstrip(")") if "(at " in str(exc) else ""
        raise definition_error("definition_toml", where=where.replace("line", "linje").replace(
            "column", "kolonne").replace("end of document", "slutningen af filen")) from None


def require(data: dict, name: str, kind: type, where: str = "") -> Any:
    """``data[name]`` of type ``kind``; DomainError ``definition_field`` when missing or mistyped."""
    value = data.get(name) if isinstance(data, dict) else None
    if value is None or not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise definition_error("definition_field", name=name, where=where or "filen")
    if kind is str and not value.strip():
        raise definition_error("definition_field", name=name, where=where or "filen")
    return value


def check_id(value: str, name: str = "id") -> str:
    if not value or len(value) > MAX_ID or not set(value) <= ID_CHARS:
        raise definition_error("definition_id", name=name, value=value[:MAX_ID])
    return value


def check_score(code: str, score: Any) -> int | float | None:
    """0-100 with at most two decimals (66.67), or None."""
    if score is None:
        return None
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 100 \
            or round(float(score), 2) != score:
        raise definition_error("scale_score", option=code, value=str(score)[:20])
    return int(score) if float(score).is_integer() else float(score)


def parse_scale(text: str) -> Scale:
    """Build a Scale from TOML text; DomainError (``definition_*``, ``scale_*``) when invalid."""
    data = load_toml(text)
    sid = check_id(require(data, "id", str))
    version = require(data, "version", int)
    if version < 1:
        raise definition_error("definition_version", value=version)
    title = require(data, "title", str)
    raw_options = data.get("options")
    if not isinstance(raw_options, list) or not raw_options:
        raise definition_error("scale_no_options", scale=sid)
    seen: set[str] = set()
    options = []
    for n, raw in enumerate(raw_options, start=1):
        where = f"svarmulighed nr. {n}"
        code = check_id(require(raw, "code", str, where), "code")
        if code in seen:
            raise definition_error("scale_duplicate_option", option=code, scale=sid)
        seen.add(code)
        label = require(raw, "label", str, where)
        if len(label) > MAX_LABEL:
            raise definition_error("definition_too_long", name="label", where=where)
        score = check_score(code, raw.get("score"))
        options.append(ScaleOption(code, label, score, bool(raw.get("satisfied", False))))
    if not any(o.score is not None for o in options):
        raise definition_error("scale_no_scores", scale=sid)
    return Scale(sid, version, title, tuple(options))


# -- the shipped scales -----------------------------------------------------------------------------


def scale_dir() -> Path:
    return resource_path("scales")


@lru_cache(maxsize=8)
def _index(directory: str) -> dict[tuple[str, int], Scale]:
    out: dict[tuple[str, int], Scale] = {}
    for path in sorted(Path(directory).glob("*.toml")):
        scale = parse_scale(path.read_text(encoding="utf-8"))
        key = (scale.id, scale.version)
        if key in out:
            raise ValueError(f"scale {scale.id} version {scale.version} defined twice ({path.name})")
        out[key] = scale
    return out


def shipped_index(directory: Path | None = None) -> dict[tuple[str, int], Scale]:
    """(id, version) -> Scale for the scales shipped with the app."""
    return _index(str(directory or scale_dir()))


def newest(index: dict[tuple[str, int], Scale]) -> list[Scale]:
    """The newest version of every scale in ``index``, by id."""
    out: dict[str, Scale] = {}
    for (_, _), s in sorted(index.items()):
        out[s.id] = s
    return list(out.values())


def all_scales(directory: Path | None = None) -> list[Scale]:
    """The newest version of every shipped scale, by id."""
    return newest(shipped_index(directory))


def pick(index: dict[tuple[str, int], Scale], scale_id: str, version: int | None) -> Scale:
    """One scale of ``index``; without ``version`` the newest. DomainError ``unknown_scale``."""
    if version is None:
        versions = [v for (sid, v) in index if sid == scale_id]
        if not versions:
            raise DomainError("unknown_scale", scale=scale_id, version="")
        version = max(versions)
    try:
        return index[(scale_id, int(version))]
    except KeyError:
        raise DomainError("unknown_scale", scale=scale_id, version=version) from None


def load_scale(scale_id: str, version: int | None = None, directory: Path | None = None) -> Scale:
    """One shipped scale; without ``version`` the newest. DomainError ``unknown_scale`` if missing."""
    return pick(shipped_index(directory), scale_id, version)
