"""Benchmark: the hourly deadline watch over 100,000 open requests, against the bare read.

``seconds``: ``gdpr.deadlines.watch.watch`` (what the DAG's ``alert`` task does, without
Airflow's scheduling: read every open request and breach, compute each clock, pick the alert
due, skip those already sent) on a PostgreSQL ledger, as in the production stack, holding
``OPEN_REQUESTS`` open requests. Most are quiet (due in more than 7 days); ``DUE_SOON`` are due
in two days, so the first (warm-up) run sends their alerts and the timed runs find them sent,
the watch's steady state between two thresholds.

The baseline (``hand_watch``) is the same watch written by hand, like for like: what an engineer
who knows PostgreSQL writes for an hourly job over many quiet requests. On a copy of the ledger
(``CREATE DATABASE ... TEMPLATE``, taken after the warm-up, so the same requests and sent
alerts) it adds the index such a job wants, a partial expression index on the effective
deadline of the open requests, and then sends four statements: the count of open requests, the
open requests due within the largest threshold plus two days (an index range scan), the sent
alerts of those requests, and the open breaches. It computes the threshold each due request
crossed and skips those already alerted. No identity-check pause, working-day shift or sending:
the demo's map turns the first two off and the timed runs send nothing.

The requests are inserted directly into the ledger table (untimed): the figure is about the
watch, not about how requests arrive (see ``request_intake``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bench.context import Context
from bench.harness import compare_timings
from bench.results import Budget, Row, finish_section, note_load
from bench.retention_purge import clone, drop

NAME = "deadline_watch"
OPEN_REQUESTS = 100_000
DUE_SOON = 100
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
KINDS = ("access", "portability", "erasure", "rectification", "objection", "restriction")
BUDGETS = {"seconds": Budget("<", 2)}
ROWS = [
    Row("seconds", "s", "hand_watch_seconds", "ratio_vs_hand_watch"),
    Row("seconds_with_due_index", "s", "hand_watch_seconds", "ratio_with_due_index_vs_hand_watch"),
    Row("bare_select_seconds", "s", "seconds", "bare_select_vs_product"),  # the old strawman
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


def ledger_url(engine: Any) -> str:
    return engine.url.render_as_string(hide_password=False)


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


OPEN = ("open", "extended")  # gdpr.ledger.OPEN_REQUEST_STATUSES (checked in run)
DUE_INDEX = (
    "CREATE INDEX hand_watch_due ON ledger_requests (coalesce(extended_due_at, due_at))"
    " WHERE status IN ('open', 'extended')"
)
HAND_SQL = {
    "count": "SELECT count(*) FROM ledger_requests WHERE status IN ('open', 'extended')",
    "due": "SELECT request_id, coalesce(extended_due_at, due_at) FROM ledger_requests"
    " WHERE status IN ('open', 'extended') AND coalesce(extended_due_at, due_at) <= %(horizon)s"
    " ORDER BY 2",
    "sent": "SELECT target, occasion FROM ledger_notifications"
    " WHERE topic = 'request' AND status = 'sent' AND target = ANY(%(ids)s)",
    "breaches": "SELECT breach_id, aware_at FROM ledger_breaches WHERE status = 'open'",
}


def hand_watch(
    connection: Any, now: datetime, days_before: Sequence[int], timezone: str
) -> dict[str, int]:
    """The watch by hand (see the module docstring): counts of open requests, requests due an
    alert, and of those the ones already alerted."""
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone).date()
    horizon = now + timedelta(days=max(days_before, default=0) + 2)
    with connection.cursor() as cursor:
        cursor.execute(HAND_SQL["count"])
        (requests,) = cursor.fetchone()
        cursor.execute(HAND_SQL["due"], {"horizon": horizon})
        due = cursor.fetchall()
        cursor.execute(HAND_SQL["sent"], {"ids": [request_id for request_id, _ in due]})
        sent = set(cursor.fetchall())
        cursor.execute(HAND_SQL["breaches"])
        cursor.fetchall()  # none open in the benchmark; a real watch alerts on them too
    alerting = already = 0
    for request_id, due_at in due:
        if due_at <= now:
            occasion = f"overdue-{today.isoformat()}"
        else:
            days_left = (due_at.astimezone(zone).date() - today).days
            crossed = [n for n in days_before if days_left <= n]
            if not crossed:
                continue
            threshold = min(crossed)
            occasion = "due-today" if threshold == 0 else f"due-in-{threshold}d"
        alerting += 1
        already += (request_id, occasion) in sent
    return {"requests": requests, "alerting": alerting, "already_sent": already}


def run(ctx: Context) -> dict[str, Any]:
    import psycopg2
    import sqlalchemy as sa

    from gdpr.connections import create_sql_engine
    from gdpr.deadlines.watch import watch
    from gdpr.ledger import OPEN_REQUEST_STATUSES, Ledger, schema

    if set(OPEN) != set(OPEN_REQUEST_STATUSES):
        raise RuntimeError(f"open statuses are now {sorted(OPEN_REQUEST_STATUSES)}: update bench")
    count = int(os.environ.get("GDPR_BENCH_OPEN_REQUESTS", OPEN_REQUESTS))
    datamap = ctx.datamap
    alerts = datamap.alerts
    if alerts.identity_check_pause or alerts.working_day_shift:
        raise RuntimeError("the hand-written watch has no identity pause or working-day shift")
    with ledger_on_postgres(ctx, "dw_ledger") as ledger:
        engine = ledger._engine
        seed_open_requests(engine, count, DUE_SOON)
        sent: list[Any] = []
        outcomes: list[Any] = []
        first = watch(ledger, datamap, NOW, sent.append)  # sends the alerts due
        engine.dispose()  # the copy needs the source without sessions
        copy_url = clone(ctx.pg, ledger_url(engine), "dw_ledger_hand")
        copy_engine = create_sql_engine(copy_url)
        hand = psycopg2.connect(
            **sa.make_url(copy_url).translate_connect_args(username="user", database="dbname")
        )
        hand.autocommit = True
        try:
            with hand.cursor() as cursor:
                cursor.execute(DUE_INDEX)
                cursor.execute("ANALYZE ledger_requests")
            indexed = Ledger(copy_engine)
            hand_outcomes: list[dict[str, int]] = []

            def product() -> None:
                outcomes.append(watch(ledger, datamap, NOW, sent.append))

            def product_indexed() -> None:
                watch(indexed, datamap, NOW, sent.append)

            def by_hand() -> None:
                hand_outcomes.append(
                    hand_watch(hand, NOW, alerts.days_before, datamap.organisation.timezone)
                )

            req = schema.requests
            bare = sa.select(req).where(req.c.status.in_(sorted(OPEN_REQUEST_STATUSES)))

            def bare_select() -> None:
                with engine.connect() as conn:
                    conn.execute(bare).fetchall()

            timings = compare_timings(
                {
                    "product": product,
                    "hand": by_hand,
                    "product_indexed": product_indexed,
                    "bare": bare_select,
                },
                repeat=ctx.repeat,
                warmup=1,
            )
        finally:
            hand.close()
            copy_engine.dispose()
            drop(ctx.pg, [copy_url])
    last, by_hand_last = outcomes[-1], hand_outcomes[-1]
    if by_hand_last != {"requests": count, "alerting": DUE_SOON, "already_sent": DUE_SOON}:
        raise RuntimeError(f"the hand-written watch saw {by_hand_last}, not what was seeded")
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
        "hand_watch_seconds": timings["hand"].median,
        "hand_watch_best_seconds": timings["hand"].best,
        "seconds_with_due_index": timings["product_indexed"].median,
        "bare_select_seconds": timings["bare"].median,
        "load_average_1m_after": os.getloadavg()[0],
        "notes": [
            f"seconds: gdpr.deadlines.watch.watch on {count} open requests in a PostgreSQL"
            f" ledger (as in production), median of {ctx.repeat} runs after one warm-up; the"
            f" warm-up sends the alerts of the {DUE_SOON} requests due in 2 days, the timed"
            " runs find them sent (the steady state)",
            "hand_watch_*: the watch written by hand on a copy of the ledger with a partial"
            " expression index on the open requests' effective deadline (the index such a job"
            " wants; the product's schema has none): count of open requests, the due ones by an"
            " index range scan, their sent alerts, open breaches; thresholds computed, alerts"
            " already sent skipped (checked: it finds the same due requests, all alerted)",
            "seconds_with_due_index: the product's watch on that indexed copy (what the index"
            " would give the product)",
            "bare_select_*: the old strawman (SELECT every column of every open request,"
            " fetched), kept as an extra row: bare_select_vs_product = bare_select_seconds /"
            " seconds",
            "load_average_1m: the 1-minute load average at the end of the interleaved timings",
            "requests inserted directly into the ledger (untimed); GDPR_BENCH_OPEN_REQUESTS"
            " overrides the count",
        ],
    }
    note_load(figures, "seconds", "hand_watch_seconds", "seconds_with_due_index")
    return finish_section(figures, ROWS, BUDGETS)
