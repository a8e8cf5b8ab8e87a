"""Rectifying the planted subject's last name in the CRM's customer and prospect records."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from examples.retailer.planted import PLANTED
from gdpr.connectors.factory import connectors_for, env_clients
from gdpr.erasure.rectify import RectificationInputError, rectify, value_hash
from gdpr.ledger import Ledger, verify_chain
from gdpr.subject import resolve_subject
from tests.clock import TEST_NOW

KEY = b"rectification-test-key-0123456789"
SUBJECT = PLANTED.subject
NEW = "Durand-Martin"
NOW = TEST_NOW


@pytest.fixture
def connectors(demo_org):
    clients = env_clients()
    yield connectors_for(demo_org.datamap, clients)
    clients.dispose()


def last_names(engine):
    with engine.connect() as conn:
        return (
            conn.execute(
                sa.text("SELECT last_name FROM customers WHERE customer_id = 1")
            ).scalar_one(),
            conn.execute(
                sa.text("SELECT last_name FROM prospects WHERE prospect_id = 1")
            ).scalar_one(),
        )


def run(demo_org, connectors, category="user.name.last", value=NEW):
    ledger = Ledger(demo_org.ledger)
    existing = ledger.open_requests()
    request = (
        existing[0]
        if existing
        else ledger.create_request(
            kind="rectification",
            subject_email=SUBJECT.email,
            received_at=NOW,
            due_at=NOW,
            channel="test",
        )
    )
    location = resolve_subject(demo_org.datamap, connectors, "email", SUBJECT.email)
    return (
        ledger,
        request,
        rectify(
            demo_org.datamap,
            connectors,
            ledger,
            location,
            category=category,
            value=value,
            key=KEY,
            request_id=request.request_id,
        ),
    )


def test_every_system_holding_the_field_is_updated_with_hashes_in_the_ledger(demo_org, connectors):
    others = _other_last_names(demo_org.crm)
    ledger, request, outcome = run(demo_org, connectors)

    assert last_names(demo_org.crm) == (NEW, NEW)
    assert outcome.changed == {"crm.customers.last_name": 1, "crm.prospects.last_name": 1}
    assert _other_last_names(demo_org.crm) == others
    evidence = [
        e
        for e in ledger.evidence(request_id=request.request_id)
        if e.action == "rectification.update"
    ]
    assert {e.dataset for e in evidence} == {"crm.customers", "crm.prospects"}
    for e in evidence:
        assert e.detail["after_hmac_sha256"] == value_hash(KEY, NEW)
        assert e.detail["before_hmac_sha256"] == [value_hash(KEY, SUBJECT.last_name)]
        assert NEW not in str(e.detail)
        assert SUBJECT.last_name not in str(e.detail)
    assert verify_chain(demo_org.ledger).ok

    _, _, again = run(demo_org, connectors)
    assert sum(again.changed.values()) == 0, "a rerun changes nothing"


def test_unknown_field_or_empty_value_is_refused_before_any_change(demo_org, connectors):
    before = last_names(demo_org.crm)
    with pytest.raises(RectificationInputError, match="not a rectifiable field"):
        run(demo_org, connectors, category="user.contact.email")
    with pytest.raises(RectificationInputError, match="empty"):
        run(demo_org, connectors, value="   ")
    assert last_names(demo_org.crm) == before


def _other_last_names(engine):
    with engine.connect() as conn:
        return sorted(
            conn.execute(
                sa.text("SELECT last_name FROM customers WHERE customer_id <> 1")
            ).scalars(),
            key=str,
        )
