"""Danish alphabetical order (issue 12, point 8): æ, ø, å after z, "Aa" with "Å"."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tilsyn.domain.collation import compare, danish_key


def danish(names):
    return sorted(names, key=danish_key)


def test_ae_oe_aa_come_after_z():
    names = ["Åse", "Øster", "Æble", "Zacho", "Anna", "Bent"]
    assert danish(names) == ["Anna", "Bent", "Zacho", "Æble", "Øster", "Åse"]
    assert sorted(names) != danish(names)  # code point order is not Danish


def test_aa_is_aa_and_not_before_ab():
    assert danish(["Aage", "Abel", "Åge", "Zuhal"]) == ["Abel", "Zuhal", "Aage", "Åge"]
    assert danish(["Haagensen", "Hansen", "Høj", "Hyldgaard"]) == ["Hansen", "Hyldgaard", "Høj", "Haagensen"]


def test_case_and_accents_only_break_ties():
    assert danish(["bo", "Bo", "Anders", "andersen"]) == ["Anders", "andersen", "Bo", "bo"]
    assert danish(["Ebbe", "Émile", "Erik"]) == ["Ebbe", "Émile", "Erik"]
    assert danish(["Müller", "Myrup", "Mølgaard", "Mærsk", "Möller"]) == [
        "Müller", "Myrup", "Mærsk", "Mølgaard", "Möller"]


def test_empty_and_none():
    assert compare(None, "") == 0 and compare("", "a") == -1 and compare("å", "z") == 1


@given(st.text(max_size=12), st.text(max_size=12))
def test_compare_is_a_total_order(a, b):
    assert compare(a, b) == -compare(b, a)
    assert (compare(a, b) == 0) == (a == b)


@given(st.lists(st.text(alphabet="aAbzæøåÆØÅ eé", max_size=6), max_size=8))
def test_sorting_by_compare_matches_the_key(names):
    import functools

    assert sorted(names, key=functools.cmp_to_key(compare)) == danish(names)
