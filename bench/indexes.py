"""Check the indexes docs/datamap.md recommends for subject look-ups exist (PostgreSQL).

A missing index makes resolution a table scan whose cost grows with the system, not the
subject, and a benchmark on such a schema would measure the schema rather than the product;
so the benchmark reports what is missing next to its figures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import sqlalchemy as sa

from gdpr.datamap.models import DataMap

_COLUMNS = re.compile(r"USING \w+ \((.*)\)", re.DOTALL)


def _leading_column(indexdef: str) -> str:
    match = _COLUMNS.search(indexdef)
    return match.group(1).split(",")[0].strip().strip('"') if match else ""


def _compact(text: str) -> str:
    return re.sub(r'[\s"]', "", text).lower()


def missing_indexes(datamap: DataMap, urls: Mapping[str, str]) -> list[str]:
    """What the docs recommend and the live databases lack, for the sql systems in ``urls``.

    Identity fields need an expression index on ``lower(trim(field))`` (emails) or
    ``trim(field)``; every local field of a reference needs an index led by that field.
    """
    kinds = {i.name: i.kind for i in datamap.identities}
    missing: list[str] = []
    for system in datamap.systems:
        if system.kind != "sql" or system.name not in urls:
            continue
        engine = sa.create_engine(urls[system.name])
        try:
            with engine.connect() as conn:
                for dataset in system.datasets:
                    defs = conn.execute(
                        sa.text("SELECT indexdef FROM pg_indexes WHERE tablename = :t"),
                        {"t": dataset.table_name},
                    ).scalars()
                    defs = list(defs)
                    where = f"{system.name}.{dataset.name}"
                    for identity, column in dataset.identity.items():
                        wanted = f"trim(bothfrom{column.lower()})"
                        if kinds.get(identity) == "email":
                            wanted = f"lower({wanted})"
                        if not any(wanted in _compact(d) for d in defs):
                            missing.append(f"{where}: expression index on {wanted}")
                    leading = {_leading_column(d) for d in defs}
                    for reference in dataset.references:
                        for column in reference.fields:
                            if column not in leading:
                                missing.append(f"{where}: index on {column}")
        finally:
            engine.dispose()
    return missing
