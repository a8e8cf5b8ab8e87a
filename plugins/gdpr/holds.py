"""`gdpr hold`: place, list and lift legal holds in the ledger (Art. 17(3)(e): legal claims).

A hold covers a subject (by the e-mail address the ledger knows them by) or one record
(``system.dataset:key``); purges skip what it covers and erasures keep it, with the hold's reason
and citation. How far a hold on a record reaches is the data map's ``holds.scope``. A hold ends
when it is lifted (recorded with who and why, in the hold row and the evidence chain: nothing is
deleted) or at the end of its optional last day (``--until``, in the organisation's time zone).

The identity typed for a subject hold goes to the ledger and nowhere else: it is not printed back,
and ``hold list`` shows it masked unless asked with ``--show-identity``.
"""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from gdpr.datamap import load_datamap
from gdpr.datamap.models import DataMap
from gdpr.ledger.clock import utc_now
from gdpr.ledger.records import HoldRecord

__all__ = ["HoldInputError", "add_commands", "mask_identity", "parse_record", "parse_until"]

_DATASET = re.compile(r"^([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*):(.*)$", re.DOTALL)
_INTEGER = re.compile(r"^(0|-?[1-9][0-9]*)$")


class HoldInputError(ValueError):
    """The command line cannot be acted on; nothing was written."""


def add_commands(commands: Any) -> None:
    """Register ``gdpr hold place|list|lift`` on the top-level sub-command parser."""
    hold = commands.add_parser(
        "hold", help="place, list and lift legal holds (kept from purges and erasures)"
    ).add_subparsers(metavar="ACTION")

    place = hold.add_parser("place", help="place a legal hold on a subject or on one record")
    target = place.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--subject",
        metavar="IDENTITY",
        help="the subject's e-mail address (stored in the ledger only)",
    )
    target.add_argument(
        "--record",
        metavar="SYSTEM.DATASET:KEY",
        help="one record, e.g. sales.contracts:1042, sales.lines:contract=7,line=2, or an S3 object key",
    )
    place.add_argument("--reason", required=True, help="why the data must be kept (the dispute)")
    place.add_argument(
        "--citation", required=True, help="legal source or case reference, e.g. TJ Lyon 26/0042"
    )
    place.add_argument(
        "--until", metavar="YYYY-MM-DD", help="last day the hold applies (default: until lifted)"
    )
    place.add_argument("--by", help="who places it (default: the login name)")
    _common(place)
    place.set_defaults(func=_place)

    listing = hold.add_parser(
        "list", help="every hold: scope, reason, citation, until, placed, lifted"
    )
    listing.add_argument("--active", action="store_true", help="only the holds in force now")
    listing.add_argument(
        "--show-identity",
        action="store_true",
        help="print subjects' addresses in full (a DPO's screen, never a log)",
    )
    _common(listing, datamap=False)
    listing.set_defaults(func=_list)

    lift = hold.add_parser(
        "lift", help="lift a hold (recorded with the reason; nothing is deleted)"
    )
    lift.add_argument("hold_id", metavar="ID", help="the hold's id, as `gdpr hold list` shows it")
    lift.add_argument("--reason", required=True, help="why the hold ends, e.g. the judgment")
    lift.add_argument("--by", help="who lifts it (default: the login name)")
    _common(lift, datamap=False)
    lift.set_defaults(func=_lift)


def _common(parser: argparse.ArgumentParser, *, datamap: bool = True) -> None:
    parser.add_argument(
        "--url", help="SQLAlchemy URL of the ledger (default: connection gdpr_ledger)"
    )
    if datamap:
        parser.add_argument("--datamap", type=Path)


# -- parsing ---------------------------------------------------------------------------------


def parse_record(datamap: DataMap, text: str) -> tuple[str, dict[str, Any]]:
    """``system.dataset:key`` -> (dataset id, key by field), checked against the data map."""
    match = _DATASET.match((text or "").strip())
    if not match:
        raise HoldInputError(
            "--record must be SYSTEM.DATASET:KEY, for example sales.contracts:1042"
        )
    dataset_id, raw = match.group(1), match.group(2).strip()
    try:
        ref = datamap.dataset(dataset_id)
    except KeyError:
        raise HoldInputError(
            f"--record names {dataset_id}, which is not a dataset of the data map"
        ) from None
    if not raw:
        raise HoldInputError(f"--record {dataset_id}: gives no key after the colon")
    if ref.kind == "s3":
        return dataset_id, {"key": raw}
    fields = list(ref.dataset.primary_key)
    if "=" not in raw:
        if len(fields) != 1:
            raise HoldInputError(
                f"{dataset_id} has a composite key: give every field, as "
                + ",".join(f"{f}=..." for f in fields)
            )
        return dataset_id, {fields[0]: _value(raw)}
    key: dict[str, Any] = {}
    for part in raw.split(","):
        name, sep, value = part.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name or not value:
            raise HoldInputError(f"--record {dataset_id}: {part.strip()!r} is not FIELD=VALUE")
        key[name] = _value(value)
    if sorted(key) != sorted(fields):
        raise HoldInputError(
            f"--record {dataset_id}: the key fields are {', '.join(fields)}, not {', '.join(key)}"
        )
    return dataset_id, {f: key[f] for f in fields}


def _value(text: str) -> int | str:
    """A key value as typed: a whole number is an integer key, anything else is text."""
    return int(text) if _INTEGER.match(text) else text


def parse_until(text: str, timezone: str, now: datetime) -> tuple[date, datetime]:
    """``YYYY-MM-DD`` -> (that day, the instant the hold ends: the next midnight in the
    organisation's time zone); a day already over is refused."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise HoldInputError(f"--until {text!r} is not a date written YYYY-MM-DD") from None
    zone = ZoneInfo(timezone)
    ends_at = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
    if ends_at <= now:
        raise HoldInputError(
            f"--until {day.isoformat()} is in the past: such a hold would protect nothing"
        )
    return day, ends_at


def mask_identity(value: str) -> str:
    """``camille.durand@example.fr`` -> ``c***@e***.fr``: enough to tell holds apart."""
    local, _, domain = value.partition("@")
    if not domain:
        return (value[:1] or "?") + "***"
    name, dot, tld = domain.rpartition(".")
    shown = f"{name[:1]}***{dot}{tld}" if dot else f"{domain[:1]}***"
    return f"{local[:1]}***@{shown}"


# -- commands ----------------------------------------------------------------------------------


def _ledger(url: str | None):
    from gdpr.connections import create_sql_engine, spec_from_env, sqlalchemy_url
    from gdpr.ledger import Ledger

    return Ledger(create_sql_engine(url or sqlalchemy_url(spec_from_env("gdpr_ledger"))))


def _input_errors(func):
    """Bad input: one sentence on standard error and exit code 2, nothing written."""
    from gdpr.ledger.errors import RecordNotFoundError

    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (HoldInputError, RecordNotFoundError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except ValueError as exc:  # refused by the ledger's own checks (an address, a text)
            if type(exc).__module__.startswith("sqlalchemy"):
                raise
            print(f"error: {exc}", file=sys.stderr)
            return 2

    return run


@_input_errors
def _place(args: argparse.Namespace) -> int:
    datamap = load_datamap(args.datamap)
    if not args.reason.strip() or not args.citation.strip():
        raise HoldInputError("--reason and --citation must not be empty")
    target: dict[str, Any]
    if args.subject is not None:
        from gdpr.ledger import normalise_email

        try:
            target = {"subject_email": normalise_email(args.subject)}
        except ValueError as exc:
            raise HoldInputError(f"--subject must be the subject's e-mail address: {exc}") from None
        shown = "a subject (identity stored in the ledger only)"
    else:
        dataset, key = parse_record(datamap, args.record)
        target = {"dataset": dataset, "record_key": key}
        shown = (
            f"record {_record_text(dataset, key)} (scope {datamap.holds.scope}, from the data map)"
        )
    until = ends_at = None
    if args.until:
        until, ends_at = parse_until(args.until, datamap.organisation.timezone, utc_now())
    hold = _ledger(args.url).add_legal_hold(
        reason=args.reason.strip(),
        reference=args.citation.strip(),
        until=until,
        ends_at=ends_at,
        placed_by=args.by or getpass.getuser(),
        **target,
    )
    ending = f"until {until.isoformat()} inclusive" if until else "until lifted"
    print(f"legal hold {hold.id} placed on {shown}, {ending}")
    return 0


@_input_errors
def _list(args: argparse.Namespace) -> int:
    ledger = _ledger(args.url)
    now = utc_now()
    holds = ledger.active_legal_holds() if args.active else ledger.legal_holds()
    if not holds:
        print("no legal hold" + (" in force" if args.active else " in the ledger"))
        return 0
    header = ("id", "status", "scope", "target", "reason", "citation", "until", "placed", "lifted")
    rows = [header] + [_row(h, now, args.show_identity) for h in holds]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1])
    return 0


def _row(hold: HoldRecord, now: datetime, show_identity: bool) -> tuple[str, ...]:
    if hold.released_at is not None:
        status = "lifted"
    elif not hold.in_force(now):
        status = "ended"
    else:
        status = "active"
    if hold.subject_email:
        target = hold.subject_email if show_identity else mask_identity(hold.subject_email)
    else:
        target = _record_text(hold.dataset or "", hold.record_key or {})
    placed = hold.created_at.date().isoformat() + (
        f" by {hold.placed_by}" if hold.placed_by else ""
    )
    lifted = ""
    if hold.released_at is not None:
        lifted = hold.released_at.date().isoformat()
        lifted += f" by {hold.lifted_by}" if hold.lifted_by else ""
        lifted += f": {hold.lift_reason}" if hold.lift_reason else ""
    return (
        str(hold.id),
        status,
        "subject" if hold.subject_email else "record",
        target,
        hold.reason,
        hold.citation,
        hold.until.isoformat() if hold.until else "-",
        placed,
        lifted or "-",
    )


def _record_text(dataset: str, key: dict[str, Any]) -> str:
    if len(key) == 1:
        return f"{dataset}:{next(iter(key.values()))}"
    return f"{dataset}:" + ",".join(f"{k}={v}" for k, v in key.items())


@_input_errors
def _lift(args: argparse.Namespace) -> int:
    if not re.fullmatch(r"[0-9]+", args.hold_id.strip()):
        raise HoldInputError(f"hold id {args.hold_id!r} is not a number: see `gdpr hold list`")
    if not args.reason.strip():
        raise HoldInputError("--reason must not be empty: say why the hold ends")
    hold = _ledger(args.url).lift_legal_hold(
        int(args.hold_id), reason=args.reason.strip(), lifted_by=args.by or getpass.getuser()
    )
    print(f"legal hold {hold.id} lifted (recorded in the ledger and its evidence chain)")
    return 0
