"""sites, keys and exchange files (issue 11, first part)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

Reserved in the chain so that work on several issues can proceed at once; a revision that needs
no schema change stays a no-op.
"""

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
