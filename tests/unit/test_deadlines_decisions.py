"""The DPO's decisions and the watch's exactly-once alerts, on a real (SQLite) ledger."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gdpr.connections import create_sql_engine
from gdpr.deadlines import request_due_at
from gdpr.deadlines.decisions import DecisionError, ExtensionRefused, decide
from gdpr.deadlines.watch import watch
from gdpr.ledger import Ledger, migrate

PARIS = "Europe/Paris"
RECEIVED = datetime(2026, 1, 31, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def ledger(sqlite_url):
    engine = create_sql_engine(sqlite_url)
    migrate(engine)
    yield Ledger(engine, clock=Clock(RECEIVED))
    engine.dispose()


def _request(ledger: Ledger, received: datetime = RECEIVED, ref: str = "T-1") -> str:
    return ledger.create_request(
        kind="access",
        subject_email="someone@example.org",
        received_at=received,
        due_at=request_due_at(received, PARIS),
        channel="test",
        external_ref=ref,
    ).request_id


def test_an_extension_within_the_first_month_gives_three_months_with_its_reason(ledger):
    rid = _request(ledger)
    now = datetime(2026, 2, 27, 12, tzinfo=UTC)
    record = decide(ledger, rid, "extend", "Complex request", timezone=PARIS, now=now, actor="dpo")
    assert record.status == "extended"
    assert record.extension_reason == "Complex request"
    # 31 January -> 28 February -> 28 April, end of day in Paris (CEST).
    assert record.extended_due_at == datetime(2026, 4, 28, 21, 59, 59, 999999, tzinfo=UTC)
    events = ledger.request_events(rid)
    assert [e.kind for e in events] == ["extended"]
    assert events[0].detail["reason"] == "Complex request"


def test_an_extension_after_the_first_month_is_refused_and_nothing_changes(ledger):
    rid = _request(ledger)
    late = datetime(2026, 3, 1, 8, tzinfo=UTC)  # the first month ended at the end of 28 February
    with pytest.raises(ExtensionRefused, match=r"first month .* ended on 2026-02-28"):
        decide(ledger, rid, "extend", "Too many requests", timezone=PARIS, now=late, actor="dpo")
    record = ledger.get_request(rid)
    assert record.status == "open"
    assert record.extended_due_at is None
    assert ledger.request_events(rid) == []


def test_a_second_extension_is_refused(ledger):
    rid = _request(ledger)
    now = datetime(2026, 2, 10, tzinfo=UTC)
    decide(ledger, rid, "extend", "Complex request", timezone=PARIS, now=now, actor="dpo")
    with pytest.raises(ExtensionRefused, match="already extended"):
        decide(ledger, rid, "extend", "Still complex", timezone=PARIS, now=now, actor="dpo")


def test_refuse_and_close_need_a_reason_and_end_the_clock(ledger):
    refused, closed = _request(ledger, ref="T-1"), _request(ledger, ref="T-2")
    now = datetime(2026, 2, 10, tzinfo=UTC)
    with pytest.raises(DecisionError, match="reason is required"):
        decide(ledger, refused, "refuse", "  ", timezone=PARIS, now=now, actor="dpo")
    decide(ledger, refused, "refuse", "Manifestly unfounded", timezone=PARIS, now=now, actor="dpo")
    decide(ledger, closed, "close", "Package sent", timezone=PARIS, now=now, actor="dpo")
    assert ledger.get_request(refused).status == "refused"
    assert ledger.get_request(refused).close_reason == "Manifestly unfounded"
    assert ledger.get_request(closed).status == "completed"
    assert ledger.open_requests() == []
    with pytest.raises(DecisionError, match="already completed"):
        decide(ledger, closed, "extend", "Complex", timezone=PARIS, now=now, actor="dpo")


def test_each_alert_is_sent_once_across_runs_and_a_failed_send_is_retried(ledger, datamap):
    rid = _request(ledger)
    sent: list[tuple[str, str, str]] = []
    broken = {"on": True}

    def send(alert):
        if alert.channel == "email" and broken["on"] and alert.occasion.name == "due-in-2d":
            raise ConnectionError("smtp down")
        sent.append((alert.clock.target, alert.occasion.name, alert.recipient))

    dpo = datamap.organisation.dpo.email
    day = datetime(2026, 2, 21, 10, tzinfo=UTC)  # 7 days before 28 February
    for _ in range(3):
        watch(ledger, datamap, day, send)
    assert sent == [(rid, "due-in-7d", dpo)]
    two_days = datetime(2026, 2, 26, 10, tzinfo=UTC)
    first = watch(ledger, datamap, two_days, send)
    assert first.failed == 1
    assert len(sent) == 1
    broken["on"] = False
    watch(ledger, datamap, two_days, send)
    watch(ledger, datamap, two_days, send)
    assert sent[-1] == (rid, "due-in-2d", dpo)
    assert len(sent) == 2
    overdue = datetime(2026, 3, 2, 10, tzinfo=UTC)
    watch(ledger, datamap, overdue, send)
    watch(ledger, datamap, overdue + timedelta(hours=1), send)
    escalation = datamap.alerts.escalation_recipients
    assert sent[2:] == [(rid, "overdue-2026-03-02", a) for a in [dpo, *escalation]]
    sent_rows = [n for n in ledger.notifications(target=rid) if n.status == "sent"]
    assert len(sent_rows) == len(sent)
