"""Benchmark: the hourly deadline watch over 100,000 open requests, against the bare read.

``seconds``: ``gdpr.deadlines.watch.watch`` (what the DAG's ``alert`` task does, without
Airflow's scheduling: read every open request and breach, compute each clock, pick the alert
due, skip those already sent) on a PostgreSQL ledger, as in the production stack, holding
``OPEN_REQUESTS`` open requests. Most are quiet (due in more than 7 days); ``DUE_SOON`` are due
in two days, so the first (warm-up) run sends their alerts and the timed runs find them sent,
the watch's steady state between two thresholds. The baseline is the bare ``SELECT`` of the
open requests (every column, fetched), the least any watch must do.

The requests are inserted directly into the ledger table (untimed): the figure is about the
watch, not about how requests arrive (see ``request_intake``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from bench.context import Context
from bench.harness import compare_timings
from bench.results import Budget, Row, finish_section
from bench.retention_purge import drop

NAME = "deadline_watch"
OPEN_REQUESTS = 100_000
DUE_SOON = 100
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
KINDS = ("access", "portability", "erasure", "rectification", "objection", "restriction")
BUDGETS = {"seconds": Budget("<", 2)}
ROWS = [
    Row("seconds", "s", "bare_select_seconds", "ratio_vs_bare_select"),
    Row("requests_watched", "requests"),
    Row("alerts_sent_first_run", "alerts"),
]


@contextmanager
def ledger_on_postgres(ctx: Context, suffix: str) -> Iterator[Any]:
    """A new, migrated ledger database on the bench's PostgreSQL server, dropped afterwards."""
    from gdpr.connections import create_sql_engine
    from gdpr.ledger import Ledger, migrate

    url = ctx.pg.create(suffix)
    engine = create_sql_engine(url)
    try:
        migrate(engine)
        yield Ledger(engine)
    finally:
        engine.dispose()
        drop(ctx.pg, [url])


def seed_open_requests(engine: Any, count: int, due_soon: int) -> None:
    """``count`` open requests straight into the ledger table; ``due_soon`` of them due in 2 days."""
    import sqlalchemy as sa

    from gdpr.ledger import schema

    rows = []
    for n in range(1, count + 1):
        if n <= due_soon:
            received = NOW - timedelta(days=29)
        else:  # received 0 to 20 days ago: due in more than 7 days, no alert
            received = NOW - timedelta(days=n % 21, minutes=n % 1440)
        rows.append(
            {
                "request_id": f"R-2026-{n:06d}",
                "kind": KINDS[n % len(KINDS)],
                "status": "open",
                "subject_email": f"subject{n}@example.org",
                "channel": "bench",
                "external_ref": str(n),
                "received_at": received,
                "due_at": received + timedelta(days=31),
                "created_at": received,
                "updated_at": received,
            }
        )
    with engine.begin() as conn:
        for start in range(0, len(rows), 10_000):
            conn.execute(sa.insert(schema.requests), rows[start : start + 10_000])
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("VACUUM (ANALYZE)"))


def run(ctx: Context) -> dict[str, Any]:
    import sqlalchemy as sa

    from gdpr.deadlines.watch import watch
    from gdpr.ledger import OPEN_REQUEST_STATUSES, schema

    count = int(os.environ.get("GDPR_BENCH_OPEN_REQUESTS", OPEN_REQUESTS))
    datamap = ctx.datamap
    with ledger_on_postgres(ctx, "dw_ledger") as ledger:
        engine = ledger._engine
        seed_open_requests(engine, count, DUE_SOON)
        sent: list[Any] = []
        outcomes: list[Any] = []

        def product() -> None:
            outcomes.append(watch(ledger, datamap, NOW, sent.append))

        req = schema.requests
        bare = sa.select(req).where(req.c.status.in_(sorted(OPEN_REQUEST_STATUSES)))

        def bare_select() -> None:
            with engine.connect() as conn:
                conn.execute(bare).fetchall()

        timings = compare_timings(
            {"product": product, "bare": bare_select}, repeat=ctx.repeat, warmup=1
        )
    first, last = outcomes[0], outcomes[-1]
    if first.requests != count or first.sent < DUE_SOON or last.sent != 0:
        raise RuntimeError(
            f"the watch saw {first.requests} of {count} requests and sent {first.sent} alerts "
            f"first ({DUE_SOON} expected at least), then {last.sent} (0 expected)"
        )
    figures: dict[str, Any] = {
        "open_requests": count,
        "requests_watched": last.requests,
        "alerts_sent_first_run": first.sent,
        "alerts_already_sent_per_run": last.already_sent,
        "seconds": timings["product"].median,
        "best_seconds": timings["product"].best,
        "bare_select_seconds": timings["bare"].median,
        "load_average_1m_after": os.getloadavg()[0],
        "notes": [
            f"seconds: gdpr.deadlines.watch.watch on {count} open requests in a PostgreSQL"
            f" ledger (as in production), median of {ctx.repeat} runs after one warm-up; the"
            f" warm-up sends the alerts of the {DUE_SOON} requests due in 2 days, the timed"
            " runs find them sent (the steady state)",
            "bare_select_*: SELECT every column of the open requests, fetched; no clock, no alert",
            "requests inserted directly into the ledger (untimed); GDPR_BENCH_OPEN_REQUESTS"
            " overrides the count",
        ],
    }
    return finish_section(figures, ROWS, BUDGETS)
