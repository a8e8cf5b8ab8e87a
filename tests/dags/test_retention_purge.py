"""gdpr_retention_purge run for real with dag.test(): preview, purge, a failing rule, no personal data."""

from __future__ import annotations

import logging
import re
import shutil

import pytest
import sqlalchemy as sa

from examples.retailer.holds import plant_legal_hold
from examples.retailer.planted import PLANTED
from gdpr.ledger import Ledger, verify_chain
from tests.conftest import ROOT
from tests.dags.conftest import personal_values, task_states, xcom_text
from tests.dags.refusals import RunLog
from tests.sqlrule import write_sql_map

DAG_ID = "gdpr_retention_purge"


def count(engine, sql):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).scalar_one()


def asset_events() -> set[str]:
    """URIs of the assets the runs emitted events for (read from Airflow's metadata database)."""
    from airflow.models.asset import AssetEvent, AssetModel
    from airflow.utils.session import create_session

    with create_session() as session:
        query = session.query(AssetModel.uri).join(AssetEvent, AssetEvent.asset_id == AssetModel.id)
        return {uri for (uri,) in query.distinct()}


def report_keys(org):
    listing = org.s3.list_objects_v2(Bucket=org.datamap.reports.bucket, Prefix="retention/")
    return sorted(o["Key"] for o in listing.get("Contents", []))


@pytest.fixture
def org(demo_org):
    plant_legal_hold(Ledger(demo_org.ledger))
    return demo_org


def test_preview_changes_nothing_then_the_purge_applies_every_rule(org, run_dag, capfd, caplog):
    caplog.set_level(logging.INFO, logger="gdpr")
    customers = count(org.crm, "SELECT count(*) FROM customers")
    preview = run_dag(DAG_ID, dry_run=True)
    assert preview.state == "success", task_states(preview)
    assert count(org.crm, "SELECT count(*) FROM customers") == customers
    (key,) = report_keys(org)
    assert key.endswith("-preview.html")
    page = org.s3.get_object(Bucket=org.datamap.reports.bucket, Key=key)["Body"].read().decode()
    assert "dry run: nothing was changed" in page
    assert "legal hold" in page

    purge = run_dag(DAG_ID)
    assert purge.state == "success", task_states(purge)
    assert count(org.crm, "SELECT count(*) FROM customers") < customers
    ids = ",".join(str(i) for i in PLANTED.expired_customer_ids)
    assert (
        count(org.crm, f"SELECT count(*) FROM customers WHERE customer_id IN ({ids})") == 1
    )  # the held one
    assert [k for k in report_keys(org) if k.endswith("-purge.html")]
    assert verify_chain(org.ledger).ok
    assert {
        "gdpr://crm/customers",
        "gdpr://helpdesk/tickets",
        "gdpr://call_audio/recordings",
    } <= asset_events()

    logs = capfd.readouterr()
    text = (logs.out + logs.err + caplog.text).lower()
    assert "batch 1/" in text, "progress per batch is in the task logs"
    for value in personal_values():
        assert value.lower() not in text, "no personal value in task logs"


def _selected(dag_run) -> int:
    """Records the run's purge_rule tasks selected (counts from XCom)."""
    outcomes = [
        ti.xcom_pull(task_ids=ti.task_id, map_indexes=ti.map_index)
        for ti in dag_run.get_task_instances()
        if ti.task_id == "purge_rule"
    ]
    return sum(d["count"] for o in outcomes for d in o["datasets"].values())


def test_an_as_of_preview_looks_ahead_and_an_as_of_purge_is_refused(org, run_dag):
    recordings = count(org.crm, "SELECT count(*) FROM call_recordings")
    refused = run_dag(DAG_ID, as_of="2030-01-01")
    assert refused.state == "failed"
    assert task_states(refused)[("select_rules", -1)] == "failed"
    (report,) = [ti for ti in refused.get_task_instances() if ti.task_id == "report"]
    assert (report.state, report.try_number) == ("failed", 1), "a refused run is not retried"
    assert count(org.crm, "SELECT count(*) FROM call_recordings") == recordings

    rules = ["call-recordings-6m"]
    today = run_dag(DAG_ID, dry_run=True, rules=rules)
    ahead = run_dag(DAG_ID, dry_run=True, rules=rules, as_of="2030-01-01")
    assert today.state == ahead.state == "success"
    assert _selected(today) < _selected(ahead)  # what a purge on 1 January 2030 would select
    assert count(org.crm, "SELECT count(*) FROM call_recordings") == recordings


def test_a_broken_rule_fails_alone_and_the_others_still_run(
    org, run_dag, tmp_path, monkeypatch, capfd, caplog
):
    include = tmp_path / "include"
    shutil.copytree(ROOT / "include", include)
    write_sql_map(include, broken=True)  # the one SQL-file rule, with a misspelt column
    monkeypatch.setenv("GDPR_DATAMAP", str(include / "datamap.yaml"))
    prospects = count(org.crm, "SELECT count(*) FROM prospects")
    customers = count(org.crm, "SELECT count(*) FROM customers")

    log = RunLog(capfd, caplog)
    dag_run = run_dag(DAG_ID)

    assert dag_run.state == "failed"
    by_state = task_states(dag_run)
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
    tries = {
        (ti.task_id, ti.map_index): ti.try_number
        for ti in dag_run.get_task_instances()
        if ti.state == "failed"
    }
    assert set(tries.values()) == {1}, "a refused selection is not retried"
    logs = log.text()
    assert "refused: rule prospects-3y-inactive: the database refused the selection" in logs
    assert "refused: 1 rule(s) failed: prospects-3y-inactive" in logs
    assert "Traceback" not in logs, "a refusal prints no traceback"
    assert "Task failed with exception" not in logs


def test_xcom_carries_counts_not_people(org, run_dag):
    dag_run = run_dag(DAG_ID)
    assert dag_run.state == "success"
    blob = xcom_text(dag_run)
    assert "customers-3y-after-relationship" in blob
    for value in personal_values():
        assert value.lower() not in blob


def test_an_unknown_rule_is_refused_in_one_line_and_nothing_retries(org, run_dag, capfd, caplog):
    refused = run_dag(DAG_ID, rules=["no-such-rule"])
    assert refused.state == "failed"
    states = task_states(refused)
    assert states[("select_rules", -1)] == "failed"
    assert states[("report", -1)] == "failed", "nothing ran, so nothing to report (no TypeError)"
    tries = {ti.task_id: ti.try_number for ti in refused.get_task_instances()}
    assert tries["select_rules"] == tries["report"] == 1, "a refusal is not retried"
    out = capfd.readouterr()
    text = out.out + out.err + caplog.text
    assert "refused: unknown retention rule(s) no-such-rule" in text
    assert "Task failed with exception" not in text, "no traceback"
    assert "TypeError" not in text


def test_a_purge_in_parts_spreads_each_rule_over_tasks_and_ends_as_the_whole_purge(org, run_dag):
    customers = count(org.crm, "SELECT count(*) FROM customers")
    purge = run_dag(DAG_ID, parts=3)

    assert purge.state == "success", task_states(purge)
    labels = {
        ti.rendered_map_index for ti in purge.get_task_instances() if ti.task_id == "purge_rule"
    }
    rules = [rule.id for rule in org.datamap.retention]
    assert labels == {f"{rule} {i}/3" for rule in rules for i in (1, 2, 3)}
    ids = ",".join(str(i) for i in PLANTED.expired_customer_ids)
    assert count(org.crm, f"SELECT count(*) FROM customers WHERE customer_id IN ({ids})") == 1
    assert count(org.crm, "SELECT count(*) FROM customers") < customers
    (report,) = [k for k in report_keys(org) if k.endswith("-purge.html")]
    page = org.s3.get_object(Bucket=org.datamap.reports.bucket, Key=report)["Body"].read().decode()
    assert "legal hold" in page
    assert re.search(r"longest transaction \d+\.\d\d s", page), "how long records stayed locked"
    assert verify_chain(org.ledger).ok
    ledger = Ledger(org.ledger)
    assert not ledger.evidence(actions=["retention.intent"], outside_successful_runs=True)
