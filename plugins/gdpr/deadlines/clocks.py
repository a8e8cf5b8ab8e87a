"""Where each legal clock stands: the deadline that applies now and the time left.

A request's clock is its recorded due date (one calendar month, or three once extended), moved
by the time spent waiting for the subject to prove their identity when the organisation has
turned that pause on (legal.md: off by default, since most authorities do not accept it), then
moved to the end of the next working day when it falls on a weekend or a public holiday and the
organisation has turned Reg. 1182/71 Art. 3(4) on (off by default). The clock keeps the date it
was moved from, so the board and the alerts can say why the deadline is later. A
breach's clock is the 72 hours of Art. 33(1), and stops when the authority has been notified.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from gdpr.deadlines.calendar import WORKING_DAY_CITATION, WorkingDays, breach_due_at
from gdpr.ledger.clock import as_utc
from gdpr.ledger.records import BreachRecord, RequestEventRecord, RequestRecord

# Request events that open and close an identity-check pause.
IDENTITY_CHECK_REQUESTED = "identity_check_requested"
IDENTITY_CHECK_ANSWERED = "identity_check_answered"


@dataclass(frozen=True)
class Clock:
    """One running legal clock, with only ids and dates: safe to log, alert and publish."""

    topic: str  # "request" or "breach"
    target: str  # the request or breach id
    kind: str  # the request kind, or "breach"
    started_at: datetime  # receipt of the request, or awareness of the breach
    due_at: datetime
    extended: bool = False
    paused: timedelta = timedelta(0)
    high_risk: bool = False
    citation: str = "Art. 12(3) GDPR"
    moved_from: datetime | None = None  # the deadline before the working-day shift, if moved

    def time_left(self, now: datetime) -> timedelta:
        return self.due_at - as_utc(now)

    def overdue(self, now: datetime) -> bool:
        return as_utc(now) > self.due_at


def identity_pause(events: Iterable[RequestEventRecord], now: datetime) -> timedelta:
    """Total time spent waiting for the subject's answer to identity checks (a pause still open
    counts up to ``now``)."""
    total, opened = timedelta(0), None
    for event in sorted(events, key=lambda e: (e.at, e.id)):
        if event.kind == IDENTITY_CHECK_REQUESTED and opened is None:
            opened = as_utc(event.at)
        elif event.kind == IDENTITY_CHECK_ANSWERED and opened is not None:
            total += as_utc(event.at) - opened
            opened = None
    if opened is not None:
        total += max(as_utc(now) - opened, timedelta(0))
    return total


def request_clock(
    record: RequestRecord,
    paused: timedelta = timedelta(0),
    working_days: WorkingDays | None = None,
) -> Clock:
    """``working_days`` None: the deadline is not moved off weekends and holidays (strict)."""
    due = as_utc(record.effective_due_at) + paused
    moved = working_days.period_end(due) if working_days else due
    return Clock(
        topic="request",
        target=record.request_id,
        kind=record.kind,
        started_at=as_utc(record.received_at),
        due_at=moved,
        extended=record.extended_due_at is not None,
        paused=paused,
        citation=f"Art. 12(3) GDPR; {WORKING_DAY_CITATION}" if moved != due else "Art. 12(3) GDPR",
        moved_from=due if moved != due else None,
    )


def breach_clock(record: BreachRecord) -> Clock | None:
    """The Art. 33(1) clock, or None once the authority has been notified."""
    if record.authority_notified_at is not None:
        return None
    return Clock(
        topic="breach",
        target=record.breach_id,
        kind="breach",
        started_at=as_utc(record.aware_at),
        due_at=breach_due_at(record.aware_at),
        high_risk=record.high_risk,
        citation="Art. 33(1) GDPR",
    )
