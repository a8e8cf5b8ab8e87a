"""The one walk of the data map's reference graph: down to what depends on records, up to whose
they are. Access, erasure (one subject or a batch), rectification, retention purges and their
exemptions, and breach scoping all walk the graph through this module.

References point from a child record to its parent (``gdpr.datamap.graph``). Two walks:

- ``descend``: from seed records (found by an identity, by a batch of identities, or by their
  keys) down to every record that depends on them, parents first. A dataset is read once all
  the datasets it references are: its seed's look-up and one per followed reference whose
  values are the distinct join values of the parent records found, sent as IN-lists of parent
  keys on indexed columns (the connector chunks them), asked together (``find_any``: one
  statement joined by OR on a SQL system, each row saying which look-ups it met). A dataset
  no seed and no found parent leads to is not read at all. Cost: per dataset in scope, one
  query where its look-ups fit in one (else one per look-up and IN-list chunk), so it
  follows the seeds' footprint, not the size of the systems. In Python: per dataset read, a few
  dict look-ups in the map's graph (its references either way, its order parents first, the
  fields records join on: built once per map object, ``ReferenceGraph.of``), and per row found,
  its key and its join values; rows are filed a group at a time (those meeting the same
  look-ups), and keys that are the values as read and single-column join values are taken
  by ``itemgetter``, without Python code per row (a large subject's 100,000). In memory: the
  rows found, with only the columns the caller asks for besides the keys (by default the
  fields children join on and the fields joining to parents); with labels, each row's set of
  labels and, per followed reference, an index of the parents' join values to their labels.
- ``ascend``: from rows of one dataset up to the identity values of the people they belong
  to: a dataset's identity column where it holds one, and its references, followed only
  towards datasets that hold the identity or lead to one that does. Children first, each
  ancestor is read once per set of join fields, with the distinct join values of every row
  below it. Cost: per call, one query (per IN-list chunk) per ancestor on the way to an
  identity, whatever the number of rows; in memory, the join values and the identities.

Join values compared across systems (a UUID from PostgreSQL and the same UUID as text from
MariaDB or an S3 key's placeholder) go through the one key codec, ``gdpr.connectors.keys``;
the values sent to a connector are those read, which it binds for its own columns. A reference
declared with ``match`` (a service desk linked to the CRM only by a typed e-mail) compares the
normalised value instead, through the one identity normaliser (``ReferenceGraph.join_key``):
its look-ups are ``ByIdentities`` of the normalised parent values, which the system compares
with its own values normalised. Systems
are only used through the connector protocol (``find``, ``key_fields``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from typing import Any

from gdpr.connectors.base import (
    ByIdentities,
    ByReference,
    Connector,
    Criterion,
    find_any,
    reading,
)
from gdpr.datamap.graph import Edge, ReferenceGraph
from gdpr.datamap.models import DataMap, DatasetRef
from gdpr.ledger import digest_keys
from gdpr.ledger.identity import identity_kind, normalise_identity, region_of

__all__ = [
    "DatasetHits",
    "Walk",
    "ascend",
    "descend",
    "edge_criterion",
    "join_columns",
    "join_values",
    "owner_columns",
]

Key = tuple[Any, ...]
Row = dict[str, Any]


@dataclass
class DatasetHits:
    """The keys of the records found in one dataset, plus the fields they join on."""

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
        return join_values(self.rows.values(), fields)

    def keys_sha256(self) -> str:
        """SHA-256 of the sorted keys: evidence of which records, without the records."""
        return digest_keys(list(k) for k in self.rows)


Columns = Callable[[DatasetRef], Iterable[str]]
Label = Callable[[DatasetRef, Row], str]
Narrow = Callable[[DatasetRef, DatasetHits], DatasetHits]


@dataclass
class Walk:
    """What ``descend`` found: the hits of each dataset it read, and with labels, each
    labelled row's labels (by dataset, then by the row's key). ``roles``: for rows found
    through references that name a ``role`` (a record shared by several parties), the roles
    they were reached by; with labels, by label (``label_roles``: dataset, key, label, roles)."""

    hits: dict[str, DatasetHits]
    labels: dict[str, dict[Key, set[str]]] = field(default_factory=dict)
    roles: dict[str, dict[Key, set[str]]] = field(default_factory=dict)
    label_roles: dict[str, dict[Key, dict[str, set[str]]]] = field(default_factory=dict)


def descend(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    seeds: Mapping[str, Criterion],
    columns: Columns | None = None,
    *,
    datasets: Collection[str] | None = None,
    parents: Callable[[str], Iterable[Edge]] | None = None,
    key: Callable[[Iterable[Any]], Key] = tuple,
    label: Label | None = None,
    narrow: Narrow | None = None,
    graph: ReferenceGraph | None = None,
) -> Walk:
    """The records ``seeds`` find (a criterion per dataset) and every record below them.

    ``datasets``: the datasets read (default: all), walked parents first; a reference from a
    dataset outside them is not followed. ``columns``: what to read of a dataset besides its
    keys (default ``join_columns``). ``parents``: the references followed into a dataset
    (default: all of the graph's). ``key``: the form of the keys of ``DatasetHits.rows``, from
    the key fields' values (default the values as read; ``key_texts`` for the codec's text).
    ``label``: a seed row's label (whose row it is); rows found through a reference inherit
    the labels of the parent rows whose join values they hold. ``narrow``: keeps some of the
    rows a seed found, before the references bring the rest. A row found through a reference
    that names a ``role`` (a record shared by several parties) records it in ``Walk.roles``,
    and with labels, per label in ``Walk.label_roles``.
    """
    graph = graph or ReferenceGraph.of(datamap)
    scope = set(graph.nodes if datasets is None else datasets)
    refs = {d: datamap.dataset(d) for d in scope}  # each looked up once per walk
    # one connection per system for the whole walk
    with reading(connectors, {ref.system.name for ref in refs.values()}):
        return _descend(
            refs,
            connectors,
            seeds,
            columns,
            graph,
            parents or graph.parents_of,
            key,
            label,
            narrow,
        )


def _descend(
    refs: Mapping[str, DatasetRef],
    connectors: Mapping[str, Connector],
    seeds: Mapping[str, Criterion],
    columns: Columns | None,
    graph: ReferenceGraph,
    edges_into: Callable[[str], Iterable[Edge]],
    key: Callable[[Iterable[Any]], Key],
    label: Label | None,
    narrow: Narrow | None,
) -> Walk:
    walk = Walk({})
    joined: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}  # ``edge_criterion``'s values
    for dataset_id in graph.parents_first():
        ref = refs.get(dataset_id)
        if ref is None:  # out of scope
            continue
        connector = connectors[ref.system.name]
        fields = tuple(connector.key_fields(ref.dataset))
        wanted = sorted({*fields, *(columns(ref) if columns else graph.join_fields(dataset_id))})
        hits = walk.hits[dataset_id] = DatasetHits(dataset_id, fields)
        labels = walk.labels.setdefault(dataset_id, {}) if label else {}
        # the seed's look-up and each followed reference's, asked together: ONE statement
        # where the system can (a ticket found by e-mail OR by account), then taken apart
        criteria: list[Criterion] = []
        followed: list[Edge] = []
        seed = seeds.get(dataset_id)
        if seed is not None:
            criteria.append(seed)
        for edge in edges_into(dataset_id):
            parent = walk.hits.get(edge.parent)
            if parent is None:
                continue
            criterion = edge_criterion(graph, edge, parent.rows.values(), joined)
            if criterion is not None:
                criteria.append(criterion)
                followed.append(edge)
        if not criteria:
            continue
        by_criterion: list[dict[Key, Row]] = [{} for _ in criteria]
        keys_of = _keys_of(fields, key)
        for matched, rows in find_any(connector, ref.dataset, criteria, wanted):
            keys = list(keys_of(rows))
            for n in matched:
                by_criterion[n].update(zip(keys, rows, strict=True))
        if seed is not None:
            found = DatasetHits(dataset_id, fields, by_criterion.pop(0))
            if narrow is not None:
                found = narrow(ref, found)
            hits.rows.update(found.rows)
            if label is not None:
                for k, row in found.rows.items():
                    labels.setdefault(k, set()).add(label(ref, row))
        for edge, reached in zip(followed, by_criterion, strict=True):
            role = edge.reference.role
            hits.rows.update(reached)
            if label is None:
                if role is not None:
                    for k in reached:
                        walk.roles.setdefault(dataset_id, {}).setdefault(k, set()).add(role)
                continue
            inherited = _labels_by_value(
                graph, edge, walk.hits[edge.parent], walk.labels[edge.parent]
            )
            for k, row in reached.items():
                got = inherited.get(graph.join_key(edge, (row.get(f) for f in edge.child_fields)))
                if got:
                    labels.setdefault(k, set()).update(got)
                if role is not None:
                    walk.roles.setdefault(dataset_id, {}).setdefault(k, set()).add(role)
                    by_label = walk.label_roles.setdefault(dataset_id, {}).setdefault(k, {})
                    for one in got or ():
                        by_label.setdefault(one, set()).add(role)
    return walk


def edge_criterion(
    graph: ReferenceGraph,
    edge: Edge,
    parents: Iterable[Row],
    joined: dict[tuple[str, tuple[str, ...]], list[tuple]] | None = None,
) -> Criterion | None:
    """The look-up of the records that reference ``parents`` along ``edge``: their join values
    as stored, or for a reference with ``match`` (a service desk linked to the CRM by a typed
    e-mail), the parents' values normalised, compared with the children's normalised in the
    system itself. None when no parent has a value to follow. ``joined``: the join values
    already collected, by parent dataset and fields (several children referencing the same
    parent key: a large subject's 100,000 records read once for the two datasets under them)."""
    kind = edge.reference.match
    if kind is None:
        cache_key = (edge.parent, edge.parent_fields)
        values = joined.get(cache_key) if joined is not None else None
        if values is None:
            values = join_values(parents, edge.parent_fields)
            if joined is not None:
                joined[cache_key] = values
        return ByReference(edge.child_fields, values) if values else None
    keys = {graph.join_key(edge, (row.get(f) for f in edge.parent_fields)) for row in parents}
    normalised = tuple(sorted(k[0] for k in keys if k is not None))
    return ByIdentities(edge.child_fields[0], normalised, kind) if normalised else None


def join_columns(graph: ReferenceGraph, ref: DatasetRef) -> set[str]:
    """The fields a dataset's records join on: those its children reference, and those of its
    own references (which parent records each one belongs to)."""
    return set(graph.join_fields(ref.id))


def join_values(rows: Iterable[Row], fields: Sequence[str]) -> list[tuple]:
    """Distinct non-null combinations of ``fields`` across ``rows``: the values of a look-up of
    the records that reference them."""
    if len(fields) == 1:  # most references: one column, no tuple per row to compare
        values = set(map(itemgetter(fields[0]), rows))
        values.discard(None)
        return list(zip(values))  # one iterable: each value in a 1-tuple, made in C
    combos = {tuple(row[f] for f in fields) for row in rows}
    return [c for c in combos if None not in c]


def owner_columns(
    datamap: DataMap, dataset_id: str, identity: str, *, graph: ReferenceGraph | None = None
) -> list[str]:
    """The fields rows of ``dataset_id`` must carry for ``ascend`` to find their owners: the
    identity's column where the dataset holds it, and its references towards the identity.
    Empty when no record of the dataset can lead to the identity."""
    graph = graph or ReferenceGraph.of(datamap)
    return _owner_fields(datamap, graph, _towards(datamap, graph, identity), dataset_id, identity)


def ascend(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    dataset_id: str,
    rows: Iterable[Row],
    identity: str,
    *,
    graph: ReferenceGraph | None = None,
) -> set[str]:
    """The normalised ``identity`` values of the people ``rows`` of ``dataset_id`` belong to
    (the rows carry ``owner_columns``). A stored value the identity's normaliser refuses names
    nobody and is left out."""
    graph = graph or ReferenceGraph.of(datamap)
    kind, region = identity_kind(datamap, identity), region_of(datamap)
    towards = _towards(datamap, graph, identity)
    owners: set[str] = set()
    # dataset -> (its join fields, how they match) -> the join values' key -> the values as read
    pending: dict[str, dict[tuple[tuple[str, ...], str | None], dict]] = defaultdict(dict)

    def take(current: str, found: Iterable[Row]) -> None:
        column = datamap.dataset(current).dataset.identity.get(identity)
        edges = [e for e in graph.parents_of(current) if e.parent in towards]
        for row in found:
            if column is not None:
                owner = _normalised(kind, region, row.get(column))
                if owner is not None:
                    owners.add(owner)
            for edge in edges:
                values = tuple(row.get(f) for f in edge.child_fields)
                compared = graph.join_key(edge, values)
                if None not in values and compared is not None:
                    into = pending[edge.parent].setdefault(
                        (edge.parent_fields, edge.reference.match), {}
                    )
                    into.setdefault(compared, values)

    take(dataset_id, rows)
    for current in graph.children_first():
        if current not in pending:
            continue
        ref = datamap.dataset(current)
        columns = _owner_fields(datamap, graph, towards, current, identity)
        for (fields, match), values in pending.pop(current).items():
            criterion: Criterion = (
                ByReference(fields, list(values.values()))
                if match is None
                else ByIdentities(fields[0], tuple(sorted(k[0] for k in values)), match)
            )
            for found in connectors[ref.system.name].find(ref.dataset, criterion, columns):
                take(current, found)
    return owners


def _keys_of(
    fields: tuple[str, ...], key: Callable[[Iterable[Any]], Key]
) -> Callable[[list[Row]], Iterable[Key]]:
    """The keys of rows in ``DatasetHits.rows``: the key fields' values through ``key``; for
    the default (the values as read) taken by ``itemgetter`` with no Python call per row,
    which a large subject's 100,000 rows would pay for."""
    if key is not tuple:
        return lambda rows: [key(row[f] for f in fields) for row in rows]
    if len(fields) == 1:
        # zip of one iterable: each value in a 1-tuple, made in C
        return lambda rows: zip(map(itemgetter(fields[0]), rows))
    if fields:
        return partial(map, itemgetter(*fields))
    return lambda rows: [() for _ in rows]


def _labels_by_value(
    graph: ReferenceGraph, edge: Edge, parent: DatasetHits, labels: Mapping[Key, set[str]]
) -> dict[tuple[str, ...] | None, set[str]]:
    """The labels of the parent records, by their join values as ``edge`` compares them."""
    by_value: dict[tuple[str, ...] | None, set[str]] = defaultdict(set)
    for k, row in parent.rows.items():
        own = labels.get(k)
        values = tuple(row.get(f) for f in edge.parent_fields)
        if own and None not in values:
            by_value[graph.join_key(edge, values)] |= own
    by_value.pop(None, None)
    return by_value


def _towards(datamap: DataMap, graph: ReferenceGraph, identity: str) -> set[str]:
    """The datasets that hold ``identity`` or reference, transitively, one that does."""
    holders = {d for d in graph.nodes if identity in datamap.dataset(d).dataset.identity}
    return graph.reachable_from(holders)


def _owner_fields(
    datamap: DataMap, graph: ReferenceGraph, towards: set[str], dataset_id: str, identity: str
) -> list[str]:
    ref = datamap.dataset(dataset_id)
    fields = [ref.dataset.identity[identity]] if identity in ref.dataset.identity else []
    for edge in graph.parents_of(dataset_id):
        if edge.parent in towards:
            fields += edge.child_fields
    return list(dict.fromkeys(fields))


def _normalised(kind: str, region: str | None, value: Any) -> str | None:
    if value is None or not str(value).strip():
        return None
    try:
        return normalise_identity(kind, str(value), region)
    except ValueError:
        return None  # an unusable stored value names nobody


def _sort_key(values: tuple) -> tuple:
    return tuple((v is None, str(type(v).__name__), v if v is not None else 0) for v in values)
