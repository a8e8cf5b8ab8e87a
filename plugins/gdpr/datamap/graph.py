"""The reference graph between datasets.

References point from a child record to its parent (a purchase to its buyer, a case in
another database to that buyer, an S3 object to the row it belongs to). Subject resolution
walks the graph parents-first; destructive steps walk it children-first.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from graphlib import CycleError, TopologicalSorter
from typing import Any

from gdpr.datamap.models import DataMap, Reference


@dataclass(frozen=True)
class Edge:
    child: str
    parent: str
    reference: Reference

    # read on every look-up along the edge: computed once (the reference is immutable)
    @cached_property
    def child_fields(self) -> tuple[str, ...]:
        return tuple(self.reference.fields)

    @cached_property
    def parent_fields(self) -> tuple[str, ...]:
        return tuple(self.reference.fields.values())


# a map's graph, built on its first use and dropped with the map (``ReferenceGraph.of``): the
# map is immutable, so what the graph derives from it holds for the map's whole life
_GRAPHS: dict[int, ReferenceGraph] = {}


@dataclass(frozen=True)
class ReferenceGraph:
    """The datasets and their references, with what every walk asks of them (each dataset's
    references either way, the order parents first, the fields records join on) indexed once
    at construction: a look-up costs a dict access, not a scan of the edges."""

    nodes: tuple[str, ...]
    edges: tuple[Edge, ...] = ()
    region: str | None = None  # the organisation's country, for references matching phones
    _parents: dict[str, tuple[Edge, ...]] = field(init=False, repr=False, compare=False)
    _children: dict[str, tuple[Edge, ...]] = field(init=False, repr=False, compare=False)
    _join_fields: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        nodes, edges = tuple(self.nodes), tuple(self.edges)
        parents: dict[str, list[Edge]] = defaultdict(list)
        children: dict[str, list[Edge]] = defaultdict(list)
        for edge in edges:
            parents[edge.child].append(edge)
            children[edge.parent].append(edge)
        join_fields = {
            d: frozenset(
                [f for e in children.get(d, ()) for f in e.parent_fields]
                + [f for e in parents.get(d, ()) for f in e.child_fields]
            )
            for d in {*nodes, *parents, *children}
        }
        setattr_ = object.__setattr__  # frozen: the indexes are set once, here
        setattr_(self, "nodes", nodes)
        setattr_(self, "edges", edges)
        setattr_(self, "_parents", {d: tuple(es) for d, es in parents.items()})
        setattr_(self, "_children", {d: tuple(es) for d, es in children.items()})
        setattr_(self, "_join_fields", join_fields)

    @classmethod
    def of(cls, datamap: DataMap) -> ReferenceGraph:
        """The map's graph: built on the first call for a map object, then the same one until
        the map is gone (a ``model_copy`` with other systems is another map, with its own)."""
        graph = _GRAPHS.get(id(datamap))
        if graph is None:
            graph = cls._build(datamap)
            try:
                weakref.finalize(datamap, _GRAPHS.pop, id(datamap), None)
            except TypeError:  # an object no weak reference can follow: not kept
                return graph
            _GRAPHS[id(datamap)] = graph
        return graph

    @classmethod
    def _build(cls, datamap: DataMap) -> ReferenceGraph:
        from gdpr.ledger.identity import region_of  # the ledger package imports the map's models

        nodes = datamap.dataset_ids()
        known = set(nodes)
        edges = [
            Edge(ref.id, reference.dataset, reference)
            for ref in datamap.iter_datasets()
            for reference in ref.dataset.references
            if reference.dataset in known
        ]
        return cls(tuple(nodes), tuple(edges), region=region_of(datamap))

    def parents_of(self, dataset_id: str) -> tuple[Edge, ...]:
        return self._parents.get(dataset_id, ())

    def children_of(self, dataset_id: str) -> tuple[Edge, ...]:
        return self._children.get(dataset_id, ())

    def find_cycle(self) -> list[str] | None:
        """A cycle as a list of dataset ids (first == last), or None."""
        try:
            self._sorter().prepare()
        except CycleError as exc:
            return list(reversed(exc.args[1]))
        return None

    def parents_first(self) -> list[str]:
        """Topological order: every dataset after all the datasets it references
        (``CycleError`` if references loop)."""
        return list(self._parents_first)

    def children_first(self) -> list[str]:
        return list(reversed(self._parents_first))

    @cached_property
    def _parents_first(self) -> tuple[str, ...]:
        # computed on first use, not at construction: a map with a cycle still has a graph
        # (``find_cycle`` reports it), only the two orderings raise, and are not cached
        return tuple(self._sorter().static_order())

    def descendants(self, dataset_id: str) -> set[str]:
        seen: set[str] = set()
        stack = [dataset_id]
        while stack:
            for edge in self.children_of(stack.pop()):
                if edge.child not in seen:
                    seen.add(edge.child)
                    stack.append(edge.child)
        return seen

    def ancestors(self, dataset_id: str) -> set[str]:
        seen: set[str] = set()
        stack = [dataset_id]
        while stack:
            for edge in self.parents_of(stack.pop()):
                if edge.parent not in seen:
                    seen.add(edge.parent)
                    stack.append(edge.parent)
        return seen

    def reachable_from(self, roots: set[str]) -> set[str]:
        reached = set(roots)
        for root in roots:
            reached |= self.descendants(root)
        return reached

    def join_key(self, edge: Edge, values: Iterable[Any]) -> tuple[str, ...] | None:
        """The form a record's join values along ``edge`` are compared in, on either side: the
        key codec's text (a UUID from PostgreSQL equals its text from MariaDB); for a reference
        with ``match``, the identity normaliser's form, None for a value it cannot read (such a
        value links nothing)."""
        from gdpr.connectors.keys import key_texts
        from gdpr.ledger.identity import normalise_identity

        values = tuple(values)
        kind = edge.reference.match
        if kind is None:
            return key_texts(values)
        if values[0] is None:
            return None
        try:
            return (normalise_identity(kind, str(values[0]), self.region),)
        except ValueError:
            return None

    def join_fields(self, dataset_id: str) -> frozenset[str]:
        """Fields a dataset's records join on: those its children reference (what resolution
        must carry along) and those of its own references (which parent records each one
        belongs to)."""
        return self._join_fields.get(dataset_id, frozenset())

    def _sorter(self) -> TopologicalSorter[str]:
        sorter: TopologicalSorter[str] = TopologicalSorter({n: set() for n in self.nodes})
        for edge in self.edges:
            sorter.add(edge.child, edge.parent)
        return sorter


def link(datamap: DataMap, dataset_id: str, related_id: str) -> list[tuple[str, str]] | None:
    """How records of ``related_id`` relate to those of ``dataset_id``: pairs (field of the
    dataset, field of the related dataset) from the first reference between them, whichever
    way it points; None when no reference links them (declarative retention rules)."""
    for ref in datamap.iter_datasets():
        if ref.id == dataset_id:
            for reference in ref.dataset.references:
                if reference.dataset == related_id:
                    return list(reference.fields.items())
    for ref in datamap.iter_datasets():
        if ref.id == related_id:
            for reference in ref.dataset.references:
                if reference.dataset == dataset_id:
                    return [(theirs, mine) for mine, theirs in reference.fields.items()]
    return None
