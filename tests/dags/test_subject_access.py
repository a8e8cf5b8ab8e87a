"""gdpr_subject_access run for real with dag.test(): packages delivered, reruns, bad input, no personal data."""

from __future__ import annotations

import hashlib
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


def package(org, key, request_id=None) -> zipfile.ZipFile:
    """The delivered archive, opened with the passphrase the DPO is shown once."""
    import pyzipper

    body = org.s3.get_object(Bucket=org.datamap.delivery.bucket, Key=key)["Body"].read()
    archive = pyzipper.AESZipFile(io.BytesIO(body))
    archive.setpassword(shown_passphrase(request_id or key.split("/")[0]).encode())
    return archive


def shown_passphrase(request_id: str) -> str:
    """What `gdpr access passphrase` prints (standard output: the passphrase alone)."""
    import contextlib

    from gdpr.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["access", "passphrase", request_id]) == 0
    return out.getvalue().strip()


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
    assert "link" not in event.detail, "a working link to the subject's data is not stored"
    assert "X-Amz" not in json.dumps(event.detail)
    assert event.detail["encryption"] == "generated_passphrase"
    archive = package(org, key)
    customers = json.loads(archive.read("data/crm/customers.json"))
    assert [c["customer_id"] for c in customers] == [PLANTED.subject.customer_id]
    evidence = [e for e in ledger.evidence(request_id=request.request_id)]
    assert [e.action for e in evidence] == ["access.delivered"]
    assert evidence[0].keys_sha256 == event.detail["sha256"]
    assert verify_chain(org.ledger).ok

    logs = capfd.readouterr()
    text = (logs.out + logs.err + caplog.text).lower()
    assert "crm.customers: 1 records exported" in text, "counts are in the task logs"
    assert "gdpr access passphrase" in text
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


def test_the_package_is_unreadable_without_the_passphrase_shown_once_to_the_dpo(
    demo_org, run_dag, capfd, caplog
):
    import pyzipper

    caplog.set_level(logging.INFO)
    rid = register("access", PLANTED.subject.email)
    dag_run = run_dag(DAG_ID, request_id=rid)
    assert dag_run.state == "success", task_states(dag_run)
    (key,) = delivered(demo_org)
    body = demo_org.s3.get_object(Bucket=demo_org.datamap.delivery.bucket, Key=key)["Body"].read()
    with pyzipper.AESZipFile(io.BytesIO(body)) as archive:
        assert archive.getinfo("manifest.json").flag_bits & 0x1, "every member is encrypted"
        with pytest.raises(RuntimeError, match="requires a password"):
            archive.read("manifest.json")
        archive.setpassword(b"a-guess")
        with pytest.raises(RuntimeError, match="Bad password"):
            archive.read("manifest.json")
    with zipfile.ZipFile(io.BytesIO(body)) as plain, pytest.raises(RuntimeError):
        plain.read("manifest.json")  # a plain zip tool cannot read it either
    logs = capfd.readouterr()
    with demo_org.ledger.connect() as conn:  # what a reader of the ledger's database finds
        kept = conn.execute(
            sa.text("SELECT passphrase FROM ledger_package_secrets WHERE request_id = :r"),
            {"r": rid},
        ).scalar_one()
    secret = shown_passphrase(rid)
    assert len(secret) == 29
    assert kept is not None
    assert secret not in kept, "the ledger holds the passphrase encrypted, never in clear"
    with pyzipper.AESZipFile(io.BytesIO(body)) as archive:
        archive.setpassword(secret.encode())
        assert json.loads(archive.read("manifest.json"))["request_id"] == rid
    from gdpr.cli import main

    assert main(["access", "passphrase", rid]) == 1, "shown once"
    assert "was shown on" in capfd.readouterr().err
    text = (logs.out + logs.err + caplog.text).lower()
    assert secret.lower() not in text, "the passphrase is in no log"
    assert secret.lower() not in xcom_text(dag_run)


def test_a_package_for_a_subject_who_gave_a_public_key_opens_with_their_private_key(
    demo_org, run_dag, tmp_path, capfd
):
    import pyrage

    from gdpr.cli import main

    subject = pyrage.x25519.Identity.generate()
    rid = register("access", PLANTED.subject.email)
    key_file = tmp_path / "subject.pub"
    key_file.write_text(f"{subject.to_public()}\n")
    assert main(["access", "key", rid, str(key_file)]) == 0
    dag_run = run_dag(DAG_ID, request_id=rid)
    assert dag_run.state == "success", task_states(dag_run)
    (key,) = delivered(demo_org)
    obj = demo_org.s3.get_object(Bucket=demo_org.datamap.delivery.bucket, Key=key)
    assert 'filename="package.zip.age"' in obj["ContentDisposition"]
    body = obj["Body"].read()
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(body, [pyrage.x25519.Identity.generate()])
    archive = zipfile.ZipFile(io.BytesIO(pyrage.decrypt(body, [subject])))
    assert json.loads(archive.read("manifest.json"))["request_id"] == rid
    detail = last_delivery(demo_org, rid).detail
    assert detail["encryption"] == "public_key"
    assert detail["sha256"] == hashlib.sha256(body).hexdigest(), "the ledger proves what was sent"
    capfd.readouterr()
    assert main(["access", "passphrase", rid]) == 1, "no passphrase to pass on"
    assert "public key" in capfd.readouterr().err


def test_an_unencrypted_package_is_an_explicit_recorded_choice(demo_org, run_dag, capfd, caplog):
    caplog.set_level(logging.INFO)
    rid = register("access", PLANTED.subject.email)
    dag_run = run_dag(DAG_ID, request_id=rid, unencrypted=True)
    assert dag_run.state == "success", task_states(dag_run)
    (key,) = delivered(demo_org)
    body = demo_org.s3.get_object(Bucket=demo_org.datamap.delivery.bucket, Key=key)["Body"]
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(body.read())).namelist()
    assert last_delivery(demo_org, rid).detail["encryption"] == "none"
    (evidence,) = Ledger(demo_org.ledger).evidence(request_id=rid)
    assert evidence.detail["encryption"] == "none"
    logs = capfd.readouterr()
    text = logs.out + logs.err + caplog.text
    assert "the package is NOT encrypted, as the form asked" in text


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
    demo_org, run_dag, conf, message, capfd, caplog
):
    caplog.set_level(logging.INFO)
    dag_run = run_dag(DAG_ID, **conf)
    assert dag_run.state == "failed"
    states = task_states(dag_run)
    assert states[("register_request", -1)] == "failed"
    assert all(s != "success" for (task, _), s in states.items() if task != "register_request")
    assert request_count(demo_org) == 0
    assert delivered(demo_org) == []
    captured = capfd.readouterr()
    logs = captured.out + captured.err + caplog.text
    assert "refused: " in logs
    assert message in logs
    assert "Task failed with exception" not in logs, "a refusal is one line, no traceback"
    tries = {ti.task_id: ti.try_number for ti in dag_run.get_task_instances()}
    assert tries["register_request"] == 1, "a refusal is not retried"


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


def test_the_answer_names_the_recipients_told_of_an_earlier_rectification(
    demo_org, run_dag, smtp_server, monkeypatch
):
    """Art. 19, last sentence: after a rectification told its recipients, the subject's access
    package lists them, in both languages; the recipients not told are not listed."""
    from gdpr.erasure.notify import recipients_for

    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", "access-art19-key-0123456789abcdef")
    subject = PLANTED.subject.email
    fixed = run_dag(
        "gdpr_subject_rectification",
        request_id=register("rectification", subject, field="user.name.last", value="Durand-Roy"),
    )
    assert fixed.state == "success", task_states(fixed)
    told = recipients_for(demo_org.datamap, ["crm.customers", "crm.prospects"])
    assert told, "the demo map has recipients to notify of a rectification"
    assert all(smtp_server.to(n.recipient) for n in told), "each was sent its Art. 19 notice"

    access = register("access", subject)
    dag_run = run_dag(DAG_ID, request_id=access)
    assert dag_run.state == "success", task_states(dag_run)
    archive = package(demo_org, f"{access}/package.zip", access)
    english = archive.read("cover.en.html").decode()
    french = archive.read("cover.fr.html").decode()
    for notice in told:
        assert f"{notice.name} ({notice.recipient}" in english
        assert f"{notice.name} ({notice.recipient}" in french
    assert "rectification, last informed on" in english
    assert "rectification, dernière information le" in french
    not_told = {
        n.recipient for n in recipients_for(demo_org.datamap, demo_org.datamap.dataset_ids())
    } - {n.recipient for n in told}
    assert not any(address in english for address in not_told)


def test_without_a_fernet_key_the_run_is_refused_before_anything_is_written(
    demo_org, run_dag, monkeypatch, capfd, caplog
):
    from tests.dags.refusals import RunLog, assert_refused

    rid = register("access", PLANTED.subject.email)
    events = [e.kind for e in Ledger(demo_org.ledger).request_events(rid)]
    monkeypatch.setenv("AIRFLOW__CORE__FERNET_KEY", "")
    log = RunLog(capfd, caplog)
    dag_run = run_dag(DAG_ID, request_id=rid)
    assert_refused(
        dag_run,
        "register_request",
        log.text(),
        "Airflow has no Fernet key ([core] fernet_key), so the package passphrase would sit in "
        "clear in the ledger",
    )
    assert all(s != "success" for s in task_states(dag_run).values())
    assert delivered(demo_org) == [], "nothing delivered"
    assert [e.kind for e in Ledger(demo_org.ledger).request_events(rid)] == events
    with demo_org.ledger.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM ledger_package_secrets")).scalar() == 0
