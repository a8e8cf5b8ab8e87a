"""Who and what a breach affects: records per dataset and the distinct subjects behind them.

Art. 33(3)(a) asks for the categories and approximate number of subjects and records; Art. 34
needs the subjects themselves to write to. Records are counted where they are; subjects are
found by following each dataset's references up to the datasets that hold the identity (an
S3 object to its row, a row to its owner), the way subject resolution walks the map, but for
whole datasets. A person known under two addresses counts twice: the figure is approximate, as
the article allows. The identities never leave this process except to the encrypted list.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from gdpr.connectors.base import ByReference, Connector
from gdpr.datamap.graph import ReferenceGraph
from gdpr.datamap.models import DataMap
from gdpr.ledger.identity import normalise_identity, region_of

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
    walker = _Walker(datamap, connectors, identity, kinds[identity])
    affected = Affected(identity)
    for dataset_id in datasets:
        records, found = 0, set()
        for rows in walker.rows_of(dataset_id, batch_size):
            records += len(rows)
            found |= walker.identities(dataset_id, rows)
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


class _Walker:
    def __init__(
        self, datamap: DataMap, connectors: Mapping[str, Connector], identity: str, kind: str
    ) -> None:
        self.datamap, self.connectors = datamap, connectors
        self.identity, self.kind = identity, kind
        self.region = region_of(datamap)  # phone numbers stored without country code
        self.graph = ReferenceGraph.of(datamap)

    @cache  # noqa: B019 - one walker per count; the map does not change under it
    def reaches_identity(self, dataset_id: str) -> bool:
        if self.identity in self.datamap.dataset(dataset_id).dataset.identity:
            return True
        return any(self.reaches_identity(e.parent) for e in self.graph.parents_of(dataset_id))

    def needed(self, dataset_id: str) -> list[str]:
        ref = self.datamap.dataset(dataset_id)
        fields = (
            [ref.dataset.identity[self.identity]] if self.identity in ref.dataset.identity else []
        )
        for edge in self.graph.parents_of(dataset_id):
            if self.reaches_identity(edge.parent):
                fields += edge.child_fields
        return list(dict.fromkeys(fields))

    def rows_of(self, dataset_id: str, batch_size: int) -> Iterable[list[dict]]:
        ref = self.datamap.dataset(dataset_id)
        connector = self.connectors[ref.system.name]
        columns = self.needed(dataset_id) or list(connector.key_fields(ref.dataset))
        yield from connector.scan(ref.dataset, columns, batch_size=batch_size)

    def identities(self, dataset_id: str, rows: list[dict]) -> set[str]:
        ref = self.datamap.dataset(dataset_id)
        found: set[str] = set()
        field_name = ref.dataset.identity.get(self.identity)
        if field_name:
            found |= {self._normalised(row.get(field_name)) for row in rows} - {None}
        for edge in self.graph.parents_of(dataset_id):
            if not self.reaches_identity(edge.parent):
                continue
            keys = {
                tuple(row.get(f) for f in edge.child_fields)
                for row in rows
                if all(row.get(f) is not None for f in edge.child_fields)
            }
            if keys:
                found |= self._parents(edge.parent, edge.parent_fields, keys)
        return found

    def _parents(self, dataset_id: str, fields: tuple[str, ...], keys: set[tuple]) -> set[str]:
        ref = self.datamap.dataset(dataset_id)
        connector = self.connectors[ref.system.name]
        columns = list(dict.fromkeys([*fields, *self.needed(dataset_id)]))
        found: set[str] = set()
        for rows in connector.find(
            ref.dataset, ByReference(fields, sorted(keys, key=str)), columns
        ):
            found |= self.identities(dataset_id, rows)
        return found

    def _normalised(self, value: Any) -> str | None:
        if value is None or not str(value).strip():
            return None
        try:
            return normalise_identity(self.kind, str(value), self.region)
        except ValueError:
            return None  # an unusable stored value cannot be written to
