"""The deadline watch: compute every running clock, send the alerts due, each exactly once.

Sending goes through a callable the caller provides (Airflow notifiers in the DAG, a list in a
test), so this module stays free of Airflow. For each alert the ledger is claimed first; a send
that fails releases the claim so the next run tries again, and a claim already sent is skipped
without a database round trip (the sent set is read once per run).

Most open requests are quiet on a given hour (weeks from their first threshold): the ledger
picks out the ones near or past their deadline in one query, so an hourly run costs a count and
a short read however many requests are open, instead of a clock computed for each.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from gdpr.datamap.models import DataMap
from gdpr.deadlines.alerts import Occasion, breach_occasion, request_occasion
from gdpr.deadlines.calendar import WorkingDays
from gdpr.deadlines.clocks import Clock, breach_clock, identity_pause, request_clock
from gdpr.ledger import EvidenceInput, Ledger, RequestRecord
from gdpr.ledger.clock import as_utc

log = logging.getLogger(__name__)
_ZERO = timedelta(0)

EMAIL = "email"
WEBHOOK = "webhook"


@dataclass(frozen=True)
class Alert:
    """What is sent: ids, kinds and dates only, never the subject's identity."""

    clock: Clock
    occasion: Occasion
    channel: str
    recipient: str

    @property
    def title(self) -> str:
        what = (
            "Breach" if self.clock.topic == "breach" else f"{self.clock.kind.capitalize()} request"
        )
        state = "OVERDUE" if self.occasion.overdue else "deadline"
        return f"[GDPR] {what} {self.clock.target}: {state}, {self.occasion.summary}"

    def as_dict(self) -> dict:
        return {
            "topic": self.clock.topic,
            "target": self.clock.target,
            "kind": self.clock.kind,
            "occasion": self.occasion.name,
            "overdue": self.occasion.overdue,
            "due_at": self.clock.due_at.isoformat(),
            "summary": self.occasion.summary,
            "citation": self.clock.citation,
            **({"moved_from": self.clock.moved_from.isoformat()} if self.clock.moved_from else {}),
        }


@dataclass
class WatchOutcome:
    requests: int = 0
    breaches: int = 0
    overdue: int = 0
    sent: int = 0
    failed: int = 0
    already_sent: int = 0

    def as_dict(self) -> dict:
        return {
            "requests": self.requests,
            "breaches": self.breaches,
            "overdue": self.overdue,
            "sent": self.sent,
            "failed": self.failed,
            "already_sent": self.already_sent,
        }


def running_clocks(ledger: Ledger, datamap: DataMap, now: datetime) -> list[Clock]:
    """Every open request's and breach's clock, the one with least time left first."""
    return _clocks(ledger, datamap, now, ledger.open_requests())


def alerting_clocks(ledger: Ledger, datamap: DataMap, now: datetime) -> list[Clock]:
    """The clocks that may call for an alert now: every breach, and the requests due within the
    largest request threshold (plus two days of slack for time zones and daylight saving).

    An identity-check pause and the working-day shift only move a deadline later, so a request
    whose recorded deadline is beyond the window is quiet whatever its pause or shift; those
    inside get their exact clock.
    """
    window = max(datamap.alerts.days_before, default=0) + 2
    near = ledger.open_requests_due_by(as_utc(now) + timedelta(days=window))
    return _clocks(ledger, datamap, now, near)


def working_days(datamap: DataMap) -> WorkingDays | None:
    """The Reg. 1182/71 Art. 3(4) shift the map turns on (``alerts.working_day_shift``), or None."""
    alerts = datamap.alerts
    if not alerts.working_day_shift:
        return None
    return WorkingDays(datamap.organisation.timezone, alerts.public_holidays)


def _clocks(
    ledger: Ledger, datamap: DataMap, now: datetime, requests: list[RequestRecord]
) -> list[Clock]:
    pause = datamap.alerts.identity_check_pause
    shift = working_days(datamap)
    clocks = [
        request_clock(
            record,
            identity_pause(ledger.request_events(record.request_id), now) if pause else _ZERO,
            shift,
        )
        for record in requests
    ]
    clocks += [c for c in map(breach_clock, ledger.open_breaches()) if c is not None]
    return sorted(clocks, key=lambda c: (c.due_at, c.target))


def recipients(datamap: DataMap, occasion: Occasion) -> list[tuple[str, str]]:
    alerts = datamap.alerts
    emails = list(alerts.recipients or [datamap.organisation.dpo.email])
    if occasion.overdue:
        emails += [e for e in alerts.escalation_recipients if e not in emails]
    targets = [(EMAIL, address) for address in emails]
    if alerts.webhook_conn_id:
        targets.append((WEBHOOK, alerts.webhook_conn_id))
    return targets


def watch(
    ledger: Ledger,
    datamap: DataMap,
    now: datetime,
    send: Callable[[Alert], None],
    *,
    run_pk: int | None = None,
) -> WatchOutcome:
    """Alert on every clock that crossed a threshold; returns counts."""
    settings, timezone = datamap.alerts, datamap.organisation.timezone
    clocks = alerting_clocks(ledger, datamap, now)
    outcome = WatchOutcome(requests=ledger.count_open_requests())
    sent = {  # the watch's own topics: other notifications (e.g. intake replies) may be many
        (n.topic, n.target, n.occasion, n.channel, n.recipient)
        for topic in ("request", "breach")
        for n in ledger.notifications(topic=topic)
        if n.status == "sent"
    }
    for clock in clocks:
        if clock.topic == "request":
            occasion = request_occasion(clock, now, timezone, settings.days_before)
        else:
            outcome.breaches += 1
            occasion = breach_occasion(clock, now, timezone, settings.breach_hours_before)
        if occasion is None:
            continue
        outcome.overdue += occasion.overdue
        for channel, recipient in recipients(datamap, occasion):
            key = (clock.topic, clock.target, occasion.name, channel, recipient)
            if key in sent:
                outcome.already_sent += 1
                continue
            _deliver(ledger, Alert(clock, occasion, channel, recipient), send, outcome, run_pk)
    log.info(
        "%d requests and %d breaches watched: %d overdue, %d alerts sent, %d failed, %d sent before",
        outcome.requests,
        outcome.breaches,
        outcome.overdue,
        outcome.sent,
        outcome.failed,
        outcome.already_sent,
    )
    return outcome


def _deliver(
    ledger: Ledger,
    alert: Alert,
    send: Callable[[Alert], None],
    outcome: WatchOutcome,
    run_pk: int | None,
) -> None:
    claim = {
        "topic": alert.clock.topic,
        "target": alert.clock.target,
        "occasion": alert.occasion.name,
        "channel": alert.channel,
        "recipient": alert.recipient,
    }
    if not ledger.claim_notification(**claim, detail=alert.as_dict()):
        outcome.already_sent += 1
        return
    try:
        send(alert)
    except Exception as exc:  # any transport error: release so the next run retries
        ledger.release_notification(**claim)
        outcome.failed += 1
        log.warning(
            "%s alert %s for %s via %s failed (%s); retried next run",
            alert.clock.topic,
            alert.occasion.name,
            alert.clock.target,
            alert.channel,
            type(exc).__name__,
        )
        return
    ledger.mark_notification_sent(**claim)
    outcome.sent += 1
    if alert.clock.topic == "breach" and alert.occasion.name == "escalation":
        _record_escalation(ledger, alert.clock, run_pk)


def _record_escalation(ledger: Ledger, clock: Clock, run_pk: int | None) -> None:
    """Evidence that the 72 hours passed, written once whatever the number of recipients."""
    once = {
        "topic": "breach",
        "target": clock.target,
        "occasion": "escalation",
        "channel": "ledger",
        "recipient": "evidence",
    }
    if not ledger.claim_notification(**once):
        return
    ledger.record_evidence(
        EvidenceInput(
            action="breach.escalation",
            count=1,
            detail={
                "breach_id": clock.target,
                "due_at": clock.due_at.isoformat(),
                "demand": "notify the authority now and record the reasons for the delay",
            },
            run_pk=run_pk,
            citation="Art. 33(1) GDPR",
        )
    )
    ledger.mark_notification_sent(**once)
