"""UTC time for the product: the one place that reads the wall clock.

The ledger stores UTC only. Callers pass aware datetimes; a naive one is refused because nothing
says which zone it was in, and guessing wrong moves a legal deadline by hours.

Every capability asks ``utc_now()`` rather than ``datetime.now``, so a test (or a replay) sets
the time once with ``use_clock`` and the whole product, DAG tasks included, runs at that instant:
a deadline, a retention cutoff or a seeded "20 days ago" never depends on the hour the suite runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

__all__ = ["as_utc", "iso_utc", "use_clock", "utc_now"]

Clock = Callable[[], datetime]


def _wall_clock() -> datetime:
    return datetime.now(UTC)


_source: Clock = _wall_clock


def utc_now() -> datetime:
    """The current instant, from the clock in use (the wall clock unless ``use_clock`` set one)."""
    return as_utc(_source())


def use_clock(source: Clock | None) -> Clock:
    """Make ``source`` the product's clock (``None``: the wall clock); returns the previous one."""
    global _source
    previous, _source = _source, source or _wall_clock
    return previous


def as_utc(value: datetime) -> datetime:
    """The same instant in UTC; ``ValueError`` for a naive datetime."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{value.isoformat()} has no time zone: pass an aware datetime (UTC)")
    return value.astimezone(UTC)


def iso_utc(value: datetime) -> str:
    """Fixed-width ``YYYY-MM-DDTHH:MM:SS.ffffffZ``: one spelling per instant, as hashing needs."""
    return as_utc(value).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"
