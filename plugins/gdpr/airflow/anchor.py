"""After every task of every GDPR DAG: publish the ledger's chain head to the anchor bucket.

Wired once, as the task callbacks of ``DEFAULT_ARGS``, so no DAG can append evidence without
its head reaching write-once storage (``gdpr.ledger.anchor``). A head already published is not
written twice, so a task that appended nothing costs one HEAD request. A failed publication
does not fail the task (its work is done and committed): it is logged in one sentence, and the
next task publishes a head that covers it.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


def publish_chain_head(context: Any = None) -> str | None:
    """Publish the current head if the data map declares an anchor; returns the object key."""
    from botocore.exceptions import BotoCoreError, ClientError

    from gdpr.airflow.hooks import airflow_clients, connection_password, ledger_engine
    from gdpr.datamap import DataMapError, load_datamap
    from gdpr.ledger import Ledger, LedgerNotReady
    from gdpr.ledger.anchor import anchor_for, publish_head
    from gdpr.ledger.clock import utc_now

    try:
        datamap = load_datamap()
        store = anchor_for(datamap, airflow_clients().s3, connection_password)
        if store is None:
            return None
        head = Ledger(ledger_engine()).chain_head()
        key = publish_head(store, head, utc_now())
    except (DataMapError, LedgerNotReady, RuntimeError, ClientError, BotoCoreError) as exc:
        log.error("ledger head not published: %s", exc)
        return None
    if key:
        log.info("ledger head #%d published to s3://%s/%s", head.count, store.bucket, key)
    return key
