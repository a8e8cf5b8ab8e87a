"""Requests, breaches, request events and sent notifications join the evidence chain; a
request's identity becomes erasable.

The ledger now appends a chained snapshot (``gdpr.ledger.snapshots``) with every write of these
tables; this revision adopts the rows written before it, one snapshot each in id order, so
``gdpr ledger verify`` has something to compare them with from now on (what was changed before
the upgrade cannot be told, and the adoption says when it happened). ``subject_email`` of a
request may now be NULL: cleared once the request has been closed for ``ledger.proof_period``.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from gdpr.ledger import schema
from gdpr.ledger.chain import row_hash
from gdpr.ledger.clock import utc_now
from gdpr.ledger.snapshots import (
    BREACH_RECORD,
    EVENT_RECORD,
    NOTIFICATION_SENT,
    REQUEST_RECORD,
    breach_snapshot,
    event_snapshot,
    notification_snapshot,
    request_snapshot,
)

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ledger_requests") as batch:
        batch.alter_column("subject_email", existing_type=sa.String(254), nullable=True)
    _adopt(op.get_bind())


def _adopt(conn: sa.Connection) -> None:
    req, ev, br, note = (
        schema.requests,
        schema.request_events,
        schema.breaches,
        schema.notifications,
    )
    snapshots: list[tuple[str, dict]] = []
    ids = dict(conn.execute(sa.select(req.c.pk, req.c.request_id)).all())
    for row in conn.execute(_existing(conn, req).order_by(req.c.pk)):
        snapshots.append((REQUEST_RECORD, request_snapshot(row, None)))
    for row in conn.execute(_existing(conn, ev).order_by(ev.c.id)):
        snapshots.append((EVENT_RECORD, event_snapshot(ids[row.request_pk], row)))
    for row in conn.execute(_existing(conn, br).order_by(br.c.pk)):
        snapshots.append((BREACH_RECORD, breach_snapshot(row)))
    query = _existing(conn, note).where(note.c.status == "sent").order_by(note.c.id)
    for row in conn.execute(query):
        snapshots.append((NOTIFICATION_SENT, notification_snapshot(row, None)))
    if not snapshots:
        return
    head = conn.execute(sa.select(schema.head).where(schema.head.c.id == 1)).one()
    count, last, at = head.count, head.last_hash, utc_now()
    rows = []
    for action, detail in snapshots:
        count += 1
        content = {
            "id": count,
            "at": at,
            "action": action,
            "system": None,
            "dataset": None,
            "rule": None,
            "citation": None,
            "count": 1,
            "keys_sha256": None,
            "detail": detail,
            "run_pk": None,
            "request_id": None,
        }
        hashed = row_hash(last, content)
        rows.append({**content, "prev_hash": last, "row_hash": hashed})
        last = hashed
    for start in range(0, len(rows), 1000):
        conn.execute(sa.insert(schema.evidence), rows[start : start + 1000])
    conn.execute(
        sa.update(schema.head)
        .where(schema.head.c.id == 1)
        .values(count=count, last_hash=last, updated_at=at)
    )


def _existing(conn: sa.Connection, table: sa.Table) -> sa.Select:
    """Select the columns the database has at this revision: the live schema may name columns
    a later revision adds (e.g. 0007's on breaches)."""
    present = {column["name"] for column in sa.inspect(conn).get_columns(table.name)}
    return sa.select(*[column for column in table.c if column.name in present])


def downgrade() -> None:
    with op.batch_alter_table("ledger_requests") as batch:
        batch.alter_column("subject_email", existing_type=sa.String(254), nullable=False)
