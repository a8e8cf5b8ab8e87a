"""Find one subject's records in every system, from an identity such as an e-mail address.

The walk (``gdpr.subject.walk.descend``) follows the data map's references parents-first:
records found by identity give the keys their children are looked up by (an account -> its
purchases -> their documents in S3; cases in another database found both by e-mail and by
account id). Each dataset is queried with IN-lists of parent keys on indexed columns, so the
cost follows the subject's footprint, not the size of the systems; only key columns and the
fields records join on are kept in memory.

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
from dataclasses import dataclass, field
from typing import Any, Literal

from gdpr.connectors.base import ByIdentities, ByIdentity, ByReference, Connector, Criterion
from gdpr.connectors.keys import key_texts
from gdpr.datamap.graph import ReferenceGraph
from gdpr.datamap.models import DataMap, DatasetRef
from gdpr.ledger.identity import identity_kind, normalise_for, normalise_identity
from gdpr.subject.walk import Columns, DatasetHits, Narrow, ascend, descend, owner_columns

__all__ = [
    "AmbiguousIdentityError",
    "DatasetHits",
    "SecondIdentifier",
    "SubjectLocation",
    "normalise_identity",
    "refuse_shared",
    "resolve_people",
    "resolve_record",
    "resolve_records",
    "resolve_subject",
]


@dataclass
class SubjectLocation:
    identity: str
    hits: dict[str, DatasetHits]
    # records shared by several parties (references with a `role`): by dataset, then by the
    # row's key as in ``hits``, the roles through which the subject reached the row
    roles: dict[str, dict[tuple, set[str]]] = field(default_factory=dict)

    def roles_of(self, dataset_id: str, key: tuple) -> set[str]:
        """The parties of a shared record the subject is (empty: reached otherwise)."""
        return self.roles.get(dataset_id, {}).get(key, set())

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
    columns: Columns | None = None,
) -> SubjectLocation:
    """Every record of the subject, by dataset. ``identity`` names one of the map's identities.

    ``within`` limits the walk to those datasets and the ones needed to reach them, so a caller
    that only cares about some systems does not depend on the others being up.

    An identity matching several records of a ``one_per_subject`` dataset raises
    ``AmbiguousIdentityError`` unless ``second`` chooses one of them; ``shared="merge"`` keeps
    them all instead, for callers that protect rather than act (retention exemptions: everyone
    who might be the subject of an open request or a hold is kept).

    ``columns``: what to read of each dataset's records besides their keys (default: the
    fields they join on), for a caller that decides on more (an erasure's plan,
    ``gdpr.erasure.plan.planning_columns``) and would otherwise read the records twice.
    """
    graph = ReferenceGraph.of(datamap)
    kind = identity_kind(datamap, identity)
    # normalised once, in the map's region (``normalise_for``'s, which the graph keeps)
    normalised = normalise_identity(kind, value, graph.region)
    seeds = {}
    for dataset_id in graph.nodes:
        column = datamap.dataset(dataset_id).dataset.identity.get(identity)
        if column is not None:
            seeds[dataset_id] = ByIdentity(column, normalised, kind)
    chooser = None
    if shared == "refuse":
        chooser = _Chooser(datamap, connectors, graph, identity, second)
    elif second is not None:
        raise ValueError("a second identifier narrows a shared identity; it cannot merge")
    roles: dict[str, dict[tuple, set[str]]] = {}
    hits = _hits(
        datamap, connectors, graph, seeds, within, narrow=chooser, roles=roles, columns=columns
    )
    return SubjectLocation(identity=identity, hits=hits, roles=roles)


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
    seed = _by_key(connectors, datamap.dataset(dataset_id), key)
    return resolve_records(datamap, connectors, dataset_id, seed, within)


def resolve_records(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    dataset_id: str,
    criterion: Criterion,
    within: Collection[str] | None = None,
) -> SubjectLocation:
    """The records of ``dataset_id`` a criterion finds (one key, or a hold's conditions) and
    every record that depends on them."""
    graph = ReferenceGraph.of(datamap)
    return SubjectLocation(
        identity=f"records of {dataset_id}",
        hits=_hits(datamap, connectors, graph, {dataset_id: criterion}, within, below=dataset_id),
    )


def resolve_people(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    identity: str,
    values: Collection[str],
    within: Collection[str] | None = None,
) -> SubjectLocation:
    """Every record of all these people together, not told apart (normalised ``identity``
    values, as ``ascend`` gives them): what protects them, never what acts on one of them."""
    kind = identity_kind(datamap, identity)
    seeds = {
        ref.id: ByIdentities(ref.dataset.identity[identity], tuple(sorted(values)), kind)
        for ref in datamap.iter_datasets()
        if identity in ref.dataset.identity
    }
    graph = ReferenceGraph.of(datamap)
    hits = _hits(datamap, connectors, graph, seeds if values else {}, within)
    return SubjectLocation(identity=identity, hits=hits)


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
    ref = datamap.dataset(dataset_id)
    graph = ReferenceGraph.of(datamap)
    columns = sorted(
        {*_key_fields(connectors, ref), *owner_columns(datamap, dataset_id, identity, graph=graph)}
    )
    criterion = _by_key(connectors, ref, key)
    rows = [
        r
        for rows in connectors[ref.system.name].find(ref.dataset, criterion, columns)
        for r in rows
    ]
    return ascend(datamap, connectors, dataset_id, rows, identity, graph=graph)


class _Chooser:
    """Keeps one person among the records an identity matched in a ``one_per_subject`` dataset,
    and remembers the others so rows pointing to them elsewhere are left out: the ``narrow``
    of the walk, applied to the rows each dataset's identity look-up found."""

    def __init__(
        self,
        datamap: DataMap,
        connectors: Mapping[str, Connector],
        graph: ReferenceGraph,
        identity: str,
        second: SecondIdentifier | None,
    ) -> None:
        self.datamap, self.connectors, self.graph = datamap, connectors, graph
        self.identity, self.second = identity, second
        self.left_out: dict[str, DatasetHits] = {}  # dataset -> the other people's records
        if second is not None and second.identity is not None:
            normalise_for(datamap, second.identity, second.value or "")  # a clear error first
        if second is not None and second.dataset is not None:
            datamap.dataset(second.dataset)  # KeyError names an unknown dataset

    def __call__(self, ref: DatasetRef, hits: DatasetHits) -> DatasetHits:
        """The identity's matches in ``ref``: none that point to the other people's records,
        and one person where records are people (else ``AmbiguousIdentityError``)."""
        for edge in self.graph.parents_of(ref.id):
            if edge.parent in self.left_out:
                theirs = {
                    self.graph.join_key(edge, v)
                    for v in self.left_out[edge.parent].values(edge.parent_fields)
                } - {None}
                hits = DatasetHits(
                    hits.dataset,
                    hits.key_fields,
                    {
                        k: r
                        for k, r in hits.rows.items()
                        if self.graph.join_key(edge, (r.get(f) for f in edge.child_fields))
                        not in theirs
                    },
                )
        return self._seeded(ref, hits)

    def _seeded(self, ref: DatasetRef, hits: DatasetHits) -> DatasetHits:
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
            wanted = key_texts(second.key.get(f) for f in hits.key_fields)
            return {k for k in hits.rows if key_texts(k) == wanted}
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


def _hits(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    graph: ReferenceGraph,
    seeds: Mapping[str, Criterion],
    within: Collection[str] | None = None,
    below: str | None = None,
    narrow: Narrow | None = None,
    roles: dict[str, dict[tuple, set[str]]] | None = None,
    columns: Columns | None = None,
) -> dict[str, DatasetHits]:
    """Every dataset's hits from the seeds down (``descend``), in the datasets ``within``
    needs (they and the ones they are reached through) and ``below`` a dataset; none elsewhere.
    ``roles`` receives the roles through which shared records were reached (``Walk.roles``)."""
    scope = set(graph.nodes)
    if within is not None:
        scope = set(within).union(*(graph.ancestors(d) for d in within))
    if below is not None:
        scope &= {below} | graph.descendants(below)
    walk = descend(datamap, connectors, seeds, columns, datasets=scope, narrow=narrow, graph=graph)
    if roles is not None:
        roles.update(walk.roles)
    return {
        d: walk.hits[d]
        if d in walk.hits
        else DatasetHits(d, _key_fields(connectors, datamap.dataset(d)))
        for d in graph.parents_first()
    }


def _by_key(
    connectors: Mapping[str, Connector], ref: DatasetRef, key: Mapping[str, Any]
) -> ByReference:
    """The look-up of one record by its key (field -> value)."""
    fields = _key_fields(connectors, ref)
    return ByReference(fields, [tuple(key.get(f) for f in fields)])


def _key_fields(connectors: Mapping[str, Connector], ref: DatasetRef) -> tuple[str, ...]:
    """What identifies one record, as its system's connector says (an archive member: its
    archive's key and its name; a row: the primary key); none for a system not connected."""
    connector = connectors.get(ref.system.name)
    return tuple(connector.key_fields(ref.dataset)) if connector else ()
