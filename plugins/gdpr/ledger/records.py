"""What the ledger hands out and takes in: frozen dataclasses, no database types.

Callers (capabilities, DAG tasks, reports) depend on these and never on SQLAlchemy rows, so the
storage can change without touching them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

__all__ = [
    "BREACH_STATUSES",
    "OPEN_REQUEST_STATUSES",
    "REQUEST_KINDS",
    "REQUEST_STATUSES",
    "RUN_FINISH_STATUSES",
    "BreachRecord",
    "ChainHead",
    "EvidenceInput",
    "EvidenceRecord",
    "HeadClaim",
    "HoldRecord",
    "NotificationRecord",
    "RequestEventRecord",
    "RequestRecord",
    "RestrictionRecord",
    "RunRecord",
    "SuppressionRecord",
    "VerifyReport",
]

# Art. 15 access, 20 portability, 17 erasure, 16 rectification, 21 objection, 18 restriction.
REQUEST_KINDS = frozenset(
    {"access", "portability", "erasure", "rectification", "objection", "restriction"}
)
REQUEST_STATUSES = frozenset({"open", "extended", "completed", "rejected", "refused", "cancelled"})
# The statuses whose Art. 12(3) clock is still running and which block retention purges.
OPEN_REQUEST_STATUSES = frozenset({"open", "extended"})
BREACH_STATUSES = frozenset({"open", "closed"})
RUN_FINISH_STATUSES = frozenset({"success", "failed", "partial"})

# Art. 33(1): notify the supervisory authority within 72 hours of becoming aware.
BREACH_NOTIFICATION_DELAY = timedelta(hours=72)

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class RequestRecord:
    request_id: str
    kind: str
    status: str
    subject_email: str | None  # None once cleared (ledger.proof_period)
    channel: str
    external_ref: str | None
    note: str | None
    received_at: datetime
    due_at: datetime
    extended_due_at: datetime | None
    extension_reason: str | None
    closed_at: datetime | None
    close_reason: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES

    @property
    def effective_due_at(self) -> datetime:
        """The deadline that applies now: the extended one once an extension is recorded."""
        return self.extended_due_at or self.due_at


@dataclass(frozen=True)
class RequestEventRecord:
    id: int
    request_id: str
    at: datetime
    kind: str
    actor: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class BreachRecord:
    breach_id: str
    title: str
    description: str
    aware_at: datetime
    systems: list[str]
    datasets: list[str]
    categories: list[str]
    high_risk: bool
    status: str
    affected_subjects: int | None
    authority_notified_at: datetime | None
    authority_reference: str | None
    delay_reason: str | None
    subjects_notified_at: datetime | None
    closed_at: datetime | None
    close_reason: str | None
    created_at: datetime
    updated_at: datetime
    communication_exemption: str | None = None  # Art. 34(3): gdpr.breach.exemptions
    exemption_reason: str | None = None

    @property
    def authority_due_at(self) -> datetime:
        """Art. 33(1): 72 hours from awareness."""
        return self.aware_at + BREACH_NOTIFICATION_DELAY


@dataclass(frozen=True)
class HoldRecord:
    id: int
    reason: str
    reference: str
    subject_email: str | None
    dataset: str | None
    record_key: dict[str, Any] | None
    created_at: datetime
    released_at: datetime | None  # when it was lifted
    until: date | None = None  # the last day it applies, as given
    ends_at: datetime | None = None  # the instant it stops applying (after ``until``)
    placed_by: str | None = None
    lifted_by: str | None = None
    lift_reason: str | None = None

    @property
    def active(self) -> bool:
        """Not lifted (it may still have reached its end date: see ``in_force``)."""
        return self.released_at is None

    @property
    def citation(self) -> str:
        """The legal source or case reference the hold rests on."""
        return self.reference

    @property
    def scope(self) -> str:
        return "subject" if self.subject_email else "record"

    def in_force(self, now: datetime) -> bool:
        """Not lifted and not past its end date at ``now``."""
        return self.released_at is None and (self.ends_at is None or now < self.ends_at)


@dataclass(frozen=True)
class NotificationRecord:
    """One alert or notice: to whom, about what (``target``: a request or breach id), when."""

    topic: str
    target: str
    occasion: str
    channel: str
    recipient: str
    status: str  # claimed, sent, failed
    claimed_at: datetime
    sent_at: datetime | None
    detail: dict[str, Any] | None


ERASURE_PLAN_STATUSES = ("approved", "applied", "done", "superseded")


@dataclass(frozen=True)
class ErasurePlanRecord:
    """An approved erasure plan (``document``: the batch plan's JSON, record keys, no values)."""

    plan_sha256: str
    batch_id: str
    request_ids: list[str]
    document: str
    status: str  # approved, applied, done, superseded
    approved_by: str | None
    approved_at: str | None
    recorded_at: datetime
    updated_at: datetime
    run_pk: int | None

    @property
    def resumable(self) -> bool:
        """Approved, and the run that applies it has not finished: a rerun completes it."""
        return self.status in ("approved", "applied")


@dataclass(frozen=True)
class SuppressionRecord:
    identity_hash: str
    scope: str
    reason: str
    request_id: str | None
    created_at: datetime


@dataclass(frozen=True)
class RestrictionRecord:
    """One record under restriction of processing (Art. 18) by a request: ``how`` it is marked
    (``flag``: the dataset's flag, set by this request; ``ledger``: this row alone)."""

    id: int
    request_id: str
    dataset: str
    record_key: tuple[str, ...]  # the key's values as text (``gdpr.connectors.keys.key_texts``)
    how: str
    created_at: datetime
    lifted_at: datetime | None


@dataclass(frozen=True)
class RunRecord:
    pk: int
    dag_id: str
    run_id: str
    kind: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    summary: dict[str, Any] | None


@dataclass(frozen=True, kw_only=True)
class EvidenceInput:
    """One destructive or disclosing step, described by counts and hashes, never by values."""

    action: str
    system: str | None = None
    dataset: str | None = None
    rule: str | None = None
    citation: str | None = None
    count: int
    keys_sha256: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    run_pk: int | None = None
    request_id: str | None = None

    def __post_init__(self) -> None:
        if not self.action:
            raise ValueError("evidence needs an action, e.g. 'retention.delete'")
        if isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 0:
            raise ValueError(f"evidence count must be a non-negative integer, got {self.count!r}")
        if self.keys_sha256 is not None and not _SHA256_HEX.fullmatch(self.keys_sha256):
            raise ValueError("keys_sha256 must be 64 lower-case hexadecimal characters")
        if not isinstance(self.detail, dict):
            raise ValueError("evidence detail must be a dict of non-personal metadata")


@dataclass(frozen=True)
class EvidenceRecord:
    id: int
    at: datetime
    action: str
    system: str | None
    dataset: str | None
    rule: str | None
    citation: str | None
    count: int
    keys_sha256: str | None
    detail: dict[str, Any]
    run_pk: int | None
    request_id: str | None
    prev_hash: str
    row_hash: str


@dataclass(frozen=True)
class ChainHead:
    count: int
    last_hash: str


@dataclass(frozen=True)
class HeadClaim:
    """A chain head held somewhere the ledger's credential cannot rewrite: the chain's row
    ``count`` must still hash to ``last_hash``. ``source`` names where it was found, as the
    verifier's sentence will say it (a published head's object, a certificate)."""

    count: int
    last_hash: str
    source: str
    published: bool = True  # an anchored head (False: a certificate)


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    rows: int
    problems: list[str]
    head: str | None
