"""Find one subject's records in every system, from an identity such as an e-mail address.

The walk follows the data map's references parents-first: records found by identity give the
keys their children are looked up by (an account -> its purchases -> their documents in S3;
cases in another database found both by e-mail and by account id). Each dataset is queried
with IN-lists of parent keys on indexed columns, so the cost follows the subject's footprint,
not the size of the systems; only key columns are kept in memory.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
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

    def sorted_keys(self) -> list[tuple]:
        return sorted(self.rows, key=_sort_key)

    def values(self, fields: tuple[str, ...]) -> list[tuple]:
        """Distinct non-null combinations of ``fields`` across the hits (keys for child lookups)."""
        combos = {tuple(row[f] for f in fields) for row in self.rows.values()}
        return [c for c in combos if None not in c]

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
    within: Collection[str] | None = None,
) -> SubjectLocation:
    """Every record of the subject, by dataset. ``identity`` names one of the map's identities.

    ``within`` limits the walk to those datasets and the ones needed to reach them, so a caller
    that only cares about some systems does not depend on the others being up.
    """
    kinds = {i.name: i.kind for i in datamap.identities}
    if identity not in kinds:
        raise ValueError(
            f"unknown identity {identity!r}; the data map declares {', '.join(sorted(kinds))}"
        )
    normalised = normalise_identity(kinds[identity], value)
    seeds = {
        ref.id: ByIdentity(ref.dataset.identity[identity], normalised, kinds[identity])
        for ref in datamap.iter_datasets()
        if identity in ref.dataset.identity
    }
    return SubjectLocation(identity=identity, hits=_walk(datamap, connectors, seeds, within))


def resolve_record(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    dataset_id: str,
    key: Mapping[str, Any],
    within: Collection[str] | None = None,
) -> SubjectLocation:
    """A record and every record that depends on it (what a legal hold on that record covers)."""
    ref = datamap.dataset(dataset_id)
    fields = ("key",) if ref.kind == "s3" else tuple(ref.dataset.primary_key)
    seed = ByReference(fields, [tuple(key.get(f) for f in fields)])
    return SubjectLocation(
        identity=f"record of {dataset_id}",
        hits=_walk(datamap, connectors, {dataset_id: seed}, within, below=dataset_id),
    )


def _walk(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    seeds: Mapping[str, Criterion],
    within: Collection[str] | None = None,
    below: str | None = None,
) -> dict[str, DatasetHits]:
    graph = ReferenceGraph.of(datamap)
    scope: set[str] | None = None
    if within is not None:
        scope = set(within).union(*(graph.ancestors(d) for d in within))
    if below is not None:
        scope = (scope if scope is not None else set(graph.nodes)) & (
            {below} | graph.descendants(below)
        )
    hits: dict[str, DatasetHits] = {}
    for dataset_id in graph.parents_first():
        ref = datamap.dataset(dataset_id)
        if scope is not None and dataset_id not in scope:
            hits[dataset_id] = DatasetHits(dataset_id, _key_fields(ref))
            continue
        criteria = _criteria(ref, graph, hits, seeds.get(dataset_id))
        hits[dataset_id] = _collect(ref, connectors[ref.system.name], criteria, graph)
    return hits


def _criteria(
    ref: DatasetRef, graph: ReferenceGraph, hits: Mapping[str, DatasetHits], seed: Criterion | None
) -> list[Criterion]:
    criteria: list[Criterion] = [seed] if seed is not None else []
    for edge in graph.parents_of(ref.id):
        parent_values = hits[edge.parent].values(edge.parent_fields)
        if parent_values:
            criteria.append(ByReference(edge.child_fields, parent_values))
    return criteria


def _collect(
    ref: DatasetRef, connector: Connector, criteria: list[Criterion], graph: ReferenceGraph
) -> DatasetHits:
    key_fields = _key_fields(ref)
    if ref.kind == "s3":
        columns = sorted({f for r in ref.dataset.references for f in r.fields})
    else:
        columns = sorted(set(key_fields) | graph.fields_needed(ref.id))
    hits = DatasetHits(ref.id, key_fields)
    for criterion in criteria:
        for batch in connector.find(ref.dataset, criterion, columns):
            for row in batch:
                hits.rows[tuple(row[k] for k in key_fields)] = row
    return hits


def _sort_key(values: tuple) -> tuple:
    return tuple((v is None, str(type(v).__name__), v if v is not None else 0) for v in values)


def _key_fields(ref: DatasetRef) -> tuple[str, ...]:
    return ("key",) if ref.kind == "s3" else tuple(ref.dataset.primary_key)
