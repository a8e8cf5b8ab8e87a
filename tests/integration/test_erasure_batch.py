"""Erasing many subjects in one batch does what erasing them one by one does (PostgreSQL,
MariaDB, moto S3): the same records deleted, anonymised, kept and restricted, the same counts
per subject, and each subject's own evidence in the ledger."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from examples import buckets_of
from examples.retailer.planted import PLANTED, PLANTED_LEGAL_HOLD_REASON
from examples.retailer.populate import seed_demo
from gdpr.connections import create_sql_engine
from gdpr.connectors import SqlConnector
from gdpr.connectors.factory import connectors_for, env_clients
from gdpr.datamap import parse_datamap
from gdpr.deadlines import request_due_at
from gdpr.erasure.apply import apply_plan
from gdpr.erasure.batch import (
    SharedIdentitiesError,
    Subject,
    apply_batch,
    plan_batch,
    verify_batch,
)
from gdpr.erasure.plan import preview
from gdpr.erasure.verify import verify_erasure
from gdpr.ledger import Ledger, migrate, verify_chain
from gdpr.retention.anonymise import anonymisation
from gdpr.subject import AmbiguousIdentityError
from tests.clock import TEST_NOW
from tests.integration.test_identities import CAMILLE, COUPLE, create_mutuelle
from tests.integration.test_identities import MAP as MUTUELLE

NOW = TEST_NOW
# the planted subject (customer, prospect, tickets), a customer under a legal hold, a near miss,
# a person known only to the helpdesk, and generated customers
PLANTED_EMAILS = [
    PLANTED.subject.email,
    "camille.durand2@example.fr",
    "louise.garnier@example.net",
]


def subjects_of(demo_org, ledger: Ledger) -> list[Subject]:
    with demo_org.crm.connect() as conn:
        generated = [
            r[0]
            for r in conn.execute(
                sa.text(
                    "SELECT email FROM customers WHERE customer_id IN (7, 12) "
                    "OR customer_id BETWEEN 40 AND 54 ORDER BY customer_id"
                )
            )
        ]
    subjects = []
    for n, email in enumerate(PLANTED_EMAILS + generated, start=1):
        request_id = f"R-BATCH-{n}"
        ledger.create_request(
            kind="erasure",
            subject_email=email,
            received_at=NOW,
            due_at=request_due_at(NOW, "Europe/Paris"),
            channel="test",
            request_id=request_id,
        )
        subjects.append(Subject(request_id, email))
    return subjects


def hold(ledger: Ledger) -> None:
    """The litigation hold on the planted customer: everything of theirs is kept."""
    ledger.add_legal_hold(
        reason=PLANTED_LEGAL_HOLD_REASON,
        reference="TC Lyon 2026-000123",
        dataset="crm.customers",
        record_key={"customer_id": PLANTED.legal_hold_customer_id},
    )


def snapshot(demo_org) -> dict[str, object]:
    """Every SQL row (random anonymisation tokens reduced to 'set or not') and every S3 key
    that still has a version."""
    state: dict[str, object] = {}
    for ref in demo_org.datamap.iter_datasets():
        if ref.kind == "s3":
            bucket = ref.system.bucket
            listing = demo_org.s3.list_object_versions(Bucket=bucket)
            state[ref.id] = sorted(
                {v["Key"] for v in listing.get("Versions", []) + listing.get("DeleteMarkers", [])}
            )
            continue
        engine = demo_org.crm if ref.system.name == "crm" else demo_org.helpdesk
        tokens = set(anonymisation(ref.dataset, cut=[]).tokens)
        columns = sorted(ref.dataset.fields)
        pk = list(ref.dataset.primary_key)
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(*(sa.column(c) for c in columns))
                .select_from(sa.table(ref.dataset.table_name))
                .order_by(*(sa.column(c) for c in pk))
            ).all()
        state[ref.id] = [
            tuple((v is None) if c in tokens else v for c, v in zip(columns, row, strict=True))
            for row in rows
        ]
    return state


@pytest.fixture
def env(demo_org):
    clients = env_clients()
    yield demo_org, connectors_for(demo_org.datamap, clients)
    clients.dispose()


def test_a_batch_erases_exactly_what_one_by_one_erasures_do(env, tmp_path):
    demo_org, connectors = env
    datamap = demo_org.datamap

    # one by one, in the batch's order
    ledger = Ledger(demo_org.ledger)
    hold(ledger)
    subjects = subjects_of(demo_org, ledger)
    one_by_one: dict[str, dict[str, dict[str, int]]] = {}
    for subject in subjects:
        plan = preview(
            datamap,
            connectors,
            ledger,
            subject_email=subject.email,
            request_id=subject.request_id,
            ground="a",
            now=NOW,
        )
        outcome = apply_plan(datamap, plan, connectors, ledger)
        verify_erasure(datamap, plan, connectors, identity="email", value=subject.email)
        one_by_one[subject.request_id] = {
            d: c for d, c in outcome.changed.items() if any(c.values())
        }
    expected = snapshot(demo_org)
    assert sum(n for c in one_by_one.values() for d in c.values() for n in d.values()) > 100

    # the same organisation again, the same subjects, one batch
    seed_demo(demo_org.crm, demo_org.helpdesk, demo_org.s3, buckets_of(datamap), customers=200)
    batch_engine = create_sql_engine(f"sqlite:///{tmp_path / 'batch-ledger.sqlite'}")
    migrate(batch_engine)
    batch_ledger = Ledger(batch_engine)
    hold(batch_ledger)
    batch_subjects = subjects_of(demo_org, batch_ledger)
    assert batch_subjects == subjects

    batch = plan_batch(datamap, connectors, batch_ledger, subjects, ground="a", now=NOW)
    outcome = apply_batch(datamap, batch, connectors, batch_ledger, batch_size=7)
    verify_batch(datamap, batch, connectors, subjects)

    assert snapshot(demo_org) == expected
    assert outcome.per_subject == one_by_one
    assert verify_chain(batch_engine).ok
    for subject in subjects:
        (own,) = [
            e
            for e in batch_ledger.evidence(request_id=subject.request_id)
            if e.action == "erasure.subject"
        ]
        assert own.detail["counts"] == one_by_one[subject.request_id]
        assert own.keys_sha256 == batch.plans[subject.request_id].sha256

    # a rerun of the batch finds it applied and changes nothing
    again = apply_batch(datamap, batch, connectors, batch_ledger)
    assert again.already_applied
    assert snapshot(demo_org) == expected


def test_a_record_two_subjects_share_gets_the_most_protective_fate_and_is_counted_once():
    from gdpr.erasure.batch import merge_plans
    from gdpr.erasure.plan import DatasetPlan, ErasurePlan, KeepReason

    def plan(request_id, delete=(), kept=()):
        dataset = DatasetPlan("db.records", "db", "sql", ["id"], delete=[[k] for k in delete])
        reasons = {}
        if kept:
            dataset.kept = {"hold-1": [[k] for k in kept]}
            reasons = {"hold-1": KeepReason("hold-1", "Legal hold", "Art. 17(3)(e)")}
        return ErasurePlan(request_id, "a", "digest", NOW.isoformat(), [dataset], reasons)

    plans = {"R-1": plan("R-1", delete=[1, 2, 3]), "R-2": plan("R-2", delete=[3, 4], kept=[2])}
    merged, counts = merge_plans(plans, ground="a", now=NOW)

    (records,) = [d for d in merged.datasets if d.delete or d.kept]
    assert records.delete == [[1], [3], [4]]
    assert records.kept == {"hold-1": [[2]]}, "kept for one subject: kept for the batch"
    assert counts["R-1"] == {"db.records": {"delete": 2, "anonymise": 0, "restrict": 0}}
    assert counts["R-2"] == {"db.records": {"delete": 1, "anonymise": 0, "restrict": 0}}
    assert merged.request_id.startswith("batch-")
    again, _ = merge_plans(
        {"R-3": plan("R-3", delete=[1, 2, 3]), "R-4": plan("R-4", delete=[3, 4], kept=[2])},
        ground="a",
        now=NOW,
    )
    assert again.datasets == merged.datasets
    assert again.request_id != merged.request_id, "the same records for other requests: a new batch"


def test_a_shared_identity_is_refused_for_its_subject_as_a_single_erasure_refuses_it(
    sqlite_url, tmp_path
):
    """Two members of a small mutual insurer share one e-mail address: a batch never merges them
    into one subject to erase; it stops with the reason a single erasure gives, per request."""
    datamap = parse_datamap(MUTUELLE, source="mutuelle.yaml")
    engine = create_sql_engine(sqlite_url)
    create_mutuelle(engine)
    connectors = {"mutuelle": SqlConnector(datamap.system("mutuelle"), engine)}
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)
    ledger = Ledger(ledger_engine)
    couple = Subject("R-SHARED-1", COUPLE)
    camille = Subject("R-SHARED-2", " Camille.Martin@Exemple.FR")
    jean = Subject("R-SHARED-3", "jean.petit@exemple.fr")

    # a batch of one (what a single erasure is): the single erasure's own error
    with pytest.raises(AmbiguousIdentityError, match=r"2 people in mutuelle\.adherents") as single:
        plan_batch(datamap, connectors, ledger, [couple], ground="b", now=NOW)
    with pytest.raises(AmbiguousIdentityError, match=re.escape(str(single.value))):
        preview(
            datamap,
            connectors,
            ledger,
            subject_email=COUPLE,
            request_id="R-SHARED-1",
            ground="b",
            now=NOW,
        )

    # in a larger batch, the request is named with that reason, and nothing is planned
    with pytest.raises(SharedIdentitiesError) as batch:
        plan_batch(datamap, connectors, ledger, [camille, couple, jean], ground="b", now=NOW)
    assert set(batch.value.refused) == {"R-SHARED-1"}
    message = str(batch.value)
    assert message.startswith(f"1 of 3 requests cannot be erased: R-SHARED-1: {single.value}")
    assert "durand" not in message.lower()

    # the others erase exactly what is theirs without it
    plans = plan_batch(datamap, connectors, ledger, [camille, jean], ground="b", now=NOW).plans
    planned = {
        d.dataset: sorted(k[0] for k in d.delete + d.anonymise)
        for d in plans["R-SHARED-2"].datasets
    }
    assert planned == CAMILLE
    engine.dispose()
    ledger_engine.dispose()
