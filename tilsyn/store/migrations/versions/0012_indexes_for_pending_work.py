"""indexes for screens whose cost must not grow with history (issue 14)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

Indexes only, no data change:

- ``ix_episode_form_late`` (episode.form_id, late) replaces ``ix_episode_form_id``: the month
  overview counts a month's episodes and late episodes by form in one pass over those forms'
  episodes; with only ``(late, registered_at)`` SQLite read every late episode ever registered
  to find the few of one month.
- ``ix_supervision_visit_home_conducted`` (care_home_id, conducted_on): the planning list reads
  each home's latest held visit, not every visit held since the first programme.
- ``ix_supervision_visit_status_planned`` (status, planned_on): the planned visits, in date
  order, without reading the visits held.
- ``ix_force_reopen_request_state`` (state, decided_at): the dashboard's pending and recently
  refused reopen requests, without reading every request ever decided.
"""

from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

INDEXES = (
    ('ix_episode_form_late', 'episode', ['form_id', 'late']),
    ('ix_supervision_visit_home_conducted', 'supervision_visit', ['care_home_id', 'conducted_on']),
    ('ix_supervision_visit_status_planned', 'supervision_visit', ['status', 'planned_on']),
    ('ix_force_reopen_request_state', 'force_reopen_request', ['state', 'decided_at']),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    op.drop_index('ix_episode_form_id', table_name='episode')


def downgrade() -> None:
    op.create_index('ix_episode_form_id', 'episode', ['form_id'])
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
