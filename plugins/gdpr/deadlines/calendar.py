"""Deadline arithmetic in the organisation's time zone.

Art. 12(3) gives one calendar month from receipt, counted as Regulation 1182/71 counts periods
in months: the period ends with the last hour of the day, in the following month, that has the
same date as the day of receipt, or of the last day of that month when the date does not exist
(received 31 January, due at the end of 28 or 29 February). "One month" is therefore neither
30 days nor a fixed number of hours, and depends on the zone the organisation counts days in.

Two readings are settings of the data map (``alerts``), each with the strict default (legal.md,
Clocks): where an extended period ends, and whether a period ending on a weekend or a public
holiday moves to the next working day (Reg. 1182/71 Art. 3(4)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

import holidays
from dateutil.relativedelta import relativedelta

from gdpr.datamap.models import ExtensionEnd
from gdpr.ledger.clock import as_utc

BREACH_NOTIFICATION_DELAY = timedelta(hours=72)  # Art. 33(1), from awareness

WORKING_DAY_CITATION = "Reg. 1182/71 Art. 3(4)"


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


def extended_due_at(
    received_at: datetime, timezone: str, reading: ExtensionEnd = "earlier"
) -> datetime:
    """The deadline once extended "by two further months" (Art. 12(3)).

    Readings differ (legal.md, Clocks): two months after the end of the first month (received
    31 January: 28 February, then 28 April) or three months from receipt (30 April). The
    default takes the earlier of the two, as the strict reading is the default where guidance
    differs; month-end clamping only ever shortens, so that is never later than either.
    """
    zone = ZoneInfo(timezone)
    received = _local_day(received_at, zone)
    from_receipt = received + relativedelta(months=3)
    if reading == "three_months_from_receipt":
        return _end_of_day(from_receipt, zone)
    after_first_month = received + relativedelta(months=1) + relativedelta(months=2)
    return _end_of_day(min(after_first_month, from_receipt), zone)


@dataclass(frozen=True)
class WorkingDays:
    """Reg. 1182/71 Art. 3(4): a period whose last day is a Saturday, a Sunday or a public
    holiday ends with the last hour of the following working day. Off by default (legal.md:
    authorities rarely rely on it); turned on, the public holidays are those of ``country``
    (ISO 3166-1 alpha-2) as the ``holidays`` library keeps them, Ascension and Whit Monday
    included."""

    timezone: str
    country: str = "FR"

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        return holidays.country_holidays(self.country)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def period_end(self, due_at: datetime) -> datetime:
        """``due_at`` itself on a working day, otherwise the end of the next working day."""
        zone = ZoneInfo(self.timezone)
        day = _local_day(due_at, zone)
        if self.is_working_day(day):
            return as_utc(due_at)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return _end_of_day(day, zone)


def breach_due_at(aware_at: datetime) -> datetime:
    """When the supervisory authority must have been notified of a breach (Art. 33(1))."""
    return as_utc(aware_at) + BREACH_NOTIFICATION_DELAY
