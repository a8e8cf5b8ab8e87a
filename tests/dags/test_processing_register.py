"""gdpr_processing_register, run for real with dag.test() on the demo organisation."""

from __future__ import annotations

import csv
import hashlib
import io

import sqlalchemy as sa

from gdpr.ledger import Ledger, verify_chain
from tests.dags.conftest import personal_values, task_states, xcom_text
from tests.dags.refusals import RunLog, assert_refused

DAG_ID = "gdpr_processing_register"


def reports(org, suffix):
    bucket = org.datamap.reports.bucket
    keys = [
        o["Key"]
        for o in org.s3.list_objects_v2(Bucket=bucket).get("Contents", [])
        if o["Key"].endswith(suffix)
    ]
    assert len(keys) == 1, keys
    return keys[0], org.s3.get_object(Bucket=bucket, Key=keys[0])["Body"].read()


def states(dag_run):
    return {task: state for (task, _), state in task_states(dag_run).items()}


def test_register_is_published_and_recorded_in_the_ledger(demo_org, run_dag):
    dag_run = run_dag(DAG_ID)
    assert dag_run.state == "success", states(dag_run)

    _, html = reports(demo_org, ".html")
    page = html.decode("utf-8")
    datamap = demo_org.datamap
    for purpose in datamap.purposes:
        assert purpose.name.replace("'", "&#39;") in page
    for item in (
        "Record of processing activities",
        datamap.organisation.dpo.email,
        "CNIL",
        "Code de commerce, art. L123-22",
        "Standard contractual clauses",
        "Art. 6(1)(b)",
        "Security measures",
    ):
        assert item in page, item
    assert "Undeclared" in page
    assert "None" in page

    _, body = reports(demo_org, ".csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert [r["Purpose id"] for r in rows] == [p.id for p in datamap.purposes]
    assert (
        "L123-22"
        in next(r for r in rows if r["Purpose id"] == "billing")["Time limits for erasure"]
    )

    ledger = Ledger(demo_org.ledger)
    (evidence,) = [e for e in ledger.evidence() if e.action == "register.render"]
    assert evidence.keys_sha256 == hashlib.sha256(html).hexdigest()
    assert ledger.get_run(evidence.run_pk).status == "success"
    assert verify_chain(demo_org.ledger).ok


def test_drift_is_reported_and_a_missing_table_fails_the_run(demo_org, run_dag, capfd, caplog):
    with demo_org.crm.begin() as conn:
        conn.execute(sa.text("ALTER TABLE customers ADD COLUMN loyalty_remarks TEXT"))
    with demo_org.helpdesk.begin() as conn:
        conn.execute(sa.text("DROP TABLE ticket_attachments"))

    log = RunLog(capfd, caplog)
    dag_run = run_dag(DAG_ID)

    assert dag_run.state == "failed"
    task_states = states(dag_run)
    assert task_states["render_register"] == "success", (
        "the register is published even when the map drifts"
    )
    assert_refused(
        dag_run,
        "require_map_matches_systems",
        log.text(),
        "the data map does not match the live systems (1 problems: helpdesk.ticket_attachments: "
        "table ticket_attachments not found); fix the map or the systems, the register was still "
        "published",
    )
    _, html = reports(demo_org, ".html")
    page = html.decode("utf-8")
    assert "crm.customers.loyalty_remarks" in page
    assert "helpdesk.ticket_attachments: table ticket_attachments not found" in page
    run = Ledger(demo_org.ledger).evidence()[-1]
    assert run.detail["datamap"] == demo_org.datamap.digest


def test_no_personal_data_reaches_xcom(demo_org, run_dag):
    dag_run = run_dag(DAG_ID)
    assert dag_run.state == "success"
    blob = xcom_text(dag_run)
    assert "register/" in blob, "the XComs under test were not read"
    for value in personal_values():
        assert value.lower() not in blob


def test_the_register_run_checks_the_head_against_the_published_heads(demo_org, run_dag):
    from gdpr.connections import spec_from_env
    from gdpr.connectors.factory import env_clients
    from gdpr.ledger import EvidenceInput
    from gdpr.ledger.anchor import anchor_for, publish_head
    from gdpr.ledger.clock import utc_now
    from tests.integration.test_ledger_anchor import rechain

    ledger = Ledger(demo_org.ledger)
    ledger.record_evidence(EvidenceInput(action="retention.delete", count=1))
    store = anchor_for(demo_org.datamap, env_clients().s3, lambda c: spec_from_env(c).password)
    publish_head(store, ledger.chain_head(), utc_now())

    def rendered(dag_run) -> dict:
        (ti,) = [t for t in dag_run.get_task_instances() if t.task_id == "render_register"]
        return ti.xcom_pull(task_ids="render_register")

    first = rendered(run_dag(DAG_ID))
    assert first["chain_intact"] is True
    assert first["published_head"].startswith("the ledger head (#")
    assert "follows from the last published head #" in first["published_head"]

    # the insider drops the first row and rewrites the chain and head behind it
    rechain(demo_org.ledger, keep=lambda row: row.id != 1)
    second = rendered(run_dag(DAG_ID))
    assert second["chain_intact"] is False
    assert second["published_head"].startswith("the evidence chain is BROKEN (")
    assert "does not hash to" in second["published_head"]
