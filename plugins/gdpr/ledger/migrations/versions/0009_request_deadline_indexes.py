"""The deadline watch's look-up: open requests due by a date, found by an index rather than by
reading every open request (an hourly watch over many quiet requests).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ledger_requests_due_at", "ledger_requests", ["due_at"])
    op.create_index("ix_ledger_requests_extended_due_at", "ledger_requests", ["extended_due_at"])


def downgrade() -> None:
    op.drop_index("ix_ledger_requests_extended_due_at", "ledger_requests")
    op.drop_index("ix_ledger_requests_due_at", "ledger_requests")
