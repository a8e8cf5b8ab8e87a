"""The passphrase of a delivered access or portability package, kept until a DPO has been
shown it once (then cleared; who saw it and when remain).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _ts() -> sa.types.TypeEngine:
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    op.create_table(
        "ledger_package_secrets",
        sa.Column("request_id", sa.String(32), nullable=False),
        sa.Column("passphrase", sa.String(255), nullable=True),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("shown_at", _ts(), nullable=True),
        sa.Column("shown_by", sa.String(255), nullable=True),
        sa.PrimaryKeyConstraint("request_id", name="pk_ledger_package_secrets"),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["ledger_requests.request_id"],
            name="fk_ledger_package_secrets_request_id",
        ),
    )


def downgrade() -> None:
    op.drop_table("ledger_package_secrets")
