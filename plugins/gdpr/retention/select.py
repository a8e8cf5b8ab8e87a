"""Select the keys of a rule's expired records, in key order.

A declarative rule (a start field or an aggregate over related records, with ``where``
conditions) is compiled to one set-based SELECT (``gdpr.retention.rules``); a hand-written SQL
file from the map's ``sql/`` folder (one statement, bind parameter ``:cutoff``, typed by the
rule's ``start.cutoff``: a DATE or a timestamp with time zone) covers the rare selection the
declarations cannot say; for objects, the age of their newest version, or a field of the
record each object hangs under (``start.parent``: the objects are listed once, their parent
records read by IN-lists of the distinct values their keys bind). Restricted records
(Art. 18) are selected too: the purge keeps them, and counts them under that reason in its
report. The connector runs the selection (``Connector.select_expired``); this module says what
to select.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from gdpr.connectors.base import ByReference, Connector, SelectionRefusedError
from gdpr.connectors.keys import key_texts
from gdpr.datamap.loader import read_sql
from gdpr.datamap.models import DataMap, ParentStart, RetentionRule
from gdpr.retention.anonymise import anonymisation
from gdpr.retention.plan import Cutoff
from gdpr.retention.rules import cutoff_param, expired_select, is_declarative

Key = tuple


def expired_keys(
    datamap: DataMap,
    connector: Connector,
    rule: RetentionRule,
    cutoff: Cutoff,
    connectors: Mapping[str, Connector] | None = None,
) -> list[Key]:
    """Every key ``expired_pages`` selects, in one list."""
    return [
        key for page in expired_pages(datamap, connector, rule, cutoff, connectors) for key in page
    ]


def expired_pages(
    datamap: DataMap,
    connector: Connector,
    rule: RetentionRule,
    cutoff: Cutoff,
    connectors: Mapping[str, Connector] | None = None,
) -> Iterator[list[Key]]:
    """The keys of the rule's expired records, page by page in key order (a purge spills them
    to disk: ``gdpr.retention.spill``). ``connectors`` (by system name): where a rule counts
    from another system's records (``start.parent``)."""
    dataset = datamap.dataset(rule.dataset).dataset
    if rule.start.parent is not None:
        yield _expired_under_parents(
            datamap, connector, rule, rule.start.parent, cutoff, connectors
        )
        return
    done = anonymisation(dataset, rule.fields) if rule.action == "anonymise" else None
    selection = None
    if is_declarative(rule):

        def selection(tables, table):
            return expired_select(datamap, rule, cutoff, table, tables)

    yield from connector.select_expired(
        dataset,
        column=rule.start.column,  # for a system that cannot run a compiled selection (RT)
        sql=read_sql(datamap, rule.start.sql) if rule.start.sql else None,
        at=cutoff.at,
        day=cutoff.day,
        done=done,
        selection=selection,
        cutoff=lambda dialect: cutoff_param(cutoff, rule.start.cutoff, dialect),
    )


def _expired_under_parents(
    datamap: DataMap,
    connector: Connector,
    rule: RetentionRule,
    start: ParentStart,
    cutoff: Cutoff,
    connectors: Mapping[str, Connector] | None,
) -> list[Key]:
    """The objects whose parent record's ``start.column`` is before the cutoff. An object whose
    parent record is gone, or has no value there, has no start under this rule: it is kept."""
    ref, parent = datamap.dataset(rule.dataset), datamap.dataset(start.dataset)
    reference = next(r for r in ref.dataset.references if r.dataset == start.dataset)
    mine, theirs = tuple(reference.fields), tuple(reference.fields.values())
    fields = connector.key_fields(ref.dataset)
    objects = [row for rows in connector.scan(ref.dataset) for row in rows]
    values = list(
        {key_texts(row[f] for f in mine): tuple(row[f] for f in mine) for row in objects}.values()
    )
    source = (connectors or {}).get(parent.system.name)
    if source is None:
        raise SelectionRefusedError(
            f"objects count from {start.dataset}, and system {parent.system.name} is not connected"
        )
    expired: set[tuple[str, ...]] = set()
    if values:
        for rows in source.find(
            parent.dataset, ByReference(theirs, values), [*theirs, start.column]
        ):
            expired |= {
                key_texts(r[f] for f in theirs) for r in rows if cutoff.passed(r[start.column])
            }
    return sorted(
        tuple(row[f] for f in fields)
        for row in objects
        if key_texts(row[f] for f in mine) in expired
    )
