"""UTC time for the ledger.

The ledger stores UTC only. Callers pass aware datetimes; a naive one is refused because nothing
says which zone it was in, and guessing wrong moves a legal deadline by hours.
"""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["as_utc", "iso_utc", "utc_now"]


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """The same instant in UTC; ``ValueError`` for a naive datetime."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{value.isoformat()} has no time zone: pass an aware datetime (UTC)")
    return value.astimezone(UTC)


def iso_utc(value: datetime) -> str:
    """Fixed-width ``YYYY-MM-DDTHH:MM:SS.ffffffZ``: one spelling per instant, as hashing needs."""
    return as_utc(value).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"
