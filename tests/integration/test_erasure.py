"""Erasing the planted subject across PostgreSQL, MariaDB and moto S3: preview, apply, verify."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from examples.retailer.planted import PLANTED
from gdpr.connectors.factory import connectors_for, env_clients
from gdpr.deadlines import request_due_at
from gdpr.erasure.apply import apply_plan
from gdpr.erasure.plan import ErasurePlan, preview
from gdpr.erasure.verify import ErasureIncompleteError, verify_erasure
from gdpr.ledger import Ledger, RecordNotFoundError, schema, verify_chain
from gdpr.subject import resolve_subject
from tests.clock import TEST_NOW

SUBJECT = PLANTED.subject
NOW = TEST_NOW


@pytest.fixture
def clients(demo_org):
    clients = env_clients()
    yield clients
    clients.dispose()


@pytest.fixture
def connectors(demo_org, clients):
    return connectors_for(demo_org.datamap, clients)


@pytest.fixture
def ledger(demo_org):
    return Ledger(demo_org.ledger)


def plan_for(demo_org, connectors, ledger, request_id="R-TEST-1") -> ErasurePlan:
    if ledger.get_request(request_id) is None:
        ledger.create_request(
            kind="erasure",
            subject_email=SUBJECT.email,
            received_at=NOW,
            due_at=request_due_at(NOW, "Europe/Paris"),
            channel="test",
            request_id=request_id,
        )
    return preview(
        demo_org.datamap,
        connectors,
        ledger,
        subject_email=SUBJECT.email,
        request_id=request_id,
        ground="b",
        now=NOW,
    )


def ids(engine, table, key, where=""):
    with engine.connect() as conn:
        return sorted(r[0] for r in conn.execute(sa.text(f"SELECT {key} FROM {table} {where}")))


def keys_of(plan, dataset, action):
    return sorted(k[0] for k in getattr(plan.dataset(dataset), action))


def versions(s3, bucket, key):
    listing = s3.list_object_versions(Bucket=bucket, Prefix=key)
    return listing.get("Versions", []) + listing.get("DeleteMarkers", [])


def test_preview_plans_deletion_anonymisation_and_keeping_with_the_reason(
    demo_org, connectors, ledger
):
    before = ids(demo_org.crm, "customers", "customer_id")
    plan = plan_for(demo_org, connectors, ledger)

    assert ids(demo_org.crm, "customers", "customer_id") == before, "a preview changes nothing"
    assert keys_of(plan, "crm.customers", "delete") == [SUBJECT.customer_id]
    assert keys_of(plan, "crm.orders", "delete") == list(SUBJECT.order_ids)
    assert keys_of(plan, "helpdesk.tickets", "delete") == list(SUBJECT.ticket_ids)
    assert keys_of(plan, "helpdesk.ticket_messages", "delete") == list(SUBJECT.message_ids)
    assert keys_of(plan, "call_audio.recordings", "delete") == sorted(
        SUBJECT.object_keys["call_audio.recordings"]
    )
    # invoices are kept anonymised under the 10-year accounting obligation
    invoices = plan.dataset("crm.invoices")
    assert keys_of(plan, "crm.invoices", "anonymise") == list(SUBJECT.invoice_ids)
    reason = plan.reasons[invoices.anonymise_reason]
    assert "L123-22" in reason.text
    assert reason.article == "Art. 17(3)(b)"
    assert set(invoices.constant) >= {"billing_name", "billing_address", "customer_id", "order_id"}
    # their PDFs are kept as they are, for the same reason
    pdfs = plan.dataset("invoice_archive.invoice_pdfs")
    ((reason_id, kept),) = pdfs.kept.items()
    assert sorted(k[0] for k in kept) == sorted(SUBJECT.object_keys["invoice_archive.invoice_pdfs"])
    assert "L123-22" in plan.reasons[reason_id].text
    # near misses are other people
    for dataset in plan.datasets:
        if dataset.dataset == "crm.customers":
            assert not set(PLANTED.near_miss_customer_ids) & {k[0] for k in dataset.delete}
    assert plan.sha256 == plan_for(demo_org, connectors, ledger).sha256, "same state, same plan"


def test_erasure_applies_exactly_the_plan_and_the_subject_is_gone(demo_org, connectors, ledger):
    plan = plan_for(demo_org, connectors, ledger)
    others = ids(demo_org.crm, "customers", "customer_id", "WHERE customer_id <> 1")

    outcome = apply_plan(demo_org.datamap, plan, connectors, ledger, batch_size=2)

    for dataset in plan.datasets:
        counts = dataset.counts()
        changed = outcome.changed.get(dataset.dataset, {})
        assert changed.get("delete", 0) == counts["delete"], dataset.dataset
        assert changed.get("anonymise", 0) == counts["anonymise"], dataset.dataset
    assert ids(demo_org.crm, "customers", "customer_id", "WHERE customer_id <> 1") == others
    assert SUBJECT.customer_id not in ids(demo_org.crm, "customers", "customer_id")
    assert not set(SUBJECT.ticket_ids) & set(ids(demo_org.helpdesk, "tickets", "ticket_id"))
    with demo_org.crm.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT customer_id, order_id, billing_name, billing_address FROM invoices "
                "WHERE invoice_id IN (1, 2, 3)"
            )
        ).all()
    assert len(rows) == 3
    assert all(r.customer_id is None and r.order_id is None for r in rows)
    assert all(r.billing_name == "[redacted]" and r.billing_address == "[redacted]" for r in rows)
    for key in SUBJECT.object_keys["call_audio.recordings"]:
        assert versions(demo_org.s3, "ml-call-audio", key) == [], "every version is gone"
    for key in SUBJECT.object_keys["invoice_archive.invoice_pdfs"]:
        assert versions(demo_org.s3, "ml-invoice-archive", key), "kept under L123-22"

    result = verify_erasure(
        demo_org.datamap, plan, connectors, identity="email", value=SUBJECT.email
    )
    assert result.ok
    assert not resolve_subject(demo_org.datamap, connectors, "email", SUBJECT.email).found
    assert verify_chain(demo_org.ledger).ok
    evidence = ledger.evidence(request_id=plan.request_id)
    deleted = sum(e.count for e in evidence if e.action == "erasure.delete")
    assert deleted == plan.totals()["delete"]

    again = apply_plan(demo_org.datamap, plan, connectors, ledger)
    assert again.already_applied
    assert again.total == 0
    fresh = plan_for(demo_org, connectors, ledger, request_id="R-TEST-2")
    assert fresh.totals().get("delete", 0) == 0
    assert apply_plan(demo_org.datamap, fresh, connectors, ledger).total == 0


def test_an_erasure_on_record_in_a_ledger_on_each_database(demo_org, connectors, sql_url):
    """The production stack keeps its ledger on PostgreSQL (MariaDB and SQLite too): the
    ledger's statements sent as driver SQL in each paramstyle record the erasure, close its
    claim and keep the chain whole."""
    from gdpr.ledger import migrate

    engine = sa.create_engine(sql_url)
    try:
        migrate(engine)
        ledger = Ledger(engine)
        plan = plan_for(demo_org, connectors, ledger)
        outcome = apply_plan(demo_org.datamap, plan, connectors, ledger)
        verify_erasure(demo_org.datamap, plan, connectors, identity="email", value=SUBJECT.email)
        rows = ledger.evidence(request_id=plan.request_id)
        assert rows[-1].action == "erasure.apply"
        assert (
            rows[-1].count == outcome.total == sum(plan.totals().values()) - plan.totals()["keep"]
        )
        claim = [
            n for n in ledger.notifications(target=plan.request_id) if n.topic == "erasure_apply"
        ]
        assert [n.status for n in claim] == ["sent"]
        assert verify_chain(engine).ok
    finally:
        engine.dispose()


def test_a_legal_hold_keeps_the_record_and_what_it_needs_restricted(demo_org, connectors, ledger):
    from gdpr.datamap.models import Holds

    # `holds.scope: record`; the default, `subject`, keeps everything (tests/integration/test_holds.py)
    demo_org.datamap = demo_org.datamap.model_copy(update={"holds": Holds(scope="record")})
    hold = ledger.add_legal_hold(
        reason="Contested delivery",
        reference="TJ Lyon 2026-1",
        dataset="crm.orders",
        record_key={"order_id": 2},
    )
    plan = plan_for(demo_org, connectors, ledger)
    reason = f"hold-{hold.id}"
    assert [k[0] for k in plan.dataset("crm.orders").kept[reason]] == [2]
    assert [k[0] for k in plan.dataset("crm.customers").kept[reason]] == [SUBJECT.customer_id]
    assert [k[0] for k in plan.dataset("crm.customers").restrict] == [SUBJECT.customer_id]
    assert 2 in [k[0] for k in plan.dataset("crm.invoices").kept[reason]]

    apply_plan(demo_org.datamap, plan, connectors, ledger)

    assert ids(demo_org.crm, "orders", "order_id", "WHERE customer_id = 1") == [2]
    with demo_org.crm.connect() as conn:
        flag = conn.execute(
            sa.text("SELECT processing_restricted FROM customers WHERE customer_id = 1")
        ).scalar_one()
    assert flag, "kept data the subject gave is restricted (Art. 18)"
    result = verify_erasure(
        demo_org.datamap, plan, connectors, identity="email", value=SUBJECT.email
    )
    assert result.kept["crm.customers"] == 1
    assert result.kept["crm.orders"] == 1


def test_an_object_under_object_lock_is_kept_with_its_reason(demo_org, connectors, ledger):
    s3, bucket = demo_org.s3, "ml-call-audio"
    bodies = {
        k: s3.get_object(Bucket=bucket, Key=k)["Body"].read()
        for k in SUBJECT.object_keys["call_audio.recordings"]
    }
    _empty_bucket(s3, bucket)
    s3.put_object_lock_configuration(
        Bucket=bucket, ObjectLockConfiguration={"ObjectLockEnabled": "Enabled"}
    )
    locked, free = sorted(bodies)
    for key, body in bodies.items():
        version = s3.put_object(Bucket=bucket, Key=key, Body=body)["VersionId"]
        if key == locked:
            s3.put_object_retention(
                Bucket=bucket,
                Key=key,
                VersionId=version,
                Retention={
                    "Mode": "COMPLIANCE",
                    "RetainUntilDate": datetime(2036, 1, 1, tzinfo=UTC),
                },
            )
    plan = plan_for(demo_org, connectors, ledger)
    recordings = plan.dataset("call_audio.recordings")
    assert [k[0] for k in recordings.delete] == [free]
    ((reason_id, kept),) = recordings.kept.items()
    assert [k[0] for k in kept] == [locked]
    assert "Object Lock" in plan.reasons[reason_id].text
    assert "2036-01-01" in plan.reasons[reason_id].text

    apply_plan(demo_org.datamap, plan, connectors, ledger)
    assert versions(s3, bucket, locked)
    assert not versions(s3, bucket, free)


def test_verification_fails_loudly_when_a_record_appeared_since_the_preview(
    demo_org, connectors, ledger
):
    plan = plan_for(demo_org, connectors, ledger)
    with demo_org.helpdesk.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO tickets (ticket_id, requester_email, subject, category, channel, "
                "status, created_at, processing_restricted) VALUES (99001, :email, 'Bonjour', "
                "'other', 'email', 'open', :now, false)"
            ),
            {"email": SUBJECT.email, "now": NOW.replace(tzinfo=None)},
        )
    apply_plan(demo_org.datamap, plan, connectors, ledger)
    with pytest.raises(ErasureIncompleteError, match=r"helpdesk\.tickets 1"):
        verify_erasure(demo_org.datamap, plan, connectors, identity="email", value=SUBJECT.email)


def test_an_interrupted_erasure_completes_on_rerun(demo_org, connectors, ledger):
    plan = plan_for(demo_org, connectors, ledger)
    with pytest.raises(RuntimeError, match="injected"):
        apply_plan(demo_org.datamap, plan, connectors, ledger, batch_size=2, fail_after_batches=4)
    apply_plan(demo_org.datamap, plan, connectors, ledger, batch_size=2)
    verify_erasure(demo_org.datamap, plan, connectors, identity="email", value=SUBJECT.email)
    evidence = ledger.evidence(request_id=plan.request_id)
    assert sum(e.count for e in evidence if e.action == "erasure.delete") == plan.totals()["delete"]
    assert verify_chain(demo_org.ledger).ok


def test_a_subject_s_records_in_one_database_commit_once(demo_org, connectors, ledger):
    """Each system's batches are one unit of work: one commit per database. The ledger commits
    twice: the claim with the intents of both units before either (one window), and the close
    (the settlements, the closing row and the claim marked done)."""
    plan = plan_for(demo_org, connectors, ledger)
    engines = {name: connectors[name].engine for name in ("crm", "helpdesk")}
    engines["ledger"] = demo_org.ledger
    commits = dict.fromkeys(engines, 0)
    listeners = {}
    for name, engine in engines.items():

        def committed(_conn, name=name):
            commits[name] += 1

        listeners[name] = committed
        sa.event.listen(engine, "commit", committed)
    try:
        apply_plan(demo_org.datamap, plan, connectors, ledger)
    finally:
        for name, listener in listeners.items():
            sa.event.remove(engines[name], "commit", listener)
    assert commits == {"crm": 1, "helpdesk": 1, "ledger": 2}
    rows = ledger.evidence(request_id=plan.request_id)
    intents = [e for e in rows if e.action == "erasure.intent"]
    settled = [e for e in rows if e.action in ("erasure.delete", "erasure.anonymise")]
    assert {e.id for e in intents} == {e.detail["intent"] for e in settled}
    assert sum(e.count for e in settled) == plan.totals()["delete"] + plan.totals()["anonymise"]
    assert verify_chain(demo_org.ledger).ok


def evidence_reads(engine: sa.Engine, during) -> int:
    """How many reads of the evidence table ``during()`` sends to ``engine``."""
    reads: list[str] = []

    def sent(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and "ledger_evidence" in statement:
            reads.append(statement)

    sa.event.listen(engine, "before_cursor_execute", sent)
    try:
        during()
    finally:
        sa.event.remove(engine, "before_cursor_execute", sent)
    return len(reads)


def test_a_dead_worker_s_intents_are_settled_by_the_run_taking_its_stale_claim(
    demo_org, connectors, ledger
):
    """A first attempt (its claim inserted new) reads no earlier evidence; a worker that died
    mid-erasure leaves its claim neither released nor done and its intents unsettled: the run
    that takes the stale claim over reads the plan's evidence once and settles them."""
    plan = plan_for(demo_org, connectors, ledger)

    def first():
        with pytest.raises(RuntimeError, match="injected"):
            apply_plan(demo_org.datamap, plan, connectors, ledger, fail_after_batches=1)

    assert evidence_reads(demo_org.ledger, first) == 0
    note = schema.notifications
    with demo_org.ledger.begin() as conn:  # the worker died: its claim was never released
        taken = conn.execute(
            sa.update(note)
            .where((note.c.topic == "erasure_apply") & (note.c.target == plan.request_id))
            .values(status="claimed", claimed_at=NOW - timedelta(hours=1))
        )
    assert taken.rowcount == 1
    rows = ledger.evidence(request_id=plan.request_id)
    settled = {e.detail["intent"] for e in rows if "intent" in e.detail}
    unsettled = [e.id for e in rows if e.action == "erasure.intent" and e.id not in settled]
    assert unsettled

    def rerun():
        apply_plan(demo_org.datamap, plan, connectors, ledger)

    assert evidence_reads(demo_org.ledger, rerun) == 1
    verify_erasure(demo_org.datamap, plan, connectors, identity="email", value=SUBJECT.email)
    rows = ledger.evidence(request_id=plan.request_id)
    recovered = [e for e in rows if e.action == "erasure.recovered"]
    assert sorted(e.detail["intent"] for e in recovered) == sorted(unsettled)
    assert rows[-1].action == "erasure.apply"
    assert verify_chain(demo_org.ledger).ok


def test_a_run_whose_stale_claim_was_taken_over_fails_and_the_new_owner_closes(
    demo_org, connectors, ledger
):
    """A run keeps the plan's evidence in memory while it holds the claim; if its claim went
    stale and another run took it over meanwhile, its close is refused (it would miss that
    run's intents) and leaves the claim to the run that took it, which closes the plan."""
    plan = plan_for(demo_org, connectors, ledger)
    note = schema.notifications
    taken_over: list[int] = []

    def take_over(conn, cursor, statement, parameters, context, executemany):
        if taken_over or not statement.lstrip().upper().startswith("DELETE"):
            return
        with demo_org.ledger.begin() as ledger_conn:  # as a run claiming the stale claim does
            taken_over.append(
                ledger_conn.execute(
                    sa.update(note)
                    .where((note.c.topic == "erasure_apply") & (note.c.target == plan.request_id))
                    .values(claimed_at=NOW - timedelta(hours=2))
                ).rowcount
            )

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", take_over)
    try:
        with pytest.raises(RecordNotFoundError, match="no longer this run's"):
            apply_plan(demo_org.datamap, plan, connectors, ledger)
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", take_over)
    assert taken_over == [1]
    rows = ledger.evidence(request_id=plan.request_id)
    assert not [e for e in rows if e.action == "erasure.apply"]
    claim = [n for n in ledger.notifications(target=plan.request_id) if n.topic == "erasure_apply"]
    assert [n.status for n in claim] == ["claimed"]  # not released by the run that lost it

    apply_plan(demo_org.datamap, plan, connectors, ledger)  # the new owner
    rows = ledger.evidence(request_id=plan.request_id)
    assert [e.action for e in rows].count("erasure.apply") == 1
    verify_erasure(demo_org.datamap, plan, connectors, identity="email", value=SUBJECT.email)
    assert verify_chain(demo_org.ledger).ok


def test_a_failure_inside_a_unit_of_work_changes_nothing_of_it(demo_org, connectors, ledger):
    plan = plan_for(demo_org, connectors, ledger)
    tables = {
        "crm": (demo_org.crm, "customers", "customer_id"),
        "helpdesk": (demo_org.helpdesk, "tickets", "ticket_id"),
    }
    before = {system: ids(*table) for system, table in tables.items()}
    with pytest.raises(RuntimeError, match="injected"):
        apply_plan(demo_org.datamap, plan, connectors, ledger, fail_after_batches=1)
    rows = ledger.evidence(request_id=plan.request_id)
    settled = {e.detail["intent"] for e in rows if "intent" in e.detail}
    unsettled = [e for e in rows if e.action == "erasure.intent" and e.id not in settled]
    # the failing unit: several batches of one database, its intents on record with those of
    # the other database's unit (one window), its first batch sent, then its transaction rolled
    # back: nothing of it changed, nor of the unit after it
    assert len(unsettled) > 1
    assert {e.system for e in unsettled} >= set(tables)
    assert {system: ids(*table) for system, table in tables.items()} == before
    apply_plan(demo_org.datamap, plan, connectors, ledger)
    verify_erasure(demo_org.datamap, plan, connectors, identity="email", value=SUBJECT.email)
    rows = ledger.evidence(request_id=plan.request_id)
    recovered = [e for e in rows if e.action == "erasure.recovered"]
    assert {e.detail["intent"] for e in recovered} == {e.id for e in unsettled}
    assert {e.count for e in recovered} == {0}, "the rerun settles them as rolled back"
    assert verify_chain(demo_org.ledger).ok


def test_two_concurrent_runs_one_erases_the_other_finds_nothing_left(demo_org, ledger, clients):
    plans = [plan_for(demo_org, connectors_for(demo_org.datamap, clients), ledger) for _ in "ab"]
    assert plans[0].sha256 == plans[1].sha256
    outcomes: list = []
    errors: list = []

    def run(plan):
        own = env_clients()
        try:
            outcomes.append(
                apply_plan(demo_org.datamap, plan, connectors_for(demo_org.datamap, own), ledger)
            )
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=run, args=(p,)) for p in plans]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(o.already_applied for o in outcomes) == [False, True]
    worker = next(o for o in outcomes if not o.already_applied)
    assert sum(c["delete"] for c in worker.changed.values()) == plans[0].totals()["delete"]


def _empty_bucket(s3, bucket):
    listing = s3.list_object_versions(Bucket=bucket)
    items = listing.get("Versions", []) + listing.get("DeleteMarkers", [])
    for start in range(0, len(items), 1000):
        s3.delete_objects(
            Bucket=bucket,
            Delete={
                "Objects": [
                    {"Key": i["Key"], "VersionId": i["VersionId"]}
                    for i in items[start : start + 1000]
                ]
            },
        )


def test_preview_and_certificate_name_records_by_key_never_by_value(demo_org, connectors, ledger):
    from gdpr.erasure.certificate import (
        issue_certificate,
        load_plan,
        store_preview,
        stored_certificate_claims,
    )
    from gdpr.reports.store import ReportStore

    store = ReportStore(demo_org.s3, demo_org.datamap.reports)
    plan = plan_for(demo_org, connectors, ledger)
    stored_plan, report = store_preview(demo_org.datamap, plan, store, generated_at=NOW)
    assert stored_plan.key == f"erasure/{plan.request_id}/plan.json"
    loaded = load_plan(store, plan.request_id, plan.sha256)
    assert loaded.sha256 == plan.sha256
    with pytest.raises(ValueError, match="not the one approved"):
        load_plan(store, plan.request_id, "0" * 64)
    outcome = apply_plan(demo_org.datamap, loaded, connectors, ledger)
    certificate = issue_certificate(
        demo_org.datamap,
        loaded,
        outcome,
        ledger,
        store,
        completed_at=NOW,
        approved_by="DPO",
        approved_at="2026-11-18T11:22:11.000375+00:00",  # as Airflow's HITL answers
    )
    for stored in (report, certificate):
        page = demo_org.s3.get_object(Bucket=demo_org.datamap.reports.bucket, Key=stored.key)
        html = page["Body"].read().decode()
        assert "L123-22" in html
        assert "crm.invoices" in html
        for value in (SUBJECT.email, SUBJECT.last_name, SUBJECT.phone):
            assert value not in html
    assert "approved by DPO on 2026-11-18 11:22 UTC and applied on 2026-11-18" in " ".join(
        html.split()
    )
    assert ledger.evidence(request_id=plan.request_id)[-1].keys_sha256 == certificate.sha256
    assert verify_chain(demo_org.ledger).ok
    # the certificate carries the head it was issued under (the row before its own evidence),
    # and verify holds the ledger to it: deleting that row contradicts the certificate
    (claim,) = stored_certificate_claims(store)
    assert claim.count == ledger.chain_head().count - 1
    assert claim.source == f"the certificate s3://ml-gdpr-reports/{certificate.key}"
    assert verify_chain(demo_org.ledger, claims=[claim]).ok
    with demo_org.ledger.begin() as conn:
        conn.execute(sa.text("DELETE FROM ledger_evidence WHERE id = :id"), {"id": claim.count})
    assert any(
        p.startswith(f"evidence #{claim.count} does not hash to") and claim.source in p
        for p in verify_chain(demo_org.ledger, claims=[claim]).problems
    )


def test_a_record_whose_obligation_has_run_out_is_deleted_with_its_objects(
    demo_org, connectors, ledger
):
    with demo_org.crm.begin() as conn:
        conn.execute(
            sa.text("UPDATE invoices SET fiscal_year_end = :day WHERE invoice_id = 1"),
            {"day": NOW.date().replace(year=NOW.year - 11)},
        )
    plan = plan_for(demo_org, connectors, ledger)
    assert keys_of(plan, "crm.invoices", "delete") == [1]
    assert keys_of(plan, "crm.invoices", "anonymise") == [2, 3]
    old_pdf = "invoices/1/1.pdf"
    assert keys_of(plan, "invoice_archive.invoice_pdfs", "delete") == [old_pdf]
    assert len(versions(demo_org.s3, "ml-invoice-archive", old_pdf)) > 1, "a versioned object"

    apply_plan(demo_org.datamap, plan, connectors, ledger)

    assert ids(demo_org.crm, "invoices", "invoice_id", "WHERE invoice_id IN (1, 2, 3)") == [2, 3]
    assert versions(demo_org.s3, "ml-invoice-archive", old_pdf) == []
    assert versions(demo_org.s3, "ml-invoice-archive", "invoices/1/2.pdf")
    verify_erasure(demo_org.datamap, plan, connectors, identity="email", value=SUBJECT.email)
