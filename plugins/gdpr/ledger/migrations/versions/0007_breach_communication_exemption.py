"""A breach's Art. 34(3) exemption from communicating to each subject, with its justification.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # one ADD COLUMN per statement: SQLite takes them outside a table rebuild
    op.add_column(
        "ledger_breaches", sa.Column("communication_exemption", sa.String(32), nullable=True)
    )
    op.add_column("ledger_breaches", sa.Column("exemption_reason", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ledger_breaches") as batch:
        batch.drop_column("exemption_reason")
        batch.drop_column("communication_exemption")
