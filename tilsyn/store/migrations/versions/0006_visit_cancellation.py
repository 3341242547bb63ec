"""supervision: a planned visit can be cancelled with a reason (issue 13)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Both columns are NULL on the visits that exist, so the audit log's fold of those rows (which
never logged them) still matches.
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('supervision_visit') as batch:
        batch.add_column(sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('cancel_reason', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('supervision_visit') as batch:
        batch.drop_column('cancel_reason')
        batch.drop_column('cancelled_at')
