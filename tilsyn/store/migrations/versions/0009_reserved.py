"""monthly form reopening and requests (issue 12)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

Reserved in the chain so that work on several issues can proceed at once; a revision that needs
no schema change stays a no-op.
"""

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
