"""The reference graph is built once per data map object and lives as long as the map."""

from __future__ import annotations

import gc

import pytest

from gdpr.datamap import graph as graph_module
from gdpr.datamap.graph import ReferenceGraph


def test_a_map_keeps_its_graph_and_a_copy_with_other_systems_gets_its_own(datamap):
    graph = ReferenceGraph.of(datamap)
    assert ReferenceGraph.of(datamap) is graph
    sql_only = datamap.model_copy(
        update={"systems": [s for s in datamap.systems if s.kind == "sql"]}
    )
    other = ReferenceGraph.of(sql_only)
    assert other is not graph
    assert set(other.nodes) == set(sql_only.dataset_ids()) < set(graph.nodes)
    assert all(e.child in other.nodes and e.parent in other.nodes for e in other.edges)


def test_the_graph_goes_with_its_map(datamap):
    copy = datamap.model_copy(deep=True)
    key = id(copy)
    ReferenceGraph.of(copy)
    assert key in graph_module._GRAPHS
    del copy
    gc.collect()
    assert key not in graph_module._GRAPHS


def test_indexes_agree_with_the_edges(datamap):
    graph = ReferenceGraph.of(datamap)
    for node in graph.nodes:
        assert graph.parents_of(node) == tuple(e for e in graph.edges if e.child == node)
        assert graph.children_of(node) == tuple(e for e in graph.edges if e.parent == node)
        assert graph.join_fields(node) == {
            *(f for e in graph.children_of(node) for f in e.parent_fields),
            *(f for e in graph.parents_of(node) for f in e.child_fields),
        }
    assert graph.parents_of("no.such_dataset") == ()


def test_a_cycle_is_reported_and_its_order_refused_every_time(datamap):
    from graphlib import CycleError

    graph = ReferenceGraph.of(datamap)
    edge = graph.edges[0]
    looped = ReferenceGraph(
        graph.nodes, (*graph.edges, type(edge)(edge.parent, edge.child, edge.reference))
    )
    assert looped.find_cycle() is not None
    for _ in range(2):
        with pytest.raises(CycleError):
            looped.parents_first()
