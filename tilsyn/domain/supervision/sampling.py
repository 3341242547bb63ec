"""Reproducible, verifiable random samples of residents.

Anyone can recompute a sample from what is stored: the seed, the programme id and the frame
(the eligible resident ids). Residents are ranked by the SHA-256 hex digest of
``f"{seed}|{programme_id}|{resident_id}"`` (the relatives' sample hashes
``f"{seed}|{programme_id}|relative|{resident_id}"`` so that the two samples are independent),
ties broken by the id; the sample is the first k. Nothing depends on the order the rows come
from the database, on Python's ``random`` or ``hash``, or on the machine.

A refused or unavailable member is replaced by the next in rank not yet in the sample, so a
sample with r replacements is always ranks 1..k+r of the same ranking and can be verified.

The number of residents per care home comes from ``allocate``: the programme's total spread
over the homes in proportion to their size, within [min, max] per home, rounded by largest
remainder with a stable tie-break. ``SamplingPlan`` is the one value that holds the programme's
numbers (defaults 120 in all, 3-6 per home, 2 relatives per home), checks them and says when the
bounds cannot reach the total.

Ids are hashed as lower-case hyphenated UUID text (``8-4-4-4-12``), whatever form a database
stores them in (SQLite keeps 32 hex digits without hyphens).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass
from fractions import Fraction
from math import floor
from typing import Iterable, Mapping, Sequence

from ..errors import DomainError, ValidationError
from ..limits import check_length
from ..people import lives_in_home_on

SAMPLE_KINDS = ("resident", "relative")
RELATIVE_WINDOW_DAYS = 365  # "anvendt magt inden for 1 år"

# Why a resident is left out of the frame (recorded with the draw).
EXCLUSION_REASONS = {
    "terminal": "Terminal eller alvorligt syg",
    "hospital": "Indlagt på hospital",
    "cannot_participate": "Kan ikke deltage i et interview",
    "no_relative": "Ingen registrerede pårørende",
    "other": "Anden årsag",
}
# Why a drawn member is not interviewed (refusal / replacement).
REFUSAL_REASONS = {
    "declined": "Ønsker ikke at deltage",
    "no_consent": "Giver ikke samtykke",
    "ill": "Syg på besøgsdagen",
    "absent": "Ikke til stede",
    "cannot_participate": "Kan ikke gennemføre interviewet",
    "unreachable": "Pårørende kan ikke træffes",
    "moved_out": "Fraflyttet",
    "other": "Anden årsag",
}
REDRAW_MIN_REASON = 5
# The reasons a consultant may give for leaving a resident out before the draw (no_relative is
# the frame rule's own).
MANUAL_EXCLUSIONS = tuple(k for k in EXCLUSION_REASONS if k != "no_relative")

ID_FORM = ("Program-id og beboer-id hashes som UUID-tekst med små bogstaver og bindestreger (8-4-4-4-12 "
           "hexcifre, fx 6f1c3a52-0d7e-4c4e-9f55-0a0b0c0d0e0f), præcis som de står her – ikke de 32 "
           "hexcifre uden bindestreger, som SQLite gemmer.")
RULE_WORDS = {
    "resident": (
        "Rammen er de beboere, der bor på plejecentret på besøgsdagen (indflyttet senest den dag og ikke "
        "fraflyttet før), minus dem, konsulenten har udeladt med en årsag. Hver beboer i rammen får "
        "SHA-256-værdien af teksten »frø|program-id|beboer-id« (UTF-8, hex med små bogstaver). Beboerne "
        "ordnes efter værdien (stigende, ved lighed efter beboer-id); stikprøven er de første k. En, der "
        "afslår, erstattes af den næste i rækkefølgen."
    ),
    "relative": (
        "Rammen er de beboere, der bor på plejecentret på besøgsdagen, har registreret magtanvendelse i de "
        "12 måneder før besøgsdagen (fra samme dato året før til og med besøgsdagen) og har en registreret "
        "pårørende, minus dem, konsulenten har udeladt. Hver beboer får SHA-256-værdien af teksten "
        "»frø|program-id|relative|beboer-id«, så stikprøven er uafhængig af beboernes. Rækkefølge, de "
        "første k og erstatning som for beboerne."
    ),
}
RULE_FORMULA = {
    "resident": 'sorted(frame, key=lambda r: (sha256(f"{seed}|{programme_id}|{r}".encode()).hexdigest(), r))[:k]',
    "relative": ('sorted(frame, key=lambda r: (sha256(f"{seed}|{programme_id}|relative|{r}".encode())'
                 '.hexdigest(), r))[:k]'),
}


def canonical_id(value) -> str:
    """Lower-case hyphenated UUID text: the form hashed, whatever the database returned."""
    return str(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))


def rank_key(seed: int | str, programme_id, resident_id, kind: str = "resident") -> str:
    """The SHA-256 hex digest a resident is ranked by."""
    middle = "" if kind == "resident" else f"{kind}|"
    text = f"{seed}|{canonical_id(programme_id)}|{middle}{canonical_id(resident_id)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ranking(seed: int | str, programme_id, resident_ids: Iterable, kind: str = "resident") -> list[str]:
    """Every eligible resident id in rank order (rank 1 first)."""
    ids = {canonical_id(r) for r in resident_ids}
    return sorted(ids, key=lambda r: (rank_key(seed, programme_id, r, kind), r))


# -- the frame -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A resident of the care home, as the frame rules need them."""

    resident_id: str
    move_in: dt.date | None
    move_out: dt.date | None
    has_force: bool = False
    has_relative: bool = True


@dataclass(frozen=True)
class Exclusion:
    resident_id: str
    reason: str
    note: str = ""


@dataclass(frozen=True)
class Frame:
    kind: str
    visit_date: dt.date
    eligible: tuple[str, ...]  # sorted ids
    exclusions: tuple[Exclusion, ...]  # sorted by id

    def rules(self, force_start: dt.date | None = None, force_end: dt.date | None = None) -> dict:
        """The frame rules as recorded with the draw (plain JSON-able values)."""
        out = {
            "kind": self.kind,
            "visit_date": self.visit_date.isoformat(),
            "living_in_home_on_visit_date": True,
            "hash": ("sha256(f\"{seed}|{programme_id}|{resident_id}\")" if self.kind == "resident"
                     else f"sha256(f\"{{seed}}|{{programme_id}}|{self.kind}|{{resident_id}}\")"),
            "order": "ascending hex digest, then resident id; sample = first k; replacement = next in rank",
        }
        if self.kind == "relative":
            out["registered_force_between"] = [force_start.isoformat() if force_start else None,
                                               force_end.isoformat() if force_end else None]
            out["needs_registered_relative"] = True
        return out


def check_exclusion(code: str, note: str = "") -> tuple[str, str]:
    """(code, note) of a resident left out before the draw: a known reason; "other" needs a note."""
    note = (note or "").strip()
    if code not in EXCLUSION_REASONS:
        raise DomainError("unknown_exclusion_reason", field="reason", reason=code)
    if code == "other" and not note:
        raise DomainError("exclusion_note_required", field="reason")
    return code, check_length(note, field="note")


def relative_window(visit_date: dt.date) -> tuple[dt.date, dt.date]:
    """The 12 months before the visit date (inclusive) in which force must have been registered."""
    return visit_date - dt.timedelta(days=RELATIVE_WINDOW_DAYS), visit_date


def build_frame(kind: str, visit_date: dt.date, candidates: Iterable[Candidate],
                exclusions: Mapping[str, tuple[str, str] | str] | None = None) -> Frame:
    """Apply the frame rules: living in the home on ``visit_date``; for relatives also force
    registered in the last 12 months and a registered relative; minus ``exclusions``
    (resident id -> reason code or (code, note)). Residents outside the rules are not listed;
    excluded ones are, with their reason."""
    if kind not in SAMPLE_KINDS:
        raise DomainError("unknown_sample_kind", kind=kind)
    manual: dict[str, tuple[str, str]] = {}
    for rid, why in (exclusions or {}).items():
        code, note = (why, "") if isinstance(why, str) else why
        manual[canonical_id(rid)] = check_exclusion(code, note)
    eligible: list[str] = []
    excluded: list[Exclusion] = []
    for c in candidates:
        rid = canonical_id(c.resident_id)
        if not lives_in_home_on(c.move_in, c.move_out, visit_date):
            continue
        if kind == "relative" and not c.has_force:
            continue
        if rid in manual:
            excluded.append(Exclusion(rid, *manual[rid]))
        elif kind == "relative" and not c.has_relative:
            excluded.append(Exclusion(rid, "no_relative"))
        else:
            eligible.append(rid)
    return Frame(kind, visit_date, tuple(sorted(set(eligible))),
                 tuple(sorted(excluded, key=lambda e: e.resident_id)))


# -- drawing and verifying ---------------------------------------------------------------------------


def draw(seed: int | str, programme_id, eligible: Iterable, k: int, kind: str = "resident") -> list[str]:
    """The first ``k`` of the ranking (all of them when the frame is smaller); ``k`` is at least 1."""
    check_sample_size(k)
    return ranking(seed, programme_id, eligible, kind)[:k]


def check_sample_size(k: int, field: str = "size") -> int:
    """A sample has at least one member: DomainError ``sample_size_zero`` for 0 or less."""
    if k < 1:
        raise DomainError("sample_size_zero", field=field, size=k)
    return k


def proposed_size(kind: str, stored: int | None, allocated: int | None, plan: "SamplingPlan") -> int:
    """The size proposed for a visit's draw: the size the visit already has (set or drawn), else
    the home's share of the programme's total (residents) or the plan's relatives per home; a
    stored 0 (never a valid size) counts as unset. Never below 1."""
    if stored:
        return max(stored, 1)
    if kind == "relative":
        return max(plan.relatives_per_home, 1)
    return max(allocated or plan.min_per_home, 1)


# -- refusal and replacement -------------------------------------------------------------------------

# What is known of a drawn member's interview, for the refusal rule.
NO_INTERVIEW, CONSENT_REFUSED, INTERVIEW_OPEN, INTERVIEW_DONE = "none", "consent_refused", "open", "done"


def interview_state(consent: bool | None, finished: bool) -> str:
    """The state the refusal rule reads from an interview's consent and whether it was finished."""
    if consent is False:
        return CONSENT_REFUSED
    return INTERVIEW_DONE if finished else INTERVIEW_OPEN


def check_refusable(member_status: str, *, superseded: bool, interview: str = NO_INTERVIEW,
                    respondent_code: str = "") -> None:
    """May this drawn member be logged as not interviewed (and be replaced)? Only a member of the
    current draw who is still "drawn"; an interview that was begun but not finished may be
    stopped (its answers are kept), a finished one may not."""
    if superseded:
        raise DomainError("draw_superseded")
    if member_status != "drawn":
        raise DomainError("member_not_drawn", status=member_status)
    if interview == INTERVIEW_DONE:
        raise DomainError("member_interviewed", respondent=respondent_code)


def next_replacement(order: Sequence[str], used_ranks: Iterable[int], taken: Iterable[str]) -> tuple[int, str] | None:
    """(rank, id) of the replacement: the first rank in ``order`` neither used (ranks of deleted
    residents stay used) nor held by a resident already in the sample; None when the frame is used up."""
    used = set(used_ranks)
    have = {canonical_id(t) for t in taken}
    for i, rid in enumerate(order, start=1):
        if i not in used and rid not in have:
            return i, rid
    return None


def next_in_rank(order: Sequence[str], taken: Iterable[str]) -> tuple[int, str] | None:
    """(1-based rank, id) of the first resident in ``order`` not in ``taken``; None when exhausted."""
    used = {canonical_id(t) for t in taken}
    for i, rid in enumerate(order, start=1):
        if rid not in used:
            return i, rid
    return None


@dataclass(frozen=True)
class Mismatch:
    rank: int
    stored: str | None
    expected: str | None


@dataclass(frozen=True)
class VerifyOutcome:
    match: bool
    expected: tuple[str, ...]
    mismatches: tuple[Mismatch, ...]


def verify(seed: int | str, programme_id, eligible: Iterable, kind: str, size: int,
           members: Iterable[tuple[int, str | None]]) -> VerifyOutcome:
    """Recompute the ranking from the stored frame and compare it with the stored members
    (rank, resident id; id None when the resident was deleted since). The members must be ranks
    1..size+replacements, each the resident the ranking puts there."""
    order = ranking(seed, programme_id, eligible, kind)
    stored = sorted(members, key=lambda m: m[0])
    expected_count = max(size if size <= len(order) else len(order), len(stored))
    mismatches = []
    for i in range(expected_count):
        rank = i + 1
        exp = order[i] if i < len(order) else None
        got = stored[i] if i < len(stored) else None
        if got is None:
            mismatches.append(Mismatch(rank, None, exp))
        elif got[0] != rank or (got[1] is not None and canonical_id(got[1]) != exp) or exp is None:
            mismatches.append(Mismatch(got[0], canonical_id(got[1]) if got[1] else None, exp))
    return VerifyOutcome(not mismatches, tuple(order[:expected_count]), tuple(mismatches))


# -- allocation --------------------------------------------------------------------------------------


DEFAULT_TOTAL, DEFAULT_MIN, DEFAULT_MAX, DEFAULT_RELATIVES = 120, 3, 6, 2


@dataclass(frozen=True)
class Feasibility:
    """What a plan gives over given homes: ``reachable`` residents in all, where ``total`` was asked."""

    total: int
    reachable: int
    homes: int
    lower: int
    upper: int

    @property
    def feasible(self) -> bool:
        return self.reachable == self.total

    def error(self) -> DomainError | None:
        """The statement of an infeasible plan (code plan_too_high / plan_too_low, "_one" for one
        home, "_small" when small homes, not the bound, keep it lower), or None."""
        if self.feasible or self.homes == 0:
            return None
        one = "_one" if self.homes == 1 else ""
        if self.reachable < self.total:
            small = "_small" if self.reachable < self.homes * self.upper else ""
            code = f"plan_too_high{one}{small}"
        else:
            code = f"plan_too_low{one}"
        return DomainError(code, field="sample_total", total=self.total, homes=self.homes, lower=self.lower,
                           upper=self.upper, reachable=self.reachable)


@dataclass(frozen=True)
class SamplingPlan:
    """A programme's sampling plan: residents in all, at least and at most per care home, and
    relatives per home. The one place for the defaults and the checks; every caller uses it."""

    total: int = DEFAULT_TOTAL
    min_per_home: int = DEFAULT_MIN
    max_per_home: int = DEFAULT_MAX
    relatives_per_home: int = DEFAULT_RELATIVES

    @classmethod
    def of(cls, total: int | None = None, min_per_home: int | None = None, max_per_home: int | None = None,
           relatives_per_home: int | None = None, *, base: "SamplingPlan | None" = None) -> "SamplingPlan":
        """The plan with the given numbers; a number left out (None) comes from ``base`` (default: the
        defaults 120, 3, 6, 2). Not checked: call ``check``."""
        b = base or cls()
        return cls(b.total if total is None else total,
                   b.min_per_home if min_per_home is None else min_per_home,
                   b.max_per_home if max_per_home is None else max_per_home,
                   b.relatives_per_home if relatives_per_home is None else relatives_per_home)

    def errors(self) -> list[DomainError]:
        out: list[DomainError] = []
        if self.total < 1:
            out.append(DomainError("sample_total_zero", field="sample_total", size=self.total))
        if self.min_per_home < 1:
            out.append(DomainError("sample_min_zero", field="sample_min", size=self.min_per_home))
        elif self.max_per_home < self.min_per_home:
            out.append(DomainError("sample_bounds", field="sample_min", lower=self.min_per_home,
                                   upper=self.max_per_home))
        if self.relatives_per_home < 1:
            out.append(DomainError("relatives_zero", field="relatives_per_home", size=self.relatives_per_home))
        return out

    def check(self) -> "SamplingPlan":
        """The plan itself; ValidationError naming every number at fault."""
        if errors := self.errors():
            raise ValidationError(errors)
        return self

    def allocate(self, sizes: Mapping[str, int]) -> dict[str, int]:
        """Residents per home (see ``allocate``)."""
        return allocate(sizes, self.total, self.min_per_home, self.max_per_home)

    def feasibility(self, sizes: Mapping[str, int]) -> Feasibility:
        """How many the plan reaches over homes with ``sizes`` eligible residents."""
        return Feasibility(self.total, sum(self.allocate(sizes).values()), len(sizes), self.min_per_home,
                           self.max_per_home)

    def as_dict(self) -> dict:
        return {"total": self.total, "min_per_home": self.min_per_home, "max_per_home": self.max_per_home,
                "relatives_per_home": self.relatives_per_home}


def allocate(sizes: Mapping[str, int], total: int, lower: int, upper: int) -> dict[str, int]:
    """Spread ``total`` over the homes in proportion to ``sizes`` (eligible residents), each home
    between ``lower`` and ``upper`` (and never more than its size).

    Exact: the proportional share is found with fractions (one factor for every home, shares
    clamped to the bounds), then rounded down, and the remaining places go to the largest
    remainders; ties go to the larger home, then to the smaller key. When the bounds cannot meet
    ``total``, the bounds win (every home at its lower, or at its upper bound).
    """
    if lower < 0 or upper < lower:
        raise DomainError("sample_bounds", field="min_per_home", lower=lower, upper=upper)
    if total < 0:
        raise DomainError("sample_size", field="total", size=total)
    keys = sorted(sizes)
    lo = {h: min(lower, max(sizes[h], 0)) for h in keys}
    hi = {h: min(upper, max(sizes[h], 0)) for h in keys}
    if total <= sum(lo.values()):
        return dict(lo)
    if total >= sum(hi.values()):
        return dict(hi)
    share = _proportional(sizes, keys, lo, hi, Fraction(total))
    base = {h: floor(share[h]) for h in keys}
    left = total - sum(base.values())
    order = sorted((h for h in keys if share[h] > base[h]),
                   key=lambda h: (-(share[h] - base[h]), -sizes[h], h))
    for h in order[:left]:
        base[h] += 1
    return base


def _proportional(sizes, keys, lo, hi, total: Fraction) -> dict[str, Fraction]:
    """Shares clamp(f * size, lo, hi) with the factor f that makes them sum to ``total``."""
    def shares(f: Fraction) -> dict[str, Fraction]:
        return {h: min(max(f * sizes[h], Fraction(lo[h])), Fraction(hi[h])) for h in keys}

    # The sum is piecewise linear and non-decreasing in f; its kinks are where a home meets a bound.
    kinks = sorted({Fraction(b, sizes[h]) for h in keys if sizes[h] > 0 for b in (lo[h], hi[h])})
    prev = Fraction(0)
    for k in kinks + [None]:
        if k is None or sum(shares(k).values()) >= total:
            # Between prev and k the free homes (strictly inside their bounds) grow linearly.
            at_prev = shares(prev)
            probe = prev if k is None else (prev + k) / 2
            free = [h for h in keys if sizes[h] > 0 and lo[h] < probe * sizes[h] < hi[h]]
            slope = sum(Fraction(sizes[h]) for h in free)
            if slope == 0:
                return shares(k if k is not None else prev)
            f = prev + (total - sum(at_prev.values())) / slope
            return shares(f)
        prev = k
    return shares(prev)  # pragma: no cover - the loop always returns
