"""ORM tables. Every primary key is a UUID; every timestamp is timezone-aware UTC.

The schema only changes through Alembic migrations (tilsyn/store/migrations); a test checks
that these models and the migrations agree.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Index, MetaData, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .types import UtcDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow, onupdate=utcnow)


class Municipality(Timestamped, Base):
    __tablename__ = "municipality"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    code: Mapped[str] = mapped_column(String(10), default="")

    care_homes: Mapped[list[CareHome]] = relationship(back_populates="municipality")


class CareHome(Timestamped, Base):
    __tablename__ = "care_home"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="municipal")
    address: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(4), default="")
    city: Mapped[str] = mapped_column(String(100), default="")

    municipality: Mapped[Municipality] = relationship(back_populates="care_homes")
    units: Mapped[list[Unit]] = relationship(
        back_populates="care_home", cascade="all, delete-orphan", order_by="Unit.name"
    )


class Unit(Base):
    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("care_home_id", "name", name="uq_unit_home_name"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    care_home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_home.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))

    care_home: Mapped[CareHome] = relationship(back_populates="units")


class Resident(Timestamped, Base):
    __tablename__ = "resident"
    __table_args__ = (
        Index("ix_resident_home_name", "care_home_id", "name"),
        Index("ix_resident_name", "name"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    cpr: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(4), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    care_home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_home.id"))
    unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    room: Mapped[str] = mapped_column(String(20), default="")
    move_in: Mapped[dt.date | None] = mapped_column(Date)
    move_out: Mapped[dt.date | None] = mapped_column(Date)
    acting_municipality: Mapped[str] = mapped_column(String(100), default="")
    residence_municipality: Mapped[str] = mapped_column(String(100), default="")
    contact_person: Mapped[str] = mapped_column(String(200), default="")

    care_home: Mapped[CareHome] = relationship()
    unit: Mapped[Unit | None] = relationship()
    relatives: Mapped[list[Relative]] = relationship(
        back_populates="resident", cascade="all, delete-orphan", order_by="Relative.name"
    )
    permits: Mapped[list[Permit]] = relationship(
        back_populates="resident", cascade="all, delete-orphan", order_by="Permit.valid_from"
    )


class Relative(Timestamped, Base):
    __tablename__ = "relative"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")

    resident: Mapped[Resident] = relationship(back_populates="relatives")


class Permit(Timestamped, Base):
    """A permit decision (afgørelse om tilladelse til magtanvendelse)."""

    __tablename__ = "permit"
    __table_args__ = (Index("ix_permit_valid_to", "valid_to"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"), index=True)
    prerequisites: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date] = mapped_column(Date)
    decision_reference: Mapped[str] = mapped_column(String(100), default="")
    catalogue_version: Mapped[str] = mapped_column(String(20))

    resident: Mapped[Resident] = relationship(back_populates="permits")
    force_types: Mapped[list[PermitForceType]] = relationship(
        cascade="all, delete-orphan", order_by="PermitForceType.type_code"
    )

    @property
    def type_codes(self) -> list[str]:
        return [t.type_code for t in self.force_types]


class PermitForceType(Base):
    __tablename__ = "permit_force_type"

    permit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("permit.id", ondelete="CASCADE"), primary_key=True)
    type_code: Mapped[str] = mapped_column(String(40), primary_key=True)


class User(Timestamped, Base):
    __tablename__ = "user_account"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    position: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    last_failed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())

    care_homes: Mapped[list[UserCareHome]] = relationship(cascade="all, delete-orphan")

    @property
    def care_home_ids(self) -> frozenset[str]:
        return frozenset(str(x.care_home_id) for x in self.care_homes)


class UserCareHome(Base):
    __tablename__ = "user_care_home"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    care_home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_home.id", ondelete="CASCADE"), primary_key=True)


class AuditEntry(Base):
    """Append-only. ``hash`` chains to the entry before; ``changes`` may be redacted by retention,
    ``changes_digest`` keeps the chain verifiable then."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entity", "entity_type", "entity_id"),)

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
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """One row: the chain's last sequence number and hash; locked while appending."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(default=0)
    hash: Mapped[str] = mapped_column(String(64))


class Signature(Base):
    """A signed section of a record (monthly form, acute record ...)."""

    __tablename__ = "signature"
    # A record's valid signed sections from the index alone (0013): the lists read them per form.
    __table_args__ = (Index("ix_signature_entity", "entity_type", "entity_id", "voided_at", "section"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    section: Mapped[int] = mapped_column()
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    signer_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    signed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    template_version: Mapped[str] = mapped_column(String(40))
    content: Mapped[str] = mapped_column(Text)
    earlier_hashes: Mapped[str] = mapped_column(Text, default="[]")
    hash: Mapped[str] = mapped_column(String(64))
    voided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    voided_by: Mapped[str] = mapped_column(String(200), default="")
    void_reason: Mapped[str] = mapped_column(Text, default="")


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
