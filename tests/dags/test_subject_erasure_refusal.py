"""gdpr_subject_erasure when a legal hold keeps every record of the subject: approved, it ends
refused under Art. 12(4) with a refusal notice, never "erased" with a certificate for 0 records."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from examples.retailer.planted import PLANTED
from gdpr.ledger import Ledger, verify_chain
from tests.dags.conftest import personal_values, task_states, xcom_text
from tests.dags.requests import register
from tests.dags.test_subject_erasure import KEY, snapshot

DAG_ID = "gdpr_subject_erasure"
SUBJECT = PLANTED.subject


@pytest.fixture
def org(demo_org, smtp_server, monkeypatch):
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", KEY)
    demo_org.mail = smtp_server
    return demo_org


def report(org, key):
    body = org.s3.get_object(Bucket=org.datamap.reports.bucket, Key=key)["Body"]
    return body.read().decode()


def test_an_erasure_every_record_of_which_is_held_is_refused_under_art_12_4(org, run_dag, approver):
    ledger = Ledger(org.ledger)
    ledger.add_legal_hold(
        reason="Contested delivery, claim pending",
        reference="TJ Lyon 26/0042",
        dataset="crm.orders",
        record_key={"order_id": SUBJECT.order_ids[1]},
    )
    before = snapshot(org)
    approver(DAG_ID, "Approve")

    dag_run = run_dag(DAG_ID, request_id=register("erasure", SUBJECT.email), ground="a")

    assert dag_run.state == "success", task_states(dag_run)
    assert snapshot(org) == before, "nothing erased"
    (request,) = [r for r in _requests(ledger) if r.kind == "erasure"]
    assert request.status == "refused"
    assert request.close_reason.startswith("refused under Art. 12(4)")
    assert "Contested delivery, claim pending" in request.close_reason
    assert "complaint" in request.close_reason
    assert "judicial remedy" in request.close_reason
    assert "erasure.refused" in [e.kind for e in ledger.request_events(request.request_id)]

    notice = report(org, f"erasure/{request.request_id}/refusal.html")
    assert "Refusal of erasure (Art. 12(4) GDPR)" in notice
    assert "TJ Lyon 26/0042" in notice
    assert "lodge a complaint with a supervisory authority" in notice
    with pytest.raises(ClientError):
        report(org, f"erasure/{request.request_id}/certificate.html")
    actions = [e.action for e in ledger.evidence(request_id=request.request_id)]
    assert "erasure.refusal" in actions
    assert "erasure.certificate" not in actions
    assert verify_chain(org.ledger).ok
    assert org.mail.messages == [], "no Art. 19 notice of an erasure that did not happen"

    blob = xcom_text(dag_run)
    for value in personal_values():
        assert value.lower() not in blob, "no personal value in XCom"


def _requests(ledger):
    import sqlalchemy as sa

    from gdpr.ledger.schema import requests

    with ledger._engine.connect() as conn:
        ids = [r.request_id for r in conn.execute(sa.select(requests.c.request_id))]
    return [ledger.get_request(i) for i in ids]
