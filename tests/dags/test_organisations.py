"""Every shipped organisation (examples/), run through the DAGs for real with dag.test().

The ``org`` fixture (tests/orgs_fixtures.py) is parametrised over examples.ORGANISATIONS.

The expectations are each organisation's planted facts (examples/<org>/planted.py), computed
from what its seeder writes: the purge removes exactly what expired, everywhere and in every
object version, and keeps the held and the kept; an access package holds exactly the subject's
records and object versions; an approved erasure changes exactly the subject's records, as its
plan says, and nobody else's; a rectification reaches every record of the subject and no other;
the register and the minimisation checks cover the whole map.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import timedelta

import sqlalchemy as sa

from gdpr.ledger import Ledger, verify_chain
from tests.clock import TEST_NOW
from tests.dags.conftest import task_states, xcom_text
from tests.dags.requests import register
from tests.dags.test_subject_access import package


def rows_by_key(org, dataset: str) -> dict[tuple[str, ...], dict]:
    """Every row of a SQL dataset, by its primary key as text."""
    ref = org.datamap.dataset(dataset)
    table = sa.Table(
        ref.dataset.table_name, sa.MetaData(), autoload_with=org.engines[ref.system.name]
    )
    with org.engines[ref.system.name].connect() as conn:
        rows = conn.execute(sa.select(table)).mappings().all()
    return {tuple(str(r[c]) for c in ref.dataset.primary_key): dict(r) for r in rows}


def versions_of(org, dataset: str, key: str) -> tuple[int, int]:
    """(versions, delete markers) stored under exactly this key."""
    bucket = org.datamap.dataset(dataset).system.bucket
    listing = org.s3.list_object_versions(Bucket=bucket, Prefix=key)
    versions = [v for v in listing.get("Versions", []) if v["Key"] == key]
    markers = [m for m in listing.get("DeleteMarkers", []) if m["Key"] == key]
    return len(versions), len(markers)


def personal_values(org) -> list[str]:
    planted = org.planted
    return [planted.subject, planted.held_subject, *planted.expired_subjects]


def test_retention_purge_removes_the_expired_everywhere_and_keeps_the_held_and_the_invoices(
    org, run_dag
):
    planted = org.planted
    dag_run = run_dag("gdpr_retention_purge")
    assert dag_run.state == "success", task_states(dag_run)

    for dataset, keys in planted.expired.rows.items():
        left = keys & rows_by_key(org, dataset).keys()
        assert not left, f"{dataset}: expired records survived the purge: {sorted(left)}"
    for dataset, objects in planted.expired.objects.items():
        for key in {*objects, *planted.expired.delete_markers.get(dataset, ())}:
            assert versions_of(org, dataset, key) == (0, 0), f"{dataset} {key}: a version is left"

    for dataset, keys in planted.held.rows.items():
        missing = keys - rows_by_key(org, dataset).keys()
        assert not missing, (
            f"{dataset}: records under the legal hold were purged: {sorted(missing)}"
        )
    for dataset, objects in planted.held.objects.items():
        markers = planted.held.delete_markers.get(dataset, frozenset())
        for key, versions in objects.items():
            assert versions_of(org, dataset, key) == (versions, int(key in markers)), (
                f"{dataset} {key}: the held object lost a version"
            )

    for dataset, originals in planted.kept.items():
        now = rows_by_key(org, dataset)
        for key, personal in originals.items():
            assert key in now, f"{dataset} {key}: a record the law keeps was deleted"
            changed = {f for f, value in personal.items() if now[key][f] != value}
            assert changed == set(personal), (
                f"{dataset} {key}: {set(personal) - changed} not erased"
            )
    assert verify_chain(org.ledger).ok
    blob = xcom_text(dag_run)
    for value in personal_values(org):
        assert value not in blob


def test_processing_register_covers_every_purpose_and_the_map_matches_the_systems(org, run_dag):
    dag_run = run_dag("gdpr_processing_register")
    assert dag_run.state == "success", task_states(dag_run)
    states = {task: state for (task, _), state in task_states(dag_run).items()}
    assert states["require_map_matches_systems"] == "success", "no drift between map and schema"
    bucket = org.datamap.reports.bucket
    (key,) = [
        o["Key"]
        for o in org.s3.list_objects_v2(Bucket=bucket).get("Contents", [])
        if o["Key"].endswith(".html")
    ]
    page = org.s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode()
    for purpose in org.datamap.purposes:
        assert purpose.name.replace("'", "&#39;") in page, purpose.id
    assert org.datamap.organisation.dpo.email in page
    for rule in org.datamap.retention:
        assert rule.citation.replace("'", "&#39;") in page, rule.id


def test_access_package_holds_exactly_the_subjects_records_and_versions(org, run_dag):
    planted = org.planted
    ledger = Ledger(org.ledger)
    request = ledger.create_request(
        kind="access",
        subject_email=planted.subject,
        received_at=TEST_NOW,
        due_at=TEST_NOW + timedelta(days=30),
        channel="test",
    )
    dag_run = run_dag("gdpr_subject_access", request_id=request.request_id)
    assert dag_run.state == "success", task_states(dag_run)

    archive = package(org, f"{request.request_id}/package.zip")  # with the DPO's passphrase
    manifest = json.loads(archive.read("manifest.json"))
    exported: dict[str, int] = {}
    for dataset, entry in manifest["datasets"].items():
        if entry["kind"] == "records" and entry["count"]:
            exported[dataset] = entry["count"]
    files = Counter(
        "/".join(name.split("/")[1:3]).replace("/", ".")
        for name in archive.namelist()
        if name.startswith("objects/") and not name.endswith("/")
    )
    exported.update(files)
    assert exported == planted.subject_holdings.counts()
    # a record shared by several parties shows the subject's part only: every party whose link
    # or own fields are visible is the subject (its link names one of the subject's records)
    names = set(archive.namelist())
    shared = [ref for ref in org.datamap.iter_datasets() if ref.dataset.parties]
    for ref in shared:
        name = f"data/{ref.system.name}/{ref.dataset.name}.json"
        if name not in names:
            continue
        for record in json.loads(archive.read(name)):
            for reference in ref.dataset.references:
                if reference.role is None:
                    continue
                part = ref.dataset.parties[reference.role]
                if all(record.get(f) is None for f in part):
                    continue
                system, dataset = reference.dataset.split(".")
                parents = json.loads(archive.read(f"data/{system}/{dataset}.json"))
                mine = {tuple(str(p[f]) for f in reference.fields.values()) for p in parents}
                assert tuple(str(record[f]) for f in reference.fields) in mine, reference.role
    assert [e.action for e in ledger.evidence(request_id=request.request_id)] == [
        "access.delivered"
    ]
    blob = xcom_text(dag_run)
    assert planted.subject not in blob


def test_minimisation_checks_every_dataset_and_finds_the_planted_remarks(org, run_dag, smtp_server):
    dag_run = run_dag("gdpr_minimisation_checks")
    checked = [
        r.id
        for r in org.datamap.iter_datasets()
        if r.kind == "sql" or r.dataset.text_objects is not None
    ]
    states = task_states(dag_run)
    checks = [s for (task, _), s in states.items() if task == "check_dataset"]
    assert len(checks) == len(checked), states
    assert set(checks) == {"success"}, states
    bucket = org.datamap.reports.bucket
    paginator = org.s3.get_paginator("list_objects_v2")
    keys = [
        o["Key"]
        for page in paginator.paginate(Bucket=bucket, Prefix="minimisation/")
        for o in page.get("Contents", [])
    ]
    for dataset, planted_keys in org.planted.remarks.items():
        (key,) = [k for k in keys if f"/{dataset}/" in k and k.endswith("findings.csv")]
        text = org.s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode()
        found = {r["key"] for r in csv.DictReader(io.StringIO(text)) if r["check"] == "free_text"}
        assert found == planted_keys, dataset
    (mail,) = smtp_server.to(org.datamap.organisation.dpo.email)
    assert "finding" in mail["Subject"]


def _xcom(dag_run, task_id):
    (ti,) = [ti for ti in dag_run.get_task_instances() if ti.task_id == task_id]
    return ti.xcom_pull(task_ids=task_id)


def test_approved_erasure_takes_exactly_the_subjects_records_and_versions_and_nothing_else(
    org, run_dag, approver, smtp_server, monkeypatch
):
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", "test-suppression-key-0123456789abcdef")
    planted = org.planted
    mine = planted.subject_holdings
    before = {
        ref.id: rows_by_key(org, ref.id) for ref in org.datamap.iter_datasets() if ref.kind == "sql"
    }
    approver("gdpr_subject_erasure", "Approve")

    request_id = register("erasure", planted.subject, identity=planted.identity)
    dag_run = run_dag("gdpr_subject_erasure", request_id=request_id, ground="a")

    assert dag_run.state == "success", task_states(dag_run)
    planned = _xcom(dag_run, "preview")["counts"]
    for dataset, keys in mine.rows.items():
        counts = planned.get(dataset, {})
        assert sum(counts.get(a, 0) for a in ("delete", "anonymise", "keep")) == len(keys), (
            f"{dataset}: the plan does not cover exactly the subject's records"
        )
        now = rows_by_key(org, dataset)
        assert len(keys - now.keys()) == counts.get("delete", 0), dataset
    for dataset, rows in before.items():  # nobody else's record is touched
        now = rows_by_key(org, dataset)
        others = rows.keys() - mine.rows.get(dataset, frozenset())
        assert {k: now.get(k) for k in others} == {k: rows[k] for k in others}, dataset
    for dataset, objects in mine.objects.items():  # an object goes with every version, or stays
        kept = planned.get(dataset, {}).get("keep", 0)
        left = {key: versions_of(org, dataset, key)[0] for key in objects}
        assert sum(1 for n in left.values() if n) == kept, f"{dataset}: {left}, {kept} kept"
        assert all(n in (0, objects[key]) for key, n in left.items()), dataset
    request = Ledger(org.ledger).get_request(request_id)
    assert request.status == "completed"
    assert verify_chain(org.ledger).ok
    assert planted.subject not in xcom_text(dag_run)

    rerun = run_dag("gdpr_subject_erasure", request_id=request_id, ground="a")
    assert rerun.state == "success", task_states(rerun)
    assert task_states(rerun)[("approve", -1)] == "skipped"


def test_rectification_corrects_the_field_in_every_record_of_the_subject_and_no_other(
    org, run_dag, smtp_server, monkeypatch
):
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", "rectification-key-0123456789abcdef")
    new = "Duranté-Villeneuve"
    planted = org.planted
    fields = [
        (ref.id, name)
        for ref in org.datamap.iter_datasets()
        for name, spec in ref.dataset.fields.items()
        if "user.name.last" in spec.categories and spec.rectifiable
    ]
    assert fields, "every organisation lets a subject correct their last name"
    before = {dataset: rows_by_key(org, dataset) for dataset, _ in fields}

    request_id = register(
        "rectification",
        planted.subject,
        identity=planted.identity,
        field="user.name.last",
        value=new,
    )
    dag_run = run_dag("gdpr_subject_rectification", request_id=request_id)

    assert dag_run.state == "success", task_states(dag_run)
    reached = 0
    for dataset, name in fields:
        now, mine = rows_by_key(org, dataset), planted.subject_holdings.rows.get(dataset, set())
        for key, row in before[dataset].items():
            expected = new if key in mine and row[name] is not None else row[name]
            assert now[key][name] == expected, (dataset, name, key)
            reached += key in mine
    assert reached, "the subject has a last name somewhere"
    assert Ledger(org.ledger).get_request(request_id).status == "completed"
    assert new.lower() not in xcom_text(dag_run)
