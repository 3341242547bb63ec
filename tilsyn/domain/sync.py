"""Record versions and what happens when a record arrives from another site (pure rules).

A record's version is the SHA-256 of its exchanged content (canonical JSON, without the
created/updated stamps). Per peer, a site remembers the version that peer is known to hold
(received from it, or sent to it in a file it acknowledged). A record travels with its version
and its ``base``: the version the sender believed the recipient held.

At the recipient (ODK: an identical resubmission is a no-op, a stale edit is a conflict; DHIS2:
local changes are never overwritten by a download):

- no local row: insert it;
- local content equal to the incoming: nothing to do (say so);
- local row unchanged since the last exchange with the sender (its version is the one the sender
  holds), or it is the very version the sender built on (``base``): take the incoming one;
- otherwise both sides changed it: keep the local row, store both versions as a conflict for a
  person to resolve; nothing is lost and nothing is sent on until it is resolved.

A monthly form made on two care home PCs of one home has one id (derived from resident and
month) so it is one form; a copy that arrives without any base is merged (``MERGE``): the hub
keeps its form and sends it back with the marker base, which a site takes over its own fresh copy.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Mapping

from .chain import digest

DELETED = "deleted"  # the version of a record the sender deleted or may no longer see
MERGE_BASE = "merge"  # base of the hub's form sent back after a merge: the site takes it
STAMPS = frozenset({"created_at", "updated_at"})


class Outcome(StrEnum):
    INSERT = "insert"
    SAME = "same"
    APPLY = "apply"
    DELETE = "delete"
    CONFLICT = "conflict"
    MERGE = "merge"  # keep the local form row, the sender's episodes join it


def version_of(content: Mapping[str, Any] | None) -> str:
    """The version of a record's exchanged content (None: the record is absent)."""
    if content is None:
        return DELETED
    return digest({k: v for k, v in content.items() if k not in STAMPS})


def decide(local: str | None, incoming: str, base: str | None, known: str | None, *,
           mergeable: bool = False, at_hub: bool = False) -> Outcome:
    """What to do with an incoming record version.

    ``local``: this site's version (None: no row); ``incoming``: the sender's (DELETED: the sender
    deleted it); ``base``: what the sender believed this site held; ``known``: what this site
    believes the sender holds. ``mergeable``: a monthly form (one per resident and month)."""
    if local is None:
        return Outcome.SAME if incoming == DELETED else Outcome.INSERT
    if local == incoming:
        return Outcome.SAME
    if base == MERGE_BASE and not at_hub:
        return Outcome.APPLY
    if local == known or (base is not None and local == base):
        return Outcome.DELETE if incoming == DELETED else Outcome.APPLY
    if mergeable and base is None and known is None and at_hub:
        return Outcome.MERGE
    return Outcome.CONFLICT


class Choice(StrEnum):
    LOCAL = "local"  # keep this site's version
    INCOMING = "incoming"  # take the other site's version


REASON_MIN = 5


def check_resolution(choice: str, reason: str) -> tuple[Choice, str]:
    """A person's resolution of a conflict: which version, and why (at least a few characters)."""
    from .errors import DomainError

    try:
        picked = Choice(choice)
    except ValueError:
        raise DomainError("conflict_choice_unknown", field="choice", choice=choice) from None
    text = " ".join((reason or "").split())
    if len(text) < REASON_MIN:
        raise DomainError("conflict_reason_short", field="reason", min=REASON_MIN)
    return picked, text


def changed_fields(left: Mapping[str, Any] | None, right: Mapping[str, Any] | None) -> list[str]:
    """The fields two versions of a record differ in (stamps left out), sorted: shown side by side."""
    left, right = left or {}, right or {}
    return sorted(k for k in set(left) | set(right) if k not in STAMPS and left.get(k) != right.get(k))


_FORM_NAMESPACE = __import__("uuid").UUID("6f1d3c2e-3c1b-5a0e-9a51-7b1d2f0c4e11")


def monthly_form_id(resident_id: str, year: int, month: int):
    """The id of a resident's monthly form: the same on every site, so episodes registered on two
    PCs of one care home land on one form (client-made, deterministic UUID)."""
    import uuid

    return uuid.uuid5(_FORM_NAMESPACE, f"{uuid.UUID(str(resident_id))}:{int(year):04d}-{int(month):02d}")
