"""A purge run in a separate process that a test can kill with SIGKILL half-way through.

Each batch is slowed down after its commit so the kill reliably lands between batches or
inside one; everything else is the product's own code path.
"""

from __future__ import annotations

import sys
import time

from gdpr.connections import create_sql_engine, spec_from_env, sqlalchemy_url
from gdpr.connectors.factory import connectors_for, env_clients
from gdpr.datamap import load_datamap
from gdpr.ledger import Ledger
from gdpr.ledger.clock import use_clock, utc_now
from gdpr.retention import purge, run
from tests.clock import TestClock


class SlowPurge(purge.RulePurge):
    def _apply(self, tree, outcome, number):
        done = super()._apply(tree, outcome, number)
        time.sleep(0.3)
        return done


def main(rule_id: str, run_id: str) -> None:
    run.RulePurge = SlowPurge
    use_clock(TestClock())  # the suite's time, as in the parent test
    datamap = load_datamap()
    ledger = Ledger(create_sql_engine(sqlalchemy_url(spec_from_env("gdpr_ledger"))))
    run_pk = ledger.start_run("test", run_id, "retention")
    connectors = connectors_for(datamap, env_clients())
    run.run_rule(datamap, rule_id, connectors, ledger, now=utc_now(), batch_size=1, run_pk=run_pk)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
