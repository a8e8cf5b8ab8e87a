"""Which alert a clock calls for now, named so that each is sent once.

An alert is identified by its *occasion*: ``due-in-7d``, ``due-today``, ``overdue-2026-03-02``...
The ledger's notification claims make each (clock, occasion, channel, recipient) go out once,
however often the watch runs. Only the most recent threshold crossed is due: a request taken in
two days before its deadline gets the 2-day alert, not a burst of the 7-day one as well. Once
overdue, one alert per day (in the organisation's time zone) until the clock stops.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from gdpr.deadlines.calendar import WORKING_DAY_CITATION
from gdpr.deadlines.clocks import Clock
from gdpr.ledger.clock import as_utc


@dataclass(frozen=True)
class Occasion:
    name: str
    overdue: bool
    summary: str


def request_occasion(
    clock: Clock, now: datetime, timezone: str, days_before: Sequence[int]
) -> Occasion | None:
    zone = ZoneInfo(timezone)
    today = as_utc(now).astimezone(zone).date()
    moved = f" ({moved_note(clock, zone)})" if clock.moved_from else ""
    if clock.overdue(now):
        return Occasion(
            f"overdue-{today.isoformat()}",
            True,
            f"overdue since {_local(clock.due_at, zone)}{moved}",
        )
    days_left = (clock.due_at.astimezone(zone).date() - today).days
    crossed = [n for n in days_before if days_left <= n]
    if not crossed:
        return None
    threshold = min(crossed)
    if threshold == 0:
        return Occasion("due-today", False, f"due today ({_local(clock.due_at, zone)}){moved}")
    return Occasion(
        f"due-in-{threshold}d",
        False,
        f"due in {days_left} day(s), on {_local(clock.due_at, zone)}{moved}",
    )


def moved_note(clock: Clock, zone: ZoneInfo) -> str:
    """Why a deadline is later than the calendar month: empty unless the working-day shift
    moved it."""
    if clock.moved_from is None:
        return ""
    day = as_utc(clock.moved_from).astimezone(zone)
    return f"moved from {day:%a %Y-%m-%d}, not a working day: {WORKING_DAY_CITATION}"


def breach_occasion(
    clock: Clock, now: datetime, timezone: str, hours_before: Sequence[int]
) -> Occasion | None:
    zone = ZoneInfo(timezone)
    if clock.overdue(now):
        late = as_utc(now) - clock.due_at
        # The first overdue day is the escalation: the record now demands reasons for the delay.
        name = "escalation" if late < timedelta(days=1) else f"overdue-day-{late.days}"
        return Occasion(
            name,
            True,
            f"72 hours passed at {_local(clock.due_at, zone)} without notifying the authority: "
            "notify now and record the reasons for the delay (Art. 33(1))",
        )
    left = clock.time_left(now)
    crossed = [n for n in hours_before if left <= timedelta(hours=n)]
    if not crossed:
        return None
    threshold = min(crossed)
    return Occasion(
        f"due-in-{threshold}h",
        False,
        f"notify the authority within {_hours(left)} (by {_local(clock.due_at, zone)})",
    )


def _local(instant: datetime, zone: ZoneInfo) -> str:
    return as_utc(instant).astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def _hours(left: timedelta) -> str:
    hours, rest = divmod(int(left.total_seconds()), 3600)
    return f"{hours} h {rest // 60:02d} min"
