"""indexes for the caseworker's inbox and dashboard (issue 14)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

Indexes only, no data change. Each keeps its name and gains columns, so the lists read their own
forms and signatures and nothing around them:

- ``ix_force_form_unprocessed`` (processed_at) becomes (processed_at, sent_at): the inbox's sent
  and unprocessed forms, without reading every unsent form of the running month on the way.
- ``ix_force_form_unsent`` (sent_at) becomes (sent_at, reopened_at): the inbox's forms reopened and
  not sent again, without reading every unsent form to find the few reopened ones.
- ``ix_signature_entity`` (entity_type, entity_id) becomes (entity_type, entity_id, voided_at,
  section): a form's valid signed sections from the index alone, without reading the signature
  rows (their content and hashes) of every form on a list.
"""

from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

# name, table, columns before, columns after
INDEXES = (
    ('ix_force_form_unprocessed', 'force_form', ['processed_at'], ['processed_at', 'sent_at']),
    ('ix_force_form_unsent', 'force_form', ['sent_at'], ['sent_at', 'reopened_at']),
    ('ix_signature_entity', 'signature', ['entity_type', 'entity_id'],
     ['entity_type', 'entity_id', 'voided_at', 'section']),
)


def upgrade() -> None:
    for name, table, _, after in INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, after)


def downgrade() -> None:
    for name, table, before, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
        op.create_index(name, table, before)
