"""Retention purges on the demo organisation: CRM on PostgreSQL, helpdesk on MariaDB, S3 on moto.

Every assertion is about the state a DPO or an auditor would check afterwards: what is gone,
what stayed and why, what the evidence says, and that interruptions change nothing of that.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import uuid

import pytest
import sqlalchemy as sa

from examples import buckets_of
from examples.retailer.holds import plant_legal_hold
from examples.retailer.planted import PLANTED
from examples.retailer.populate import seed_demo
from gdpr.connectors import SqlConnector, SystemUnreachableError
from gdpr.connectors.factory import connectors_for, env_clients
from gdpr.datamap import parse_datamap
from gdpr.ledger import EvidenceInput, Ledger, verify_chain
from gdpr.retention.anonymise import REDACTED, TOKEN_PREFIX
from gdpr.retention.pace import FLOOR
from gdpr.retention.plan import cutoff_for
from gdpr.retention.purge import INTENT, RECOVERED, SETTLED, PurgeIncompleteError, SelectionError
from gdpr.retention.run import run_rule
from tests.clock import TEST_NOW
from tests.conftest import DATAMAP_PATH, ROOT
from tests.sqlrule import SQL_FILE, with_sql_rule

NOW = TEST_NOW
HELD = 7  # PLANTED_LEGAL_HOLD_CUSTOMER


@pytest.fixture
def org(demo_org):
    clients = env_clients()
    demo_org.connectors = connectors_for(demo_org.datamap, clients)
    demo_org.ledger_api = Ledger(demo_org.ledger)
    plant_legal_hold(demo_org.ledger_api)
    yield demo_org
    clients.dispose()


def run_all(org, **options):
    ledger = org.ledger_api
    run_pk = ledger.start_run("test", f"run-{uuid.uuid4().hex}", "retention")
    outcomes = {
        rule.id: run_rule(
            org.datamap, rule.id, org.connectors, ledger, now=NOW, run_pk=run_pk, **options
        )
        for rule in org.datamap.retention
    }
    return run_pk, outcomes


def scalar(engine, sql, **params):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql), params).scalar_one()


def rows(engine, sql, **params):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql), params)]


def object_keys(org, system, prefix=""):
    bucket = org.datamap.system(system).bucket
    pages = org.s3.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=prefix)
    return sorted(
        {
            v["Key"]
            for page in pages
            for v in page.get("Versions", []) + page.get("DeleteMarkers", [])
        }
    )


def snapshot(org):
    """Every row of every demo table and every object version key (random anonymisation tokens
    and version ids aside): two equal snapshots are the same state for a DPO."""
    state = {}
    for system, engine in (("crm", org.crm), ("helpdesk", org.helpdesk)):
        for table in sa.inspect(engine).get_table_names():
            with engine.connect() as conn:
                data = conn.execute(sa.text(f"SELECT * FROM {table}")).all()
            state[f"{system}.{table}"] = sorted(
                tuple(TOKEN_PREFIX if str(v).startswith(TOKEN_PREFIX) else str(v) for v in row)
                for row in data
            )
    for system in ("invoice_archive", "call_audio", "helpdesk_files"):
        bucket = org.datamap.system(system).bucket
        pages = org.s3.get_paginator("list_object_versions").paginate(Bucket=bucket)
        state[system] = sorted(
            (v["Key"], "marker" if "Size" not in v else str(v["Size"]))
            for page in pages
            for v in page.get("Versions", []) + page.get("DeleteMarkers", [])
        )
    return state


def test_expired_records_go_everywhere_held_and_live_ones_stay(org):
    crm, helpdesk = org.crm, org.helpdesk
    cutoff = cutoff_for(org.datamap.rule("customers-3y-after-relationship"), NOW, "UTC").at
    expired = {
        r[0]
        for r in rows(
            crm, "SELECT customer_id FROM customers WHERE relationship_ended_at < :c", c=cutoff
        )
    }
    assert set(PLANTED.expired_customer_ids) <= expired
    planted_subject_orders = scalar(crm, "SELECT count(*) FROM orders WHERE customer_id = 1")

    _, outcomes = run_all(org)

    left = {
        r[0]
        for r in rows(
            crm, "SELECT customer_id FROM customers WHERE customer_id IN :ids", ids=tuple(expired)
        )
    }
    assert left == {HELD}, "every expired customer is gone except the one under legal hold"
    assert outcomes["customers-3y-after-relationship"].spared_roots == {"legal hold": 1}
    # held customer keeps its orders, tickets and call recordings (the hold covers what depends on it)
    assert scalar(crm, "SELECT count(*) FROM orders WHERE customer_id = :c", c=HELD) > 0
    assert scalar(helpdesk, "SELECT count(*) FROM tickets WHERE crm_customer_id = :c", c=HELD) > 0
    assert scalar(crm, "SELECT count(*) FROM call_recordings WHERE customer_id = :c", c=HELD) > 0
    # nothing of the purged customers survives in the other systems
    gone = tuple(expired - {HELD})
    assert (
        scalar(helpdesk, "SELECT count(*) FROM tickets WHERE crm_customer_id IN :ids", ids=gone)
        == 0
    )
    for cid in gone:
        assert object_keys(org, "call_audio", f"recordings/{cid}/") == [], (
            "audio, every version and marker"
        )
    # invoices stay 10 years: kept, anonymised, with no join key back to the customer or the order
    kept = rows(
        crm,
        "SELECT customer_id, order_id, billing_name, billing_address, amount_eur FROM invoices WHERE invoice_id IN :ids",
        ids=PLANTED.expired_kept_invoice_ids,
    )
    assert len(kept) == len(PLANTED.expired_kept_invoice_ids)
    for customer_id, order_id, name, address, amount in kept:
        assert (customer_id, order_id, name, address) == (None, None, REDACTED, REDACTED)
        assert amount is not None
    # card data older than 13 months is gone, the payment record stays
    card_cutoff = cutoff_for(org.datamap.rule("card-data-13m"), NOW, "UTC").at
    old_cards = "SELECT count(*) FROM payments WHERE debited_at < :c AND card_last4 IS NOT NULL AND customer_id <> :h"
    assert scalar(crm, old_cards, c=card_cutoff, h=HELD) == 0
    assert (
        scalar(
            crm,
            "SELECT count(*) FROM payments WHERE payment_id IN :ids",
            ids=PLANTED.subject.payment_ids,
        )
        == 3
    )
    # the active planted subject is untouched apart from what expired on its own (an old recording)
    assert scalar(crm, "SELECT count(*) FROM customers WHERE customer_id = 1") == 1
    assert (
        scalar(crm, "SELECT count(*) FROM orders WHERE customer_id = 1") == planted_subject_orders
    )
    # a prospect whose only recent "contact" is an opened e-mail has expired; the subject's has not
    assert (
        scalar(
            crm,
            "SELECT count(*) FROM prospects WHERE prospect_id = :p",
            p=PLANTED.inactive_prospect_with_recent_open_id,
        )
        == 0
    )
    assert scalar(crm, "SELECT count(*) FROM prospects WHERE prospect_id = 1") == 1
    assert verify_chain(org.ledger).ok


def test_evidence_adds_up_and_a_second_run_purges_nothing(org):
    run_pk, outcomes = run_all(org)
    evidence = org.ledger_api.evidence(run_pk=run_pk)
    batches = [e for e in evidence if e.action == "retention.batch"]
    summaries = [e for e in evidence if e.action in ("retention.delete", "retention.anonymise")]
    assert sum(e.count for e in batches) == sum(e.count for e in summaries) > 0
    for rule_id, outcome in outcomes.items():
        for dataset, tally in outcome.datasets.items():
            (summary,) = [e for e in summaries if e.rule == rule_id and e.dataset == dataset]
            assert summary.count == tally.count
            assert len(summary.keys_sha256) == 64

    _, again = run_all(org)
    assert {r: sum(t.count for t in o.datasets.values()) for r, o in again.items()} == {
        r: 0 for r in again
    }
    assert verify_chain(org.ledger).ok


RULE = "customers-3y-after-relationship"


def batch_changes(ledger, *run_pks):
    return sum(
        e.count
        for pk in run_pks
        for e in ledger.evidence(run_pk=pk)
        if e.action in ("retention.batch", "retention.recovered")
    )


def rerun_and_compare_with_a_clean_run(org, *interrupted_pks):
    """Rerun, then re-seed the same data and run uninterrupted: same state, evidence adds up."""
    ledger = org.ledger_api
    rerun = ledger.start_run("test", "rerun", "retention")
    run_rule(org.datamap, RULE, org.connectors, ledger, now=NOW, batch_size=2, run_pk=rerun)
    after_rerun = snapshot(org)
    changed = batch_changes(ledger, *interrupted_pks, rerun)

    seed_demo(org.crm, org.helpdesk, org.s3, buckets_of(org.datamap), customers=200)
    clean = ledger.start_run("test", "uninterrupted", "retention")
    run_rule(org.datamap, RULE, org.connectors, ledger, now=NOW, batch_size=2, run_pk=clean)

    assert snapshot(org) == after_rerun
    assert changed == batch_changes(ledger, clean) > 0
    assert verify_chain(org.ledger).ok


def test_slow_transactions_make_smaller_batches_and_the_same_purge(org):
    """Batches are sized after how long their transactions take: against a target no
    transaction meets, they shrink to the floor from the third on (the second is read while the
    first is written), and the purge ends in the state full batches leave."""
    ledger = org.ledger_api
    paced = ledger.start_run("test", "paced", "retention")
    outcome = run_rule(
        org.datamap,
        RULE,
        org.connectors,
        ledger,
        now=NOW,
        batch_size=5,
        transaction_seconds=1e-6,
        run_pk=paced,
    )
    after = snapshot(org)
    assert outcome.expired > 10
    assert outcome.batches == 2 + -(-(outcome.expired - 10) // FLOOR)

    seed_demo(org.crm, org.helpdesk, org.s3, buckets_of(org.datamap), customers=200)
    full = ledger.start_run("test", "full", "retention")
    again = run_rule(org.datamap, RULE, org.connectors, ledger, now=NOW, run_pk=full)
    assert again.batches == 1
    assert snapshot(org) == after
    assert batch_changes(ledger, paced) == batch_changes(ledger, full) > 0
    assert verify_chain(org.ledger).ok


def test_failing_batch_then_rerun_ends_like_an_uninterrupted_run(org):
    first = org.ledger_api.start_run("test", "interrupted", "retention")
    with pytest.raises(RuntimeError, match="injected failure"):
        run_rule(
            org.datamap,
            RULE,
            org.connectors,
            org.ledger_api,
            now=NOW,
            batch_size=2,
            run_pk=first,
            fail_after_batches=1,
        )
    rerun_and_compare_with_a_clean_run(org, first)


def test_killed_purge_then_rerun_ends_like_an_uninterrupted_run(org):
    ledger = org.ledger_api
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.purge_child", RULE, "killed"], cwd=ROOT
    )
    deadline = time.monotonic() + 120
    while len([e for e in ledger.evidence() if e.action == "retention.batch"]) < 3:
        assert child.poll() is None, "the purge finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    (killed,) = [e.run_pk for e in ledger.evidence() if e.action == "retention.batch"][:1]
    assert ledger.get_run(killed).status == "running", "the killed run never finished"
    rerun_and_compare_with_a_clean_run(org, killed)


def test_dry_run_changes_nothing_and_predicts_the_purge(org):
    rule = "customers-3y-after-relationship"
    before = snapshot(org)
    preview = run_rule(org.datamap, rule, org.connectors, org.ledger_api, now=NOW, dry_run=True)
    assert snapshot(org) == before
    real = run_rule(org.datamap, rule, org.connectors, org.ledger_api, now=NOW)
    assert preview.as_dict()["datasets"] == real.as_dict()["datasets"]
    assert preview.spared_roots == real.spared_roots


def test_unreachable_system_fails_the_rule_before_anything_changes(org):
    dead = create_dead_engine()
    connectors = dict(org.connectors)
    connectors["helpdesk"] = SqlConnector(org.datamap.system("helpdesk"), dead)
    before = snapshot(org)
    with pytest.raises(SystemUnreachableError, match="system 'helpdesk'"):
        run_rule(
            org.datamap, "customers-3y-after-relationship", connectors, org.ledger_api, now=NOW
        )
    assert snapshot(org) == before
    outcome = run_rule(org.datamap, "prospects-3y-inactive", connectors, org.ledger_api, now=NOW)
    assert outcome.datasets["crm.prospects"].count > 0, "a rule on the CRM alone still runs"


def test_broken_sql_file_fails_its_rule_clearly_and_changes_nothing(org, tmp_path):
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / SQL_FILE.name).write_text(
        SQL_FILE.read_text(encoding="utf-8").replace("i.occurred_at", "i.occured_at"),
        encoding="utf-8",
    )
    datamap = parse_datamap(
        with_sql_rule(DATAMAP_PATH.read_text(encoding="utf-8")),
        source="copy.yaml",
        sql_dir=tmp_path / "sql",
    )
    before = snapshot(org)
    with pytest.raises(
        SelectionError, match="rule prospects-3y-inactive: the database refused the selection"
    ):
        run_rule(datamap, "prospects-3y-inactive", org.connectors, org.ledger_api, now=NOW)
    assert snapshot(org) == before


def create_dead_engine():
    from gdpr.connections import create_sql_engine

    return create_sql_engine("mysql+pymysql://root@127.0.0.1:1/nothing")


def test_restricted_records_are_kept_with_what_they_depend_on(org):
    """Art. 18: a restricted expired customer stays; so does one whose helpdesk ticket is restricted."""
    restricted_customer, customer_with_restricted_ticket = PLANTED.expired_customer_ids[1:3]
    with org.crm.begin() as conn:
        conn.execute(
            sa.text("UPDATE customers SET processing_restricted = :t WHERE customer_id = :c"),
            {"t": True, "c": restricted_customer},
        )
    ticket = rows(
        org.helpdesk,
        "SELECT ticket_id FROM tickets WHERE crm_customer_id = :c",
        c=customer_with_restricted_ticket,
    )
    if not ticket:
        with org.helpdesk.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO tickets (ticket_id, requester_email, crm_customer_id, subject, category, channel, status, "
                    "created_at, closed_at, processing_restricted) VALUES (999999, 'x@example.org', :c, 's', 'delivery', "
                    "'email', 'open', :now, NULL, :f)"
                ),
                {"c": customer_with_restricted_ticket, "now": NOW.replace(tzinfo=None), "f": False},
            )
        ticket = [(999999,)]
    with org.helpdesk.begin() as conn:
        conn.execute(
            sa.text("UPDATE tickets SET processing_restricted = :t WHERE ticket_id = :i"),
            {"t": True, "i": ticket[0][0]},
        )

    outcome = run_rule(org.datamap, RULE, org.connectors, org.ledger_api, now=NOW)

    for customer in (restricted_customer, customer_with_restricted_ticket):
        assert (
            scalar(org.crm, "SELECT count(*) FROM customers WHERE customer_id = :c", c=customer)
            == 1
        )
    assert (
        scalar(org.helpdesk, "SELECT count(*) FROM tickets WHERE ticket_id = :i", i=ticket[0][0])
        == 1
    )
    assert outcome.spared_roots["restriction of processing (Art. 18)"] == 2
    assert outcome.spared_roots["legal hold"] == 1


class FailingLedger(Ledger):
    """The real ledger, refusing the n-th evidence row of one action (a full disk, a lost
    connection): what the purge does around that row is what the tests look at."""

    def __init__(self, engine, action: str, nth: int = 1):
        super().__init__(engine)
        self.action, self.left = action, nth

    def record_evidence(self, item: EvidenceInput):
        if item.action == self.action:
            self.left -= 1
            if self.left == 0:
                raise ValueError(
                    f"not storable as JSON metadata: injected failure on {item.action}"
                )
        return super().record_evidence(item)


def test_evidence_that_cannot_be_written_stops_the_batch_before_anything_changes(org):
    failing = FailingLedger(org.ledger, INTENT)
    run_pk = failing.start_run("test", "no-intent", "retention")
    before = snapshot(org)
    with pytest.raises(ValueError, match=r"injected failure on retention\.intent"):
        run_rule(org.datamap, RULE, org.connectors, failing, now=NOW, batch_size=2, run_pk=run_pk)
    assert snapshot(org) == before
    assert org.ledger_api.evidence(run_pk=run_pk) == []


def test_a_batch_committed_without_its_settlement_fails_the_run_and_the_next_run_settles_it(org):
    ledger = org.ledger_api
    failing = FailingLedger(org.ledger, SETTLED, nth=2)
    first = ledger.start_run("test", "lost-settlement", "retention")
    before = snapshot(org)
    with pytest.raises(ValueError, match=r"injected failure on retention\.batch"):
        run_rule(org.datamap, RULE, org.connectors, failing, now=NOW, batch_size=2, run_pk=first)
    assert snapshot(org) != before, "the second batch was committed before its settlement failed"
    intents = ledger.evidence(run_pk=first, actions=[INTENT])
    settled = ledger.evidence(run_pk=first, actions=[SETTLED])
    assert [i.detail["batch"] for i in intents] == [1, 2]
    assert [s.detail["intent"] for s in settled] == [intents[0].id]
    assert intents[1].count > 0
    assert (
        1 <= len(intents[1].detail["roots"]) <= 2
    )  # a batch of two expired roots, minus held ones

    rerun = ledger.start_run("test", "rerun-after-lost-settlement", "retention")
    run_rule(org.datamap, RULE, org.connectors, ledger, now=NOW, batch_size=2, run_pk=rerun)
    (recovered,) = ledger.evidence(actions=[RECOVERED])
    assert recovered.run_pk == rerun
    assert recovered.detail["intent"] == intents[1].id
    assert recovered.detail["outcome"] == "committed as planned"
    assert recovered.count == intents[1].count
    assert recovered.detail["datasets"] == intents[1].detail["datasets"]
    # Every intent of either run is settled exactly once, and a third run recovers nothing.
    names = [e.detail["intent"] for e in ledger.evidence(actions=[SETTLED, RECOVERED])]
    assert sorted(names) == sorted(i.id for i in ledger.evidence(actions=[INTENT]))
    again = ledger.start_run("test", "third", "retention")
    run_rule(org.datamap, RULE, org.connectors, ledger, now=NOW, batch_size=2, run_pk=again)
    assert len(ledger.evidence(actions=[RECOVERED])) == 1
    assert verify_chain(org.ledger).ok


def test_a_run_with_an_unsettled_batch_does_not_end_in_success(org):
    """Even if a settlement were silently lost, the run's own final check refuses success."""

    class SilentLedger(Ledger):
        def record_evidence(self, item):
            if item.action == SETTLED and item.detail.get("batch") == 1:
                return None  # dropped without an error
            return super().record_evidence(item)

    silent = SilentLedger(org.ledger)
    run_pk = silent.start_run("test", "silent", "retention")
    with pytest.raises(PurgeIncompleteError, match="1 batches have an intent but no settlement"):
        run_rule(org.datamap, RULE, org.connectors, silent, now=NOW, batch_size=2, run_pk=run_pk)
