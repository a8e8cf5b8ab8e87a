"""Benchmark: finding a data subject's records in every system, against hand-written queries.

``resolve_subject`` is generic (it walks the data map and queries through connectors); the
price of that genericity is what this measures, as a ratio to the minimal hand-written look-ups
of bench/raw_resolution.py on the same data, in the same run, after checking that both found
exactly the same records per dataset (otherwise the comparison would flatter one side).

Two subjects: the planted one (a typical footprint, ~40 records), and a subject given 100,000
extra tickets (inserted here, removed after) to show memory follows the subject's footprint
rather than growing without bound. Peak memory is measured in a fresh child process.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa

from bench.context import DATAMAP_PATH, Context, SeededDemo
from bench.harness import compare_timings, run_in_child, s3_client
from bench.indexes import missing_indexes
from bench.raw_resolution import connect, counting, resolve_raw
from bench.results import Budget, Row, finish_section

NAME = "subject_resolution"
LARGE_SUBJECT_TICKETS = 100_000

BUDGETS = {
    "ratio_vs_raw_queries": Budget("<=", 3),
    "peak_rss_mb": Budget("<", 300),
    "large_subject_peak_rss_mb": Budget("<", 300),
}


def _rows(prefix: str) -> list[Row]:
    return [
        Row(
            f"{prefix}seconds", "s", f"{prefix}raw_queries_seconds", f"{prefix}ratio_vs_raw_queries"
        ),
        Row(
            f"{prefix}peak_rss_mb",
            "MB",
            f"{prefix}raw_queries_peak_rss_mb",
            f"{prefix}peak_rss_ratio_vs_raw_queries",
        ),
        Row(f"{prefix}records", "records", f"{prefix}raw_queries_records"),
        Row(
            f"{prefix}sql_only_seconds",
            "s",
            f"{prefix}sql_only_raw_queries_seconds",
            f"{prefix}sql_only_ratio_vs_raw_queries",
        ),
        Row(
            f"{prefix}sql_statements",
            "statements",
            f"{prefix}raw_sql_statements",
            f"{prefix}statements_ratio_vs_raw_sql",
        ),
        Row(f"{prefix}pool_checkouts", "checkouts", None),
    ]


ROWS = _rows("") + _rows("large_subject_")


@dataclass(frozen=True)
class Target:
    """Where the systems are and whom to look for: plain data, so a child process can take it."""

    crm_url: str
    helpdesk_url: str
    s3_endpoint: str
    buckets: dict[str, str]
    email: str


class Systems:
    """Open engines, connectors and raw connections for one target (created once, timed many)."""

    def __init__(self, target: Target) -> None:
        from gdpr.connections import create_sql_engine
        from gdpr.connectors.factory import Clients, connectors_for
        from gdpr.datamap import load_datamap

        self.target = target
        self.datamap = load_datamap(DATAMAP_PATH)
        # the same map without its S3 systems: isolates the database side, where moto's
        # listings (which scan the whole bucket) do not dilute the comparison
        self.sql_datamap = self.datamap.model_copy(
            update={"systems": [s for s in self.datamap.systems if s.kind == "sql"]}
        )
        self.s3 = s3_client(target.s3_endpoint)
        engines = {
            self.datamap.system("crm").conn_id: create_sql_engine(target.crm_url),
            self.datamap.system("helpdesk").conn_id: create_sql_engine(target.helpdesk_url),
        }
        self.clients = Clients(make_engine=engines.__getitem__, make_s3_client=lambda _: self.s3)
        self.connectors = connectors_for(self.datamap, self.clients)
        self.raw_crm = connect(target.crm_url)
        self.raw_helpdesk = connect(target.helpdesk_url)

    def ours(self, sql_only: bool = False) -> dict[str, int]:
        from gdpr.subject.resolve import resolve_subject

        datamap = self.sql_datamap if sql_only else self.datamap
        return resolve_subject(datamap, self.connectors, "email", self.target.email).counts()

    def raw(self, sql_only: bool = False) -> dict[str, int]:
        keys = resolve_raw(
            self.raw_crm,
            self.raw_helpdesk,
            self.s3,
            self.target.buckets,
            self.target.email,
            include_s3=not sql_only,
        )
        return {dataset: len(found) for dataset, found in keys.items()}

    def statements(self) -> dict[str, int]:
        """SQL statements sent by one SQL-only resolution, ours and raw, and our pool checkouts
        (each one a round trip more when the pool pings): deterministic, unlike seconds."""
        counts = {"ours": 0, "raw": 0, "checkouts": 0}

        def statement(*_: Any) -> None:
            counts["ours"] += 1

        def checkout(*_: Any) -> None:
            counts["checkouts"] += 1

        engines = [self.clients.engine(s.conn_id) for s in self.sql_datamap.systems]
        for engine in engines:
            sa.event.listen(engine, "before_cursor_execute", statement)
            sa.event.listen(engine.pool, "checkout", checkout)
        try:
            self.ours(sql_only=True)
        finally:
            for engine in engines:
                sa.event.remove(engine, "before_cursor_execute", statement)
                sa.event.remove(engine.pool, "checkout", checkout)
        with counting(self.raw_crm, self.raw_helpdesk) as raw:
            self.raw(sql_only=True)
        counts["raw"] = raw["statements"]
        return counts

    def close(self) -> None:
        self.clients.dispose()
        self.raw_crm.close()
        self.raw_helpdesk.close()


def _once_in_child(target: Target, side: str) -> dict[str, int]:
    """One resolution in a fresh process (the measured thing for peak memory)."""
    systems = Systems(target)
    try:
        return systems.ours() if side == "ours" else systems.raw()
    finally:
        systems.close()


def _check_same_records(ours: dict[str, int], raw: dict[str, int]) -> None:
    if ours != raw:
        diff = {d: (ours.get(d), raw.get(d)) for d in sorted(set(ours) | set(raw))}
        diff = {d: pair for d, pair in diff.items() if pair[0] != pair[1]}
        raise AssertionError(f"resolve_subject and the raw queries disagree (ours, raw): {diff}")


def measure(target: Target, repeat: int, prefix: str = "") -> dict[str, Any]:
    """Median/best seconds of both sides (interleaved), their peak RSS, and the record counts."""
    systems = Systems(target)
    try:
        ours, raw = systems.ours(), systems.raw()
        _check_same_records(ours, raw)
        _check_same_records(systems.ours(sql_only=True), systems.raw(sql_only=True))
        statements = systems.statements()
        timings = compare_timings(
            {
                "ours": systems.ours,
                "raw": systems.raw,
                "ours_sql": lambda: systems.ours(sql_only=True),
                "raw_sql": lambda: systems.raw(sql_only=True),
            },
            repeat=repeat,
        )
    finally:
        systems.close()
    ours_child = run_in_child(_once_in_child, target, "ours")
    raw_child = run_in_child(_once_in_child, target, "raw")
    _check_same_records(ours_child.value, raw_child.value)
    return {
        f"{prefix}seconds": timings["ours"].median,
        f"{prefix}seconds_best": timings["ours"].best,
        f"{prefix}raw_queries_seconds": timings["raw"].median,
        f"{prefix}raw_queries_seconds_best": timings["raw"].best,
        f"{prefix}sql_only_seconds": timings["ours_sql"].median,
        f"{prefix}sql_only_raw_queries_seconds": timings["raw_sql"].median,
        f"{prefix}peak_rss_mb": ours_child.peak_rss_mb,
        f"{prefix}rss_after_imports_mb": ours_child.rss_before_mb,
        f"{prefix}raw_queries_peak_rss_mb": raw_child.peak_rss_mb,
        f"{prefix}records": sum(ours.values()),
        f"{prefix}raw_queries_records": sum(raw.values()),
        f"{prefix}records_by_dataset": ours,
        f"{prefix}sql_statements": statements["ours"],
        f"{prefix}raw_sql_statements": statements["raw"],
        f"{prefix}pool_checkouts": statements["checkouts"],
    }


@contextmanager
def large_subject(demo: SeededDemo, tickets: int = LARGE_SUBJECT_TICKETS) -> Iterator[str]:
    """Give the last generated customer ``tickets`` more helpdesk tickets; yields their e-mail.

    Half the tickets carry the CRM customer id and all carry the e-mail, so both ways the
    resolution finds tickets are exercised. The tickets are deleted afterwards so later
    benchmarks see the seeded data unchanged.
    """
    crm = sa.create_engine(demo.crm_url)
    helpdesk = sa.create_engine(demo.helpdesk_url, isolation_level="AUTOCOMMIT")
    try:
        with crm.connect() as conn:
            customer_id, email = conn.execute(
                sa.text(
                    "SELECT customer_id, email FROM customers ORDER BY customer_id DESC LIMIT 1"
                )
            ).one()
        with helpdesk.connect() as conn:
            last = conn.execute(sa.text("SELECT coalesce(max(ticket_id), 0) FROM tickets")).scalar()
            conn.execute(
                sa.text(
                    "INSERT INTO tickets (requester_email, requester_name, crm_customer_id,"
                    " subject, category, channel, status, created_at, closed_at)"
                    " SELECT :email, 'Bench Subject', CASE WHEN g % 2 = 0 THEN :cid END,"
                    " 'Bench ticket ' || g, 'other', 'email', 'closed',"
                    " localtimestamp - g * interval '1 minute',"
                    " localtimestamp - g * interval '1 minute' + interval '1 day'"
                    " FROM generate_series(1, :n) AS g"
                ),
                {"email": email, "cid": customer_id, "n": tickets},
            )
            conn.execute(sa.text("VACUUM (ANALYZE) tickets"))
        try:
            yield email
        finally:
            with helpdesk.connect() as conn:
                conn.execute(sa.text("DELETE FROM tickets WHERE ticket_id > :last"), {"last": last})
                conn.execute(sa.text("VACUUM (ANALYZE) tickets"))
    finally:
        crm.dispose()
        helpdesk.dispose()


def run(ctx: Context) -> dict[str, Any]:
    from examples.retailer.planted import PLANTED_SUBJECT_EMAIL

    demo = ctx.demo()
    target = Target(
        demo.crm_url, demo.helpdesk_url, demo.s3_endpoint, demo.buckets, PLANTED_SUBJECT_EMAIL
    )
    figures: dict[str, Any] = {"customers": demo.customers, "repeat": ctx.repeat}
    missing = missing_indexes(ctx.datamap, {"crm": demo.crm_url, "helpdesk": demo.helpdesk_url})
    figures["missing_indexes"] = missing
    for line in missing:
        print(f"  missing index (docs/datamap.md recommends it): {line}", file=sys.stderr)
    figures |= measure(target, ctx.repeat)
    with large_subject(demo) as email:
        figures |= measure(replace(target, email=email), ctx.repeat, prefix="large_subject_")
    figures["large_subject_extra_tickets"] = LARGE_SUBJECT_TICKETS
    figures["notes"] = [
        "seconds: median of the runs after one warm-up; *_best: fastest run",
        "ours and the raw queries run interleaved, on the same warm engines and S3 client",
        "sql_only_*: the same comparison without the S3 systems (moto lists by scanning"
        " the whole bucket, which inflates both sides alike and flattens the ratio)",
        "peak_rss_mb: VmHWM of a fresh child process doing one resolution (imports included)",
        "both sides are checked to find the same records per dataset before timing",
        "sql_statements: statements one SQL-only resolution sends (SQLAlchemy's"
        " before_cursor_execute), raw_sql_statements: those of the hand-written look-ups;"
        " pool_checkouts: connections taken from the pool (pre-ping costs one round trip each)",
    ]
    return finish_section(figures, ROWS, BUDGETS)
