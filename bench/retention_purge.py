"""Benchmark: the retention purge of one rule at scale, against the database's own speed.

The rule is ``customers-3y-after-relationship`` (customers, their consents, orders, notes, call
recordings and evaluations, helpdesk tickets with their messages and attachments deleted;
invoices and payments kept, anonymised). The seeded demo is copied (``CREATE DATABASE ...
TEMPLATE``) and exactly one third of the customers (``customer_id % 3 = 0``) is made expired for
the rule in the copy; the seeded databases themselves are left as they were. Three identical
copies of the CRM and of the helpdesk are made from that:

- ``product``: ``run_rule`` itself, unmodified, in a fresh child process (its peak RSS is its
  own); ``RulePurge`` is swapped, in that child only, for a subclass that timestamps the end of
  the selection and each batch callback and times its discovery and change steps. Statements
  and write transactions are timed with SQLAlchemy engine events, S3 calls with botocore
  events; ``GDPR_BENCH_PROFILE=<dir>`` also runs the child under cProfile.
- ``set_based``: bench/raw_purge.py's hand-written version, one statement per table. Both end
  states are fingerprinted (row count and sum of a hash of every row, per table) and must be
  equal, as must the rows changed per table: the two sides did the same thing.
- ``scratch``: the per-subject baseline (one statement per table per customer, as a
  per-subject erasure tool issues them) on a sample of expired customers spread over the id
  range, extrapolated, and the per-row strawman on another such sample (an extra column); then
  the S3 sample and the 100k subset below.

S3 is measured apart, on a sample. The product finds an S3 dataset's objects with one
ListObjectVersions call per key prefix (per customer with call recordings, per ticket with
attachments); moto answers each such call by deep-copying every version in the bucket (about
250 ms per call with the demo's capped buckets), which would make a purge of 333,000 customers
take many hours for reasons that are moto's. So the main comparison runs the data map's SQL
systems only (on all three sides, as subject_resolution's ``sql_only`` figures do), and the
product's S3 work is measured on the expired customers among the first ``S3_SAMPLE_IDS`` ids
(who have objects, including old versions and delete markers), against one listing per dataset
prefix plus DeleteObjects; the number of S3 calls is extrapolated to the whole selection.

At more than 100,000 customers the product also runs on a 100,000-customer subset (the expired
third of ids 1..100,000, what a 100k seed selects) for the flat-memory comparison; at 100,000 or
fewer that figure is the main run's.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from bench.context import DATAMAP_PATH, ROOT, Context, SeededDemo, union_length
from bench.harness import ScratchPostgres, git_revision, run_in_child, s3_client
from bench.raw_purge import (
    RawOutcome,
    delete_objects_listing_once,
    expired_customer_ids,
    per_row_purge,
    per_subject_purge,
    set_based_purge,
)
from bench.results import Budget, Row, finish_section, note_load

NAME = "retention_purge"
RULE = "customers-3y-after-relationship"
EXPIRED_EVERY = 3  # customer_id % 3 = 0: one third expired
BATCH_SIZE = 2000
PER_SUBJECT_SAMPLE = 1000  # customers purged one at a time, one statement per table, extrapolated
PER_ROW_SAMPLE = 1000  # customers purged row by row (the strawman), then extrapolated
SUBSET_CUSTOMERS = 100_000
S3_SAMPLE_IDS = 900  # the expired customers among these ids purge their objects too
PROFILE_ENV = "GDPR_BENCH_PROFILE"  # a directory: cProfile the product runs into it

BUDGETS = {
    # lower bounds stated as upper bounds (bench.results.Budget has only < and <=):
    # ratio_vs_single_delete >= 0.5  <=>  seconds_vs_single_delete <= 2
    "seconds_vs_single_delete": Budget("<=", 2),
    "max_batch_seconds": Budget("<=", 2),
    "max_transaction_seconds": Budget("<=", 2),
    "peak_rss_mb": Budget("<", 500),
    "peak_rss_mb_at_100k": Budget("<", 500),
}

ROWS = (
    Row("rows", "rows", "single_delete_rows"),
    Row("seconds", "s", "single_delete_seconds", "seconds_vs_single_delete"),
    Row("rows_per_second", "rows/s", "single_delete_rows_per_second", "ratio_vs_single_delete"),
    Row("seconds_per_customer", "s", "per_subject_seconds_per_customer", "seconds_vs_per_subject"),
    Row("per_subject_seconds_extrapolated", "s", "seconds", "speedup_vs_per_subject"),
    Row("per_row_seconds_extrapolated", "s", "seconds", "speedup_vs_per_row"),  # the strawman
    Row("max_batch_seconds", "s"),
    Row("max_transaction_seconds", "s", "single_delete_max_transaction_seconds"),
    Row("peak_rss_mb", "MB", "peak_rss_mb_at_100k", "peak_rss_vs_100k"),
    Row("peak_rss_mb_at_100k", "MB"),
    Row("s3_sample_s3_seconds", "s", "s3_sample_raw_s3_seconds", "s3_sample_ratio_vs_raw"),
    Row("s3_sample_calls", "calls", "s3_sample_raw_calls"),
    Row("s3_list_calls_extrapolated", "calls"),
)


# -- what a child process needs ----------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where one product run works and how: plain data, so a child process can take it."""

    label: str
    crm_url: str
    helpdesk_url: str
    ledger_url: str
    s3_endpoint: str
    now: datetime
    sql_only: bool = True
    batch_size: int = BATCH_SIZE
    profile_dir: str | None = None


class SqlClock:
    """Durations of an engine's write transactions and of its statements (engine events)."""

    WRITES = ("DELETE", "UPDATE", "INSERT")

    def __init__(self, engine: sa.Engine) -> None:
        self.write_transactions: list[float] = []
        self.execute_seconds: Counter[str] = Counter()  # by verb: SELECT, DELETE, UPDATE...
        self.statements: Counter[str] = Counter()
        sa.event.listen(engine, "begin", self._begin)
        sa.event.listen(engine, "commit", self._end)
        sa.event.listen(engine, "rollback", self._end)
        sa.event.listen(engine, "before_cursor_execute", self._before)
        sa.event.listen(engine, "after_cursor_execute", self._after)

    def _begin(self, conn: sa.Connection) -> None:
        conn.info["bench_begin"] = time.perf_counter()
        conn.info["bench_writes"] = False

    def _before(self, conn: sa.Connection, cursor: Any, statement: str, *args: Any) -> None:
        conn.info["bench_exec"] = time.perf_counter()
        if statement.lstrip()[:6].upper() in self.WRITES:
            conn.info["bench_writes"] = True

    def _after(self, conn: sa.Connection, cursor: Any, statement: str, *args: Any) -> None:
        """Time in ``cursor.execute`` (a server-side cursor's later fetches are not in it)."""
        began = conn.info.pop("bench_exec", None)
        verb = statement.lstrip()[:6].upper()
        if began is not None:
            self.execute_seconds[verb] += time.perf_counter() - began
        self.statements[verb] += 1

    def _end(self, conn: sa.Connection) -> None:
        began = conn.info.pop("bench_begin", None)
        if began is not None and conn.info.pop("bench_writes", False):
            self.write_transactions.append(time.perf_counter() - began)


class S3Clock:
    """Calls of a boto3 S3 client by operation, their busy time, and versions deleted."""

    def __init__(self, client: Any) -> None:
        self.intervals: list[tuple[float, float]] = []
        self.calls: Counter[str] = Counter()
        self.deleted_versions = 0
        events = client.meta.events
        events.register("before-call.s3", self._before)
        events.register("after-call.s3", self._after)
        events.register("provide-client-params.s3.DeleteObjects", self._deleting)

    def _before(self, context: dict[str, Any], **_: Any) -> None:
        context["bench_start"] = time.perf_counter()

    def _after(self, context: dict[str, Any], model: Any, **_: Any) -> None:
        began = context.pop("bench_start", None)
        if began is not None:
            self.intervals.append((began, time.perf_counter()))
        self.calls[model.name] += 1

    def _deleting(self, params: dict[str, Any], **_: Any) -> None:
        self.deleted_versions += len(params.get("Delete", {}).get("Objects", []))

    @property
    def seconds(self) -> float:
        return union_length(self.intervals)


class BatchClock:
    """Timestamps of a RulePurge's end of selection and of each batch callback, and the time
    spent in some of its steps (``PHASES``, where the class still has them)."""

    # discovery (queries + sparing), changes (everything in _apply: statements, digests,
    # evidence), and inside those the sparing and the systems' units of work
    PHASES = ("_discover", "_spare", "_apply", "_change")

    def __init__(self, every: float = 30.0) -> None:
        self.selected_at: float | None = None
        self.batches: list[float] = []
        self.total = 0
        self.phases: Counter[str] = Counter()
        self._every = every
        self._shown = time.monotonic()

    def purge_class(self, base: type) -> type:
        clock = self

        class TimedRulePurge(base):  # type: ignore[misc, valid-type]
            def run(self) -> Any:
                self.on_batch = clock.batch
                return super().run()

            def _select(self) -> Any:
                keys = super()._select()
                if clock.selected_at is None:  # the second selection is the verification
                    clock.selected_at = time.perf_counter()
                return keys

        for name in self.PHASES:
            if hasattr(base, name):
                setattr(TimedRulePurge, name, self._timed(getattr(base, name), name))
        return TimedRulePurge

    def _timed(self, method: Any, name: str) -> Any:
        clock = self

        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                clock.phases[name] += time.perf_counter() - began

        return timed

    def batch(self, number: int, total: int) -> None:
        self.batches.append(time.perf_counter())
        self.total = total
        if time.monotonic() - self._shown >= self._every:
            self._shown = time.monotonic()
            print(f"  purge: batch {number:,}/{total:,}", file=sys.stderr, flush=True)

    def intervals(self) -> list[float]:
        """Seconds of each batch: from the end of the selection (or the previous batch's
        callback) to its callback, i.e. its discovery queries plus its transactions."""
        marks = ([self.selected_at] if self.selected_at is not None else []) + self.batches
        return batch_intervals(marks)


def batch_intervals(marks: Sequence[float]) -> list[float]:
    """Differences between consecutive timestamps."""
    return [later - earlier for earlier, later in itertools.pairwise(marks)]


def _sql_only(datamap: Any) -> Any:
    return datamap.model_copy(update={"systems": [s for s in datamap.systems if s.kind == "sql"]})


def purge_in_child(target: Target) -> dict[str, Any]:
    """One ``run_rule`` of the rule on the target (the measured thing, in a fresh process)."""
    import gdpr.retention.run as run_module
    from gdpr.connections import create_sql_engine
    from gdpr.connectors.factory import Clients, connectors_for
    from gdpr.datamap import load_datamap
    from gdpr.ledger import Ledger

    datamap = load_datamap(DATAMAP_PATH)
    if target.sql_only:
        datamap = _sql_only(datamap)
    engines = {
        datamap.system("crm").conn_id: create_sql_engine(target.crm_url),
        datamap.system("helpdesk").conn_id: create_sql_engine(target.helpdesk_url),
    }
    sql_clocks = {name: SqlClock(engine) for name, engine in engines.items()}
    s3 = s3_client(target.s3_endpoint)
    s3_clock = S3Clock(s3)
    clients = Clients(make_engine=engines.__getitem__, make_s3_client=lambda _: s3)
    connectors = connectors_for(datamap, clients)
    ledger_engine = create_sql_engine(target.ledger_url)
    ledger = Ledger(ledger_engine)
    run_pk = ledger.start_run("bench", f"{NAME}-{target.label}-{uuid.uuid4().hex[:8]}", "retention")
    clock = BatchClock()
    original = run_module.RulePurge
    run_module.RulePurge = clock.purge_class(original)
    profiler = None
    if target.profile_dir:
        import cProfile

        profiler = cProfile.Profile()
    try:
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        outcome = run_module.run_rule(
            datamap,
            RULE,
            connectors,
            ledger,
            now=target.now,
            batch_size=target.batch_size,
            run_pk=run_pk,
        )
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - start
    finally:
        run_module.RulePurge = original
        clients.dispose()
        ledger_engine.dispose()
    if profiler and target.profile_dir:
        profiler.dump_stats(os.path.join(target.profile_dir, f"{NAME}_{target.label}.prof"))
    if outcome.batches and not clock.batches:
        raise RuntimeError("run_rule no longer builds gdpr.retention.run.RulePurge: update bench")
    kinds = {ref.id: ref.kind for ref in datamap.iter_datasets()}
    counts = {name: tally.count for name, tally in outcome.datasets.items()}
    intervals = clock.intervals()
    writes = [t for c in sql_clocks.values() for t in c.write_transactions]
    return {
        "seconds": seconds,
        "selection_seconds": (clock.selected_at or start) - start,
        "after_last_batch_seconds": seconds - ((clock.batches or [start])[-1] - start),
        "expired": outcome.expired,
        "batches": outcome.batches,
        "spared": dict(outcome.spared_roots),
        "rows_by_dataset": {d: n for d, n in counts.items() if kinds[d] == "sql"},
        "objects_by_dataset": {d: n for d, n in counts.items() if kinds[d] == "s3"},
        "batch_seconds": intervals,
        "write_transactions": len(writes),
        "max_transaction_seconds": max(writes, default=0.0),
        "sql_execute_seconds": dict(
            sum((c.execute_seconds for c in sql_clocks.values()), Counter())
        ),
        "sql_statements": dict(sum((c.statements for c in sql_clocks.values()), Counter())),
        "phase_seconds": dict(clock.phases),
        "s3_seconds": s3_clock.seconds,
        "s3_calls": dict(s3_clock.calls),
        "s3_deleted_versions": s3_clock.deleted_versions,
    }


# -- scratch copies ----------------------------------------------------------------------------


def _admin(pg: ScratchPostgres) -> sa.Engine:
    return sa.create_engine(pg.admin_url, isolation_level="AUTOCOMMIT")


def clone(pg: ScratchPostgres, source_url: str, suffix: str) -> str:
    """A copy of the database at ``source_url`` (``CREATE DATABASE ... TEMPLATE``); its URL.

    Other sessions on the source are terminated first (PostgreSQL requires it). The copy is a
    file copy, so it starts with the source's statistics and visibility map.
    """
    source = sa.make_url(source_url).database
    name = f"gdpr_bench_{pg.run_id}_{suffix}"
    admin = _admin(pg)
    try:
        with admin.connect() as conn:
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = :d AND pid <> pg_backend_pid()"
                ),
                {"d": source},
            )
            version = int(conn.execute(sa.text("SHOW server_version_num")).scalar_one())
            strategy = " STRATEGY FILE_COPY" if version >= 150000 else ""
            pg.replace(conn, name)
            conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"{strategy}'))
    finally:
        admin.dispose()
    pg.created.append(name)
    return sa.make_url(pg.admin_url).set(database=name).render_as_string(hide_password=False)


def drop(pg: ScratchPostgres, urls: Sequence[str]) -> None:
    """Drop scratch copies now (not at the end of the run) unless the run keeps its databases."""
    if pg.keep:
        return
    admin = _admin(pg)
    try:
        with admin.connect() as conn:
            for url in urls:
                name = sa.make_url(url).database
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                if name in pg.created:
                    pg.created.remove(name)
    finally:
        admin.dispose()


def without_autovacuum(url: str) -> None:
    """Turn autovacuum off on every table of a scratch copy.

    Otherwise autovacuum wakes up on the tables one side has just purged while the other side is
    being timed, and the two sides would not share the machine alike.
    """
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            tables = conn.execute(
                sa.text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
            for table in list(tables):
                conn.execute(sa.text(f'ALTER TABLE "{table}" SET (autovacuum_enabled = false)'))
    finally:
        engine.dispose()


def mark_expired(crm_url: str, ended: datetime, up_to: int | None = None) -> int:
    """Make the customers with ``customer_id % 3 = 0`` (and id <= ``up_to``) expired for the rule,
    every other customer not ended; returns how many are expired. Only changed rows are written."""
    limit = up_to if up_to is not None else 2**31 - 1
    wanted = (
        f"CASE WHEN customer_id % {EXPIRED_EVERY} = 0 AND customer_id <= :limit"
        " THEN CAST(:ended AS timestamp) END"
    )
    engine = sa.create_engine(crm_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(
                sa.text(
                    f"UPDATE customers SET relationship_ended_at = {wanted}"
                    f" WHERE relationship_ended_at IS DISTINCT FROM {wanted}"
                ),
                {"limit": limit, "ended": ended},
            )
            conn.execute(sa.text("VACUUM (ANALYZE) customers"))
            return int(
                conn.execute(
                    sa.text(
                        "SELECT count(*) FROM customers WHERE relationship_ended_at IS NOT NULL"
                    )
                ).scalar_one()
            )
    finally:
        engine.dispose()


def checkpoint(pg: ScratchPostgres) -> None:
    """Flush dirty buffers before a timed run, so it does not pay for the previous one's writes."""
    admin = _admin(pg)
    try:
        with admin.connect() as conn:
            conn.execute(sa.text("CHECKPOINT"))
    except sa.exc.DBAPIError:
        pass  # not a superuser: the runs share the noise instead
    finally:
        admin.dispose()


def fingerprint(url: str, tables: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Per table: row count and the sum of a hash of each whole row (its text form)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                table: tuple(
                    conn.execute(
                        sa.text(
                            f"SELECT count(*), coalesce(sum(hashtext(t::text)::bigint), 0)"
                            f' FROM "{table}" t'
                        )
                    ).one()
                )
                for table in tables
            }
    finally:
        engine.dispose()


def systematic_sample(ids: Sequence[int], size: int) -> list[int]:
    """``size`` ids spread evenly over ``ids`` (every k-th, starting mid-step)."""
    if size <= 0 or not ids:
        return []
    if size >= len(ids):
        return list(ids)
    step = len(ids) / size
    return [ids[int(step / 2 + i * step)] for i in range(size)]


def extrapolate(sample_seconds: float, sample_size: int, population: int) -> float | None:
    """Seconds for ``population`` items at the sample's mean cost per item."""
    if sample_size <= 0:
        return None
    return sample_seconds / sample_size * population


# -- S3 objects of a sample --------------------------------------------------------------------


@dataclass
class ObjectStash:
    """Every version (bytes) and delete marker of some keys, oldest first, to put them back."""

    versions: dict[tuple[str, str], list[tuple[bool, bytes, str]]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.versions.values())

    @classmethod
    def take(cls, s3: Any, wanted: Mapping[str, tuple[str, set[str]]]) -> ObjectStash:
        stash = cls()
        listed: list[tuple[str, dict[str, Any], bool]] = []
        for bucket, (prefix, keys) in wanted.items():
            for page in s3.get_paginator("list_object_versions").paginate(
                Bucket=bucket, Prefix=prefix
            ):
                listed += [(bucket, v, False) for v in page.get("Versions", []) if v["Key"] in keys]
                listed += [
                    (bucket, m, True) for m in page.get("DeleteMarkers", []) if m["Key"] in keys
                ]

        def fetch(item: tuple[str, dict[str, Any], bool]) -> tuple[bytes, str]:
            bucket, version, marker = item
            if marker:
                return b"", ""
            got = s3.get_object(Bucket=bucket, Key=version["Key"], VersionId=version["VersionId"])
            return got["Body"].read(), got.get("ContentType", "application/octet-stream")

        with ThreadPoolExecutor(8) as pool:
            bodies = list(pool.map(fetch, listed))
        order = sorted(
            range(len(listed)), key=lambda i: (listed[i][1]["Key"], listed[i][1]["LastModified"])
        )
        for i in order:
            bucket, version, marker = listed[i]
            body, content_type = bodies[i]
            stash.versions.setdefault((bucket, version["Key"]), []).append(
                (marker, body, content_type)
            )
        return stash

    def restore(self, s3: Any) -> None:
        """Write the stashed keys back, version after version, after a purge removed them."""

        def put_back(item: tuple[tuple[str, str], list[tuple[bool, bytes, str]]]) -> None:
            (bucket, key), versions = item
            for marker, body, content_type in versions:
                if marker:
                    s3.delete_object(Bucket=bucket, Key=key)
                else:
                    s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType=content_type)

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(put_back, self.versions.items()))


def sample_object_keys(
    crm_url: str, helpdesk_url: str, buckets: Mapping[str, str], customer_ids: Sequence[int]
) -> dict[str, tuple[str, set[str]]]:
    """The S3 keys the rule purges for these customers: by bucket, (static prefix, keys)."""
    from examples.retailer.schema import KEY_TEMPLATES

    crm = sa.create_engine(crm_url)
    helpdesk = sa.create_engine(helpdesk_url)
    ids = list(customer_ids)
    try:
        with crm.connect() as conn:
            recordings = conn.execute(
                sa.text(
                    "SELECT customer_id, recording_id FROM call_recordings"
                    " WHERE customer_id = ANY(:ids)"
                ),
                {"ids": ids},
            ).all()
        with helpdesk.connect() as conn:
            attachments = conn.execute(
                sa.text(
                    "SELECT a.ticket_id, a.attachment_id FROM ticket_attachments a"
                    " JOIN tickets t ON t.ticket_id = a.ticket_id WHERE t.crm_customer_id = ANY(:ids)"
                ),
                {"ids": ids},
            ).all()
    finally:
        crm.dispose()
        helpdesk.dispose()
    audio = KEY_TEMPLATES["call_audio.recordings"]
    files = KEY_TEMPLATES["helpdesk_files.attachments"]
    return {
        buckets["call_audio"]: (
            audio.split("{", 1)[0],
            {audio.format(customer_id=c, recording_id=r) for c, r in recordings},
        ),
        buckets["helpdesk_files"]: (
            files.split("{", 1)[0],
            {files.format(ticket_id=t, attachment_id=a) for t, a in attachments},
        ),
    }


# -- the benchmark -----------------------------------------------------------------------------


@dataclass
class Copies:
    """URLs of the scratch copies by side: ``product``, ``set_based``, ``scratch``."""

    crm: dict[str, str]
    helpdesk: dict[str, str]


@contextmanager
def copies(pg: ScratchPostgres, demo: SeededDemo, ended: datetime) -> Iterator[tuple[Copies, int]]:
    """Three identical copies of each database, one third of the customers expired in them."""
    step = _Step("copies")
    crm_work = clone(pg, demo.crm_url, "rp_crm_scratch")
    made = [crm_work]
    try:
        helpdesk_work = clone(pg, demo.helpdesk_url, "rp_helpdesk_scratch")
        made.append(helpdesk_work)
        expired = mark_expired(crm_work, ended)
        without_autovacuum(crm_work)
        without_autovacuum(helpdesk_work)
        result = Copies({"scratch": crm_work}, {"scratch": helpdesk_work})
        for side in ("product", "set_based"):
            result.crm[side] = clone(pg, crm_work, f"rp_crm_{side}")
            made.append(result.crm[side])
            result.helpdesk[side] = clone(pg, helpdesk_work, f"rp_helpdesk_{side}")
            made.append(result.helpdesk[side])
        step.done(f"{expired:,} of {demo.customers:,} customers expired")
        yield result, expired
    finally:
        drop(pg, made)


class _Step:
    """Prints what the benchmark is doing and how long it took (it takes minutes at scale)."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.start = time.perf_counter()
        print(f"  {what}...", file=sys.stderr, flush=True)

    def done(self, detail: str = "") -> float:
        seconds = time.perf_counter() - self.start
        extra = f": {detail}" if detail else ""
        load = os.getloadavg()[0]
        print(
            f"  {self.what} done in {seconds:.1f}s{extra} (load {load:.1f})",
            file=sys.stderr,
            flush=True,
        )
        return seconds


def count_differences(ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> dict[str, tuple]:
    """Keys whose values differ between two mappings (with both values)."""
    return {
        key: (ours.get(key), theirs.get(key))
        for key in sorted(set(ours) | set(theirs))
        if ours.get(key) != theirs.get(key)
    }


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """The value at ``fraction`` of the sorted values (nearest rank), None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@dataclass
class Bench:
    """One run of the benchmark on its scratch copies; each phase returns its figures."""

    ctx: Context
    demo: SeededDemo
    db: Copies
    ledger_url: str
    now: datetime
    ended: datetime
    cutoff: datetime
    profile_dir: str | None = None

    def product(self, side: str, label: str, *, sql_only: bool = True) -> tuple[dict, float]:
        """``run_rule`` on one side's copies in a child process: its figures and peak RSS."""
        target = Target(
            label,
            self.db.crm[side],
            self.db.helpdesk[side],
            self.ledger_url,
            self.demo.s3_endpoint,
            self.now,
            sql_only=sql_only,
            profile_dir=self.profile_dir,
        )
        child = run_in_child(purge_in_child, target)
        return child.value, child.peak_rss_mb

    def state(self, side: str) -> dict[str, tuple[int, int]]:
        from examples.retailer.schema import TABLE_ORDER

        state = {}
        for system, urls in (("crm", self.db.crm), ("helpdesk", self.db.helpdesk)):
            for table, value in fingerprint(urls[side], TABLE_ORDER[system]).items():
                state[f"{system}.{table}"] = value
        return state

    def product_against_set_based(self) -> dict[str, Any]:
        """The product and the set-based statements on identical copies, same end state."""
        checkpoint(self.ctx.pg)
        # the code measured is the code on disk when the child starts, which other work on the
        # tree may have changed since the run's start (meta.git_rev)
        revision = git_revision(str(ROOT))
        step = _Step(f"product purge (run_rule at {revision}, child process)")
        ours, peak = self.product("product", "full")
        load = {"product": os.getloadavg()[0]}
        rows = sum(ours["rows_by_dataset"].values())
        step.done(f"{rows:,} rows in {ours['seconds']:.1f}s")
        checkpoint(self.ctx.pg)
        step = _Step("set-based baseline (bench/raw_purge.py)")
        raw = set_based_purge(self.db.crm["set_based"], self.db.helpdesk["set_based"], self.cutoff)
        load["set_based"] = os.getloadavg()[0]
        raw_rows = sum(raw.rows.values())
        step.done(f"{raw_rows:,} rows in {raw.seconds:.1f}s")
        purged = ours["expired"] - sum(ours["spared"].values())  # spared: restricted (Art. 18)
        if purged != raw.expired:
            raise AssertionError(f"customers purged: product {purged}, raw {raw.expired}")
        differ = count_differences(ours["rows_by_dataset"], raw.rows)
        if differ:
            raise AssertionError(f"rows changed per table differ (product, raw): {differ}")
        step = _Step("comparing end states")
        with ThreadPoolExecutor(2) as pool:
            product_state, raw_state = pool.map(self.state, ("product", "set_based"))
        differ = count_differences(product_state, raw_state)
        if differ:
            raise AssertionError(f"the two copies differ after the purge: {differ}")
        step.done("identical")
        batches = ours["batch_seconds"]
        expired = ours["expired"]
        return {
            "product_git_rev": revision,
            "expired_customers": expired,
            "rows": rows,
            "seconds": ours["seconds"],
            "rows_per_second": rows / ours["seconds"],
            "seconds_per_customer": ours["seconds"] / expired,
            "rows_per_expired_customer": rows / expired,
            "rows_by_dataset": ours["rows_by_dataset"],
            "spared": ours["spared"],
            "selection_seconds": ours["selection_seconds"],
            "after_last_batch_seconds": ours["after_last_batch_seconds"],
            "batches": ours["batches"],
            "max_batch_seconds": max(batches, default=None),
            "median_batch_seconds": percentile(batches, 0.5),
            "p95_batch_seconds": percentile(batches, 0.95),
            "max_transaction_seconds": ours["max_transaction_seconds"],
            "write_transactions": ours["write_transactions"],
            "sql_execute_seconds": ours["sql_execute_seconds"],
            "sql_statements": ours["sql_statements"],
            "phase_seconds": ours["phase_seconds"],
            "statements_per_customer": sum(ours["sql_statements"].values()) / expired,
            "peak_rss_mb": peak,
            "single_delete_rows": raw_rows,
            "single_delete_seconds": raw.seconds,
            "single_delete_rows_per_second": raw_rows / raw.seconds,
            "single_delete_selection_seconds": raw.selection_seconds,
            "single_delete_statement_seconds": raw.statement_seconds,
            "single_delete_max_transaction_seconds": raw.max_transaction_seconds,
            "ratio_vs_single_delete": raw.seconds / ours["seconds"],
            # other work on this machine skews one side or the other: how busy it was
            "load_average_1m_after": load,
        }

    def one_at_a_time_samples(self) -> tuple[list[int], list[int]]:
        """Two disjoint sets of expired customers, each spread over the selection: for the
        per-subject baseline and for the per-row strawman."""
        ids = expired_customer_ids(self.db.crm["scratch"], self.db.helpdesk["scratch"], self.cutoff)
        # not the S3 sample's customers: the product purges those later
        both = systematic_sample(
            [i for i in ids if i > S3_SAMPLE_IDS], PER_SUBJECT_SAMPLE + PER_ROW_SAMPLE
        )
        per_subject = both[0::2][:PER_SUBJECT_SAMPLE]
        chosen = set(per_subject)
        return per_subject, [i for i in both if i not in chosen][:PER_ROW_SAMPLE]

    def one_at_a_time(self, kind: str, ids: Sequence[int], when: str) -> RawOutcome:
        """Per-subject (or per-row) deletes of these customers on the scratch copy."""
        purge = per_subject_purge if kind == "per_subject" else per_row_purge
        checkpoint(self.ctx.pg)
        step = _Step(f"{kind.replace('_', '-')} baseline on {len(ids)} customers ({when})")
        out = purge(self.db.crm["scratch"], self.db.helpdesk["scratch"], ids)
        step.done(f"{sum(out.rows.values()):,} rows in {out.seconds:.1f}s")
        left = sum(count_customers(self.db.crm["scratch"], ids).values())
        if left:
            raise AssertionError(f"the {kind} baseline left {left} of {len(ids)} customers")
        return out

    def s3_sample(self, expired: int) -> dict[str, Any]:
        """The product's S3 work for a few customers, against one listing per dataset prefix."""
        crm, helpdesk = self.db.crm["scratch"], self.db.helpdesk["scratch"]
        s3 = s3_client(self.demo.s3_endpoint)
        mark_expired(crm, self.ended, up_to=S3_SAMPLE_IDS)
        ids = expired_customer_ids(crm, helpdesk, self.cutoff)
        wanted = sample_object_keys(crm, helpdesk, self.demo.buckets, ids)
        stash = ObjectStash.take(s3, wanted)
        step = _Step(f"S3 sample: product purge of {len(ids)} customers with their objects")
        ours, _ = self.product("scratch", "s3_sample", sql_only=False)
        step.done(f"{ours['s3_deleted_versions']} versions, {ours['s3_seconds']:.1f}s in S3")
        stash.restore(s3)
        step = _Step("S3 sample: one listing per prefix + DeleteObjects")
        raw = delete_objects_listing_once(s3, wanted)
        step.done(f"{raw.versions} versions in {raw.seconds:.1f}s")
        stash.restore(s3)
        if not ours["s3_deleted_versions"] == raw.versions == stash.count:
            raise AssertionError(
                f"S3 versions deleted: product {ours['s3_deleted_versions']}, raw {raw.versions},"
                f" there before {stash.count}"
            )
        lists = ours["s3_calls"].get("ListObjectVersions", 0)
        return {
            "s3_sample_customers": len(ids),
            "s3_sample_versions": raw.versions,
            "s3_sample_keys": raw.keys,
            "s3_sample_seconds": ours["seconds"],
            "s3_sample_s3_seconds": ours["s3_seconds"],
            "s3_sample_calls": sum(ours["s3_calls"].values()),
            "s3_sample_calls_by_operation": ours["s3_calls"],
            "s3_sample_raw_s3_seconds": raw.seconds,
            "s3_sample_raw_calls": sum(raw.calls.values()),
            "s3_sample_raw_calls_by_operation": raw.calls,
            "s3_list_calls_per_customer": lists / len(ids) if ids else None,
            "s3_list_calls_extrapolated": round(lists / len(ids) * expired) if ids else None,
            "s3_seconds_extrapolated_moto": extrapolate(ours["s3_seconds"], len(ids), expired),
        }

    def subset(self) -> dict[str, Any]:
        """The product on the expired third of ids 1..100,000 (what a 100k seed selects)."""
        mark_expired(self.db.crm["scratch"], self.ended, up_to=SUBSET_CUSTOMERS)
        checkpoint(self.ctx.pg)
        step = _Step(f"product purge of the {SUBSET_CUSTOMERS:,}-customer subset")
        ours, peak = self.product("scratch", "subset_100k")
        rows = sum(ours["rows_by_dataset"].values())
        step.done(f"{rows:,} rows in {ours['seconds']:.1f}s, peak {peak:.0f} MB")
        return {
            "peak_rss_mb_at_100k": peak,
            "peak_rss_mb_at_100k_source": f"the product on the expired third of ids <="
            f" {SUBSET_CUSTOMERS:,} of this run (what a 100k seed selects, less the few customers"
            " the per-row and S3 samples purged before)",
            "subset_100k_expired_customers": ours["expired"],
            "subset_100k_rows": rows,
            "subset_100k_seconds": ours["seconds"],
            "subset_100k_rows_per_second": rows / ours["seconds"],
            "subset_100k_max_batch_seconds": max(ours["batch_seconds"], default=None),
        }


def count_customers(crm_url: str, ids: Sequence[int]) -> dict[str, int]:
    """How many of these customers are still in the CRM (a baseline must have purged them)."""
    engine = sa.create_engine(crm_url)
    try:
        with engine.connect() as conn:
            left = conn.execute(
                sa.text("SELECT count(*) FROM customers WHERE customer_id = ANY(:ids)"),
                {"ids": list(ids)},
            ).scalar_one()
    finally:
        engine.dispose()
    return {"customers": int(left)}


def one_at_a_time_figures(
    kind: str, before: RawOutcome, after: RawOutcome, expired: int
) -> dict[str, Any]:
    """A one-customer-at-a-time sample's figures (``kind``: ``per_subject`` or ``per_row``),
    extrapolated to the whole selection."""
    customers = before.expired + after.expired
    seconds = before.seconds + after.seconds
    rows = sum(before.rows.values()) + sum(after.rows.values())
    return {
        f"{kind}_sample_customers": customers,
        f"{kind}_sample_rows": rows,
        f"{kind}_sample_rows_per_customer": rows / customers,
        f"{kind}_sample_seconds": seconds,
        f"{kind}_seconds_per_customer": seconds / customers,
        f"{kind}_seconds_per_customer_halves": [
            half.seconds / half.expired for half in (before, after) if half.expired
        ],
        f"{kind}_seconds_extrapolated": extrapolate(seconds, customers, expired),
        f"{kind}_statements_per_customer": (before.statements + after.statements) / customers,
    }


def run(ctx: Context) -> dict[str, Any]:
    from gdpr.connections import create_sql_engine
    from gdpr.ledger import migrate
    from gdpr.retention.plan import cutoff_for

    demo = ctx.demo()
    now = datetime.now(UTC)
    ended = (now - timedelta(days=4 * 365)).replace(tzinfo=None)  # naive UTC, like the columns
    cutoff = cutoff_for(ctx.datamap.rule(RULE), now, ctx.datamap.organisation.timezone).at
    ledger_url = ctx.pg.create("rp_ledger")
    engine = create_sql_engine(ledger_url)
    try:
        migrate(engine)
    finally:
        engine.dispose()

    figures: dict[str, Any] = {"customers": demo.customers, "rule": RULE, "batch_size": BATCH_SIZE}
    with copies(ctx.pg, demo, ended) as (db, marked):
        bench = Bench(
            ctx, demo, db, ledger_url, now, ended, cutoff, os.environ.get(PROFILE_ENV) or None
        )
        figures["marked_expired"] = marked
        # one-at-a-time deletes are bound by round trips, which a busy machine slows down more
        # than set-based work: half of each sample before the product's run, half after the
        # baseline's (per-subject first and last, the strawman in between)
        per_subject, per_row = bench.one_at_a_time_samples()
        subject_before = bench.one_at_a_time("per_subject", per_subject[0::2], "first half")
        row_before = bench.one_at_a_time("per_row", per_row[0::2], "first half")
        figures |= bench.product_against_set_based()
        note_load(figures, "seconds", "rows_per_second", "rows", "seconds_per_customer")
        note_load(figures, "max_batch_seconds", "max_transaction_seconds", "peak_rss_mb")
        note_load(figures, *(key for key in figures if key.startswith("single_delete_")))
        row_after = bench.one_at_a_time("per_row", per_row[1::2], "second half")
        subject_after = bench.one_at_a_time("per_subject", per_subject[1::2], "second half")
        expired = figures["expired_customers"]
        figures |= one_at_a_time_figures("per_subject", subject_before, subject_after, expired)
        figures |= one_at_a_time_figures("per_row", row_before, row_after, expired)
        note_load(figures, "per_subject_seconds_per_customer", "per_subject_seconds_extrapolated")
        note_load(figures, "per_row_seconds_extrapolated")
        figures |= bench.s3_sample(expired)
        note_load(figures, "s3_sample_s3_seconds", "s3_sample_calls")
        if demo.customers > SUBSET_CUSTOMERS:
            figures |= bench.subset()
            note_load(figures, "peak_rss_mb_at_100k")
        else:
            figures["peak_rss_mb_at_100k"] = figures["peak_rss_mb"]
            figures["peak_rss_mb_at_100k_source"] = "the main run (at most 100,000 customers)"
    # the ceiling: the database's own set-based speed against the same one-at-a-time deletes
    for kind in ("per_subject", "per_row"):
        figures[f"single_delete_speedup_vs_{kind}"] = (
            figures[f"{kind}_seconds_extrapolated"] / figures["single_delete_seconds"]
        )
    figures["notes"] = notes(figures)
    return finish_section(figures, ROWS, BUDGETS)


def notes(figures: Mapping[str, Any]) -> list[str]:
    return [
        f"rule {RULE}; customer_id % {EXPIRED_EVERY} = 0 made expired in scratch copies"
        " (CREATE DATABASE ... TEMPLATE of the seeded databases, autovacuum off in them);"
        " run once (destructive), so --repeat does not apply",
        "seconds: run_rule wall time in a child process (ping, exemptions, selection, batches,"
        " evidence in a PostgreSQL ledger, verification); SQL systems only (see s3_sample_*)",
        "rows: rows deleted + anonymised (sum of the outcome's SQL dataset counts), checked equal"
        " per table to the set-based statements', and both copies' end states checked identical"
        " (per table: count and sum of hashtext(row))",
        "single_delete_*: bench/raw_purge.py set_based_purge: expired ids into a temp table,"
        " COPY'd to the helpdesk, one statement per table, each its own transaction",
        "ratio_vs_single_delete = single_delete_seconds / seconds (the issue's figure, target"
        " >= 0.5); its budget is written as seconds_vs_single_delete <= 2",
        "per_subject_*: bench/raw_purge.py per_subject_purge, what a per-subject erasure tool"
        " issues (the way Fides erases): per customer and database one transaction, one"
        " DELETE/UPDATE per table keyed by the customer id (dependants by a subquery on their"
        f" parent), on {figures.get('per_subject_sample_customers')} customers spread over the"
        " selection (half timed before the product's run, half after the set-based baseline's),"
        " extrapolated per customer: speedup_vs_per_subject = per_subject_seconds_extrapolated /"
        " seconds (no budget: the lead sets one)",
        "per_row_*: the strawman, an extra column: one transaction per customer and database,"
        " SELECT ids then one statement per row, on"
        f" {figures.get('per_row_sample_customers')} other customers of the selection, timed"
        " like per_subject_*; single_delete_speedup_vs_per_subject/_per_row are the same"
        " ratios for the set-based statements (the ceiling on this machine);"
        " *_statements_per_customer: round trips (commits and cursor fetches aside), what a"
        " network between the purge and the database multiplies",
        "load_average_1m: the machine's 1-minute load average just after each figure was"
        " measured (load_average_1m_after: after each side of the main comparison)",
        "max_batch_seconds: longest interval between consecutive batch callbacks (the first from"
        " the end of the selection): a batch's discovery queries plus its transactions;"
        " max_transaction_seconds: longest write transaction (engine begin to commit)",
        "where the product's time goes, without a profiler: sql_execute_seconds (time inside"
        " cursor.execute by statement verb; a server-side cursor's fetches are not in it),"
        " phase_seconds (time inside RulePurge._discover, of which _spare, and _apply, of which"
        " _change, the systems' units of work: the rest of _apply is evidence digests and ledger"
        " writes). The next batch's _discover runs in a thread while the current batch's _apply"
        " runs, and the systems' units run at the same time: phases and statement times add"
        " up to more than seconds",
        "peak_rss_mb: VmHWM of the child process (imports included); peak_rss_mb_at_100k: "
        + str(figures.get("peak_rss_mb_at_100k_source")),
        "s3_sample_*: the product with its S3 systems on the expired customers among the first"
        f" {S3_SAMPLE_IDS} ids (those have objects), S3 calls timed; the baseline lists each"
        " dataset prefix once and deletes with DeleteObjects; same versions deleted on both"
        " sides; objects restored afterwards. s3_list_calls_extrapolated: the product's"
        " ListObjectVersions calls scaled to the whole selection (one call per key prefix);"
        " s3_seconds_extrapolated_moto: the same at moto's cost per call, which grows with the"
        " bucket (moto copies every version on each listing)",
    ]
