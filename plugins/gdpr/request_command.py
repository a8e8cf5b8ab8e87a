"""``gdpr request register``: record a subject request in the ledger and print its id.

Trigger forms take request ids only (Airflow keeps a run's configuration and copies it into
its audit log), so the subject's identity, and a rectification's corrected value, are typed
here (or on the DPO desk) and land in the ledger alone. Registration is the one of the
subject-request runs (``gdpr.erasure.request.request_for``): an open request of the same kind
for the same person is found again rather than opening a second clock. The command prints the
request id and nothing else; errors are one sentence that never repeats the value.
"""

from __future__ import annotations

import argparse
import getpass
from datetime import date
from pathlib import Path
from typing import Any

KINDS = ("access", "portability", "erasure", "rectification", "restriction", "objection")
CHANNEL = "dpo_cli"


def add_commands(commands: Any) -> None:
    """Register ``gdpr request register`` on the top-level sub-command parser."""
    request = commands.add_parser(
        "request", help="subject requests in the ledger (what trigger forms refer to by id)"
    ).add_subparsers(metavar="ACTION")
    register = request.add_parser(
        "register",
        help="record a subject request (identity, and a rectification's new value) in the "
        "ledger; prints its id for the trigger form",
    )
    register.add_argument("--kind", required=True, choices=KINDS)
    register.add_argument(
        "--identity",
        nargs=2,
        required=True,
        metavar=("NAME", "VALUE"),
        help="the data map's e-mail identity (its name, or `email`) and the subject's address, "
        "e.g. --identity email a@b.fr",
    )
    register.add_argument("--received", metavar="YYYY-MM-DD", help="day received (default: today)")
    register.add_argument("--channel", default=CHANNEL, help=f"how it came in (default {CHANNEL})")
    register.add_argument("--note", help="a note kept with the request (no personal data)")
    register.add_argument("--field", help="rectification: the rectifiable field (data category)")
    register.add_argument("--value", help="rectification: the corrected value")
    register.add_argument("--datamap", type=Path)
    register.add_argument(
        "--url", help="SQLAlchemy URL of the ledger (default: connection gdpr_ledger)"
    )
    register.set_defaults(func=_register)


def _register(args: argparse.Namespace) -> int:
    from gdpr.access.request import _received_at
    from gdpr.connections import create_sql_engine, spec_from_env, sqlalchemy_url
    from gdpr.datamap import load_datamap
    from gdpr.erasure.rectify import check_choice
    from gdpr.erasure.request import record_correction, request_for
    from gdpr.ledger import Ledger
    from gdpr.ledger.anchor import identity_key
    from gdpr.ledger.clock import utc_now
    from gdpr.ledger.identity import request_identity

    datamap = load_datamap(args.datamap) if args.datamap else load_datamap()
    name, value = args.identity
    expected = request_identity(datamap)
    if name not in (expected, "email"):  # the map's name of it, or its kind
        raise ValueError(
            f"requests are recorded by the data map's e-mail identity: use --identity {expected} "
            "<address> (find the address with `gdpr locate` if you only have another identifier)"
        )
    value_given = args.field is not None or args.value is not None
    if (args.kind == "rectification") != value_given:
        raise ValueError(
            "--field and --value are given with --kind rectification, and only with it"
        )
    if args.kind == "rectification":
        check_choice(datamap, args.field, args.value or "")
    try:
        received_on = date.fromisoformat(args.received) if args.received else None
    except ValueError:
        raise ValueError("--received must be a date written YYYY-MM-DD") from None
    now = utc_now()
    timezone = datamap.organisation.timezone
    url = args.url or sqlalchemy_url(spec_from_env("gdpr_ledger"))
    key = identity_key(datamap, lambda conn_id: spec_from_env(conn_id).password)
    ledger = Ledger(create_sql_engine(url), identity_key=key)
    before = {r.request_id for r in ledger.open_requests()}
    request = request_for(
        ledger,
        kind=args.kind,
        email=value,
        request_id=None,
        timezone=timezone,
        now=now,
        channel=args.channel,
        note=args.note,
        received_at=_received_at(received_on, timezone, now) if received_on else None,
    )
    try:
        actor = f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name in some containers
        actor = "cli"
    if request.request_id not in before:
        ledger.add_request_event(request.request_id, "received", actor, {"channel": args.channel})
    if args.kind == "rectification":
        record_correction(
            ledger, request.request_id, field=args.field, value=args.value, actor=actor
        )
    print(request.request_id)
    return 0
