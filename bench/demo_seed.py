"""Benchmark: seeding the demo organisation (CRM and helpdesk on PostgreSQL, objects in moto S3).

It is timed because every other benchmark, and ``make run`` at scale, waits for it. There is
no same-run baseline (nothing else writes this data); the figure is ``rows_per_second``. moto
is slow (each object is a full HTTP request into an in-memory Python server), so the objects
are capped at ``--max-objects`` and the time spent waiting on S3 is reported apart, giving a
rows-per-second figure for the SQL side alone.
"""

from __future__ import annotations

from typing import Any

from bench.context import Context
from bench.results import Row, finish_section

NAME = "demo_seed"

ROWS = (
    Row("seconds", "s"),
    Row("rows", "rows"),
    Row("objects", "objects"),
    Row("rows_per_second", "rows/s"),
    Row("s3_seconds", "s"),
    Row("rows_per_second_excluding_s3", "rows/s"),
)


def run(ctx: Context) -> dict[str, Any]:
    demo = ctx.seed()
    rows, objects = sum(demo.rows.values()), sum(demo.objects.values())
    sql_seconds = max(demo.seconds - demo.s3_seconds, 1e-9)
    return finish_section(
        {
            "customers": demo.customers,
            "max_objects": demo.max_objects,
            "seconds": demo.seconds,
            "rows": rows,
            "objects": objects,
            "rows_per_second": rows / demo.seconds,
            "s3_seconds": demo.s3_seconds,
            "rows_per_second_excluding_s3": rows / sql_seconds,
            "rows_by_table": demo.rows,
            "objects_by_dataset": demo.objects,
            "notes": [
                "no same-run baseline: rows_per_second is the figure",
                "S3 is moto (slow, in-memory, one HTTP request per object): objects capped at "
                f"{demo.max_objects:,}; s3_seconds is the wall time with an S3 call in flight",
                "seconds covers DDL, inserts, index and foreign-key builds, ANALYZE and uploads;"
                " the VACUUM ANALYZE that settles the databases for later benchmarks is not timed",
            ],
        },
        ROWS,
    )
