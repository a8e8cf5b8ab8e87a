"""`gdpr demo seed`: the demo organisation into the systems its data map names.

URLs default to the systems' connections (``AIRFLOW_CONN_*``), so the same command seeds the
embedded SQLite files or any PostgreSQL/MariaDB given with ``--url crm=...``. The planted
legal hold is written to the ledger when one is configured.
"""

from __future__ import annotations

import argparse
import sys

from gdpr.connections import (
    ConnectionNotFoundError,
    create_sql_engine,
    spec_from_env,
    sqlalchemy_url,
)
from gdpr.connectors.factory import env_clients
from gdpr.datamap.models import DataMap
from gdpr.demo.planted import PLANTED_LEGAL_HOLD_CUSTOMER, PLANTED_LEGAL_HOLD_REASON
from gdpr.demo.seed import SeedSummary, seed_demo

HOLD_REFERENCE = "TC Paris 2026-018734"


def buckets_of(datamap: DataMap) -> dict[str, str]:
    """The data map's buckets by S3 system name, plus the reports and delivery locations."""
    buckets = {s.name: s.bucket for s in datamap.systems if s.kind == "s3" and s.bucket}
    return {**buckets, "reports": datamap.reports.bucket, "delivery": datamap.delivery.bucket}


def seed_command(args: argparse.Namespace, datamap: DataMap) -> int:
    urls = dict(item.split("=", 1) for item in args.url)
    engines = {
        name: create_sql_engine(
            urls.get(name) or sqlalchemy_url(spec_from_env(datamap.system(name).conn_id))
        )
        for name in ("crm", "helpdesk")
    }
    s3_conn = next(s.conn_id for s in datamap.systems if s.kind == "s3")
    summary = seed_demo(
        engines["crm"],
        engines["helpdesk"],
        env_clients().s3(s3_conn),
        buckets_of(datamap),
        customers=args.customers,
        seed=args.seed,
        max_objects=args.max_objects,
        progress=_progress,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    _print_summary(summary)
    _plant_legal_hold(args.ledger_url)
    return 0


def _plant_legal_hold(url: str | None) -> None:
    from gdpr.ledger import Ledger, migrate

    try:
        engine = create_sql_engine(url or sqlalchemy_url(spec_from_env("gdpr_ledger")))
    except ConnectionNotFoundError:
        print("no ledger configured (gdpr_ledger): the planted legal hold was not written")
        return
    migrate(engine)
    plant_legal_hold(Ledger(engine))
    print(f"legal hold on crm.customers {PLANTED_LEGAL_HOLD_CUSTOMER} recorded in the ledger")


def plant_legal_hold(ledger) -> None:
    """The demo's legal hold on one expired customer (idempotent)."""
    record_key = {"customer_id": PLANTED_LEGAL_HOLD_CUSTOMER}
    held = ledger.active_legal_holds()
    if not any(h.dataset == "crm.customers" and h.record_key == record_key for h in held):
        ledger.add_legal_hold(
            reason=PLANTED_LEGAL_HOLD_REASON,
            reference=HOLD_REFERENCE,
            dataset="crm.customers",
            record_key=record_key,
        )


def _progress(name: str, done: int, total: int) -> None:
    if sys.stderr.isatty():  # a log file gets the summary only
        print(f"\r  {name:40} {done:>10,}/{total:<10,}", end="", file=sys.stderr, flush=True)


def _print_summary(summary: SeedSummary) -> None:
    for name, count in sorted(summary.rows.items()):
        print(f"  {name:40} {count:>10,} rows")
    for name, count in sorted(summary.objects.items()):
        print(f"  {name:40} {count:>10,} objects")
