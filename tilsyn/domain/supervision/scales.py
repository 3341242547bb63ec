"""Answer scales as versioned data (``resources/scales/*.toml``).

A scale lists options, each with a label and a score 0-100 or no score ("Ved ikke" is left out
of every average). ``satisfied`` marks the options counted in the share satisfied.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...resources import resource_path
from ..errors import DomainError


@dataclass(frozen=True)
class ScaleOption:
    code: str
    label: str
    score: int | None = None
    satisfied: bool = False


@dataclass(frozen=True)
class Scale:
    id: str
    version: int
    title: str
    options: tuple[ScaleOption, ...]

    def option(self, code: str) -> ScaleOption:
        """The option ``code``; DomainError ``unknown_option`` when the scale has no such option."""
        for o in self.options:
            if o.code == code:
                return o
        raise DomainError("unknown_option", field="option", option=code, scale=self.title)

    def label(self, code: str) -> str:
        return self.option(code).label


def parse_scale(text: str) -> Scale:
    """Build a Scale from TOML text; rejects duplicate codes and scores outside 0-100."""
    data = tomllib.loads(text)
    seen: set[str] = set()
    options = []
    for raw in data["options"]:
        code = raw["code"]
        if code in seen:
            raise ValueError(f"duplicate option {code!r} in scale {data['id']!r}")
        seen.add(code)
        score = raw.get("score")
        if score is not None and not (isinstance(score, int) and 0 <= score <= 100):
            raise ValueError(f"score of {code!r} must be a whole number 0-100, not {score!r}")
        options.append(ScaleOption(code, raw["label"], score, bool(raw.get("satisfied", False))))
    if not options:
        raise ValueError(f"scale {data['id']!r} has no options")
    return Scale(data["id"], int(data["version"]), data["title"], tuple(options))


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


def all_scales(directory: Path | None = None) -> list[Scale]:
    """The newest version of every scale, by id."""
    index = _index(str(directory or scale_dir()))
    newest: dict[str, Scale] = {}
    for (sid, _), s in sorted(index.items()):
        newest[sid] = s
    return list(newest.values())


def load_scale(scale_id: str, version: int | None = None, directory: Path | None = None) -> Scale:
    """One scale; without ``version`` the newest. DomainError ``unknown_scale`` if missing."""
    index = _index(str(directory or scale_dir()))
    if version is None:
        versions = [v for (sid, v) in index if sid == scale_id]
        if not versions:
            raise DomainError("unknown_scale", scale=scale_id, version="")
        version = max(versions)
    try:
        return index[(scale_id, version)]
    except KeyError:
        raise DomainError("unknown_scale", scale=scale_id, version=version) from None
