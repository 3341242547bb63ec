"""sites, keys and exchange files (issue 11, first part)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

New tables only: a database upgraded to 0010 has no ``this_site`` row, is no site, and works
exactly as before. ``site_secret`` holds the private keys and is never audited.
"""

from alembic import op
import sqlalchemy as sa

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'this_site',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('singleton', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('sign_public', sa.String(length=64), nullable=False),
        sa.Column('box_public', sa.String(length=64), nullable=False),
        sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('singleton = 1', name=op.f('ck_this_site_one_row')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_this_site')),
        sa.UniqueConstraint('singleton', name=op.f('uq_this_site_singleton')),
    )
    op.create_table(
        'site_secret',
        sa.Column('site_id', sa.Uuid(), nullable=False),
        sa.Column('sign_secret', sa.String(length=64), nullable=False),
        sa.Column('box_secret', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['site_id'], ['this_site.id'], name=op.f('fk_site_secret_site_id_this_site'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('site_id', name=op.f('pk_site_secret')),
    )
    op.create_table(
        'peer_site',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('sign_public', sa.String(length=64), nullable=False),
        sa.Column('box_public', sa.String(length=64), nullable=False),
        sa.Column('care_home_ids', sa.Text(), nullable=False),
        sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('revoke_reason', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_peer_site')),
        sa.UniqueConstraint('name', name=op.f('uq_peer_site_name')),
    )
    op.create_table(
        'exchange_state',
        sa.Column('peer_site_id', sa.Uuid(), nullable=False),
        sa.Column('last_sent_seq', sa.Integer(), nullable=False),
        sa.Column('last_sent_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_acked_seq', sa.Integer(), nullable=False),
        sa.Column('last_acked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_received_seq', sa.Integer(), nullable=False),
        sa.Column('last_received_sha256', sa.String(length=64), nullable=True),
        sa.Column('last_received_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['peer_site_id'], ['peer_site.id'],
                                name=op.f('fk_exchange_state_peer_site_id_peer_site'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('peer_site_id', name=op.f('pk_exchange_state')),
    )
    op.create_table(
        'exchange_sent',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('peer_site_id', sa.Uuid(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('base_seq', sa.Integer(), nullable=False),
        sa.Column('payload_sha256', sa.String(length=64), nullable=False),
        sa.Column('audit_seq', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['peer_site_id'], ['peer_site.id'],
                                name=op.f('fk_exchange_sent_peer_site_id_peer_site'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_sent')),
    )
    op.create_index('ix_exchange_sent_peer_seq', 'exchange_sent', ['peer_site_id', 'seq'])
    op.create_table(
        'exchange_receipt',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('peer_site_id', sa.Uuid(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('payload_sha256', sa.String(length=64), nullable=False),
        sa.Column('file_id', sa.Uuid(), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('sender_head_seq', sa.Integer(), nullable=True),
        sa.Column('sender_head_hash', sa.String(length=64), nullable=True),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['peer_site_id'], ['peer_site.id'],
                                name=op.f('fk_exchange_receipt_peer_site_id_peer_site'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_receipt')),
        sa.UniqueConstraint('peer_site_id', 'seq', name='uq_exchange_receipt_peer_seq'),
    )


def downgrade() -> None:
    op.drop_table('exchange_receipt')
    op.drop_index('ix_exchange_sent_peer_seq', table_name='exchange_sent')
    op.drop_table('exchange_sent')
    op.drop_table('exchange_state')
    op.drop_table('peer_site')
    op.drop_table('site_secret')
    op.drop_table('this_site')
