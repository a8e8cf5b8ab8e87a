"""gdpr_subject_objection run for real on every shipped organisation: an objection to direct
marketing withdraws every opt-in of the subject the map declares and nobody else's, suppresses
the address, tells the marketing recipients and drafts the answer; an objection on legitimate
interest opens a decision on the request's clock, or is refused where there is none."""

from __future__ import annotations

import pytest

from gdpr.erasure.notify import recipients_for
from gdpr.erasure.objection import DECISION_OPENED, interest_purposes, marketing_datasets
from gdpr.erasure.suppression import OBJECTION_REASON, SCOPE, identity_hash
from gdpr.ledger import Ledger, verify_chain
from tests.dags.conftest import task_states, xcom_text
from tests.dags.requests import register
from tests.dags.test_organisations import rows_by_key

DAG_ID = "gdpr_subject_objection"
KEY = "objection-suppression-key-0123456789"


@pytest.fixture
def keyed(monkeypatch):
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", KEY)


def consents(org) -> dict[str, dict]:
    """Every row of every consent dataset, by dataset then key."""
    return {ref.id: rows_by_key(org, ref.id) for ref in marketing_datasets(org.datamap)}


def test_objection_to_direct_marketing_withdraws_suppresses_notifies_and_answers(
    org, run_dag, smtp_server, keyed
):
    planted = org.planted
    before = consents(org)
    mine = {d: planted.subject_holdings.rows.get(d, frozenset()) for d in before}
    opted_in = {
        d: {k for k in keys if before[d][k][org.datamap.dataset(d).dataset.consent.opt_in]}
        for d, keys in mine.items()
    }
    rid = register("objection", planted.subject, identity=planted.identity)

    dag_run = run_dag(DAG_ID, request_id=rid, ground="direct_marketing")
    assert dag_run.state == "success", task_states(dag_run)
    assert task_states(dag_run)[("open_decision", -1)] == "skipped"

    after = consents(org)
    for dataset, rows in after.items():
        consent = org.datamap.dataset(dataset).dataset.consent
        for key, row in rows.items():
            if key in mine[dataset]:
                assert not row[consent.opt_in], f"{dataset} {key}: still opted in"
                if key in opted_in[dataset] and consent.withdrawn_at:
                    assert row[consent.withdrawn_at] is not None, "the withdrawal time is set"
            else:
                assert row == before[dataset][key], f"{dataset} {key}: not the subject's"
    if before:
        assert any(opted_in.values()), "the shipped subject had an opt-in to withdraw"

    ledger = Ledger(org.ledger)
    (entry,) = [s for s in ledger.suppressions() if s.request_id == rid]
    assert (entry.scope, entry.reason) == (SCOPE, OBJECTION_REASON)
    assert entry.identity_hash == identity_hash(KEY.encode(), planted.subject)
    expected = recipients_for(org.datamap, [r.id for r in marketing_datasets(org.datamap)])
    for notice in expected:
        (message,) = smtp_server.to(notice.recipient)
        assert "Art. 21(3)" in message["Subject"]
    assert len(smtp_server.messages) == len(expected), "only the marketing recipients are told"

    request = ledger.get_request(rid)
    assert request.status == "completed"
    (drafted,) = [
        e for e in ledger.evidence(request_id=rid) if e.action == "objection.answer_drafted"
    ]
    answer = org.s3.get_object(Bucket=org.datamap.reports.bucket, Key=drafted.detail["answer"])
    text = answer["Body"].read().decode()
    assert rid in text
    assert "suppression list" in text
    assert planted.subject not in text.lower(), "the draft names no identity"
    withdrawn = sum(len(k) for k in opted_in.values())
    actions = [e.action for e in ledger.evidence(request_id=rid)]
    assert actions.count("objection.consent_withdrawn") == sum(bool(k) for k in opted_in.values())
    assert verify_chain(org.ledger).ok
    assert planted.subject not in xcom_text(dag_run)
    assert withdrawn == 0 or "withdrew" in text

    again = run_dag(DAG_ID, request_id=rid, ground="direct_marketing")
    assert task_states(again)[("check_input", -1)] == "failed", "an answered request is refused"
    assert consents(org) == after


def test_objection_on_legitimate_interest_opens_a_decision_or_is_refused(org, run_dag, keyed):
    planted = org.planted
    interest = set(interest_purposes(org.datamap))
    concerned = {
        d
        for d in planted.subject_holdings.counts()
        if interest & set(org.datamap.dataset(d).dataset.purposes)
    }
    rid = register("objection", planted.subject, identity=planted.identity)
    before = consents(org)

    dag_run = run_dag(DAG_ID, request_id=rid, ground="legitimate_interest")
    ledger = Ledger(org.ledger)
    assert consents(org) == before, "an Art. 21(1) objection withdraws nothing by itself"
    assert ledger.suppressions() == []
    request = ledger.get_request(rid)
    assert request.status == "open", "the request stays on its clock"
    if not concerned:
        assert task_states(dag_run)[("check_input", -1)] == "failed"
        return
    assert dag_run.state == "success", task_states(dag_run)
    assert task_states(dag_run)[("withdraw_consents", -1)] == "skipped"
    (event,) = [e for e in ledger.request_events(rid) if e.kind == DECISION_OPENED]
    assert set(event.detail["datasets"]) == concerned
    assert event.detail["options"] == ["uphold", "restrict_then_erase"]
    assert event.detail["due_at"] == request.effective_due_at.isoformat()
    assert [e.citation for e in ledger.evidence(request_id=rid)] == ["Art. 21(1) GDPR"]
