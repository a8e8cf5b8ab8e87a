"""gdpr_processing_register, run for real with dag.test() on the demo organisation."""

from __future__ import annotations

import csv
import hashlib
import io

import pytest
import sqlalchemy as sa

from gdpr.demo import PLANTED_SUBJECT_EMAIL
from gdpr.demo.planted import PLANTED_SUBJECT_LAST_NAME, PLANTED_SUBJECT_PHONE
from gdpr.ledger import Ledger, verify_chain

pytestmark = pytest.mark.usefixtures("airflow_db")


def run_dag():
    from airflow.dag_processing.dagbag import DagBag

    from tests.conftest import ROOT

    dag = DagBag(dag_folder=str(ROOT / "dags" / "gdpr_processing_register.py")).get_dag(
        "gdpr_processing_register"
    )
    return dag.test()


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
    return {ti.task_id: ti.state for ti in dag_run.get_task_instances()}


def test_register_is_published_and_recorded_in_the_ledger(demo_org):
    dag_run = run_dag()
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


def test_drift_is_reported_and_a_missing_table_fails_the_run(demo_org):
    with demo_org.crm.begin() as conn:
        conn.execute(sa.text("ALTER TABLE customers ADD COLUMN loyalty_remarks TEXT"))
    with demo_org.helpdesk.begin() as conn:
        conn.execute(sa.text("DROP TABLE ticket_attachments"))

    dag_run = run_dag()

    assert dag_run.state == "failed"
    task_states = states(dag_run)
    assert task_states["render_register"] == "success", (
        "the register is published even when the map drifts"
    )
    assert task_states["require_map_matches_systems"] == "failed"
    _, html = reports(demo_org, ".html")
    page = html.decode("utf-8")
    assert "crm.customers.loyalty_remarks" in page
    assert "helpdesk.ticket_attachments: table ticket_attachments not found" in page
    run = Ledger(demo_org.ledger).evidence()[-1]
    assert run.detail["datamap"] == demo_org.datamap.digest


def test_no_personal_data_reaches_xcom(demo_org):
    dag_run = run_dag()
    assert dag_run.state == "success"
    values = [
        str(ti.xcom_pull(task_ids=ti.task_id, map_indexes=ti.map_index))
        for ti in dag_run.get_task_instances()
    ]
    blob = "\n".join(values).lower()
    assert "register/" in blob, "the XComs under test were not read"
    for secret in (PLANTED_SUBJECT_EMAIL, PLANTED_SUBJECT_LAST_NAME.lower(), PLANTED_SUBJECT_PHONE):
        assert secret.lower() not in blob
