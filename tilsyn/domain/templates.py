"""Layouts of the official forms as versioned data (``resources/templates/<id>.toml``).

A template holds every label of one official form word for word and in order, with the section
structure around them. A form prints in the template version it was made under; a new official
version is a new TOML file (plus, only if it needs a new kind of drawing, a renderer registered
under the template's ``renderer`` name).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..resources import resource_path
from .errors import DomainError

BLOCK_KINDS = frozenset({
    "title", "note", "text", "section", "subheading", "fields", "answers", "table", "type_table",
    "box", "yesno", "signature", "repeat",
})


class UnknownTemplate(DomainError):
    code = "unknown_template"


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    hint: str = ""


@dataclass(frozen=True)
class Column:
    label: str
    value: str
    width: float = 0.0


@dataclass(frozen=True)
class TypeRow:
    """One row of Skema 1's type table: a catalogue type, optionally one § 126 a situation."""

    label: str
    type: str
    situation: str = ""
    heading: bool = False


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    title: str = ""
    note: str = ""
    label: str = ""
    value: str = ""
    rows: str = ""
    heading: str = ""
    section: int = 0
    yes: str = ""
    no: str = ""
    fields: tuple[Field, ...] = ()
    columns: tuple[Column, ...] = ()
    types: tuple[TypeRow, ...] = ()
    blocks: tuple[Block, ...] = ()

    def labels(self) -> list[str]:
        """The form's own words in this block, in the order they are printed."""
        out: list[str] = []
        for part in (self.title, self.text):
            if part:
                out.append(part)
        if self.kind == "box":
            out.append(self.note)
        elif self.note:
            out.append(self.note)
        if self.label:
            out.append(self.label)
        for f in self.fields:
            out += [f.label] + ([f.hint] if f.hint else [])
        if self.kind == "type_table":
            # The first row carries the column labels (see skema1-2010.toml).
            out.append(self.types[0].label)
            out += [c.label for c in self.columns]
            out += [t.label for t in self.types[1:]]
        else:
            out += [c.label for c in self.columns]
        out += [w for w in (self.yes, self.no) if w]
        for b in self.blocks:
            out += b.labels()
        return out


@dataclass(frozen=True)
class FormTemplate:
    id: str
    name: str
    kind: str
    renderer: str
    page_footer: str
    blocks: tuple[Block, ...]

    def labels(self) -> list[str]:
        """Every label of the form in print order (the page footer, printed on each page, last)."""
        out = [label for b in self.blocks for label in b.labels()]
        return out + ([self.page_footer] if self.page_footer else [])


def _block(raw: dict) -> Block:
    kind = raw.get("kind", "")
    if kind not in BLOCK_KINDS:
        raise ValueError(f"unknown block kind {kind!r}")
    known = set(Block.__dataclass_fields__)
    extra = set(raw) - known
    if extra:
        raise ValueError(f"unknown keys {sorted(extra)} in a {kind!r} block")
    args = {k: v for k, v in raw.items() if k not in ("fields", "columns", "types", "blocks")}
    block = Block(
        **args,
        fields=tuple(Field(**f) for f in raw.get("fields", ())),
        columns=tuple(Column(**c) for c in raw.get("columns", ())),
        types=tuple(TypeRow(**t) for t in raw.get("types", ())),
        blocks=tuple(_block(b) for b in raw.get("blocks", ())),
    )
    if kind == "type_table" and not block.types:
        raise ValueError("a type_table needs types")
    return block


def parse_template(text: str) -> FormTemplate:
    """Build a FormTemplate from TOML text; rejects unknown block kinds and keys."""
    data = tomllib.loads(text)
    return FormTemplate(
        id=data["id"], name=data["name"], kind=data.get("kind", "monthly"), renderer=data.get("renderer", "form"),
        page_footer=data.get("page_footer", ""), blocks=tuple(_block(b) for b in data["blocks"]),
    )


def template_dir() -> Path:
    return resource_path("templates")


@lru_cache(maxsize=None)
def load_template(template_id: str) -> FormTemplate:
    """Load ``resources/templates/<template_id>.toml``; UnknownTemplate if there is none."""
    path = template_dir() / f"{template_id}.toml"
    if not template_id or "/" in template_id or "\\" in template_id or not path.is_file():
        raise UnknownTemplate(template=template_id, known=", ".join(available_templates()))
    template = parse_template(path.read_text(encoding="utf-8"))
    if template.id != template_id:
        raise ValueError(f"{path.name} declares id {template.id!r}")
    return template


def available_templates() -> list[str]:
    """Ids of every template shipped, sorted."""
    return sorted(p.stem for p in template_dir().glob("*.toml"))
