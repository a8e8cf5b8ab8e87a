"""Legal holds as a product feature: an optional end date, who placed and lifted them, and why
they were lifted (the lift is recorded, never deleted; the evidence chain has a row for each).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _ts() -> sa.types.TypeEngine:
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


_COLUMNS = ("until", "ends_at", "placed_by", "lifted_by", "lift_reason")


def upgrade() -> None:
    # one ADD COLUMN per statement: SQLite takes them outside a table rebuild
    op.add_column("ledger_legal_holds", sa.Column("until", sa.Date, nullable=True))
    op.add_column("ledger_legal_holds", sa.Column("ends_at", _ts(), nullable=True))
    op.add_column("ledger_legal_holds", sa.Column("placed_by", sa.String(255), nullable=True))
    op.add_column("ledger_legal_holds", sa.Column("lifted_by", sa.String(255), nullable=True))
    op.add_column("ledger_legal_holds", sa.Column("lift_reason", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ledger_legal_holds") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
