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
    con.execute("update audit_entry set actor_name = 'Mallory' where seq = 3")
    con.commit()
    con.close()
    assert main(["verify", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "Første brudte led er post nr. 3" in err
