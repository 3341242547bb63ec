"""use of force: section 1 as signed is kept with the form (issue 10)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

Signing section 2 now also signs section 1 (the resident and permit data): that data as it was at
the signature is stored with the form, printed once signed, and compared by ``tilsyn verify``.
The column is NULL on the forms that exist (their signatures were made by content version 1,
which did not cover section 1), so the audit log's fold of those rows still matches.
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('force_form') as batch:
        batch.add_column(sa.Column('section1_snapshot', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('force_form') as batch:
        batch.drop_column('section1_snapshot')
