"""The pure rules of the exchange (tilsyn.domain.exchange): sequence numbers, headers, routing."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tilsyn.domain.exchange import (
    ExchangeRefused,
    PeerView,
    SiteKind,
    Verdict,
    acknowledged,
    check_enrolment,
    check_route,
    check_schema,
    decide_sequence,
    next_file,
    parse_header,
    parse_kind,
)
from tilsyn.messages import text_for

H = "a" * 64


def header(**over):
    base = {"format": 1, "schema": "0010", "sender": str(uuid.uuid4()), "recipient": str(uuid.uuid4()), "seq": 3,
            "prev": 2, "base": 1, "created_at": "2026-12-02T10:00:00+00:00", "file_id": str(uuid.uuid4()),
            "compression": "zlib", "ciphertext_bytes": 100, "payload_sha256": H}
    base.update(over)
    return base


def refused(fn, *args, **kwargs) -> ExchangeRefused:
    with pytest.raises(ExchangeRefused) as caught:
        fn(*args, **kwargs)
    return caught.value


def test_the_next_file_is_applied_the_same_again_is_a_noop():
    assert decide_sequence(1, H, 0, None) is Verdict.APPLY
    assert decide_sequence(4, H, 3, "b" * 64) is Verdict.APPLY
    assert decide_sequence(3, H, 3, H) is Verdict.ALREADY


def test_a_missing_predecessor_is_named_and_an_old_file_refused():
    err = refused(decide_sequence, 5, H, 2, "b" * 64, site="Pc")
    assert err.code == "exchange_missing" and err.params["missing"] == 3
    assert "Fil nr. 3 fra »Pc« mangler: denne fil er nr. 5" in text_for(err)
    assert refused(decide_sequence, 2, H, 3, "b" * 64).code == "exchange_replayed"
    # the same number with another hash: an old (replaced) file, never applied twice
    assert refused(decide_sequence, 3, H, 3, "b" * 64).code == "exchange_replayed"


@given(st.integers(0, 50), st.integers(1, 60), st.booleans())
def test_exactly_one_file_number_is_ever_applied_after_each_state(last, seq, same):
    sha = H
    try:
        verdict = decide_sequence(seq, sha, last, sha if same else "c" * 64)
    except ExchangeRefused:
        assert seq != last + 1
        return
    assert verdict is Verdict.APPLY and seq == last + 1 or verdict is Verdict.ALREADY and seq == last and same


def test_next_file_numbers_and_a_restart_after_a_lost_file():
    assert next_file(0, 0) == (nf := next_file(0, 0)) and (nf.seq, nf.prev, nf.base) == (1, 0, 0)
    nf = next_file(4, 2)
    assert (nf.seq, nf.prev, nf.base) == (5, 4, 2)
    nf = next_file(4, 2, restart=True)
    assert (nf.seq, nf.prev, nf.base) == (3, 2, 2)
    assert refused(next_file, 1, 2).code == "exchange_ack_ahead"


def test_receipts_never_go_backwards_nor_beyond_what_was_sent():
    assert acknowledged(3, 5, 1) == 3
    assert acknowledged(2, 5, 3) == 3
    assert refused(acknowledged, 6, 5, 1).code == "exchange_ack_ahead"


def test_header_parsing_refuses_damage_and_names_a_newer_format():
    h = parse_header(header())
    assert (h.seq, h.prev, h.base) == (3, 2, 1)
    for bad in (header(seq=0, prev=0), header(prev=1), header(base=3), header(seq="3"), header(seq=True),
                header(sender="x"), header(payload_sha256="zz"), header(compression="lzma"), [], header(format=0)):
        assert refused(parse_header, bad).code == "exchange_damaged"
    err = refused(parse_header, header(format=2))
    assert err.code == "exchange_format_newer" and "nyere version" in text_for(err)


def test_a_newer_schema_revision_is_refused_with_update_advice():
    check_schema("0010", ["0010", "0009"])
    err = refused(check_schema, "0012", ["0010", "0009"])
    assert text_for(err) == ("Filen er lavet af en nyere version af Tilsyn (revision 0012). Opdatér Tilsyn på denne "
                             "computer, før filen indlæses. Intet er gemt.")


def test_routing_recipient_unknown_and_revoked_sender():
    h = parse_header(header())
    peer = PeerView(h.sender, "Pc", False)
    check_route(h, h.recipient, peer)
    assert refused(check_route, h, str(uuid.uuid4()), peer).code == "exchange_wrong_recipient"
    assert refused(check_route, h, h.recipient, None).code == "exchange_unknown_sender"
    err = refused(check_route, h, h.recipient, PeerView(h.sender, "Pc", True, "stjålet"))
    assert err.code == "exchange_sender_revoked" and "»Pc«, som er spærret (stjålet)" in text_for(err)
    assert refused(check_route, h, None, peer).code == "site_none"


def test_kinds_and_enrolment():
    assert parse_kind("Plejecenter") is SiteKind.CARE_HOME and parse_kind("bærbar") is SiteKind.LAPTOP
    assert refused(parse_kind, "server").code == "site_kind_unknown"
    check_enrolment("hub", SiteKind.LAPTOP, 0)
    assert refused(check_enrolment, "hub", SiteKind.CARE_HOME, 0).code == "site_home_missing"
    assert refused(check_enrolment, "care_home", SiteKind.LAPTOP, 0).code == "site_not_hub"
    assert refused(check_enrolment, None, SiteKind.LAPTOP, 0).code == "site_none"
    assert refused(check_enrolment, "hub", SiteKind.HUB, 0).code == "site_kind_not_enrollable"
