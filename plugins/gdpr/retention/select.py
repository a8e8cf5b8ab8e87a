"""Select the keys of a rule's expired records, in key order.

Either a start column compared with the cutoff, or a hand-written SQL file from the map's
``sql/`` folder (one statement, bind parameter ``:cutoff``) for selections that need more than
a comparison, such as the last contact initiated by a prospect; for objects, the age of their
newest version. Restricted records (Art. 18) are selected too: the purge keeps them, and counts
them under that reason in its report. The connector runs the selection
(``Connector.select_expired``); this module says what to select.
"""

from __future__ import annotations

from gdpr.connectors.base import Connector
from gdpr.datamap.loader import read_sql
from gdpr.datamap.models import DataMap, RetentionRule
from gdpr.retention.anonymise import anonymisation
from gdpr.retention.plan import Cutoff

Key = tuple


def expired_keys(
    datamap: DataMap, connector: Connector, rule: RetentionRule, cutoff: Cutoff
) -> list[Key]:
    dataset = datamap.dataset(rule.dataset).dataset
    return connector.select_expired(
        dataset,
        column=rule.start.column,
        sql=read_sql(datamap, rule.start.sql) if rule.start.sql else None,
        at=cutoff.at,
        day=cutoff.day,
        done=anonymisation(dataset, rule.fields) if rule.action == "anonymise" else None,
    )
