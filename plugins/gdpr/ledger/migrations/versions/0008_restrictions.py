"""Restriction of processing (Art. 18) by record, for every dataset: the records a restriction
request covers, marked by the dataset's flag or, where it has none, by this table alone.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _ts() -> sa.types.TypeEngine:
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    op.create_table(
        "ledger_restrictions",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("request_id", sa.String(32), nullable=False),
        sa.Column("dataset", sa.String(255), nullable=False),
        sa.Column("record_key", sa.JSON(none_as_null=True), nullable=False),
        sa.Column("how", sa.String(16), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("lifted_at", _ts(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_restrictions"),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["ledger_requests.request_id"],
            name="fk_ledger_restrictions_request_id",
        ),
    )
    op.create_index("ix_ledger_restrictions_request_id", "ledger_restrictions", ["request_id"])
    op.create_index("ix_ledger_restrictions_lifted_at", "ledger_restrictions", ["lifted_at"])


def downgrade() -> None:
    op.drop_index("ix_ledger_restrictions_lifted_at", "ledger_restrictions")
    op.drop_index("ix_ledger_restrictions_request_id", "ledger_restrictions")
    op.drop_table("ledger_restrictions")
