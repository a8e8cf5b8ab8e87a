"""Seed Nubeverde Software: drop and recreate its tables, reset its bucket, write rows and objects.

The rows and exports come from examples/saas/data.py (a pure function of the subject count,
``today`` and the seed); this module only writes them, in batches, in an order the foreign keys
accept (an address before the user that points to it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa

from examples.buckets import ensure_buckets, put_versions, wipe
from examples.planted import SeedSummary
from examples.saas.data import build
from examples.saas.schema import DATABASES, EXPORTS_DATASET, TABLE_ORDER

BATCH = 2000


def seed(
    engines: Mapping[str, sa.Engine],
    s3: Any,
    buckets: Mapping[str, str],
    *,
    subjects: int,
    today: date,
    seed: int = 42,
) -> SeedSummary:
    """Write the organisation into ``engines`` (by system name: plataforma, soporte) and the
    buckets (by S3 system name, plus 'reports' and 'delivery'); ``today`` dates everything."""
    missing = [name for name in DATABASES if name not in engines]
    if missing:
        raise ValueError(f"no engine for the systems {missing}")
    data = build(subjects, today, seed)
    for system, metadata in DATABASES.items():
        engine = engines[system]
        metadata.drop_all(engine)
        metadata.create_all(engine)
    rows: Counter[str] = Counter()
    for system, tables in TABLE_ORDER.items():
        with engines[system].begin() as conn:
            for table_name in tables:
                table = DATABASES[system].tables[table_name]
                batch = [row for name, row in data.rows if name == f"{system}.{table_name}"]
                for start in range(0, len(batch), BATCH):
                    conn.execute(sa.insert(table), batch[start : start + BATCH])
                rows[f"{system}.{table_name}"] = len(batch)
            if conn.dialect.name == "postgresql":  # keys given by the seed: move the sequences on
                for table_name in tables:
                    _advance_sequences(conn, DATABASES[system].tables[table_name])
    ensure_buckets(s3, buckets)
    bucket = buckets[EXPORTS_DATASET.split(".")[0]]
    wipe(s3, bucket, "exportaciones/")
    live, versions = put_versions(s3, bucket, data.exports, "text/csv")
    return SeedSummary(dict(rows), {EXPORTS_DATASET: live}, {EXPORTS_DATASET: versions})


def _advance_sequences(conn: sa.Connection, table: sa.Table) -> None:
    column = table.autoincrement_column
    if column is None:
        return
    sequence = conn.execute(
        sa.select(sa.func.pg_get_serial_sequence(table.name, column.name))
    ).scalar()
    if sequence:
        top = conn.execute(sa.select(sa.func.max(column))).scalar()
        if top is not None:
            conn.execute(sa.select(sa.func.setval(sequence, top)))
