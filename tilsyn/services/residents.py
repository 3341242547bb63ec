"""Residents, their relatives and their permit decisions."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

from ..domain import cpr as cprmod
from ..domain.catalogue import current_catalogue, load_catalogue
from ..domain.errors import DomainError, NotFound, ValidationError
from ..domain.limits import nfc
from ..domain.people import RelativeInput, ResidentInput, validate_relative, validate_resident
from ..domain.roles import Action, allowed
from ..domain.permits import PermitTerms, validate_permit
from ..store.models import Permit, Relative, Resident
from ..store.repositories import PermitRepository, as_uuid
from .context import AppContext
from .exchange.guard import Part, require_owner
from .dto import CatalogueDTO, ForceTypeDTO, PermitDTO, RelativeDTO, ResidentDetail, ResidentRow


@dataclass(frozen=True)
class PermitInput:
    force_types: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None
    prerequisites: str = ""
    decision_reference: str = ""
    catalogue_version: str | None = None


def force_types(version: str | None = None) -> list[ForceTypeDTO]:
    """The catalogue's force types for pickers; the current law version unless one is named."""
    return list(catalogue(version).types)


def catalogue(version: str | None = None) -> CatalogueDTO:
    """One catalogue version (the current one unless named): version, title and force types."""
    cat = load_catalogue(version) if version else current_catalogue()
    types = tuple(
        ForceTypeDTO(t.code, t.paragraph, t.label, t.display, tuple((s.code, s.label) for s in t.situations))
        for t in cat.types
    )
    return CatalogueDTO(cat.version, cat.title, types)


def _permit_dto(p: Permit, today: dt.date) -> PermitDTO:
    cat = load_catalogue(p.catalogue_version)
    terms = PermitTerms(frozenset(p.type_codes), p.valid_from, p.valid_to, p.catalogue_version)
    labels = []
    for code in p.type_codes:
        try:
            labels.append(cat.get(code).display)
        except DomainError:
            labels.append(code)
    active, ends_soon = terms.is_active_on(today), terms.ends_within(today)
    if ends_soon:
        status = "ends_soon"
    elif active:
        status = "active"
    else:
        status = "expired" if p.valid_to < today else "future"
    return PermitDTO(
        id=str(p.id),
        resident_id=str(p.resident_id),
        force_types=tuple(p.type_codes),
        force_type_labels=tuple(labels),
        prerequisites=p.prerequisites,
        valid_from=p.valid_from,
        valid_to=p.valid_to,
        decision_reference=p.decision_reference,
        catalogue_version=p.catalogue_version,
        active=active,
        ends_soon=ends_soon,
        status=status,
    )


def _detail(r: Resident, today: dt.date) -> ResidentDetail:
    return ResidentDetail(
        id=str(r.id),
        cpr=cprmod.format_full(r.cpr),
        cpr_masked=cprmod.mask(r.cpr),
        name=r.name,
        address=r.address,
        postal_code=r.postal_code,
        city=r.city,
        care_home_id=str(r.care_home_id),
        care_home=r.care_home.name,
        unit=r.unit.name if r.unit else "",
        room=r.room,
        move_in=r.move_in,
        move_out=r.move_out,
        acting_municipality=r.acting_municipality,
        residence_municipality=r.residence_municipality,
        contact_person=r.contact_person,
        relatives=tuple(RelativeDTO(str(x.id), x.name, x.relation, x.phone) for x in r.relatives),
        permits=tuple(_permit_dto(p, today) for p in r.permits),
    )


class ResidentService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    # -- the list -------------------------------------------------------------------------
    def search_ids(
        self, text: str = "", care_home_id: str | None = None, sort: str = "name", descending: bool = False,
        include_moved_out: bool = True,
    ) -> list[str]:
        """Sorted ids of matching residents. Cheap even for 10,000 residents; rows come later."""
        self.ctx.require(Action.RESIDENT_VIEW)
        with self.ctx.uow_factory() as uow:
            ids = uow.residents.search_ids(
                text,
                as_uuid(care_home_id) if care_home_id else None,
                sort=sort,
                descending=descending,
                include_moved_out=include_moved_out,
                today=self.ctx.today(),
                home_ids=self.ctx.home_scope(),
            )
            return [str(i) for i in ids]

    def rows(self, ids: list[str]) -> list[ResidentRow]:
        """List rows for ``ids``, in the order given, with masked CPR numbers."""
        self.ctx.require(Action.RESIDENT_VIEW)
        today = self.ctx.today()
        with self.ctx.uow_factory() as uow:
            found = {
                str(rid): ResidentRow(
                    str(rid), name, cprmod.mask(cpr), home, unit or "", room, mi, mo, mo is not None and mo < today
                )
                for rid, name, cpr, home, unit, room, mi, mo in uow.residents.rows_for(
                    [as_uuid(i) for i in ids], self.ctx.home_scope()
                )
            }
        return [found[i] for i in ids if i in found]

    def count(self) -> int:
        self.ctx.require(Action.RESIDENT_VIEW)
        with self.ctx.uow_factory() as uow:
            return uow.residents.count()

    # -- one resident -----------------------------------------------------------------------
    def check_cpr(self, text: str, resident_id: str | None = None) -> DomainError | None:
        """The fault of a typed CPR number (shape, date, or another resident has it), or None.

        For live feedback when the field loses focus; ``save`` checks again.
        """
        self.ctx.require(Action.RESIDENT_VIEW)
        try:
            digits = cprmod.parse_cpr(text).digits
        except DomainError as exc:
            return exc
        with self.ctx.uow_factory() as uow:
            other = uow.residents.by_cpr(digits)
            if other is not None and str(other.id) != (resident_id or ""):
                return DomainError("cpr_duplicate", field="cpr", masked=cprmod.mask(digits))
        return None

    def get(self, resident_id: str) -> ResidentDetail:
        """One resident with the full CPR (this screen needs it); permits only for roles that see them."""
        self.ctx.require(Action.RESIDENT_VIEW)
        with self.ctx.uow_factory() as uow:
            r = uow.residents.get_full(resident_id)
            if r is None:
                raise NotFound(what="Beboeren")
            self.ctx.require(Action.RESIDENT_VIEW, str(r.care_home_id))
            detail = _detail(r, self.ctx.today())
        if not allowed(self.ctx.user, Action.PERMIT_VIEW):
            detail = replace(detail, permits=())
        return detail

    def save(
        self,
        resident_id: str | None,
        data: ResidentInput,
        relatives: list[RelativeInput] | None = None,
    ) -> ResidentDetail:
        """Create (``resident_id`` None) or update a resident, and replace the relatives if given.

        Every fault of the resident and the relatives is reported at once; nothing is written then.
        """
        errors: list[DomainError] = []
        clean: ResidentInput | None = None
        try:
            clean = validate_resident(data)
        except ValidationError as exc:
            errors.extend(exc.errors)
        clean_relatives: list[RelativeInput] = []
        for i, rel in enumerate(relatives or []):
            try:
                clean_relatives.append(validate_relative(rel))
            except ValidationError as exc:
                for e in exc.errors:
                    e.field = f"relatives.{i}.{e.field}"
                    errors.append(e)
        if errors:
            raise ValidationError(errors)
        assert clean is not None
        self.ctx.require(Action.RESIDENT_MANAGE, clean.care_home_id)
        with self.ctx.uow_factory() as uow:
            require_owner(uow, Part.RESIDENT, care_home_id=clean.care_home_id)
            if resident_id:
                r = uow.residents.get_full(resident_id)
                if r is None:
                    raise NotFound(what="Beboeren")
                self.ctx.require(Action.RESIDENT_MANAGE, str(r.care_home_id))
            else:
                r = Resident()
            self._apply(uow, r, clean)
            if relatives is not None:
                _replace_relatives(r, clean_relatives)
            if not resident_id:
                uow.residents.add(r)
            uow.commit()
            return self.get(str(r.id))

    def _apply(self, uow, r: Resident, clean: ResidentInput) -> None:
        other = uow.residents.by_cpr(clean.cpr)
        if other is not None and other.id != r.id:
            raise ValidationError([DomainError("cpr_duplicate", field="cpr", masked=cprmod.mask(clean.cpr))])
        home = uow.care_homes.get(clean.care_home_id)
        if home is None:
            raise ValidationError([DomainError("unknown_care_home", field="care_home_id", name=clean.care_home_id)])
        unit = None
        if clean.unit:
            unit = uow.care_homes.unit_by_name(home, clean.unit)
            if unit is None:
                raise ValidationError([DomainError("unknown_unit", field="unit", name=clean.unit)])
        apply_resident_fields(r, clean, home, unit)

    def delete(self, resident_id: str) -> None:
        self.ctx.require(Action.RESIDENT_MANAGE)
        with self.ctx.uow_factory() as uow:
            r = uow.residents.get(resident_id)
            if r is None:
                raise NotFound(what="Beboeren")
            self.ctx.require(Action.RESIDENT_MANAGE, str(r.care_home_id))
            require_owner(uow, Part.RESIDENT, care_home_id=r.care_home_id)
            uow.residents.delete(r)
            uow.commit()

    # -- permits ----------------------------------------------------------------------------
    def save_permit(self, resident_id: str, permit_id: str | None, data: PermitInput) -> PermitDTO:
        """Create or update a permit decision. The catalogue version is fixed when it is created."""
        self.ctx.require(Action.PERMIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            r = uow.residents.get(resident_id)
            if r is None:
                raise NotFound(what="Beboeren")
            self.ctx.require(Action.PERMIT_MANAGE, str(r.care_home_id))
            require_owner(uow, Part.PERMIT, care_home_id=r.care_home_id)
            if permit_id:
                p = uow.permits.get(permit_id)
                if p is None or p.resident_id != r.id:
                    raise NotFound(what="Tilladelsen")
                version = p.catalogue_version
            else:
                version = data.catalogue_version or current_catalogue(data.valid_from).version
                p = Permit(resident_id=r.id, catalogue_version=version)
            terms = validate_permit(
                load_catalogue(version), list(data.force_types), data.valid_from, data.valid_to, data.prerequisites,
                data.decision_reference,
            )
            p.valid_from, p.valid_to = terms.valid_from, terms.valid_to
            p.prerequisites = nfc(data.prerequisites.strip())
            p.decision_reference = nfc(data.decision_reference.strip())
            PermitRepository.set_types(p, sorted(terms.force_types))
            if not permit_id:
                uow.permits.add(p)
            uow.commit()
            return _permit_dto(p, self.ctx.today())

    def delete_permit(self, permit_id: str) -> None:
        self.ctx.require(Action.PERMIT_MANAGE)
        with self.ctx.uow_factory() as uow:
            p = uow.permits.get(permit_id)
            if p is None:
                raise NotFound(what="Tilladelsen")
            self.ctx.require(Action.PERMIT_MANAGE, str(p.resident.care_home_id))
            require_owner(uow, Part.PERMIT, care_home_id=p.resident.care_home_id)
            uow.permits.delete(p)
            uow.commit()

    def permits_ending_soon(self, days: int = 30) -> list[PermitDTO]:
        """Active permits that end within ``days`` days (the dashboard list), in the user's homes."""
        self.ctx.require(Action.PERMIT_VIEW)
        today = self.ctx.today()
        scope = self.ctx.home_scope()
        with self.ctx.uow_factory() as uow:
            return [
                _permit_dto(p, today)
                for p in uow.permits.ending_between(today, today + dt.timedelta(days=days))
                if scope is None or str(p.resident.care_home_id) in scope
            ]


def apply_resident_fields(r: Resident, clean: ResidentInput, home, unit) -> None:
    """Copy validated input onto the row (shared by the dialog and the CSV import)."""
    r.cpr, r.name = clean.cpr, clean.name
    r.address, r.postal_code, r.city = clean.address, clean.postal_code, clean.city
    r.care_home, r.unit, r.room = home, unit, clean.room
    r.move_in, r.move_out = clean.move_in, clean.move_out
    r.acting_municipality = clean.acting_municipality
    r.residence_municipality = clean.residence_municipality
    r.contact_person = clean.contact_person


def _replace_relatives(r: Resident, relatives: list[RelativeInput]) -> None:
    r.relatives[:] = [Relative(id=uuid.uuid4(), name=x.name, relation=x.relation, phone=x.phone) for x in relatives]
