"""supervision: consultation replies as a thread, installed protocols and scales, free text for
the report, action plan authors and comments, scores with decimals (issue 13, second part)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

- ``consultation_reply``: every reply of the leader is kept (before, a second reply replaced the
  first). Each existing reply (``consultation.reply_text`` ...) is copied into the thread and
  logged as a create in the audit chain, so ``tilsyn verify`` still folds the log to the data;
  the old columns go.
- ``installed_definition``: protocols and scales a municipality installs (``tilsyn protocols add``).
- ``interview_answer.in_report``: the consultant marks a free-text answer for the report (NULL on
  old rows: not marked). ``interview_answer.score`` becomes a float (66.67); old whole numbers
  keep their value.
- ``action_item.written_by_side`` / ``written_by`` (NULL on old rows) and ``action_item_comment``.
"""

import datetime as dt
import uuid

from alembic import op
import sqlalchemy as sa

from tilsyn.store.types import UtcDateTime

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

ACTOR = "Migrering 0007 (høringssvar flyttet til tråden)"


def _consultation(with_replies: bool = True):
    cols = [sa.column("id", sa.Uuid()), sa.column("created_at", UtcDateTime())]
    if with_replies:
        cols += [sa.column("reply_text", sa.Text()), sa.column("replied_at", UtcDateTime()),
                 sa.column("replied_by", sa.String(260)), sa.column("replied_by_user_id", sa.Uuid())]
    return sa.table("consultation", *cols)


REPLY = sa.table(
    "consultation_reply",
    sa.column("id", sa.Uuid()), sa.column("consultation_id", sa.Uuid()), sa.column("position", sa.Integer()),
    sa.column("text", sa.Text()),
    sa.column("replied_at", UtcDateTime()), sa.column("replied_by", sa.String(260)),
    sa.column("replied_by_user_id", sa.Uuid()), sa.column("created_at", UtcDateTime()),
    sa.column("updated_at", UtcDateTime()),
)


def _iso(value):
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def upgrade() -> None:
    op.create_table('consultation_reply',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('consultation_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('replied_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('replied_by', sa.String(length=260), nullable=False),
    sa.Column('replied_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], name=op.f('fk_consultation_reply_consultation_id_consultation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['replied_by_user_id'], ['user_account.id'], name=op.f('fk_consultation_reply_replied_by_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultation_reply'))
    )
    with op.batch_alter_table('consultation_reply', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_reply_consultation_id'), ['consultation_id'], unique=False)

    op.create_table('installed_definition',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('item_id', sa.String(length=60), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('installed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('installed_by', sa.String(length=260), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_installed_definition')),
    sa.UniqueConstraint('kind', 'item_id', 'version', name='uq_installed_definition')
    )

    op.create_table('action_item_comment',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('action_item_id', sa.Uuid(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('written_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('written_by', sa.String(length=260), nullable=False),
    sa.Column('written_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['action_item_id'], ['action_item.id'], name=op.f('fk_action_item_comment_action_item_id_action_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['written_by_user_id'], ['user_account.id'], name=op.f('fk_action_item_comment_written_by_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_item_comment'))
    )
    with op.batch_alter_table('action_item_comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_item_comment_action_item_id'), ['action_item_id'], unique=False)

    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('written_by_side', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('written_by', sa.String(length=260), nullable=True))

    with op.batch_alter_table('interview_answer', schema=None) as batch_op:
        batch_op.alter_column('score', existing_type=sa.Integer(), type_=sa.Float(), existing_nullable=True)
        batch_op.add_column(sa.Column('in_report', sa.Boolean(), nullable=True))

    # Read the replies before the columns go, write them after: on SQLite the batch recreates
    # ``consultation`` (DROP TABLE), which would cascade to thread rows written before it.
    replies = _old_replies()
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.drop_constraint('fk_consultation_replied_by_user_id_user_account', type_='foreignkey')
        batch_op.drop_column('replied_by_user_id')
        batch_op.drop_column('replied_by')
        batch_op.drop_column('replied_at')
        batch_op.drop_column('reply_text')
    _copy_replies(replies)


def _old_replies() -> list:
    c = _consultation()
    return list(op.get_bind().execute(sa.select(c).where(c.c.replied_at.is_not(None))).all())


def _copy_replies(rows) -> None:
    """Every stored reply becomes the first entry of its consultation's thread, audited."""
    from tilsyn.store import audit

    conn = op.get_bind()
    if not rows:
        return
    events = []
    for row in rows:
        values = {
            "id": uuid.uuid4(), "consultation_id": row.id, "position": 0, "text": row.reply_text or "",
            "replied_at": row.replied_at, "replied_by": row.replied_by or "",
            "replied_by_user_id": row.replied_by_user_id, "created_at": row.replied_at,
            "updated_at": row.replied_at,
        }
        conn.execute(sa.insert(REPLY).values(**values))
        changes = {k: [None, _iso(v)] for k, v in values.items() if v is not None}
        events.append(audit.Event("create", "consultation_reply", str(values["id"]), changes,
                                  "Høringssvaret er flyttet til svartråden (migrering 0007)"))
    audit.append(_OnConnection(conn), events)


class _OnConnection:
    """What audit.append needs of a session, on the migration's own connection (an ORM Session
    bound to it would roll the migration's transaction back when it is closed)."""

    def __init__(self, conn) -> None:
        self._conn = conn
        self.info = {"audit_actor": (None, ACTOR)}

    def connection(self):
        return self._conn


def downgrade() -> None:
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_text', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('replied_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('replied_by', sa.String(length=260), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('replied_by_user_id', sa.Uuid(), nullable=True))
        batch_op.create_foreign_key('fk_consultation_replied_by_user_id_user_account', 'user_account',
                                    ['replied_by_user_id'], ['id'], ondelete='SET NULL')
    # The newest reply of each thread goes back into the consultation's columns.
    conn = op.get_bind()
    c = _consultation()
    latest = {}
    for r in conn.execute(sa.select(REPLY).order_by(REPLY.c.replied_at, REPLY.c.position)).all():
        latest[r.consultation_id] = r
    for cid, r in latest.items():
        conn.execute(sa.update(c).where(c.c.id == cid).values(
            reply_text=r.text, replied_at=r.replied_at, replied_by=r.replied_by,
            replied_by_user_id=r.replied_by_user_id))

    with op.batch_alter_table('interview_answer', schema=None) as batch_op:
        batch_op.drop_column('in_report')
        batch_op.alter_column('score', existing_type=sa.Float(), type_=sa.Integer(), existing_nullable=True)
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.drop_column('written_by')
        batch_op.drop_column('written_by_side')
    with op.batch_alter_table('action_item_comment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_item_comment_action_item_id'))
    op.drop_table('action_item_comment')
    op.drop_table('installed_definition')
    with op.batch_alter_table('consultation_reply', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_reply_consultation_id'))
    op.drop_table('consultation_reply')
