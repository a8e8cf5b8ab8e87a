"""Restriction (Art. 18) and objection (Art. 21) on the DPO desk: the address typed on the desk
goes to the ledger only; the desk starts gdpr_subject_restriction (restrict, then lift) and
gdpr_subject_objection with the request id and the DPO's choice alone; the runs (for real, with
dag.test()) leave their evidence, which the desk's evidence page shows, and neither the address
nor any identity of the subject is in Airflow's metadata database afterwards."""

from __future__ import annotations

import re

import pytest

from examples.retailer.planted import PLANTED
from tests.conftest import ROOT
from tests.integration.test_desk import CLERK, DPO, as_user
from tests.integration.test_desk_rectify import desk  # noqa: F401 - the desk fixture

RESTRICTION, OBJECTION = "gdpr_subject_restriction", "gdpr_subject_objection"


def run(conf: dict, dag_id: str):
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag(dag_folder=str(ROOT / "dags" / f"{dag_id}.py")).get_dag(dag_id)
    dag_run = dag.test(run_conf=conf)
    states = {ti.task_id: ti.state for ti in dag_run.get_task_instances()}
    assert dag_run.state == "success", states
    return dag_run


def request_id_of(response) -> str:
    assert response.status_code == 303, response.text
    return re.search(r"request_id=(R-\d{4}-\d+)", response.headers["location"]).group(1)


def test_rights_page_offers_both_forms_to_the_dpo_only(desk):  # noqa: F811
    page = desk.get("/rights", headers=as_user(DPO))
    assert page.status_code == 200
    assert 'action="/restrict"' in page.text
    assert 'action="/object"' in page.text
    assert '<option value="lift">' in page.text
    assert '<option value="legitimate_interest">' in page.text
    assert "<code>crm.customers</code>: its restriction flag" in page.text
    assert "<code>crm.orders</code>: the ledger" in page.text
    assert "Only a DPO" in desk.get("/rights", headers=as_user(CLERK)).text
    refused = desk.post(
        "/restrict", data={"action": "restrict", "email": "a@b.fr"}, headers=as_user(CLERK)
    )
    assert refused.status_code == 403
    assert desk.ledger.open_requests() == []


def test_restrict_lift_and_object_from_the_desk_reach_the_systems_and_never_airflow(
    desk,  # noqa: F811
    demo_org,
    smtp_server,
    airflow_db,
    monkeypatch,
):
    from airflow.configuration import conf

    from tests.dags.test_no_personal_data_in_airflow import metadata_hits

    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", "desk-rights-key-0123456789abcdef")
    subject = PLANTED.subject.email
    rid = request_id_of(
        desk.post(
            "/restrict",
            data={"email": subject.upper(), "action": "restrict", "start": "1"},
            headers=as_user(DPO),
            follow_redirects=False,
        )
    )
    record = desk.ledger.get_request(rid)
    assert (record.kind, record.subject_email, record.channel) == (
        "restriction",
        subject,
        "dpo_desk",
    )
    assert desk.recorder.calls == [(DPO, RESTRICTION, {"request_id": rid, "action": "restrict"})]
    run(desk.recorder.calls[-1][2], RESTRICTION)
    assert desk.ledger.restrictions(request_id=rid), "the subject's records are restricted"

    # lifting takes the request id, never an address; the subject is told first
    by_address = desk.post(
        "/restrict", data={"email": subject, "action": "lift"}, headers=as_user(DPO)
    )
    assert by_address.status_code == 422
    assert subject not in by_address.text.lower()
    request_id_of(
        desk.post(
            "/restrict",
            data={"request_id": rid, "action": "lift", "start": "1"},
            headers=as_user(DPO),
            follow_redirects=False,
        )
    )
    assert desk.recorder.calls[-1] == (DPO, RESTRICTION, {"request_id": rid, "action": "lift"})
    run(desk.recorder.calls[-1][2], RESTRICTION)
    assert desk.ledger.restrictions(request_id=rid) == []
    assert smtp_server.to(subject), "the subject was told before the lifting"

    objection = request_id_of(
        desk.post(
            "/object",
            data={"email": subject, "ground": "direct_marketing", "start": "1"},
            headers=as_user(DPO),
            follow_redirects=False,
        )
    )
    assert desk.recorder.calls[-1] == (
        DPO,
        OBJECTION,
        {"request_id": objection, "ground": "direct_marketing"},
    )
    run(desk.recorder.calls[-1][2], OBJECTION)
    assert desk.ledger.get_request(objection).status == "completed"

    evidence = desk.get("/evidence", headers=as_user(DPO)).text
    for action in (
        "restriction.apply",
        "restriction.subject_informed",
        "restriction.lift",
        "objection.answer_drafted",
    ):
        assert action in evidence, f"{action} is on the desk's evidence page"
    assert "Evidence chain intact" in evidence
    for _, _, sent in desk.recorder.calls:
        assert "@" not in str(sent)

    identities = (subject, PLANTED.subject.last_name.lower(), PLANTED.subject.phone)
    assert metadata_hits(conf.get("database", "sql_alchemy_conn"), identities) == []


@pytest.mark.parametrize(
    ("path", "data", "message"),
    [
        ("/restrict", {"action": "freeze", "email": "x.y@example.org"}, "the action must be"),
        ("/object", {"ground": "dislike", "email": "x.y@example.org"}, "the ground must be"),
        (
            "/object",
            {"ground": "direct_marketing", "email": "x.y@example.org", "request_id": "R-1"},
            "not both",
        ),
    ],
    ids=["unknown-action", "unknown-ground", "both"],
)
def test_bad_input_is_refused_without_echo_and_nothing_is_written(desk, path, data, message):  # noqa: F811
    response = desk.post(path, data=data, headers=as_user(DPO))
    assert response.status_code == 422
    assert message in response.text
    assert "x.y@example.org" not in response.text
    assert desk.ledger.open_requests() == []
    assert desk.recorder.calls == []
