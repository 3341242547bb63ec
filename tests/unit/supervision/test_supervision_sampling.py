"""Sampling: reproducible from seed + frame on any machine, independent of row order, bounded
allocation, replacement by the next in rank, verification, and uniform over many seeds."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import uuid

import pytest

from tilsyn.domain.errors import DomainError
from tilsyn.domain.supervision import sampling as s

PROGRAMME = "6f1c3a52-0d7e-4c4e-9f55-0a0b0c0d0e0f"
RESIDENTS = [str(uuid.UUID(int=i * 7919 + 1)) for i in range(30)]


def test_rank_key_is_sha256_of_seed_programme_and_resident():
    rid = RESIDENTS[0]
    assert s.rank_key(42, PROGRAMME, rid) == hashlib.sha256(f"42|{PROGRAMME}|{rid}".encode()).hexdigest()
    assert s.rank_key(42, PROGRAMME, rid, "relative") == hashlib.sha256(
        f"42|{PROGRAMME}|relative|{rid}".encode()).hexdigest()
    # Ids are hashed in one canonical form, whatever case or type the database returned.
    assert s.rank_key(42, uuid.UUID(PROGRAMME), rid.upper()) == s.rank_key("42", PROGRAMME, rid)


def test_the_sample_is_the_same_on_any_machine():
    # Golden value: computed once; a change of hashing, ordering or id format breaks it.
    assert s.draw(2011, PROGRAMME, RESIDENTS, 4) == [
        s.ranking(2011, PROGRAMME, RESIDENTS)[i] for i in range(4)]
    expected_first = min(RESIDENTS, key=lambda r: hashlib.sha256(f"2011|{PROGRAMME}|{r}".encode()).hexdigest())
    assert s.draw(2011, PROGRAMME, RESIDENTS, 1) == [expected_first]
    assert s.rank_key(2011, PROGRAMME, RESIDENTS[0])[:16] == hashlib.sha256(
        b"2011|6f1c3a52-0d7e-4c4e-9f55-0a0b0c0d0e0f|00000000-0000-0000-0000-000000000001").hexdigest()[:16]


def test_same_seed_same_sample_other_seed_other_sample():
    a = s.draw(7, PROGRAMME, RESIDENTS, 5)
    assert a == s.draw(7, PROGRAMME, RESIDENTS, 5)
    assert a != s.draw(8, PROGRAMME, RESIDENTS, 5)
    assert len(set(a)) == 5 and set(a) <= set(RESIDENTS)


def test_order_of_the_frame_does_not_matter():
    expected = s.draw(99, PROGRAMME, RESIDENTS, 6)
    rng = random.Random(1)
    for _ in range(20):
        frame = RESIDENTS[:]
        rng.shuffle(frame)
        assert s.draw(99, PROGRAMME, frame, 6) == expected
        assert s.draw(99, PROGRAMME, set(frame), 6) == expected
        assert s.draw(99, PROGRAMME, frame + frame[:3], 6) == expected  # duplicates count once


def test_a_small_frame_gives_everyone_and_negative_size_is_refused():
    assert sorted(s.draw(1, PROGRAMME, RESIDENTS[:3], 5)) == sorted(RESIDENTS[:3])
    with pytest.raises(DomainError):
        s.draw(1, PROGRAMME, RESIDENTS, -1)


def test_every_resident_is_drawn_about_equally_often_over_2000_seeds():
    """30 eligible, 5 drawn, seeds 0..1999: each resident is expected 2000 * 5 / 30 = 333.3 times.

    Chi-square with 29 degrees of freedom must stay below 58.3 (the 0.1 % critical value), and no
    resident may deviate more than 20 % from the expectation. The seed list is fixed, so the test
    is deterministic; it fails if the ranking favours some ids (e.g. by sorting ids, not hashes)."""
    counts = dict.fromkeys(RESIDENTS, 0)
    seeds = range(2000)
    for seed in seeds:
        for rid in s.draw(seed, PROGRAMME, RESIDENTS, 5):
            counts[rid] += 1
    expected = len(seeds) * 5 / len(RESIDENTS)
    chi2 = sum((c - expected) ** 2 / expected for c in counts.values())
    assert chi2 < 58.3, chi2
    assert max(abs(c - expected) for c in counts.values()) < 0.2 * expected


def test_replacement_is_the_next_in_rank():
    order = s.ranking(5, PROGRAMME, RESIDENTS)
    sample = order[:3]
    assert s.next_in_rank(order, sample) == (4, order[3])
    assert s.next_in_rank(order, order[:29]) == (30, order[29])
    assert s.next_in_rank(order, order) is None


def test_verify_accepts_the_draw_with_replacements_and_names_a_tampered_rank():
    order = s.ranking(5, PROGRAMME, RESIDENTS)
    members = [(1, order[0]), (2, order[1]), (3, order[2]), (4, order[3])]  # rank 4 replaced someone
    ok = s.verify(5, PROGRAMME, RESIDENTS, "resident", 3, members)
    assert ok.match and ok.mismatches == ()
    tampered = [(1, order[0]), (2, order[5]), (3, order[2])]
    bad = s.verify(5, PROGRAMME, RESIDENTS, "resident", 3, tampered)
    assert not bad.match
    assert [(m.rank, m.stored, m.expected) for m in bad.mismatches] == [(2, order[5], order[1])]
    assert not s.verify(6, PROGRAMME, RESIDENTS, "resident", 3, members[:3]).match  # other seed
    missing = s.verify(5, PROGRAMME, RESIDENTS, "resident", 3, members[:2])
    assert [(m.rank, m.stored) for m in missing.mismatches] == [(3, None)]
    # A resident deleted since (id None) does not break the check.
    assert s.verify(5, PROGRAMME, RESIDENTS, "resident", 3, [(1, None), (2, order[1]), (3, order[2])]).match


D = dt.date


def cand(i, move_in=None, move_out=None, force=False, relative=True):
    return s.Candidate(RESIDENTS[i], move_in, move_out, force, relative)


def test_frame_rules_living_in_the_home_on_the_visit_date_and_exclusions_with_reasons():
    day = D(2026, 3, 10)
    cands = [cand(0), cand(1, D(2026, 3, 11)), cand(2, None, D(2026, 3, 9)), cand(3, None, D(2026, 3, 10)),
             cand(4, D(2026, 3, 10)), cand(5)]
    frame = s.build_frame("resident", day, cands, {RESIDENTS[5]: ("hospital", "Indlagt siden mandag")})
    assert set(frame.eligible) == {RESIDENTS[0], RESIDENTS[3], RESIDENTS[4]}  # move-out day is still home
    assert frame.exclusions == (s.Exclusion(RESIDENTS[5], "hospital", "Indlagt siden mandag"),)
    rules = frame.rules()
    assert rules["visit_date"] == "2026-03-10" and rules["living_in_home_on_visit_date"] is True
    with pytest.raises(DomainError) as exc:
        s.build_frame("resident", day, cands, {RESIDENTS[0]: "bored"})
    assert exc.value.code == "unknown_exclusion_reason"
    with pytest.raises(DomainError) as exc:
        s.build_frame("resident", day, cands, {RESIDENTS[0]: ("other", " ")})
    assert exc.value.code == "exclusion_note_required"


def test_relatives_frame_needs_registered_force_and_a_relative():
    day = D(2026, 3, 10)
    frame = s.build_frame("relative", day, [cand(0, force=True), cand(1, force=False),
                                            cand(2, force=True, relative=False)])
    assert frame.eligible == (RESIDENTS[0],)
    assert frame.exclusions == (s.Exclusion(RESIDENTS[2], "no_relative"),)
    start, end = s.relative_window(day)
    assert (start, end) == (D(2025, 3, 10), D(2026, 3, 10))
    assert frame.rules(start, end)["registered_force_between"] == ["2025-03-10", "2026-03-10"]


# -- allocation ---------------------------------------------------------------------------------------


def test_allocation_is_proportional_within_bounds_and_sums_to_the_total():
    sizes = {"a": 100, "b": 60, "c": 40, "d": 20, "e": 10}
    alloc = s.allocate(sizes, 20, 3, 6)
    assert sum(alloc.values()) == 20
    assert all(3 <= n <= 6 for n in alloc.values())
    assert alloc == {"a": 6, "b": 5, "c": 3, "d": 3, "e": 3}
    # Larger homes never get fewer than smaller ones.
    ordered = sorted(sizes, key=sizes.get)
    assert [alloc[h] for h in ordered] == sorted(alloc.values())


def test_allocation_over_19_homes():
    rng = random.Random(3)
    sizes = {f"home-{i:02d}": rng.randint(25, 90) for i in range(19)}
    alloc = s.allocate(sizes, 90, 3, 6)
    assert sum(alloc.values()) == 90 and all(3 <= n <= 6 for n in alloc.values())
    assert alloc == s.allocate(dict(reversed(list(sizes.items()))), 90, 3, 6)  # input order irrelevant
    # The sources' 120 from 19 homes at most 6 each cannot be met: every home gets 6 (114).
    assert set(s.allocate(sizes, 120, 3, 6).values()) == {6}


def test_allocation_exact_largest_remainder_with_stable_tie_break():
    # Equal sizes, 7 places over 3 homes: 2 each, the extra one to the smallest key.
    assert s.allocate({"b": 10, "a": 10, "c": 10}, 7, 0, 10) == {"a": 3, "b": 2, "c": 2}
    # Equal remainders, different sizes: the larger home first (quotas 1.5 / 0.5 / 0.5 / 0.5).
    assert s.allocate({"x": 30, "y": 10, "z": 10, "w": 10}, 3, 0, 10) == {"x": 2, "w": 1, "y": 0, "z": 0}
    assert s.allocate({"x": 15, "y": 5}, 3, 0, 10) == {"x": 2, "y": 1}  # quotas 2.25 / 0.75


def test_allocation_bounds_win_when_the_total_cannot_be_met():
    sizes = {"a": 50, "b": 50, "c": 2}
    assert s.allocate(sizes, 1, 3, 6) == {"a": 3, "b": 3, "c": 2}  # never more than a home's size
    assert s.allocate(sizes, 500, 3, 6) == {"a": 6, "b": 6, "c": 2}
    assert s.allocate({"a": 0}, 5, 3, 6) == {"a": 0}
    with pytest.raises(DomainError):
        s.allocate(sizes, 10, 5, 4)


def test_allocation_clamps_and_redistributes():
    # One huge home would take almost everything proportionally; it is capped at 6 and the rest
    # is spread over the others by size.
    alloc = s.allocate({"big": 1000, "m1": 40, "m2": 20, "m3": 20}, 18, 3, 6)
    assert alloc == {"big": 6, "m1": 6, "m2": 3, "m3": 3}
    assert sum(alloc.values()) == 18


# -- issue 13: the plan, sample sizes, refusal eligibility ---------------------------------------------

from tilsyn.domain.errors import ValidationError  # noqa: E402
from tilsyn.messages import text_for  # noqa: E402


def test_the_plan_owns_the_defaults_and_refuses_zero():
    assert s.SamplingPlan() == s.SamplingPlan(120, 3, 6, 2) == s.SamplingPlan.of()
    base = s.SamplingPlan(50, 2, 4, 1)
    assert s.SamplingPlan.of(total=60, base=base) == s.SamplingPlan(60, 2, 4, 1)
    with pytest.raises(ValidationError) as exc:
        s.SamplingPlan(0, 0, 2, 0).check()
    assert [e.code for e in exc.value.errors] == ["sample_total_zero", "sample_min_zero", "relatives_zero"]
    assert text_for(exc.value.errors[0]) == "Stikprøven skal have mindst 1 beboer i alt (ikke 0)."
    with pytest.raises(ValidationError) as exc:
        s.SamplingPlan(10, 4, 3, 2).check()
    assert [e.code for e in exc.value.errors] == ["sample_bounds"]


def test_an_infeasible_plan_is_stated_in_danish():
    nineteen = {f"h{i:02}": 30 for i in range(19)}
    f = s.SamplingPlan().feasibility(nineteen)
    assert (f.reachable, f.feasible) == (114, False)
    assert text_for(f.error()) == "120 kan ikke nås med 19 plejecentre á højst 6; der trækkes 114."
    assert s.SamplingPlan(100000).feasibility(nineteen).error().params["reachable"] == 114
    low = s.SamplingPlan(10).feasibility(nineteen)
    assert text_for(low.error()) == "10 er for få til 19 plejecentre á mindst 3; der trækkes 57."
    assert s.SamplingPlan(90).feasibility(nineteen).error() is None
    small = s.SamplingPlan(120).feasibility({**nineteen, "h00": 2})
    assert small.reachable == 110 and "når nogle har færre beboere; der trækkes 110." in text_for(small.error())
    assert text_for(s.SamplingPlan(20).feasibility({"a": 30}).error()) == (
        "20 kan ikke nås med 1 plejecenter á højst 6; der trækkes 6.")


def test_the_proposed_size_is_the_allocation_and_never_zero():
    plan = s.SamplingPlan(120, 3, 6, 2)
    assert s.proposed_size("resident", None, 5, plan) == 5
    assert s.proposed_size("resident", 0, 5, plan) == 5  # a stored 0 (the old default) is no size
    assert s.proposed_size("resident", 4, 5, plan) == 4
    assert s.proposed_size("resident", None, None, plan) == 3
    assert s.proposed_size("resident", None, 0, plan) == 3
    assert s.proposed_size("relative", None, 5, plan) == 2
    with pytest.raises(DomainError) as exc:
        s.draw(1, PROGRAMME, RESIDENTS, 0)
    assert exc.value.code == "sample_size_zero"
    assert text_for(exc.value) == "En stikprøve skal have mindst 1 udtrukket (ikke 0)."


def test_who_may_be_refused_and_replaced():
    s.check_refusable("drawn", superseded=False)
    s.check_refusable("drawn", superseded=False, interview=s.CONSENT_REFUSED)
    s.check_refusable("drawn", superseded=False, interview=s.INTERVIEW_OPEN)  # stopped half-way
    for status, kwargs, code in (("drawn", {"interview": s.INTERVIEW_DONE}, "member_interviewed"),
                                 ("replaced", {}, "member_not_drawn"),
                                 ("drawn", {"superseded": True}, "draw_superseded")):
        with pytest.raises(DomainError) as exc:
            s.check_refusable(status, **{"superseded": False, **kwargs})
        assert exc.value.code == code
    assert s.interview_state(None, False) == s.INTERVIEW_OPEN
    assert s.interview_state(True, True) == s.INTERVIEW_DONE
    assert s.interview_state(False, True) == s.CONSENT_REFUSED
    order = s.ranking(5, PROGRAMME, RESIDENTS[:6])
    assert s.next_replacement(order, [1, 2, 3], order[:3]) == (4, order[3])
    assert s.next_replacement(order, [1, 2, 3, 4], order[:3]) == (5, order[4])  # rank 4: a deleted resident
    assert s.next_replacement(order, range(1, 7), order) is None
