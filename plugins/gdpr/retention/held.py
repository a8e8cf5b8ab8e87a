"""Holds the data map declares (`holds.rules`): records meeting a condition, such as an open
claim or a disputed invoice, are kept from retention purges and erasures as a legal hold in the
ledger keeps them, for as long as the condition holds; reports and erasure plans name the rule.

A held record keeps the records that depend on it; in `subject` scope (the rule's `scope`, else
the map's `holds.scope`) it keeps everything of the people it belongs to, found by walking up
its references to the identity the ledger names people by (``gdpr.subject.walk.ascend``) and
down again from them. The conditions are compiled as a retention rule's `where` is
(``gdpr.retention.rules.where_clause``) and run by the connector (``Matching``): one query per
rule for all its held records, one walk up and one walk down, whatever their number.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

from gdpr.connectors.base import ByReference, Connector, Matching
from gdpr.connectors.keys import norm_key
from gdpr.datamap.graph import ReferenceGraph
from gdpr.datamap.models import DataMap, HoldRule
from gdpr.retention.rules import where_clause
from gdpr.subject.resolve import SubjectLocation, resolve_people, resolve_records
from gdpr.subject.walk import ascend, owner_columns

Key = tuple
Row = dict[str, Any]


def hold_reason(rule: HoldRule) -> str:
    """How a purge report names what a declared hold kept."""
    return f"hold {rule.id} (data map): {rule.reason} ({rule.citation})"


def scope_of(datamap: DataMap, rule: HoldRule) -> str:
    return rule.scope or datamap.holds.scope


def matching(datamap: DataMap, rule: HoldRule, among: ByReference | None = None) -> Matching:
    """The connector criterion of the records ``rule`` holds (``among`` these keys only)."""

    def condition(tables: Any, table: Any) -> Any:
        return where_clause(datamap, f"hold {rule.id}", rule.dataset, rule.where, table, tables)

    return Matching(condition, among)


def covered(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    rule: HoldRule,
    identity: str,
    within: Collection[str] | None = None,
) -> Iterator[SubjectLocation]:
    """What ``rule`` keeps, within ``within``: its held records and what depends on them; in
    `subject` scope, also everything of the people (values of ``identity``) they belong to."""
    ref = datamap.dataset(rule.dataset)
    yield resolve_records(datamap, connectors, rule.dataset, matching(datamap, rule), within)
    if scope_of(datamap, rule) != "subject":
        return
    graph = ReferenceGraph.of(datamap)
    connector = connectors[ref.system.name]
    columns = sorted(
        {
            *connector.key_fields(ref.dataset),
            *owner_columns(datamap, rule.dataset, identity, graph=graph),
        }
    )
    rows = [
        r for batch in connector.find(ref.dataset, matching(datamap, rule), columns) for r in batch
    ]
    owners = ascend(datamap, connectors, rule.dataset, rows, identity, graph=graph)
    if owners:
        yield resolve_people(datamap, connectors, identity, owners, within)


def held_keys(
    datamap: DataMap, connectors: Mapping[str, Connector], rule: HoldRule, rows: Mapping[Key, Row]
) -> set[Key]:
    """The normalised keys among ``rows`` (records of ``rule.dataset`` carrying their key
    fields) that ``rule`` holds: one query on those keys."""
    if not rows:
        return set()
    ref = datamap.dataset(rule.dataset)
    connector = connectors[ref.system.name]
    fields = tuple(connector.key_fields(ref.dataset))
    among = ByReference(fields, [tuple(row[f] for f in fields) for row in rows.values()])
    return {
        norm_key(tuple(row[f] for f in fields))
        for batch in connector.find(ref.dataset, matching(datamap, rule, among), list(fields))
        for row in batch
    }
