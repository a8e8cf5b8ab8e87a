"""Find one subject's records in every system, from an identity such as an e-mail address.

The walk follows the data map's references parents-first: records found by identity give the
keys their children are looked up by (an account -> its purchases -> their documents in S3;
cases in another database found both by e-mail and by account id). Each dataset is queried
with IN-lists of parent keys on indexed columns, so the cost follows the subject's footprint,
not the size of the systems; only key columns are kept in memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gdpr.connectors.base import ByIdentity, ByReference, Connector, Criterion
from gdpr.datamap.graph import ReferenceGraph
from gdpr.datamap.models import DataMap, DatasetRef
from gdpr.ledger import digest_keys
from gdpr.ledger.identity import normalise_email


@dataclass
class DatasetHits:
    """The keys of one subject's records in one dataset, plus the fields children join on."""

    dataset: str
    key_fields: tuple[str, ...]
    rows: dict[tuple, dict[str, Any]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.rows)

    def keys(self) -> list[tuple]:
        return sorted(self.rows, key=_sort_key)

    def values(self, fields: tuple[str, ...]) -> list[tuple]:
        """Distinct non-null combinations of ``fields`` across the hits (keys for child lookups)."""
        combos = {tuple(row[f] for f in fields) for row in self.rows.values()}
        return sorted((c for c in combos if None not in c), key=_sort_key)

    def keys_sha256(self) -> str:
        """SHA-256 of the sorted keys: evidence of which records, without the records."""
        return digest_keys(list(k) for k in self.rows)


@dataclass
class SubjectLocation:
    identity: str
    hits: dict[str, DatasetHits]

    @property
    def total(self) -> int:
        return sum(h.count for h in self.hits.values())

    def counts(self) -> dict[str, int]:
        """Records per dataset: what may go to XCom and logs."""
        return {name: h.count for name, h in self.hits.items()}

    @property
    def found(self) -> bool:
        return self.total > 0


def normalise_identity(kind: str, value: str) -> str:
    if kind == "email":
        return normalise_email(value)
    return value.strip()


def resolve_subject(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    identity: str,
    value: str,
) -> SubjectLocation:
    """Every record of the subject, by dataset. ``identity`` names one of the map's identities."""
    kinds = {i.name: i.kind for i in datamap.identities}
    if identity not in kinds:
        raise ValueError(
            f"unknown identity {identity!r}; the data map declares {', '.join(sorted(kinds))}"
        )
    normalised = normalise_identity(kinds[identity], value)
    graph = ReferenceGraph.of(datamap)
    hits: dict[str, DatasetHits] = {}
    for dataset_id in graph.parents_first():
        ref = datamap.dataset(dataset_id)
        criteria = _criteria(ref, graph, hits, identity, normalised, kinds[identity])
        hits[dataset_id] = _collect(ref, connectors[ref.system.name], criteria, graph)
    return SubjectLocation(identity=identity, hits=hits)


def _criteria(
    ref: DatasetRef,
    graph: ReferenceGraph,
    hits: Mapping[str, DatasetHits],
    identity: str,
    value: str,
    kind: str,
) -> list[Criterion]:
    criteria: list[Criterion] = []
    if identity in ref.dataset.identity:
        criteria.append(ByIdentity(ref.dataset.identity[identity], value, kind))
    for edge in graph.parents_of(ref.id):
        parent_values = hits[edge.parent].values(edge.parent_fields)
        if parent_values:
            criteria.append(ByReference(edge.child_fields, parent_values))
    return criteria


def _collect(
    ref: DatasetRef, connector: Connector, criteria: list[Criterion], graph: ReferenceGraph
) -> DatasetHits:
    if ref.kind == "s3":
        key_fields: tuple[str, ...] = ("key",)
        columns = sorted({f for r in ref.dataset.references for f in r.fields})
    else:
        key_fields = tuple(ref.dataset.primary_key)
        columns = sorted(set(key_fields) | graph.fields_needed(ref.id))
    hits = DatasetHits(ref.id, key_fields)
    for criterion in criteria:
        for batch in connector.find(ref.dataset, criterion, columns):
            for row in batch:
                hits.rows[tuple(row[k] for k in key_fields)] = row
    return hits


def _sort_key(values: tuple) -> tuple:
    return tuple((v is None, str(type(v).__name__), v if v is not None else 0) for v in values)
