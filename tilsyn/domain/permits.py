"""Permit decisions (afgørelser om tilladelse): validity and coverage rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .catalogue import Catalogue
from .errors import DomainError, ValidationError
from .limits import length_errors

EXPIRY_WARNING_DAYS = 30


@dataclass(frozen=True)
class PermitTerms:
    """What a permit decision allows: types, period, and the catalogue version it was made under."""

    force_types: frozenset[str]
    valid_from: dt.date
    valid_to: dt.date
    catalogue_version: str

    def is_active_on(self, day: dt.date) -> bool:
        return self.valid_from <= day <= self.valid_to

    def covers(self, force_type: str, day: dt.date) -> bool:
        """True when the permit allows ``force_type`` on ``day``."""
        return self.is_active_on(day) and force_type in self.force_types

    def ends_within(self, today: dt.date, days: int = EXPIRY_WARNING_DAYS) -> bool:
        """Active today and ending within ``days`` days: shown so a new decision can be sought."""
        return self.is_active_on(today) and (self.valid_to - today).days <= days


def validate_permit(
    catalogue: Catalogue,
    force_types: list[str] | tuple[str, ...] | set[str],
    valid_from: dt.date | None,
    valid_to: dt.date | None,
    prerequisites: str = "",
    decision_reference: str = "",
) -> PermitTerms:
    """Check a permit decision's input; all faults are reported together."""
    errors: list[DomainError] = []
    if not force_types:
        errors.append(DomainError("permit_no_types", field="force_types"))
    for code in force_types:
        try:
            catalogue.get(code)
        except DomainError as exc:
            errors.append(exc)
    if valid_from is None:
        errors.append(DomainError("required", field="valid_from"))
    if valid_to is None:
        errors.append(DomainError("required", field="valid_to"))
    if valid_from and valid_to and valid_to < valid_from:
        errors.append(DomainError("period_reversed", field="valid_to"))
    if not (prerequisites or "").strip():
        errors.append(DomainError("required", field="prerequisites"))
    errors.extend(length_errors({"prerequisites": (prerequisites or "").strip(),
                                 "decision_reference": (decision_reference or "").strip()}))
    if errors:
        raise ValidationError(errors)
    assert valid_from is not None and valid_to is not None
    return PermitTerms(frozenset(force_types), valid_from, valid_to, catalogue.version)


def covering_permit(permits: list[PermitTerms], force_type: str, day: dt.date) -> PermitTerms | None:
    """The first permit that covers ``force_type`` on ``day``, or None."""
    for p in permits:
        if p.covers(force_type, day):
            return p
    return None
