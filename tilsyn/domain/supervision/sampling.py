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
remainder with a stable tie-break.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass
from fractions import Fraction
from math import floor
from typing import Iterable, Mapping, Sequence

from ..errors import DomainError
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
        if code not in EXCLUSION_REASONS:
            raise DomainError("unknown_exclusion_reason", field="reason", reason=code)
        if code == "other" and not note.strip():
            raise DomainError("exclusion_note_required", field="reason")
        manual[canonical_id(rid)] = (code, check_length(note.strip(), field="note"))
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
    """The first ``k`` of the ranking (all of them when the frame is smaller)."""
    if k < 0:
        raise DomainError("sample_size", field="size", size=k)
    return ranking(seed, programme_id, eligible, kind)[:k]


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
