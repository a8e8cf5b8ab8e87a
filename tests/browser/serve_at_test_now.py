"""Run an Airflow command (the api-server) with the product's clock at ``tests.clock.TEST_NOW``:
the browser test's server answers at the suite's instant, not at the hour the suite runs."""

from __future__ import annotations

import sys

from gdpr.ledger.clock import use_clock
from tests.clock import TestClock

if __name__ == "__main__":
    use_clock(TestClock())
    from airflow.__main__ import main

    sys.argv = ["airflow", *sys.argv[1:]]
    main()
