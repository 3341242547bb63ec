"""record sync state, conflicts and other sites' audit chains (issue 11, second part)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

New tables only: a database that is no site never writes to them and works as before.
``foreign_audit_entry`` is append-only like the local chain (triggers below).
"""

from alembic import op
import sqlalchemy as sa

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_known',
        sa.Column('peer_site_id', sa.Uuid(), nullable=False),
        sa.Column('record_type', sa.String(length=40), nullable=False),
        sa.Column('record_id', sa.String(length=120), nullable=False),
        sa.Column('version', sa.String(length=64), nullable=True),
        sa.Column('pending_version', sa.String(length=64), nullable=True),
        sa.Column('pending_seq', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['peer_site_id'], ['peer_site.id'], name=op.f('fk_sync_known_peer_site_id_peer_site'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('peer_site_id', 'record_type', 'record_id', name=op.f('pk_sync_known')),
    )
    op.create_table(
        'sync_conflict',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('peer_site_id', sa.Uuid(), nullable=False),
        sa.Column('record_type', sa.String(length=40), nullable=False),
        sa.Column('record_id', sa.String(length=120), nullable=False),
        sa.Column('local_version', sa.String(length=64), nullable=False),
        sa.Column('incoming_version', sa.String(length=64), nullable=False),
        sa.Column('base_version', sa.String(length=64), nullable=True),
        sa.Column('local_content', sa.Text(), nullable=False),
        sa.Column('incoming_content', sa.Text(), nullable=False),
        sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('resolved_by', sa.String(length=260), nullable=False),
        sa.Column('choice', sa.String(length=10), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['peer_site_id'], ['peer_site.id'],
                                name=op.f('fk_sync_conflict_peer_site_id_peer_site'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict')),
    )
    op.create_index('ix_sync_conflict_record', 'sync_conflict', ['record_type', 'record_id'])
    op.create_table(
        'foreign_audit_entry',
        sa.Column('origin_site_id', sa.Uuid(), nullable=False),
        sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('actor_id', sa.String(length=36), nullable=True),
        sa.Column('actor_name', sa.String(length=260), nullable=False),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('entity_type', sa.String(length=40), nullable=False),
        sa.Column('entity_id', sa.String(length=36), nullable=True),
        sa.Column('changes', sa.Text(), nullable=True),
        sa.Column('changes_digest', sa.String(length=64), nullable=False),
        sa.Column('redacted', sa.Boolean(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('prev_hash', sa.String(length=64), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('origin_site_id', 'seq', name=op.f('pk_foreign_audit_entry')),
    )
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        op.execute("CREATE TRIGGER foreign_audit_no_update BEFORE UPDATE ON foreign_audit_entry "
                   "BEGIN SELECT RAISE(ABORT, 'foreign_audit_entry is append-only'); END")
        op.execute("CREATE TRIGGER foreign_audit_no_delete BEFORE DELETE ON foreign_audit_entry "
                   "BEGIN SELECT RAISE(ABORT, 'foreign_audit_entry is append-only'); END")
    elif bind.dialect.name == 'postgresql':
        op.execute("CREATE FUNCTION foreign_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "BEGIN RAISE EXCEPTION 'foreign_audit_entry is append-only'; END $$")
        op.execute("CREATE TRIGGER foreign_audit_append_only BEFORE UPDATE OR DELETE ON foreign_audit_entry "
                   "FOR EACH ROW EXECUTE FUNCTION foreign_audit_append_only()")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        op.execute("DROP TRIGGER IF EXISTS foreign_audit_no_update")
        op.execute("DROP TRIGGER IF EXISTS foreign_audit_no_delete")
    elif bind.dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS foreign_audit_append_only ON foreign_audit_entry")
        op.execute("DROP FUNCTION IF EXISTS foreign_audit_append_only()")
    op.drop_table('foreign_audit_entry')
    op.drop_index('ix_sync_conflict_record', table_name='sync_conflict')
    op.drop_table('sync_conflict')
    op.drop_table('sync_known')
