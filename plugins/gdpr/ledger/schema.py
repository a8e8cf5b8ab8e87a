"""The ledger's tables (SQLAlchemy Core).

This is the runtime view of the schema; the migrations in ``migrations/versions`` create it and
``tests/integration/test_ledger.py`` checks that the two agree on every supported database.
Table names carry a ``ledger_`` prefix so the ledger can share a database (e.g. Airflow's
metadata database in production) without colliding.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from gdpr.ledger.clock import as_utc

__all__ = [
    "GENESIS_HASH",
    "UTCDateTime",
    "breaches",
    "erasure_plans",
    "evidence",
    "head",
    "legal_holds",
    "metadata",
    "notifications",
    "package_secrets",
    "request_events",
    "requests",
    "restrictions",
    "runs",
    "suppressions",
]

# The prev_hash of the first evidence row.
GENESIS_HASH = "0" * 64


class UTCDateTime(sa.TypeDecorator[datetime]):
    """An instant stored in UTC with microseconds, read back as an aware UTC datetime.

    PostgreSQL keeps the zone (timestamptz). SQLite and MariaDB store naive values, so they are
    written as UTC and tagged UTC on read. MariaDB's DATETIME drops microseconds unless declared
    with fsp=6, which would change evidence timestamps after hashing and break the chain.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: sa.Dialect) -> sa.types.TypeEngine[datetime]:
        if dialect.name in ("mysql", "mariadb"):
            return dialect.type_descriptor(mysql.DATETIME(fsp=6))
        return dialect.type_descriptor(sa.DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        value = as_utc(value)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# SQL NULL (not JSON 'null') for an absent document, so IS NULL filters work.
_JSON = sa.JSON(none_as_null=True)

metadata = sa.MetaData(
    naming_convention={
        "pk": "pk_%(table_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

requests = sa.Table(
    "ledger_requests",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    # Set from pk in the creating transaction (see Ledger.create_request); never NULL once committed.
    sa.Column("request_id", sa.String(32), nullable=True, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    # Erasable: cleared (NULL) once the request has been closed for ledger.proof_period
    # (Ledger.clear_identities); the chain keeps only a keyed hash of it.
    sa.Column("subject_email", sa.String(254), nullable=True, index=True),
    sa.Column("channel", sa.String(64), nullable=False),
    sa.Column("external_ref", sa.String(255), nullable=True),
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("received_at", UTCDateTime, nullable=False),
    sa.Column("due_at", UTCDateTime, nullable=False),
    sa.Column("extended_due_at", UTCDateTime, nullable=True),
    sa.Column("extension_reason", sa.Text, nullable=True),
    sa.Column("closed_at", UTCDateTime, nullable=True),
    sa.Column("close_reason", sa.Text, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    # Intake is idempotent per ticket: one request per (channel, external reference).
    sa.UniqueConstraint("channel", "external_ref"),
    sa.Index(None, "status"),
    # the deadline watch's range look-up (``Ledger.open_requests_due_by``)
    sa.Index(None, "due_at"),
    sa.Index(None, "extended_due_at"),
)

request_events = sa.Table(
    "ledger_request_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("request_pk", sa.Integer, sa.ForeignKey("ledger_requests.pk"), nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("kind", sa.String(64), nullable=False),
    sa.Column("actor", sa.String(255), nullable=False),
    sa.Column("detail", _JSON, nullable=False),
    sa.Index(None, "request_pk"),
)

breaches = sa.Table(
    "ledger_breaches",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("breach_id", sa.String(32), nullable=True, unique=True),
    sa.Column("title", sa.String(255), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("aware_at", UTCDateTime, nullable=False),
    sa.Column("systems", _JSON, nullable=False),
    sa.Column("datasets", _JSON, nullable=False),
    sa.Column("categories", _JSON, nullable=False),
    sa.Column("high_risk", sa.Boolean, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("affected_subjects", sa.Integer, nullable=True),
    sa.Column("authority_notified_at", UTCDateTime, nullable=True),
    sa.Column("authority_reference", sa.String(255), nullable=True),
    sa.Column("delay_reason", sa.Text, nullable=True),
    sa.Column("subjects_notified_at", UTCDateTime, nullable=True),
    sa.Column("closed_at", UTCDateTime, nullable=True),
    sa.Column("close_reason", sa.Text, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    # Art. 34(3): why the subjects are not written to one by one (gdpr.breach.exemptions)
    sa.Column("communication_exemption", sa.String(32), nullable=True),
    sa.Column("exemption_reason", sa.Text, nullable=True),
    sa.Index(None, "status"),
)

legal_holds = sa.Table(
    "ledger_legal_holds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("reference", sa.String(255), nullable=False),
    sa.Column("subject_email", sa.String(254), nullable=True),
    sa.Column("dataset", sa.String(255), nullable=True),
    sa.Column("record_key", _JSON, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    # when the hold was lifted (`gdpr hold lift`); the row stays, with who lifted it and why
    sa.Column("released_at", UTCDateTime, nullable=True),
    # the last day the hold applies, as given, and the instant it ends (the next midnight in the
    # organisation's time zone)
    sa.Column("until", sa.Date, nullable=True),
    sa.Column("ends_at", UTCDateTime, nullable=True),
    sa.Column("placed_by", sa.String(255), nullable=True),
    sa.Column("lifted_by", sa.String(255), nullable=True),
    sa.Column("lift_reason", sa.Text, nullable=True),
    # A hold covers a person or one record, never both or neither.
    sa.CheckConstraint(
        "(subject_email IS NOT NULL AND dataset IS NULL AND record_key IS NULL)"
        " OR (subject_email IS NULL AND dataset IS NOT NULL AND record_key IS NOT NULL)",
        name="one_target",
    ),
    sa.Index(None, "released_at"),
)

# A notification is claimed (unique row) before it is sent and marked sent after: an alert or an
# Art. 19 notice goes out once however often the job that sends it runs or retries.
notifications = sa.Table(
    "ledger_notifications",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("topic", sa.String(64), nullable=False),
    sa.Column("target", sa.String(64), nullable=False),
    sa.Column("occasion", sa.String(64), nullable=False),
    sa.Column("channel", sa.String(32), nullable=False),
    sa.Column("recipient", sa.String(254), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("claimed_at", UTCDateTime, nullable=False),
    sa.Column("sent_at", UTCDateTime, nullable=True),
    sa.Column("detail", _JSON, nullable=True),
    sa.UniqueConstraint(
        "topic", "target", "occasion", "channel", "recipient", name="uq_ledger_notifications_topic"
    ),
    sa.Index(None, "target"),
)

# Keyed hashes of identities that must not be re-imported (objection to marketing, Art. 21(3)).
suppressions = sa.Table(
    "ledger_suppressions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("identity_hash", sa.String(64), nullable=False),
    sa.Column("scope", sa.String(32), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("request_id", sa.String(32), nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("identity_hash", "scope", name="uq_ledger_suppressions_identity_hash"),
)

# Restriction of processing (Art. 18) by record: every record a restriction request covers, with
# how it is marked (``flag``: the dataset's restriction flag, set by that request; ``ledger``: the
# dataset has no flag, this row is the mark). Lifting keeps the row, with when it was lifted.
restrictions = sa.Table(
    "ledger_restrictions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "request_id", sa.String(32), sa.ForeignKey("ledger_requests.request_id"), nullable=False
    ),
    sa.Column("dataset", sa.String(255), nullable=False),
    sa.Column("record_key", _JSON, nullable=False),
    sa.Column("how", sa.String(16), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("lifted_at", UTCDateTime, nullable=True),
    sa.Index(None, "request_id"),
    sa.Index(None, "lifted_at"),
)

# Approved erasure plans (Art. 17): the plan as approved, so that an erasure interrupted between
# systems is completed by a rerun exactly as approved. ``status``: approved (not fully applied),
# applied (every change made, with its evidence), done (the run that applied it finished),
# superseded (records appeared since the approval: a new preview and approval are needed).
erasure_plans = sa.Table(
    "ledger_erasure_plans",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("plan_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("batch_id", sa.String(64), nullable=False),
    sa.Column("request_ids", _JSON, nullable=False),
    sa.Column(
        "document", sa.Text().with_variant(mysql.LONGTEXT(), "mysql", "mariadb"), nullable=False
    ),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("approved_by", sa.String(255), nullable=True),
    sa.Column("approved_at", sa.String(64), nullable=True),
    sa.Column("recorded_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("run_pk", sa.Integer, sa.ForeignKey("ledger_runs.pk"), nullable=True),
    sa.Index(None, "status"),
)

runs = sa.Table(
    "ledger_runs",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("dag_id", sa.String(250), nullable=False),
    sa.Column("run_id", sa.String(250), nullable=False),
    sa.Column("kind", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("started_at", UTCDateTime, nullable=False),
    sa.Column("finished_at", UTCDateTime, nullable=True),
    sa.Column("summary", _JSON, nullable=True),
    sa.UniqueConstraint("dag_id", "run_id"),
)

evidence = sa.Table(
    "ledger_evidence",
    metadata,
    # Assigned from ledger_head.count under the head lock, not by the database: ids are then
    # gap-free, so any gap is a deletion (a sequence would leave gaps on every rollback).
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("system", sa.String(255), nullable=True),
    sa.Column("dataset", sa.String(255), nullable=True),
    sa.Column("rule", sa.String(255), nullable=True),
    sa.Column("citation", sa.String(500), nullable=True),
    sa.Column("count", sa.BigInteger, nullable=False),
    sa.Column("keys_sha256", sa.String(64), nullable=True),
    sa.Column("detail", _JSON, nullable=False),
    sa.Column("run_pk", sa.Integer, sa.ForeignKey("ledger_runs.pk"), nullable=True),
    sa.Column(
        "request_id", sa.String(32), sa.ForeignKey("ledger_requests.request_id"), nullable=True
    ),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("row_hash", sa.String(64), nullable=False),
    sa.Index(None, "run_pk"),
    sa.Index(None, "request_id"),
)

head = sa.Table(
    "ledger_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Column("last_hash", sa.String(64), nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=True),
    sa.CheckConstraint("id = 1", name="single_row"),
)

# The passphrase of a request's delivered package, kept only until a DPO has been shown it once
# (``gdpr.access.secret``): then ``passphrase`` is cleared and who saw it, and when, remain.
package_secrets = sa.Table(
    "ledger_package_secrets",
    metadata,
    sa.Column(
        "request_id",
        sa.String(32),
        sa.ForeignKey("ledger_requests.request_id"),
        primary_key=True,
    ),
    sa.Column("passphrase", sa.String(255), nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("shown_at", UTCDateTime, nullable=True),
    sa.Column("shown_by", sa.String(255), nullable=True),
)
