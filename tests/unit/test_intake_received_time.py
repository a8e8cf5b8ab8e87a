"""A ticket's creation time starts the legal clock, whatever type the driver hands back."""

from datetime import UTC, datetime, timedelta, timezone

from gdpr.intake.take import _utc


def test_naive_times_and_sqlite_text_are_read_as_utc() -> None:
    expected = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)
    assert _utc(datetime(2026, 1, 31, 23, 30)) == expected
    assert _utc("2026-01-31 23:30:00.000000") == expected  # SQLite returns untyped text
    paris = datetime(2026, 2, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))
    assert _utc(paris) == expected
