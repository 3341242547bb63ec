"""Name normalisation: care homes and units are found however the name's Unicode is written."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tilsyn.domain.names import name_key, nfc


def test_decomposed_case_and_spacing_give_the_same_key():
    composed = "Plejecenter Åparken"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    for written in (decomposed, "  plejecenter\u00a0 ÅPARKEN ", "PLEJECENTER\tåparken", "Plejecenter  Åparken"):
        assert name_key(written) == name_key(composed)


def test_different_names_stay_different():
    assert name_key("Bøgelund") != name_key("Boegelund")
    assert name_key("Åparken") != name_key("Aparken")


def test_nfc_composes():
    assert nfc("A\u030aparken") == "Åparken" and nfc(None) == ""


@given(st.text())
def test_key_is_the_same_for_every_normal_form_and_case(text):
    key = name_key(text)
    for form in ("NFC", "NFD"):
        assert name_key(unicodedata.normalize(form, text)) == key
    assert name_key(f" {text}\u00a0 ") == key
    assert name_key(key) == key  # idempotent
