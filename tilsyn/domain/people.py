"""Care homes, residents and relatives: input rules shared by dialogs, imports and the CLI."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .cpr import parse_cpr
from .errors import DomainError, ValidationError

CARE_HOME_KINDS = ("municipal", "private", "friplejehjem")
_POSTAL = re.compile(r"^\d{4}$")
_PHONE = re.compile(r"^\+?[\d ]{8,15}$")


@dataclass(frozen=True)
class CareHomeInput:
    name: str
    kind: str = "municipal"
    address: str = ""
    postal_code: str = ""
    city: str = ""
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResidentInput:
    cpr: str
    name: str
    care_home_id: str | None
    address: str = ""
    postal_code: str = ""
    city: str = ""
    unit: str = ""
    room: str = ""
    move_in: dt.date | None = None
    move_out: dt.date | None = None
    acting_municipality: str = ""
    residence_municipality: str = ""
    contact_person: str = ""


@dataclass(frozen=True)
class RelativeInput:
    name: str
    relation: str = ""
    phone: str = ""


@dataclass
class _Collector:
    errors: list[DomainError] = field(default_factory=list)

    def add(self, code: str, field_name: str, **params) -> None:
        self.errors.append(DomainError(code, field=field_name, **params))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def validate_care_home(data: CareHomeInput) -> CareHomeInput:
    """Return a cleaned copy (trimmed, units deduplicated) or raise ValidationError."""
    c = _Collector()
    name = data.name.strip()
    if not name:
        c.add("required", "name")
    if data.kind not in CARE_HOME_KINDS:
        c.add("care_home_kind", "kind", value=data.kind)
    postal = data.postal_code.strip()
    if postal and not _POSTAL.match(postal):
        c.add("postal_code", "postal_code", value=postal)
    units: list[str] = []
    for u in data.units:
        u = u.strip()
        if u and u.casefold() not in {x.casefold() for x in units}:
            units.append(u)
    c.raise_if_any()
    return CareHomeInput(name, data.kind, data.address.strip(), postal, data.city.strip(), tuple(units))


def validate_resident(data: ResidentInput) -> ResidentInput:
    """Return a cleaned copy with the CPR as 10 digits, or raise ValidationError with every fault."""
    c = _Collector()
    cpr_digits = ""
    try:
        cpr_digits = parse_cpr(data.cpr).digits
    except DomainError as exc:
        c.errors.append(exc)
    name = " ".join(data.name.split())
    if not name:
        c.add("required", "name")
    if not data.care_home_id:
        c.add("required", "care_home_id")
    postal = data.postal_code.strip()
    if postal and not _POSTAL.match(postal):
        c.add("postal_code", "postal_code", value=postal)
    if data.move_in and data.move_out and data.move_out < data.move_in:
        c.add("move_out_before_move_in", "move_out")
    c.raise_if_any()
    return ResidentInput(
        cpr=cpr_digits,
        name=name,
        care_home_id=data.care_home_id,
        address=data.address.strip(),
        postal_code=postal,
        city=data.city.strip(),
        unit=data.unit.strip(),
        room=data.room.strip(),
        move_in=data.move_in,
        move_out=data.move_out,
        acting_municipality=data.acting_municipality.strip(),
        residence_municipality=data.residence_municipality.strip(),
        contact_person=data.contact_person.strip(),
    )


def validate_relative(data: RelativeInput) -> RelativeInput:
    c = _Collector()
    name = " ".join(data.name.split())
    if not name:
        c.add("required", "name")
    phone = data.phone.strip()
    if phone and not _PHONE.match(phone):
        c.add("phone", "phone", value=phone)
    c.raise_if_any()
    return RelativeInput(name, data.relation.strip(), phone)


def lives_in_home_on(move_in: dt.date | None, move_out: dt.date | None, day: dt.date) -> bool:
    """True when a resident lives in the home on ``day`` (move-out day is the last day)."""
    if move_in and day < move_in:
        return False
    if move_out and day > move_out:
        return False
    return True
