"""Running the project's DAGs for real with dag.test(), and reading what they left in Airflow."""

from __future__ import annotations

import pytest

from examples.retailer.planted import PLANTED
from tests.conftest import ROOT
from tests.dags.hitl import approver  # noqa: F401  (the fixture, for every DAG test)


@pytest.fixture
def run_dag(airflow_db):
    """``run_dag(dag_id, **conf)``: one real run of a DAG of dags/, returning its DagRun. Its
    logical date is the suite's clock (``TEST_NOW`` moving on), as the product's: the purge and
    the checks cut at a run's logical date."""

    def run(dag_id: str, **conf):
        from airflow.dag_processing.dagbag import DagBag

        from gdpr.ledger.clock import utc_now

        dag = DagBag(dag_folder=str(ROOT / "dags" / f"{dag_id}.py")).get_dag(dag_id)
        return dag.test(run_conf=conf or None, logical_date=utc_now())

    return run


def task_states(dag_run) -> dict[tuple[str, int], str]:
    return {(ti.task_id, ti.map_index): ti.state for ti in dag_run.get_task_instances()}


def xcom_text(dag_run) -> str:
    """Every XCom value of the run, as one lower-case text to search."""
    values = [
        str(ti.xcom_pull(task_ids=ti.task_id, map_indexes=ti.map_index))
        for ti in dag_run.get_task_instances()
    ]
    return "\n".join(values).lower()


def personal_values() -> tuple[str, ...]:
    """What must never appear in XCom or task logs: the planted subject's identity."""
    subject = PLANTED.subject
    return (subject.email, subject.last_name.lower(), subject.phone, "camille.durand")
