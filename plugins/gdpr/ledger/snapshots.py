"""What the evidence chain says about the ledger's other tables, and how verify compares.

Requests, breaches, request events, legal holds and sent notifications live in ordinary tables
that the application updates (a request is extended, a breach notified). Each write of one of
them appends, in the same transaction, a chained evidence row holding a *snapshot* of the fields
that carry a legal clock or prove something: a request's receipt and deadlines, a breach's
awareness time, who was notified of what and when. ``gdpr ledger verify`` then compares every
row with its latest snapshot, so a row moved in the database (a receipt 20 days later, an
awareness two days later) disagrees with the chain, and rewriting the chain disagrees with the
published heads (``gdpr.ledger.anchor``).

Snapshots never hold a person: the subject's identity is a keyed hash (HMAC-SHA-256, key
outside the ledger) and a free-text event detail is a SHA-256 of its canonical JSON, so the
chain survives the erasure of the identity column (``Ledger.clear_identities``).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from typing import Any

from gdpr.ledger.canonical import canonical_json, to_json_document

__all__ = [
    "BREACH_RECORD",
    "EVENT_RECORD",
    "HOLD_LIFTED",
    "HOLD_PLACED",
    "IDENTITY_CLEARED",
    "NOTIFICATION_SENT",
    "REQUEST_RECORD",
    "breach_snapshot",
    "event_snapshot",
    "identity_hmac",
    "notification_snapshot",
    "request_snapshot",
]

REQUEST_RECORD = "request.record"
BREACH_RECORD = "breach.record"
EVENT_RECORD = "request.event"
NOTIFICATION_SENT = "notification.sent"
IDENTITY_CLEARED = "request.identity_cleared"
# A legal hold's rows are its placement and its lift (``_hold_evidence`` in the ledger).
HOLD_PLACED = "legal_hold.place"
HOLD_LIFTED = "legal_hold.lift"

# The fields whose change after the fact would hide something: the Art. 12(3) clock of a
# request, the Art. 33/34 clocks of a breach. Free text the DPO typed (a note, a reason) is not here.
_REQUEST_FIELDS = (
    "request_id",
    "kind",
    "status",
    "channel",
    "external_ref",
    "received_at",
    "due_at",
    "extended_due_at",
    "closed_at",
    "created_at",
)
_BREACH_FIELDS = (
    "breach_id",
    "aware_at",
    "high_risk",
    "status",
    "systems",
    "datasets",
    "categories",
    "affected_subjects",
    "authority_notified_at",
    "authority_reference",
    "subjects_notified_at",
    "closed_at",
    "created_at",
)
MIN_KEY_BYTES = 16


def identity_hmac(key: bytes, identity: str) -> str:
    """The keyed hash of a normalised identity the chain holds instead of the identity."""
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"the ledger identity key must be at least {MIN_KEY_BYTES} bytes")
    return hmac.new(key, identity.encode("utf-8"), hashlib.sha256).hexdigest()


def _pick(row: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    values = row if isinstance(row, Mapping) else row._mapping
    return to_json_document({name: values[name] for name in fields})


def request_snapshot(row: Any, key: bytes | None) -> dict[str, Any]:
    """A request row as the chain records it; with a key, the subject as ``subject_hmac``."""
    snapshot = _pick(row, _REQUEST_FIELDS)
    email = (row if isinstance(row, Mapping) else row._mapping)["subject_email"]
    if key is not None and email is not None:
        snapshot["subject_hmac"] = identity_hmac(key, email)
    return snapshot


def breach_snapshot(row: Any) -> dict[str, Any]:
    """A breach row as the chain records it: its clocks and scope, and its Art. 34(3) exemption
    (the ground for not writing to each subject, and the justification the DPO typed as a
    SHA-256), so none of them can be changed after the fact unseen. A row read before migration
    0007 has no exemption columns: its snapshot has no exemption (verify compares the fields a
    snapshot has)."""
    snapshot = _pick(row, _BREACH_FIELDS)
    snapshot["high_risk"] = bool(snapshot["high_risk"])
    values = row if isinstance(row, Mapping) else row._mapping
    if "communication_exemption" in values:
        reason = values["exemption_reason"]
        snapshot["communication_exemption"] = values["communication_exemption"]
        snapshot["exemption_reason_sha256"] = (
            None if reason is None else hashlib.sha256(reason.encode("utf-8")).hexdigest()
        )
    return snapshot


def event_snapshot(request_id: str, row: Any) -> dict[str, Any]:
    """One request event: when, what, who, and a digest of its detail (which may name a value)."""
    values = row if isinstance(row, Mapping) else row._mapping
    return to_json_document(
        {
            "request_id": request_id,
            "event": values["id"],
            "at": values["at"],
            "kind": values["kind"],
            "actor": values["actor"],
            "detail_sha256": hashlib.sha256(
                canonical_json(values["detail"]).encode("utf-8")
            ).hexdigest(),
        }
    )


def notification_snapshot(row: Any, key: bytes | None) -> dict[str, Any]:
    """A sent notification: about what, on which occasion, through which channel, when; the
    recipient (possibly the subject) only as a keyed hash."""
    values = row if isinstance(row, Mapping) else row._mapping
    snapshot = to_json_document(
        {
            "notification": values["id"],
            **{
                name: values[name]
                for name in ("topic", "target", "occasion", "channel", "status", "sent_at")
            },
        }
    )
    if key is not None:
        snapshot["recipient_hmac"] = identity_hmac(key, values["recipient"])
    return snapshot
