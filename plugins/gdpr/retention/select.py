"""Select the keys of a rule's expired records, in key order.

A declarative rule (a start field or an aggregate over related records, with ``where``
conditions) is compiled to one set-based SELECT (``gdpr.retention.rules``); a hand-written SQL
file from the map's ``sql/`` folder (one statement, bind parameter ``:cutoff``, typed by the
rule's ``start.cutoff``: a DATE or a timestamp with time zone) covers the rare selection the
declarations cannot say; for objects, the age of their newest version. Restricted records
(Art. 18) are selected too: the purge keeps them, and counts them under that reason in its
report. The connector runs the selection (``Connector.select_expired``); this module says what
to select.
"""

from __future__ import annotations

from gdpr.connectors.base import Connector
from gdpr.datamap.loader import read_sql
from gdpr.datamap.models import DataMap, RetentionRule
from gdpr.retention.anonymise import anonymisation
from gdpr.retention.plan import Cutoff
from gdpr.retention.rules import cutoff_param, expired_select, is_declarative

Key = tuple


def expired_keys(
    datamap: DataMap, connector: Connector, rule: RetentionRule, cutoff: Cutoff
) -> list[Key]:
    dataset = datamap.dataset(rule.dataset).dataset
    done = anonymisation(dataset, rule.fields) if rule.action == "anonymise" else None
    selection = None
    if is_declarative(rule):

        def selection(tables, table):
            return expired_select(datamap, rule, cutoff, table, tables)

    return connector.select_expired(
        dataset,
        column=None,
        sql=read_sql(datamap, rule.start.sql) if rule.start.sql else None,
        at=cutoff.at,
        day=cutoff.day,
        done=done,
        selection=selection,
        cutoff=lambda dialect: cutoff_param(cutoff, rule.start.cutoff, dialect),
    )
