"""The order in which records are deleted: the data map's references and the systems' own keys.

A data map declares each reference in the direction that finds the subject (a loan is found
from its borrower), while a database's foreign key may point the other way (the borrower row
names its current loan). Deleting the map's dependants first would then be refused by the
database. The order therefore comes from both: a system's foreign keys
(``Connector.deletion_order``, read from the live schema) say which records must go first,
and the map's references order the rest (a dependant before the record it refers to). The
retention purge and erasure both take their order from here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from weakref import WeakKeyDictionary

from gdpr.connectors.base import Connector
from gdpr.datamap.models import DataMap, DatasetRef

# connector -> (what, dataset names) -> what the live schema says: read once per connector
# (an erasure batch plans each of its subjects with the same connectors)
_REFLECTED: WeakKeyDictionary[Any, dict[tuple[str, ...], set[Any]]] = WeakKeyDictionary()


def reflected_order(
    datamap: DataMap, connectors: Mapping[str, Connector], datasets: Iterable[str]
) -> set[tuple[str, str]]:
    """``(a, b)`` dataset ids whose records a system itself requires to be deleted a before b
    (a's foreign key refers to b), whatever direction the map declares."""
    pairs: set[tuple[str, str]] = set()
    for connector, refs in _by_system(datamap, connectors, datasets):
        ids = {r.dataset.name: r.id for r in refs}
        order = _cached(connector, "deletion_order", refs, connector.deletion_order)
        pairs |= {(ids[a], ids[b]) for a, b in order}
    return pairs


def _by_system(
    datamap: DataMap, connectors: Mapping[str, Connector], datasets: Iterable[str]
) -> list[tuple[Connector, list[DatasetRef]]]:
    """The datasets grouped by system, with the system's connector (systems without one left out)."""
    grouped: dict[str, list[DatasetRef]] = defaultdict(list)
    for dataset in dict.fromkeys(datasets):
        ref = datamap.dataset(dataset)
        grouped[ref.system.name].append(ref)
    return [(connectors[s], refs) for s, refs in grouped.items() if s in connectors]


def _cached(
    connector: Connector, what: str, refs: list[DatasetRef], read: Callable[[list[Any]], Any]
) -> Any:
    """``read`` of these datasets, asked once per connector (the live schema is read once)."""
    names = (what, *sorted(r.dataset.name for r in refs))
    try:
        cache = _REFLECTED.setdefault(connector, {})
    except TypeError:  # a connector that cannot be weakly referenced: asked every time
        cache = {}
    if names not in cache:
        cache[names] = set(read([r.dataset for r in refs]))
    return cache[names]


def must_precede(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    datasets: Iterable[str],
    edges: Iterable[tuple[str, str]],
) -> set[tuple[str, str]]:
    """``(a, b)``: a's records are changed before b's. ``edges`` are the map's references
    ``(dependant, referenced)`` among ``datasets``: a dependant goes before the record it refers
    to, except where the system's foreign keys point from that record to the dependant."""
    reflected = reflected_order(datamap, connectors, datasets)
    mapped = {(child, parent) for child, parent in edges if (parent, child) not in reflected}
    return reflected | mapped


def children_first(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    datasets: Sequence[str],
    edges: Iterable[tuple[str, str]],
) -> list[str]:
    """``datasets`` (given in the map's children-first order, which breaks ties) in the order
    their records are deleted: a dataset waits while another one's records must go before its
    own (``must_precede``), and each system's datasets stay together where the references allow
    it (one transaction per system in a purge): a new group starts with a system none of whose
    remaining datasets waits for another system's, so a parent deleted first (its foreign key
    points to its child) is not committed before the child's records, which would then be out
    of a rerun's reach. A cycle falls back to the given order."""
    before = must_precede(datamap, connectors, datasets, edges)
    remaining = list(dict.fromkeys(datasets))
    ordered: list[str] = []
    systems = {d: datamap.dataset(d).system.name for d in remaining}  # looked up once each

    def system(dataset: str) -> str:
        return systems[dataset]

    def whole(name: str) -> bool:
        """None of the system's remaining datasets waits for another system's: its group can
        take them all, so it is not split into two transactions around another system's."""
        return not any(
            (r, d) in before
            for d in remaining
            if system(d) == name
            for r in remaining
            if system(r) != name
        )

    while remaining:
        ready = [
            d for d in remaining if not any((r, d) in before for r in remaining if r != d)
        ] or remaining[:1]
        current = system(ordered[-1]) if ordered else None
        if not any(system(d) == current for d in ready):  # a new group: one left whole first
            current = next((system(d) for d in ready if whole(system(d))), system(ready[0]))
        pick = next((d for d in ready if system(d) == current), ready[0])
        ordered.append(pick)
        remaining.remove(pick)
    return ordered


def referring_fields(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    datasets: Iterable[str],
    edges: Iterable[tuple[str, tuple[str, ...], str]],
) -> set[tuple[str, tuple[str, ...], str]]:
    """Where records hold references: ``(dataset, its fields, the dataset they point at)``, for
    the map's references ``edges`` (dependant, its fields, referenced) and the systems' own
    foreign keys among ``datasets`` (``Connector.foreign_keys``), which may run the other way
    or on other fields. An anonymised record loses these fields where they point at records
    being deleted."""
    out = set(edges)
    for connector, refs in _by_system(datamap, connectors, datasets):
        ids = {r.dataset.name: r.id for r in refs}
        keys = _cached(connector, "foreign_keys", refs, connector.foreign_keys)
        out |= {(ids[a], fields, ids[b]) for a, fields, b, _ in keys}
    return out
