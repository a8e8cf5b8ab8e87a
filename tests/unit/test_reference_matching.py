"""How join values are compared along a reference: as stored, or normalised (`match`)."""

from __future__ import annotations

import uuid

from gdpr.connectors.base import ByIdentities, ByReference
from gdpr.datamap import ReferenceGraph
from gdpr.datamap.graph import Edge
from gdpr.datamap.models import Reference
from gdpr.subject.walk import edge_criterion


def _graph(match: str | None) -> tuple[ReferenceGraph, Edge]:
    reference = Reference(dataset="crm.customers", fields={"requester": "email"}, match=match)
    edge = Edge("helpdesk.tickets", "crm.customers", reference)
    return ReferenceGraph(["crm.customers", "helpdesk.tickets"], [edge], region="FR"), edge


def test_a_typed_email_and_a_phone_in_any_spelling_meet_their_parent():
    graph, edge = _graph("email")
    assert graph.join_key(edge, ["  Alice@Shop.Example "]) == ("alice@shop.example",)
    assert graph.join_key(edge, ["not an address"]) is None, "an unreadable value links nothing"
    graph, edge = _graph("phone")
    spellings = {graph.join_key(edge, [v]) for v in ("06 12 34 56 78", "0033612345678")}
    assert spellings == {("+33612345678",)}


def test_without_match_values_compare_as_the_key_codec_writes_them():
    graph, edge = _graph(None)
    value = uuid.UUID(int=7)
    assert graph.join_key(edge, [value]) == graph.join_key(edge, [str(value).upper()])
    assert graph.join_key(edge, [" Alice@Shop.Example"]) != graph.join_key(
        edge, ["alice@shop.example"]
    )


def test_the_look_up_of_a_matched_reference_sends_normalised_values_once():
    graph, edge = _graph("email")
    parents = [{"email": "Alice@Shop.Example"}, {"email": "alice@shop.example "}, {"email": None}]
    assert edge_criterion(graph, edge, parents) == ByIdentities(
        "requester", ("alice@shop.example",), "email"
    )
    assert edge_criterion(graph, edge, [{"email": None}]) is None
    graph, edge = _graph(None)
    assert edge_criterion(graph, edge, parents[:1]) == ByReference(
        ("requester",), [("Alice@Shop.Example",)]
    )
