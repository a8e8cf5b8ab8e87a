"""Rectification (Art. 16) on the DPO desk: the corrected value typed on the desk goes to the
ledger only; the desk starts gdpr_subject_rectification with the request id alone, the run (for
real, with dag.test()) reads the value from the ledger and corrects every system, and neither the
value nor the subject's address is anywhere in Airflow's metadata database afterwards."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from examples.retailer.planted import PLANTED
from gdpr.erasure.request import correction_of
from tests.conftest import ROOT
from tests.integration.test_desk import CLERK, DPO, Recorder, _header_user, as_user

NEW = "Quintard-Duvalier"  # the corrected last name: in no table of the demo
DAG_ID = "gdpr_subject_rectification"


@pytest.fixture
def desk(demo_org):
    """The desk app as tests/integration/test_desk.py drives it: the user and the trigger
    injected, everything else (ledger, data map, S3) real."""
    from fastapi.testclient import TestClient

    from gdpr.airflow.desk import DeskSettings, create_app
    from gdpr.ledger import Ledger

    recorder = Recorder()
    settings = DeskSettings(
        datamap=lambda: demo_org.datamap,
        dpo_users=lambda: frozenset({DPO}),
        authenticate=_header_user,
        trigger=recorder.trigger,
        approvals=recorder.approvals,
    )
    client = TestClient(create_app(settings), base_url="http://airflow.test")
    client.recorder = recorder
    client.ledger = Ledger(demo_org.ledger)
    return client


def last_names(engine) -> tuple[str, str]:
    with engine.connect() as conn:
        return (
            conn.execute(
                sa.text("SELECT last_name FROM customers WHERE customer_id = 1")
            ).scalar_one(),
            conn.execute(
                sa.text("SELECT last_name FROM prospects WHERE prospect_id = 1")
            ).scalar_one(),
        )


def test_rectify_page_offers_the_rectifiable_fields_to_the_dpo(desk):
    page = desk.get("/rectify", headers=as_user(DPO))
    assert page.status_code == 200
    assert '<option value="user.name.last"' in page.text
    assert "crm.customers.last_name" in page.text
    assert 'id="value"' in page.text
    assert "Only a DPO" in desk.get("/rectify", headers=as_user(CLERK)).text
    prefilled = desk.get("/rectify", params={"request_id": "R-2026-000007"}, headers=as_user(DPO))
    assert 'value="R-2026-000007"' in prefilled.text


def test_the_desk_value_reaches_every_system_and_never_airflow(
    desk, demo_org, smtp_server, airflow_db, monkeypatch
):
    from airflow.configuration import conf
    from airflow.dag_processing.dagbag import DagBag

    from tests.dags.test_no_personal_data_in_airflow import metadata_hits

    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", "desk-rectify-key-0123456789abcdef")
    response = desk.post(
        "/rectify",
        data={
            "email": PLANTED.subject.email.upper(),
            "field": "user.name.last",
            "value": f"  {NEW} ",
            "note": "letter of 17 Nov",
            "start": "1",
        },
        headers=as_user(DPO),
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    rid = re.search(r"request_id=(R-\d{4}-\d+)", location).group(1)
    assert NEW.lower() not in location.lower()

    # the ledger holds the request and its value, the way the rectification DAG reads it
    record = desk.ledger.get_request(rid)
    assert (record.kind, record.subject_email, record.channel) == (
        "rectification",
        PLANTED.subject.email,
        "dpo_desk",
    )
    assert correction_of(desk.ledger, rid) == {"field": "user.name.last", "value": NEW}
    kinds = [e.kind for e in desk.ledger.request_events(rid)]
    assert kinds == ["received", "rectification.value", "run_triggered"]
    # the trigger carries the request id alone
    assert desk.recorder.calls == [(DPO, DAG_ID, {"request_id": rid})]

    # the run Airflow would start with that conf, for real
    dag = DagBag(dag_folder=str(ROOT / "dags" / f"{DAG_ID}.py")).get_dag(DAG_ID)
    dag_run = dag.test(run_conf=desk.recorder.calls[0][2])
    states = {ti.task_id: ti.state for ti in dag_run.get_task_instances()}
    assert dag_run.state == "success", states
    assert last_names(demo_org.crm) == (NEW, NEW)
    assert desk.ledger.get_request(rid).status == "completed"
    assert any(NEW in m.get_body(("html",)).get_content() for m in smtp_server.messages), (
        "the Art. 19 recipients get the corrected value (by mail, not through Airflow)"
    )

    # nothing of it in any table of Airflow's metadata database (dag_run.conf, log, xcom, ...)
    hits = metadata_hits(
        conf.get("database", "sql_alchemy_conn"), (NEW.lower(), PLANTED.subject.email)
    )
    assert hits == []


def test_an_open_request_gets_its_value_by_id_and_bad_input_is_not_echoed(desk):
    registered = desk.post(
        "/register",
        data={"kind": "rectification", "email": "Jeanne.Martin@Example.org", "start": "1"},
        headers=as_user(DPO),
        follow_redirects=False,
    )
    rid = re.search(r"request_id=(R-\d{4}-\d+)", registered.headers["location"]).group(1)
    assert "Rectify" in registered.headers["location"].replace("+", " ")
    assert desk.recorder.calls == []  # nothing to run before the value is known

    unknown = desk.post(
        "/rectify",
        data={"request_id": rid, "field": "user.shoe_size", "value": "Secret-Value-42"},
        headers=as_user(DPO),
    )
    assert unknown.status_code == 422
    assert "not a rectifiable field" in unknown.text
    assert "secret-value-42" not in unknown.text.lower()
    empty = desk.post(
        "/rectify",
        data={"request_id": rid, "field": "user.name.last", "value": "   "},
        headers=as_user(DPO),
    )
    assert empty.status_code == 422
    both = desk.post(
        "/rectify",
        data={
            "request_id": rid,
            "email": "jeanne.martin@example.org",
            "field": "user.name.last",
            "value": "Martin-Roux",
        },
        headers=as_user(DPO),
    )
    assert both.status_code == 422
    assert "jeanne" not in both.text.lower()
    assert "martin-roux" not in both.text.lower()
    refused = desk.post(
        "/rectify",
        data={"request_id": rid, "field": "user.name.last", "value": "Martin-Roux"},
        headers=as_user(CLERK),
    )
    assert refused.status_code == 403
    assert correction_of(desk.ledger, rid) is None

    done = desk.post(
        "/rectify",
        data={"request_id": rid, "field": "user.name.last", "value": "Martin-Roux"},
        headers=as_user(DPO),
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert "start+gdpr_subject_rectification+from+Airflow" in done.headers["location"]
    assert correction_of(desk.ledger, rid) == {"field": "user.name.last", "value": "Martin-Roux"}
    assert desk.recorder.calls == []  # "start" unticked


@pytest.mark.parametrize("kind", ["erasure"])
def test_a_request_of_another_kind_cannot_be_rectified(desk, kind):
    made = desk.post(
        "/register",
        data={"kind": kind, "email": "paul.roux@example.org"},
        headers=as_user(DPO),
        follow_redirects=False,
    )
    rid = re.search(r"request_id=(R-\d{4}-\d+)", made.headers["location"]).group(1)
    wrong = desk.post(
        "/rectify",
        data={"request_id": rid, "field": "user.name.last", "value": "Roux"},
        headers=as_user(DPO),
    )
    assert wrong.status_code == 422
    assert f"is a {kind} request" in wrong.text
    assert correction_of(desk.ledger, rid) is None
