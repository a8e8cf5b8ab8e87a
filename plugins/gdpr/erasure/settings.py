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


APPROVERS_ENV = "GDPR_APPROVERS"
FOUR_EYES_ENV = "GDPR_FOUR_EYES"


def approvers() -> list[str]:
    """Who may answer an erasure or breach approval (user ids of Airflow's auth manager, e.g.
    the user names of the simple auth manager), from ``GDPR_APPROVERS`` (comma-separated).
    Empty: anyone Airflow lets answer the task (with FAB, give its DPO role the HITL permission)."""
    return [name.strip() for name in os.environ.get(APPROVERS_ENV, "").split(",") if name.strip()]


def four_eyes() -> bool:
    """Whether the person who asked for a run may not approve it (``GDPR_FOUR_EYES``, default on)."""
    value = os.environ.get(FOUR_EYES_ENV, "true").strip().lower()
    if value not in {"true", "false", "1", "0", "yes", "no", "on", "off"}:
        raise ValueError(f"{FOUR_EYES_ENV}={value!r}: give true or false")
    return value in {"true", "1", "yes", "on"}
