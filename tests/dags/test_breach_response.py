"""gdpr_breach_response as the DPO sees it: the form's choices come from the data map's YAML,
and the run waits for a human (HITL) after the drafts, before recording the notification.

The steps themselves are tested on the demo data in tests/integration/test_breach.py (counts)
and test_breach_record.py (the 72-hour rule); a full dag.test() run answering the HITL task
from a thread did not resume reliably on SQLite and is not part of the suite.
"""

from __future__ import annotations

from airflow.providers.standard.operators.hitl import HITLOperator

from tests.conftest import ROOT

DAG_ID = "gdpr_breach_response"


def _dag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(ROOT / "dags" / f"{DAG_ID}.py")).get_dag(DAG_ID)


def test_the_form_offers_the_data_maps_datasets_and_categories(airflow_db, datamap):
    params = _dag().params
    assert params.get_param("datasets").schema["items"]["enum"] == datamap.dataset_ids()
    categories = params.get_param("categories").schema["items"]["enum"]
    assert "user.contact.email" in categories
    assert params["high_risk"] is False
    assert params["aware_at"] is None  # empty means now


def test_the_run_waits_for_the_dpo_after_the_drafts_and_before_the_record(airflow_db):
    dag = _dag()
    wait = dag.get_task("wait_for_notification")
    assert isinstance(wait, HITLOperator)
    assert set(wait.params) >= {"reference", "submitted_at", "delay_reason"}
    assert wait.upstream_task_ids == {"draft"}
    assert dag.get_task("record_notification").upstream_task_ids == {
        "register",
        "wait_for_notification",
    }
