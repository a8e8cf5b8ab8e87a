"""Every shipped organisation (examples/), run through the DAGs for real with dag.test().

The ``org`` fixture (tests/orgs_fixtures.py) is parametrised over examples.ORGANISATIONS.

The expectations are each organisation's planted facts (examples/<org>/planted.py), computed
from what its seeder writes: the purge removes exactly what expired, everywhere and in every
object version, and keeps the held and the kept; an access package holds exactly the subject's
records and object versions; the register and the minimisation checks cover the whole map.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter
from datetime import timedelta

import sqlalchemy as sa

from gdpr.ledger import Ledger, verify_chain
from tests.clock import TEST_NOW
from tests.dags.conftest import task_states, xcom_text


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


# Product bugs an organisation's shape finds: (test, organisation) -> the bug. The case is
# marked xfail(strict=True), and run without the DAG's retries (the failure is not transient).
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

    body = org.s3.get_object(
        Bucket=org.datamap.delivery.bucket, Key=f"{request.request_id}/package.zip"
    )["Body"].read()
    archive = zipfile.ZipFile(io.BytesIO(body))
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
