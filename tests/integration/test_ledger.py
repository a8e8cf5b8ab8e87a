"""The ledger on SQLite, PostgreSQL and MariaDB: schema, records, and the evidence chain."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from gdpr.ledger import (
    DuplicateRecordError,
    EvidenceInput,
    Ledger,
    LedgerNotReady,
    RecordNotFoundError,
    current_revision,
    digest_keys,
    migrate,
    schema,
    verify_chain,
)

pytestmark = pytest.mark.integration

PARIS = timezone(timedelta(hours=1))
RECEIVED = datetime(2026, 1, 31, 10, 30, 15, 123456, tzinfo=UTC)
DUE = datetime(2026, 2, 28, 23, 59, 59, 999999, tzinfo=UTC)


def stepping_clock(start: datetime) -> Callable[[], datetime]:
    """A clock that moves a little more than a second per call, microseconds included."""
    ticks = itertools.count()
    return lambda: start + next(ticks) * timedelta(seconds=1, microseconds=1)


@pytest.fixture
def engine(sql_url: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(sql_url)
    yield engine
    engine.dispose()


@pytest.fixture
def ledger(engine: sa.Engine) -> Ledger:
    migrate(engine)
    return Ledger(engine, clock=stepping_clock(datetime(2026, 3, 2, 9, 15, 0, 654321, tzinfo=UTC)))


@contextmanager
def counted_commits(engine: sa.Engine) -> Iterator[list[int]]:
    """The commits the engine makes inside the block, one item each."""
    commits: list[int] = []

    def committed(_conn: sa.Connection) -> None:
        commits.append(1)

    sa.event.listen(engine, "commit", committed)
    try:
        yield commits
    finally:
        sa.event.remove(engine, "commit", committed)


def new_request(ledger: Ledger, **overrides: object):
    values: dict[str, object] = {
        "kind": "access",
        "subject_email": " Jean.Dupont@Example.FR ",
        "received_at": RECEIVED,
        "due_at": DUE,
        "channel": "helpdesk",
    }
    values.update(overrides)
    return ledger.create_request(**values)


def append(ledger: Ledger, n: int, **fields: object) -> None:
    for i in range(n):
        ledger.record_evidence(
            EvidenceInput(
                action="retention.delete",
                system="crm",
                dataset="prospects",
                rule="prospects-3y",
                citation="CNIL NS-048",
                count=i + 1,
                keys_sha256=digest_keys(range(i + 1)),
                detail={"batch": i},
                **fields,
            )
        )


# -- schema -----------------------------------------------------------------------------------


def test_an_unmigrated_database_says_to_run_the_upgrade(engine: sa.Engine) -> None:
    ledger = Ledger(engine)  # building it must not touch the database
    assert current_revision(engine) is None
    with pytest.raises(LedgerNotReady, match="gdpr ledger upgrade"):
        ledger.open_requests()
    with pytest.raises(LedgerNotReady, match="gdpr ledger upgrade"):
        verify_chain(engine)


def test_migrate_creates_the_ledger_once_and_shares_the_database(engine: sa.Engine) -> None:
    head = migrate(engine)
    assert migrate(engine) == head == current_revision(engine)
    tables = set(sa.inspect(engine).get_table_names())
    assert {t.name for t in schema.metadata.sorted_tables} <= tables
    # Its own version table, so another Alembic history (Airflow's) can live alongside.
    assert "gdpr_ledger_version" in tables
    assert "alembic_version" not in tables
    Ledger(engine).check_ready()
    assert Ledger(engine).chain_head().count == 0


def test_migrations_build_exactly_the_schema_the_code_uses(engine: sa.Engine) -> None:
    migrate(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "version_table": "gdpr_ledger_version"}
        )
        assert compare_metadata(context, schema.metadata) == []


# -- requests ---------------------------------------------------------------------------------


def test_a_request_is_recorded_with_a_readable_id_and_a_normalised_email(ledger: Ledger) -> None:
    request = new_request(ledger, external_ref="TCK-881", note="asked by phone")
    assert request.request_id == "R-2026-000001"
    assert request.subject_email == "jean.dupont@example.fr"
    assert request.status == "open"
    assert ledger.get_request("R-2026-000001") == request
    assert ledger.find_request_by_external_ref("helpdesk", "TCK-881") == request
    assert ledger.get_request("R-2026-999999") is None
    assert ledger.find_request_by_external_ref("email", "TCK-881") is None


def test_request_times_come_back_in_utc_to_the_microsecond(ledger: Ledger) -> None:
    new_request(ledger, received_at=RECEIVED.astimezone(PARIS))
    stored = ledger.get_request("R-2026-000001")
    assert stored is not None
    assert stored.received_at == RECEIVED
    assert stored.received_at.tzinfo == UTC
    assert stored.received_at.microsecond == 123456
    assert stored.due_at == DUE


def test_a_naive_date_or_a_bad_email_is_refused_before_anything_is_written(ledger: Ledger) -> None:
    with pytest.raises(ValueError, match="time zone"):
        new_request(ledger, received_at=datetime(2026, 1, 31, 10, 30))
    with pytest.raises(ValueError, match="exactly one @"):
        new_request(ledger, subject_email="jean.dupont.example.fr")
    with pytest.raises(ValueError, match="unknown request kind"):
        new_request(ledger, kind="deletion")
    assert ledger.open_requests() == []


def test_the_same_ticket_cannot_become_two_requests(ledger: Ledger) -> None:
    first = new_request(ledger, external_ref="TCK-881")
    with pytest.raises(DuplicateRecordError, match=first.request_id):
        new_request(ledger, external_ref="TCK-881")
    assert [r.request_id for r in ledger.open_requests()] == [first.request_id]


def test_an_extension_then_completion_moves_the_request_off_the_open_list(
    ledger: Ledger,
) -> None:
    request = new_request(ledger, kind="erasure")
    other = new_request(ledger, kind="portability")
    extended_due = datetime(2026, 4, 30, 23, 59, 59, tzinfo=UTC)
    extended = ledger.update_request(
        request.request_id,
        status="extended",
        extended_due_at=extended_due,
        extension_reason="requests across 14 systems",
    )
    assert extended.status == "extended"
    assert extended.effective_due_at == extended_due
    assert extended.updated_at > request.updated_at
    assert {r.request_id for r in ledger.open_requests()} == {request.request_id, other.request_id}

    closed = ledger.update_request(
        request.request_id,
        status="completed",
        closed_at=datetime(2026, 4, 2, 8, 0, tzinfo=PARIS),
        close_reason="erased; invoices kept (Code de commerce L123-22)",
    )
    assert closed.closed_at == datetime(2026, 4, 2, 7, 0, tzinfo=UTC)
    assert [r.request_id for r in ledger.open_requests()] == [other.request_id]


def test_request_updates_are_checked(ledger: Ledger) -> None:
    request = new_request(ledger)
    with pytest.raises(ValueError, match="unknown request status"):
        ledger.update_request(request.request_id, status="done")
    with pytest.raises(TypeError, match="subject_email"):
        ledger.update_request(request.request_id, subject_email="x@example.com")
    with pytest.raises(RecordNotFoundError, match="R-2026-000404"):
        ledger.update_request("R-2026-000404", status="completed")
    assert ledger.get_request(request.request_id) == request


def test_request_history_is_kept_in_order(ledger: Ledger) -> None:
    request = new_request(ledger)
    ledger.add_request_event(request.request_id, "received", "intake", {"ticket": "TCK-881"})
    ledger.add_request_event(request.request_id, "identity_checked", "dpo@example.fr")
    events = ledger.request_events(request.request_id)
    assert [(e.kind, e.actor, e.detail) for e in events] == [
        ("received", "intake", {"ticket": "TCK-881"}),
        ("identity_checked", "dpo@example.fr", {}),
    ]
    assert events[0].at < events[1].at
    assert all(e.request_id == request.request_id for e in events)
    with pytest.raises(RecordNotFoundError):
        ledger.add_request_event("R-2026-000404", "received", "intake")


def test_concurrent_intake_never_hands_out_the_same_request_id(ledger: Ledger) -> None:
    ids: list[str] = []
    errors: list[BaseException] = []

    def create(worker: int) -> None:
        try:
            for n in range(10):
                ids.append(new_request(ledger, external_ref=f"T-{worker}-{n}").request_id)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=create, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(ids)) == 40
    assert all(rid.startswith("R-2026-") for rid in ids)


# -- breaches ---------------------------------------------------------------------------------


def test_a_breach_is_documented_with_its_72_hour_clock(ledger: Ledger) -> None:
    aware = datetime(2026, 5, 4, 16, 45, 30, 250000, tzinfo=UTC)
    breach = ledger.create_breach(
        title="Helpdesk export left in a public bucket",
        aware_at=aware,
        description="A CSV export of tickets was readable without authentication.",
        systems=["helpdesk", "s3"],
        datasets=["tickets", "attachments"],
        categories=["user.contact.email", "user.content"],
        high_risk=False,
    )
    assert breach.breach_id == "B-2026-000001"
    assert breach.status == "open"
    assert breach.authority_due_at == datetime(2026, 5, 7, 16, 45, 30, 250000, tzinfo=UTC)
    assert ledger.get_breach("B-2026-000001") == breach
    assert ledger.open_breaches() == [breach]

    notified = ledger.update_breach(
        breach.breach_id,
        authority_notified_at=datetime(2026, 5, 6, 9, 0, tzinfo=UTC),
        authority_reference="CNIL-2026-1234",
        affected_subjects=412,
        high_risk=True,
    )
    assert (notified.high_risk, notified.affected_subjects) == (True, 412)
    assert notified.systems == ["helpdesk", "s3"]
    ledger.update_breach(breach.breach_id, status="closed", close_reason="bucket locked")
    assert ledger.open_breaches() == []
    # Moving the moment of awareness would hide a late notification.
    with pytest.raises(TypeError, match="aware_at"):
        ledger.update_breach(breach.breach_id, aware_at=aware + timedelta(days=2))
    assert ledger.get_breach("B-2026-000404") is None


# -- legal holds ------------------------------------------------------------------------------


def test_legal_holds_cover_a_person_or_a_record_until_released(ledger: Ledger) -> None:
    person = ledger.add_legal_hold(
        reason="litigation about a delivery",
        reference="TJ Paris 26/0042",
        subject_email="Jean.Dupont@Example.FR",
    )
    record = ledger.add_legal_hold(
        reason="tax audit",
        reference="DGFiP 2026-17",
        dataset="invoices",
        record_key={"invoice_id": 90210},
    )
    assert person.subject_email == "jean.dupont@example.fr"
    assert record.record_key == {"invoice_id": 90210}
    assert [h.id for h in ledger.active_legal_holds()] == [person.id, record.id]

    ledger.release_legal_hold(person.id)
    ledger.release_legal_hold(person.id)  # a retried task must not fail
    active = ledger.active_legal_holds()
    assert [h.id for h in active] == [record.id]
    assert active[0].active
    with pytest.raises(RecordNotFoundError):
        ledger.release_legal_hold(9999)


@pytest.mark.parametrize(
    "target",
    [
        {},
        {"subject_email": "a@example.fr", "dataset": "invoices", "record_key": {"id": 1}},
        {"dataset": "invoices"},
        {"record_key": {"id": 1}},
    ],
)
def test_a_hold_must_name_exactly_one_target(ledger: Ledger, target: dict) -> None:
    with pytest.raises(ValueError, match="legal hold"):
        ledger.add_legal_hold(reason="audit", reference="ref", **target)
    assert ledger.active_legal_holds() == []


# -- runs -------------------------------------------------------------------------------------


def test_a_retried_run_is_the_same_run(ledger: Ledger) -> None:
    pk = ledger.start_run("gdpr_retention_purge", "scheduled__2026-03-02", "retention")
    ledger.finish_run(pk, "failed", {"datasets": 3, "deleted": 0})
    assert ledger.get_run(pk).status == "failed"

    assert ledger.start_run("gdpr_retention_purge", "scheduled__2026-03-02", "retention") == pk
    restarted = ledger.get_run(pk)
    assert (restarted.status, restarted.finished_at) == ("running", None)

    ledger.finish_run(pk, "success", {"datasets": 3, "deleted": 1204})
    done = ledger.get_run(pk)
    assert done.status == "success"
    assert done.summary == {"datasets": 3, "deleted": 1204}
    assert done.finished_at is not None
    assert done.finished_at > done.started_at

    other = ledger.start_run("gdpr_retention_purge", "scheduled__2026-03-03", "retention")
    assert other != pk
    with pytest.raises(ValueError, match="success"):
        ledger.finish_run(pk, "ok", {})
    with pytest.raises(RecordNotFoundError):
        ledger.get_run(9999)


# -- evidence ---------------------------------------------------------------------------------


def test_evidence_is_chained_and_verifies(ledger: Ledger, engine: sa.Engine) -> None:
    run = ledger.start_run("gdpr_subject_erasure", "manual__1", "erasure")
    request = new_request(ledger, kind="erasure")
    first = ledger.record_evidence(
        EvidenceInput(
            action="erasure.delete",
            system="crm",
            dataset="customers",
            count=1,
            keys_sha256=digest_keys([42]),
            run_pk=run,
            request_id=request.request_id,
            detail={"strategy": "delete"},
        )
    )
    append(ledger, 4)

    stored = ledger.evidence()
    # the request itself is chained first: its snapshot, with its clock and no person
    assert [e.id for e in stored] == [1, 2, 3, 4, 5, 6]
    assert stored[0].prev_hash == "0" * 64
    assert stored[0].action == "request.record"
    assert stored[0].detail["received_at"] == "2026-01-31T10:30:15.123456Z"
    assert "jean.dupont" not in str(stored[0].detail)
    # Read back exactly as hashed, microseconds included (MariaDB drops them without fsp=6).
    assert stored[1] == first
    assert first.at.microsecond != 0
    assert all(b.prev_hash == a.row_hash for a, b in itertools.pairwise(stored))
    assert ledger.evidence(run_pk=run) == [first]
    assert ledger.evidence(request_id=request.request_id) == [first]

    report = verify_chain(engine)
    assert (report.ok, report.rows, report.problems) == (True, 6, [])
    assert report.head == stored[-1].row_hash == ledger.chain_head().last_hash
    assert ledger.chain_head().count == 6


def test_evidence_for_an_unknown_request_or_run_is_refused(ledger: Ledger) -> None:
    with pytest.raises(RecordNotFoundError, match="R-2026-000404"):
        ledger.record_evidence(
            EvidenceInput(action="export.deliver", count=1, request_id="R-2026-000404")
        )
    with pytest.raises(RecordNotFoundError, match="run 77"):
        ledger.record_evidence(EvidenceInput(action="export.deliver", count=1, run_pk=77))
    assert ledger.chain_head().count == 0


def test_a_batch_of_evidence_commits_in_one_transaction(ledger: Ledger, engine: sa.Engine) -> None:
    run = ledger.start_run("gdpr_subject_erasure_batch", "manual__1", "erasure")
    requests = [new_request(ledger, kind="erasure").request_id for _ in range(3)]
    before = ledger.chain_head().count
    with counted_commits(engine) as commits:
        written = ledger.record_evidences(
            [
                EvidenceInput(action="erasure.subject", count=n, run_pk=run, request_id=r)
                for n, r in enumerate(requests, start=1)
            ]
        )
    assert len(commits) == 1, "the batch's rows are one commit"
    assert [e.request_id for e in written] == requests
    assert [e.id for e in written] == [before + 1, before + 2, before + 3]
    assert ledger.evidence(actions=["erasure.subject"]) == written
    assert ledger.evidence(request_ids=requests[1:]) == written[1:]
    assert ledger.record_evidences([]) == []
    assert verify_chain(engine).ok


def test_a_batch_of_evidence_with_one_bad_row_writes_none_of_it(ledger: Ledger) -> None:
    request = new_request(ledger, kind="erasure").request_id
    before = ledger.chain_head()
    good = EvidenceInput(action="erasure.subject", count=1, request_id=request)
    with pytest.raises(RecordNotFoundError, match="R-2026-000404"):
        ledger.record_evidences(
            [good, EvidenceInput(action="erasure.subject", count=1, request_id="R-2026-000404")]
        )
    with pytest.raises(RecordNotFoundError, match="run 77"):
        ledger.record_evidences([good, EvidenceInput(action="erasure.subject", count=1, run_pk=77)])
    with pytest.raises(ValueError, match="not storable"):  # a document it cannot hash
        ledger.record_evidences(
            [good, EvidenceInput(action="erasure.subject", count=1, detail={"x": object()})]
        )
    assert ledger.chain_head() == before
    assert ledger.evidence(actions=["erasure.subject"]) == []


def test_calls_inside_atomic_commit_once_and_keep_one_chain(
    ledger: Ledger, engine: sa.Engine
) -> None:
    request = new_request(ledger, kind="erasure").request_id
    ledger.claim_notification(
        topic="t", target=request, occasion="o", channel="ledger", recipient="r"
    )
    before = ledger.chain_head().count
    with counted_commits(engine) as commits, ledger.atomic():
        first = ledger.record_evidence(
            EvidenceInput(action="erasure.delete", count=2, request_id=request)
        )
        with ledger.atomic():  # nested: joins the outer transaction
            ledger.mark_notification_sent(
                topic="t", target=request, occasion="o", channel="ledger", recipient="r"
            )
        seen = ledger.evidence(request_id=request)  # reads its own writes
        last = ledger.record_evidence(
            EvidenceInput(action="erasure.apply", count=2, request_id=request)
        )
    assert len(commits) == 1
    assert [e.action for e in seen] == ["erasure.delete"]
    # the notification's snapshot sits between the two rows: the head is extended in memory
    assert (first.id, last.id) == (before + 1, before + 3)
    assert ledger.chain_head().count == before + 3
    assert verify_chain(engine).ok


def test_a_failure_inside_atomic_leaves_nothing_of_it(ledger: Ledger, engine: sa.Engine) -> None:
    request = new_request(ledger, kind="erasure").request_id
    before = ledger.chain_head()

    def both() -> None:
        with ledger.atomic():
            for named in (request, "R-2026-000404"):
                ledger.record_evidence(
                    EvidenceInput(action="erasure.delete", count=1, request_id=named)
                )

    with pytest.raises(RecordNotFoundError, match="R-2026-000404"):
        both()
    assert ledger.chain_head() == before
    assert ledger.evidence(request_id=request) == []
    # the ledger works as before afterwards, and other threads never joined the transaction
    ledger.record_evidence(EvidenceInput(action="erasure.delete", count=1, request_id=request))
    assert verify_chain(engine).ok


def test_other_threads_append_outside_a_held_atomic(ledger: Ledger, engine: sa.Engine) -> None:
    request = new_request(ledger, kind="erasure").request_id
    done: list[int] = []
    with ledger.atomic():
        ledger.record_evidence(EvidenceInput(action="erasure.delete", count=1, request_id=request))
        other = threading.Thread(
            target=lambda: done.append(
                ledger.record_evidence(EvidenceInput(action="erasure.delete", count=5)).id
            )
        )
        other.start()
        other.join(timeout=1)
        assert done == [], "the other thread waits for the chain's head lock"
    other.join()
    assert len(done) == 1
    assert verify_chain(engine).ok


def test_an_edited_row_is_named(ledger: Ledger, engine: sa.Engine) -> None:
    append(ledger, 5)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE ledger_evidence SET count = 0 WHERE id = 3"))
    report = verify_chain(engine)
    assert not report.ok
    assert report.problems == [
        "evidence #3 was modified after it was written: its content no longer matches its hash"
    ]


def test_a_rewritten_row_with_a_fresh_hash_breaks_the_next_link(
    ledger: Ledger, engine: sa.Engine
) -> None:
    append(ledger, 4)
    with engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE ledger_evidence SET row_hash = :h WHERE id = 2"), {"h": "f" * 64}
        )
    problems = verify_chain(engine).problems
    assert any("evidence #2 was modified" in p for p in problems)
    assert any("evidence #3 does not link to evidence #2" in p for p in problems)


def test_a_deleted_middle_row_is_named(ledger: Ledger, engine: sa.Engine) -> None:
    append(ledger, 5)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM ledger_evidence WHERE id = 3"))
    report = verify_chain(engine)
    assert (report.ok, report.rows) == (False, 4)
    assert report.problems == ["evidence between #2 and #4 is missing (deleted?)"]


def test_a_deleted_last_row_is_detected(ledger: Ledger, engine: sa.Engine) -> None:
    append(ledger, 5)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM ledger_evidence WHERE id = 5"))
    report = verify_chain(engine)
    assert not report.ok
    assert report.problems == [
        "evidence after #4 is missing (deleted?): the ledger head records 5 entries"
    ]


def test_an_emptied_evidence_table_is_detected(ledger: Ledger, engine: sa.Engine) -> None:
    append(ledger, 3)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM ledger_evidence"))
    report = verify_chain(engine)
    assert (report.ok, report.rows) == (False, 0)
    assert report.problems == ["all 3 evidence rows are missing (deleted?)"]


def test_an_append_after_a_deleted_tail_still_shows_the_gap(
    ledger: Ledger, engine: sa.Engine
) -> None:
    append(ledger, 3)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM ledger_evidence WHERE id = 3"))
    append(ledger, 1)
    assert verify_chain(engine).problems == ["evidence between #2 and #4 is missing (deleted?)"]


def test_concurrent_appends_keep_one_unbroken_chain(ledger: Ledger, engine: sa.Engine) -> None:
    errors: list[BaseException] = []
    shared = Ledger(engine)  # real clock, shared by the threads like tasks in one worker

    def worker() -> None:
        try:
            append(shared, 25)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = verify_chain(engine)
    assert (report.ok, report.rows, report.problems) == (True, 100, [])
    assert [e.id for e in ledger.evidence()] == list(range(1, 101))
    assert ledger.chain_head().count == 100


def test_verify_while_purges_append_raises_no_false_alarm(
    ledger: Ledger, engine: sa.Engine
) -> None:
    append(ledger, 5)
    done = threading.Event()
    errors: list[BaseException] = []

    def purge() -> None:
        try:
            append(Ledger(engine), 60)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=purge)
    thread.start()
    reports = []
    while not done.is_set():
        reports.append(verify_chain(engine))
    thread.join()
    assert errors == []
    assert [r.problems for r in reports if not r.ok] == []
    assert verify_chain(engine).rows == 65


def test_a_row_slipped_in_behind_the_ledger_is_detected(ledger: Ledger, engine: sa.Engine) -> None:
    append(ledger, 2)
    last = ledger.evidence()[-1]
    forged = {c.name: getattr(last, c.name) for c in schema.evidence.columns}
    forged["id"] = 3
    with engine.begin() as conn:
        conn.execute(sa.insert(schema.evidence).values(**forged))
    problems = verify_chain(engine).problems
    assert problems == [
        "evidence #3 was added without updating the ledger head (written outside the ledger?)"
    ]


ALERT = {
    "topic": "deadline",
    "target": "R-2026-1",
    "occasion": "due-in-7-days",
    "channel": "email",
    "recipient": "dpo@example.org",
}


def test_a_notification_is_sent_once_however_often_the_job_runs(ledger: Ledger) -> None:
    assert ledger.claim_notification(**ALERT) is True
    assert ledger.claim_notification(**ALERT) is False  # claimed, being sent
    ledger.mark_notification_sent(**ALERT)
    assert ledger.claim_notification(**ALERT) is False  # sent: never again
    assert ledger.claim_notification(**{**ALERT, "occasion": "due-in-2-days"}) is True
    sent = [n for n in ledger.notifications(target="R-2026-1") if n.status == "sent"]
    assert [(n.occasion, n.recipient) for n in sent] == [("due-in-7-days", "dpo@example.org")]
    assert sent[0].sent_at is not None


def test_a_failed_or_abandoned_send_can_be_claimed_again(ledger: Ledger) -> None:
    assert ledger.claim_notification(**ALERT)
    ledger.release_notification(**ALERT)  # the SMTP server refused it
    assert ledger.claim_notification(**ALERT) is True
    # the worker died after claiming: a later run takes it over once the claim is stale
    assert ledger.claim_notification(**ALERT, stale_after=timedelta(hours=1)) is False
    assert ledger.claim_notification(**ALERT, stale_after=timedelta(0)) is True
    with pytest.raises(RecordNotFoundError):
        ledger.mark_notification_sent(**{**ALERT, "recipient": "nobody@example.org"})


def test_concurrent_claims_let_exactly_one_sender_through(ledger: Ledger) -> None:
    wins: list[bool] = []
    threads = [
        threading.Thread(target=lambda: wins.append(ledger.claim_notification(**ALERT)))
        for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(wins) == [False] * 5 + [True]


def test_the_suppression_list_holds_hashes_only_and_once(ledger: Ledger) -> None:
    digest = "ab" * 32
    assert ledger.add_suppression(identity_hash=digest, scope="marketing", reason="Art. 21(3)")
    assert not ledger.add_suppression(identity_hash=digest, scope="marketing", reason="again")
    assert ledger.suppressed("marketing") == {digest}
    assert ledger.suppressed("other") == frozenset()
    with pytest.raises(ValueError, match="hash"):
        ledger.add_suppression(
            identity_hash="jean.dupont@example.fr", scope="marketing", reason="x"
        )


def test_the_requests_near_their_deadline_are_picked_by_the_database(ledger: Ledger) -> None:
    soon = new_request(ledger, external_ref="T-1")
    later = new_request(ledger, external_ref="T-2", due_at=DUE + timedelta(days=20))
    extended = new_request(ledger, external_ref="T-3")
    ledger.update_request(
        extended.request_id,
        status="extended",
        extended_due_at=DUE + timedelta(days=60),
        extension_reason="complex request",
    )
    closed = new_request(ledger, external_ref="T-4")
    ledger.update_request(closed.request_id, status="completed", closed_at=DUE)

    assert ledger.count_open_requests() == 3
    # the cutoff is inclusive, and an extended request counts by its extended deadline
    assert [r.request_id for r in ledger.open_requests_due_by(DUE)] == [soon.request_id]
    assert [r.request_id for r in ledger.open_requests_due_by(DUE - timedelta(seconds=1))] == []
    picked = ledger.open_requests_due_by(DUE + timedelta(days=30))
    assert [r.request_id for r in picked] == [soon.request_id, later.request_id]


def test_many_requests_are_recorded_in_one_go_or_not_at_all(ledger: Ledger) -> None:
    items = [
        {
            "kind": kind,
            "subject_email": f" Person{n}@Example.FR ",
            "received_at": RECEIVED + timedelta(hours=n),
            "due_at": DUE,
            "channel": "helpdesk",
            "external_ref": f"TCK-{n}",
        }
        for n, kind in enumerate(["access", "erasure", "portability"], start=1)
    ]
    created = ledger.create_requests(items)
    assert [r.external_ref for r in created] == ["TCK-1", "TCK-2", "TCK-3"]
    assert [r.kind for r in created] == ["access", "erasure", "portability"]
    assert created[0].subject_email == "person1@example.fr"
    assert created[0].received_at == RECEIVED + timedelta(hours=1)
    assert len({r.request_id for r in created}) == 3
    assert all(r.request_id.startswith("R-2026-") for r in created)
    assert ledger.get_request(created[1].request_id) == created[1]

    # one reference already recorded: nothing of the batch is written
    again = [{**items[0], "external_ref": "TCK-9"}, items[2]]
    with pytest.raises(DuplicateRecordError):
        ledger.create_requests(again)
    assert ledger.find_request_by_external_ref("helpdesk", "TCK-9") is None
    # a bad item is refused before anything is written
    with pytest.raises(ValueError, match="exactly one @"):
        ledger.create_requests(
            [{**items[0], "external_ref": "TCK-8"}, {**items[0], "subject_email": "x"}]
        )
    assert ledger.count_open_requests() == 3
    assert ledger.create_requests([]) == []


def test_a_notification_claimed_for_many_targets_is_sent_once_each(ledger: Ledger) -> None:
    shared = {
        "topic": "intake_reply",
        "occasion": "received",
        "channel": "record",
        "recipient": "d",
    }
    assert ledger.claim_notifications(**shared, targets=["R-1", "R-2"])
    # any target claimed before: the batch claims nothing, one at a time takes the others
    assert not ledger.claim_notifications(**shared, targets=["R-2", "R-3"])
    assert {n.target for n in ledger.notifications(topic="intake_reply")} == {"R-1", "R-2"}
    assert not ledger.claim_notification(**shared, target="R-2")
    assert ledger.claim_notification(**shared, target="R-3")

    ledger.release_notifications(**shared, targets=["R-1"])
    ledger.mark_notifications_sent(**shared, targets=["R-2", "R-3"])
    status = {n.target: n.status for n in ledger.notifications(topic="intake_reply")}
    assert status == {"R-1": "failed", "R-2": "sent", "R-3": "sent"}
    assert ledger.claim_notification(**shared, target="R-1")  # released: claimable again
    # settling a target that is not claimed changes nothing
    with pytest.raises(RecordNotFoundError, match="1 of 2"):
        ledger.mark_notifications_sent(**shared, targets=["R-1", "R-2"])
    status = {n.target: n.status for n in ledger.notifications(topic="intake_reply")}
    assert status == {"R-1": "claimed", "R-2": "sent", "R-3": "sent"}
