"""Who and what a breach affects: records per dataset and the distinct subjects behind them.

Art. 33(3)(a) asks for the categories and approximate number of subjects and records; Art. 34
needs the subjects themselves to write to. Records are counted where they are; subjects are
found by following each dataset's references up to the datasets that hold the identity (an
S3 object to its row, a row to its owner): ``gdpr.subject.walk.ascend`` from each scanned
batch, one look-up per dataset on the way up. A person known under two addresses counts twice:
the figure is approximate, as the article allows. The identities never leave this process
except to the encrypted list.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gdpr.connectors.base import Connector
from gdpr.datamap.graph import ReferenceGraph
from gdpr.datamap.models import DataMap
from gdpr.subject.walk import ascend, owner_columns

log = logging.getLogger(__name__)


@dataclass
class Affected:
    identity: str
    records: dict[str, int] = field(default_factory=dict)
    subjects_by_dataset: dict[str, int] = field(default_factory=dict)
    identities: set[str] = field(default_factory=set)

    @property
    def subjects(self) -> int:
        return len(self.identities)

    def counts(self) -> dict[str, Any]:
        """Counts only: what may go to the ledger, XCom, logs and the drafts."""
        return {
            "identity": self.identity,
            "subjects": self.subjects,
            "records": sum(self.records.values()),
            "records_by_dataset": dict(self.records),
            "subjects_by_dataset": dict(self.subjects_by_dataset),
        }

    def subject_list(self) -> bytes:
        """The distinct identities, sorted, as CSV: for the Art. 34 communication only."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([self.identity])
        writer.writerows([value] for value in sorted(self.identities))
        return out.getvalue().encode("utf-8")

    def list_sha256(self) -> str:
        return hashlib.sha256(self.subject_list()).hexdigest()


def count_affected(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    datasets: Sequence[str],
    identity: str | None = None,
    batch_size: int = 5000,
) -> Affected:
    """Count the records of ``datasets`` and collect the identities of their subjects."""
    kinds = {i.name: i.kind for i in datamap.identities}
    identity = identity or datamap.identities[0].name
    if identity not in kinds:
        raise ValueError(f"unknown identity {identity!r}; the map declares {', '.join(kinds)}")
    unknown = sorted(set(datasets) - set(datamap.dataset_ids()))
    if unknown:
        raise ValueError(f"unknown dataset(s) {', '.join(unknown)}")
    graph = ReferenceGraph.of(datamap)
    affected = Affected(identity)
    for dataset_id in datasets:
        ref = datamap.dataset(dataset_id)
        connector = connectors[ref.system.name]
        columns = owner_columns(datamap, dataset_id, identity, graph=graph)
        records, found = 0, set()
        for rows in connector.scan(
            ref.dataset, columns or list(connector.key_fields(ref.dataset)), batch_size=batch_size
        ):
            records += len(rows)
            found |= ascend(datamap, connectors, dataset_id, rows, identity, graph=graph)
        affected.records[dataset_id] = records
        affected.subjects_by_dataset[dataset_id] = len(found)
        affected.identities |= found
        log.info("%s: %d records, %d subjects", dataset_id, records, len(found))
    log.info(
        "breach scope: %d datasets, %d records, %d distinct subjects",
        len(datasets),
        sum(affected.records.values()),
        affected.subjects,
    )
    return affected
