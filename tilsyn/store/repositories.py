"""Repositories: the only place services reach the tables. Queries are SQLAlchemy 2 ``select()``."""

from __future__ import annotations

import datetime as dt
import uuid
import weakref
from typing import NamedTuple, Sequence

from sqlalchemy import String, Text, cast, func, literal_column, or_, select, text, type_coerce, update
from sqlalchemy.orm import Session, selectinload

from .models import (
    AuditEntry,
    CareHome,
    Municipality,
    Permit,
    PermitForceType,
    Relative,
    Resident,
    Setting,
    Signature,
    Unit,
    User,
)


def as_uuid(value: str | uuid.UUID) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


class _Repository:
    model: type

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, id_: str | uuid.UUID):
        return self.session.get(self.model, as_uuid(id_))

    def add(self, obj) -> None:
        self.session.add(obj)

    def delete(self, obj) -> None:
        self.session.delete(obj)

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(self.model)) or 0


class MunicipalityRepository(_Repository):
    model = Municipality

    def first(self) -> Municipality | None:
        return self.session.scalars(select(Municipality).order_by(Municipality.created_at).limit(1)).first()

    def by_name(self, name: str) -> Municipality | None:
        return self.session.scalars(select(Municipality).where(Municipality.name == name)).first()


class CareHomeRepository(_Repository):
    model = CareHome

    def list_all(self) -> Sequence[CareHome]:
        return self.session.scalars(
            select(CareHome).options(selectinload(CareHome.units)).order_by(danish(self.session, CareHome.name))
        ).all()

    def names(self) -> dict[uuid.UUID, str]:
        """id -> name of every care home, in one query (lists name the home on each line)."""
        return dict(self.session.execute(select(CareHome.id, CareHome.name)).all())

    def by_name(self, name: str) -> CareHome | None:
        return self.session.scalars(
            select(CareHome).where(func.lower(CareHome.name) == name.strip().lower())
        ).first()

    def resident_counts(self, on: dt.date) -> dict[uuid.UUID, int]:
        rows = self.session.execute(
            select(Resident.care_home_id, func.count())
            .where(or_(Resident.move_out.is_(None), Resident.move_out >= on))
            .group_by(Resident.care_home_id)
        ).all()
        return {home_id: n for home_id, n in rows}

    def has_residents(self, home_id: uuid.UUID) -> bool:
        return bool(
            self.session.scalar(select(func.count()).select_from(Resident).where(Resident.care_home_id == home_id))
        )

    def unit_by_name(self, home: CareHome, name: str) -> Unit | None:
        for unit in home.units:
            if unit.name.casefold() == name.strip().casefold():
                return unit
        return None


#: Sort keys that are text people read: in Danish alphabetical order.
DANISH_SORTED = frozenset({"name", "care_home", "unit", "room"})
RESIDENT_SORT_COLUMNS = {
    "name": Resident.name,
    "cpr": Resident.cpr,
    "care_home": CareHome.name,
    "unit": Unit.name,
    "room": Resident.room,
    "move_in": Resident.move_in,
    "move_out": Resident.move_out,
}


class ResidentRepository(_Repository):
    model = Resident

    def by_cpr(self, cpr: str) -> Resident | None:
        return self.session.scalars(select(Resident).where(Resident.cpr == cpr)).first()

    def by_cprs(self, cprs: list[str]) -> dict[str, Resident]:
        out: dict[str, Resident] = {}
        for chunk in _chunks(cprs, 500):
            for r in self.session.scalars(select(Resident).where(Resident.cpr.in_(chunk))):
                out[r.cpr] = r
        return out

    def search_ids(
        self,
        text: str = "",
        care_home_id: uuid.UUID | None = None,
        *,
        sort: str = "name",
        descending: bool = False,
        include_moved_out: bool = True,
        today: dt.date | None = None,
        home_ids: frozenset[str] | None = None,
    ) -> list[uuid.UUID]:
        """Sorted ids of matching residents; the table model fetches rows for them on demand.

        ``text`` matches a part of the name, the room, or the CPR digits (with or without dash).
        """
        q = select(Resident.id).join(CareHome, Resident.care_home_id == CareHome.id).outerjoin(
            Unit, Resident.unit_id == Unit.id
        )
        if care_home_id is not None:
            q = q.where(Resident.care_home_id == care_home_id)
        if home_ids is not None:
            q = q.where(Resident.care_home_id.in_([as_uuid(h) for h in home_ids]))
        if not include_moved_out and today is not None:
            q = q.where(or_(Resident.move_out.is_(None), Resident.move_out >= today))
        for word in text.split():
            like = f"%{word.lower()}%"
            digits = word.replace("-", "")
            conds = [_folded(Resident.name).like(like), _folded(Resident.room) == word.lower()]
            if digits.isdigit():
                conds.append(Resident.cpr.like(f"{digits}%"))
            q = q.where(or_(*conds))
        col = RESIDENT_SORT_COLUMNS.get(sort, Resident.name)
        if sort in DANISH_SORTED or sort not in RESIDENT_SORT_COLUMNS:
            col = danish(self.session, col)
        order = col.desc() if descending else col.asc()
        # Ties by CPR, not by the random id, so equal names keep one order on every machine.
        q = q.order_by(order, danish(self.session, Resident.name).asc(), Resident.cpr.asc(), Resident.id.asc())
        return list(self.session.scalars(q))

    def rows_for(self, ids: list[uuid.UUID], home_ids: frozenset[str] | None = None) -> list[tuple]:
        """Display columns for ``ids`` in one query (order not guaranteed), limited to ``home_ids``."""
        out = []
        for chunk in _chunks(ids, 500):
            q = select(
                        Resident.id,
                        Resident.name,
                        Resident.cpr,
                        CareHome.name,
                        Unit.name,
                        Resident.room,
                        Resident.move_in,
                        Resident.move_out,
                    ).join(CareHome, Resident.care_home_id == CareHome.id).outerjoin(
                        Unit, Resident.unit_id == Unit.id
                    ).where(Resident.id.in_(chunk))
            if home_ids is not None:
                q = q.where(Resident.care_home_id.in_([as_uuid(h) for h in home_ids]))
            out.extend(self.session.execute(q).all())
        return out

    def moved_out_before(self, day: dt.date) -> Sequence[Resident]:
        return self.session.scalars(
            select(Resident).where(Resident.move_out.is_not(None), Resident.move_out < day).order_by(Resident.move_out)
        ).all()

    def get_full(self, id_: str | uuid.UUID) -> Resident | None:
        return self.session.scalars(
            select(Resident)
            .where(Resident.id == as_uuid(id_))
            .options(
                selectinload(Resident.relatives),
                selectinload(Resident.permits).selectinload(Permit.force_types),
                selectinload(Resident.care_home),
                selectinload(Resident.unit),
            )
        ).first()


class PermitRow(NamedTuple):
    """A permit's columns and type codes, read for a list (what PermitDTO is built from); the
    ids as text."""

    id: str
    resident_id: str
    prerequisites: str
    valid_from: dt.date
    valid_to: dt.date
    decision_reference: str
    catalogue_version: str
    type_codes: list[str]


class PermitRepository(_Repository):
    model = Permit

    def for_resident(self, resident_id: uuid.UUID) -> Sequence[Permit]:
        return self.session.scalars(
            select(Permit)
            .where(Permit.resident_id == resident_id)
            .options(selectinload(Permit.force_types))
            .order_by(Permit.valid_from)
        ).all()

    def ending_between(self, start: dt.date, end: dt.date, home_ids: frozenset[str] | None = None) -> Sequence[Permit]:
        """Permits in force on ``start`` that end by ``end``; ``home_ids``: of residents in those homes."""
        q = select(Permit).where(Permit.valid_to >= start, Permit.valid_to <= end, Permit.valid_from <= start)
        if home_ids is not None:
            q = q.join(Resident, Resident.id == Permit.resident_id).where(
                Resident.care_home_id.in_([as_uuid(h) for h in home_ids]))
        return self.session.scalars(
            q.options(selectinload(Permit.force_types), selectinload(Permit.resident)).order_by(Permit.valid_to)
        ).all()

    def ending_rows(self, start: dt.date, end: dt.date, home_ids: frozenset[str] | None = None) -> list[tuple]:
        """The permits of ``ending_between`` as (PermitRow, resident name, care home name), from
        one query of the columns a list shows, without loading permits, their types and residents
        as ORM objects (the caseworker's dashboard lists every home's)."""
        dialect = dialect_of(self.session)
        q = (
            select(id_text(dialect, Permit.id), id_text(dialect, Permit.resident_id), Permit.prerequisites,
                   Permit.valid_from, Permit.valid_to, Permit.decision_reference, Permit.catalogue_version,
                   Resident.name, CareHome.name, PermitForceType.type_code)
            .join(Resident, Resident.id == Permit.resident_id)
            .join(CareHome, CareHome.id == Resident.care_home_id)
            .outerjoin(PermitForceType, PermitForceType.permit_id == Permit.id)
            .where(Permit.valid_to >= start, Permit.valid_to <= end, Permit.valid_from <= start)
        )
        if home_ids is not None:
            q = q.where(Resident.care_home_id.in_([as_uuid(h) for h in home_ids]))
        out: dict[str, tuple] = {}  # in the order of the permits' first rows
        for *cols, name, home, code in self.session.execute(q.order_by(Permit.valid_to)):
            row = out.get(cols[0])
            if row is None:
                row = out[cols[0]] = (PermitRow(*cols, []), name, home)
            if code is not None:
                row[0].type_codes.append(code)
        for row, _, _ in out.values():
            row.type_codes.sort()  # as Permit.force_types are ordered
        return list(out.values())

    @staticmethod
    def set_types(permit: Permit, codes: list[str]) -> None:
        wanted = set(codes)
        permit.force_types[:] = [t for t in permit.force_types if t.type_code in wanted]
        have = {t.type_code for t in permit.force_types}
        for code in sorted(wanted - have):
            permit.force_types.append(PermitForceType(type_code=code))


class UserRepository(_Repository):
    model = User

    def by_username(self, username: str) -> User | None:
        return self.session.scalars(
            select(User).where(func.lower(User.username) == username.strip().lower()).options(
                selectinload(User.care_homes)
            )
        ).first()

    def list_all(self) -> Sequence[User]:
        return self.session.scalars(select(User).options(selectinload(User.care_homes)).order_by(User.username)).all()

    def count_active_admins(self) -> int:
        return self.session.scalar(
            select(func.count()).select_from(User).where(User.role == "admin", User.active.is_(True))
        ) or 0


class AuditRepository(_Repository):
    model = AuditEntry

    def all_in_order(self, batch: int = 2000):
        """Every entry by sequence number, streamed in batches (the chain can be long)."""
        last = 0
        while True:
            rows = self.session.scalars(
                select(AuditEntry).where(AuditEntry.seq > last).order_by(AuditEntry.seq).limit(batch)
            ).all()
            if not rows:
                return
            yield from rows
            last = rows[-1].seq

    def for_entity(self, entity_type: str | None, entity_id: str) -> Sequence[AuditEntry]:
        q = select(AuditEntry).where(AuditEntry.entity_id == entity_id)
        if entity_type:
            q = q.where(AuditEntry.entity_type == entity_type)
        return self.session.scalars(q.order_by(AuditEntry.seq)).all()

    def for_entities(self, entity_ids: list[str]) -> Sequence[AuditEntry]:
        out: list[AuditEntry] = []
        for chunk in _chunks(entity_ids, 500):
            out.extend(self.session.scalars(select(AuditEntry).where(AuditEntry.entity_id.in_(chunk))))
        return sorted(out, key=lambda e: e.seq)

    def redact(self, entity_ids: list[str]) -> int:
        """Drop the payload of every entry about these records (retention); the digest stays, so
        the chain still verifies."""
        n = 0
        for chunk in _chunks(entity_ids, 500):
            result = self.session.execute(
                update(AuditEntry).where(AuditEntry.entity_id.in_(chunk)).values(changes=None, redacted=True)
            )
            n += result.rowcount or 0
        return n

    def latest(self, limit: int = 200) -> Sequence[AuditEntry]:
        return self.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)).all()


class SignatureRepository(_Repository):
    model = Signature

    def for_entity(self, entity_type: str, entity_id: str, *, include_voided: bool = False) -> Sequence[Signature]:
        q = select(Signature).where(Signature.entity_type == entity_type, Signature.entity_id == entity_id)
        if not include_voided:
            q = q.where(Signature.voided_at.is_(None))
        return self.session.scalars(q.order_by(Signature.signed_at, Signature.section)).all()

    def all(self) -> Sequence[Signature]:
        return self.session.scalars(select(Signature).order_by(Signature.signed_at)).all()

    def valid_sections(self, entity_type: str, entity_ids: list[str]) -> dict[str, frozenset[int]]:
        """Valid (not voided) signed sections per record, in one query per 500 records."""
        out: dict[str, set[int]] = {}
        for chunk in _chunks([str(i) for i in entity_ids], 500):
            for eid, section in self.session.execute(
                select(Signature.entity_id, Signature.section).where(
                    Signature.entity_type == entity_type, Signature.entity_id.in_(chunk), Signature.voided_at.is_(None)
                )
            ):
                out.setdefault(eid, set()).add(section)
        return {k: frozenset(v) for k, v in out.items()}


class SettingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.session.get(Setting, key)
        return row.value if row else default

    def set(self, key: str, value: str) -> None:
        row = self.session.get(Setting, key)
        if row is None:
            self.session.add(Setting(key=key, value=value))
        else:
            row.value = value


# lower() folds only A-Z in SQLite and in a PostgreSQL cluster with the C locale, so "ølg" would
# miss "Ølgaard". replace() behaves the same everywhere; Python folds the typed text.
_FOLD = ("Ææ", "Øø", "Åå", "Ää", "Öö", "Üü", "Éé", "Èè", "Áá", "Óó", "Íí", "Úú")


def _folded(col):
    expr = col
    for upper, lower in _FOLD:
        expr = func.replace(expr, upper, lower)
    return func.lower(expr)


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]


__all__ = [
    "CareHomeRepository",
    "MunicipalityRepository",
    "PermitRepository",
    "Relative",
    "ResidentRepository",
]


# -- Danish alphabetical order in SQL (issue 12): sorted in the database, so paging stays right ----

#: ICU / libc Danish collations, best first; the first the server has is used.
PG_DANISH_COLLATIONS = ("da-DK-x-icu", "da-x-icu", "da_DK.utf8", "da_DK.UTF-8", "da_DK")
_pg_danish: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def pg_danish_collation(session: Session) -> str | None:
    """The Danish collation this PostgreSQL server has (cached per engine), or None."""
    engine = session.get_bind()
    if engine not in _pg_danish:
        have = set(session.execute(
            text("SELECT collname FROM pg_collation WHERE collname = ANY(:names)"),
            {"names": list(PG_DANISH_COLLATIONS)},
        ).scalars())
        _pg_danish[engine] = next((n for n in PG_DANISH_COLLATIONS if n in have), None)
    return _pg_danish[engine]


def danish(session: Session, col):
    """``col`` compared in Danish alphabetical order (æ, ø, å after z; aa as å) for ORDER BY:
    SQLite through the ``da`` collation of every connection (tilsyn.store.db), PostgreSQL through
    its ICU Danish collation; a server without one sorts as before (its own collation)."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return col.collate("da")
    if dialect == "postgresql":
        name = pg_danish_collation(session)
        return col.collate(name) if name else col
    return col


def id_text(dialect: str, col):
    """A Uuid column as the text ``str(uuid)`` gives, computed in SQL: how signatures name their
    record, and what the lists' DTOs carry, without a ``uuid.UUID`` parsed and printed per row in
    Python (that was a tenth of a long list's cost). PostgreSQL casts its native uuid; SQLite
    stores the 32 hex digits (SQLAlchemy's Uuid), cut into 8-4-4-4-12."""
    if dialect == "postgresql":
        return cast(col, Text)
    hex_ = type_coerce(col, String)
    parts = [func.substr(hex_, literal_column(str(a)), literal_column(str(n)))
             for a, n in ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))]
    out = parts[0]
    for p in parts[1:]:
        out = out.concat(literal_column("'-'")).concat(p)
    return out


def dialect_of(session: Session) -> str:
    """The session's database dialect ("sqlite", "postgresql")."""
    return session.get_bind().dialect.name
