"""The rewrites an insider with the ledger's credential can make, caught by verify.

Each test plays the ledger's normal life (requests, breaches, evidence, a head published to an
Object Lock bucket on moto's S3 after each step), then rewrites the database the way the
auditor's probe did, chain and head row included, and checks that `gdpr ledger verify` names
the published head, certificate or row the rewrite contradicts.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa

from gdpr.cli import main
from gdpr.connections import env_var_name
from gdpr.ledger import EvidenceInput, Ledger, digest_keys, migrate, schema, verify_chain
from gdpr.ledger.anchor import AnchorStore, publish_head, published_heads
from gdpr.ledger.chain import HASHED_COLUMNS, row_hash
from gdpr.ledger.clock import iso_utc
from tests.clock import TEST_NOW
from tests.conftest import DATAMAP_PATH, airflow_conn_json, s3_conn_json

pytestmark = pytest.mark.integration

BUCKET = "gdpr-ledger-anchor"
KEY = b"a-long-random-anchor-signing-key"
RECEIVED = TEST_NOW - timedelta(days=3)


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(sqlite_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def anchor(s3_client) -> AnchorStore:
    s3_client.create_bucket(
        Bucket=BUCKET,
        ObjectLockEnabledForBucket=True,
        CreateBucketConfiguration={"LocationConstraint": "eu-west-3"},
    )
    return AnchorStore(
        client=s3_client,
        bucket=BUCKET,
        prefix="heads/",
        retention=timedelta(days=3650),
        signing_key=KEY,
    )


def publish(ledger: Ledger, anchor: AnchorStore) -> None:
    """What the task callback does after every task."""
    publish_head(anchor, ledger.chain_head(), TEST_NOW)


def verify(engine: sa.Engine, anchor: AnchorStore, **extra) -> list[str]:
    published = published_heads(anchor)
    report = verify_chain(engine, claims=published.claims, **extra)
    return report.problems + published.problems


def life(ledger: Ledger, anchor: AnchorStore) -> str:
    """A request erased (18 evidence rows), a breach, other work; a head after each step."""
    request = ledger.create_request(
        kind="erasure",
        subject_email="jean.dupont@example.fr",
        received_at=RECEIVED,
        due_at=RECEIVED + timedelta(days=30),
        channel="helpdesk",
    )
    publish(ledger, anchor)
    run = ledger.start_run("gdpr_subject_erasure", "manual__1", "erasure")
    for n in range(18):
        ledger.record_evidence(
            EvidenceInput(
                action="erasure.delete",
                dataset=f"crm.table_{n}",
                count=n + 1,
                keys_sha256=digest_keys([n]),
                run_pk=run,
                request_id=request.request_id,
            )
        )
    publish(ledger, anchor)
    ledger.create_breach(
        title="Lost laptop",
        aware_at=TEST_NOW - timedelta(hours=10),
        description="unencrypted export",
        systems=["crm"],
        datasets=["crm.customers"],
        categories=["contact"],
        high_risk=False,
    )
    for n in range(3):
        ledger.record_evidence(EvidenceInput(action="retention.delete", count=n))
    publish(ledger, anchor)
    return request.request_id


def rechain(engine: sa.Engine, keep=lambda row: True) -> None:
    """The insider's rewrite: keep some rows, renumber them, recompute every hash and the head."""
    ev = schema.evidence
    with engine.begin() as conn:
        rows = [r._asdict() for r in conn.execute(sa.select(ev).order_by(ev.c.id)) if keep(r)]
        conn.execute(sa.delete(ev))
        last = schema.GENESIS_HASH
        for number, row in enumerate(rows, start=1):
            row["id"] = number
            content = {name: row[name] for name in HASHED_COLUMNS}
            row["prev_hash"], row["row_hash"] = last, row_hash(last, content)
            last = row["row_hash"]
            conn.execute(sa.insert(ev).values(**row))
        conn.execute(sa.update(schema.head).values(count=len(rows), last_hash=last))


@pytest.fixture
def ledger(engine: sa.Engine) -> Ledger:
    return Ledger(engine)


def test_an_untouched_ledger_agrees_with_every_published_head(ledger, engine, anchor) -> None:
    life(ledger, anchor)
    assert len(published_heads(anchor).claims) == 3
    assert verify(engine, anchor) == []


def test_a_deleted_tail_with_the_head_rewound_contradicts_the_last_published_head(
    ledger, engine, anchor
) -> None:
    life(ledger, anchor)
    head = ledger.chain_head()
    with engine.begin() as conn:
        conn.execute(sa.delete(schema.evidence).where(schema.evidence.c.id > head.count - 3))
    rechain(engine)  # the head row now matches the shortened chain
    assert verify_chain(engine).ok  # what verify said before anchoring
    (problem,) = verify(engine, anchor)
    assert problem.startswith("the head published at 2026-")
    assert f"records {head.count} evidence rows but the chain has only {head.count - 3}" in problem
    assert "deleted and the head rewound" in problem


def test_an_edited_row_with_chain_and_head_recomputed_is_named_by_the_first_head_after_it(
    ledger, engine, anchor
) -> None:
    life(ledger, anchor)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE ledger_evidence SET count = 0 WHERE id = 5"))
    rechain(engine)
    assert verify_chain(engine).ok
    first_after = min(c.count for c in published_heads(anchor).claims if c.count >= 5)
    (problem,) = verify(engine, anchor)
    assert problem.startswith(f"evidence #{first_after} does not hash to")
    assert "the chain was rewritten at or before that row" in problem


def test_one_erasures_evidence_deleted_and_the_rest_renumbered_is_caught(
    ledger, engine, anchor
) -> None:
    request_id = life(ledger, anchor)
    rechain(engine, keep=lambda row: row.request_id != request_id)
    assert verify_chain(engine).ok
    (problem,) = verify(engine, anchor)
    assert "records 19 evidence rows but the chain has only 5" in problem


def test_a_breach_awareness_moved_two_days_later_is_named(ledger, engine, anchor) -> None:
    life(ledger, anchor)
    (breach,) = ledger.open_breaches()
    with engine.begin() as conn:
        conn.execute(
            sa.update(schema.breaches).values(aware_at=breach.aware_at + timedelta(days=2))
        )
    (problem,) = verify(engine, anchor)
    assert problem == (
        f"breach {breach.breach_id} was changed outside the ledger: aware_at is "
        f"{iso_utc(breach.aware_at + timedelta(days=2))} in the ledger but "
        f"{iso_utc(breach.aware_at)} in the chain (evidence #20)"
    )


def test_a_breach_exemption_changed_or_added_after_the_fact_is_named(
    ledger, engine, anchor
) -> None:
    life(ledger, anchor)
    exempt = ledger.create_breach(
        title="Stolen backup tape",
        aware_at=TEST_NOW - timedelta(hours=5),
        description="encrypted backup",
        systems=["crm"],
        datasets=["crm.customers"],
        categories=["contact"],
        high_risk=True,
        communication_exemption="unintelligible",
        exemption_reason="AES-256 encrypted, key held apart",
    )
    (plain,) = [b for b in ledger.open_breaches() if b.breach_id != exempt.breach_id]
    publish(ledger, anchor)
    assert verify(engine, anchor) == []
    br = schema.breaches

    def edit(breach_id: str, **values) -> list[str]:
        with engine.begin() as conn:
            row = conn.execute(sa.select(br).where(br.c.breach_id == breach_id)).one()
            conn.execute(sa.update(br).where(br.c.breach_id == breach_id).values(**values))
        problems = verify(engine, anchor)
        with engine.begin() as conn:  # put it back for the next edit
            conn.execute(
                sa.update(br)
                .where(br.c.breach_id == breach_id)
                .values(**{name: getattr(row, name) for name in values})
            )
        return problems

    (ground,) = edit(exempt.breach_id, communication_exemption="risk_no_longer_likely")
    assert ground.startswith(f"breach {exempt.breach_id} was changed outside the ledger: ")
    assert (
        "communication_exemption is risk_no_longer_likely in the ledger but unintelligible in "
        "the chain" in ground
    )
    (reason,) = edit(exempt.breach_id, exemption_reason="Measures taken since")
    assert reason.startswith(f"breach {exempt.breach_id} was changed outside the ledger: ")
    assert "exemption_reason_sha256 is " in reason
    # an exemption slipped in afterwards for a breach declared without one
    (added,) = edit(
        plain.breach_id,
        communication_exemption="disproportionate_effort",
        exemption_reason="too many to write to",
    )
    assert (
        "communication_exemption is disproportionate_effort in the ledger but empty in the chain"
        in added
    )
    assert verify(engine, anchor) == []


def test_a_request_receipt_moved_20_days_is_named(ledger, engine, anchor) -> None:
    request_id = life(ledger, anchor)
    with engine.begin() as conn:
        conn.execute(
            sa.update(schema.requests).values(
                received_at=RECEIVED + timedelta(days=20), due_at=RECEIVED + timedelta(days=50)
            )
        )
    (problem,) = verify(engine, anchor)
    assert problem.startswith(f"request {request_id} was changed outside the ledger: due_at is ")
    assert (
        f"received_at is {iso_utc(RECEIVED + timedelta(days=20))} in the ledger but "
        f"{iso_utc(RECEIVED)} in the chain (evidence #1)"
    ) in problem


def test_a_request_edited_with_its_snapshot_rewritten_is_caught_by_the_anchor(
    ledger, engine, anchor
) -> None:
    life(ledger, anchor)
    moved = RECEIVED + timedelta(days=20)
    with engine.begin() as conn:
        conn.execute(sa.update(schema.requests).values(received_at=moved))
        (snapshot,) = conn.execute(
            sa.select(schema.evidence).where(schema.evidence.c.action == "request.record")
        ).all()
        conn.execute(
            sa.update(schema.evidence)
            .where(schema.evidence.c.id == snapshot.id)
            .values(detail={**snapshot.detail, "received_at": iso_utc(moved)})
        )
    rechain(engine)
    assert verify_chain(engine).ok
    (problem,) = verify(engine, anchor)
    # the request's snapshot is row 1, published on its own right after intake
    assert problem.startswith("evidence #1 does not hash to")


def test_the_head_is_said_to_match_or_follow_the_last_published_head(
    ledger, engine, anchor
) -> None:
    """What the register run and the desk say of the head: the same check as verify."""
    from gdpr.datamap.loader import load_datamap
    from gdpr.ledger.audit import audit_ledger

    def audit():
        # a map whose anchor is the test's bucket, with its signing key
        datamap = load_datamap(DATAMAP_PATH)
        settings = datamap.ledger.model_copy(
            update={
                "anchor": datamap.ledger.anchor.model_copy(
                    update={"bucket": BUCKET, "prefix": "heads/", "signing_conn_id": "signing"}
                )
            }
        )
        datamap = datamap.model_copy(update={"ledger": settings})
        return audit_ledger(
            engine, datamap, lambda conn_id: anchor.client, lambda conn_id: KEY.decode()
        )

    assert audit().head_line() == "no chain head has been published yet"
    life(ledger, anchor)
    head = ledger.chain_head()
    matched = audit()
    assert matched.ok
    assert matched.published == 3
    assert matched.head_line().startswith(
        f"the ledger head (#{head.count}, {head.last_hash[:16]}…) matches the last published "
        f"head, the head published at "
    )
    ledger.record_evidence(EvidenceInput(action="retention.delete", count=1))
    assert f"follows from the last published head #{head.count} (1 rows appended since" in (
        audit().head_line()
    )
    rechain(engine, keep=lambda row: row.action != "erasure.delete")
    broken = audit()
    assert not broken.ok
    assert broken.head_line().startswith("the evidence chain is BROKEN (")
    assert "records 19 evidence rows but the chain has only 6" in broken.head_line()


def test_a_forged_head_or_a_hidden_one_is_named(ledger, engine, anchor, s3_client) -> None:
    life(ledger, anchor)
    s3_client.put_object(Bucket=BUCKET, Key="heads/000000000099-forged.json", Body=b'{"count": 99}')
    problems = verify(engine, anchor)
    assert problems == [
        "s3://gdpr-ledger-anchor/heads/000000000099-forged.json is not a "
        "published ledger head (unreadable)"
    ]
    unsigned = AnchorStore(s3_client, BUCKET, "heads/", timedelta(days=1), signing_key=None)
    ledger.record_evidence(EvidenceInput(action="retention.delete", count=1))
    key = publish_head(unsigned, ledger.chain_head(), TEST_NOW)
    assert any(
        p == f"s3://{BUCKET}/{key} is not signed with the anchor key: it was not "
        "published by the ledger"
        for p in verify(engine, anchor)
    )


def test_a_bucket_without_object_lock_is_refused(ledger, s3_client) -> None:
    s3_client.create_bucket(
        Bucket="plain", CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    ledger.record_evidence(EvidenceInput(action="retention.delete", count=1))
    store = AnchorStore(s3_client, "plain", "heads/", timedelta(days=1))
    with pytest.raises(RuntimeError, match="bucket plain has no Object Lock"):
        publish_head(store, ledger.chain_head(), TEST_NOW)


def test_a_published_head_cannot_be_deleted_or_overwritten(ledger, anchor, s3_client) -> None:
    ledger.record_evidence(EvidenceInput(action="retention.delete", count=1))
    key = publish_head(anchor, ledger.chain_head(), TEST_NOW)
    (version,) = s3_client.list_object_versions(Bucket=BUCKET)["Versions"]
    from botocore.exceptions import ClientError

    with pytest.raises(ClientError, match="AccessDenied"):
        s3_client.delete_object(Bucket=BUCKET, Key=key, VersionId=version["VersionId"])
    assert publish_head(anchor, ledger.chain_head(), TEST_NOW) is None  # already there


def test_verify_command_checks_heads_and_a_certificate(
    ledger, engine, anchor, s3_endpoint, sqlite_url, tmp_path, monkeypatch, capsys
) -> None:
    life(ledger, anchor)
    datamap = tmp_path / "datamap.yaml"
    datamap.write_text(
        DATAMAP_PATH.read_text(encoding="utf-8").replace(
            "{conn_id: gdpr_s3, bucket: ml-gdpr-ledger-anchor, prefix: chain-heads/}",
            "{conn_id: gdpr_s3, bucket: gdpr-ledger-anchor, prefix: heads/,"
            " signing_conn_id: gdpr_anchor_key}",
        ),
        encoding="utf-8",
    )
    (tmp_path / "sql").symlink_to(DATAMAP_PATH.parent / "sql")
    monkeypatch.setenv(env_var_name("gdpr_s3"), s3_conn_json(s3_endpoint))
    monkeypatch.setenv(env_var_name("gdpr_ledger"), airflow_conn_json(sqlite_url))
    monkeypatch.setenv(
        env_var_name("gdpr_anchor_key"), f'{{"conn_type": "generic", "password": "{KEY.decode()}"}}'
    )
    anchor.client.create_bucket(
        Bucket="ml-gdpr-reports", CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    head = ledger.chain_head()
    certificate = tmp_path / "certificate.html"
    certificate.write_text(
        f'<code data-ledger-head="{head.count}:{head.last_hash}">{head.last_hash}</code>'
    )
    args = ["ledger", "verify", "--datamap", str(datamap), "--certificate", str(certificate)]
    assert main(args) == 0
    assert "agrees with 3 published heads and 1 certificates" in capsys.readouterr().out

    rechain(engine, keep=lambda row: row.id != 4)
    assert main(args) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "evidence chain BROKEN (2 problems in 22 rows):"
    assert err[1].startswith("  - evidence #19 does not hash to")
    assert err[2].startswith(f"  - the certificate {certificate} records {head.count} evidence")


IDENTITY_KEY = b"a-long-random-identity-hmac-key!"


def test_the_chain_holds_a_keyed_identity_and_names_a_swapped_subject(engine) -> None:
    ledger = Ledger(engine, identity_key=IDENTITY_KEY)
    request = ledger.create_request(
        kind="access",
        subject_email="Jean.Dupont@example.fr",
        received_at=RECEIVED,
        due_at=RECEIVED + timedelta(days=30),
        channel="helpdesk",
    )
    (snapshot,) = ledger.evidence(actions=["request.record"])
    assert "dupont" not in str(snapshot.detail).lower()
    assert len(snapshot.detail["subject_hmac"]) == 64
    assert verify_chain(engine, identity_key=IDENTITY_KEY).ok
    with engine.begin() as conn:
        conn.execute(sa.update(schema.requests).values(subject_email="someone.else@example.fr"))
    assert verify_chain(engine).ok  # without the key the person cannot be checked
    assert verify_chain(engine, identity_key=IDENTITY_KEY).problems == [
        f"request {request.request_id}'s subject is not the person the chain recorded "
        "(evidence #1): it was changed outside the ledger"
    ]


def test_identities_are_erased_after_the_proof_period_and_the_proof_stays(engine) -> None:
    ledger = Ledger(engine, identity_key=IDENTITY_KEY)
    old, recent, running = (
        ledger.create_request(
            kind="erasure",
            subject_email=f"person{n}@example.fr",
            received_at=RECEIVED,
            due_at=RECEIVED + timedelta(days=30),
            channel="helpdesk",
        )
        for n in range(3)
    )
    ledger.update_request(
        old.request_id, status="completed", closed_at=TEST_NOW - timedelta(days=400)
    )
    ledger.update_request(recent.request_id, status="completed", closed_at=TEST_NOW)
    assert ledger.clear_identities(TEST_NOW - timedelta(days=365)) == [old.request_id]
    assert ledger.get_request(old.request_id).subject_email is None
    assert ledger.get_request(recent.request_id).subject_email == "person1@example.fr"
    assert ledger.clear_identities(TEST_NOW - timedelta(days=365)) == []  # a rerun: nothing
    assert verify_chain(engine, identity_key=IDENTITY_KEY).ok
    (cleared,) = ledger.evidence(actions=["request.identity_cleared"])
    assert cleared.detail == {"requests": [old.request_id]}
    with engine.begin() as conn:
        conn.execute(
            sa.update(schema.requests)
            .where(schema.requests.c.request_id == running.request_id)
            .values(subject_email=None)
        )
    assert verify_chain(engine).problems == [
        f"request {running.request_id}'s subject was erased outside the ledger (no "
        "identity_cleared evidence)"
    ]


def test_a_deleted_event_notification_or_silently_lifted_hold_is_named(ledger, engine) -> None:
    request = ledger.create_request(
        kind="access",
        subject_email="jean.dupont@example.fr",
        received_at=RECEIVED,
        due_at=RECEIVED + timedelta(days=30),
        channel="helpdesk",
    )
    ledger.add_request_event(request.request_id, "identity_checked", "dpo", {"how": "id card"})
    alert = {
        "topic": "breach",
        "target": "B-2026-000001",
        "occasion": "authority",
        "channel": "email",
        "recipient": "cnil@example.org",
    }
    ledger.claim_notification(**alert)
    ledger.mark_notification_sent(**alert)
    hold = ledger.add_legal_hold(reason="litigation", reference="case 7", subject_email="a@b.fr")
    assert verify_chain(engine).ok
    with engine.begin() as conn:
        conn.execute(sa.delete(schema.request_events))
        conn.execute(sa.delete(schema.notifications))
        conn.execute(sa.update(schema.legal_holds).values(released_at=TEST_NOW))
    assert verify_chain(engine).problems == [
        f"legal hold {hold.id} is lifted in the ledger but not in the chain (evidence #4): it "
        "was changed outside the ledger",
        f"event 1 of request {request.request_id} recorded in evidence #2 is missing from the "
        "ledger (deleted?)",
        "sent notification 1 recorded in evidence #3 is missing from the ledger (deleted?)",
    ]


def test_an_upgrade_adopts_the_rows_written_before_chaining(sqlite_url) -> None:
    engine = sa.create_engine(sqlite_url)
    migrate(engine, "0004")
    with engine.begin() as conn:
        request_pk = conn.execute(
            sa.insert(schema.requests).values(
                request_id="R-2026-000001",
                kind="access",
                status="open",
                subject_email="jean.dupont@example.fr",
                channel="helpdesk",
                received_at=RECEIVED,
                due_at=RECEIVED + timedelta(days=30),
                created_at=RECEIVED,
                updated_at=RECEIVED,
            )
        ).inserted_primary_key[0]
        conn.execute(
            sa.insert(schema.request_events).values(
                request_pk=request_pk, at=RECEIVED, kind="received", actor="x", detail={}
            )
        )
        breach = {"title": "t", "description": "d", "systems": [], "datasets": [], "categories": []}
        conn.execute(
            sa.insert(schema.breaches).values(
                **breach,
                breach_id="B-2026-000001",
                aware_at=RECEIVED,
                high_risk=False,
                status="open",
                created_at=RECEIVED,
                updated_at=RECEIVED,
            )
        )
    migrate(engine)
    ledger = Ledger(engine)
    adopted = ["request.record", "request.event", "breach.record"]
    assert [e.action for e in ledger.evidence()] == adopted
    assert verify_chain(engine).ok
    with engine.begin() as conn:
        conn.execute(sa.update(schema.requests).values(received_at=RECEIVED + timedelta(days=20)))
    assert (
        "request R-2026-000001 was changed outside the ledger" in verify_chain(engine).problems[0]
    )
    engine.dispose()
