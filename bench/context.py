"""What the benchmarks of one run share: settings, scratch systems, and the seeded demo.

Seeding takes minutes at scale, so it happens once per run and every benchmark reads the
same data; ``demo_seed`` times it, and a run without ``demo_seed`` (``--only``) seeds untimed
on first use.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench.harness import ScratchPostgres, s3_client
from gdpr.datamap import DataMap, load_datamap

ROOT = Path(__file__).resolve().parents[1]
DATAMAP_PATH = ROOT / "include" / "datamap.yaml"


@dataclass(frozen=True)
class SeededDemo:
    """The demo organisation in scratch systems, and what seeding it cost."""

    crm_url: str
    helpdesk_url: str
    s3_endpoint: str
    buckets: dict[str, str]
    customers: int
    max_objects: int
    rows: dict[str, int]
    objects: dict[str, int]
    seconds: float
    s3_seconds: float  # wall time during which at least one S3 call of the seeder was in flight


@dataclass
class Context:
    customers: int
    max_objects: int
    repeat: int
    pg: ScratchPostgres
    s3_endpoint: str
    notes: list[str] = field(default_factory=list)
    _demo: SeededDemo | None = None

    @cached_property
    def datamap(self) -> DataMap:
        # the demo's own map: the raw-query baselines in bench/ are written for its schema
        return load_datamap(DATAMAP_PATH)

    def demo(self) -> SeededDemo:
        """The seeded demo, seeding it now if no benchmark has yet."""
        if self._demo is None:
            self.seed()
        assert self._demo is not None
        return self._demo

    def seed(self) -> SeededDemo:
        """Seed the demo into two new PostgreSQL databases and moto S3, and time it."""
        from examples import buckets_of
        from examples.retailer.populate import seed_demo
        from gdpr.connections import create_sql_engine

        crm_url, helpdesk_url = self.pg.create("crm"), self.pg.create("helpdesk")
        crm, helpdesk = create_sql_engine(crm_url), create_sql_engine(helpdesk_url)
        s3 = TimedS3(s3_client(self.s3_endpoint))
        buckets = buckets_of(self.datamap)
        start = time.perf_counter()
        try:
            summary = seed_demo(
                crm,
                helpdesk,
                s3,
                buckets,
                customers=self.customers,
                max_objects=self.max_objects,
                progress=Progress(),
            )
        finally:
            crm.dispose()
            helpdesk.dispose()
        seconds = time.perf_counter() - start
        print(file=sys.stderr)
        for url in (crm_url, helpdesk_url):
            settle(url)
        self._demo = SeededDemo(
            crm_url=crm_url,
            helpdesk_url=helpdesk_url,
            s3_endpoint=self.s3_endpoint,
            buckets=dict(buckets),
            customers=self.customers,
            max_objects=self.max_objects,
            rows=dict(summary.rows),
            objects=dict(summary.objects),
            seconds=seconds,
            s3_seconds=s3.busy_seconds(),
        )
        return self._demo


def settle(url: str) -> None:
    """VACUUM ANALYZE a freshly loaded database (untimed).

    Without it, autovacuum wakes up on the bulk-loaded tables while later benchmarks are being
    timed, and the visibility map is empty so index-only scans fall back to the heap: neither
    is the steady state of a production database.
    """
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("VACUUM (ANALYZE)"))
    finally:
        engine.dispose()


class Progress:
    """The seeder's progress callback, printed at most every few seconds (it is called per batch)."""

    def __init__(self, every: float = 5.0) -> None:
        self.every = every
        self.last = 0.0

    def __call__(self, name: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            print(f"  seeding {name:32} {done:>11,}/{total:<11,}", file=sys.stderr, flush=True)


class TimedS3:
    """A boto3 client that records when S3 calls are in flight, to split seeding time.

    The seeder writes objects from a thread pool while the main thread waits, so the busy time
    is the union of the calls' intervals, not their sum.
    """

    _TIMED = frozenset({"put_object", "delete_object", "delete_objects", "create_bucket"})

    def __init__(self, client: Any) -> None:
        self._client = client
        self._lock = threading.Lock()
        self._intervals: list[tuple[float, float]] = []

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if name not in self._TIMED:
            return attribute

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return attribute(*args, **kwargs)
            finally:
                with self._lock:
                    self._intervals.append((start, time.perf_counter()))

        return timed

    def busy_seconds(self) -> float:
        return union_length(self._intervals)


def union_length(intervals: list[tuple[float, float]]) -> float:
    """Total length covered by possibly overlapping intervals."""
    total, end = 0.0, float("-inf")
    for start, stop in sorted(intervals):
        if start > end:
            total += stop - start
            end = stop
        elif stop > end:
            total += stop - end
            end = stop
    return total
