"""What an attacker with write access to the database does first: switch off the append-only
triggers (SQLite: drop them; PostgreSQL: the owner disables them)."""

from __future__ import annotations

from sqlalchemy import text

GUARDED = ("audit_entry", "audit_head", "signature")


def drop_guards(conn) -> None:
    """Remove the append-only triggers on ``conn`` (a SQLAlchemy connection)."""
    if conn.dialect.name == "postgresql":
        for table in GUARDED:
            conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        return
    for (name,) in conn.execute(text("select name from sqlite_master where type = 'trigger'")).all():
        conn.execute(text(f'DROP TRIGGER "{name}"'))
