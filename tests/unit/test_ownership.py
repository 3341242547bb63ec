"""Who owns what between sites (issue 11 point 2) and the conflict rule (point 5): pure rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tilsyn.domain.exchange import SiteKind
from tilsyn.domain.ownership import OWNER, NotOwned, Part, check_change, check_send, may_change, may_send
from tilsyn.domain.sync import (
    DELETED,
    MERGE_BASE,
    Outcome,
    changed_fields,
    check_resolution,
    decide,
    monthly_form_id,
    version_of,
)
from tilsyn.domain.errors import DomainError
from tilsyn.messages import TEXTS, text_for

HUB, HOME, LAPTOP = SiteKind.HUB, SiteKind.CARE_HOME, SiteKind.LAPTOP


def test_a_database_without_sites_may_change_everything():
    assert all(may_change(None, p) for p in Part)


@pytest.mark.parametrize("part", [Part.RESIDENT, Part.PERMIT, Part.USER, Part.PROGRAMME, Part.SECTION4,
                                  Part.SEND_BACK, Part.DEFINITION, Part.MUNICIPALITY, Part.CARE_HOME,
                                  Part.RELATIVE])
def test_the_hub_owns_the_register_and_section_4(part):
    assert may_change(HUB, part)
    assert not may_change(HOME, part) and not may_change(LAPTOP, part)


@pytest.mark.parametrize("part", [Part.EPISODE, Part.LEADER, Part.ACUTE, Part.CONSULTATION_REPLY,
                                  Part.ACTION_PLAN])
def test_a_care_home_owns_its_episodes_and_sections_1_to_3(part):
    assert may_change(HOME, part) and not may_change(HOME, part, served=False)
    assert not may_change(LAPTOP, part)
    # At the hub only for a home no care home PC serves (it works in the hub's database).
    assert may_change(HUB, part, delegated=False) and not may_change(HUB, part, delegated=True)


def test_a_laptop_owns_the_visits_it_conducts():
    assert may_change(LAPTOP, Part.VISIT_CONDUCT) and not may_change(HOME, Part.VISIT_CONDUCT)
    assert may_change(HUB, Part.VISIT_CONDUCT, delegated=False)
    assert not may_change(HUB, Part.VISIT_CONDUCT, delegated=True)
    assert not may_change(LAPTOP, Part.PROGRAMME)


def test_every_refusal_has_a_danish_text():
    for part in Part:
        assert f"not_owned_{part.value}" in TEXTS
    with pytest.raises(NotOwned) as refused:
        check_change(HOME, Part.RESIDENT)
    assert text_for(refused.value) == "Beboerens stamdata ejes af kommunen og kan ikke ændres på denne computer."


def test_a_site_sends_only_what_it_owns():
    assert may_send(HUB, "resident") and may_send(HOME, "episode") and may_send(LAPTOP, "interview")
    for table in ("resident", "permit", "user_account", "supervision_programme"):
        assert not may_send(HOME, table) and not may_send(LAPTOP, table)
    assert not may_send(LAPTOP, "episode") and not may_send(HOME, "interview")
    with pytest.raises(NotOwned) as refused:
        check_send(LAPTOP, "resident")
    assert refused.value.code == "exchange_not_owner"
    assert set(OWNER) == set(Part)


def test_the_conflict_rule():
    a, b, c = "a" * 64, "b" * 64, "c" * 64
    assert decide(None, a, None, None) is Outcome.INSERT
    assert decide(None, DELETED, a, a) is Outcome.SAME
    assert decide(a, a, None, None) is Outcome.SAME  # an identical resubmission
    assert decide(a, b, a, None) is Outcome.APPLY  # built on ours
    assert decide(a, b, c, a) is Outcome.APPLY  # ours unchanged since the last exchange
    assert decide(a, DELETED, a, a) is Outcome.DELETE
    assert decide(c, b, a, a) is Outcome.CONFLICT  # both changed: kept, never overwritten
    assert decide(c, b, None, None, mergeable=True, at_hub=True) is Outcome.MERGE
    assert decide(c, b, None, None, mergeable=True, at_hub=False) is Outcome.CONFLICT
    assert decide(c, b, MERGE_BASE, None) is Outcome.APPLY


versions = st.sampled_from(["a" * 64, "b" * 64, "c" * 64])


@settings(max_examples=60)
@given(local=versions, incoming=versions, base=st.none() | versions, known=st.none() | versions)
def test_a_local_change_unknown_to_the_sender_is_never_overwritten(local, incoming, base, known):
    outcome = decide(local, incoming, base, known)
    if local != incoming and local != base and local != known:
        assert outcome is Outcome.CONFLICT
    if outcome in (Outcome.APPLY, Outcome.DELETE):
        assert local in (base, known)


def test_versions_ignore_the_stamps_and_name_the_changed_fields():
    assert version_of({"x": 1, "updated_at": "1"}) == version_of({"x": 1, "updated_at": "2"})
    assert version_of({"x": 1}) != version_of({"x": 2})
    assert version_of(None) == DELETED
    assert changed_fields({"x": 1, "y": 2, "updated_at": 1}, {"x": 1, "y": 3, "updated_at": 2}) == ["y"]


def test_a_resolution_needs_a_choice_and_a_reason():
    assert check_resolution("local", "  Lederen  har ret ")[1] == "Lederen har ret"
    with pytest.raises(DomainError) as refused:
        check_resolution("local", "ok")
    assert refused.value.code == "conflict_reason_short"
    with pytest.raises(DomainError):
        check_resolution("begge", "en god grund")


def test_a_monthly_form_has_one_id_on_every_site():
    rid = "5b0c7d0e-3c1b-4a0e-9a51-7b1d2f0c4e11"
    assert monthly_form_id(rid, 2026, 2) == monthly_form_id(rid.upper(), 2026, 2)
    assert monthly_form_id(rid, 2026, 2) != monthly_form_id(rid, 2026, 3)
