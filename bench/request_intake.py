"""Benchmark: request intake of 100,000 new privacy records, against a bare read and bulk insert.

``tickets_per_second``: ``gdpr.intake.take_requests`` (what the DAG's intake task does, without
Airflow's scheduling: read the records the data map's intake rule recognises, batch by batch,
skip those already in the ledger, record the others, write one acknowledgement each through the
connector, each claimed in the ledger) on a helpdesk holding ``TICKETS`` new privacy tickets and
a PostgreSQL ledger, as in the production stack. One run: intake changes what it reads.

The baseline (``bare_*``) is the least any intake must do: the same ``SELECT`` of the privacy
records, fetched, then one bulk ``INSERT`` of the request rows into another empty ledger (no
look-up of known references, no acknowledgement, no claim). A second product run over the same
records (``rerun_*``) measures the idempotent path: everything already taken, nothing written.

The helpdesk is the demo's schema with only the privacy tickets inserted (untimed, directly):
the figure is about intake, not about how many other records the helpdesk holds.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from typing import Any

from bench.context import Context
from bench.deadline_watch import ledger_on_postgres
from bench.harness import time_once
from bench.results import Budget, Row, finish_section
from bench.retention_purge import drop

NAME = "request_intake"
TICKETS = 100_000
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
BUDGETS = {"seconds_vs_bare": Budget("<=", 10)}
ROWS = [
    Row("tickets_per_second", "tickets/s", "bare_tickets_per_second"),
    Row("seconds", "s", "bare_seconds", "seconds_vs_bare"),
    Row("rerun_seconds", "s"),
    Row("requests_created", "requests"),
    Row("acknowledgements", "rows"),
]


def seed_tickets(engine: Any, datamap: Any, count: int) -> None:
    """The demo helpdesk schema, holding ``count`` new privacy tickets of every kind."""
    import sqlalchemy as sa

    from examples.retailer.schema import DATABASES

    DATABASES["helpdesk"].create_all(engine)
    tickets = DATABASES["helpdesk"].tables["tickets"]
    categories = sorted(datamap.intake.types)
    rows = [
        {
            "ticket_id": n,
            "requester_email": f"requester{n}@example.org",
            "subject": "privacy request",
            "category": categories[n % len(categories)],
            "channel": "web",
            "status": "open",
            "created_at": (NOW - timedelta(days=n % 20, minutes=n % 1440)).replace(tzinfo=None),
        }
        for n in range(1, count + 1)
    ]
    with engine.begin() as conn:
        for start in range(0, len(rows), 10_000):
            conn.execute(sa.insert(tickets), rows[start : start + 10_000])
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("VACUUM (ANALYZE)"))


def bare_intake(helpdesk: Any, ledger_engine: Any, datamap: Any) -> int:
    """The same read, then one bulk insert of the requests: no look-up, reply or claim."""
    import sqlalchemy as sa

    from gdpr.deadlines.calendar import request_due_at
    from gdpr.ledger import schema

    rule = datamap.intake
    zone = datamap.organisation.timezone
    query = sa.text(
        f"SELECT {rule.reference_field}, {rule.type_field}, {rule.identity_field}, "
        f"{rule.received_field} FROM tickets WHERE {rule.type_field} = ANY(:types) "
        f"ORDER BY {rule.reference_field}"
    )
    with helpdesk.connect() as conn:
        rows = conn.execute(query, {"types": sorted(rule.types)}).fetchall()
    now = datetime.now(UTC)
    requests = []
    for ref, category, email, created in rows:
        received = created.replace(tzinfo=UTC)
        requests.append(
            {
                "request_id": f"R-{received.year}-{ref:06d}",
                "kind": rule.types[category],
                "status": "open",
                "subject_email": email,
                "channel": rule.channel_name,
                "external_ref": str(ref),
                "received_at": received,
                "due_at": request_due_at(received, zone),
                "created_at": now,
                "updated_at": now,
            }
        )
    with ledger_engine.begin() as conn:
        conn.execute(sa.insert(schema.requests), requests)
    return len(requests)


def run(ctx: Context) -> dict[str, Any]:
    from gdpr.connections import create_sql_engine
    from gdpr.connectors.sql import SqlConnector
    from gdpr.intake import take_requests

    count = int(os.environ.get("GDPR_BENCH_TICKETS", TICKETS))
    datamap = ctx.datamap
    system = datamap.dataset(datamap.intake.dataset).system
    url = ctx.pg.create("ri_helpdesk")
    helpdesk = create_sql_engine(url)
    try:
        seed_tickets(helpdesk, datamap, count)
        connector = SqlConnector(system, helpdesk)
        with ledger_on_postgres(ctx, "ri_bare") as bare_ledger:
            bare_rows, bare_seconds = time_once(
                lambda: bare_intake(helpdesk, bare_ledger._engine, datamap)
            )
        with ledger_on_postgres(ctx, "ri_ledger") as ledger:
            outcome, seconds = time_once(lambda: take_requests(datamap, connector, ledger, now=NOW))
            again, rerun_seconds = time_once(
                lambda: take_requests(datamap, connector, ledger, now=NOW)
            )
    finally:
        helpdesk.dispose()
        drop(ctx.pg, [url])
    if outcome.new != count or bare_rows != count or again.new != 0 or again.replies != 0:
        raise RuntimeError(
            f"intake took {outcome.new} of {count} tickets (bare: {bare_rows}), then "
            f"{again.new} again with {again.replies} replies (0 expected)"
        )
    figures: dict[str, Any] = {
        "tickets": count,
        "requests_created": outcome.new,
        "acknowledgements": outcome.replies,
        "exports_to_start": len(outcome.to_start),
        "seconds": seconds,
        "tickets_per_second": count / seconds,
        "bare_seconds": bare_seconds,
        "bare_tickets_per_second": count / bare_seconds,
        "rerun_seconds": rerun_seconds,
        "load_average_1m_after": os.getloadavg()[0],
        "notes": [
            f"seconds: gdpr.intake.take_requests on {count} new privacy tickets (helpdesk and"
            " ledger on PostgreSQL), one run (intake changes what it reads)",
            "bare_*: the same SELECT, fetched, then one bulk INSERT of the request rows; no"
            " look-up, acknowledgement or claim",
            "rerun_seconds: a second run over the same tickets (all known, nothing written)",
            "tickets inserted directly (untimed); GDPR_BENCH_TICKETS overrides the count",
        ],
    }
    return finish_section(figures, ROWS, BUDGETS)
