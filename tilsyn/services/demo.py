"""Demo data: a realistic, fictitious municipality for trying the app and for benchmarks.

``DemoService(ctx).fill()`` writes care homes, residents, relatives and permit decisions in one
unit of work. The content depends only on the seed and on ``ctx.today()`` (dates are relative to
it), never on dict ordering or the wall clock, so the same seed gives the same people.

The work is a list of steps over a shared ``_DemoBuild``; later features (episodes, visits) add
steps to ``DemoService.steps`` and counters to ``DemoSummary``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import tomllib
import uuid
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable

from ..domain.catalogue import Catalogue, current_catalogue
from ..domain.cpr import parse_cpr
from ..domain.errors import DomainError
from ..domain.people import (
    CareHomeInput,
    RelativeInput,
    ResidentInput,
    validate_care_home,
    validate_relative,
    validate_resident,
)
from ..domain.permits import EXPIRY_WARNING_DAYS, PermitTerms, validate_permit
from ..domain.roles import DEMO_GENERATOR, Action
from ..resources import resource_path
from ..store.models import CareHome, Municipality, Permit, PermitForceType, Relative, Resident, Unit
from .context import AppContext
from .demo_force import step_force
from .demo_supervision import step_supervision
from .residents import apply_resident_fields

DEFAULT_SEED = 2011
DEFAULT_HOMES = 19
DEFAULT_RESIDENTS_PER_HOME = 60
# The municipality of the sources: 17 municipal and 2 private homes out of 19.
PRIVATE_SHARE = 2 / 19
PERMIT_SHARE = 0.20
MOVED_OUT_SHARE = 0.04
OTHER_MUNICIPALITY_SHARE = 0.07
FEMALE_SHARE = 0.66
# The setting the demo writes in its own transaction: how many of each kind of record it made.
# Whatever a database holds beyond that is real (a first admin, a municipality set up by hand,
# imported residents), and such a database is never filled, with or without ``force``.
DEMO_MARK = "demo_database"
# What is counted, and how the refusal names it.
_REAL_KINDS = {"users": "brugere", "municipalities": "en kommune", "care_homes": "plejecentre",
               "residents": "beboere"}


@dataclass(frozen=True)
class DemoSummary:
    """What ``fill`` created."""

    care_homes: int = 0
    municipal_homes: int = 0
    private_homes: int = 0
    units: int = 0
    residents: int = 0
    moved_out: int = 0
    relatives: int = 0
    permits: int = 0
    permits_ending_soon: int = 0
    permits_expired: int = 0
    episodes: int = 0
    users: int = 0
    visits: int = 0
    interviews: int = 0


@lru_cache(maxsize=1)
def demo_data() -> dict[str, Any]:
    """The name lists and texts in ``resources/demo/demo-data.toml``."""
    return tomllib.loads(resource_path("demo", "demo-data.toml").read_text(encoding="utf-8"))


@dataclass
class _Person:
    resident: Resident
    female: bool
    last_name: str
    active: bool


@dataclass
class _DemoBuild:
    """Everything the steps share: the generator, the session's repositories and what was made."""

    rng: random.Random
    today: dt.date
    uow: Any
    data: dict[str, Any]
    catalogue: Catalogue
    homes: int
    residents_per_home: int
    municipality: Municipality | None = None
    care_homes: list[CareHome] = field(default_factory=list)
    people: list[_Person] = field(default_factory=list)
    relatives: int = 0
    permits: list[PermitTerms] = field(default_factory=list)
    was_empty: bool = True
    taken_home_names: set[str] = field(default_factory=set)
    taken_cprs: set[str] = field(default_factory=set)
    extras: dict[str, Any] = field(default_factory=dict)


class DemoService:
    """Fill a database with a demo municipality."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.steps: list[Callable[[_DemoBuild], None]] = [
            _step_municipality,
            _step_care_homes,
            _step_residents,
            _step_relatives,
            _step_permits,
            step_force,
            step_supervision,
        ]

    def is_empty(self) -> bool:
        """True when the database holds no municipality, care home or resident."""
        with self.ctx.uow_factory() as uow:
            return _is_empty(uow)

    def fill_unattended(self, **options: Any) -> DemoSummary:
        """``tilsyn demo``: ``fill`` without a login (an empty database has nobody to log in as),
        audited as the demo generator, which may fill only an empty or demo database."""
        previous = self.ctx.user
        self.ctx.user = DEMO_GENERATOR
        try:
            return self.fill(**options)
        finally:
            self.ctx.user = previous

    def fill(
        self,
        seed: int = DEFAULT_SEED,
        homes: int = DEFAULT_HOMES,
        residents_per_home: int = DEFAULT_RESIDENTS_PER_HOME,
        force: bool = False,
    ) -> DemoSummary:
        """Write the demo in one transaction. Refuses a non-empty database unless ``force``, and a
        database with anything the demo did not make, ``force`` or not.

        Raises DomainError (nothing written): ``demo_real_database`` when the database holds real
        users, a municipality, care homes or residents; a logged-in administrator (the first-run
        screen) may fill a database whose only real records are users. ``database_not_empty`` for a
        demo database without ``force``.
        """
        self.ctx.require(Action.DEMO_LOAD)
        if homes < 1 or residents_per_home < 0:
            raise ValueError("homes must be >= 1 and residents_per_home >= 0")
        data = demo_data()
        today = self.ctx.today()
        with self.ctx.uow_factory() as uow:
            made = _demo_made(uow)
            before = _counts(uow)
            real = [kind for kind in _REAL_KINDS if before[kind] > made[kind]]
            logged_in = self.ctx.user is not None and self.ctx.user.id is not None
            if real and not (logged_in and real == ["users"]):
                raise DomainError("demo_real_database", what=", ".join(_REAL_KINDS[k] for k in real))
            was_empty = _is_empty(uow)
            if not was_empty and not force:
                raise DomainError("database_not_empty")
            build = _DemoBuild(
                rng=random.Random(seed),
                today=today,
                uow=uow,
                data=data,
                catalogue=current_catalogue(today),
                homes=homes,
                residents_per_home=residents_per_home,
                was_empty=was_empty,
            )
            build.extras["now"] = self.ctx.now()  # no demo row is later than the clock
            for step in self.steps:
                step(build)
            uow.flush()
            after = _counts(uow)
            uow.settings.set(DEMO_MARK, json.dumps({k: made[k] + after[k] - before[k] for k in _REAL_KINDS},
                                                   sort_keys=True))
            uow.commit()
        return _summary(build)


def _is_empty(uow) -> bool:
    return uow.municipalities.count() == 0 and uow.care_homes.count() == 0 and uow.residents.count() == 0


def _counts(uow) -> dict[str, int]:
    return {"users": uow.users.count(), "municipalities": uow.municipalities.count(),
            "care_homes": uow.care_homes.count(), "residents": uow.residents.count()}


def _demo_made(uow) -> dict[str, int]:
    """How many records of each kind earlier demo fills made (all 0 on a database without the mark)."""
    try:
        mark = json.loads(uow.settings.get(DEMO_MARK) or "{}")
    except ValueError:
        mark = {}
    if not isinstance(mark, dict):
        mark = {}
    out = {}
    for kind in _REAL_KINDS:
        value = mark.get(kind)
        out[kind] = value if isinstance(value, int) and value >= 0 else 0
    return out


def _summary(b: _DemoBuild) -> DemoSummary:
    private = sum(1 for h in b.care_homes if h.kind != "municipal")
    return DemoSummary(
        care_homes=len(b.care_homes),
        municipal_homes=len(b.care_homes) - private,
        private_homes=private,
        units=sum(len(h.units) for h in b.care_homes),
        residents=len(b.people),
        moved_out=sum(1 for p in b.people if not p.active),
        relatives=b.relatives,
        permits=len(b.permits),
        permits_ending_soon=sum(1 for t in b.permits if t.ends_within(b.today)),
        permits_expired=sum(1 for p in b.permits if p.valid_to < b.today),
        episodes=b.extras.get("episodes", 0),
        users=b.extras.get("users", 0),
        visits=b.extras.get("visits", 0),
        interviews=b.extras.get("interviews", 0),
    )


# -- steps ----------------------------------------------------------------------------------------


def _step_municipality(b: _DemoBuild) -> None:
    # One municipality per database (the first-run screen makes it); --force adds to it.
    muni = b.uow.municipalities.first()
    if muni is None:
        muni = Municipality(id=uuid.uuid4(), name=b.data["municipality"], code=b.data["municipality_code"])
        b.uow.municipalities.add(muni)
    b.municipality = muni


def _step_care_homes(b: _DemoBuild) -> None:
    rng, data = b.rng, b.data
    b.taken_home_names = {h.name.casefold() for h in b.uow.care_homes.list_all()}
    private = round(b.homes * PRIVATE_SHARE)
    kinds = ["municipal"] * (b.homes - private) + ["private"] * private
    municipal_names = list(data["municipal_homes"])
    private_names = list(data["private_homes"])
    rng.shuffle(municipal_names)
    rng.shuffle(private_names)
    towns = data["towns"]
    town_weights = [t["weight"] for t in towns]
    for i, kind in enumerate(kinds):
        town = rng.choices(towns, town_weights)[0]
        pool = municipal_names if kind == "municipal" else private_names
        name = _free_home_name(b, pool, town["city"], i)
        style = rng.choice(data["unit_styles"])
        units = tuple(style[: rng.randint(2, min(4, len(style)))])
        clean = validate_care_home(
            CareHomeInput(
                name=name,
                kind=kind,
                address=f"{rng.choice(data['streets'])} {rng.randint(1, 60)}",
                postal_code=town["postal_code"],
                city=town["city"],
                units=units,
            )
        )
        home = CareHome(
            id=uuid.uuid4(),
            municipality=b.municipality,
            name=clean.name,
            kind=clean.kind,
            address=clean.address,
            postal_code=clean.postal_code,
            city=clean.city,
            units=[Unit(id=uuid.uuid4(), name=u) for u in clean.units],
        )
        b.uow.care_homes.add(home)
        b.care_homes.append(home)


def _free_home_name(b: _DemoBuild, pool: list[str], city: str, index: int) -> str:
    """The first unused name of ``pool``; when the list runs out, names get the town, then a number."""
    candidates = [*pool, *(f"{n} i {city}" for n in pool), *(f"{n} {index + 1}" for n in pool)]
    k = 2
    while True:
        for name in candidates:
            if name.casefold() not in b.taken_home_names:
                b.taken_home_names.add(name.casefold())
                return name
        candidates = [f"{pool[0]} {index + 1}-{k}"]
        k += 1


@dataclass
class _ResidentPlan:
    data: ResidentInput
    home: CareHome
    unit: Unit
    female: bool
    last_name: str
    birth: dt.date


def _step_residents(b: _DemoBuild) -> None:
    rng, data, today = b.rng, b.data, b.today
    muni_name = b.municipality.name if b.municipality else data["municipality"]
    plans: list[_ResidentPlan] = []
    for home in b.care_homes:
        staff = [_young_name(rng, data, rng.random() < 0.85) for _ in range(max(3, b.residents_per_home // 6))]
        rooms_per_unit: dict[int, int] = {}
        for _ in range(b.residents_per_home):
            female = rng.random() < FEMALE_SHARE
            first = rng.choice(data["female_first"] if female else data["male_first"])
            if rng.random() < 0.3:
                second = rng.choice(data["female_first"] if female else data["male_first"])
                if second != first:
                    first = f"{first} {second}"
            last = _last_name(rng, data)
            birth = _birth_date(rng)
            # Stays in a nursing home are short: most moved in within the last few years.
            stay = min(int(rng.expovariate(1 / 700)) + 14, 9 * 365)
            move_in = today - dt.timedelta(days=stay)
            move_out = None
            if stay > 60 and rng.random() < MOVED_OUT_SHARE:
                move_out = move_in + dt.timedelta(days=rng.randint(30, stay - 1))
            unit_index = rng.randrange(len(home.units))
            rooms_per_unit[unit_index] = rooms_per_unit.get(unit_index, 0) + 1
            acting = muni_name
            if rng.random() < OTHER_MUNICIPALITY_SHARE:
                acting = rng.choice(data["other_municipalities"])
            resident = ResidentInput(
                cpr=_new_cpr(b, birth, female),
                name=f"{first} {last}",
                care_home_id=str(home.id),
                address=home.address,
                postal_code=home.postal_code,
                city=home.city,
                unit=home.units[unit_index].name,
                room=f"{unit_index + 1}{rooms_per_unit[unit_index]:02d}",
                move_in=move_in,
                move_out=move_out,
                acting_municipality=acting,
                residence_municipality=muni_name,
                contact_person=rng.choice(staff),
            )
            plans.append(_ResidentPlan(resident, home, home.units[unit_index], female, last, birth))
    if not b.was_empty:
        _avoid_stored_cprs(b, plans)
    for plan in plans:
        r = Resident(id=uuid.uuid4())
        apply_resident_fields(r, validate_resident(plan.data), plan.home, plan.unit)
        b.uow.residents.add(r)
        b.people.append(_Person(r, plan.female, plan.last_name, plan.data.move_out is None))


def _avoid_stored_cprs(b: _DemoBuild, plans: list[_ResidentPlan]) -> None:
    # With --force the database may already hold some of the drawn numbers: draw those again.
    while True:
        clashes = b.uow.residents.by_cprs([p.data.cpr for p in plans])
        if not clashes:
            return
        for p in plans:
            if p.data.cpr in clashes:
                p.data = replace(p.data, cpr=_new_cpr(b, p.birth, p.female))


def _step_relatives(b: _DemoBuild) -> None:
    rng, data = b.rng, b.data
    relations = data["relations"]
    weights = [x["weight"] for x in relations]
    for person in b.people:
        for _ in range(rng.choices((1, 2, 3), (45, 40, 15))[0]):
            rel = rng.choices(relations, weights)[0]
            female = {"f": True, "m": False, "spouse": not person.female}.get(rel["sex"], rng.random() < 0.5)
            if rel["sex"] == "spouse":
                first = rng.choice(data["female_first"] if female else data["male_first"])
            else:
                first = _young_name(rng, data, female).split()[0]
            last = person.last_name if rel["same_surname"] else _last_name(rng, data)
            clean = validate_relative(RelativeInput(f"{first} {last}", rel["relation"], _phone(rng)))
            person.resident.relatives.append(
                Relative(id=uuid.uuid4(), name=clean.name, relation=clean.relation, phone=clean.phone)
            )
            b.relatives += 1


def _step_permits(b: _DemoBuild) -> None:
    """Permit decisions for about a fifth of the current residents, covering every force type."""
    rng, today, cat = b.rng, b.today, b.catalogue
    codes = list(cat.codes())
    weights = [b.data["force_type_weights"].get(c, 5) for c in codes]
    holders = [p for p in b.people if p.active and rng.random() < PERMIT_SHARE]
    if not holders:
        holders = [p for p in b.people if p.active][:1]
    # Kinds of period: most run on, some end within 30 days (the dashboard list), some expired.
    periods = [rng.choices(("active", "soon", "expired"), (76, 12, 12))[0] for _ in holders]
    if holders and "soon" not in periods:
        periods[0] = "soon"
    if len(holders) > 1 and "expired" not in periods:
        periods[1] = "expired"

    type_sets: list[set[str]] = []
    for i, _ in enumerate(holders):
        # The first permits take the types in catalogue order so every type appears at least once.
        types = {codes[i]} if i < len(codes) else {rng.choices(codes, weights)[0]}
        if rng.random() < 0.35:
            types.add(rng.choices(codes, weights)[0])
        type_sets.append(types)
    for j in range(len(holders), len(codes)):
        if type_sets:
            type_sets[j % len(type_sets)].add(codes[j])

    planned: list[tuple[_Person, set[str], dt.date, dt.date]] = []
    for person, period, types in zip(holders, periods, type_sets):
        move_in = person.resident.move_in or today
        lived = (today - move_in).days
        if period == "expired" and lived < 60:
            period = "active"
        if period == "active":
            valid_to = today + dt.timedelta(days=rng.randint(EXPIRY_WARNING_DAYS + 1, 330))
        elif period == "soon":
            valid_to = today + dt.timedelta(days=rng.randint(0, EXPIRY_WARNING_DAYS))
        else:
            valid_to = today - dt.timedelta(days=rng.randint(1, min(200, lived - 30)))
        length = rng.choice((181, 364, 364))
        if valid_to - dt.timedelta(days=length) > today:
            length = 364
        valid_from = max(move_in, valid_to - dt.timedelta(days=length))
        planned.append((person, types, valid_from, valid_to))
        # Some current permits renew an earlier decision, so the history has expired permits too.
        earlier_to = valid_from - dt.timedelta(days=1)
        if period != "expired" and (earlier_to - move_in).days >= 120 and rng.random() < 0.25:
            earlier_from = max(move_in, earlier_to - dt.timedelta(days=rng.choice((181, 364))))
            planned.append((person, set(types), earlier_from, earlier_to))

    # Case numbers run through each year in decision order, as a case system would number them.
    planned.sort(key=lambda x: (x[2], x[0].resident.cpr))
    counters: dict[int, int] = {}
    for person, types, valid_from, valid_to in planned:
        year = valid_from.year
        if year not in counters:
            counters[year] = rng.randint(20, 120)  # the series also holds other kinds of cases
        counters[year] += rng.randint(1, 3)
        ordered = sorted(types)
        prerequisites = " ".join(rng.choice(b.data["prerequisites"].get(c, ["Efter aftale med sagsbehandleren."]))
                                 for c in ordered)
        terms = validate_permit(cat, ordered, valid_from, valid_to, prerequisites)
        permit = Permit(
            id=uuid.uuid4(),
            prerequisites=prerequisites,
            valid_from=terms.valid_from,
            valid_to=terms.valid_to,
            decision_reference=f"MAG-{year}-{counters[year]:04d}",
            catalogue_version=terms.catalogue_version,
            force_types=[PermitForceType(type_code=c) for c in ordered],
        )
        person.resident.permits.append(permit)
        b.permits.append(terms)


# -- people ---------------------------------------------------------------------------------------


def _last_name(rng: random.Random, data: dict[str, Any]) -> str:
    if rng.random() < 0.4:
        return rng.choice(data["common_last_names"])
    return rng.choice(data["last_names"])


def _young_name(rng: random.Random, data: dict[str, Any], female: bool) -> str:
    first = rng.choice(data["young_female_first"] if female else data["young_male_first"])
    return f"{first} {_last_name(rng, data)}"


def _birth_date(rng: random.Random) -> dt.date:
    start = dt.date(1920, 1, 1)
    span = (dt.date(1950, 12, 31) - start).days
    # Care-home residents are mostly in their eighties and nineties: weight towards the 1930s.
    return start + dt.timedelta(days=int(rng.triangular(0, span, span * 0.55)))


def _new_cpr(b: _DemoBuild, birth: dt.date, female: bool) -> str:
    """A valid CPR number for ``birth`` not drawn before; the last digit is even for women, odd for men.

    Numbers for people born before 2007 were all issued with a modulus-11 check digit, so a number
    that fails the check cannot belong to a real person: the demo uses only such numbers.
    """
    while True:
        # 7th digit 0-3 puts every year 1900-1999 in the 20th century.
        serial = b.rng.randint(0, 399) * 10 + b.rng.choice((0, 2, 4, 6, 8) if female else (1, 3, 5, 7, 9))
        digits = f"{birth:%d%m}{birth.year % 100:02d}{serial:04d}"
        if digits not in b.taken_cprs and not passes_modulus_11(digits):
            b.taken_cprs.add(digits)
            return parse_cpr(digits).digits


def passes_modulus_11(digits: str) -> bool:
    """The old CPR check: weights 4,3,2,7,6,5,4,3,2,1, sum divisible by 11."""
    return sum(int(d) * w for d, w in zip(digits, (4, 3, 2, 7, 6, 5, 4, 3, 2, 1))) % 11 == 0


def _phone(rng: random.Random) -> str:
    # Danish mobile numbers begin with 2, 3, 4, 5, 6, 7 or 9; 75 is the Vejle area's landline prefix.
    if rng.random() < 0.15:
        return f"75{rng.randint(0, 999999):06d}"
    return f"{rng.choice('2345679')}{rng.randint(0, 9999999):07d}"
