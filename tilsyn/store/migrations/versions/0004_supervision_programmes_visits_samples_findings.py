"""supervision: programmes, visits, samples, interviews, findings, consultation

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('supervision_programme',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('protocols', sa.Text(), nullable=False),
    sa.Column('theme_id', sa.String(length=60), nullable=False),
    sa.Column('sample_total', sa.Integer(), nullable=False),
    sa.Column('sample_min', sa.Integer(), nullable=False),
    sa.Column('sample_max', sa.Integer(), nullable=False),
    sa.Column('relatives_per_home', sa.Integer(), nullable=False),
    sa.Column('seed', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_programme')),
    sa.UniqueConstraint('year', name=op.f('uq_supervision_programme_year'))
    )
    op.create_table('supervision_visit',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('programme_id', sa.Uuid(), nullable=False),
    sa.Column('care_home_id', sa.Uuid(), nullable=False),
    sa.Column('planned_on', sa.Date(), nullable=False),
    sa.Column('conducted_on', sa.Date(), nullable=True),
    sa.Column('unannounced', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('result', sa.String(length=40), nullable=False),
    sa.Column('result_summary', sa.Text(), nullable=False),
    sa.Column('follow_up_of_id', sa.Uuid(), nullable=True),
    sa.Column('sample_size', sa.Integer(), nullable=True),
    sa.Column('relatives_size', sa.Integer(), nullable=True),
    sa.Column('finalised_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['care_home_id'], ['care_home.id'], name=op.f('fk_supervision_visit_care_home_id_care_home'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['follow_up_of_id'], ['supervision_visit.id'], name=op.f('fk_supervision_visit_follow_up_of_id_supervision_visit'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['supervision_programme.id'], name=op.f('fk_supervision_visit_programme_id_supervision_programme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_visit'))
    )
    with op.batch_alter_table('supervision_visit', schema=None) as batch_op:
        batch_op.create_index('ix_supervision_visit_home_status', ['care_home_id', 'status'], unique=False)
        batch_op.create_index('ix_supervision_visit_programme', ['programme_id'], unique=False)

    op.create_table('action_item',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['supervision_visit.id'], name=op.f('fk_action_item_visit_id_supervision_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_item'))
    )
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_item_visit_id'), ['visit_id'], unique=False)

    op.create_table('consultation',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_by', sa.String(length=260), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('reply_text', sa.Text(), nullable=False),
    sa.Column('replied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('replied_by', sa.String(length=260), nullable=False),
    sa.Column('replied_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['replied_by_user_id'], ['user_account.id'], name=op.f('fk_consultation_replied_by_user_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visit_id'], ['supervision_visit.id'], name=op.f('fk_consultation_visit_id_supervision_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultation'))
    )
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_visit_id'), ['visit_id'], unique=False)

    op.create_table('goal_finding',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('goal_id', sa.String(length=60), nullable=False),
    sa.Column('rating', sa.String(length=40), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['supervision_visit.id'], name=op.f('fk_goal_finding_visit_id_supervision_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_finding')),
    sa.UniqueConstraint('visit_id', 'goal_id', name='uq_goal_finding_visit_goal')
    )
    op.create_table('sample_draw',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('seed', sa.String(length=40), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('frame_rules', sa.Text(), nullable=False),
    sa.Column('frame_snapshot', sa.Text(), nullable=False),
    sa.Column('exclusions', sa.Text(), nullable=False),
    sa.Column('drawn_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('drawn_by', sa.String(length=260), nullable=False),
    sa.Column('superseded_by_id', sa.Uuid(), nullable=True),
    sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('redraw_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['superseded_by_id'], ['sample_draw.id'], name=op.f('fk_sample_draw_superseded_by_id_sample_draw'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visit_id'], ['supervision_visit.id'], name=op.f('fk_sample_draw_visit_id_supervision_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sample_draw'))
    )
    with op.batch_alter_table('sample_draw', schema=None) as batch_op:
        batch_op.create_index('ix_sample_draw_visit_kind', ['visit_id', 'kind'], unique=False)

    op.create_table('visit_consultant',
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_visit_consultant_user_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['supervision_visit.id'], name=op.f('fk_visit_consultant_visit_id_supervision_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('visit_id', 'user_id', name=op.f('pk_visit_consultant'))
    )
    op.create_table('visit_statement',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['supervision_visit.id'], name=op.f('fk_visit_statement_visit_id_supervision_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_statement'))
    )
    with op.batch_alter_table('visit_statement', schema=None) as batch_op:
        batch_op.create_index('ix_visit_statement_visit', ['visit_id', 'kind', 'position'], unique=False)

    op.create_table('sample_member',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('draw_id', sa.Uuid(), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('reason_code', sa.String(length=30), nullable=False),
    sa.Column('reason_note', sa.Text(), nullable=False),
    sa.Column('respondent_code', sa.String(length=8), nullable=False),
    sa.Column('replaces_id', sa.Uuid(), nullable=True),
    sa.Column('relative_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['draw_id'], ['sample_draw.id'], name=op.f('fk_sample_member_draw_id_sample_draw'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['relative_id'], ['relative.id'], name=op.f('fk_sample_member_relative_id_relative'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['replaces_id'], ['sample_member.id'], name=op.f('fk_sample_member_replaces_id_sample_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_sample_member_resident_id_resident'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sample_member')),
    sa.UniqueConstraint('draw_id', 'rank', name='uq_sample_member_draw_rank')
    )
    with op.batch_alter_table('sample_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sample_member_resident_id'), ['resident_id'], unique=False)

    op.create_table('interview',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('protocol_id', sa.String(length=60), nullable=False),
    sa.Column('protocol_version', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.String(length=60), nullable=False),
    sa.Column('respondent_code', sa.String(length=8), nullable=False),
    sa.Column('consent', sa.Boolean(), nullable=True),
    sa.Column('consent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('consent_note', sa.Text(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['sample_member.id'], name=op.f('fk_interview_member_id_sample_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visit_id'], ['supervision_visit.id'], name=op.f('fk_interview_visit_id_supervision_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview')),
    sa.UniqueConstraint('visit_id', 'respondent_code', name='uq_interview_visit_code')
    )
    op.create_table('interview_answer',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('interview_id', sa.Uuid(), nullable=False),
    sa.Column('question_id', sa.String(length=60), nullable=False),
    sa.Column('item_id', sa.String(length=60), nullable=False),
    sa.Column('option_code', sa.String(length=40), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('satisfied', sa.Boolean(), nullable=True),
    sa.Column('free_text', sa.Text(), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['interview_id'], ['interview.id'], name=op.f('fk_interview_answer_interview_id_interview'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_answer')),
    sa.UniqueConstraint('interview_id', 'question_id', 'item_id', name='uq_interview_answer_slot')
    )


def downgrade() -> None:
    op.drop_table('interview_answer')
    op.drop_table('interview')
    with op.batch_alter_table('sample_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sample_member_resident_id'))

    op.drop_table('sample_member')
    with op.batch_alter_table('visit_statement', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_statement_visit')

    op.drop_table('visit_statement')
    op.drop_table('visit_consultant')
    with op.batch_alter_table('sample_draw', schema=None) as batch_op:
        batch_op.drop_index('ix_sample_draw_visit_kind')

    op.drop_table('sample_draw')
    op.drop_table('goal_finding')
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_visit_id'))

    op.drop_table('consultation')
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_item_visit_id'))

    op.drop_table('action_item')
    with op.batch_alter_table('supervision_visit', schema=None) as batch_op:
        batch_op.drop_index('ix_supervision_visit_programme')
        batch_op.drop_index('ix_supervision_visit_home_status')

    op.drop_table('supervision_visit')
    op.drop_table('supervision_programme')
