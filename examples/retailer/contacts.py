"""`python -m examples.retailer.contacts LIST.csv`: the retailer's prospect import, honouring the
suppression list.

Partner sites send lists of people who asked for a catalogue. A person erased after objecting to
marketing must not come back with the next list (Art. 21(3)): each address is hashed with the
suppression key and skipped when the ledger lists that hash; nobody's address is compared in
clear, and the ledger never holds one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from examples.retailer.schema import prospects
from gdpr.erasure.suppression import SCOPE, without_suppressed
from gdpr.ledger import Ledger, normalise_email
from gdpr.ledger.clock import utc_now


def import_prospects(
    crm: sa.Engine,
    ledger: Ledger,
    contacts: Iterable[Mapping[str, Any]],
    *,
    key: bytes,
    source: str = "partner_list",
) -> dict[str, int]:
    """Insert the contacts not on the marketing suppression list; returns the counts."""
    contacts = list(contacts)
    kept = list(without_suppressed(contacts, "email", key, ledger.suppressed(SCOPE)))
    now = utc_now().replace(tzinfo=None)
    rows = [
        {
            "email": normalise_email(str(c["email"])),
            "first_name": c.get("first_name") or None,
            "last_name": c.get("last_name") or None,
            "company": c.get("company") or None,
            "source": source,
            "created_at": now,
            "last_inbound_at": now,
            "processing_restricted": False,
        }
        for c in kept
        if c.get("email")
    ]
    if rows:
        with crm.begin() as conn:
            conn.execute(sa.insert(prospects), rows)
    return {"read": len(contacts), "imported": len(rows), "suppressed": len(contacts) - len(kept)}


def read_contacts(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def main(argv: list[str] | None = None) -> int:
    """The key is the one the DAGs use: the Variable, given as AIRFLOW_VAR_GDPR_SUPPRESSION_KEY."""
    import argparse
    import os
    import sys

    from examples.retailer import DATAMAP
    from gdpr.connections import create_sql_engine, spec_from_env, sqlalchemy_url
    from gdpr.datamap import load_datamap

    parser = argparse.ArgumentParser(
        prog="python -m examples.retailer.contacts",
        description="import contacts from a CSV (email, first_name, last_name, company) into the "
        "retailer's prospects, skipping anyone on the marketing suppression list",
    )
    parser.add_argument("csv", type=Path)
    parser.add_argument("--crm-url", help="SQLAlchemy URL of the CRM (default: its connection)")
    parser.add_argument("--ledger-url", help="SQLAlchemy URL of the ledger (default: gdpr_ledger)")
    args = parser.parse_args(argv)
    key = os.environ.get("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", "")
    if not key:
        print("set AIRFLOW_VAR_GDPR_SUPPRESSION_KEY (the suppression list's key)", file=sys.stderr)
        return 2
    datamap = load_datamap(DATAMAP)
    crm = create_sql_engine(
        args.crm_url or sqlalchemy_url(spec_from_env(datamap.system("crm").conn_id))
    )
    ledger = Ledger(
        create_sql_engine(args.ledger_url or sqlalchemy_url(spec_from_env("gdpr_ledger")))
    )
    counts = import_prospects(crm, ledger, read_contacts(args.csv), key=key.encode())
    print(", ".join(f"{name} {n}" for name, n in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
