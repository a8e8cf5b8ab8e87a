"""The initial ledger: requests and their events, breaches, legal holds, runs, evidence.

This migration spells out its own column types instead of importing gdpr.ledger.schema: a
migration describes the schema as it was at this revision and must not change when the models do.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _ts() -> sa.types.TypeEngine:
    # MariaDB DATETIME keeps microseconds only with fsp=6; evidence hashes cover them.
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def _json() -> sa.types.TypeEngine:
    return sa.JSON(none_as_null=True)


def upgrade() -> None:
    op.create_table(
        "ledger_requests",
        sa.Column("pk", sa.Integer, autoincrement=True),
        sa.Column("request_id", sa.String(32), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("subject_email", sa.String(254), nullable=False),
        sa.Column("channel", sa.String(64), nullable=False),
        sa.Column("external_ref", sa.String(255), nullable=True),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("received_at", _ts(), nullable=False),
        sa.Column("due_at", _ts(), nullable=False),
        sa.Column("extended_due_at", _ts(), nullable=True),
        sa.Column("extension_reason", sa.Text, nullable=True),
        sa.Column("closed_at", _ts(), nullable=True),
        sa.Column("close_reason", sa.Text, nullable=True),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_ledger_requests"),
        sa.UniqueConstraint("request_id", name="uq_ledger_requests_request_id"),
        sa.UniqueConstraint(
            "channel", "external_ref", name="uq_ledger_requests_channel_external_ref"
        ),
    )
    op.create_index("ix_ledger_requests_subject_email", "ledger_requests", ["subject_email"])
    op.create_index("ix_ledger_requests_status", "ledger_requests", ["status"])

    op.create_table(
        "ledger_request_events",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("request_pk", sa.Integer, nullable=False),
        sa.Column("at", _ts(), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("detail", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_request_events"),
        sa.ForeignKeyConstraint(
            ["request_pk"], ["ledger_requests.pk"], name="fk_ledger_request_events_request_pk"
        ),
    )
    op.create_index("ix_ledger_request_events_request_pk", "ledger_request_events", ["request_pk"])

    op.create_table(
        "ledger_breaches",
        sa.Column("pk", sa.Integer, autoincrement=True),
        sa.Column("breach_id", sa.String(32), nullable=True),
        sa.Column("title", sa.String(255), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("aware_at", _ts(), nullable=False),
        sa.Column("systems", _json(), nullable=False),
        sa.Column("datasets", _json(), nullable=False),
        sa.Column("categories", _json(), nullable=False),
        sa.Column("high_risk", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("affected_subjects", sa.Integer, nullable=True),
        sa.Column("authority_notified_at", _ts(), nullable=True),
        sa.Column("authority_reference", sa.String(255), nullable=True),
        sa.Column("delay_reason", sa.Text, nullable=True),
        sa.Column("subjects_notified_at", _ts(), nullable=True),
        sa.Column("closed_at", _ts(), nullable=True),
        sa.Column("close_reason", sa.Text, nullable=True),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_ledger_breaches"),
        sa.UniqueConstraint("breach_id", name="uq_ledger_breaches_breach_id"),
    )
    op.create_index("ix_ledger_breaches_status", "ledger_breaches", ["status"])

    op.create_table(
        "ledger_legal_holds",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("reference", sa.String(255), nullable=False),
        sa.Column("subject_email", sa.String(254), nullable=True),
        sa.Column("dataset", sa.String(255), nullable=True),
        sa.Column("record_key", _json(), nullable=True),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("released_at", _ts(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_legal_holds"),
        sa.CheckConstraint(
            "(subject_email IS NOT NULL AND dataset IS NULL AND record_key IS NULL)"
            " OR (subject_email IS NULL AND dataset IS NOT NULL AND record_key IS NOT NULL)",
            name="ck_ledger_legal_holds_one_target",
        ),
    )
    op.create_index("ix_ledger_legal_holds_released_at", "ledger_legal_holds", ["released_at"])

    op.create_table(
        "ledger_runs",
        sa.Column("pk", sa.Integer, autoincrement=True),
        sa.Column("dag_id", sa.String(250), nullable=False),
        sa.Column("run_id", sa.String(250), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started_at", _ts(), nullable=False),
        sa.Column("finished_at", _ts(), nullable=True),
        sa.Column("summary", _json(), nullable=True),
        sa.PrimaryKeyConstraint("pk", name="pk_ledger_runs"),
        sa.UniqueConstraint("dag_id", "run_id", name="uq_ledger_runs_dag_id_run_id"),
    )

    op.create_table(
        "ledger_evidence",
        sa.Column("id", sa.Integer, autoincrement=False),
        sa.Column("at", _ts(), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("system", sa.String(255), nullable=True),
        sa.Column("dataset", sa.String(255), nullable=True),
        sa.Column("rule", sa.String(255), nullable=True),
        sa.Column("citation", sa.String(500), nullable=True),
        sa.Column("count", sa.BigInteger, nullable=False),
        sa.Column("keys_sha256", sa.String(64), nullable=True),
        sa.Column("detail", _json(), nullable=False),
        sa.Column("run_pk", sa.Integer, nullable=True),
        sa.Column("request_id", sa.String(32), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("row_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_evidence"),
        sa.ForeignKeyConstraint(["run_pk"], ["ledger_runs.pk"], name="fk_ledger_evidence_run_pk"),
        sa.ForeignKeyConstraint(
            ["request_id"], ["ledger_requests.request_id"], name="fk_ledger_evidence_request_id"
        ),
    )
    op.create_index("ix_ledger_evidence_run_pk", "ledger_evidence", ["run_pk"])
    op.create_index("ix_ledger_evidence_request_id", "ledger_evidence", ["request_id"])

    head = op.create_table(
        "ledger_head",
        sa.Column("id", sa.Integer, autoincrement=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.Column("updated_at", _ts(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_head"),
        sa.CheckConstraint("id = 1", name="ck_ledger_head_single_row"),
    )
    # The chain starts from 64 zeros (the first row's prev_hash).
    op.bulk_insert(head, [{"id": 1, "count": 0, "last_hash": "0" * 64, "updated_at": None}])


def downgrade() -> None:
    # Dropping the ledger would destroy the evidence that erasures and purges happened
    # (Art. 5(2) accountability); that must be a deliberate DBA act, not a migration.
    raise RuntimeError("the GDPR ledger cannot be downgraded below its initial revision")
