"""Payload kinds: what goes into an exchange file and how it is applied at the other end.

Each kind registers a collector and an applier (the records of issue 11, points 2-3 and 5, are
added by later work; tests register a trivial kind)::

    register("notes", collect, apply)

- ``collect(uow, peer: PeerInfo, since: Since) -> JSON value | None``: everything this site owes
  ``peer`` of this kind since ``since`` (the last file the peer acknowledged); None or an empty
  value leaves the kind out of the file.
- ``apply(uow, sender: PeerInfo, part) -> dict[str, int]``: apply the part inside the unpack's
  unit of work (never commit); returns counts for the summary. It must be idempotent: a record
  that is already there unchanged is a no-op, because unacknowledged changes are sent again.

Collectors and appliers run in the order registered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class Kind:
    name: str
    collect: Callable[..., Any]
    apply: Callable[..., dict]


KINDS: list[Kind] = []


def register(name: str, collect: Callable[..., Any], apply: Callable[..., dict]) -> None:
    """Add (or replace) the payload kind ``name``."""
    unregister(name)
    KINDS.append(Kind(name, collect, apply))


def unregister(name: str) -> None:
    KINDS[:] = [k for k in KINDS if k.name != name]


def kind(name: str) -> Kind | None:
    return next((k for k in KINDS if k.name == name), None)
