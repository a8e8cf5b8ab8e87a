"""Four eyes on an erasure (gdpr_subject_erasure run for real with dag.test()): the approval is
assigned to the approvers other than the person who asked, Airflow refuses anyone else, and an
answer by the requester is refused by the task itself: nothing is erased either way."""

from __future__ import annotations

import threading

import pytest
from fastapi import HTTPException

from examples.retailer.planted import PLANTED
from gdpr.airflow import approval
from gdpr.ledger import Ledger
from gdpr.ledger.clock import utc_now
from tests.dags.conftest import task_states
from tests.dags.hitl import Approver, let_it_time_out, respond
from tests.dags.refusals import RunLog, assert_refused
from tests.dags.test_subject_erasure import KEY, snapshot

DAG_ID = "gdpr_subject_erasure"


@pytest.fixture
def org(demo_org, smtp_server, monkeypatch):
    from airflow.api_fastapi.app import create_auth_manager

    create_auth_manager()  # the API server's auth manager checks who is assigned
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", KEY)
    monkeypatch.setenv("GDPR_APPROVERS", "dpo, deputy")
    monkeypatch.setenv("GDPR_ERASURE_APPROVAL_TIMEOUT", "PT45S")  # a refused test still ends
    return demo_org


def erasure_request(org) -> str:
    from gdpr.deadlines import request_due_at

    now = utc_now()
    request = Ledger(org.ledger).create_request(
        kind="erasure",
        subject_email=PLANTED.subject.email,
        received_at=now,
        due_at=request_due_at(now, "Europe/Paris"),
        channel="test",
    )
    return request.request_id


def answer_in_thread(*attempts):
    """Answer the approval as each (user, option) in turn; Airflow's refusals are kept. If no
    answer is taken, the approval is left to time out so the run still ends."""
    refused: list[str] = []

    def run():
        for user, option in attempts:
            try:
                respond(DAG_ID, option, user=user)
                return
            except HTTPException as exc:
                refused.append(f"{exc.status_code} {exc.detail}")
            except Exception as exc:
                refused.append(f"error {type(exc).__name__}: {exc}")
                break
        let_it_time_out(DAG_ID)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, refused


def test_the_requester_cannot_answer_the_approval_of_their_own_erasure(org, run_dag, monkeypatch):
    # dag.test() records no triggering user: the DPO is the one who asked, as the UI would say
    monkeypatch.setattr(approval, "_requester", lambda context: "dpo")
    before = snapshot(org)
    thread, refused = answer_in_thread(
        (Approver("dpo"), "Approve"),  # the requester: not assigned to the approval (403)
        (Approver("deputy", "Deputy DPO"), "Reject"),  # the other approver ends the wait
    )

    dag_run = run_dag(DAG_ID, request_id=erasure_request(org), ground="a")
    thread.join(timeout=60)

    assert len(refused) == 1, refused
    assert refused[0].startswith("403")
    assert task_states(dag_run)[("erase", -1)] != "success"
    assert snapshot(org) == before, "nothing erased"


def test_only_an_assigned_approver_can_answer(org, run_dag):
    before = snapshot(org)
    thread, refused = answer_in_thread(
        (Approver("intern", "An intern"), "Approve"),  # not in GDPR_APPROVERS: refused (403)
        (Approver("deputy", "Deputy DPO"), "Approve"),  # an approver: accepted
    )

    dag_run = run_dag(DAG_ID, request_id=erasure_request(org), ground="a")
    thread.join(timeout=60)

    assert len(refused) == 1, refused
    assert refused[0].startswith("403")
    assert dag_run.state == "success", task_states(dag_run)
    assert snapshot(org) != before, "approved by an approver: erased"


def test_a_requester_who_is_the_only_approver_is_refused_in_one_sentence(
    org, run_dag, monkeypatch, capfd, caplog
):
    monkeypatch.setattr(approval, "_requester", lambda context: "dpo")
    monkeypatch.setenv("GDPR_APPROVERS", "dpo")
    before = snapshot(org)

    log = RunLog(capfd, caplog)
    dag_run = run_dag(DAG_ID, request_id=erasure_request(org), ground="a")

    assert_refused(
        dag_run,
        "approve",
        log.text(),
        "dpo asked for this run and is the only approver in GDPR_APPROVERS",
    )
    assert task_states(dag_run)[("erase", -1)] != "success"
    assert snapshot(org) == before, "nothing erased"


def test_an_answer_by_the_requester_is_refused_in_one_sentence(
    org, run_dag, monkeypatch, capfd, caplog
):
    # no approvers configured: Airflow lets the requester answer, the task refuses the answer
    monkeypatch.setattr(approval, "_requester", lambda context: "dpo")
    monkeypatch.delenv("GDPR_APPROVERS")
    before = snapshot(org)
    thread, refused = answer_in_thread((Approver("dpo"), "Approve"))

    log = RunLog(capfd, caplog)
    dag_run = run_dag(DAG_ID, request_id=erasure_request(org), ground="a")
    thread.join(timeout=60)

    assert refused == [], "Airflow took the answer"
    assert_refused(
        dag_run,
        "approve",
        log.text(),
        "dpo asked for this run and cannot also approve it (four-eyes rule)",
    )
    assert task_states(dag_run)[("erase", -1)] != "success"
    assert snapshot(org) == before, "nothing erased"
