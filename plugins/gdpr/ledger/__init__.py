"""The GDPR ledger: requests, breaches, legal holds, runs and hash-chained evidence.

Works on SQLite (embedded default), PostgreSQL (production) and MariaDB. Create or upgrade the
schema with ``migrate(engine)`` (the `gdpr ledger upgrade` command); check the evidence chain
with ``verify_chain(engine)`` (`gdpr ledger verify`).
"""

from gdpr.ledger.chain import digest_keys, verify_chain
from gdpr.ledger.clock import utc_now
from gdpr.ledger.errors import DuplicateRecordError, LedgerNotReady, RecordNotFoundError
from gdpr.ledger.identity import normalise_email
from gdpr.ledger.ledger import Claim, Ledger
from gdpr.ledger.records import (
    OPEN_REQUEST_STATUSES,
    REQUEST_KINDS,
    REQUEST_STATUSES,
    BreachRecord,
    ChainHead,
    ErasurePlanRecord,
    EvidenceInput,
    EvidenceRecord,
    HoldRecord,
    NotificationRecord,
    RequestEventRecord,
    RequestRecord,
    RestrictionRecord,
    RunRecord,
    SuppressionRecord,
    VerifyReport,
)
from gdpr.ledger.upgrade import current_revision, head_revision, migrate

__all__ = [
    "OPEN_REQUEST_STATUSES",
    "REQUEST_KINDS",
    "REQUEST_STATUSES",
    "BreachRecord",
    "ChainHead",
    "Claim",
    "DuplicateRecordError",
    "ErasurePlanRecord",
    "EvidenceInput",
    "EvidenceRecord",
    "HoldRecord",
    "Ledger",
    "LedgerNotReady",
    "NotificationRecord",
    "RecordNotFoundError",
    "RequestEventRecord",
    "RequestRecord",
    "RestrictionRecord",
    "RunRecord",
    "SuppressionRecord",
    "VerifyReport",
    "current_revision",
    "digest_keys",
    "head_revision",
    "migrate",
    "normalise_email",
    "utc_now",
    "verify_chain",
]
