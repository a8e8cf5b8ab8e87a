"""The ledger's driver SQL (``gdpr.ledger.driver_sql``) against the Core path, on SQLite,
PostgreSQL and MariaDB: the same rows stored, the same values read back; and the references
the ledger remembers instead of looking them up again."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from gdpr.ledger import EvidenceInput, Ledger, RecordNotFoundError, driver_sql, migrate, schema

pytestmark = pytest.mark.integration

START = datetime(2026, 3, 2, 9, 15, 0, 654321, tzinfo=UTC)
ALERT = {
    "topic": "deadline",
    "target": "R-2026-1",
    "occasion": "due-in-7-days",
    "channel": "email",
    "recipient": "dpo@example.org",
}


@pytest.fixture
def engine(sql_url: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(sql_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def ledger(engine: sa.Engine) -> Ledger:
    ticks = itertools.count()
    return Ledger(engine, clock=lambda: START + next(ticks) * timedelta(seconds=1, microseconds=7))


def core_rows(engine: sa.Engine, table: sa.Table) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(table).order_by(*table.primary_key.columns))
        return [dict(row._mapping) for row in rows]


class Statements:
    """The statements an engine sends inside the block (SQLAlchemy's events)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine, self.sent = engine, []

    def __call__(self, conn, cursor, statement, parameters, context, executemany) -> None:
        self.sent.append(" ".join(statement.split()))

    def __enter__(self) -> list[str]:
        sa.event.listen(self.engine, "before_cursor_execute", self)
        return self.sent

    def __exit__(self, *exc: object) -> None:
        sa.event.remove(self.engine, "before_cursor_execute", self)


def new_request(ledger: Ledger, request_id: str | None = None) -> str:
    return ledger.create_request(
        kind="erasure",
        subject_email="jean.dupont@example.fr",
        received_at=datetime(2026, 1, 31, 10, 30, 15, 123456, tzinfo=UTC),
        due_at=datetime(2026, 2, 28, 23, 59, 59, 999999, tzinfo=UTC),
        channel="helpdesk",
        request_id=request_id,
    ).request_id


def test_evidence_written_as_driver_sql_is_what_core_writes_and_reads(
    ledger: Ledger, engine: sa.Engine
) -> None:
    run = ledger.start_run("gdpr_subject_erasure", "manual__1", "erasure")
    request = new_request(ledger)
    detail = {"plan_sha256": "ab" * 32, "keys": [[1, "a"], [2, "é"]], "nested": {"x": None}}
    written = ledger.record_evidences(
        [
            EvidenceInput(action="erasure.intent", count=3, detail=detail, request_id=request),
            EvidenceInput(
                action="erasure.delete",
                system="crm",
                dataset="customers",
                rule="r",
                citation="Art. 17(1)(b)",
                count=2**40,
                keys_sha256="cd" * 32,
                detail={},
                run_pk=run,
            ),
        ]
    )
    stored = [r for r in core_rows(engine, schema.evidence) if r["id"] in {e.id for e in written}]
    assert stored == [
        {name: getattr(e, name) for name in (c.name for c in schema.evidence.c)} for e in written
    ]
    assert all(r["at"].tzinfo is UTC and r["at"].microsecond for r in stored)
    # the same rows through Core, under other ids: stored exactly alike, as the driver reads them
    with engine.begin() as conn:
        conn.execute(sa.insert(schema.evidence), [{**r, "id": r["id"] + 1000} for r in stored])
    names = ", ".join(c.name for c in schema.evidence.c if c.name != "id")
    with engine.connect() as conn:
        for row in stored:
            raw = conn.exec_driver_sql(
                f"SELECT {names} FROM ledger_evidence WHERE id IN ({row['id']}, {row['id'] + 1000})"
            ).all()
            assert len(raw) == 2
            assert tuple(raw[0]) == tuple(raw[1])


@pytest.mark.parametrize(
    "where",
    [
        {},
        {"request_id": "REQ"},
        {"run_pk": "RUN", "actions": ["erasure.delete", "erasure.intent"]},
        {"request_ids": ["REQ", "R-NONE"], "actions": ["erasure.intent"]},
        {"rule": "r"},
        {"outside_successful_runs": True},
        {"outside_successful_runs": True, "actions": ["erasure.delete"]},
        {"request_ids": []},
    ],
)
def test_evidence_read_as_driver_sql_is_what_core_reads(
    ledger: Ledger, engine: sa.Engine, where: dict
) -> None:
    run = ledger.start_run("gdpr_subject_erasure", "manual__1", "erasure")
    done = ledger.start_run("gdpr_subject_erasure", "manual__2", "erasure")
    request = new_request(ledger)
    ledger.record_evidences(
        [
            EvidenceInput(action="erasure.intent", count=1, detail={"n": 1}, request_id=request),
            EvidenceInput(action="erasure.delete", count=1, rule="r", run_pk=run),
            EvidenceInput(action="erasure.delete", count=2, run_pk=done, request_id=request),
            EvidenceInput(action="erasure.intent", count=3, run_pk=run, request_id=request),
        ]
    )
    ledger.finish_run(done, "success", {})
    names = {"REQ": request, "RUN": run}
    given = {
        k: [names.get(x, x) for x in v] if isinstance(v, list) else names.get(v, v)
        for k, v in where.items()
    }
    ev, runs = schema.evidence, schema.runs
    query = sa.select(ev).order_by(ev.c.id)
    if given.get("outside_successful_runs"):
        query = query.outerjoin(runs, runs.c.pk == ev.c.run_pk).where(
            sa.or_(runs.c.pk.is_(None), runs.c.status != "success")
        )
    for name, column in (("request_id", ev.c.request_id), ("run_pk", ev.c.run_pk)):
        if name in given:
            query = query.where(column == given[name])
    if "request_ids" in given:
        query = query.where(ev.c.request_id.in_(given["request_ids"]))
    if "actions" in given:
        query = query.where(ev.c.action.in_(given["actions"]))
    if "rule" in given:
        query = query.where(ev.c.rule == given["rule"])
    with engine.connect() as conn:
        expected = [dict(row._mapping) for row in conn.execute(query)]
        got = [row._mapping for row in driver_sql.evidence(conn, **given)]
    assert got == expected
    assert [e.id for e in ledger.evidence(**given)] == [r["id"] for r in expected]
    if where and where != {"request_ids": []}:
        assert 0 < len(expected) < 5


def test_the_head_and_legal_holds_read_as_driver_sql_are_what_core_reads(
    ledger: Ledger, engine: sa.Engine
) -> None:
    ledger.add_legal_hold(reason="litigation", reference="TJ 1", subject_email="a@example.fr")
    ledger.add_legal_hold(
        reason="audit",
        reference="DGFiP",
        dataset="invoices",
        record_key={"invoice_id": 90210, "year": "2025"},
        until=date(2031, 12, 31),
        ends_at=datetime(2031, 12, 31, 23, 0, tzinfo=UTC),
    )
    ended = ledger.add_legal_hold(
        reason="old",
        reference="x",
        dataset="invoices",
        record_key={"invoice_id": 1},
        until=date(2026, 3, 10),
        ends_at=datetime(2026, 3, 10, 23, 0, tzinfo=UTC),
    )
    with engine.begin() as conn:
        head = driver_sql.lock_head(conn)
        core_head = conn.execute(sa.select(schema.head)).one()
        active = driver_sql.active_holds(conn, datetime(2026, 6, 1, tzinfo=UTC))
    assert head._mapping == dict(core_head._mapping)
    assert head.updated_at.tzinfo is UTC
    expected = [r for r in core_rows(engine, schema.legal_holds) if r["id"] != ended.id]
    assert [row._mapping for row in active] == expected
    assert isinstance(active[1].until, date)
    assert active[1].ends_at.tzinfo is UTC


def test_notifications_claimed_and_sent_as_driver_sql_are_what_core_reads(
    ledger: Ledger, engine: sa.Engine
) -> None:
    assert ledger.claim_notification_as(**ALERT, detail={"days": 7}).how == "new"
    assert ledger.claim_notification_as(**ALERT) is None
    ledger.release_notification(**ALERT)
    assert ledger.claim_notification_as(**ALERT).how == "again"
    other = {**ALERT, "target": "R-2026-2"}
    assert ledger.claim_notification(**other) is True
    with engine.begin() as conn:
        count, rows = driver_sql.settle_notifications(
            conn,
            {k: v for k, v in ALERT.items() if k != "target"},
            ["R-2026-1", "R-2026-2", "R-2026-9"],
            START + timedelta(days=1, microseconds=3),
        )
    assert count == 2
    stored = core_rows(engine, schema.notifications)
    assert [row._mapping for row in rows] == stored
    assert stored[0]["detail"] == {"days": 7}
    assert stored[1]["detail"] is None
    assert {r["sent_at"] for r in stored} == {START + timedelta(days=1, microseconds=3)}
    assert all(r["claimed_at"].tzinfo is UTC for r in stored)
    # released and stale claims are taken again, fresh ones are not
    assert ledger.claim_notification_as(**{**ALERT, "occasion": "o2"}).how == "new"
    assert ledger.claim_notification_as(**{**ALERT, "occasion": "o2"}) is None
    stale = {**ALERT, "occasion": "o2", "stale_after": timedelta(0)}
    assert ledger.claim_notification_as(**stale).how == "again"


def test_only_the_claimant_of_a_notification_settles_it_once_another_took_it_over(
    ledger: Ledger,
) -> None:
    first = ledger.claim_notification_as(**ALERT)
    assert first is not None
    assert first.how == "new"
    stale = {**ALERT, "stale_after": timedelta(0)}
    second = ledger.claim_notification_as(**stale)  # the first claimant's went stale
    assert second is not None
    assert second.how == "again"
    assert second.at > first.at
    with pytest.raises(RecordNotFoundError, match="no longer this run's"):
        ledger.mark_notification_sent(**ALERT, claimed_at=first.at)
    ledger.release_notification(**ALERT, claimed_at=first.at)  # not its to release: kept
    assert [n.status for n in ledger.notifications(target=ALERT["target"])] == ["claimed"]
    ledger.mark_notification_sent(**ALERT, claimed_at=second.at)
    assert [n.status for n in ledger.notifications(target=ALERT["target"])] == ["sent"]


def test_a_known_request_is_not_looked_up_again_and_an_unknown_one_is_refused(
    ledger: Ledger, engine: sa.Engine
) -> None:
    request = new_request(ledger)
    run = ledger.start_run("gdpr_subject_erasure", "manual__1", "erasure")
    item = EvidenceInput(action="erasure.delete", count=1, request_id=request, run_pk=run)
    with Statements(engine) as sent:
        ledger.record_evidence(item)
    assert not [s for s in sent if "ledger_requests" in s or "ledger_runs" in s]

    # another process's ledger looks them up once, then remembers them
    other = Ledger(engine)
    other.check_ready()
    with Statements(engine) as sent:
        other.record_evidence(item)
        other.record_evidence(item)
    assert len([s for s in sent if "ledger_requests" in s]) == 1
    assert len([s for s in sent if "ledger_runs" in s]) == 1

    for ledger_ in (ledger, other):
        with pytest.raises(RecordNotFoundError, match=r"^request R-2026-000404 is not in the"):
            ledger_.record_evidence(
                EvidenceInput(action="erasure.delete", count=1, request_id="R-2026-000404")
            )


def test_a_request_created_in_a_rolled_back_transaction_is_not_remembered(
    ledger: Ledger,
) -> None:
    def rolled_back() -> None:
        with ledger.atomic():
            request = new_request(ledger, request_id="R-2026-000777")
            ledger.record_evidence(EvidenceInput(action="x", count=1, request_id=request))
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        rolled_back()
    assert ledger.get_request("R-2026-000777") is None
    with pytest.raises(RecordNotFoundError, match="request R-2026-000777 is not in the ledger"):
        ledger.record_evidence(EvidenceInput(action="x", count=1, request_id="R-2026-000777"))


def test_evidence_appended_inside_atomic_is_one_insert(ledger: Ledger, engine: sa.Engine) -> None:
    request = new_request(ledger)
    ledger.claim_notification(**{**ALERT, "target": request})
    with Statements(engine) as sent, ledger.atomic():
        ledger.record_evidences(
            [EvidenceInput(action="erasure.delete", count=n, request_id=request) for n in (1, 2)]
        )
        ledger.mark_notification_sent(**{**ALERT, "target": request})
        ledger.record_evidence(EvidenceInput(action="erasure.apply", count=3, request_id=request))
    inserts = [s for s in sent if s.startswith("INSERT INTO ledger_evidence")]
    assert len(inserts) == 1
    actions = [e.action for e in ledger.evidence()][-4:]
    assert actions == ["erasure.delete", "erasure.delete", "notification.sent", "erasure.apply"]


def test_a_claim_inside_a_transaction_skips_a_duplicate_and_the_rest_commits(
    ledger: Ledger,
) -> None:
    """An erasure claims its plan and puts its first intents on record in one transaction: a
    claim already on record must neither abort that transaction nor be claimed twice."""
    request = new_request(ledger)
    claim = {**ALERT, "target": request}
    with ledger.atomic():
        assert ledger.claim_notification_as(**claim).how == "new"
        ledger.record_evidence(EvidenceInput(action="erasure.intent", count=1, request_id=request))
    with ledger.atomic():
        assert ledger.claim_notification_as(**claim) is None  # fresh: still the first run's
        ledger.record_evidence(EvidenceInput(action="erasure.intent", count=2, request_id=request))
    ledger.release_notification(**claim)
    with ledger.atomic():
        assert ledger.claim_notification_as(**claim).how == "again"
        ledger.record_evidence(EvidenceInput(action="erasure.intent", count=3, request_id=request))
    assert [e.count for e in ledger.evidence(request_id=request)] == [1, 2, 3]
    assert [n.status for n in ledger.notifications(target=request)] == ["claimed"]
