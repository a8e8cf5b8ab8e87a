"""gdpr_subject_erasure run for real with dag.test(), answered through Airflow's HITL API code
(tests.dags.hitl: a thread plays the approver)."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa

from examples.retailer.planted import PLANTED
from gdpr.erasure.notify import recipients_for
from gdpr.erasure.suppression import SCOPE, identity_hash
from gdpr.ledger import Ledger, verify_chain
from tests.dags.conftest import personal_values, task_states, xcom_text
from tests.dags.requests import register

DAG_ID = "gdpr_subject_erasure"
KEY = "test-suppression-key-0123456789abcdef"
SUBJECT = PLANTED.subject


@pytest.fixture
def org(demo_org, smtp_server, monkeypatch):
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", KEY)
    demo_org.mail = smtp_server
    return demo_org


def count(engine, sql):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).scalar_one()


def snapshot(org) -> dict[str, int]:
    return {
        "customers": count(org.crm, "SELECT count(*) FROM customers"),
        "orders": count(org.crm, "SELECT count(*) FROM orders"),
        "redacted": count(
            org.crm, "SELECT count(*) FROM invoices WHERE billing_name = '[redacted]'"
        ),
        "tickets": count(org.helpdesk, "SELECT count(*) FROM tickets"),
        "audio": len(org.s3.list_object_versions(Bucket="ml-call-audio").get("Versions", [])),
    }


def erasure_requests(org):
    return [r for r in Ledger(org.ledger).open_requests() if r.kind == "erasure"]


def test_approved_erasure_applies_the_plan_certifies_notifies_and_suppresses(
    org, run_dag, approver, capfd, caplog
):
    caplog.set_level(logging.INFO)
    ledger = Ledger(org.ledger)
    before = snapshot(org)
    approver(DAG_ID, "Approve")

    dag_run = run_dag(DAG_ID, request_id=register("erasure", SUBJECT.email), ground="c")

    assert dag_run.state == "success", task_states(dag_run)
    after = snapshot(org)
    assert after["customers"] == before["customers"] - 1
    assert after["orders"] == before["orders"] - len(SUBJECT.order_ids)
    assert after["redacted"] == before["redacted"] + len(SUBJECT.invoice_ids)
    assert after["tickets"] == before["tickets"] - len(SUBJECT.ticket_ids)
    assert count(org.crm, "SELECT count(*) FROM customers WHERE customer_id = 1") == 0

    (request,) = [r for r in _all_requests(org) if r.kind == "erasure"]
    assert request.status == "completed"
    planned = _xcom(dag_run, "preview")["counts"]
    changed = _xcom(dag_run, "erase")["changed"]
    for dataset, counts in planned.items():
        for action in ("delete", "anonymise", "restrict"):
            assert changed.get(dataset, {}).get(action, 0) == counts[action], (dataset, action)
    assert verify_chain(org.ledger).ok
    actions = [e.action for e in ledger.evidence(request_id=request.request_id)]
    assert "erasure.preview" in actions
    assert "erasure.delete" in actions
    assert actions[-1] == "erasure.certificate"

    certificate = (
        org.s3.get_object(
            Bucket=org.datamap.reports.bucket, Key=f"erasure/{request.request_id}/certificate.html"
        )["Body"]
        .read()
        .decode()
    )
    assert "Certificate of erasure (partial)" in certificate, "invoice PDFs are kept"
    assert request.close_reason.startswith("partially erased (Art. 17)")
    assert "L123-22" in certificate, "kept records carry their reason"
    assert "Claire (DPO)" in certificate

    affected = [d.id for d in org.datamap.iter_datasets() if d.kind == "sql"]
    expected = {n.recipient for n in recipients_for(org.datamap, affected)}
    assert expected
    for address in expected:
        assert len(org.mail.to(address)) == 1, address
    notified = {
        n.recipient for n in ledger.notifications(target=request.request_id, topic="art19_erasure")
    }
    assert notified == expected

    assert identity_hash(KEY.encode(), SUBJECT.email) in ledger.suppressed(SCOPE)
    assert SUBJECT.email not in str(ledger.suppressions())

    logs = capfd.readouterr()
    text = (logs.out + logs.err + caplog.text).lower()
    blob = xcom_text(dag_run)
    for value in personal_values():
        assert value.lower() not in blob, "no personal value in XCom"
        assert value.lower() not in text, "no personal value in task logs"

    # rerun of the approved request: nothing left, nothing sent twice, still success
    rerun = run_dag(DAG_ID, request_id=request.request_id, ground="c")
    assert rerun.state == "success", task_states(rerun)
    assert task_states(rerun)[("approve", -1)] == "skipped"
    assert snapshot(org) == after
    for address in expected:
        assert len(org.mail.to(address)) == 1, address


def _xcom(dag_run, task_id):
    (ti,) = [ti for ti in dag_run.get_task_instances() if ti.task_id == task_id]
    return ti.xcom_pull(task_ids=task_id)


def _all_requests(org):
    from gdpr.ledger.schema import requests

    ledger = Ledger(org.ledger)
    with org.ledger.connect() as conn:
        ids = [r.request_id for r in conn.execute(sa.select(requests.c.request_id))]
    return [ledger.get_request(i) for i in ids]


def test_rejection_erases_nothing_and_marks_the_request_rejected(org, run_dag, approver):
    before = snapshot(org)
    approver(DAG_ID, "Reject")

    dag_run = run_dag(DAG_ID, request_id=register("erasure", SUBJECT.email), ground="a")

    assert dag_run.state == "success", task_states(dag_run)
    states = task_states(dag_run)
    assert states[("erase", -1)] == "skipped"
    assert states[("finish", -1)] == "success"
    assert snapshot(org) == before
    (request,) = _all_requests(org)
    assert request.status == "rejected"
    assert org.mail.messages == []


def test_no_answer_before_the_timeout_erases_nothing(org, run_dag, approver, monkeypatch):
    monkeypatch.setenv("GDPR_ERASURE_APPROVAL_TIMEOUT", "PT3S")
    before = snapshot(org)
    approver(DAG_ID, None)

    dag_run = run_dag(DAG_ID, request_id=register("erasure", SUBJECT.email), ground="a")

    assert task_states(dag_run)[("erase", -1)] == "skipped"
    assert snapshot(org) == before
    (request,) = erasure_requests(org)
    assert request.status == "open", "the request is still to be answered"
    events = [e.kind for e in Ledger(org.ledger).request_events(request.request_id)]
    assert "erasure.approval_timed_out" in events


@pytest.mark.parametrize(
    "conf",
    [
        {},
        {"request_id": "not an id!"},
        {"request_id": "R-2026-999999"},
    ],
    ids=["no-request", "malformed-request-id", "unknown-request"],
)
def test_bad_input_fails_before_anything_is_touched(org, run_dag, conf):
    before = snapshot(org)
    dag_run = run_dag(DAG_ID, **{"ground": "a", **conf})
    assert dag_run.state == "failed"
    assert task_states(dag_run)[("check_input", -1)] == "failed"
    assert task_states(dag_run)[("preview", -1)] == "upstream_failed"
    assert snapshot(org) == before
    assert _all_requests(org) == []


def test_input_the_form_refuses_never_starts_a_run(org, run_dag):
    from airflow.sdk.exceptions import ParamValidationError

    before = snapshot(org)
    with pytest.raises(ParamValidationError):
        run_dag(DAG_ID, request_id="R-2026-000001", ground="z")
    assert snapshot(org) == before
    assert _all_requests(org) == []


@pytest.mark.parametrize(
    "address",
    ["camille.durand@@example", "camille.dur\u0430nd@example.fr"],
    ids=["malformed", "homoglyph"],
)
def test_a_bad_address_is_refused_at_registration_in_one_sentence(org, address):
    with pytest.raises(ValueError, match="the email address") as refused:
        register("erasure", address)
    assert "\n" not in str(refused.value)
    assert "camille" not in str(refused.value)
    assert _all_requests(org) == []
