"""Request Tracker 5 as a system of the data map, against a real RT server (tests/rt/plugin.py):
locate, access package, erasure preview and apply, retention and the minimisation scan, all
through the capabilities' ordinary code and the connector protocol."""

from __future__ import annotations

import json
import zipfile

import pytest

from gdpr.access import RequestInfo, build_subject_package
from gdpr.connectors.base import ByIdentity, SelectionRefusedError
from gdpr.subject import resolve_subject
from tests.clock import TEST_NOW

pytest_plugins = ["tests.rt.plugin", "tests.rt.org"]
pytestmark = pytest.mark.integration

ALICE = "alice.martin@example.com"
NOW = TEST_NOW


def keys(location, dataset):
    return sorted(k[0] for k in location.hits.get(dataset).rows) if dataset in location.hits else []


def test_a_subject_is_located_in_rt_by_requestor_email_and_customer_number(rt_org):
    location = resolve_subject(
        rt_org.datamap, rt_org.connectors, "email", "  ALICE.Martin@Example.com "
    )

    assert keys(location, "shop.customers") == [1]
    assert keys(location, "documents.receipts") == [
        "receipts/C-1001/2026-10-01.txt",
        "receipts/C-1001/2026-11-02.txt",
    ]
    # her three tickets, whatever the case of the address RT stored, and not Bob's
    assert keys(location, "helpdesk.tickets") == [1, 2, 4]
    messages = keys(location, "helpdesk.correspondence")
    assert messages, "the tickets' create and reply transactions"
    assert len(keys(location, "helpdesk.attachments")) == 1, "the receipt attached to ticket 1"
    assert len(keys(location, "helpdesk.users")) == 1


def test_a_phone_number_is_found_in_rt_whatever_its_spelling(rt_org):
    """RT compares custom fields as stored: "06 12 34 56 78", "+33 6 12 34 56 78" and
    "0033.612.345.678" are all her number; Bob's "+34 612 345 678" has the same digits in
    another country, which RT's search returns and the product's normaliser leaves out."""
    location = resolve_subject(rt_org.datamap, rt_org.connectors, "phone", "+33 6 12 34 56 78")
    assert keys(location, "helpdesk.tickets") == [1, 2, 4]
    national = resolve_subject(rt_org.datamap, rt_org.connectors, "phone", "06.12.34.56.78")
    assert keys(national, "helpdesk.tickets") == [1, 2, 4]
    spanish = resolve_subject(rt_org.datamap, rt_org.connectors, "phone", "+34 612 345 678")
    assert keys(spanish, "helpdesk.tickets") == [3]
    nobody = resolve_subject(rt_org.datamap, rt_org.connectors, "phone", "+33 6 12 34 56 77")
    assert keys(nobody, "helpdesk.tickets") == []


def test_rt_searches_a_phone_number_rather_than_reading_every_ticket(rt_org):
    """The narrowing happens in RT: its search for her number's digits returns her tickets and
    Bob's look-alike, not every ticket with a phone."""
    from gdpr.connectors.rt import _phone_pattern

    connector = rt_org.connectors["helpdesk"]
    tickets = rt_org.datamap.dataset("helpdesk.tickets").dataset
    assert _phone_pattern("+33612345678") == "6%1%2%3%4%5%6%7%8"
    searched = connector._search(tickets, [("CF.Phone", "LIKE", "6%1%2%3%4%5%6%7%8")], ["id"])
    assert sorted(r["id"] for rows in searched for r in rows) == [1, 2, 3, 4]
    other = connector._search(tickets, [("CF.Phone", "LIKE", "7%1%2%3%4%5%6%7%8")], ["id"])
    assert [r["id"] for rows in other for r in rows] == [], "RT honours the pattern"


def test_rectification_corrects_the_requestors_name_and_a_custom_field_in_rt(
    rt_org, rt_server, ledger
):
    from gdpr.deadlines import request_due_at
    from gdpr.erasure.rectify import rectify

    ledger.create_request(
        kind="rectification",
        subject_email=ALICE,
        received_at=NOW,
        due_at=request_due_at(NOW, "Europe/Paris"),
        channel="test",
        request_id="R-RT-RECT",
    )
    location = resolve_subject(rt_org.datamap, rt_org.connectors, "email", ALICE)
    (user_id,) = keys(location, "helpdesk.users")
    common = {"key": b"k" * 32, "request_id": "R-RT-RECT"}

    name = rectify(
        rt_org.datamap,
        rt_org.connectors,
        ledger,
        location,
        category="user.name",
        value="Alice Martin-Dupont",
        **common,
    )
    address = rectify(
        rt_org.datamap,
        rt_org.connectors,
        ledger,
        location,
        category="user.contact.address",
        value="8 quai Saint-Vincent, Lyon",
        **common,
    )

    assert name.changed == {"shop.customers.full_name": 1, "helpdesk.users.RealName": 1}
    assert rt_server.api("GET", f"user/{user_id}")["RealName"] == "Alice Martin-Dupont"
    assert address.changed == {"helpdesk.tickets.CF.Postal address": 3}
    for ticket_id in (1, 2, 4):
        fields = rt_server.api("GET", f"ticket/{ticket_id}")["CustomFields"]
        (cf,) = [cf for cf in fields if cf["name"] == "Postal address"]
        assert cf["values"] == ["8 quai Saint-Vincent, Lyon"]
    bob = rt_server.api("GET", "ticket/3")["CustomFields"]
    assert [cf["values"] for cf in bob if cf["name"] == "Postal address"] in ([[]], [[""]])
    evidence = ledger.evidence(request_id="R-RT-RECT")
    assert {e.dataset for e in evidence} == {
        "shop.customers",
        "helpdesk.users",
        "helpdesk.tickets",
    }
    assert "Saint-Vincent" not in str([e.detail for e in evidence])

    again = rectify(
        rt_org.datamap,
        rt_org.connectors,
        ledger,
        location,
        category="user.contact.address",
        value="8 quai Saint-Vincent, Lyon",
        **common,
    )
    assert again.changed == {"helpdesk.tickets.CF.Postal address": 0}, "a rerun changes nothing"


def test_ticket_rows_carry_requestors_custom_fields_and_dates(rt_org):
    connector = rt_org.connectors["helpdesk"]
    tickets = rt_org.datamap.dataset("helpdesk.tickets").dataset
    rows = [
        r
        for batch in connector.find(
            tickets,
            ByIdentity("Requestor", "bob.durand@example.com"),
            ["id", "Queue", "Requestor", "CF.Customer number", "Resolved"],
        )
        for r in batch
    ]
    assert rows == [
        {
            "id": 3,
            "Queue": "Support",
            "Requestor": "bob.durand@example.com",
            "CF.Customer number": "C-1002",
            "Resolved": None,
        }
    ]


def test_a_selection_rt_cannot_run_is_refused_with_rts_own_sentence(rt_org):
    connector = rt_org.connectors["helpdesk"]
    tickets = rt_org.datamap.dataset("helpdesk.tickets").dataset
    with pytest.raises(SelectionRefusedError, match="not by a SQL file"):
        list(connector.select_expired(tickets, column=None, sql="x.sql", at=NOW, day=NOW.date()))


def test_inspect_lists_rts_ticket_fields_and_its_custom_fields(rt_org):
    live = rt_org.connectors["helpdesk"].inspect()
    assert {"Subject", "Requestor", "CF.Customer number", "CF.Request type"} <= set(
        live["tickets"].columns or ()
    )
    assert "Content" in (live["correspondence"].columns or ())


def test_a_query_rt_refuses_is_a_sentence_without_the_identity_searched(rt_org):
    from gdpr.datamap.models import RtRecords

    connector = rt_org.connectors["helpdesk"]
    tickets = rt_org.datamap.dataset("helpdesk.tickets").dataset
    broken = tickets.model_copy(update={"rt": RtRecords(records="ticket", query="Queue ==")})
    with pytest.raises(SelectionRefusedError) as info:
        list(connector.find(broken, ByIdentity("Requestor", ALICE), ["id"]))
    assert str(info.value).startswith("tickets: RT answered 400")
    assert "alice" not in str(info.value).lower()


def test_access_package_holds_tickets_correspondence_and_attachments(rt_org, tmp_path):
    request = RequestInfo("R-RT-1", "access", NOW, NOW)
    package = build_subject_package(
        rt_org.datamap,
        rt_org.connectors,
        ALICE,
        tmp_path / "access",
        kind="access",
        request=request,
        generated_at=NOW,
    )
    archive = zipfile.ZipFile(package.path)
    tickets = json.loads(archive.read("data/helpdesk/tickets.json"))
    assert [t["Subject"] for t in tickets] == [
        "Refund for Alice Martin",
        "Late delivery",
        "Please erase my data",
    ]
    texts = [m["Content"] for m in json.loads(archive.read("data/helpdesk/correspondence.json"))]
    assert any("charged twice" in (t or "") for t in texts)
    assert any("We refunded the second payment" in (t or "") for t in texts)
    (attachment,) = json.loads(archive.read("data/helpdesk/attachments.json"))
    assert attachment["Filename"] == "receipt-1001.txt"
    assert attachment["Content"] == "Receipt of order 1001 for Alice Martin"
    assert "bob.durand" not in archive.read("data/helpdesk/tickets.json").decode()
    receipts = sorted(n for n in archive.namelist() if n.startswith("objects/documents/"))
    assert receipts == [
        "objects/documents/receipts/receipts/C-1001/2026-10-01.txt",
        "objects/documents/receipts/receipts/C-1001/2026-11-02.txt",
    ]


@pytest.fixture
def ledger(rt_org):
    from gdpr.ledger import Ledger

    return Ledger(rt_org.ledger)


def erasure_preview(rt_org, ledger):
    from gdpr.deadlines import request_due_at
    from gdpr.erasure.plan import preview

    ledger.create_request(
        kind="erasure",
        subject_email=ALICE,
        received_at=NOW,
        due_at=request_due_at(NOW, "Europe/Paris"),
        channel="test",
        request_id="R-RT-2",
    )
    return preview(
        rt_org.datamap,
        rt_org.connectors,
        ledger,
        subject_email=ALICE,
        request_id="R-RT-2",
        ground="b",
        now=NOW,
    )


def test_erasure_anonymises_what_the_api_can_and_keeps_the_rest_with_the_reason(
    rt_org, rt_server, ledger
):
    from gdpr.erasure.apply import apply_plan
    from gdpr.erasure.verify import verify_erasure

    plan = erasure_preview(rt_org, ledger)

    assert [k[0] for k in plan.dataset("shop.customers").delete] == [1]
    assert len(plan.dataset("documents.receipts").delete) == 2
    tickets = plan.dataset("helpdesk.tickets")
    assert [k[0] for k in tickets.anonymise] == [1, 2, 4]
    assert set(tickets.constant) == {
        "Subject",
        "Requestor",
        "CF.Customer number",
        "CF.Phone",
        "CF.Postal address",
    }
    for dataset in ("helpdesk.correspondence", "helpdesk.attachments"):
        ((reason_id, kept),) = plan.dataset(dataset).kept.items()
        assert kept, dataset
        reason = plan.reasons[reason_id]
        assert reason.text.startswith("Kept: the system cannot erase it. ")
        assert "rt-shredder" in reason.text
        assert not reason.exempt, "a technical limit, not an Art. 17(3) exemption"
        assert reason.article == ""
    assert not any("17(3)" in r.article for r in plan.reasons.values())
    assert rt_server.api("GET", "ticket/1")["Subject"] == "Refund for Alice Martin", "a preview"

    outcome = apply_plan(rt_org.datamap, plan, rt_org.connectors, ledger, batch_size=2)

    assert outcome.changed["helpdesk.tickets"]["anonymise"] == 3
    for ticket_id in (1, 2, 4):
        ticket = rt_server.api("GET", f"ticket/{ticket_id}")
        assert ticket["Subject"] == "[redacted]"
        assert ticket["Requestor"] == []
        (number,) = [cf for cf in ticket["CustomFields"] if cf["name"] == "Customer number"]
        assert all(v in (None, "") for v in number["values"])
    bob = rt_server.api("GET", "ticket/3")
    assert bob["Subject"] == "Sizes"
    assert bob["Requestor"][0]["id"] == "bob.durand@example.com"
    found = rt_server.api(
        "POST", "users", [{"field": "EmailAddress", "value": ALICE}], fields="Name"
    )
    assert found["total"] == 0, "her RT user has neither her address nor her name left"
    listed = rt_org.s3.list_object_versions(Bucket="rtorg-documents", Prefix="receipts/")
    assert {v["Key"] for v in listed.get("Versions", [])} == {"receipts/C-1002/2026-09-15.txt"}
    verify_erasure(rt_org.datamap, plan, rt_org.connectors, identity="email", value=ALICE)

    again = apply_plan(rt_org.datamap, plan, rt_org.connectors, ledger, batch_size=2)
    assert again.changed.get("helpdesk.tickets", {}).get("anonymise", 0) == 0, "idempotent"


def test_retention_anonymises_tickets_resolved_before_the_period(rt_org, rt_server, ledger):
    from gdpr.retention.run import run_rule

    preview = run_rule(
        rt_org.datamap, "support-tickets", rt_org.connectors, ledger, now=NOW, dry_run=True
    )
    assert rt_server.api("GET", "ticket/2")["Subject"] == "Late delivery", "a dry run"

    run_rule(rt_org.datamap, "support-tickets", rt_org.connectors, ledger, now=NOW)

    old = rt_server.api("GET", "ticket/2")  # resolved in January 2019: more than 5 years ago
    assert old["Subject"] == "[redacted]"
    assert old["Requestor"] == []
    recent = rt_server.api("GET", "ticket/1")  # resolved in October 2026
    assert recent["Subject"] == "Refund for Alice Martin"
    unresolved = rt_server.api("GET", "ticket/3")
    assert unresolved["Subject"] == "Sizes"
    assert preview is not None


def test_minimisation_scan_finds_special_categories_in_ticket_text(rt_org):
    from gdpr.connectors.base import ByReference
    from gdpr.quality.findings import key_of
    from gdpr.quality.runner import check_records

    connector = rt_org.connectors["helpdesk"]
    correspondence = rt_org.datamap.dataset("helpdesk.correspondence").dataset
    outcome = check_records(rt_org.datamap, "helpdesk.correspondence", connector)

    found = connector.find(correspondence, ByReference(("Ticket",), [(1,)]), ["id", "Type"])
    (creation,) = [r["id"] for rows in found for r in rows if r["Type"] == "Create"]
    health = {f.key for f in outcome.findings if f.category == "health"}
    assert key_of((creation,)) in health, "chemotherapy: health data written in a ticket"
    every = [r for rows in connector.scan(correspondence, ["id"]) for r in rows]
    assert outcome.text_rows == len(every), "every message of every ticket was read"


def test_intake_takes_privacy_tickets_from_the_rt_queue_and_replies_in_rt(
    rt_org, rt_server, ledger
):
    from datetime import UTC, datetime

    from gdpr.intake.take import take_requests

    connector = rt_org.connectors["helpdesk"]
    outcome = take_requests(rt_org.datamap, connector, ledger, now=NOW)

    assert (outcome.new, outcome.replies) == (1, 1), outcome.as_dict()
    (request,) = ledger.requests_of_subject(ALICE)
    assert request.kind == "erasure"
    assert request.external_ref == "4"
    assert request.received_at.replace(tzinfo=UTC) == datetime(2026, 11, 16, 9, 30, tzinfo=UTC)
    history = rt_server.api("GET", "ticket/4/history", fields="Type", per_page=100)
    replies = [t for t in history["items"] if t["Type"] == "Correspond"]
    assert len(replies) == 1, "the acknowledgement is an RT reply on the ticket"
    parts = rt_server.api(
        "POST",
        "attachments",
        [{"field": "TransactionId", "value": replies[0]["id"]}],
        fields="Content,ContentType",
    )
    text = " ".join(p["Content"] for p in parts["items"] if p["ContentType"] == "text/plain")
    assert request.request_id in text

    again = take_requests(rt_org.datamap, connector, ledger, now=NOW)
    assert (again.new, again.known, again.replies) == (0, 1, 0), "taken once, answered once"
