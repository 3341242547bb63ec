"""record ownership, sync state and conflicts (issue 11, second part)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

Reserved in the chain so that work on several issues can proceed at once; a revision that needs
no schema change stays a no-op.
"""

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
