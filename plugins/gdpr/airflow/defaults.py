"""Settings every GDPR DAG shares, so the DagBag policy holds by construction."""

from __future__ import annotations

from datetime import timedelta

import pendulum

START_DATE = pendulum.datetime(2026, 1, 1, tz="UTC")

DEFAULT_ARGS = {
    "owner": "gdpr",
    "retries": 2,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
}


def tags(*extra: str) -> list[str]:
    return ["gdpr", *extra]
