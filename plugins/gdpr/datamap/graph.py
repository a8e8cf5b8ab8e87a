"""The reference graph between datasets.

References point from a child record to its parent (a purchase to its buyer, a case in
another database to that buyer, an S3 object to the row it belongs to). Subject resolution
walks the graph parents-first; destructive steps walk it children-first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from typing import Any

from gdpr.datamap.models import DataMap, Reference


@dataclass(frozen=True)
class Edge:
    child: str
    parent: str
    reference: Reference

    @property
    def child_fields(self) -> tuple[str, ...]:
        return tuple(self.reference.fields)

    @property
    def parent_fields(self) -> tuple[str, ...]:
        return tuple(self.reference.fields.values())


@dataclass
class ReferenceGraph:
    nodes: list[str]
    edges: list[Edge] = field(default_factory=list)
    region: str | None = None  # the organisation's country, for references matching phones

    @classmethod
    def of(cls, datamap: DataMap) -> ReferenceGraph:
        from gdpr.ledger.identity import region_of  # the ledger package imports the map's models

        graph = cls(nodes=datamap.dataset_ids(), region=region_of(datamap))
        known = set(graph.nodes)
        for ref in datamap.iter_datasets():
            for reference in ref.dataset.references:
                if reference.dataset in known:
                    graph.edges.append(Edge(ref.id, reference.dataset, reference))
        return graph

    def parents_of(self, dataset_id: str) -> list[Edge]:
        return [e for e in self.edges if e.child == dataset_id]

    def children_of(self, dataset_id: str) -> list[Edge]:
        return [e for e in self.edges if e.parent == dataset_id]

    def find_cycle(self) -> list[str] | None:
        """A cycle as a list of dataset ids (first == last), or None."""
        try:
            self._sorter().prepare()
        except CycleError as exc:
            return list(reversed(exc.args[1]))
        return None

    def parents_first(self) -> list[str]:
        """Topological order: every dataset after all the datasets it references."""
        return list(self._sorter().static_order())

    def children_first(self) -> list[str]:
        return list(reversed(self.parents_first()))

    def descendants(self, dataset_id: str) -> set[str]:
        children: dict[str, list[str]] = defaultdict(list)
        for edge in self.edges:
            children[edge.parent].append(edge.child)
        seen: set[str] = set()
        stack = [dataset_id]
        while stack:
            for child in children[stack.pop()]:
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
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

    def fields_needed(self, dataset_id: str) -> set[str]:
        """Fields of a dataset that its children join on (what resolution must carry along)."""
        return {f for edge in self.children_of(dataset_id) for f in edge.parent_fields}

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
