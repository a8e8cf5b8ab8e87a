"""What the chain records of a request, an event and a notification: clocks yes, people no."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from gdpr.ledger.snapshots import (
    breach_snapshot,
    event_snapshot,
    identity_hmac,
    notification_snapshot,
    request_snapshot,
)

AT = datetime(2026, 1, 31, 10, 30, 15, 123456, tzinfo=UTC)
REQUEST = {
    "request_id": "R-2026-000001",
    "kind": "access",
    "status": "open",
    "subject_email": "jean.dupont@example.fr",
    "channel": "helpdesk",
    "external_ref": "T-1",
    "note": "called from Jean's mobile",
    "received_at": AT,
    "due_at": AT,
    "extended_due_at": None,
    "closed_at": None,
    "created_at": AT,
}


def test_a_request_snapshot_keeps_its_clock_and_only_a_keyed_hash_of_the_person() -> None:
    plain = request_snapshot(REQUEST, None)
    assert plain["received_at"] == "2026-01-31T10:30:15.123456Z"
    assert "subject_hmac" not in plain
    assert "jean" not in str(plain).lower()  # neither the address nor the free-text note
    keyed = request_snapshot(REQUEST, b"k" * 16)
    other = request_snapshot(REQUEST, b"o" * 16)
    assert keyed["subject_hmac"] == identity_hmac(b"k" * 16, "jean.dupont@example.fr")
    assert keyed["subject_hmac"] != other["subject_hmac"]  # guessing needs the key


def test_an_event_detail_and_a_recipient_are_digested() -> None:
    event = {"id": 4, "at": AT, "kind": "correction", "actor": "dpo", "detail": {"value": "x@y.fr"}}
    snapshot = event_snapshot("R-2026-000001", event)
    assert "x@y.fr" not in str(snapshot)
    assert len(snapshot["detail_sha256"]) == 64
    sent = {
        "id": 1,
        "topic": "breach",
        "target": "B-2026-000001",
        "occasion": "subject",
        "channel": "email",
        "status": "sent",
        "sent_at": AT,
        "recipient": "jean.dupont@example.fr",
    }
    assert "jean" not in str(notification_snapshot(sent, b"k" * 16))
    assert "recipient_hmac" not in notification_snapshot(sent, None)


def test_a_short_identity_key_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 16 bytes"):
        identity_hmac(b"short", "a@b.fr")


BREACH = {
    "breach_id": "B-2026-000001",
    "aware_at": AT,
    "high_risk": 1,
    "status": "open",
    "systems": ["crm"],
    "datasets": ["crm.customers"],
    "categories": ["contact"],
    "affected_subjects": None,
    "authority_notified_at": None,
    "authority_reference": None,
    "subjects_notified_at": None,
    "closed_at": None,
    "created_at": AT,
}


def test_a_breach_snapshot_chains_its_exemption_and_a_digest_of_the_justification() -> None:
    exempt = {
        **BREACH,
        "communication_exemption": "unintelligible",
        "exemption_reason": "Encrypted; Jean's key was not on the laptop",
    }
    snapshot = breach_snapshot(exempt)
    assert snapshot["communication_exemption"] == "unintelligible"
    assert len(snapshot["exemption_reason_sha256"]) == 64
    assert "jean" not in str(snapshot).lower(), "the typed justification is not in the chain"
    other = breach_snapshot({**exempt, "exemption_reason": "Encrypted"})
    assert other["exemption_reason_sha256"] != snapshot["exemption_reason_sha256"]
    none = breach_snapshot({**BREACH, "communication_exemption": None, "exemption_reason": None})
    assert none["communication_exemption"] is none["exemption_reason_sha256"] is None
    # a row read before migration 0007 (the adoption of migration 0005) has no exemption
    assert "communication_exemption" not in breach_snapshot(BREACH)
