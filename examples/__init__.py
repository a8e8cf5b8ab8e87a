"""The shipped organisations, side by side, each behind the same interface (examples/README.md).

    from examples import load
    org = load("telecom")
    org.seed({"si_clients": engine, "service_client": engine2}, s3, subjects=200, today=day)
    org.PLANTED.subject, org.PLANTED.subject_holdings.counts()

Nothing here is imported by the product (plugins/, dags/): the organisations are data for it.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "plugins") not in sys.path:  # `gdpr`, as Airflow and the tests see it
    sys.path.insert(0, str(ROOT / "plugins"))

ORGANISATIONS: tuple[str, ...] = ("retailer", "telecom", "saas")
# Organisations whose ticketing system is Request Tracker: they need Debian's request-tracker5
# (examples/rt_server.py), so the suite's DAG tests over ORGANISATIONS leave them out and each
# has tests of its own (tests/dags/test_<org>.py).
WITH_RT: tuple[str, ...] = ("agency",)
SHIPPED: tuple[str, ...] = ORGANISATIONS + WITH_RT
DEFAULT = "retailer"
# buckets_of's name for the bucket the ledger head is anchored in (no system can be named so)
ANCHOR = "ledger-anchor"


def load(name: str) -> ModuleType:
    """The organisation's module: DATAMAP, MIN_SUBJECTS, PLANTED, seed(), place_holds()
    (and RT_INITIALDATA for those WITH_RT)."""
    if name not in SHIPPED:
        raise ValueError(f"unknown organisation {name!r}: expected one of {', '.join(SHIPPED)}")
    return importlib.import_module(f"examples.{name}")


def buckets_of(datamap) -> dict[str, str]:
    """The map's buckets by S3 system name, plus 'reports', 'delivery' and, when the map
    anchors its ledger, 'ledger-anchor' (what seeders create).

    ``datamap``: the path of a data map, or a loaded ``gdpr.datamap.models.DataMap``."""
    from gdpr.datamap import load_datamap

    if isinstance(datamap, (str, Path)):
        datamap = load_datamap(datamap)
    buckets = {s.name: s.bucket for s in datamap.systems if s.kind == "s3" and s.bucket}
    buckets |= {"reports": datamap.reports.bucket, "delivery": datamap.delivery.bucket}
    if datamap.ledger.anchor is not None:
        buckets[ANCHOR] = datamap.ledger.anchor.bucket
    return buckets
