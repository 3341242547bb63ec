"""Frozen data returned by services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class UnitDTO:
    id: str
    name: str


@dataclass(frozen=True)
class CareHomeDTO:
    id: str
    name: str
    kind: str
    address: str
    postal_code: str
    city: str
    units: tuple[UnitDTO, ...]
    resident_count: int = 0


@dataclass(frozen=True)
class ResidentRow:
    """One line of the residents list: the CPR is masked."""

    id: str
    name: str
    cpr_masked: str
    care_home: str
    unit: str
    room: str
    move_in: dt.date | None
    move_out: dt.date | None
    # Judged by the service with its clock, so a list never compares dates itself.
    moved_out: bool = False


@dataclass(frozen=True)
class RelativeDTO:
    id: str
    name: str
    relation: str
    phone: str


@dataclass(frozen=True)
class ForceTypeDTO:
    code: str
    paragraph: str
    label: str
    display: str
    situations: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CatalogueDTO:
    """One law version of the force-type catalogue, for pickers and the "Lovgrundlag" line."""

    version: str
    title: str
    types: tuple[ForceTypeDTO, ...]


@dataclass(frozen=True)
class PermitDTO:
    id: str
    resident_id: str
    force_types: tuple[str, ...]
    force_type_labels: tuple[str, ...]
    prerequisites: str
    valid_from: dt.date
    valid_to: dt.date
    decision_reference: str
    catalogue_version: str
    active: bool
    ends_soon: bool
    # "active", "ends_soon", "expired" or "future", judged on the service's today.
    status: str = "active"


@dataclass(frozen=True)
class ResidentDetail:
    """Everything the resident dialog shows; the CPR is in full because that screen needs it."""

    id: str
    cpr: str
    cpr_masked: str
    name: str
    address: str
    postal_code: str
    city: str
    care_home_id: str
    care_home: str
    unit: str
    room: str
    move_in: dt.date | None
    move_out: dt.date | None
    acting_municipality: str
    residence_municipality: str
    contact_person: str
    relatives: tuple[RelativeDTO, ...]
    permits: tuple[PermitDTO, ...]
