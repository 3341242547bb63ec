"""supervision scales, protocols and consultation (issue 13, second part)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Reserved in the chain so that work on several issues can proceed at once; a revision that needs
no schema change stays a no-op.
"""

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
