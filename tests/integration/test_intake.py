"""Request intake on the demo organisation (helpdesk on MariaDB): privacy tickets become ledger
requests received at the ticket's creation, acknowledged once, idempotent over repeated runs."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from examples.retailer import planted
from gdpr.connectors.factory import connector_for, env_clients
from gdpr.deadlines import request_due_at
from gdpr.intake import mark_exports_started, take_requests
from gdpr.ledger import Ledger
from tests.clock import TEST_NOW


def _take(org, ledger):
    clients = env_clients()
    try:
        system = org.datamap.dataset(org.datamap.intake.dataset).system
        return take_requests(org.datamap, connector_for(system, clients), ledger, batch_size=1)
    finally:
        clients.dispose()


def _replies(org, ticket_id):
    with org.helpdesk.connect() as conn:
        return (
            conn.execute(
                sa.text(
                    "SELECT author_role, body FROM ticket_messages WHERE ticket_id = :t "
                    "AND author_role = 'agent' ORDER BY message_id"
                ),
                {"t": ticket_id},
            )
            .mappings()
            .all()
        )


def test_privacy_tickets_become_requests_once_with_one_acknowledgement(demo_org):
    ledger = Ledger(demo_org.ledger)
    first = _take(demo_org, ledger)
    assert first.new == 2
    assert first.known == 0
    assert dict(first.by_kind) == {"access": 1, "erasure": 1}
    assert first.replies == 2

    access = ledger.find_request_by_external_ref(
        "helpdesk", str(planted.PLANTED_PRIVACY_ACCESS_TICKET_ID)
    )
    erasure = ledger.find_request_by_external_ref(
        "helpdesk", str(planted.PLANTED_PRIVACY_ERASURE_TICKET_ID)
    )
    assert access.kind == "access"
    assert erasure.kind == "erasure"
    assert access.subject_email == planted.PLANTED_PRIVACY_ACCESS_EMAIL
    # Received when the ticket was created, not when intake ran; due one calendar month later.
    with demo_org.helpdesk.connect() as conn:
        created = conn.execute(
            sa.text("SELECT created_at FROM tickets WHERE ticket_id = :t"),
            {"t": planted.PLANTED_PRIVACY_ACCESS_TICKET_ID},
        ).scalar_one()
    assert access.received_at == created.replace(tzinfo=UTC)
    assert access.due_at == request_due_at(access.received_at, "Europe/Paris")
    assert (TEST_NOW - access.received_at).days == planted.PLANTED_PRIVACY_ACCESS_DAYS_AGO

    (reply,) = _replies(demo_org, planted.PLANTED_PRIVACY_ACCESS_TICKET_ID)
    assert access.request_id in reply["body"]
    due = access.due_at.astimezone(ZoneInfo("Europe/Paris"))
    assert f"{due:%d/%m/%Y}" in reply["body"]
    assert f"{due:%Y-%m-%d}" in reply["body"]
    assert planted.PLANTED_PRIVACY_ACCESS_EMAIL not in reply["body"]
    assert "Lefebvre" not in reply["body"]

    # Only access and portability start an export; erasure waits for the DPO.
    assert first.to_start == [{"request_id": access.request_id, "kind": "access"}]

    for _ in range(2):
        again = _take(demo_org, ledger)
        assert again.new == 0
        assert again.known == 2
        assert again.replies == 0
    assert len(ledger.open_requests()) == 2
    assert len(_replies(demo_org, planted.PLANTED_PRIVACY_ACCESS_TICKET_ID)) == 1
    assert len(_replies(demo_org, planted.PLANTED_PRIVACY_ERASURE_TICKET_ID)) == 1
    # Until the export is marked started, each run lists it again; afterwards never.
    assert again.to_start == first.to_start
    assert mark_exports_started(ledger, [access.request_id]) == 1
    assert _take(demo_org, ledger).to_start == []


def test_a_ticket_with_an_unusable_address_is_reported_and_not_taken(demo_org):
    with demo_org.helpdesk.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO tickets (requester_email, subject, category, channel, status, "
                "created_at, processing_restricted) VALUES ('not-an-address', 'x', "
                "'privacy_objection', 'email', 'open', :at, 0)"
            ),
            {"at": datetime(2026, 1, 5, 9, 0)},
        )
    outcome = _take(demo_org, Ledger(demo_org.ledger))
    assert outcome.invalid == 1
    assert outcome.new == 2
