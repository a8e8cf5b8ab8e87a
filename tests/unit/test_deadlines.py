"""Deadline arithmetic (legal.md, Clocks): one calendar month per Reg. 1182/71, in the
organisation's time zone, through month ends, leap years and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from gdpr.deadlines import breach_due_at, extended_due_at, request_due_at
from gdpr.deadlines.alerts import breach_occasion, request_occasion
from gdpr.deadlines.clocks import Clock

PARIS = "Europe/Paris"


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def last_instant(day: str, zone: str) -> datetime:
    """23:59:59.999999 on ``day`` in ``zone``, as UTC."""
    local = datetime.fromisoformat(f"{day}T23:59:59.999999").replace(tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)


REQUEST_CASES = [
    # (received, zone, due day in that zone, why)
    ("2026-01-15T09:00", PARIS, "2026-02-15", "same date next month"),
    ("2026-01-31T10:00", PARIS, "2026-02-28", "31 January -> end of February"),
    ("2024-01-31T10:00", PARIS, "2024-02-29", "leap year: 29 February exists"),
    ("2028-02-29T10:00", PARIS, "2028-03-29", "received on 29 February"),
    ("2026-03-31T10:00", PARIS, "2026-04-30", "31 March -> 30 April"),
    ("2026-05-31T10:00", PARIS, "2026-06-30", "31 May -> 30 June"),
    ("2026-08-31T10:00", PARIS, "2026-09-30", "31 August -> 30 September"),
    ("2026-12-31T10:00", PARIS, "2027-01-31", "year end"),
    ("2026-01-30T10:00", PARIS, "2026-02-28", "30 January -> end of February too"),
    # Received late on 31 January UTC, already 1 February in Paris: the local date counts.
    ("2026-01-31T23:30", PARIS, "2026-03-01", "after midnight in Paris"),
    ("2026-01-31T23:30", "UTC", "2026-02-28", "same instant counted in UTC"),
    # Auckland is 13 hours ahead in January: 12:00 UTC is 1 February there.
    ("2026-01-31T12:00", "Pacific/Auckland", "2026-03-01", "far-east zone"),
    # New York is behind: 02:00 UTC on 1 March is still 28 February there.
    ("2026-03-01T02:00", "America/New_York", "2026-03-28", "far-west zone"),
    # Daylight saving: Paris moves to CEST on 29 March 2026 and back on 25 October 2026.
    ("2026-02-28T12:00", PARIS, "2026-03-28", "due the day before the spring change"),
    ("2026-03-01T12:00", PARIS, "2026-04-01", "received in CET, due in CEST"),
    ("2026-09-29T12:00", PARIS, "2026-10-29", "received in CEST, due in CET"),
    ("2026-02-28T23:30", PARIS, "2026-04-01", "late on 28 Feb UTC is 1 March in Paris"),
]


@pytest.mark.parametrize(
    ("received", "zone", "due_day", "why"), REQUEST_CASES, ids=[c[3] for c in REQUEST_CASES]
)
def test_a_request_is_due_at_the_end_of_the_same_date_next_month(received, zone, due_day, why):
    assert request_due_at(utc(received), zone) == last_instant(due_day, zone)


def test_the_end_of_the_day_follows_daylight_saving():
    # Due 1 April (CEST, UTC+2): midnight Paris is 22:00 UTC; due 28 March (CET): 23:00 UTC.
    assert request_due_at(utc("2026-03-01T12:00"), PARIS) == utc("2026-04-01T21:59:59.999999")
    assert request_due_at(utc("2026-02-28T12:00"), PARIS) == utc("2026-03-28T22:59:59.999999")


EXTENSION_CASES = [
    ("2026-01-15T09:00", "2026-04-15"),
    ("2026-01-31T10:00", "2026-04-28"),  # from the end of the first month (28 Feb), strict reading
    ("2023-12-31T10:00", "2024-03-31"),  # 31 Dec -> 31 Jan -> 31 March
    ("2023-11-30T10:00", "2024-02-29"),  # 30 Nov -> 30 Dec -> 29 Feb (leap year clamp)
    ("2026-11-30T10:00", "2027-02-28"),
]


@pytest.mark.parametrize(("received", "due_day"), EXTENSION_CASES)
def test_an_extension_adds_two_months_to_the_first_month(received, due_day):
    assert extended_due_at(utc(received), PARIS) == last_instant(due_day, PARIS)


def test_a_breach_is_due_72_hours_after_awareness_even_across_a_clock_change():
    aware = utc("2026-03-27T10:00")  # Paris springs forward on 29 March: still 72 real hours
    assert breach_due_at(aware) == utc("2026-03-30T10:00")
    assert breach_due_at(aware.astimezone(ZoneInfo(PARIS))) == utc("2026-03-30T10:00")


def test_a_naive_time_is_refused_rather_than_guessed():
    with pytest.raises(ValueError, match="no time zone"):
        request_due_at(datetime(2026, 1, 31, 10), PARIS)


def _request_clock(due: datetime) -> Clock:
    return Clock("request", "R-2026-000001", "access", due - timedelta(days=30), due)


DUE = last_instant("2026-03-20", PARIS)

OCCASION_CASES = [
    ("2026-03-01T10:00", None),  # 19 days left: nothing yet
    ("2026-03-13T10:00", "due-in-7d"),
    ("2026-03-16T10:00", "due-in-7d"),  # still the same alert: not sent again
    ("2026-03-18T10:00", "due-in-2d"),
    ("2026-03-20T08:00", "due-today"),
    ("2026-03-20T22:30", "due-today"),  # 23:30 in Paris, still the due day
    ("2026-03-20T23:30", "overdue-2026-03-21"),  # past midnight in Paris
    ("2026-03-23T09:00", "overdue-2026-03-23"),  # one alert per day once overdue
]


@pytest.mark.parametrize(("now", "occasion"), OCCASION_CASES)
def test_request_alerts_at_7_days_2_days_on_the_day_then_daily(now, occasion):
    found = request_occasion(_request_clock(DUE), utc(now), PARIS, [7, 2, 0])
    assert (found.name if found else None) == occasion


def test_a_request_taken_late_gets_only_the_latest_threshold():
    found = request_occasion(_request_clock(DUE), utc("2026-03-19T10:00"), PARIS, [7, 2, 0])
    assert found is not None
    assert found.name == "due-in-2d"
    assert not found.overdue


def test_breach_alerts_before_72_hours_then_escalation_then_daily():
    aware = utc("2026-03-02T08:00")
    clock = Clock("breach", "B-2026-000001", "breach", aware, breach_due_at(aware))

    def at(hours: float) -> str | None:
        found = breach_occasion(clock, aware + timedelta(hours=hours), PARIS, [48, 24, 6])
        return found.name if found else None

    assert [at(h) for h in (1, 25, 49, 67, 71.9)] == [
        None,
        "due-in-48h",
        "due-in-24h",
        "due-in-6h",
        "due-in-6h",
    ]
    assert at(72.5) == "escalation"
    assert at(97) == "overdue-day-1"
    assert at(121) == "overdue-day-2"
    escalation = breach_occasion(clock, aware + timedelta(hours=73), PARIS, [48, 24, 6])
    assert escalation.overdue
    assert "reasons for the delay" in escalation.summary
