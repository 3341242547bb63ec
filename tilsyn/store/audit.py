"""The audit log: every ORM create, update and delete becomes a chained entry automatically.

A session carries ``info["audit_actor"]`` (id, name), ``info["audit_clock"]`` and an optional
``info["audit_reason"]``. Explicit events (login, sign, export ...) go through ``append``.
Entries are written with Core inserts in the same transaction as the change they describe.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import event, insert, inspect, select, update
from sqlalchemy.orm import Session

from ..domain.chain import GENESIS, AuditRecord, canonical_json, digest
from .models import AuditEntry, AuditHead, Base, Signature
from .types import utcnow

SECRET_COLUMNS = {"password_hash"}
NOT_AUDITED = {AuditEntry.__tablename__, AuditHead.__tablename__, Signature.__tablename__}
HIDDEN = "***"


@dataclass(frozen=True)
class Event:
    action: str
    entity_type: str
    entity_id: str | None
    changes: dict[str, Any]
    reason: str = ""


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _entity_id(obj: Any) -> str | None:
    ident = inspect(obj).identity
    if ident is None:
        mapper = inspect(obj).mapper
        ident = tuple(getattr(obj, c.key) for c in mapper.primary_key)
    # Composite keys (link tables) are filed under their first key, the owning record.
    return str(ident[0]) if ident and ident[0] is not None else None


def _columns(obj: Any):
    mapper = inspect(obj).mapper
    return [(attr.key, attr.columns[0].name) for attr in mapper.column_attrs]


def _value(key: str, value: Any) -> Any:
    return HIDDEN if key in SECRET_COLUMNS else _plain(value)


def _events_for_flush(session: Session) -> list[Event]:
    events: list[Event] = []
    for obj in session.new:
        table = obj.__table__.name
        if table in NOT_AUDITED:
            continue
        changes = {k: [None, _value(k, getattr(obj, k))] for k, _ in _columns(obj) if getattr(obj, k) is not None}
        events.append(Event("create", table, _entity_id(obj), changes))
    for obj in session.dirty:
        table = obj.__table__.name
        if table in NOT_AUDITED or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        changes = {}
        for key, _ in _columns(obj):
            hist = state.attrs[key].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if old != new:
                    changes[key] = [_value(key, old), _value(key, new)]
        changes.pop("updated_at", None)
        if changes:
            events.append(Event("update", table, _entity_id(obj), changes))
    for obj in session.deleted:
        table = obj.__table__.name
        if table in NOT_AUDITED:
            continue
        changes = {k: [_value(k, getattr(obj, k)), None] for k, _ in _columns(obj) if getattr(obj, k) is not None}
        events.append(Event("delete", table, _entity_id(obj), changes))
    return events


def _after_flush(session: Session, _ctx) -> None:
    if session.info.get("audit_off"):
        return
    events = _events_for_flush(session)
    if events:
        reason = session.info.get("audit_reason", "")
        append(session, [Event(e.action, e.entity_type, e.entity_id, e.changes, e.reason or reason) for e in events])


def install(session: Session) -> None:
    """Attach the automatic audit to one session (the unit of work does this)."""
    event.listen(session, "after_flush", _after_flush)


def append(session: Session, events: Iterable[Event]) -> list[str]:
    """Append events to the chain under a lock on the head row; returns their hashes."""
    events = list(events)
    if not events:
        return []
    actor_id, actor_name = session.info.get("audit_actor", (None, "ukendt"))
    clock = session.info.get("audit_clock", utcnow)
    conn = session.connection()
    head = conn.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1).with_for_update()).first()
    if head is None:
        conn.execute(insert(AuditHead).values(id=1, seq=0, hash=GENESIS))
        seq, prev = 0, GENESIS
    else:
        seq, prev = head
    at = clock()
    rows, hashes = [], []
    for ev in events:
        seq += 1
        changes_json = canonical_json(ev.changes)
        record = AuditRecord(
            seq, at, actor_id, actor_name, ev.action, ev.entity_type, ev.entity_id,
            digest(ev.changes), ev.reason, prev,
        )
        h = record.compute_hash()
        rows.append(
            dict(
                seq=seq, at=at, actor_id=actor_id, actor_name=actor_name, action=ev.action,
                entity_type=ev.entity_type, entity_id=ev.entity_id, changes=changes_json,
                changes_digest=record.changes_digest, redacted=False, reason=ev.reason, prev_hash=prev, hash=h,
            )
        )
        hashes.append(h)
        prev = h
    conn.execute(insert(AuditEntry), rows)
    conn.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=seq, hash=prev))
    return hashes


def record_of(row: AuditEntry) -> AuditRecord:
    return AuditRecord(
        row.seq, row.at, row.actor_id, row.actor_name, row.action, row.entity_type, row.entity_id,
        row.changes_digest, row.reason, row.prev_hash,
    )


def changes_of(row: AuditEntry) -> Any:
    return None if row.changes is None else json.loads(row.changes)


def head(session: Session) -> tuple[int, str]:
    row = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).first()
    return (row[0], row[1]) if row else (0, GENESIS)


__all__ = ["Event", "append", "install", "head", "record_of", "changes_of", "Base"]
