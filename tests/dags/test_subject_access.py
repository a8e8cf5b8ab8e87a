"""gdpr_subject_access run for real with dag.test(): packages delivered, reruns, bad input, no personal data."""

from __future__ import annotations

import io
import json
import logging
import urllib.request
import zipfile

import pytest
import sqlalchemy as sa

from examples.retailer.planted import PLANTED
from gdpr.ledger import Ledger, verify_chain
from tests.dags.conftest import personal_values, task_states, xcom_text
from tests.dags.requests import register

DAG_ID = "gdpr_subject_access"


def delivered(org) -> list[str]:
    listing = org.s3.list_objects_v2(Bucket=org.datamap.delivery.bucket)
    return sorted(o["Key"] for o in listing.get("Contents", []))


def request_count(org) -> int:
    with org.ledger.connect() as conn:
        return conn.execute(sa.text("SELECT count(*) FROM ledger_requests")).scalar_one()


def package(org, key) -> zipfile.ZipFile:
    body = org.s3.get_object(Bucket=org.datamap.delivery.bucket, Key=key)["Body"].read()
    return zipfile.ZipFile(io.BytesIO(body))


def last_delivery(org, request_id):
    events = [e for e in Ledger(org.ledger).request_events(request_id)]
    return [e for e in events if e.kind == "package_delivered"][-1]


def test_access_run_delivers_the_package_and_leaves_nothing_personal_in_airflow(
    demo_org, run_dag, capfd, caplog
):
    caplog.set_level(logging.INFO)
    org = demo_org
    rid = register("access", " Camille.Durand@EXAMPLE.fr")
    dag_run = run_dag(DAG_ID, request_id=rid)
    assert dag_run.state == "success", task_states(dag_run)
    exports = [k for k in task_states(dag_run) if k[0] == "export_system"]
    assert len(exports) == len(org.datamap.systems), "one mapped export per system"

    ledger = Ledger(org.ledger)
    (request,) = ledger.open_requests()
    assert request.kind == "access"
    assert request.subject_email == PLANTED.subject.email
    assert request.due_at > request.received_at
    (key,) = delivered(org)
    assert key == f"{request.request_id}/package.zip"
    head = org.s3.head_object(Bucket=org.datamap.delivery.bucket, Key=key)
    assert head["ServerSideEncryption"] == "AES256"
    tags = {
        t["Key"]: t["Value"]
        for t in org.s3.get_object_tagging(Bucket=org.datamap.delivery.bucket, Key=key)["TagSet"]
    }
    assert tags["gdpr-expiry-days"] == "7"
    rules = org.s3.get_bucket_lifecycle_configuration(Bucket=org.datamap.delivery.bucket)["Rules"]
    assert {"Days": 7} in [r["Expiration"] for r in rules]

    event = last_delivery(org, request.request_id)
    assert event.detail["expires_at"].startswith(tags["gdpr-expires-at"][:10])
    with urllib.request.urlopen(event.detail["link"]) as response:  # the presigned link works
        archive = zipfile.ZipFile(io.BytesIO(response.read()))
    customers = json.loads(archive.read("data/crm/customers.json"))
    assert [c["customer_id"] for c in customers] == [PLANTED.subject.customer_id]
    evidence = [e for e in ledger.evidence(request_id=request.request_id)]
    assert [e.action for e in evidence] == ["access.delivered"]
    assert evidence[0].keys_sha256 == event.detail["sha256"]
    assert verify_chain(org.ledger).ok

    logs = capfd.readouterr()
    text = (logs.out + logs.err + caplog.text).lower()
    assert "crm.customers: 1 records exported" in text, "counts are in the task logs"
    blob = xcom_text(dag_run)
    assert request.request_id.lower() in blob
    for value in personal_values():
        assert value.lower() not in text, f"{value!r} in task logs"
        assert value.lower() not in blob, f"{value!r} in XCom"
    assert "customers" in blob

    from gdpr.cli import main

    assert main(["access", "link", request.request_id, "--days", "1"]) == 0
    link = capfd.readouterr().out.strip().splitlines()[-1]
    assert "X-Amz-Expires=86400" in link
    with urllib.request.urlopen(link) as response:
        assert response.read()[:2] == b"PK"


def test_portability_rerun_with_the_request_id_replaces_the_package(demo_org, run_dag):
    org = demo_org
    rid = register("portability", PLANTED.subject.email)
    first = run_dag(DAG_ID, request_id=rid, kind="portability")
    assert first.state == "success", task_states(first)
    (request,) = Ledger(org.ledger).open_requests()
    (key,) = delivered(org)
    first_sha = last_delivery(org, request.request_id).detail["sha256"]

    again = run_dag(DAG_ID, request_id=request.request_id, kind="portability", output_format="csv")
    assert again.state == "success", task_states(again)
    assert delivered(org) == [key], "same key, no second copy, no staging left"
    assert request_count(org) == 1
    second = last_delivery(org, request.request_id).detail
    assert second["sha256"] != first_sha
    names = package(org, key).namelist()
    assert "data/crm/customers.csv" in names
    assert "data/crm/customers.json" not in names
    assert "data/crm/invoices.csv" not in names  # legal obligation: outside Art. 20
    assert len([e for e in Ledger(org.ledger).evidence(request_id=request.request_id)]) == 2


def test_a_passphrase_from_a_variable_encrypts_the_archive_and_stays_out_of_airflow(
    demo_org, run_dag, monkeypatch, capfd, caplog
):
    import pyzipper

    caplog.set_level(logging.INFO)
    secret = "Tournesol-Jaune-2026"
    monkeypatch.setenv("AIRFLOW_VAR_ACCESS_PASSPHRASE_TEST", secret)
    dag_run = run_dag(
        DAG_ID,
        request_id=register("access", PLANTED.subject.email),
        passphrase_variable="access_passphrase_test",
    )
    assert dag_run.state == "success", task_states(dag_run)
    (key,) = delivered(demo_org)
    body = demo_org.s3.get_object(Bucket=demo_org.datamap.delivery.bucket, Key=key)["Body"]
    with pyzipper.AESZipFile(io.BytesIO(body.read())) as archive:
        with pytest.raises(RuntimeError):
            archive.read("manifest.json")
        archive.setpassword(secret.encode())
        assert json.loads(archive.read("manifest.json"))["kind"] == "access"
    logs = capfd.readouterr()
    assert secret.lower() not in (logs.out + logs.err + caplog.text).lower()
    assert secret.lower() not in xcom_text(dag_run)


@pytest.mark.parametrize(
    ("conf", "message"),
    [
        ({"request_id": "the customer from Lyon"}, "is not a request id"),
        ({"request_id": "R-2026-999999"}, "is not in the ledger"),
        ({}, "give the id of a request registered in the ledger"),
        ({"request_id": "R-2026-999999", "passphrase_variable": "no_such_var"}, "does not exist"),
    ],
    ids=["malformed-id", "unknown-id", "no-id", "missing-variable"],
)
def test_bad_input_fails_the_first_task_clearly_and_touches_nothing(
    demo_org, run_dag, conf, message, capfd
):
    dag_run = run_dag(DAG_ID, **conf)
    assert dag_run.state == "failed"
    states = task_states(dag_run)
    assert states[("register_request", -1)] == "failed"
    assert all(s != "success" for (task, _), s in states.items() if task != "register_request")
    assert request_count(demo_org) == 0
    assert delivered(demo_org) == []
    logs = capfd.readouterr().out
    assert "AirflowFailException" in logs
    assert message in logs


def test_a_subject_found_nowhere_gets_a_package_saying_so(demo_org, run_dag):
    dag_run = run_dag(DAG_ID, request_id=register("access", "nobody.at.all@example.org"))
    assert dag_run.state == "success", task_states(dag_run)
    (key,) = delivered(demo_org)
    archive = package(demo_org, key)
    assert "We hold no personal data about you" in archive.read("cover.en.html").decode()
    (request,) = Ledger(demo_org.ledger).open_requests()
    assert last_delivery(demo_org, request.request_id).detail["found"] is False


def test_the_register_command_refuses_a_look_alike_address_in_one_sentence(demo_org):
    with pytest.raises(ValueError, match="mixes letters of different alphabets") as refused:
        register("access", "camille.dur\u0430nd@example.fr")  # a Cyrillic "a"
    assert "\n" not in str(refused.value)
    assert "example.fr" not in str(refused.value), "the refusal never repeats the address"
    assert request_count(demo_org) == 0
