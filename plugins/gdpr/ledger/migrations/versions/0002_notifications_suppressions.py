"""Notifications sent once (deadline alerts, Art. 19 notices) and the suppression list (Art. 21).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _ts() -> sa.types.TypeEngine:
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    op.create_table(
        "ledger_notifications",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("topic", sa.String(64), nullable=False),
        sa.Column("target", sa.String(64), nullable=False),
        sa.Column("occasion", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("recipient", sa.String(254), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("claimed_at", _ts(), nullable=False),
        sa.Column("sent_at", _ts(), nullable=True),
        sa.Column("detail", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_notifications"),
        sa.UniqueConstraint(
            "topic",
            "target",
            "occasion",
            "channel",
            "recipient",
            name="uq_ledger_notifications_topic",
        ),
    )
    op.create_index("ix_ledger_notifications_target", "ledger_notifications", ["target"])
    op.create_table(
        "ledger_suppressions",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("identity_hash", sa.String(64), nullable=False),
        sa.Column("scope", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("request_id", sa.String(32), nullable=True),
        sa.Column("created_at", _ts(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_suppressions"),
        sa.UniqueConstraint("identity_hash", "scope", name="uq_ledger_suppressions_identity_hash"),
    )


def downgrade() -> None:
    op.drop_table("ledger_suppressions")
    op.drop_index("ix_ledger_notifications_target", table_name="ledger_notifications")
    op.drop_table("ledger_notifications")
