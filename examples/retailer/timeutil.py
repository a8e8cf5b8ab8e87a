"""Date arithmetic relative to the seed's ``today``, so the same seed gives the same rows."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta


def midnight(day: date) -> datetime:
    """The reference instant of a seed: naive UTC midnight of ``today``; all data is before it."""
    return datetime.combine(day, time())


def years_before(day: date, years: int) -> date:
    """Same calendar date ``years`` earlier; 29 February becomes 28 February (Reg. 1182/71 style)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def days_ago(today: date, days: int, hour: int = 10, minute: int = 0) -> datetime:
    """A timestamp ``days`` before ``today`` at a fixed time of day."""
    return datetime.combine(today - timedelta(days=days), time(hour, minute))


def fiscal_year_end(issued: datetime) -> date:
    """The demo company closes its books on 31 December."""
    return date(issued.year, 12, 31)
