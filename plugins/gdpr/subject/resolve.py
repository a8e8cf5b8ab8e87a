"""Find one subject's records in every system, from an identity such as an e-mail address.

The walk follows the data map's references parents-first: records found by identity give the
keys their children are looked up by (an account -> its purchases -> their documents in S3;
cases in another database found both by e-mail and by account id). Each dataset is queried
with IN-lists of parent keys on indexed columns, so the cost follows the subject's footprint,
not the size of the systems; only key columns are kept in memory.

The identity to search by is one the data map declares (any name, any kind: e-mail, phone,
customer number), normalised by ``gdpr.ledger.identity``, the one normaliser of the product.
Two people may share an identity (a couple with one e-mail address): in a dataset whose records
are each a person (``one_per_subject``), an identity matching several records is never merged
into one subject. Resolution stops with ``AmbiguousIdentityError`` and the caller narrows it with
a ``SecondIdentifier``: another identity those records hold, or the key of the person's record.
Rows matching the identity elsewhere (found by e-mail in another system) are the subject's as before,
except those that point to one of the other people's records.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, Literal

from gdpr.connectors.base import ByIdentity, ByReference, Connector, Criterion
from gdpr.datamap.graph import ReferenceGraph
from gdpr.datamap.models import DataMap, DatasetRef
from gdpr.ledger import digest_keys
from gdpr.ledger.identity import identity_kind, normalise_for, normalise_identity

__all__ = [
    "AmbiguousIdentityError",
    "DatasetHits",
    "SecondIdentifier",
    "SubjectLocation",
    "normalise_identity",
    "refuse_shared",
    "resolve_record",
    "resolve_subject",
]


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


class AmbiguousIdentityError(ValueError):
    """The identity matches several people of a dataset whose records are each a person.

    The message is one sentence naming the dataset and how many people match, never the identity.
    """

    def __init__(self, dataset: str, people: int, identities: Collection[str]):
        self.dataset, self.people = dataset, people
        others = ", ".join(sorted(identities))
        second = f"another identity of theirs ({others}) or" if others else ""
        super().__init__(
            f"the identity matches {people} people in {dataset}: they are not merged into one "
            f"subject, so give a second identifier, {second} the key of the person's record "
            f"in {dataset}"
        )


@dataclass(frozen=True)
class SecondIdentifier:
    """What tells apart people who share an identity: the value of another identity the map
    declares (``identity``, ``value``), or the key of the person's record (``dataset``, ``key``:
    primary key field -> value). It only ever chooses among the records the identity matched."""

    identity: str | None = None
    value: str | None = None
    dataset: str | None = None
    key: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        by_identity = self.identity is not None and self.value is not None
        by_record = self.dataset is not None and self.key is not None
        if by_identity == by_record:
            raise ValueError(
                "a second identifier is either another identity and its value, "
                "or a dataset and the key of a record"
            )


def resolve_subject(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    identity: str,
    value: str,
    within: Collection[str] | None = None,
    *,
    second: SecondIdentifier | None = None,
    shared: Literal["refuse", "merge"] = "refuse",
) -> SubjectLocation:
    """Every record of the subject, by dataset. ``identity`` names one of the map's identities.

    ``within`` limits the walk to those datasets and the ones needed to reach them, so a caller
    that only cares about some systems does not depend on the others being up.

    An identity matching several records of a ``one_per_subject`` dataset raises
    ``AmbiguousIdentityError`` unless ``second`` chooses one of them; ``shared="merge"`` keeps
    them all instead, for callers that protect rather than act (retention exemptions: everyone
    who might be the subject of an open request or a hold is kept).
    """
    kind = identity_kind(datamap, identity)
    normalised = normalise_for(datamap, identity, value)
    seeds = {
        ref.id: ByIdentity(ref.dataset.identity[identity], normalised, kind)
        for ref in datamap.iter_datasets()
        if identity in ref.dataset.identity
    }
    chooser = None
    if shared == "refuse":
        chooser = _Chooser(datamap, connectors, identity, second)
    elif second is not None:
        raise ValueError("a second identifier narrows a shared identity; it cannot merge")
    return SubjectLocation(
        identity=identity, hits=_walk(datamap, connectors, seeds, within, choose=chooser)
    )


def refuse_shared(datamap: DataMap, location: SubjectLocation) -> None:
    """Raise ``AmbiguousIdentityError`` if ``location`` holds several records of a
    ``one_per_subject`` dataset that declares its identity: for callers that found the subject
    another way than ``resolve_subject`` (a batch resolving many subjects in one walk)."""
    for dataset_id, hits in location.hits.items():
        ref = datamap.dataset(dataset_id)
        declared = location.identity in ref.dataset.identity
        if ref.dataset.one_per_subject and declared and hits.count > 1:
            others = set(ref.dataset.identity) - {location.identity}
            raise AmbiguousIdentityError(dataset_id, hits.count, others)


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


def record_owners(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    dataset_id: str,
    key: Mapping[str, Any],
    identity: str,
) -> set[str]:
    """The normalised ``identity`` values of the people a record belongs to, found by walking
    up its references to the datasets that hold that identity (a hold in `subject` scope
    protects everything of its record's owner, not only the record)."""
    graph = ReferenceGraph.of(datamap)
    kind = identity_kind(datamap, identity)
    owners: set[str] = set()
    ref = datamap.dataset(dataset_id)
    fields = _key_fields(ref)
    todo: list[tuple[str, ByReference]] = [
        (dataset_id, ByReference(fields, [tuple(key.get(f) for f in fields)]))
    ]
    seen: set[tuple[str, tuple]] = set()
    while todo:
        current, criterion = todo.pop()
        ref = datamap.dataset(current)
        edges = graph.parents_of(current)
        column = ref.dataset.identity.get(identity)
        columns = {*_key_fields(ref), *(f for e in edges for f in e.child_fields)}
        if column:
            columns.add(column)
        parents: dict[tuple[str, tuple[str, ...]], set[tuple]] = {}
        for rows in connectors[ref.system.name].find(ref.dataset, criterion, sorted(columns)):
            for row in rows:
                if column and row.get(column) not in (None, ""):
                    with suppress(ValueError):  # an unusable stored value names nobody
                        owners.add(normalise_identity(kind, str(row[column])))
                for edge in edges:
                    values = tuple(row.get(f) for f in edge.child_fields)
                    if None not in values:
                        parents.setdefault((edge.parent, edge.parent_fields), set()).add(values)
        for (parent, parent_fields), values in parents.items():
            fresh = [v for v in values if (parent, tuple(map(_text, v))) not in seen]
            seen.update((parent, tuple(map(_text, v))) for v in fresh)
            if fresh:
                todo.append((parent, ByReference(parent_fields, fresh)))
    return owners


class _Chooser:
    """Keeps one person among the records an identity matched in a ``one_per_subject`` dataset,
    and remembers the others so rows pointing to them elsewhere are left out."""

    def __init__(
        self,
        datamap: DataMap,
        connectors: Mapping[str, Connector],
        identity: str,
        second: SecondIdentifier | None,
    ) -> None:
        self.datamap, self.connectors = datamap, connectors
        self.identity, self.second = identity, second
        self.left_out: dict[str, DatasetHits] = {}  # dataset -> the other people's records
        if second is not None and second.identity is not None:
            normalise_for(datamap, second.identity, second.value or "")  # a clear error first
        if second is not None and second.dataset is not None:
            datamap.dataset(second.dataset)  # KeyError names an unknown dataset

    def seeded(self, ref: DatasetRef, hits: DatasetHits) -> DatasetHits:
        """The identity's matches in ``ref``: one person, or ``AmbiguousIdentityError``."""
        if not ref.dataset.one_per_subject or hits.count <= 1:
            return hits
        others = sorted(set(ref.dataset.identity) - {self.identity})
        kept = self._narrowed(ref, hits, others)
        if kept is None:
            raise AmbiguousIdentityError(ref.id, hits.count, others)
        if not kept:
            raise ValueError(
                f"the second identifier matches none of the {hits.count} people who share the "
                f"identity in {ref.id}"
            )
        chosen = DatasetHits(hits.dataset, hits.key_fields, {k: hits.rows[k] for k in kept})
        self.left_out[ref.id] = DatasetHits(
            hits.dataset, hits.key_fields, {k: r for k, r in hits.rows.items() if k not in kept}
        )
        return chosen

    def _narrowed(self, ref: DatasetRef, hits: DatasetHits, others: list[str]) -> set | None:
        second = self.second
        if second is None:
            return None
        if second.key is not None:
            if second.dataset != ref.id:
                return None
            wanted = tuple(_text(second.key.get(f)) for f in hits.key_fields)
            return {k for k in hits.rows if tuple(_text(v) for v in k) == wanted}
        if second.identity not in ref.dataset.identity:
            return None  # that identity is not held here: it cannot tell these people apart
        criterion = ByIdentity(
            ref.dataset.identity[second.identity],
            normalise_for(self.datamap, second.identity, second.value or ""),
            identity_kind(self.datamap, second.identity),
        )
        found: set[tuple] = set()
        connector = self.connectors[ref.system.name]
        for batch in connector.find(ref.dataset, criterion, list(hits.key_fields)):
            found |= {tuple(row[k] for k in hits.key_fields) for row in batch}
        return set(hits.rows) & found

    def not_theirs(self, ref: DatasetRef, graph: ReferenceGraph) -> list[tuple[tuple, set]]:
        """(fields of ``ref``, values) pointing to records left out: rows that are another
        person's, though the identity matched them."""
        out = []
        for edge in graph.parents_of(ref.id):
            if edge.parent in self.left_out:
                values = set(self.left_out[edge.parent].values(edge.parent_fields))
                out.append((edge.child_fields, {tuple(_text(v) for v in c) for c in values}))
        return out


def _walk(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    seeds: Mapping[str, Criterion],
    within: Collection[str] | None = None,
    below: str | None = None,
    choose: _Chooser | None = None,
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
        connector = connectors[ref.system.name]
        seed = seeds.get(dataset_id)
        if seed is None or choose is None:
            criteria = _criteria(ref, graph, hits, seed)
            hits[dataset_id] = _collect(ref, connector, criteria, graph)
            continue
        # found by the identity: one person per record where records are people, and none of
        # the rows pointing to the other people's records
        excluded = choose.not_theirs(ref, graph)
        extra = sorted({f for fields, _ in excluded for f in fields})
        found = _collect(ref, connector, [seed], graph, extra)
        for fields, values in excluded:
            found.rows = {
                k: r
                for k, r in found.rows.items()
                if tuple(_text(r.get(f)) for f in fields) not in values
            }
        for row in found.rows.values() if extra else ():
            for name in set(extra) - set(found.key_fields) - graph.fields_needed(ref.id):
                row.pop(name, None)
        found = choose.seeded(ref, found)
        found.rows.update(_collect(ref, connector, _criteria(ref, graph, hits, None), graph).rows)
        hits[dataset_id] = found
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
    ref: DatasetRef,
    connector: Connector,
    criteria: list[Criterion],
    graph: ReferenceGraph,
    extra: Collection[str] = (),
) -> DatasetHits:
    key_fields = _key_fields(ref)
    if ref.kind == "s3":
        columns = sorted({f for r in ref.dataset.references for f in r.fields})
    else:
        columns = sorted(set(key_fields) | graph.fields_needed(ref.id) | set(extra))
    hits = DatasetHits(ref.id, key_fields)
    for criterion in criteria:
        for batch in connector.find(ref.dataset, criterion, columns):
            for row in batch:
                hits.rows[tuple(row[k] for k in key_fields)] = row
    return hits


def _text(value: Any) -> str | None:
    """A key value compared across types (7 and "7", a UUID and its text)."""
    return None if value is None else str(value).strip()


def _sort_key(values: tuple) -> tuple:
    return tuple((v is None, str(type(v).__name__), v if v is not None else 0) for v in values)


def _key_fields(ref: DatasetRef) -> tuple[str, ...]:
    return ("key",) if ref.kind == "s3" else tuple(ref.dataset.primary_key)
