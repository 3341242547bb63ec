"""supervision sampling, plans and visits (issue 13, first part)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Reserved in the chain so that work on several issues can proceed at once; a revision that needs
no schema change stays a no-op.
"""

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
