"""gdpr_request_intake run for real: privacy tickets become requests once, the access request
starts its export run (gdpr_subject_access, by request id), nothing personal in Airflow."""

from __future__ import annotations

import logging

from examples.retailer import planted
from gdpr.ledger import Ledger
from tests.dags.conftest import task_states, xcom_text

DAG_ID = "gdpr_request_intake"


def export_runs() -> list[tuple[str, dict]]:
    """Runs of gdpr_subject_access the intake started (Airflow's metadata database is shared by
    the tests of one process: runs other tests triggered are not the intake's)."""
    from airflow.models.dagrun import DagRun
    from airflow.utils.session import create_session

    with create_session() as session:
        runs = session.query(DagRun).filter(DagRun.dag_id == "gdpr_subject_access").all()
        return sorted(
            (run.run_id, dict(run.conf or {})) for run in runs if run.run_id.startswith("intake__")
        )


def test_intake_is_idempotent_and_starts_the_access_export_once(demo_org, run_dag, capfd, caplog):
    caplog.set_level(logging.INFO)
    ledger = Ledger(demo_org.ledger)
    first = run_dag(DAG_ID)
    assert first.state == "success", task_states(first)
    access = ledger.find_request_by_external_ref(
        "helpdesk", str(planted.PLANTED_PRIVACY_ACCESS_TICKET_ID)
    )
    assert export_runs() == [
        (f"intake__{access.request_id}", {"request_id": access.request_id, "kind": "access"})
    ]
    outcome = first.get_task_instance("take").xcom_pull(task_ids="take")
    assert outcome["new"] == 2

    second = run_dag(DAG_ID)
    assert second.state == "success", task_states(second)
    outcome = second.get_task_instance("take").xcom_pull(task_ids="take")
    assert outcome["new"] == 0
    assert outcome["known"] == 2
    assert outcome["to_start"] == []
    assert len(export_runs()) == 1
    assert len(ledger.open_requests()) == 2

    logs = capfd.readouterr()
    for text in (xcom_text(first), xcom_text(second), logs.out, logs.err, caplog.text):
        assert planted.PLANTED_PRIVACY_ACCESS_EMAIL not in text.lower()
        assert planted.PLANTED_NON_CUSTOMER_EMAIL not in text.lower()
