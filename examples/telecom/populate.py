"""Seed Ondes Télécom: drop and recreate its tables, reset its bucket, write rows and objects.

The rows and documents come from examples/telecom/data.py (a pure function of the subject
count, ``today`` and the seed); this module only writes them, in batches, parents first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa

from examples.buckets import ensure_buckets, put_versions, wipe
from examples.planted import SeedSummary
from examples.telecom.data import build
from examples.telecom.schema import DATABASES, DOCUMENTS_DATASET, TABLE_ORDER, to_db

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
    """Write the organisation into ``engines`` (by system name: si_clients, service_client) and
    the buckets (by S3 system name, plus 'reports' and 'delivery'); ``today`` dates everything."""
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
        engine = engines[system]
        dialect = engine.dialect.name
        with engine.begin() as conn:
            for table_name in tables:
                table = DATABASES[system].tables[table_name]
                batch = [
                    {k: to_db(v, dialect) for k, v in row.items()}
                    for name, row in data.rows
                    if name == f"{system}.{table_name}"
                ]
                for start in range(0, len(batch), BATCH):
                    conn.execute(sa.insert(table), batch[start : start + BATCH])
                rows[f"{system}.{table_name}"] = len(batch)
    ensure_buckets(s3, buckets)
    bucket = buckets[DOCUMENTS_DATASET.split(".")[0]]
    wipe(s3, bucket, "contrats/")
    live, versions = put_versions(s3, bucket, data.documents, "application/pdf")
    return SeedSummary(dict(rows), {DOCUMENTS_DATASET: live}, {DOCUMENTS_DATASET: versions})
