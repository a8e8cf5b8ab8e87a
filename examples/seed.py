"""`python -m examples.seed <org>`: seed an organisation into the systems its data map names.

The databases and the bucket come from the connections of the map's conn_ids
(``AIRFLOW_CONN_*``, as Airflow reads them), or from ``--url SYSTEM=URL`` for any SQL system
(PostgreSQL, MariaDB, SQLite); the organisation's legal hold is written to the ledger when
``gdpr_ledger`` (or ``--ledger-url``) is configured. ``--today`` defaults to the product's clock.
An organisation whose ticketing system is Request Tracker (``examples.WITH_RT``) is seeded into
the RT its connection names, which must be fresh (``python -m examples.rt_server start``).

    python -m examples.seed retailer --subjects 100000 --url crm=postgresql://... --max-objects 0
"""

from __future__ import annotations

import argparse
import inspect
import sys
from datetime import date

from examples import DEFAULT, SHIPPED, load


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m examples.seed",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("org", nargs="?", default=DEFAULT, choices=SHIPPED)
    parser.add_argument("--subjects", type=int, default=1000, help="people to create")
    parser.add_argument("--seed", type=int, default=42, help="random seed (same seed, same data)")
    parser.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    parser.add_argument(
        "--url",
        action="append",
        default=[],
        metavar="SYSTEM=URL",
        help="SQLAlchemy URL for a SQL system of the map (default: the system's Airflow connection)",
    )
    parser.add_argument(
        "--ledger-url", help="SQLAlchemy URL of the ledger, for the planted legal hold"
    )
    parser.add_argument(
        "--max-objects",
        type=int,
        default=None,
        help="cap on S3 objects written (organisations whose seeder supports it: retailer)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)

    from gdpr.connections import (
        ConnectionNotFoundError,
        create_sql_engine,
        spec_from_env,
        sqlalchemy_url,
    )
    from gdpr.connectors.factory import env_clients
    from gdpr.datamap import load_datamap
    from gdpr.ledger.clock import utc_now

    org = load(args.org)
    datamap = load_datamap(org.DATAMAP)
    sql_systems = [s for s in datamap.systems if s.kind == "sql"]
    try:
        urls = dict(item.split("=", 1) for item in args.url)
    except ValueError:
        parser.error("--url takes SYSTEM=URL")
    unknown = set(urls) - {s.name for s in sql_systems}
    if unknown:
        parser.error(
            f"--url for systems not in the map's SQL systems: {', '.join(sorted(unknown))}"
        )
    options: dict = {}
    accepted = inspect.signature(org.seed).parameters
    if args.max_objects is not None:
        if "max_objects" not in accepted:
            parser.error(f"--max-objects: the {args.org} seeder writes all its objects")
        options["max_objects"] = args.max_objects
    if "progress" in accepted and sys.stderr.isatty():  # a log file gets the summary only
        options["progress"] = _progress
    rt_conn = next((s.conn_id for s in datamap.systems if s.kind == "rt"), None)
    if rt_conn is not None:
        from examples.rt_server import RtServer

        spec = spec_from_env(rt_conn)
        options["rt"] = RtServer(spec.host, spec.login, spec.password)

    engines = {
        s.name: create_sql_engine(urls.get(s.name) or sqlalchemy_url(spec_from_env(s.conn_id)))
        for s in sql_systems
    }
    s3_conn = next(s.conn_id for s in datamap.systems if s.kind == "s3")
    summary = org.seed(
        engines,
        env_clients().s3(s3_conn),
        subjects=max(args.subjects, org.MIN_SUBJECTS),
        today=args.today or utc_now().date(),
        seed=args.seed,
        **options,
    )
    if "progress" in options:
        print(file=sys.stderr)
    for name, count in sorted(summary.rows.items()):
        print(f"  {name:40} {count:>10,} rows")
    for name, count in sorted(summary.objects.items()):
        print(f"  {name:40} {count:>10,} objects")
    try:
        ledger_engine = create_sql_engine(
            args.ledger_url or sqlalchemy_url(spec_from_env("gdpr_ledger"))
        )
    except ConnectionNotFoundError:
        print("no ledger configured (gdpr_ledger): the planted legal hold was not written")
    else:
        from gdpr.ledger import Ledger, migrate

        migrate(ledger_engine)
        org.place_holds(Ledger(ledger_engine))
        print(f"legal hold ({org.PLANTED.hold_reference}) recorded in the ledger")
        ledger_engine.dispose()
    for engine in engines.values():
        engine.dispose()
    return 0


def _progress(name: str, done: int, total: int) -> None:
    print(f"\r  {name:40} {done:>10,}/{total:<10,}", end="", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
