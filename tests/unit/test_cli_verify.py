import sqlite3

from tilsyn.cli import main


def test_verify_ok_then_finds_tampering(tmp_path, capsys):
    db = str(tmp_path / "t.sqlite")
    assert main(["demo", "--db", db, "--homes", "1", "--residents-per-home", "3"]) == 0
    capsys.readouterr()
    assert main(["verify", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Alt er i orden" in out and "Kædens hoved: nr." in out
    con = sqlite3.connect(db)
    # The append-only triggers refuse the edit; an attacker with the file drops them first.
    for (name,) in con.execute("select name from sqlite_master where type = 'trigger'").fetchall():
        con.execute(f'drop trigger "{name}"')
    con.execute("update audit_entry set actor_name = 'Mallory' where seq = 3")
    con.commit()
    con.close()
    assert main(["verify", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "Første brudte led er post nr. 3" in err


# -- --expect-head: the head as printed on exports, receipts and by verify itself ------------------

from hypothesis import given, strategies as st  # noqa: E402

from tilsyn.cli import verify_text  # noqa: E402
from tilsyn.domain.chain import ChainFault, parse_head  # noqa: E402
from tilsyn.domain.ledger import DataFault  # noqa: E402
from tilsyn.services.audit import AnchorCheck, VerifyReport  # noqa: E402

HEX = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)


@given(seq=st.integers(min_value=1, max_value=10**12), digest=HEX)
def test_every_printed_form_of_the_head_parses(seq, digest):
    for printed in (f"{seq}:{digest}", f"nr. {seq} · {digest}", f"nr. {seq}, {digest[:16]}",
                    f"  {seq}:{digest.upper()}  "):
        parsed = parse_head(printed)
        assert parsed is not None and parsed[0] == seq and digest.startswith(parsed[1])


@given(st.text(max_size=80))
def test_anything_else_is_refused_without_a_crash(text):
    parsed = parse_head(text)
    assert parsed is None or (parsed[0] >= 0 and len(parsed[1]) >= 16)


def test_a_head_too_short_to_identify_is_refused(capsys):
    assert main(["verify", "--expect-head", "12:abcdef"]) == 2
    assert "ugyldigt kædehoved" in capsys.readouterr().err


def _report(**kw):
    base = dict(entries=10, signatures=0, head_seq=10, head_hash="a" * 64, chain_faults=(), signature_faults=())
    return VerifyReport(**{**base, **kw})


def test_verify_text_names_table_record_and_field_and_the_missing_anchor():
    faults = (DataFault("resident", "r-1", "name", "changed"), DataFault("relative", "p-1", None, "inserted"),
              DataFault("relative", "p-2", None, "deleted"))
    text = verify_text(_report(data_faults=faults, data_fault_count=5, anchor=AnchorCheck(12, "b" * 64, False)))
    assert "FEJL: Kæden indeholder ikke det forventede kædehoved nr. 12 (bbbbbbbbbbbbbbbb)" in text
    assert "Beboer (resident) r-1: feltet »name« er ændret uden om revisionsloggen." in text
    assert "Pårørende (relative) p-1 findes, men er indsat uden om revisionsloggen." in text
    assert "Pårørende (relative) p-2 er slettet uden om revisionsloggen." in text
    assert "… og 2 flere steder" in text
    redacted = verify_text(_report(chain_faults=(ChainFault(4, "hash"), ChainFault(4, "redacted"))))
    assert "Første brudte led er post nr. 4" in redacted
    ok = verify_text(_report(anchor=AnchorCheck(10, "a" * 16, True)))
    assert "Det forventede kædehoved nr. 10 (aaaaaaaaaaaaaaaa) findes i kæden." in ok and "Alt er i orden" in ok


def test_verify_text_lists_every_site_chain_of_an_exchange_hub():
    from tilsyn.messages import verify_fault_lines
    from tilsyn.services.audit import SiteChainCheck

    intact = SiteChainCheck("s-1", "Pc Åparken", 1234, 1234, "c" * 64, ())
    broken = SiteChainCheck("s-2", "Bakkegården", 40, 40, "d" * 64, (ChainFault(17, "link"), ChainFault(18, "hash")))
    ok = verify_text(_report(site_chains=(intact,)))
    assert "Kæde fra »Pc Åparken«: 1.234 poster, ubrudt." in ok.splitlines() and "Alt er i orden" in ok
    bad = _report(site_chains=(intact, broken))
    text = verify_text(bad)
    assert "Alt er i orden" not in text and "Kæde fra »Pc Åparken«: 1.234 poster, ubrudt." in text.splitlines()
    line = ("FEJL: Kæde fra »Bakkegården«: 40 poster, første brudte led er post nr. 17: posten peger ikke på den "
            "foregående posts hash (i alt 2 fejl).")
    assert line in text.splitlines() and line in verify_fault_lines(bad)
    assert sum("Kæde fra »" in x for x in text.splitlines()) == 2
