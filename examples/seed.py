"""`python -m examples.seed <org>`: seed an organisation into the systems its data map names.

Like `gdpr demo seed`, the databases and the bucket come from the connections of the map's
conn_ids (``AIRFLOW_CONN_*``, as Airflow reads them); the organisation's legal hold is written
to the ledger when ``gdpr_ledger`` is configured. ``--today`` defaults to the product's clock.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from examples import DEFAULT, ORGANISATIONS, load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m examples.seed", description=__doc__)
    parser.add_argument("org", nargs="?", default=DEFAULT, choices=ORGANISATIONS)
    parser.add_argument("--subjects", type=int, default=1000, help="people to create")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
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
    engines = {
        s.name: create_sql_engine(sqlalchemy_url(spec_from_env(s.conn_id)))
        for s in datamap.systems
        if s.kind == "sql"
    }
    s3_conn = next(s.conn_id for s in datamap.systems if s.kind == "s3")
    summary = org.seed(
        engines,
        env_clients().s3(s3_conn),
        subjects=max(args.subjects, org.MIN_SUBJECTS),
        today=args.today or utc_now().date(),
        seed=args.seed,
    )
    for name, count in sorted(summary.rows.items()):
        print(f"  {name:40} {count:>10,} rows")
    for name, count in sorted(summary.objects.items()):
        print(f"  {name:40} {count:>10,} objects")
    try:
        ledger_engine = create_sql_engine(sqlalchemy_url(spec_from_env("gdpr_ledger")))
    except ConnectionNotFoundError:
        print("no ledger configured (gdpr_ledger): the planted legal hold was not written")
    else:
        from gdpr.ledger import Ledger, migrate

        migrate(ledger_engine)
        org.place_holds(Ledger(ledger_engine))
        print(f"legal hold ({org.PLANTED.hold_reference}) recorded in the ledger")
    for engine in engines.values():
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
