"""The binding rule (domain.signing.bind): a signature covers the live content only while the
signature hash over that content is the stored one; otherwise the differing fields are named."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tilsyn.domain.chain import canonical_json, signature_hash
from tilsyn.domain.signing import (
    SIGNATURE_ITSELF,
    SIGNED_MISMATCH,
    SIGNED_VALID,
    bind,
    content_differences,
    section1_differences,
)

META = {"section": 2, "signer": "Pia Jensen", "signed_at": dt.datetime(2026, 6, 10, tzinfo=dt.timezone.utc)}


def _signed(content, earlier=()):
    return canonical_json(content), signature_hash(content, list(earlier), META)


def _content(description="Bælte om natten", name="Karen Ødegaard"):
    return {
        "content_version": 2, "form": "f1",
        "section1": {"name": name, "cpr": "0101301234", "permits": [{"id": "p1", "valid_to": dt.date(2026, 12, 31)}]},
        "episodes": [
            {"id": "e1", "description": description, "started_at": dt.datetime(2026, 6, 9, 20, tzinfo=dt.timezone.utc),
             "staff": [["Pia Jensen", "", "", True]]},
            {"id": "e2", "description": "Andet", "started_at": dt.datetime(2026, 6, 9, 21, tzinfo=dt.timezone.utc),
             "staff": []},
        ],
    }


def test_the_same_live_content_is_signed_valid():
    stored, h = _signed(_content())
    assert bind(_content(), stored, h, [], META).status == SIGNED_VALID


def test_a_changed_field_is_named_by_its_path():
    stored, h = _signed(_content())
    b = bind(_content(description="Intet skete"), stored, h, [], META)
    assert (b.status, b.fields) == (SIGNED_MISMATCH, ("episodes.e1.description",))
    b = bind(_content(name="Karin Hansen"), stored, h, [], META)
    assert b.fields == ("section1.name",) and section1_differences(b) == ("section1.name",)


def test_records_added_or_removed_are_named_by_id():
    stored, h = _signed(_content())
    live = _content()
    live["episodes"] = live["episodes"][:1] + [{"id": "e3", "description": "Ny"}]
    assert bind(live, stored, h, [], META).fields == ("episodes.e2", "episodes.e3")


def test_the_signature_row_itself_is_named_when_the_content_is_the_same():
    stored, h = _signed(_content(), ["aa"])
    # Another hash for the same content, other earlier signatures, a hash the log never recorded.
    assert bind(_content(), stored, "0" * 64, ["aa"], META).fields == (SIGNATURE_ITSELF,)
    assert bind(_content(), stored, h, ["aa"], META, expected_earlier=["bb"]).fields == (SIGNATURE_ITSELF,)
    assert bind(_content(), stored, h, ["aa"], META, logged_hashes={"cc"}).fields == (SIGNATURE_ITSELF,)
    assert bind(_content(), stored, h, ["aa"], META, expected_earlier=["aa"], logged_hashes={h}).status == SIGNED_VALID
    # Unreadable stored content under a hash the live content does not give: the row itself.
    assert bind(_content(description="x"), "{not json", h, ["aa"], META).fields == (SIGNATURE_ITSELF,)


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=8))
json_value = st.recursive(
    json_leaf,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=60)
@given(st.dictionaries(st.text(min_size=1, max_size=5), json_value, min_size=1, max_size=5), json_leaf)
def test_any_content_binds_to_itself_and_any_changed_value_is_named(content, other):
    stored, h = _signed(content)
    assert bind(content, stored, h, [], META).status == SIGNED_VALID
    key = sorted(content)[0]
    if content[key] == other:
        return
    changed = {**content, key: other}
    b = bind(changed, stored, h, [], META)
    assert b.status == SIGNED_MISMATCH and b.fields and all(f == key or f.startswith(f"{key}.") for f in b.fields)
    assert content_differences(content, content) == []
