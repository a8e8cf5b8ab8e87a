"""An erasure failing between two systems, then a rerun, on every shipped organisation
(examples/: UUID, composite and text keys, shared records, archives, names in three languages).

The approved plan is completed as approved: the end state is the one the plan promised (the
subject's records deleted or anonymised as planned, nobody else's touched), each batch's
evidence exists once, every recipient of a dataset changed in either attempt gets one Art. 19
notice, and the certificate's totals are its table's.
"""

from __future__ import annotations

import pytest

from gdpr.erasure.apply import CHANGES
from gdpr.erasure.notify import recipients_for
from gdpr.ledger import Ledger, verify_chain
from tests.clock import TEST_NOW
from tests.dags.test_organisations import rows_by_key
from tests.integration.test_erasure_resume import (
    APPROVAL,
    FailOnFirstDelete,
    certificate_numbers,
    stored_certificate,
)

DAG_ID = "gdpr_subject_erasure"


@pytest.fixture
def suppression_key(monkeypatch):
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", "resume-key-0123456789abcdef")


def test_an_erasure_failing_between_systems_ends_as_planned_after_a_rerun(
    org, smtp_server, suppression_key
):
    from gdpr.airflow import erasure_batch

    planted, ledger = org.planted, Ledger(org.ledger)
    request_id = ledger.create_request(
        kind="erasure",
        subject_email=planted.subject,
        received_at=TEST_NOW,
        due_at=TEST_NOW,
        channel="test",
    ).request_id
    sql = [ref.id for ref in org.datamap.iter_datasets() if ref.kind == "sql"]
    before = {dataset: rows_by_key(org, dataset) for dataset in sql}
    check = {"request_ids": [request_id], "ground": "a"}

    planned = erasure_batch.make_preview(check, dag_id=DAG_ID, run_id="run-1")
    with erasure_batch._approved(planned) as job:
        merged = job.batch.merged
    order = [d.system for d in merged.datasets if d.kind == "sql" and (d.delete or d.anonymise)]
    assert len(set(order)) == 2, "the subject has records to change in both databases"
    second = next(s for s in order if s != order[0])
    with (
        FailOnFirstDelete(org.engines[second].url.database) as failing,
        pytest.raises(RuntimeError, match="injected failure"),
    ):
        erasure_batch.erase(planned, APPROVAL, dag_id=DAG_ID, run_id="run-1")
    assert failing.fired
    first_done = {e.dataset for e in ledger.evidence(request_id=request_id, actions=CHANGES)}
    assert first_done, "the first database committed before the failure"
    assert ledger.get_request(request_id).is_open

    rerun = erasure_batch.make_preview(check, dag_id=DAG_ID, run_id="run-2")
    assert rerun["resumed"] is True
    assert rerun["plan_sha256"] == planned["plan_sha256"]
    erasure_batch.erase(rerun, rerun["approval"], dag_id=DAG_ID, run_id="run-2")
    erasure_batch.verify(rerun)
    erasure_batch.certify(rerun, rerun["approval"], dag_id=DAG_ID, run_id="run-2")
    notices = erasure_batch.notify_recipients(rerun)
    erasure_batch.finish(
        check, rerun, rerun["approval"], {"suppressed": 1}, dag_id=DAG_ID, run_id="run-2"
    )

    # the end state the plan promised, and nobody else's record touched
    plans = {d.dataset: d for d in merged.datasets}
    for dataset in sql:
        now, mine = rows_by_key(org, dataset), planted.subject_holdings.rows.get(dataset, set())
        gone = {k for k in before[dataset] if k not in now}
        assert gone <= mine, f"{dataset}: someone else's record was deleted"
        planned_deletes = len(plans[dataset].delete) if dataset in plans else 0
        assert len(gone) == planned_deletes, dataset
        others = before[dataset].keys() - mine
        assert all(now[k] == before[dataset][k] for k in others), dataset
    assert ledger.get_request(request_id).status == "completed"

    # each batch's evidence once; every recipient of a dataset changed in either attempt, once
    done = [e for e in ledger.evidence(request_id=request_id, actions=CHANGES) if e.count]
    batches = [(e.dataset, e.action, e.keys_sha256) for e in done]
    assert len(batches) == len(set(batches))
    changed = {e.dataset for e in done}
    assert first_done <= changed
    recipients = {n.recipient for n in recipients_for(org.datamap, sorted(changed))}
    for address in recipients:
        assert len(smtp_server.to(address)) == 1, address
    assert notices["sent"] == len(recipients)
    summary, sums = certificate_numbers(stored_certificate(org.s3, org.datamap, request_id))
    assert summary == sums
    assert summary["delete"] == merged.totals()["delete"]
    assert verify_chain(org.ledger).ok
