"""gdpr_subject_erasure, gdpr_minimisation_checks and gdpr_request_intake run for real with
dag.test() over an organisation whose helpdesk is a real Request Tracker 5 (tests/rt/plugin.py):
the subject's customer record and receipts are deleted, her tickets anonymised through RT's
REST 2 API, what the API cannot erase is kept with the reason in the certificate; the ticket
text is scanned; a privacy ticket becomes a ledger request answered by an RT reply; and nothing
personal goes to XCom or the logs."""

from __future__ import annotations

import logging

import pytest

from gdpr.ledger import Ledger, verify_chain
from tests.dags.conftest import task_states, xcom_text
from tests.dags.requests import register

pytest_plugins = ["tests.rt.plugin", "tests.rt.org"]
pytestmark = pytest.mark.integration

ALICE = "alice.martin@example.com"
KEY = "test-suppression-key-0123456789abcdef"


def test_erasure_dag_over_rt_certifies_what_was_erased_and_what_rt_keeps(
    rt_org, rt_server, run_dag, approver, smtp_server, monkeypatch, capfd, caplog
):
    caplog.set_level(logging.INFO)
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", KEY)
    approver("gdpr_subject_erasure", "Approve")

    run = run_dag("gdpr_subject_erasure", request_id=register("erasure", ALICE), ground="c")

    assert run.state == "success", task_states(run)
    ticket = rt_server.api("GET", "ticket/1")
    assert ticket["Subject"] == "[redacted]"
    assert ticket["Requestor"] == []
    assert rt_server.api("GET", "ticket/3")["Subject"] == "Sizes", "Bob's ticket is untouched"
    listed = rt_org.s3.list_object_versions(Bucket="rtorg-documents", Prefix="receipts/C-1001/")
    assert not listed.get("Versions")
    assert not listed.get("DeleteMarkers")

    ledger = Ledger(rt_org.ledger)
    (request,) = [r for r in ledger.requests_of_subject(ALICE) if r.kind == "erasure"]
    assert request.status == "completed"
    certificate = (
        rt_org.s3.get_object(
            Bucket="rtorg-reports", Key=f"erasure/{request.request_id}/certificate.html"
        )["Body"]
        .read()
        .decode()
    )
    assert "Certificate of erasure (partial)" in certificate
    assert "Kept: the system cannot erase it. Request Tracker" in certificate
    assert "rt-shredder" in certificate
    assert "None: not an exemption; the records are still to be erased" in certificate
    assert "Records kept: the system cannot erase them" in certificate
    assert "17(3)(b)" not in certificate, "a technical limit is not a legal exemption"
    assert request.close_reason.endswith("kept because the system cannot erase them")
    assert verify_chain(rt_org.ledger).ok

    logs = capfd.readouterr()
    for text in (xcom_text(run), logs.out + logs.err + caplog.text):
        assert ALICE not in text.lower()
        assert "alice martin" not in text.lower()


def test_rectification_dag_corrects_the_requestors_name_in_rt_and_the_shop(
    rt_org, rt_server, run_dag, smtp_server, monkeypatch, capfd, caplog
):
    caplog.set_level(logging.INFO)
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", KEY)
    new = "Alice Martin-Dupont"
    rid = register("rectification", ALICE, field="user.name", value=new)

    run = run_dag("gdpr_subject_rectification", request_id=rid)

    assert run.state == "success", task_states(run)
    found = rt_server.api(
        "POST", "users", [{"field": "EmailAddress", "value": ALICE}], fields="RealName"
    )
    assert [u["RealName"] for u in found["items"]] == [new]
    with rt_org.shop.connect() as conn:
        names = conn.exec_driver_sql("SELECT full_name FROM customers ORDER BY customer_id")
        assert [n for (n,) in names] == [new, "Bob Durand"]
    assert Ledger(rt_org.ledger).get_request(rid).status == "completed"
    logs = capfd.readouterr()
    for text in (xcom_text(run), logs.out + logs.err + caplog.text):
        assert new.lower() not in text.lower()
        assert ALICE not in text.lower()


def test_minimisation_dag_scans_the_text_of_rt_tickets(rt_org, run_dag, smtp_server):
    run = run_dag("gdpr_minimisation_checks")

    states = task_states(run)
    assert run.state == "success", states
    evidence = [e for e in Ledger(rt_org.ledger).evidence() if e.action == "minimisation.check"]
    by_dataset = {e.dataset: e for e in evidence}
    assert {"helpdesk.tickets", "helpdesk.correspondence"} <= set(by_dataset)
    messages = by_dataset["helpdesk.correspondence"]
    assert messages.detail["text_rows"] == 5, "four tickets created, one reply"
    assert messages.detail["by_category"]["free_text:health"] >= 1, "the chemotherapy"


def test_intake_dag_takes_the_privacy_ticket_and_answers_it_in_rt(
    rt_org, rt_server, run_dag, capfd, caplog
):
    caplog.set_level(logging.INFO)
    run = run_dag("gdpr_request_intake")

    assert run.state == "success", task_states(run)
    (request,) = Ledger(rt_org.ledger).requests_of_subject(ALICE)
    assert (request.kind, request.external_ref, request.status) == ("erasure", "4", "open")
    history = rt_server.api("GET", "ticket/4/history", fields="Type", per_page=100)
    assert [t["Type"] for t in history["items"]].count("Correspond") == 1
    logs = capfd.readouterr()
    for text in (xcom_text(run), logs.out + logs.err + caplog.text):
        assert ALICE not in text.lower()
