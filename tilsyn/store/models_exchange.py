"""Sites and exchange files: this site, its peers, sequence numbers per peer, files sent, receipts.

A database without a ``this_site`` row is not a site and works as before. The private keys sit
in ``site_secret``, which the audit log neither records nor folds (tilsyn.store.audit
NOT_AUDITED): the audit chain travels to the hub, the keys must never. Keys are base64 text.
Nothing in these tables is personal data: ids, names of sites, hashes, numbers and times.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, Timestamped
from .types import UtcDateTime, utcnow


class ThisSite(Timestamped, Base):
    """Which site this database is (one row at most: ``singleton`` is always 1 and unique)."""

    __tablename__ = "this_site"
    __table_args__ = (CheckConstraint("singleton = 1", name="one_row"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    singleton: Mapped[int] = mapped_column(default=1, unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))  # hub, care_home, laptop
    sign_public: Mapped[str] = mapped_column(String(64))  # Ed25519 verify key, base64
    box_public: Mapped[str] = mapped_column(String(64))  # X25519 public key, base64
    joined_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)


class SiteSecret(Base):
    """This site's private keys (never audited, never exported)."""

    __tablename__ = "site_secret"

    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("this_site.id", ondelete="CASCADE"), primary_key=True)
    sign_secret: Mapped[str] = mapped_column(String(64))  # Ed25519 seed, base64
    box_secret: Mapped[str] = mapped_column(String(64))  # X25519 private key, base64


class PeerSite(Timestamped, Base):
    """A site this one exchanges with: at the hub every enrolled site, elsewhere the hub."""

    __tablename__ = "peer_site"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    sign_public: Mapped[str] = mapped_column(String(64))
    box_public: Mapped[str] = mapped_column(String(64))
    care_home_ids: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of care home ids served
    enrolled_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    revoke_reason: Mapped[str | None] = mapped_column(Text)


class ExchangeState(Base):
    """Sequence numbers with one peer, both directions: what this site sent and the peer
    acknowledged, and what this site received from the peer."""

    __tablename__ = "exchange_state"

    peer_site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("peer_site.id", ondelete="CASCADE"), primary_key=True)
    last_sent_seq: Mapped[int] = mapped_column(default=0)
    last_sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    last_acked_seq: Mapped[int] = mapped_column(default=0)
    last_acked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    last_received_seq: Mapped[int] = mapped_column(default=0)
    last_received_sha256: Mapped[str | None] = mapped_column(String(64))
    last_received_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())


class ExchangeSent(Base):
    """One file written to a peer: its number, hash, and this site's audit head when it was
    packed (the point the next file's content starts after once this one is acknowledged)."""

    __tablename__ = "exchange_sent"
    __table_args__ = (Index("ix_exchange_sent_peer_seq", "peer_site_id", "seq"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    peer_site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("peer_site.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column()
    base_seq: Mapped[int] = mapped_column()
    payload_sha256: Mapped[str] = mapped_column(String(64))
    audit_seq: Mapped[int] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    superseded_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())


class ExchangeReceipt(Base):
    """A file received and applied: number, payload hash, and the head of the sender's audit
    chain as applied here. Travels back to the sender in this site's next file to it."""

    __tablename__ = "exchange_receipt"
    __table_args__ = (UniqueConstraint("peer_site_id", "seq", name="uq_exchange_receipt_peer_seq"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    peer_site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("peer_site.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column()
    payload_sha256: Mapped[str] = mapped_column(String(64))
    file_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    sender_head_seq: Mapped[int | None] = mapped_column()
    sender_head_hash: Mapped[str | None] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON: what the handler applied, counts only
