"""Hashing for the tamper-evident audit chain and for signatures.

Canonical JSON (sorted keys, no spaces, UTF-8) makes the same content give the same hash on
every machine and Python version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping

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


# Hash formats. Version 1 (before migration 0005) left ``redacted`` outside the hash. Version 2
# covers every column of the entry by name. The format of an entry follows from its place in the
# chain: entries before the ``audit_format`` marker that migration 0005 appends to an existing
# chain are version 1, the marker and everything after it version 2 (a new chain is version 2
# throughout). Nothing is re-hashed, so old databases still verify, and a version cannot be
# forged per entry: a version 2 hash never verifies as version 1 or the other way round.
HASH_V1 = 1
HASH_V2 = 2
FORMAT_ACTION = "audit_format"
REDACT_ACTION = "redact"


@dataclass(frozen=True)
class AuditRecord:
    """The hashed fields of one audit entry. ``changes_digest`` lets a payload be redacted
    (retention) while the chain still verifies; ``redacted`` is hashed as written (false) and may
    turn true only through a later hashed redaction entry that names this entry."""

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
    redacted: bool = False
    version: int = HASH_V2

    def compute_hash(self) -> str:
        if self.version == HASH_V1:
            return digest(
                [
                    self.seq, self.at, self.actor_id, self.actor_name, self.action, self.entity_type,
                    self.entity_id, self.changes_digest, self.reason, self.prev_hash,
                ]
            )
        return digest(
            {
                "v": HASH_V2, "seq": self.seq, "at": self.at, "actor_id": self.actor_id,
                "actor_name": self.actor_name, "action": self.action, "entity_type": self.entity_type,
                "entity_id": self.entity_id, "changes_digest": self.changes_digest,
                "redacted": bool(self.redacted), "reason": self.reason, "prev_hash": self.prev_hash,
            }
        )


@dataclass(frozen=True)
class ChainFault:
    seq: int
    problem: str  # "hash", "link", "sequence", "payload", "redacted", "head", "anchor"


def redaction_named(action: str, seq: int, changes: Any) -> list[int]:
    """The earlier entries a redaction (or the format marker) names as legitimately redacted."""
    if action not in (REDACT_ACTION, FORMAT_ACTION) or not isinstance(changes, dict):
        return []
    return [int(s) for s in changes.get("entries", ()) if isinstance(s, int) and 0 < s < seq]


def version_start(markers: Iterable[tuple[int, Any]]) -> int:
    """The first sequence number hashed in format 2: the earliest ``audit_format`` marker naming
    version 2, else 1 (a chain begun after the migration)."""
    starts = [seq for seq, changes in markers if isinstance(changes, dict) and changes.get("hash_version") == HASH_V2]
    return min(starts) if starts else 1


def verify_chain(
    entries: Iterable[tuple[AuditRecord, str, Any | None, bool]],
    redactions: Mapping[int, int] | None = None,
) -> list[ChainFault]:
    """Check (record, stored_hash, changes, redacted) tuples in sequence order; ``changes`` may be
    the stored JSON text or its parsed value.

    ``redactions`` maps each legitimately redacted sequence number to the later entry naming it.
    A redacted entry without such an entry, or with a payload left in place, is a fault; its hash
    is checked with ``redacted`` as written (false) only when the redaction is legitimate, so in
    format 2 an unexplained ``redacted = 1`` also breaks the hash.

    Returns every fault found; the first one is the first broken link.
    """
    redactions = redactions or {}
    faults: list[ChainFault] = []
    prev = GENESIS
    expected_seq = 1
    for record, stored_hash, changes, redacted in entries:
        if record.seq != expected_seq:
            faults.append(ChainFault(record.seq, "sequence"))
        if record.prev_hash != prev:
            faults.append(ChainFault(record.seq, "link"))
        legitimate = bool(redacted) and redactions.get(record.seq, 0) > record.seq
        as_written = replace(record, redacted=bool(redacted) and not legitimate)
        if as_written.compute_hash() != stored_hash:
            faults.append(ChainFault(record.seq, "hash"))
        if redacted:
            if not legitimate:
                faults.append(ChainFault(record.seq, "redacted"))
            if changes is not None:
                faults.append(ChainFault(record.seq, "payload"))
        elif not _payload_matches(changes, record.changes_digest):
            faults.append(ChainFault(record.seq, "payload"))
        prev = stored_hash
        expected_seq = record.seq + 1
    return faults


def _payload_matches(changes: Any, changes_digest: str) -> bool:
    """``changes`` as stored (canonical JSON text, hashed as it is: the fast path) or parsed."""
    if isinstance(changes, str):
        if sha256_hex(changes) == changes_digest:
            return True
        try:
            changes = json.loads(changes)
        except ValueError:
            return False
    return digest(changes) == changes_digest


def parse_head(text: str) -> tuple[int, str] | None:
    """A chain head as printed on exports and receipts: ``NR:HASH``, ``nr. NR · HASH`` or
    ``nr. NR, HASH``. The hash may be shortened to its first 16 hex digits (as the command line
    prints it). Returns None when ``text`` is not such a head."""
    m = re.fullmatch(
        r"\s*(?:nr\.?\s*)?(\d{1,18})\s*(?::|·|,|\s)\s*([0-9a-fA-F]{16,64})\s*", text or "", flags=re.IGNORECASE
    )
    if not m:
        return None
    return int(m.group(1)), m.group(2).lower()


def head_matches(expected: tuple[int, str], stored_hash: str) -> bool:
    """Whether the stored hash of the expected entry is the (possibly shortened) expected hash."""
    return len(expected[1]) >= 16 and stored_hash.lower().startswith(expected[1])


def signature_hash(content: Any, earlier_signature_hashes: list[str], meta: dict[str, Any]) -> str:
    """SHA-256 over a section's canonical content, the earlier signatures and who/when/version."""
    return digest({"content": content, "earlier": list(earlier_signature_hashes), "meta": meta})
