"""gdpr_subject_erasure_batch run for real with dag.test(): several ledger requests, one
preview, one approval through Airflow's HITL code, per-request evidence, certificates, notices."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa

from examples.retailer.planted import PLANTED
from gdpr.deadlines import request_due_at
from gdpr.erasure.suppression import SCOPE, identity_hash
from gdpr.ledger import Ledger, verify_chain
from tests.clock import TEST_NOW
from tests.dags.conftest import personal_values, task_states, xcom_text

DAG_ID = "gdpr_subject_erasure_batch"
KEY = "test-suppression-key-0123456789abcdef"
NOW = TEST_NOW
NOBODY = "no.one.by.this.name@example.org"


@pytest.fixture
def org(demo_org, smtp_server, monkeypatch):
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", KEY)
    demo_org.mail = smtp_server
    return demo_org


def count(engine, sql, **params):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql), params).scalar_one()


def requests_for(org, emails: list[str]) -> dict[str, str]:
    """One open erasure request per address, as the intake records them: id -> address."""
    ledger = Ledger(org.ledger)
    out = {}
    for email in emails:
        request = ledger.create_request(
            kind="erasure",
            subject_email=email,
            received_at=NOW,
            due_at=request_due_at(NOW, "Europe/Paris"),
            channel="test",
        )
        out[request.request_id] = email
    return out


def generated_customers(org, n: int) -> list[str]:
    with org.crm.connect() as conn:
        return [
            r[0]
            for r in conn.execute(
                sa.text(
                    "SELECT email FROM customers WHERE customer_id BETWEEN 40 AND :last "
                    "ORDER BY customer_id"
                ),
                {"last": 39 + n},
            )
        ]


def test_one_approval_erases_every_request_with_its_own_evidence_and_certificate(
    org, run_dag, approver, capfd, caplog
):
    caplog.set_level(logging.INFO)
    ledger = Ledger(org.ledger)
    others = generated_customers(org, 3)
    ids = requests_for(org, [PLANTED.subject.email, *others, NOBODY])
    customers = count(org.crm, "SELECT count(*) FROM customers")
    approver(DAG_ID, "Approve")

    dag_run = run_dag(DAG_ID, request_ids=list(ids), ground="c")

    assert dag_run.state == "success", task_states(dag_run)
    assert count(org.crm, "SELECT count(*) FROM customers") == customers - 4
    for email in [PLANTED.subject.email, *others]:
        assert (
            count(org.crm, "SELECT count(*) FROM customers WHERE lower(email) = :e", e=email) == 0
        )
    statuses = {r: ledger.get_request(r).status for r in ids}
    assert set(statuses.values()) == {"completed"}
    assert ledger.get_request(next(r for r, e in ids.items() if e == NOBODY)).close_reason == (
        "nothing of the subject left to erase"
    )

    bucket = org.datamap.reports.bucket
    for request_id, email in ids.items():
        own = [e for e in ledger.evidence(request_id=request_id)]
        actions = [e.action for e in own]
        if email == NOBODY:
            assert "erasure.certificate" not in actions
            continue
        (subject_row,) = [e for e in own if e.action == "erasure.subject"]
        assert subject_row.count > 0
        assert actions[-1] == "erasure.certificate"
        certificate = org.s3.get_object(
            Bucket=bucket, Key=f"erasure/{request_id}/certificate.html"
        )["Body"].read()
        assert request_id.encode() in certificate
        assert b"Claire (DPO)" in certificate
        assert identity_hash(KEY.encode(), email) in ledger.suppressed(SCOPE)
    assert verify_chain(org.ledger).ok

    notices = ledger.notifications(topic="art19_erasure")
    recipients = {n.recipient for n in notices}
    assert recipients
    for address in recipients:
        (mail,) = org.mail.to(address)  # one e-mail per recipient, for the whole batch
        told = {n.target for n in notices if n.recipient == address}
        assert told
        assert told <= set(ids)
        body = mail.get_body(("html",)).get_content()
        for request_id in told:
            assert request_id in body, "the recipient is told which requests"
    assert all(n.status == "sent" for n in notices)

    logs = capfd.readouterr()
    text = (logs.out + logs.err + caplog.text).lower()
    blob = xcom_text(dag_run)
    for value in (*personal_values(), *others):
        assert value.lower() not in blob, "no personal value in XCom"
        assert value.lower() not in text, "no personal value in task logs"

    # the same list again: nothing left, nothing sent twice, every request still completed
    rerun = run_dag(DAG_ID, request_ids=list(ids), ground="c")
    assert rerun.state == "success", task_states(rerun)
    assert task_states(rerun)[("approve", -1)] == "skipped"
    assert count(org.crm, "SELECT count(*) FROM customers") == customers - 4
    for address in recipients:
        assert len(org.mail.to(address)) == 1


def test_rejection_erases_nothing_and_marks_every_request_rejected(org, run_dag, approver):
    ids = requests_for(org, [PLANTED.subject.email, *generated_customers(org, 2)])
    customers = count(org.crm, "SELECT count(*) FROM customers")
    approver(DAG_ID, "Reject")

    dag_run = run_dag(DAG_ID, all_open=True, ground="a")

    assert dag_run.state == "success", task_states(dag_run)
    assert task_states(dag_run)[("erase", -1)] == "skipped"
    assert count(org.crm, "SELECT count(*) FROM customers") == customers
    ledger = Ledger(org.ledger)
    assert {ledger.get_request(r).status for r in ids} == {"rejected"}
    assert org.mail.messages == []


@pytest.mark.parametrize(
    "extra",
    [["R-2026-999999"], []],
    ids=["unknown-request", "empty-list"],
)
def test_a_bad_list_fails_before_anything_is_touched(org, run_dag, extra):
    ids = requests_for(org, [PLANTED.subject.email]) if extra else {}
    customers = count(org.crm, "SELECT count(*) FROM customers")

    dag_run = run_dag(DAG_ID, request_ids=[*ids, *extra], ground="a")

    assert dag_run.state == "failed"
    assert task_states(dag_run)[("check_input", -1)] == "failed"
    assert task_states(dag_run)[("preview", -1)] == "upstream_failed"
    assert count(org.crm, "SELECT count(*) FROM customers") == customers
    ledger = Ledger(org.ledger)
    for request_id in ids:
        assert ledger.get_request(request_id).status == "open"
        assert ledger.request_events(request_id) == [], "nothing recorded for a refused list"
