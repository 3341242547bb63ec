"""The audit log: every ORM create, update and delete becomes a chained entry automatically.

A session carries ``info["audit_actor"]`` (id, name), ``info["audit_clock"]`` and an optional
``info["audit_reason"]``. Explicit events (login, sign, export ...) go through ``append``.
Entries are written with Core inserts in the same transaction as the change they describe.
``info["audit_forget"]`` (retention) still logs every change, but never an old value: the log
keeps that a field changed and to what, so it still folds to the live data (``verify``).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import Table, Uuid, event, insert, inspect, select, update
from sqlalchemy import delete as sa_delete
from sqlalchemy.orm import Session, object_session

from ..domain.chain import FORMAT_ACTION, GENESIS, HASH_V1, HASH_V2, AuditRecord, canonical_json, digest
from ..domain.ledger import MUTATIONS
from .models import AuditEntry, AuditHead, Base, Signature
from .types import utcnow

SECRET_COLUMNS = {"password_hash"}
NOT_AUDITED = {AuditEntry.__tablename__, AuditHead.__tablename__, Signature.__tablename__, "site_secret"}
# site_secret: a site's private keys; the audit chain travels to the hub, the keys never (issue 11).
# Tables and columns changed on purpose without a field-level entry (audit_off): drafts are
# scratch input; the login counters and a password rehash are not worth an entry. ``verify``'s
# fold does not compare them; everything else it compares.
NOT_FOLDED_TABLES = {"draft"}
NOT_FOLDED_COLUMNS = {
    "user_account": frozenset({"password_hash", "failed_attempts", "last_failed_at", "last_login_at"}),
}
ALWAYS_UNFOLDED = frozenset({"updated_at"})  # never logged on update (it changes on every one)
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
    forget = bool(session.info.get("audit_forget"))
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
                    changes[key] = [HIDDEN if forget else _value(key, old), _value(key, new)]
        changes.pop("updated_at", None)
        if changes:
            events.append(Event("update", table, _entity_id(obj), changes))
    for obj in session.deleted:
        table = obj.__table__.name
        if table in NOT_AUDITED:
            continue
        if forget:
            # The row's key only (link tables need it to be folded), none of its data.
            mapper = inspect(obj).mapper
            changes = {c.key: [_value(c.key, getattr(obj, c.key)), None] for c in mapper.primary_key}
        else:
            changes = {k: [_value(k, getattr(obj, k)), None] for k, _ in _columns(obj) if getattr(obj, k) is not None}
        events.append(Event("delete", table, _entity_id(obj), changes))
    return events


def _before_delete(_mapper, connection, target) -> None:
    """Rows the database itself deletes or nulls when ``target`` goes (ON DELETE CASCADE / SET
    NULL) never pass through the ORM: log them too, read just before the DELETE, so the log keeps
    folding to the data. Children the ORM deletes itself are gone by now and not seen twice."""
    session = object_session(target)
    if session is None or session.info.get("audit_off") or target.__table__.name in NOT_AUDITED:
        return
    forget = bool(session.info.get("audit_forget"))
    seen = session.info.setdefault("audit_cascade_seen", set())
    pending = session.info.setdefault("audit_cascade_events", [])
    mapper = inspect(target).mapper
    values = {c.name: getattr(target, mapper.get_property_by_column(c).key) for c in target.__table__.columns}
    if target not in session.deleted:
        # An orphan (removed from a delete-orphan collection): the flush deletes it, but it is
        # not among session.deleted, so _events_for_flush never sees it.
        kept = [c.name for c in target.__table__.primary_key.columns] if forget else [
            k for k, v in values.items() if v is not None]
        pending.append(Event("delete", target.__table__.name, _entity_id(target),
                             {k: [_value(k, values[k]), None] for k in kept}))
    frontier = [(target.__table__, values)]
    while frontier:
        parent, values = frontier.pop()
        for child, fk in _referencing(parent):
            key = values.get(fk.column.name)
            if key is None:
                continue
            cascade = (fk.ondelete or "").upper() == "CASCADE"
            for row in connection.execute(select(child).where(fk.parent == key)):
                m = dict(row._mapping)
                pk = [c.name for c in child.primary_key.columns]
                ident = (child.name, tuple(str(m[c]) for c in pk))
                if ident in seen:
                    continue
                entity = str(m[pk[0]])
                if cascade:
                    seen.add(ident)
                    kept = pk if forget else [k for k, v in m.items() if v is not None]
                    pending.append(Event("delete", child.name, entity, {k: [_value(k, m[k]), None] for k in kept}))
                    frontier.append((child, m))
                else:
                    old = HIDDEN if forget else _value(fk.parent.name, m[fk.parent.name])
                    pending.append(Event("update", child.name, entity, {fk.parent.name: [old, None]}))


def _referencing(parent: Table):
    """(child table, foreign key) of every audited table whose rows the database changes when a
    row of ``parent`` is deleted."""
    from . import schema  # noqa: F401 - every mapped table

    out = []
    for child in Base.metadata.tables.values():
        if child.name in NOT_AUDITED:
            continue
        for fk in child.foreign_keys:
            if fk.column.table is parent and (fk.ondelete or "").upper() in ("CASCADE", "SET NULL"):
                out.append((child, fk))
    return out


event.listen(Base, "before_delete", _before_delete, propagate=True)


def _after_flush(session: Session, _ctx) -> None:
    cascades = session.info.pop("audit_cascade_events", [])
    session.info.pop("audit_cascade_seen", None)
    if session.info.get("audit_off"):
        return
    events = _events_for_flush(session) + cascades
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
    # FOR UPDATE (PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the write lock) makes a
    # concurrent append wait here and then read the head this one leaves: the chain cannot fork.
    locked_head = select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1).with_for_update()
    head = conn.execute(locked_head).first()
    if head is None:
        # The very first entry: two processes may both find no head; only one insert takes effect.
        conn.execute(_insert_ignoring_conflict(conn).values(id=1, seq=0, hash=GENESIS))
        head = conn.execute(locked_head).first()
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


def _insert_ignoring_conflict(conn):
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(AuditHead).on_conflict_do_nothing(index_elements=[AuditHead.id])


def record_of(row: AuditEntry, v2_from: int = 1) -> AuditRecord:
    """The hashed fields of a stored entry, in the format its place in the chain says."""
    return AuditRecord(
        row.seq, row.at, row.actor_id, row.actor_name, row.action, row.entity_type, row.entity_id,
        row.changes_digest, row.reason, row.prev_hash, bool(row.redacted),
        HASH_V2 if row.seq >= v2_from else HASH_V1,
    )


def markers(session: Session):
    """(seq, action, changes) of the format markers and redaction entries, read before the chain
    pass: they say which entries are hashed how and which redactions are legitimate."""
    rows = session.execute(
        select(AuditEntry.seq, AuditEntry.action, AuditEntry.changes)
        .where(AuditEntry.action.in_((FORMAT_ACTION, "redact"))).order_by(AuditEntry.seq)
    )
    for seq, action, changes in rows:
        try:
            yield seq, action, None if changes is None else json.loads(changes)
        except ValueError:
            yield seq, action, None



def redact(session: Session, entity_ids: list[str], signature_ids: list[str], reason: str,
           about: dict[str, Any] | None = None) -> int:
    """Retention: drop the payload of every entry about these records and delete these signatures.

    The one change the database's triggers allow on the log: first a hashed ``redact`` entry names
    every entry and signature concerned (so the chain proves the redaction was legitimate and by
    whom), then, with that entry as the head, each named entry loses its ``changes`` (its digest
    and hash stay) and each named signature goes. Returns the number of entries redacted."""
    from ..domain.chain import REDACT_ACTION

    seqs: list[int] = []
    for chunk in _chunks(sorted(set(entity_ids)), 500):
        seqs.extend(session.scalars(
            select(AuditEntry.seq).where(
                AuditEntry.entity_id.in_(chunk), AuditEntry.redacted.is_(False),
                AuditEntry.action.not_in((REDACT_ACTION, FORMAT_ACTION)))
        ))
    seqs.sort()
    signature_ids = sorted({str(i) for i in signature_ids})
    if not seqs and not signature_ids:
        return 0
    session.flush()
    # Filed under the log itself, not the record: a record's history then reads as before
    # (its entries marked as removed), and the entry stays whatever happens to the record.
    append(session, [Event(REDACT_ACTION, "audit", None,
                           {**(about or {}), "entries": seqs, "signatures": signature_ids}, reason)])
    conn = session.connection()
    for chunk in _chunks(seqs, 500):
        conn.execute(update(AuditEntry).where(AuditEntry.seq.in_(chunk)).values(changes=None, redacted=True))
    for chunk in _chunks(signature_ids, 500):
        conn.execute(sa_delete(Signature).where(Signature.id.in_([uuid.UUID(i) for i in chunk])))
    return len(seqs)


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]

# -- the fold: field-level history per record against the live rows ------------------------------


def folded_tables() -> list[tuple[Table, tuple[str, ...], frozenset[str]]]:
    """(table, primary key columns, columns not compared) of every table the log covers."""
    from . import schema  # noqa: F401 - every mapped table, not only those imported so far

    out = []
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_AUDITED or table.name in NOT_FOLDED_TABLES:
            continue
        pk = tuple(c.name for c in table.primary_key.columns)
        out.append((table, pk, ALWAYS_UNFOLDED | NOT_FOLDED_COLUMNS.get(table.name, frozenset())))
    return out


def _key_text(value: Any) -> str:
    return str(value) if value is not None else ""


def _sorted_by(column, dialect: str):
    # PostgreSQL sorts text by the database's collation; the merge needs plain code-point order.
    return column.collate("C") if dialect == "postgresql" and not isinstance(column.type, Uuid) else column


def histories(session: Session, table: str, batch: int = 5000):
    """(record id, [(action, changes, redacted), ...]) for one table, sorted by record id."""
    conn = session.connection()
    dialect = conn.dialect.name
    q = (
        select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.changes, AuditEntry.redacted)
        .where(AuditEntry.entity_type == table, AuditEntry.action.in_(MUTATIONS), AuditEntry.entity_id.is_not(None))
        .order_by(_sorted_by(AuditEntry.entity_id, dialect), AuditEntry.seq)
    )
    current, bucket = None, []
    for entity_id, action, changes, redacted in conn.execution_options(stream_results=True, yield_per=batch).execute(q):
        if entity_id != current and bucket:
            yield current, bucket
            bucket = []
        current = entity_id
        try:
            parsed = None if changes is None else json.loads(changes)
        except ValueError:
            parsed = None
        bucket.append((action, parsed, bool(redacted)))
    if bucket:
        yield current, bucket


def live_rows(session: Session, table: Table, pk: tuple[str, ...], batch: int = 5000):
    """(first key as text, row as dict) for every live row, sorted by primary key."""
    conn = session.connection()
    dialect = conn.dialect.name
    q = select(table).order_by(*(_sorted_by(table.c[c], dialect) for c in pk))
    keys = [c.name for c in table.columns]
    first = keys.index(pk[0])
    for row in conn.execution_options(stream_results=True, yield_per=batch).execute(q):
        yield _key_text(row[first]), dict(zip(keys, row))


def entries_in_order(session: Session, batch: int = 5000):
    """Every entry by sequence number as plain rows (no ORM objects: the chain can be long),
    with ``changes`` as the stored text."""
    conn = session.connection()
    columns = [c for c in AuditEntry.__table__.columns]
    last = 0
    while True:
        rows = conn.execute(select(*columns).where(AuditEntry.seq > last).order_by(AuditEntry.seq).limit(batch)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq


def changes_of(row: AuditEntry) -> Any:
    return None if row.changes is None else json.loads(row.changes)


def head(session: Session) -> tuple[int, str]:
    row = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).first()
    return (row[0], row[1]) if row else (0, GENESIS)


__all__ = ["Event", "append", "install", "head", "record_of", "changes_of", "markers", "folded_tables",
           "histories", "live_rows", "Base"]
