"""monthly form reopening and staff requests to reopen (issue 12)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

A change to a sent or processed form reopens it with a reason: ``force_form.reopened_at`` and
``reopen_reason`` hold the latest reopening, ``force_form_version`` the version the municipality
had (its report data frozen as JSON, printable as it was). ``force_reopen_request`` keeps a staff
member's late-found episode on a month the leader has signed until the leader decides.

Schema only: the new columns are NULL on the forms that exist and the tables start empty, so the
audit log's fold of the existing rows still matches (no data is written here).
"""

from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('force_form') as batch:
        batch.add_column(sa.Column('reopened_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('reopen_reason', sa.Text(), nullable=True))
    op.create_table(
        'force_form_version',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('form_id', sa.Uuid(), nullable=False),
        sa.Column('state', sa.String(length=20), nullable=False),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('reopened_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('reopened_by', sa.String(length=300), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('voided_sections', sa.String(length=40), nullable=False),
        sa.Column('report', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['form_id'], ['force_form.id'], name=op.f('fk_force_form_version_form_id_force_form'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_force_form_version')),
    )
    op.create_index('ix_force_form_version_form', 'force_form_version', ['form_id', 'reopened_at'])
    op.create_table(
        'force_reopen_request',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('form_id', sa.Uuid(), nullable=False),
        sa.Column('care_home_id', sa.Uuid(), nullable=False),
        sa.Column('state', sa.String(length=20), nullable=False),
        sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('requested_by', sa.Uuid(), nullable=True),
        sa.Column('requested_by_name', sa.String(length=300), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('episode', sa.Text(), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decided_by_name', sa.String(length=300), nullable=False),
        sa.Column('decision_reason', sa.Text(), nullable=False),
        sa.Column('episode_id', sa.Uuid(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['form_id'], ['force_form.id'],
                                name=op.f('fk_force_reopen_request_form_id_force_form'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['care_home_id'], ['care_home.id'],
                                name=op.f('fk_force_reopen_request_care_home_id_care_home')),
        sa.ForeignKeyConstraint(['requested_by'], ['user_account.id'],
                                name=op.f('fk_force_reopen_request_requested_by_user_account'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['episode_id'], ['episode.id'],
                                name=op.f('fk_force_reopen_request_episode_id_episode'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_force_reopen_request')),
    )
    op.create_index('ix_force_reopen_request_form', 'force_reopen_request', ['form_id', 'state'])


def downgrade() -> None:
    op.drop_index('ix_force_reopen_request_form', table_name='force_reopen_request')
    op.drop_table('force_reopen_request')
    op.drop_index('ix_force_form_version_form', table_name='force_form_version')
    op.drop_table('force_form_version')
    with op.batch_alter_table('force_form') as batch:
        batch.drop_column('reopen_reason')
        batch.drop_column('reopened_at')
