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
