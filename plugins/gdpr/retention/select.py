"""Select the primary keys of a rule's expired records, in key order.

Either a start column compared with the cutoff, or a hand-written SQL file from the map's
``sql/`` folder (one statement, bind parameter ``:cutoff``) for selections that need more than
a comparison, such as the last contact initiated by a prospect. Restricted records (Art. 18)
are selected too: the purge keeps them, and counts them under that reason in its report.

The keys are read in one streamed pass and held (keys only, a few bytes each) before anything
is deleted: no cursor stays open on a table while the purge writes to it, which SQLite would
not allow and which would make a selection drift under its own deletions elsewhere.
"""

from __future__ import annotations

from datetime import UTC

import sqlalchemy as sa

from gdpr.connectors.s3 import S3Connector
from gdpr.connectors.sql import SqlConnector
from gdpr.datamap.loader import read_sql
from gdpr.datamap.models import DataMap, Dataset, RetentionRule
from gdpr.retention.anonymise import anonymisation, is_anonymised
from gdpr.retention.plan import Cutoff

Key = tuple


def expired_keys(
    datamap: DataMap, connector: SqlConnector, rule: RetentionRule, cutoff: Cutoff
) -> list[Key]:
    dataset = datamap.dataset(rule.dataset).dataset
    table = connector.table(dataset)
    pk = [table.c[name] for name in dataset.primary_key]
    if rule.start.column:
        limit = cutoff.day if connector.is_date_column(dataset, rule.start.column) else cutoff.at
        select = sa.select(*pk).where(table.c[rule.start.column] < limit)
    else:
        text = sa.text(read_sql(datamap, rule.start.sql or "")).bindparams(cutoff=cutoff.at)
        expired = text.columns(*(sa.column(name) for name in dataset.primary_key)).subquery(
            "expired"
        )
        select = sa.select(*pk).where(
            sa.tuple_(*pk).in_(sa.select(*expired.c))
            if len(pk) > 1
            else pk[0].in_(sa.select(*expired.c))
        )
    if rule.action == "anonymise":  # records already anonymised are done: a rerun selects nothing
        select = select.where(sa.not_(is_anonymised(table, anonymisation(dataset, rule.fields))))
    return [
        tuple(row[name] for name in dataset.primary_key)
        for batch in connector.stream_select(select.order_by(*pk), 50_000)
        for row in batch
    ]


def expired_objects(connector: S3Connector, dataset: Dataset, cutoff: Cutoff) -> list[Key]:
    """Keys of a bucket dataset's objects last modified before the cutoff."""
    limit = cutoff.at.replace(tzinfo=UTC)
    return sorted(
        (row["key"],) for row in connector.iter_dataset(dataset) if row["last_modified"] < limit
    )
