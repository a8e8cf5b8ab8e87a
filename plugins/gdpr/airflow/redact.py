"""Identities a task reads from the ledger are redacted from everything the task logs.

A task that works for a subject reads their identity from the ledger (forms carry request ids),
so the task knows exactly which values must never reach a log. Each is registered with
Airflow's secrets masker, the filter every task log line, traceback and rendered field goes
through, and is printed as ``***`` from then on: an error message of a connector, a driver or
a library that quotes the value (an address in a bounced mail, a row in a database error)
cannot leak it. The lower-case and stripped spellings are registered too, since systems
store and quote identities in either.
"""

from __future__ import annotations

from collections.abc import Iterable


def hide_identities(values: Iterable[str | None]) -> None:
    from airflow.sdk.log import mask_secret

    for value in values:
        for spelling in {value, (value or "").strip(), (value or "").strip().lower()}:
            if spelling:
                mask_secret(spelling)
