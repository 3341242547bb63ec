"""Sync state between sites, conflicts kept for a person, and the chains of other sites.

- ``sync_known``: per peer and record, the version that peer is known to hold, and the version
  sent in a file not yet acknowledged. Bookkeeping only (no personal data: hashes and ids), so not
  audited: the chain would otherwise grow by one entry per record and exchange.
- ``sync_conflict``: a record changed on both sides since the last exchange, with both versions
  as JSON; nothing is overwritten until a person chooses one, with a reason (audited).
- ``foreign_audit_entry``: at the hub, every other site's audit chain, entry by entry with its
  origin, so ``tilsyn verify`` verifies each chain. Append-only like the local chain; not audited.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from . import audit
from .models import Base
from .types import UtcDateTime, utcnow


class SyncKnown(Base):
    __tablename__ = "sync_known"

    peer_site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("peer_site.id", ondelete="CASCADE"), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    version: Mapped[str | None] = mapped_column(String(64))  # what the peer holds (None: unknown)
    pending_version: Mapped[str | None] = mapped_column(String(64))  # sent, not yet acknowledged
    pending_seq: Mapped[int | None] = mapped_column()


class SyncConflict(Base):
    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_record", "record_type", "record_id"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    peer_site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("peer_site.id", ondelete="CASCADE"))
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(120))
    local_version: Mapped[str] = mapped_column(String(64))
    incoming_version: Mapped[str] = mapped_column(String(64))
    base_version: Mapped[str | None] = mapped_column(String(64))
    local_content: Mapped[str] = mapped_column(Text)  # canonical JSON
    incoming_content: Mapped[str] = mapped_column(Text)  # canonical JSON
    detected_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    resolved_by: Mapped[str] = mapped_column(String(260), default="")
    choice: Mapped[str] = mapped_column(String(10), default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class ForeignAuditEntry(Base):
    """One entry of another site's audit chain, as that site wrote it."""

    __tablename__ = "foreign_audit_entry"

    origin_site_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    actor_id: Mapped[str | None] = mapped_column(String(36))
    actor_name: Mapped[str] = mapped_column(String(260))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    changes: Mapped[str | None] = mapped_column(Text)
    changes_digest: Mapped[str] = mapped_column(String(64))
    redacted: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)


# Bookkeeping and other sites' logs are not field-level audited (see the module docstring); the
# conflicts are (their resolution is part of the record's history).
audit.NOT_AUDITED.update({SyncKnown.__tablename__, ForeignAuditEntry.__tablename__})
