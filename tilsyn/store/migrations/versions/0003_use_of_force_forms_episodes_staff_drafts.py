"""use of force: forms, episodes, staff, drafts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('draft',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_key', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft'))
    )
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.create_index('uq_draft_user_kind', ['user_key', 'kind'], unique=True)

    op.create_table('force_form',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('resident_id', sa.Uuid(), nullable=False),
    sa.Column('care_home_id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('template_version', sa.String(length=40), nullable=False),
    sa.Column('catalogue_version', sa.String(length=20), nullable=False),
    sa.Column('not_covered_reason', sa.String(length=40), nullable=False),
    sa.Column('necessity', sa.Text(), nullable=False),
    sa.Column('reflection', sa.Text(), nullable=False),
    sa.Column('action_plan_updated', sa.Text(), nullable=False),
    sa.Column('discussed_in_staff_group', sa.Boolean(), nullable=True),
    sa.Column('discussed_when', sa.Text(), nullable=False),
    sa.Column('discussion_plans', sa.Text(), nullable=False),
    sa.Column('action_plan_exists', sa.Boolean(), nullable=True),
    sa.Column('other', sa.Text(), nullable=False),
    sa.Column('leader_name', sa.String(length=200), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=True),
    sa.Column('followup_remarks', sa.Text(), nullable=False),
    sa.Column('residence_municipality_informed', sa.Boolean(), nullable=True),
    sa.Column('acting_municipality_informed', sa.Boolean(), nullable=True),
    sa.Column('processed_by_name', sa.String(length=200), nullable=False),
    sa.Column('processed_by_position', sa.String(length=200), nullable=False),
    sa.Column('processed_by_municipality', sa.String(length=200), nullable=False),
    sa.Column('processed_on', sa.Date(), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('returned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('return_comment', sa.Text(), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['care_home_id'], ['care_home.id'], name=op.f('fk_force_form_care_home_id_care_home')),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_force_form_resident_id_resident'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_force_form'))
    )
    with op.batch_alter_table('force_form', schema=None) as batch_op:
        batch_op.create_index('ix_force_form_home', ['care_home_id', 'year', 'month'], unique=False)
        batch_op.create_index('ix_force_form_period', ['year', 'month'], unique=False)
        batch_op.create_index('ix_force_form_unprocessed', ['processed_at'], unique=False)
        batch_op.create_index('ix_force_form_unsent', ['sent_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_force_form_resident_id'), ['resident_id'], unique=False)
        batch_op.create_index('uq_force_form_monthly', ['resident_id', 'year', 'month'], unique=True, sqlite_where=sa.text("kind = 'monthly'"), postgresql_where=sa.text("kind = 'monthly'"))

    op.create_table('episode',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('resident_id', sa.Uuid(), nullable=False),
    sa.Column('form_id', sa.Uuid(), nullable=False),
    sa.Column('catalogue_version', sa.String(length=20), nullable=False),
    sa.Column('force_type', sa.String(length=40), nullable=False),
    sa.Column('situation', sa.String(length=40), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('location', sa.Text(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('avoidance', sa.Text(), nullable=False),
    sa.Column('least_intrusive', sa.Text(), nullable=False),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('registered_by', sa.Uuid(), nullable=True),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('late_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['form_id'], ['force_form.id'], name=op.f('fk_episode_form_id_force_form'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registered_by'], ['user_account.id'], name=op.f('fk_episode_registered_by_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_episode_resident_id_resident'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_episode'))
    )
    with op.batch_alter_table('episode', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_episode_form_id'), ['form_id'], unique=False)
        batch_op.create_index('ix_episode_late', ['late', 'registered_at'], unique=False)
        batch_op.create_index('ix_episode_resident_time', ['resident_id', 'started_at'], unique=False)

    op.create_table('episode_staff',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('episode_id', sa.Uuid(), nullable=False),
    sa.Column('position_no', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('workplace', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('is_writer', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['episode_id'], ['episode.id'], name=op.f('fk_episode_staff_episode_id_episode'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_episode_staff'))
    )
    with op.batch_alter_table('episode_staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_episode_staff_episode_id'), ['episode_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('episode_staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_episode_staff_episode_id'))

    op.drop_table('episode_staff')
    with op.batch_alter_table('episode', schema=None) as batch_op:
        batch_op.drop_index('ix_episode_resident_time')
        batch_op.drop_index('ix_episode_late')
        batch_op.drop_index(batch_op.f('ix_episode_form_id'))

    op.drop_table('episode')
    with op.batch_alter_table('force_form', schema=None) as batch_op:
        batch_op.drop_index('uq_force_form_monthly', sqlite_where=sa.text("kind = 'monthly'"), postgresql_where=sa.text("kind = 'monthly'"))
        batch_op.drop_index(batch_op.f('ix_force_form_resident_id'))
        batch_op.drop_index('ix_force_form_unsent')
        batch_op.drop_index('ix_force_form_unprocessed')
        batch_op.drop_index('ix_force_form_period')
        batch_op.drop_index('ix_force_form_home')

    op.drop_table('force_form')
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.drop_index('uq_draft_user_kind')

    op.drop_table('draft')
