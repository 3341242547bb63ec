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
