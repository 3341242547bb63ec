"""Care homes, residents and relatives: input rules shared by dialogs, imports and the CLI."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .cpr import has_foreign_digits, normalise_digits, parse_cpr
from .errors import DomainError, ValidationError
from .limits import length_error, nfc

CARE_HOME_KINDS = ("municipal", "private", "friplejehjem")
_POSTAL = re.compile(r"[0-9]{4}")  # ASCII only: \d takes every script's digits
_PHONE = re.compile(r"^\+?[0-9 ]{8,15}$")  # ASCII digits: a phone number is dialled


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


# Free-text fields of a resident besides name and postal code: trimmed, NFC, length-checked.
_RESIDENT_TEXTS = ("address", "city", "unit", "room", "acting_municipality", "residence_municipality",
                   "contact_person")


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

    def fits(self, value: str, field_name: str) -> bool:
        """False (and the fault noted) when ``value`` is over the field's maximum length."""
        err = length_error(value, field_name)
        if err is not None:
            self.errors.append(err)
        return err is None

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def _postal_code(text: str, c: _Collector) -> str:
    """Four ASCII digits after NFKC (a fullwidth "７" is "7"; other scripts' digits are refused)."""
    postal = normalise_digits(text)
    if has_foreign_digits(postal):
        c.add("foreign_digits", "postal_code")
    elif c.fits(postal, "postal_code") and postal and not _POSTAL.fullmatch(postal):
        c.add("postal_code", "postal_code", value=postal)
    return postal


def validate_care_home(data: CareHomeInput) -> CareHomeInput:
    """Return a cleaned copy (trimmed, units deduplicated) or raise ValidationError."""
    c = _Collector()
    name = nfc(data.name.strip())
    if not name:
        c.add("required", "name")
    c.fits(name, "name")
    if data.kind not in CARE_HOME_KINDS:
        c.add("care_home_kind", "kind", value=data.kind)
    postal = _postal_code(data.postal_code, c)
    address, city = nfc(data.address.strip()), nfc(data.city.strip())
    c.fits(address, "address")
    c.fits(city, "city")
    units: list[str] = []
    for u in data.units:
        u = nfc(u.strip())
        if u and c.fits(u, "units") and u.casefold() not in {x.casefold() for x in units}:
            units.append(u)
    c.raise_if_any()
    return CareHomeInput(name, data.kind, address, postal, city, tuple(units))


def validate_resident(data: ResidentInput) -> ResidentInput:
    """Return a cleaned copy with the CPR as 10 digits, or raise ValidationError with every fault."""
    c = _Collector()
    cpr_digits = ""
    try:
        cpr_digits = parse_cpr(data.cpr).digits
    except DomainError as exc:
        c.errors.append(exc)
    name = nfc(" ".join(data.name.split()))
    if not name:
        c.add("required", "name")
    c.fits(name, "name")
    if not data.care_home_id:
        c.add("required", "care_home_id")
    postal = _postal_code(data.postal_code, c)
    if data.move_in and data.move_out and data.move_out < data.move_in:
        c.add("move_out_before_move_in", "move_out")
    texts = {f: nfc(getattr(data, f).strip()) for f in _RESIDENT_TEXTS}
    for f, value in texts.items():
        c.fits(value, f)
    c.raise_if_any()
    return ResidentInput(
        cpr=cpr_digits,
        name=name,
        care_home_id=data.care_home_id,
        postal_code=postal,
        move_in=data.move_in,
        move_out=data.move_out,
        **texts,
    )


def validate_relative(data: RelativeInput) -> RelativeInput:
    """Return a cleaned copy (name's spaces collapsed) or raise ValidationError with every fault."""
    c = _Collector()
    name = nfc(" ".join(data.name.split()))
    if not name:
        c.add("required", "name")
    c.fits(name, "name")
    relation = nfc(data.relation.strip())
    c.fits(relation, "relation")
    phone = nfc(data.phone.strip())
    if c.fits(phone, "phone") and phone and not _PHONE.match(phone):
        c.add("phone", "phone", value=phone)
    c.raise_if_any()
    return RelativeInput(name, relation, phone)


def lives_in_home_on(move_in: dt.date | None, move_out: dt.date | None, day: dt.date) -> bool:
    """True when a resident lives in the home on ``day`` (move-out day is the last day)."""
    if move_in and day < move_in:
        return False
    if move_out and day > move_out:
        return False
    return True
