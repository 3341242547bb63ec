"""Hashing for the tamper-evident audit chain and for signatures.

Canonical JSON (sorted keys, no spaces, UTF-8) makes the same content give the same hash on
every machine and Python version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any, Iterable

GENESIS = "0" * 64


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime in hashed content")
        return value.astimezone(dt.timezone.utc).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"cannot hash {type(value).__name__}")


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digest(value: Any) -> str:
    """SHA-256 of the canonical JSON of ``value``."""
    return sha256_hex(canonical_json(value))


@dataclass(frozen=True)
class AuditRecord:
    """The hashed fields of one audit entry. ``changes_digest`` lets a payload be redacted
    (retention) while the chain still verifies."""

    seq: int
    at: dt.datetime
    actor_id: str | None
    actor_name: str
    action: str
    entity_type: str
    entity_id: str | None
    changes_digest: str
    reason: str
    prev_hash: str

    def compute_hash(self) -> str:
        return digest(
            [
                self.seq, self.at, self.actor_id, self.actor_name, self.action, self.entity_type,
                self.entity_id, self.changes_digest, self.reason, self.prev_hash,
            ]
        )


@dataclass(frozen=True)
class ChainFault:
    seq: int
    problem: str  # "hash", "link", "sequence", "payload"


def verify_chain(entries: Iterable[tuple[AuditRecord, str, Any | None, bool]]) -> list[ChainFault]:
    """Check (record, stored_hash, changes, redacted) tuples in sequence order.

    Returns every fault found; the first one is the first broken link.
    """
    faults: list[ChainFault] = []
    prev = GENESIS
    expected_seq = 1
    for record, stored_hash, changes, redacted in entries:
        if record.seq != expected_seq:
            faults.append(ChainFault(record.seq, "sequence"))
        if record.prev_hash != prev:
            faults.append(ChainFault(record.seq, "link"))
        if record.compute_hash() != stored_hash:
            faults.append(ChainFault(record.seq, "hash"))
        if not redacted and digest(changes) != record.changes_digest:
            faults.append(ChainFault(record.seq, "payload"))
        prev = stored_hash
        expected_seq = record.seq + 1
    return faults


def signature_hash(content: Any, earlier_signature_hashes: list[str], meta: dict[str, Any]) -> str:
    """SHA-256 over a section's canonical content, the earlier signatures and who/when/version."""
    return digest({"content": content, "earlier": list(earlier_signature_hashes), "meta": meta})
