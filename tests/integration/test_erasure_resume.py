"""An erasure that fails between systems, then a rerun (PostgreSQL, MariaDB, moto S3, SMTP sink):
the approved plan is completed as approved, with evidence once per batch, Art. 19 notices for
everything deleted in either attempt, and a certificate whose totals are its table's. And the
subject's delivered access packages go with every version."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from examples import buckets_of
from examples.retailer.planted import PLANTED
from examples.retailer.populate import seed_demo
from gdpr.access.deliver import deliver_package, package_key
from gdpr.access.staging import staging_prefix
from gdpr.connections import create_sql_engine
from gdpr.connectors.factory import connectors_for, env_clients
from gdpr.deadlines import request_due_at
from gdpr.erasure.apply import CHANGES, INTENT, RECOVERED
from gdpr.erasure.batch import Subject, apply_batch, plan_batch, verify_batch
from gdpr.erasure.copies import DELETED as COPIES_DELETED
from gdpr.erasure.notify import recipients_for
from gdpr.ledger import EvidenceInput, Ledger, digest_keys, migrate, verify_chain
from tests.clock import TEST_NOW
from tests.integration.test_erasure_batch import snapshot

NOW = TEST_NOW
SUBJECT = PLANTED.subject
DAG_ID = "gdpr_subject_erasure"
APPROVAL = {
    "chosen_options": ["Approve"],
    "responded_by_user": {"name": "Claire (DPO)"},
    "responded_at": NOW.isoformat(),
}


def new_request(ledger: Ledger, request_id: str, kind: str = "erasure", email=SUBJECT.email):
    return ledger.create_request(
        kind=kind,
        subject_email=email,
        received_at=NOW,
        due_at=request_due_at(NOW, "Europe/Paris"),
        channel="test",
        request_id=request_id,
    )


class FailOnFirstDelete:
    """A SQLAlchemy event that fails the first DELETE sent to one database (the second system
    the erasure changes), as the UUID type error did: after the first system committed."""

    def __init__(self, database: str):
        self.database, self.fired = database, []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        if (
            not self.fired
            and conn.engine.url.database == self.database
            and statement.lstrip().upper().startswith("DELETE")
        ):
            self.fired.append(statement)
            raise RuntimeError("injected failure: operator does not exist: uuid = text")

    def __enter__(self):
        sa.event.listen(sa.engine.Engine, "before_cursor_execute", self)
        return self

    def __exit__(self, *exc):
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", self)


def uninterrupted_state(demo_org, tmp_path) -> dict:
    """What erasing the subject in one go leaves (its own ledger)."""
    engine = create_sql_engine(f"sqlite:///{tmp_path / 'reference-ledger.sqlite'}")
    migrate(engine)
    ledger = Ledger(engine)
    new_request(ledger, "R-REF-1")
    clients = env_clients()
    try:
        connectors = connectors_for(demo_org.datamap, clients)
        subjects = [Subject("R-REF-1", SUBJECT.email)]
        batch = plan_batch(demo_org.datamap, connectors, ledger, subjects, ground="a", now=NOW)
        apply_batch(demo_org.datamap, batch, connectors, ledger)
        verify_batch(demo_org.datamap, batch, connectors, subjects)
    finally:
        clients.dispose()
        engine.dispose()
    return snapshot(demo_org)


def stored_certificate(s3, datamap, request_id: str) -> str:
    """The erasure certificate of a request, as stored in the reports location."""
    key = f"erasure/{request_id}/certificate.html"
    return s3.get_object(Bucket=datamap.reports.bucket, Key=key)["Body"].read().decode()


def certificate_numbers(html: str) -> tuple[dict[str, int], dict[str, int]]:
    """The certificate's summary (deleted, anonymised) and the sums of its per-dataset table."""
    summary = {
        "delete": int(re.search(r"Records deleted</th><td>(\d+)", html).group(1)),
        "anonymise": int(re.search(r"Records anonymised</th><td>(\d+)", html).group(1)),
        "keep": int(re.search(r"Records kept \(Art. 17\(3\)\)</th><td>(\d+)", html).group(1)),
    }
    table = html.split("<h2>Per system and dataset</h2>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>[^<]+</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>", table)
    sums = {
        "delete": sum(int(r[0]) for r in rows),
        "anonymise": sum(int(r[1]) for r in rows),
        "keep": sum(int(r[2]) for r in rows),
    }
    return summary, sums


def test_an_erasure_failing_between_systems_is_completed_by_a_rerun_as_approved(
    demo_org, smtp_server, tmp_path
):
    from gdpr.airflow import erasure_batch

    expected = uninterrupted_state(demo_org, tmp_path)
    seed_demo(
        demo_org.crm, demo_org.helpdesk, demo_org.s3, buckets_of(demo_org.datamap), customers=200
    )
    ledger = Ledger(demo_org.ledger)
    request_id = new_request(ledger, "R-RESUME-1").request_id
    check = {"request_ids": [request_id], "ground": "a"}

    planned = erasure_batch.make_preview(check, dag_id=DAG_ID, run_id="run-1")
    assert not planned.get("resumed")
    # the second system the plan changes fails on its first DELETE
    with erasure_batch._approved(planned) as job:
        merged = job.batch.merged
    order = [d.system for d in merged.datasets if d.kind == "sql" and (d.delete or d.anonymise)]
    first = order[0]
    second = next(s for s in order if s != first)
    engine = {"crm": demo_org.crm, "helpdesk": demo_org.helpdesk}[second]
    with FailOnFirstDelete(engine.url.database) as failing, pytest.raises(RuntimeError):
        erasure_batch.erase(planned, APPROVAL, dag_id=DAG_ID, run_id="run-1")
    assert failing.fired
    changed_first = [
        e for e in ledger.evidence(request_id=request_id, actions=CHANGES) if e.system == first
    ]
    assert sum(e.count for e in changed_first) > 0, "the first system committed"
    assert ledger.get_request(request_id).is_open, "the person is not erased yet"
    (record,) = ledger.resumable_erasure_plans([request_id])
    assert record.plan_sha256 == planned["plan_sha256"]
    assert record.approved_by == "Claire (DPO)"

    # a new run for the same request: the same approved plan, no second approval
    rerun = erasure_batch.make_preview(check, dag_id=DAG_ID, run_id="run-2")
    assert rerun["resumed"] is True
    assert rerun["plan_sha256"] == planned["plan_sha256"]
    assert rerun["approval"]["responded_by_user"] == {"name": "Claire (DPO)"}
    erased = erasure_batch.erase(rerun, rerun["approval"], dag_id=DAG_ID, run_id="run-2")
    erasure_batch.verify(rerun)
    erasure_batch.certify(rerun, rerun["approval"], dag_id=DAG_ID, run_id="run-2")
    notices = erasure_batch.notify_recipients(rerun)
    suppressed = {"suppressed": 1}
    erasure_batch.finish(check, rerun, rerun["approval"], suppressed, dag_id=DAG_ID, run_id="run-2")

    # the state of an uninterrupted erasure
    assert snapshot(demo_org) == expected
    request = ledger.get_request(request_id)
    assert request.status == "completed"
    assert ledger.erasure_plan(planned["plan_sha256"]).status == "done"
    assert not ledger.resumable_erasure_plans([request_id])

    # evidence: every intent settled; each batch's change on record once; nothing done twice
    rows = [
        e
        for e in ledger.evidence(request_id=request_id)
        if e.detail.get("plan_sha256") == merged.sha256
    ]
    intents = [e for e in rows if e.action == INTENT]
    settlements = [e for e in rows if e.action in (*CHANGES, RECOVERED)]
    assert {e.id for e in intents} == {e.detail["intent"] for e in settlements}
    # the failed unit of work (the second system's batches, one transaction) rolled back whole
    recovered = [e.count for e in settlements if e.action == RECOVERED]
    assert recovered, "the failed unit's intents are settled"
    assert set(recovered) == {0}, "rolled back"
    done = [e for e in settlements if e.action in CHANGES and e.count]
    batches = [(e.dataset, e.action, e.keys_sha256) for e in done]
    assert len(batches) == len(set(batches)), "each batch's evidence exists once"
    for d in merged.datasets:
        for action in ("delete", "anonymise"):
            planned_n = len(getattr(d, action))
            if planned_n:
                got = sum(
                    e.count
                    for e in done
                    if e.dataset == d.dataset and e.action == f"erasure.{action}"
                )
                assert got == planned_n, (d.dataset, action)
    assert sum(c["delete"] for c in erased["changed"].values()) == merged.totals()["delete"]
    assert verify_chain(demo_org.ledger).ok

    # Art. 19: every recipient of a dataset changed in either attempt, once
    changed = {e.dataset for e in done}
    assert {e.dataset for e in changed_first} <= changed
    expected_recipients = {n.recipient for n in recipients_for(demo_org.datamap, sorted(changed))}
    first_recipients = {
        n.recipient
        for n in recipients_for(demo_org.datamap, sorted({e.dataset for e in changed_first}))
    }
    assert first_recipients
    assert first_recipients <= expected_recipients
    for address in expected_recipients:
        assert len(smtp_server.to(address)) == 1, address
    assert notices["sent"] == len(expected_recipients)

    # the certificate: its totals are its table's
    html = stored_certificate(demo_org.s3, demo_org.datamap, request_id)
    summary, sums = certificate_numbers(html)
    assert summary == sums
    assert summary["delete"] == merged.totals()["delete"]
    assert "Claire (DPO)" in html


def test_erasure_deletes_every_version_of_the_subjects_delivered_packages(demo_org, tmp_path):
    from gdpr.airflow import erasure_batch

    s3, delivery = demo_org.s3, demo_org.datamap.delivery
    s3.put_bucket_versioning(Bucket=delivery.bucket, VersioningConfiguration={"Status": "Enabled"})
    ledger = Ledger(demo_org.ledger)
    access = new_request(ledger, "R-2026-000901", kind="access")
    other = new_request(ledger, "R-2026-000902", kind="access", email=PLANTED.near_miss_emails[0])
    zipped = tmp_path / "package.zip"
    for body in (b"first package", b"second package"):  # a rerun: two versions of one key
        zipped.write_bytes(body)
        for request in (access, other):
            delivered = deliver_package(
                s3,
                delivery,
                request.request_id,
                zipped,
                sha256="0" * 64,
                expiry_days=7,
                now=NOW,
            )
    ledger.record_evidence(
        EvidenceInput(
            action="access.delivered",
            count=1,
            keys_sha256="0" * 64,
            detail={
                "package": f"s3://{delivery.bucket}/{package_key(delivery, access.request_id)}"
            },
            request_id=access.request_id,
        )
    )
    staged = staging_prefix(delivery, access.request_id) + "crm.json"
    s3.put_object(Bucket=delivery.bucket, Key=staged, Body=b"staged export")
    s3.delete_object(Bucket=delivery.bucket, Key=staged)  # a delete marker over the data
    mine = sorted([package_key(delivery, access.request_id), staged])
    assert delivered.key == package_key(delivery, other.request_id)

    def versions(key):
        listing = s3.list_object_versions(Bucket=delivery.bucket, Prefix=key)
        return listing.get("Versions", []) + listing.get("DeleteMarkers", [])

    assert [len(versions(k)) for k in mine] == [2, 2]

    request_id = new_request(ledger, "R-2026-000903").request_id
    planned = erasure_batch.make_preview(
        {"request_ids": [request_id], "ground": "a"}, dag_id=DAG_ID, run_id="run-1"
    )
    erasure_batch.erase(planned, APPROVAL, dag_id=DAG_ID, run_id="run-1")

    assert [versions(k) for k in mine] == [[], []], "every version and delete marker"
    assert len(versions(package_key(delivery, other.request_id))) == 2, "another person's stays"
    (row,) = ledger.evidence(request_id=request_id, actions=(COPIES_DELETED,))
    assert row.count == 2
    assert row.detail["versions"] == 4
    assert row.keys_sha256 == digest_keys([[k] for k in mine])
    assert verify_chain(demo_org.ledger).ok
    # a rerun finds nothing more to delete and adds no evidence
    erasure_batch.erase(planned, APPROVAL, dag_id=DAG_ID, run_id="run-1")
    assert len(ledger.evidence(request_id=request_id, actions=(COPIES_DELETED,))) == 1
