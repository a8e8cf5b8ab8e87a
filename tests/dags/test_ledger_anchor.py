"""A DAG run anchors the ledger: every task ends by publishing the chain head to the Object
Lock bucket the data map names, and `gdpr ledger verify` then checks the chain against it."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta

import pytest
import sqlalchemy as sa

from gdpr.cli import main
from gdpr.ledger import Ledger, schema
from gdpr.ledger.clock import utc_now
from tests.conftest import ROOT
from tests.dags.conftest import task_states

ANCHOR_BUCKET = "ml-gdpr-ledger-anchor"
DEMO_LEDGER = """\
  anchor: {conn_id: gdpr_s3, bucket: ml-gdpr-ledger-anchor, prefix: chain-heads/}
  proof_period: P5Y
"""
LEDGER_SETTINGS = """\
  anchor: {conn_id: gdpr_s3, bucket: ml-gdpr-ledger-anchor, prefix: heads/, retention_days: 30,
           signing_conn_id: gdpr_anchor_key}
  proof_period: P1Y
  identity_key_conn_id: gdpr_ledger_identity
"""


@pytest.fixture
def anchored(demo_org, tmp_path, monkeypatch):
    """The demo map (its anchor bucket is seeded with Object Lock), heads signed, identities
    hashed with a key, a proof period of a year."""
    include = tmp_path / "include"
    shutil.copytree(ROOT / "include", include)
    path = include / "datamap.yaml"
    text = path.read_text(encoding="utf-8")
    assert DEMO_LEDGER in text
    path.write_text(text.replace(DEMO_LEDGER, LEDGER_SETTINGS), encoding="utf-8")
    monkeypatch.setenv("GDPR_DATAMAP", str(path))
    for conn_id, secret in (
        ("GDPR_ANCHOR_KEY", "anchor-signing-key-of-the-demo"),
        ("GDPR_LEDGER_IDENTITY", "identity-hmac-key-of-the-demo"),
    ):
        monkeypatch.setenv(
            f"AIRFLOW_CONN_{conn_id}", json.dumps({"conn_type": "generic", "password": secret})
        )
    return demo_org


def heads(s3) -> list[str]:
    listing = s3.list_object_versions(Bucket=ANCHOR_BUCKET, Prefix="heads/")
    return sorted(v["Key"] for v in listing.get("Versions", []))


def test_a_run_publishes_its_heads_and_verify_catches_a_later_rewrite(
    anchored, run_dag, capsys
) -> None:
    ledger = Ledger(anchored.ledger)
    now = utc_now()
    closed = ledger.create_request(
        kind="access",
        subject_email="long.gone@example.org",
        received_at=now - timedelta(days=500),
        due_at=now - timedelta(days=470),
        channel="test",
    )
    ledger.update_request(
        closed.request_id, status="completed", closed_at=now - timedelta(days=480)
    )

    dag_run = run_dag("gdpr_deadline_watch")
    assert set(task_states(dag_run).values()) == {"success"}
    assert ledger.get_request(closed.request_id).subject_email is None  # proof period over
    published = heads(anchored.s3)
    head = ledger.chain_head()
    assert published[-1] == f"heads/{head.count:012d}-{head.last_hash}.json"
    stored = anchored.s3.head_object(Bucket=ANCHOR_BUCKET, Key=published[-1])
    assert stored["ObjectLockMode"] == "COMPLIANCE"

    assert main(["ledger", "verify"]) == 0
    assert f"agrees with {len(published)} published heads" in capsys.readouterr().out

    # the insider drops the identity_cleared row and rewrites the chain and head behind it
    ev = schema.evidence
    with anchored.ledger.begin() as conn:
        conn.execute(sa.delete(ev).where(ev.c.action == "request.identity_cleared"))
        conn.execute(
            sa.update(schema.head).values(
                count=head.count - 1,
                last_hash=conn.execute(
                    sa.select(ev.c.row_hash).where(ev.c.id == head.count - 1)
                ).scalar_one(),
            )
        )
    assert main(["ledger", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"records {head.count} evidence rows but the chain has only {head.count - 1}" in err
    assert f"request {closed.request_id}'s subject was erased outside the ledger" in err


def _last_snapshot(ledger: Ledger, request_id: str) -> dict:
    snapshots = [
        e.detail
        for e in ledger.evidence(actions=["request.record"])
        if e.detail.get("request_id") == request_id
    ]
    return snapshots[-1]


def test_a_request_updated_by_another_dag_keeps_its_subject_hash(anchored, run_dag, capsys):
    from gdpr.deadlines import request_due_at

    key = b"identity-hmac-key-of-the-demo"
    ledger = Ledger(anchored.ledger, identity_key=key)
    received = utc_now() - timedelta(days=10)
    request = ledger.create_request(
        kind="access",
        subject_email="first.person@example.org",
        received_at=received,
        due_at=request_due_at(received, "Europe/Paris"),
        channel="test",
    )

    # a task of another DAG than intake, the watch or `gdpr request` updates the request
    dag_run = run_dag(
        "gdpr_request_decision",
        request_id=request.request_id,
        action="extend",
        reason="Complex request",
    )
    assert dag_run.state == "success", task_states(dag_run)
    snapshot = _last_snapshot(ledger, request.request_id)
    assert snapshot["status"] == "extended", "the decision's own snapshot"
    assert "subject_hmac" in snapshot, "the decision's snapshot hashes the subject too"
    assert main(["ledger", "verify"]) == 0
    capsys.readouterr()

    # the insider swaps the subject of the extended request
    with anchored.ledger.begin() as conn:
        conn.execute(
            sa.update(schema.requests)
            .where(schema.requests.c.request_id == request.request_id)
            .values(subject_email="second.person@example.org")
        )
    assert main(["ledger", "verify"]) == 1
    assert (
        f"request {request.request_id}'s subject is not the person the chain recorded"
        in capsys.readouterr().err
    )
