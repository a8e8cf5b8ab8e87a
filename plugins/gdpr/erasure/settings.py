"""Settings of the erasure run read when the DAG is parsed (environment only: no database)."""

from __future__ import annotations

import os
from datetime import timedelta

import isodate

APPROVAL_TIMEOUT_ENV = "GDPR_ERASURE_APPROVAL_TIMEOUT"
DEFAULT_APPROVAL_TIMEOUT = "P7D"
# requests per batch erasure run: the preview lists each, and the plan holds all their keys
MAX_BATCH_SUBJECTS = 5000


def approval_timeout() -> timedelta:
    """How long an erasure waits for approval (ISO 8601 duration); then nothing is erased."""
    value = os.environ.get(APPROVAL_TIMEOUT_ENV) or DEFAULT_APPROVAL_TIMEOUT
    duration = isodate.parse_duration(value)
    if not isinstance(duration, timedelta) or duration <= timedelta(0):
        raise ValueError(
            f"{APPROVAL_TIMEOUT_ENV}={value!r}: give a positive duration in days, hours, minutes "
            "or seconds, e.g. P7D or PT12H"
        )
    return duration
