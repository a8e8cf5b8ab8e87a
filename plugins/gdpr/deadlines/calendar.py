"""Deadline arithmetic in the organisation's time zone.

Art. 12(3) gives one calendar month from receipt, counted as Regulation 1182/71 counts periods
in months: the period ends with the last hour of the day, in the following month, that has the
same date as the day of receipt, or of the last day of that month when the date does not exist
(received 31 January, due at the end of 28 or 29 February). "One month" is therefore neither
30 days nor a fixed number of hours, and depends on the zone the organisation counts days in.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from gdpr.ledger.clock import as_utc

BREACH_NOTIFICATION_DELAY = timedelta(hours=72)  # Art. 33(1), from awareness


def _end_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The last instant of ``day`` in ``zone`` (in UTC): the deadline is met until midnight."""
    next_midnight = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return as_utc(next_midnight) - timedelta(microseconds=1)


def _local_day(instant: datetime, zone: ZoneInfo) -> date:
    return as_utc(instant).astimezone(zone).date()


def request_due_at(received_at: datetime, timezone: str) -> datetime:
    """When a subject request received at ``received_at`` must be answered (Art. 12(3)).

    ``relativedelta`` clamps to the last day of a shorter month, as Reg. 1182/71 requires.
    """
    zone = ZoneInfo(timezone)
    return _end_of_day(_local_day(received_at, zone) + relativedelta(months=1), zone)


def extended_due_at(received_at: datetime, timezone: str) -> datetime:
    """The deadline once extended "by two further months" (Art. 12(3)).

    Counted from the end of the first month, not from receipt: for a request received on
    31 January that gives 28 April rather than 30 April, the stricter reading (legal.md: the
    strict reading is the default where guidance differs).
    """
    zone = ZoneInfo(timezone)
    first_month_ends = _local_day(received_at, zone) + relativedelta(months=1)
    return _end_of_day(first_month_ends + relativedelta(months=2), zone)


def breach_due_at(aware_at: datetime) -> datetime:
    """When the supervisory authority must have been notified of a breach (Art. 33(1))."""
    return as_utc(aware_at) + BREACH_NOTIFICATION_DELAY
