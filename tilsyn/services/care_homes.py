"""Municipality and care homes: first-run set-up, list, create, edit."""

from __future__ import annotations

from ..domain.errors import DomainError, NotFound, ValidationError
from ..domain.limits import length_errors, nfc
from ..domain.people import CareHomeInput, validate_care_home
from ..domain.roles import Action
from ..store.models import CareHome, Municipality, Unit
from .context import AppContext
from .dto import CareHomeDTO, UnitDTO


def _dto(home: CareHome, count: int = 0) -> CareHomeDTO:
    return CareHomeDTO(
        id=str(home.id),
        name=home.name,
        kind=home.kind,
        address=home.address,
        postal_code=home.postal_code,
        city=home.city,
        units=tuple(UnitDTO(str(u.id), u.name) for u in sorted(home.units, key=lambda u: u.name)),
        resident_count=count,
    )


class CareHomeService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def is_set_up(self) -> bool:
        """False on a fresh database: the app then shows the first-run screen."""
        with self.ctx.uow_factory() as uow:
            return uow.municipalities.count() > 0

    def municipality_name(self) -> str:
        with self.ctx.uow_factory() as uow:
            m = uow.municipalities.first()
            return m.name if m else ""

    def set_up_municipality(self, name: str, homes: list[CareHomeInput]) -> list[CareHomeDTO]:
        """First run: create the municipality and its care homes in one go, or nothing."""
        self.ctx.require(Action.CARE_HOME_MANAGE)
        # Every fault is reported at once, each home's tagged with its 1-based ``row`` param,
        # so the first-run form can point at the row.
        errors: list[DomainError] = []
        name = nfc(name.strip())
        if not name:
            errors.append(DomainError("required", field="municipality"))
        errors.extend(length_errors({"municipality": name}))
        cleaned: list[CareHomeInput] = []
        seen: set[str] = set()
        for row, h in enumerate(homes, start=1):
            try:
                clean = validate_care_home(h)
            except ValidationError as exc:
                for e in exc.errors:
                    e.params.setdefault("row", row)
                errors.extend(exc.errors)
                continue
            if clean.name.casefold() in seen:
                errors.append(DomainError("care_home_duplicate", field="name", name=clean.name, row=row))
            seen.add(clean.name.casefold())
            cleaned.append(clean)
        if errors:
            raise ValidationError(errors)
        with self.ctx.uow_factory() as uow:
            muni = uow.municipalities.by_name(name) or Municipality(name=name)
            uow.municipalities.add(muni)
            created = []
            for row, h in enumerate(cleaned, start=1):
                if uow.care_homes.by_name(h.name):
                    raise ValidationError(
                        [DomainError("care_home_duplicate", field="name", name=h.name, row=row)]
                    )
                home = _new_home(muni, h)
                uow.care_homes.add(home)
                created.append(home)
            uow.commit()
            return [_dto(h) for h in created]

    def list_care_homes(self) -> list[CareHomeDTO]:
        """The care homes the current user may see (staff and leaders: their own)."""
        self.ctx.require(Action.CARE_HOME_VIEW)
        scope = self.ctx.home_scope()
        with self.ctx.uow_factory() as uow:
            counts = uow.care_homes.resident_counts(self.ctx.today())
            return [
                _dto(h, counts.get(h.id, 0))
                for h in uow.care_homes.list_all()
                if scope is None or str(h.id) in scope
            ]

    def get_care_home(self, home_id: str) -> CareHomeDTO:
        self.ctx.require(Action.CARE_HOME_VIEW, home_id)
        with self.ctx.uow_factory() as uow:
            home = uow.care_homes.get(home_id)
            if home is None:
                raise NotFound(what="Plejecentret")
            return _dto(home)

    def create_care_home(self, data: CareHomeInput) -> CareHomeDTO:
        self.ctx.require(Action.CARE_HOME_MANAGE)
        clean = validate_care_home(data)
        with self.ctx.uow_factory() as uow:
            if uow.care_homes.by_name(clean.name):
                raise ValidationError([DomainError("care_home_duplicate", field="name", name=clean.name)])
            muni = uow.municipalities.first()
            if muni is None:
                raise ValidationError([DomainError("required", field="municipality")])
            home = _new_home(muni, clean)
            uow.care_homes.add(home)
            uow.commit()
            return _dto(home)

    def update_care_home(self, home_id: str, data: CareHomeInput) -> CareHomeDTO:
        self.ctx.require(Action.CARE_HOME_MANAGE)
        clean = validate_care_home(data)
        with self.ctx.uow_factory() as uow:
            home = uow.care_homes.get(home_id)
            if home is None:
                raise NotFound(what="Plejecentret")
            other = uow.care_homes.by_name(clean.name)
            if other is not None and other.id != home.id:
                raise ValidationError([DomainError("care_home_duplicate", field="name", name=clean.name)])
            home.name, home.kind, home.address = clean.name, clean.kind, clean.address
            home.postal_code, home.city = clean.postal_code, clean.city
            keep = {u.casefold() for u in clean.units}
            home.units[:] = [u for u in home.units if u.name.casefold() in keep]
            have = {u.name.casefold() for u in home.units}
            for name in clean.units:
                if name.casefold() not in have:
                    home.units.append(Unit(name=name))
            uow.commit()
            return _dto(home)

    def delete_care_home(self, home_id: str) -> None:
        self.ctx.require(Action.CARE_HOME_MANAGE)
        with self.ctx.uow_factory() as uow:
            home = uow.care_homes.get(home_id)
            if home is None:
                raise NotFound(what="Plejecentret")
            if uow.care_homes.has_residents(home.id):
                raise DomainError("care_home_has_residents")
            uow.care_homes.delete(home)
            uow.commit()


def _new_home(muni: Municipality, h: CareHomeInput) -> CareHome:
    return CareHome(
        municipality=muni,
        name=h.name,
        kind=h.kind,
        address=h.address,
        postal_code=h.postal_code,
        city=h.city,
        units=[Unit(name=u) for u in h.units],
    )
