"""gdpr_request_decision run for real: extend within the first month, refused after, close."""

from __future__ import annotations

from datetime import timedelta

import pytest

from gdpr.connections import create_sql_engine, env_var_name
from gdpr.deadlines import request_due_at
from gdpr.ledger import Ledger, migrate
from gdpr.ledger.clock import utc_now
from tests.conftest import airflow_conn_json
from tests.dags.conftest import task_states

DAG_ID = "gdpr_request_decision"


@pytest.fixture
def ledger(airflow_db, sqlite_url, monkeypatch):
    engine = create_sql_engine(sqlite_url)
    migrate(engine)
    monkeypatch.setenv(env_var_name("gdpr_ledger"), airflow_conn_json(sqlite_url))
    yield Ledger(engine)
    engine.dispose()


def _request(ledger: Ledger, days_ago: int, ref: str) -> str:
    received = utc_now() - timedelta(days=days_ago)
    return ledger.create_request(
        kind="access",
        subject_email="someone@example.org",
        received_at=received,
        due_at=request_due_at(received, "Europe/Paris"),
        channel="test",
        external_ref=ref,
    ).request_id


def test_the_dpo_extends_within_the_first_month_and_the_reason_is_recorded(ledger, run_dag):
    rid = _request(ledger, 10, "a")
    run = run_dag(DAG_ID, request_id=rid, action="extend", reason="Complex request")
    assert run.state == "success", task_states(run)
    record = ledger.get_request(rid)
    assert record.status == "extended"
    assert record.extension_reason == "Complex request"
    assert record.extended_due_at > record.due_at + timedelta(days=58)
    assert [e.kind for e in ledger.request_events(rid)] == ["extended"]
    assert [e.action for e in ledger.evidence(request_id=rid)] == ["request.extend"]


def test_an_extension_after_the_first_month_fails_the_run_and_changes_nothing(ledger, run_dag):
    rid = _request(ledger, 40, "b")
    run = run_dag(DAG_ID, request_id=rid, action="extend", reason="Too many requests")
    assert run.state == "failed"
    assert task_states(run) == {("record_decision", -1): "failed"}  # no retry of a refusal
    record = ledger.get_request(rid)
    assert record.status == "open"
    assert record.extended_due_at is None
    assert ledger.request_events(rid) == []
    assert ledger.evidence(request_id=rid) == []


def test_the_dpo_closes_a_request_with_the_reason(ledger, run_dag):
    rid = _request(ledger, 3, "c")
    run = run_dag(DAG_ID, request_id=rid, action="close", reason="Package delivered")
    assert run.state == "success", task_states(run)
    record = ledger.get_request(rid)
    assert record.status == "completed"
    assert record.close_reason == "Package delivered"
    assert ledger.open_requests() == []
