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

Collectors and appliers run in the order registered. Either may also take a ``progress``
keyword: a ``progress.Span`` for its part of the pack or unpack; ``progress.step(stage, done,
total)`` reports a Danish stage and stops the work (ExchangeCancelled, nothing written) if the
user cancelled. One without it is reported as "Samler {label} …" / "Indlæser {label} …".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .progress import call


@dataclass(frozen=True)
class Kind:
    name: str
    collect: Callable[..., Any]
    apply: Callable[..., dict]
    label: str = "data"  # what the kind carries, in Danish: "Samler {label} …"


KINDS: list[Kind] = []


def register(name: str, collect: Callable[..., Any], apply: Callable[..., dict], *, label: str = "data") -> None:
    """Add (or replace) the payload kind ``name``; ``label`` names it in progress stages."""
    unregister(name)
    KINDS.append(Kind(name, collect, apply, label))


def unregister(name: str) -> None:
    KINDS[:] = [k for k in KINDS if k.name != name]


def kind(name: str) -> Kind | None:
    return next((k for k in KINDS if k.name == name), None)


def collect_kind(k: Kind, uow, peer, since, progress) -> Any:
    """``k.collect(uow, peer, since)``, with ``progress=`` if the collector takes it."""
    return call(k.collect, uow, peer, since, progress=progress)


def apply_kind(k: Kind, uow, sender, part, progress) -> dict:
    """``k.apply(uow, sender, part)``, with ``progress=`` if the applier takes it."""
    return call(k.apply, uow, sender, part, progress=progress)
