"""PostgreSQL least privilege (resources/sql/postgresql-roles.sql): the owner migrates; the app
role works normally but cannot change, delete or truncate audit rows or signatures, nor disable
their triggers or alter the schema. On the throwaway cluster (TILSYN_PG=1)."""

import datetime as dt
import uuid
from pathlib import Path

import pytest

from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.services.app import close_app, open_app
from tilsyn.services.audit import AuditService
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.privacy import PrivacyService
from tilsyn.services.residents import ResidentService

pytestmark = pytest.mark.postgres

ROLES_SQL = Path(__file__).resolve().parents[2] / "resources" / "sql" / "postgresql-roles.sql"
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=dt.timezone.utc)


def _run_roles_file(conn, app_role: str) -> None:
    # What `psql -v app_role=... -f postgresql-roles.sql` does with the variable.
    sql = ROLES_SQL.read_text().replace(':"app_role"', f'"{app_role}"')
    conn.execute(sql)


@pytest.fixture
def roles(pg_cluster):
    suffix = uuid.uuid4().hex[:8]
    owner, app, db = f"tilsyn_owner_{suffix}", f"tilsyn_app_{suffix}", f"tilsyn_{suffix}"
    with pg_cluster.connect() as conn:
        conn.execute(f'CREATE ROLE "{owner}" LOGIN')
        conn.execute(f'CREATE ROLE "{app}" LOGIN')
        conn.execute(f'CREATE DATABASE "{db}" OWNER "{owner}"')
        conn.execute(f'REVOKE CREATE, TEMPORARY ON DATABASE "{db}" FROM PUBLIC')
    owner_url = pg_cluster.url(db).replace("postgres@", f"{owner}@")
    app_url = pg_cluster.url(db).replace("postgres@", f"{app}@")
    opened = open_app(owner_url, clock=lambda: NOW)  # the owner runs the migrations
    close_app(opened.context)
    import psycopg

    with psycopg.connect(host=pg_cluster.socket_dir, port=pg_cluster.port, user=owner, dbname=db,
                         autocommit=True) as conn:
        _run_roles_file(conn, app)
    try:
        yield {"app_url": app_url, "app": app, "db": db, "cluster": pg_cluster}
    finally:
        with pg_cluster.connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            conn.execute(f'DROP ROLE IF EXISTS "{app}"')
            conn.execute(f'DROP ROLE IF EXISTS "{owner}"')


def _as_app(roles):
    import psycopg

    c = roles["cluster"]
    return psycopg.connect(host=c.socket_dir, port=c.port, user=roles["app"], dbname=roles["db"], autocommit=True)


def test_the_app_role_works_and_cannot_touch_the_log(roles):
    import psycopg

    opened = open_app(roles["app_url"], clock=lambda: NOW)
    try:
        ctx = opened.context
        home = CareHomeService(ctx).set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården")])[0]
        res = ResidentService(ctx)
        old = res.save(None, ResidentInput("010130-1234", "Karen Ødegaard", home.id, move_in=dt.date(2015, 1, 1),
                                           move_out=dt.date(2020, 3, 1)))
        res.save(None, ResidentInput("020230-1234", "Jens Hansen", home.id))
        # The retention path (the one permitted change to the log) works as the app role.
        PrivacyService(ctx).apply_retention([old.id], "anonymise", "Opbevaringsperiode udløbet")
        assert AuditService(ctx).verify().ok
    finally:
        close_app(opened.context)

    refused = {
        "update audit_entry set actor_name = 'Mallory' where seq = 2": psycopg.errors.InsufficientPrivilege,
        "delete from audit_entry where seq = 2": psycopg.errors.InsufficientPrivilege,
        "truncate audit_entry": psycopg.errors.InsufficientPrivilege,
        "update signature set content = '{}'": psycopg.errors.InsufficientPrivilege,
        "truncate signature": psycopg.errors.InsufficientPrivilege,
        "update audit_head set seq = 1": psycopg.errors.RaiseException,  # the trigger: not forward
        "delete from audit_head": psycopg.errors.InsufficientPrivilege,
        "update alembic_version set version_num = '0001'": psycopg.errors.InsufficientPrivilege,
        # The columns retention may touch, but without a hashed redaction entry: the trigger refuses.
        "update audit_entry set redacted = true, changes = null where seq = 2": psycopg.errors.RaiseException,
        "alter table audit_entry disable trigger user": psycopg.errors.InsufficientPrivilege,
        "drop trigger audit_entry_guard on audit_entry": psycopg.errors.InsufficientPrivilege,
        "alter table resident add column x text": psycopg.errors.InsufficientPrivilege,
        "create table evil (x int)": psycopg.errors.InsufficientPrivilege,
        "drop table audit_entry": psycopg.errors.InsufficientPrivilege,
    }
    with _as_app(roles) as conn:
        for statement, error in refused.items():
            with pytest.raises(error):
                conn.execute(statement)
        assert conn.execute("select count(*) from audit_entry").fetchone()[0] > 5
    opened = open_app(roles["app_url"], clock=lambda: NOW)
    try:
        assert AuditService(opened.context).verify().ok
    finally:
        close_app(opened.context)
