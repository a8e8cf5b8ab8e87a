"""Settings every GDPR DAG shares, so the DagBag policy holds by construction."""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import ExceptionRetryPolicy, RetryAction, RetryRule

from gdpr.airflow.anchor import publish_chain_head

START_DATE = pendulum.datetime(2026, 1, 1, tz="UTC")

# Errors a retry cannot cure: it would redo the same work and log the same error again. A
# refusal (bad input), a constraint the data violates, a table or column the data map names but
# the database lacks, a value the database rejects, a wrong data map, a bug (TypeError). A lost
# connection or an unreachable store is not among them: those are retried.
NOT_RETRYABLE = [
    "gdpr.airflow.refusal.Refusal",
    "gdpr.datamap.errors.DataMapError",
    "sqlalchemy.exc.IntegrityError",
    "sqlalchemy.exc.ProgrammingError",
    "sqlalchemy.exc.DataError",
    "sqlalchemy.exc.NoSuchTableError",
    "builtins.TypeError",
]

DEFAULT_ARGS = {
    "owner": "gdpr",
    "retries": 2,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
    "retry_policy": ExceptionRetryPolicy(
        rules=[
            RetryRule(
                exception=NOT_RETRYABLE,
                action=RetryAction.FAIL,
                reason="a retry would meet the same error",
            )
        ]
    ),
    # every task ends by anchoring the evidence chain head (ledger.anchor in the data map)
    "on_success_callback": publish_chain_head,
    "on_failure_callback": publish_chain_head,
    "on_retry_callback": publish_chain_head,
}


def tags(*extra: str) -> list[str]:
    return ["gdpr", *extra]
