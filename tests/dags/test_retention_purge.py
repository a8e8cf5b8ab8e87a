"""gdpr_retention_purge run for real with dag.test(): preview, purge, a failing rule, no personal data."""

from __future__ import annotations

import logging
import shutil

import pytest
import sqlalchemy as sa

from gdpr.demo import PLANTED
from gdpr.demo.command import plant_legal_hold
from gdpr.ledger import Ledger, verify_chain
from tests.conftest import ROOT

pytestmark = pytest.mark.usefixtures("airflow_db")
DAG_ID = "gdpr_retention_purge"


def run_dag(**conf):
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag(dag_folder=str(ROOT / "dags" / f"{DAG_ID}.py")).get_dag(DAG_ID)
    return dag.test(run_conf=conf or None)


def states(dag_run):
    return {(ti.task_id, ti.map_index): ti.state for ti in dag_run.get_task_instances()}


def count(engine, sql):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).scalar_one()


def report_keys(org):
    listing = org.s3.list_objects_v2(Bucket=org.datamap.reports.bucket, Prefix="retention/")
    return sorted(o["Key"] for o in listing.get("Contents", []))


@pytest.fixture
def org(demo_org):
    plant_legal_hold(Ledger(demo_org.ledger))
    return demo_org


def test_preview_changes_nothing_then_the_purge_applies_every_rule(org, capfd, caplog):
    caplog.set_level(logging.INFO, logger="gdpr")
    customers = count(org.crm, "SELECT count(*) FROM customers")
    preview = run_dag(dry_run=True)
    assert preview.state == "success", states(preview)
    assert count(org.crm, "SELECT count(*) FROM customers") == customers
    (key,) = report_keys(org)
    assert key.endswith("-preview.html")
    page = org.s3.get_object(Bucket=org.datamap.reports.bucket, Key=key)["Body"].read().decode()
    assert "dry run: nothing was changed" in page
    assert "legal hold" in page

    purge = run_dag()
    assert purge.state == "success", states(purge)
    assert count(org.crm, "SELECT count(*) FROM customers") < customers
    ids = ",".join(str(i) for i in PLANTED.expired_customer_ids)
    assert (
        count(org.crm, f"SELECT count(*) FROM customers WHERE customer_id IN ({ids})") == 1
    )  # the held one
    assert [k for k in report_keys(org) if k.endswith("-purge.html")]
    assert verify_chain(org.ledger).ok

    logs = capfd.readouterr()
    text = (logs.out + logs.err + caplog.text).lower()
    assert "batch 1/" in text, "progress per batch is in the task logs"
    subject = PLANTED.subject
    for value in (subject.email, subject.last_name.lower(), subject.phone, "camille.durand"):
        assert value.lower() not in text, "no personal value in task logs"


def test_a_broken_rule_fails_alone_and_the_others_still_run(org, tmp_path, monkeypatch):
    include = tmp_path / "include"
    shutil.copytree(ROOT / "include", include)
    sql = include / "sql" / "prospects_without_recent_inbound_contact.sql"
    sql.write_text(
        sql.read_text(encoding="utf-8").replace("i.occurred_at", "i.occured_at"), encoding="utf-8"
    )
    monkeypatch.setenv("GDPR_DATAMAP", str(include / "datamap.yaml"))
    prospects = count(org.crm, "SELECT count(*) FROM prospects")
    customers = count(org.crm, "SELECT count(*) FROM customers")

    dag_run = run_dag()

    assert dag_run.state == "failed"
    by_state = states(dag_run)
    mapped = {state for (task, _), state in by_state.items() if task == "purge_rule"}
    assert mapped == {"success", "failed"}
    assert (
        sum(1 for (task, _), s in by_state.items() if task == "purge_rule" and s == "failed") == 1
    )
    assert count(org.crm, "SELECT count(*) FROM prospects") == prospects, (
        "the broken rule changed nothing"
    )
    assert count(org.crm, "SELECT count(*) FROM customers") < customers, "the other rules ran"
    assert by_state[("report", -1)] == "failed"


def test_xcom_carries_counts_not_people(org):
    dag_run = run_dag()
    assert dag_run.state == "success"
    values = [
        str(ti.xcom_pull(task_ids=ti.task_id, map_indexes=ti.map_index))
        for ti in dag_run.get_task_instances()
    ]
    blob = "\n".join(values).lower()
    assert "customers-3y-after-relationship" in blob
    for value in (PLANTED.subject.email, PLANTED.subject.last_name.lower(), PLANTED.subject.phone):
        assert value.lower() not in blob
