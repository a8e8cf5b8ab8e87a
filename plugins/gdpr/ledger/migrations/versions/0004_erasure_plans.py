"""Approved erasure plans: what the approver saw and approved, kept in the ledger so that an
erasure interrupted between systems is completed by a rerun exactly as approved (no second
approval, nothing added), and who approved it and when.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _ts() -> sa.types.TypeEngine:
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    op.create_table(
        "ledger_erasure_plans",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("plan_sha256", sa.String(64), nullable=False),
        sa.Column("batch_id", sa.String(64), nullable=False),
        sa.Column("request_ids", sa.JSON(none_as_null=True), nullable=False),
        sa.Column(
            "document",
            sa.Text().with_variant(mysql.LONGTEXT(), "mysql", "mariadb"),
            nullable=False,
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("approved_by", sa.String(255), nullable=True),
        sa.Column("approved_at", sa.String(64), nullable=True),
        sa.Column("recorded_at", _ts(), nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
        sa.Column("run_pk", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_erasure_plans"),
        sa.ForeignKeyConstraint(
            ["run_pk"], ["ledger_runs.pk"], name="fk_ledger_erasure_plans_run_pk"
        ),
        sa.UniqueConstraint("plan_sha256", name="uq_ledger_erasure_plans_plan_sha256"),
    )
    op.create_index("ix_ledger_erasure_plans_status", "ledger_erasure_plans", ["status"])


def downgrade() -> None:
    op.drop_index("ix_ledger_erasure_plans_status", table_name="ledger_erasure_plans")
    op.drop_table("ledger_erasure_plans")
