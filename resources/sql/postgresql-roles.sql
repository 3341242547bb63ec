-- Tilsyn on PostgreSQL: least privilege for the role the app runs as.
--
-- Two roles. The OWNER owns the database and every table; it runs the migrations
-- (`tilsyn verify --db postgresql+psycopg://tilsyn_owner@host/tilsyn` or any command, once, after
-- installing a new version) and nothing else. The APP role is what the desktop app, the command
-- line and scripts connect as: it reads and writes the data, but it cannot change or delete audit
-- entries or signatures, cannot truncate, and cannot create, alter or drop tables or triggers
-- (it owns none, and has no CREATE on the schema). The append-only triggers of migration 0005
-- belong to the owner, so the app role cannot disable them either.
--
-- Once, as a superuser (or a role with CREATEROLE and CREATEDB):
--     CREATE ROLE tilsyn_owner LOGIN PASSWORD '...';
--     CREATE ROLE tilsyn_app LOGIN PASSWORD '...';
--     CREATE DATABASE tilsyn OWNER tilsyn_owner;
--     REVOKE CREATE, TEMPORARY ON DATABASE tilsyn FROM PUBLIC;
-- Then migrate as tilsyn_owner, and run this file as tilsyn_owner after every upgrade:
--     psql -v ON_ERROR_STOP=1 -v app_role=tilsyn_app -d tilsyn -U tilsyn_owner -f postgresql-roles.sql
-- It is idempotent: it first takes everything away from the app role, then grants what it needs.

REVOKE ALL ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM :"app_role";
GRANT USAGE ON SCHEMA public TO :"app_role";

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :"app_role";
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";

-- The schema version is read, never written: only the owner migrates.
REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM :"app_role";

-- The audit log, its head and the signatures: append-only. Column grants allow exactly what the
-- triggers allow (and the triggers check the rest):
--   audit_entry: the retention path clears `changes` and sets `redacted`, only for entries a hashed
--                `redact` entry at the head of the chain names;
--   audit_head:  moves forward to the newest entry;
--   signature:   voiding (voided_at, voided_by, void_reason), and DELETE only of signatures a
--                `redact` entry at the head names (retention removes what was signed with the record).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_head, signature FROM :"app_role";
GRANT UPDATE (changes, redacted) ON audit_entry TO :"app_role";
GRANT UPDATE (seq, hash) ON audit_head TO :"app_role";
GRANT UPDATE (voided_at, voided_by, void_reason) ON signature TO :"app_role";
GRANT DELETE ON signature TO :"app_role";

-- Tables a later migration creates get the ordinary data grants until this file runs again.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
