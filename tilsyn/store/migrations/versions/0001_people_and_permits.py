"""people and permits

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('municipality',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_municipality')),
    sa.UniqueConstraint('name', name=op.f('uq_municipality_name'))
    )
    op.create_table('care_home',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('municipality_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('postal_code', sa.String(length=4), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_care_home_municipality_id_municipality')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_home')),
    sa.UniqueConstraint('name', name=op.f('uq_care_home_name'))
    )
    op.create_table('unit',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('care_home_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['care_home_id'], ['care_home.id'], name=op.f('fk_unit_care_home_id_care_home'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit')),
    sa.UniqueConstraint('care_home_id', 'name', name='uq_unit_home_name')
    )
    op.create_table('resident',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('cpr', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('postal_code', sa.String(length=4), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('care_home_id', sa.Uuid(), nullable=False),
    sa.Column('unit_id', sa.Uuid(), nullable=True),
    sa.Column('room', sa.String(length=20), nullable=False),
    sa.Column('move_in', sa.Date(), nullable=True),
    sa.Column('move_out', sa.Date(), nullable=True),
    sa.Column('acting_municipality', sa.String(length=100), nullable=False),
    sa.Column('residence_municipality', sa.String(length=100), nullable=False),
    sa.Column('contact_person', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['care_home_id'], ['care_home.id'], name=op.f('fk_resident_care_home_id_care_home')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_resident_unit_id_unit'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resident')),
    sa.UniqueConstraint('cpr', name=op.f('uq_resident_cpr'))
    )
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.create_index('ix_resident_home_name', ['care_home_id', 'name'], unique=False)
        batch_op.create_index('ix_resident_name', ['name'], unique=False)

    op.create_table('permit',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('resident_id', sa.Uuid(), nullable=False),
    sa.Column('prerequisites', sa.Text(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=False),
    sa.Column('decision_reference', sa.String(length=100), nullable=False),
    sa.Column('catalogue_version', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_permit_resident_id_resident'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit'))
    )
    with op.batch_alter_table('permit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_permit_resident_id'), ['resident_id'], unique=False)
        batch_op.create_index('ix_permit_valid_to', ['valid_to'], unique=False)

    op.create_table('relative',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('resident_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('relation', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_relative_resident_id_resident'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relative'))
    )
    with op.batch_alter_table('relative', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relative_resident_id'), ['resident_id'], unique=False)

    op.create_table('permit_force_type',
    sa.Column('permit_id', sa.Uuid(), nullable=False),
    sa.Column('type_code', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['permit_id'], ['permit.id'], name=op.f('fk_permit_force_type_permit_id_permit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('permit_id', 'type_code', name=op.f('pk_permit_force_type'))
    )


def downgrade() -> None:
    op.drop_table('permit_force_type')
    with op.batch_alter_table('relative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relative_resident_id'))

    op.drop_table('relative')
    with op.batch_alter_table('permit', schema=None) as batch_op:
        batch_op.drop_index('ix_permit_valid_to')
        batch_op.drop_index(batch_op.f('ix_permit_resident_id'))

    op.drop_table('permit')
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.drop_index('ix_resident_name')
        batch_op.drop_index('ix_resident_home_name')

    op.drop_table('resident')
    op.drop_table('unit')
    op.drop_table('care_home')
    op.drop_table('municipality')
