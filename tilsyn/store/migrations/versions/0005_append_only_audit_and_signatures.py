"""append-only audit log and signatures: triggers; hash format 2 from a marker entry on

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24

The database itself refuses UPDATE and DELETE on ``audit_entry``, ``audit_head`` and ``signature``
(and TRUNCATE on PostgreSQL), except for exactly these transitions:

- ``audit_entry``: ``redacted`` false -> true with ``changes`` cleared and every other column
  unchanged, and only for an entry named in ``entries`` by the chain's head entry, which must be a
  ``redact`` entry (the retention path appends that hashed entry first, in the same transaction).
- ``signature``: voiding (``voided_at`` empty -> set, with ``voided_by`` and ``void_reason``),
  nothing else; DELETE only of a signature named in ``signatures`` by a ``redact`` head entry.
- ``audit_head``: moves forward to the hash of an existing entry (or stays where it is).

An existing chain gets one ``audit_format`` entry: it marks where hash format 2 (every column,
``redacted`` included) begins, and names the entries an earlier retention redacted, so they stay
legitimate. Nothing is re-hashed. A chain begun after this migration is format 2 throughout.
"""

import datetime as dt
import hashlib
import json

from alembic import op
import sqlalchemy as sa

from tilsyn.store.types import UtcDateTime

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

REFUSED = "tilsyn: append-only"

SQLITE_TRIGGERS = {
    "audit_entry_no_delete": f"""
        CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
        BEGIN SELECT RAISE(ABORT, '{REFUSED}: audit_entry'); END""",
    "audit_entry_only_redact": f"""
        CREATE TRIGGER audit_entry_only_redact BEFORE UPDATE ON audit_entry
        WHEN NOT (
            OLD.redacted = 0 AND NEW.redacted = 1 AND NEW.changes IS NULL
            AND NEW.seq IS OLD.seq AND NEW.at IS OLD.at AND NEW.actor_id IS OLD.actor_id
            AND NEW.actor_name IS OLD.actor_name AND NEW.action IS OLD.action
            AND NEW.entity_type IS OLD.entity_type AND NEW.entity_id IS OLD.entity_id
            AND NEW.changes_digest IS OLD.changes_digest AND NEW.reason IS OLD.reason
            AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
            AND EXISTS (
                SELECT 1 FROM audit_head h JOIN audit_entry r ON r.seq = h.seq, json_each(r.changes, '$.entries') j
                WHERE h.id = 1 AND r.action = 'redact' AND r.seq > OLD.seq AND j.value = OLD.seq)
        )
        BEGIN SELECT RAISE(ABORT, '{REFUSED}: audit_entry'); END""",
    "audit_head_no_delete": f"""
        CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
        BEGIN SELECT RAISE(ABORT, '{REFUSED}: audit_head'); END""",
    "audit_head_only_forward": f"""
        CREATE TRIGGER audit_head_only_forward BEFORE UPDATE ON audit_head
        WHEN NOT (
            NEW.id IS OLD.id AND (
                (NEW.seq = OLD.seq AND NEW.hash IS OLD.hash)
                OR (NEW.seq > OLD.seq AND NEW.hash IS (SELECT hash FROM audit_entry WHERE seq = NEW.seq)))
        )
        BEGIN SELECT RAISE(ABORT, '{REFUSED}: audit_head'); END""",
    "signature_only_void": f"""
        CREATE TRIGGER signature_only_void BEFORE UPDATE ON signature
        WHEN NOT (
            OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL
            AND NEW.id IS OLD.id AND NEW.entity_type IS OLD.entity_type AND NEW.entity_id IS OLD.entity_id
            AND NEW.section IS OLD.section AND NEW.user_id IS OLD.user_id
            AND NEW.signer_name IS OLD.signer_name AND NEW.role IS OLD.role
            AND NEW.signed_at IS OLD.signed_at AND NEW.template_version IS OLD.template_version
            AND NEW.content IS OLD.content AND NEW.earlier_hashes IS OLD.earlier_hashes
            AND NEW.hash IS OLD.hash
        )
        BEGIN SELECT RAISE(ABORT, '{REFUSED}: signature'); END""",
    "signature_no_delete": f"""
        CREATE TRIGGER signature_no_delete BEFORE DELETE ON signature
        WHEN NOT EXISTS (
            SELECT 1 FROM audit_head h JOIN audit_entry r ON r.seq = h.seq, json_each(r.changes, '$.signatures') j
            WHERE h.id = 1 AND r.action = 'redact'
              AND replace(lower(j.value), '-', '') = replace(lower(OLD.id), '-', ''))
        BEGIN SELECT RAISE(ABORT, '{REFUSED}: signature'); END""",
}

PG_FUNCTIONS = {
    "tilsyn_audit_entry_guard": f"""
        CREATE FUNCTION tilsyn_audit_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND OLD.redacted = false AND NEW.redacted = true AND NEW.changes IS NULL
               AND (to_jsonb(NEW) - 'redacted' - 'changes') = (to_jsonb(OLD) - 'redacted' - 'changes')
               AND EXISTS (
                   SELECT 1 FROM audit_head h JOIN audit_entry r ON r.seq = h.seq
                   WHERE h.id = 1 AND r.action = 'redact' AND r.seq > OLD.seq
                     AND (r.changes::jsonb -> 'entries') @> to_jsonb(OLD.seq))
            THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '{REFUSED}: audit_entry';
        END $$""",
    "tilsyn_audit_head_guard": f"""
        CREATE FUNCTION tilsyn_audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND (
                   (NEW.seq = OLD.seq AND NEW.hash = OLD.hash)
                   OR (NEW.seq > OLD.seq AND NEW.hash = (SELECT hash FROM audit_entry WHERE seq = NEW.seq)))
            THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '{REFUSED}: audit_head';
        END $$""",
    "tilsyn_signature_guard": f"""
        CREATE FUNCTION tilsyn_signature_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL
               AND (to_jsonb(NEW) - 'voided_at' - 'voided_by' - 'void_reason')
                   = (to_jsonb(OLD) - 'voided_at' - 'voided_by' - 'void_reason')
            THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'DELETE' AND EXISTS (
                   SELECT 1 FROM audit_head h JOIN audit_entry r ON r.seq = h.seq
                   WHERE h.id = 1 AND r.action = 'redact'
                     AND (r.changes::jsonb -> 'signatures') @> to_jsonb(OLD.id::text))
            THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION '{REFUSED}: signature';
        END $$""",
    "tilsyn_refuse_truncate": f"""
        CREATE FUNCTION tilsyn_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{REFUSED}: %', TG_TABLE_NAME;
        END $$""",
}

PG_TRIGGERS = {
    "audit_entry_guard": ("audit_entry", "BEFORE UPDATE OR DELETE", "FOR EACH ROW", "tilsyn_audit_entry_guard"),
    "audit_entry_no_truncate": ("audit_entry", "BEFORE TRUNCATE", "FOR EACH STATEMENT", "tilsyn_refuse_truncate"),
    "audit_head_guard": ("audit_head", "BEFORE UPDATE OR DELETE", "FOR EACH ROW", "tilsyn_audit_head_guard"),
    "audit_head_no_truncate": ("audit_head", "BEFORE TRUNCATE", "FOR EACH STATEMENT", "tilsyn_refuse_truncate"),
    "signature_guard": ("signature", "BEFORE UPDATE OR DELETE", "FOR EACH ROW", "tilsyn_signature_guard"),
    "signature_no_truncate": ("signature", "BEFORE TRUNCATE", "FOR EACH STATEMENT", "tilsyn_refuse_truncate"),
}

audit_entry = sa.table(
    "audit_entry",
    sa.column("seq", sa.Integer), sa.column("at", UtcDateTime()), sa.column("actor_id", sa.String),
    sa.column("actor_name", sa.String), sa.column("action", sa.String), sa.column("entity_type", sa.String),
    sa.column("entity_id", sa.String), sa.column("changes", sa.Text), sa.column("changes_digest", sa.String),
    sa.column("redacted", sa.Boolean), sa.column("reason", sa.Text), sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)
audit_head = sa.table("audit_head", sa.column("id", sa.Integer), sa.column("seq", sa.Integer),
                      sa.column("hash", sa.String))


def _digest(value) -> str:
    # Frozen copy of tilsyn.domain.chain.digest (canonical JSON, SHA-256), so this migration keeps
    # writing the same bytes whatever later versions of the app change.
    def default(v):
        if isinstance(v, dt.datetime):
            return v.astimezone(dt.timezone.utc).isoformat()
        raise TypeError(type(v).__name__)

    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=default)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _append_format_marker(conn) -> None:
    head = conn.execute(sa.select(audit_head.c.seq, audit_head.c.hash).where(audit_head.c.id == 1)).first()
    if head is None or head.seq == 0:
        return  # an empty chain: format 2 from its first entry
    redacted = [s for (s,) in conn.execute(
        sa.select(audit_entry.c.seq).where(audit_entry.c.redacted.is_(True)).order_by(audit_entry.c.seq))]
    changes = {"hash_version": 2, "entries": redacted}
    seq, prev = head.seq + 1, head.hash
    at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    row = dict(seq=seq, at=at, actor_id=None, actor_name="Tilsyn (opgradering af databasen)",
               action="audit_format", entity_type="audit", entity_id=None, changes_digest=_digest(changes),
               redacted=False, reason="Hashformat 2: alle felter i posten, også redigeret", prev_hash=prev)
    row["hash"] = _digest({"v": 2, **{k: row[k] for k in (
        "seq", "at", "actor_id", "actor_name", "action", "entity_type", "entity_id", "changes_digest",
        "redacted", "reason", "prev_hash")}})
    row["changes"] = json.dumps(changes, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    conn.execute(sa.insert(audit_entry).values(**row))
    conn.execute(sa.update(audit_head).where(audit_head.c.id == 1).values(seq=seq, hash=row["hash"]))


def upgrade() -> None:
    conn = op.get_bind()
    _append_format_marker(conn)
    if conn.dialect.name == "postgresql":
        for ddl in PG_FUNCTIONS.values():
            op.execute(ddl)
        for name, (table, when, each, function) in PG_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} ON {table} {each} EXECUTE FUNCTION {function}()")
    else:
        for ddl in SQLITE_TRIGGERS.values():
            op.execute(ddl)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        for name, (table, *_rest) in PG_TRIGGERS.items():
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for name in PG_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    # The format marker goes again while it is still the head: the older app hashes in format 1.
    head = conn.execute(sa.select(audit_head.c.seq).where(audit_head.c.id == 1)).scalar()
    last = conn.execute(sa.select(audit_entry.c.action, audit_entry.c.prev_hash)
                        .where(audit_entry.c.seq == head)).first() if head else None
    if last is not None and last.action == "audit_format":
        conn.execute(sa.delete(audit_entry).where(audit_entry.c.seq == head))
        conn.execute(sa.update(audit_head).where(audit_head.c.id == 1).values(seq=head - 1, hash=last.prev_hash))
