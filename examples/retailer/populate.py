"""Seed the demo organisation: CRM and helpdesk databases, S3 buckets, planted cases.

``seed_demo`` drops and recreates the demo tables, wipes the demo's key prefixes in the data
buckets, then streams the planted records (examples.retailer.planted) and a generated population into
them. Same seed and same ``today`` give identical rows; a cap on objects never changes rows.

Loading is tuned for size (a million customers is ~25 million rows): tables are created
without their secondary indexes and foreign keys, rows go in by batches (COPY on
PostgreSQL, an executemany INSERT elsewhere, which PyMySQL rewrites as multi-row INSERTs on
MariaDB), one transaction per batch, and the indexes and foreign keys are built at the end, which is much faster than
maintaining them row by row. Objects are uploaded by a small thread pool.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from examples.retailer.generate import (
    NON_CUSTOMER_TICKETS_PER_CUSTOMER,
    Population,
    Record,
    build_pools,
    expected_counts,
)
from examples.retailer.objects import ObjectSpec, ObjectWriter, ensure_buckets, wipe_demo_objects
from examples.retailer.planted import (
    MIN_CUSTOMERS,
    PLANTED,
    PLANTED_CUSTOMER_COUNT,
    PLANTED_PROSPECT_COUNT,
    Planted,
)
from examples.retailer.planted_rows import first_free_ids, planted_records
from examples.retailer.schema import (
    DATA_BUCKET_SYSTEMS,
    DATABASES,
    KEY_TEMPLATES,
    TABLE_ORDER,
    TABLES,
    primary_key_column,
)
from gdpr.ledger.clock import utc_now

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SeedSummary:
    """What a seed wrote: rows per table, live objects per S3 dataset, and the planted ids."""

    rows: dict[str, int]  # 'crm.customers' -> count, for every table
    objects: dict[str, int]  # 'invoice_archive.invoice_pdfs' -> keys whose latest version is live
    planted: Planted


class _RowWriter:
    """Buffers rows per table and inserts them in batches, parents before children.

    When one table's buffer is full, every buffer of that database is flushed in dependency
    order, so a child row never reaches the database before its parent: foreign keys are
    added after the load on PostgreSQL and MariaDB, but SQLite keeps them inline and checks
    them when the caller's engine turns ``PRAGMA foreign_keys`` on.
    """

    def __init__(
        self,
        engines: Mapping[str, sa.Engine],
        *,
        batch_size: int,
        progress: Progress | None,
        totals: Mapping[str, int],
    ) -> None:
        self._engines = engines
        self._batch_size = batch_size
        self._progress = progress
        self._totals = totals
        self._buffers: dict[str, list[dict[str, Any]]] = {key: [] for key in TABLES}
        self._database = {key: key.split(".", 1)[0] for key in TABLES}
        self.counts: dict[str, int] = dict.fromkeys(TABLES, 0)

    def add(self, table_key: str, row: dict[str, Any]) -> None:
        buffer = self._buffers[table_key]
        buffer.append(row)
        if len(buffer) >= self._batch_size:
            self._flush_database(self._database[table_key])

    def close(self) -> None:
        for database in TABLE_ORDER:
            self._flush_database(database)
        if self._progress:
            for key, count in self.counts.items():
                self._progress(key, count, count)

    def _flush_database(self, database: str) -> None:
        for name in TABLE_ORDER[database]:
            key = f"{database}.{name}"
            rows = self._buffers[key]
            if not rows:
                continue
            with self._engines[database].begin() as conn:
                _insert_batch(conn, TABLES[key], rows)
            self.counts[key] += len(rows)
            self._buffers[key] = []
            if self._progress:
                done = self.counts[key]
                self._progress(key, done, max(done, self._totals.get(key, 0)))


_COPY_NULL = "\\N"


def _copy_supported(conn: sa.Connection) -> bool:
    """PostgreSQL through psycopg2: the only place where COPY is worth its few lines."""
    return conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg2"


def _insert_batch(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert one batch inside the caller's transaction.

    On PostgreSQL the batch is streamed with COPY, about five times faster than the
    insertmanyvalues INSERT (the client-side parameter rendering dominates at this volume);
    elsewhere it is an executemany INSERT. Both store the same values (a test compares them):
    NULL travels as \\N, which no generated or planted text contains.
    """
    if not _copy_supported(conn):
        conn.execute(table.insert(), rows)
        return
    names = [column.name for column in table.columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    null = _COPY_NULL
    writer.writerows([null if (v := row[name]) is None else v for name in names] for row in rows)
    buffer.seek(0)
    columns = ", ".join(f'"{name}"' for name in names)
    cursor = conn.connection.dbapi_connection.cursor()  # same connection, same transaction
    try:
        sql = f"COPY \"{table.name}\" ({columns}) FROM STDIN WITH (FORMAT csv, NULL '{null}')"
        cursor.copy_expert(sql, buffer)
    finally:
        cursor.close()


def _late_foreign_keys(engine: sa.Engine) -> bool:
    """Whether foreign keys are added after the load (SQLite cannot ALTER TABLE ADD CONSTRAINT)."""
    return engine.dialect.name != "sqlite"


def _recreate_tables(engine: sa.Engine, metadata: sa.MetaData) -> None:
    """Drop the demo tables and create them bare: indexes and foreign keys come after the load."""
    metadata.drop_all(engine)
    with engine.begin() as conn:
        for table in metadata.sorted_tables:
            inline = None if not _late_foreign_keys(engine) else []
            conn.execute(sa.schema.CreateTable(table, include_foreign_key_constraints=inline))


def _finish_tables(engine: sa.Engine, metadata: sa.MetaData) -> None:
    """Build indexes, validate foreign keys in bulk, move PostgreSQL's id sequences on.

    Adding a foreign key to a loaded table checks all rows in one pass, much faster than the
    per-row checks of a constraint present during the load.
    """
    with engine.begin() as conn:
        for table in metadata.sorted_tables:
            for index in sorted(table.indexes, key=lambda i: i.name or ""):
                index.create(conn)
        if _late_foreign_keys(engine):
            for table in metadata.sorted_tables:
                for constraint in sorted(table.foreign_key_constraints, key=lambda c: str(c.name)):
                    # isolate_from_table=False: do not drop it from later CREATE TABLEs (SQLite)
                    conn.execute(sa.schema.AddConstraint(constraint, isolate_from_table=False))
        if engine.dialect.name == "postgresql":
            for table in metadata.sorted_tables:
                pk = primary_key_column(table)
                highest = conn.execute(sa.select(sa.func.max(pk))).scalar() or 0
                conn.execute(
                    sa.text("SELECT setval(pg_get_serial_sequence(:t, :c), :v, false)"),
                    {"t": table.name, "c": pk.name, "v": highest + 1},
                )
        for table in metadata.sorted_tables:
            if engine.dialect.name == "postgresql":
                conn.execute(sa.text(f'ANALYZE "{table.name}"'))


def _validate(
    customers: int, batch_size: int, max_objects: int | None, buckets: Mapping[str, str]
) -> None:
    if customers < MIN_CUSTOMERS:
        raise ValueError(
            f"customers must be at least {MIN_CUSTOMERS} (the planted cases need room), got {customers}"
        )
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, got {batch_size}")
    if max_objects is not None and max_objects < 0:
        raise ValueError(f"max_objects must be None or >= 0, got {max_objects}")
    missing = [system for system in DATA_BUCKET_SYSTEMS if system not in buckets]
    if missing:
        raise ValueError(f"buckets is missing the S3 systems {missing}")


def _records(population: Population, customers: int, today: date) -> Iterable[Record]:
    """Planted records first (lowest ids), then customers in id order, prospects, others."""
    yield from planted_records(today)
    yield from population.customers(PLANTED_CUSTOMER_COUNT + 1, customers)
    yield from population.prospects(customers // 2 - PLANTED_PROSPECT_COUNT)
    yield from population.non_customer_tickets(round(customers * NON_CUSTOMER_TICKETS_PER_CUSTOMER))


def seed_demo(
    crm: sa.Engine,
    helpdesk: sa.Engine,
    s3: Any,
    buckets: Mapping[str, str],
    *,
    customers: int = 1000,
    seed: int = 42,
    today: date | None = None,
    max_objects: int | None = None,
    batch_size: int = 5000,
    progress: Progress | None = None,
) -> SeedSummary:
    """Drop, recreate and fill the demo CRM and helpdesk, and the demo's S3 objects.

    ``buckets`` maps the data map's S3 system names ('invoice_archive', 'call_audio',
    'helpdesk_files'; optionally 'reports' and 'delivery') to bucket names; missing buckets are
    created, the three data buckets with versioning enabled. ``customers`` counts the planted
    customers too. ``max_objects`` caps the objects written (the planted ones are always
    written, the others in customer order). ``progress(name, done, total)`` is called after
    each batch; ``total`` is an estimate for tables other than customers and prospects, and the
    last call for each name has done == total.
    """
    _validate(customers, batch_size, max_objects, buckets)
    today = today or utc_now().date()
    engines = {"crm": crm, "helpdesk": helpdesk}
    for name, metadata in DATABASES.items():
        _recreate_tables(engines[name], metadata)
    ensure_buckets(s3, buckets)
    wipe_demo_objects(s3, buckets)

    totals = expected_counts(customers)
    rows = _RowWriter(engines, batch_size=batch_size, progress=progress, totals=totals)
    objects = ObjectWriter(s3, buckets, max_objects=max_objects, progress=progress, totals=totals)
    population = Population(
        rng=random.Random(seed),
        pools=build_pools(seed),
        today=today,
        first_ids=first_free_ids(),
        want_objects=lambda: not objects.full(),
    )
    try:
        for key, payload in _records(population, customers, today):
            if isinstance(payload, ObjectSpec):
                objects.add(payload)
            else:
                rows.add(key, payload)
        rows.close()
    finally:
        objects.close()
    for name, metadata in DATABASES.items():
        _finish_tables(engines[name], metadata)
    return SeedSummary(
        rows=dict(rows.counts),
        objects={dataset: objects.live[dataset] for dataset in KEY_TEMPLATES},
        planted=PLANTED,
    )
