"""The ``gdpr`` command: what a data engineer reaches for outside the Airflow UI.

Connections come from the same ``AIRFLOW_CONN_<ID>`` variables Airflow reads, so a command
run beside the deployment talks to the same systems as the DAGs. Nothing here prints a
personal value: commands print counts, keys and hashes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from gdpr.datamap import DataMapError, load_datamap
from gdpr.ledger.clock import utc_now


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return args.func(args) or 0
    except DataMapError as exc:
        print(exc, file=sys.stderr)
        return 1
    except (LookupError, ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gdpr", description="GDPR operations on Airflow: data map, ledger, requests"
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    datamap = commands.add_parser(
        "datamap", help="validate the data map or print its JSON Schema"
    ).add_subparsers(metavar="ACTION")
    validate = datamap.add_parser(
        "validate", help="validate a data map (default: $GDPR_DATAMAP or include/datamap.yaml)"
    )
    validate.add_argument("path", nargs="?", type=Path)
    validate.set_defaults(func=_datamap_validate)
    schema = datamap.add_parser("schema", help="print the data map's JSON Schema")
    schema.add_argument("--out", type=Path, help="write to this file instead of standard output")
    schema.set_defaults(func=_datamap_schema)

    ledger = commands.add_parser("ledger", help="the evidence ledger").add_subparsers(
        metavar="ACTION"
    )
    for name, func, text in (
        ("upgrade", _ledger_upgrade, "create or upgrade the ledger's tables"),
        (
            "verify",
            _ledger_verify,
            "check the evidence hash chain; exit 1 and say which row if tampered",
        ),
    ):
        sub = ledger.add_parser(name, help=text)
        sub.add_argument(
            "--url", help="SQLAlchemy URL of the ledger (default: connection gdpr_ledger)"
        )
        sub.set_defaults(func=func)
    grant = ledger.add_parser(
        "grant",
        help="give the application role (Airflow's ledger connection) only the rights it needs: "
        "read and append, never update or delete evidence; run as the tables' owner",
    )
    grant.add_argument("role", help="PostgreSQL role, or MariaDB account user[@host]")
    grant.add_argument("--url", help="SQLAlchemy URL of the ledger, as its owner")
    grant.set_defaults(func=_ledger_grant)
    verify = ledger.choices["verify"]
    verify.add_argument(
        "--datamap",
        type=Path,
        help="data map naming the anchor bucket whose published heads (and the reports "
        "location whose certificates) the chain is checked against",
    )
    verify.add_argument(
        "--certificate",
        type=Path,
        action="append",
        default=[],
        help="an erasure certificate someone holds: the chain must still agree with the head "
        "it was issued under (repeatable)",
    )

    ropa = commands.add_parser(
        "ropa", help="write the Art. 30 record of processing (HTML and CSV) from the data map"
    )
    ropa.add_argument("--out", type=Path, default=Path("."), help="directory to write into")
    ropa.add_argument("--datamap", type=Path)
    ropa.set_defaults(func=_ropa)

    check = commands.add_parser(
        "check",
        help="compare the data map with the live systems (tables, columns, buckets, key prefixes)",
    )
    check.add_argument("--datamap", type=Path)
    check.set_defaults(func=_check)

    minimisation = commands.add_parser(
        "minimisation",
        help="run the minimisation checks (gdpr_minimisation_checks) here; prints counts per category",
    )
    minimisation.add_argument(
        "--dataset", action="append", default=[], help="system.dataset (repeatable; default: all)"
    )
    minimisation.add_argument("--docs", type=Path, help="build the GX Data Docs into this folder")
    minimisation.add_argument(
        "--findings", type=Path, help="write the findings (keys and categories) to this CSV"
    )
    minimisation.add_argument("--datamap", type=Path)
    minimisation.set_defaults(func=_minimisation)

    locate = commands.add_parser(
        "locate", help="count a subject's records in every dataset (prints counts only)"
    )
    locate.add_argument("value", metavar="VALUE", help="the subject's identity, e.g. an e-mail")
    locate.add_argument(
        "--identity",
        help="which of the data map's identities VALUE is (default: the map's first identity)",
    )
    second = locate.add_mutually_exclusive_group()
    second.add_argument(
        "--also",
        metavar="IDENTITY=VALUE",
        help="a second identifier, when people share the identity: another identity's value",
    )
    second.add_argument(
        "--record",
        metavar="SYSTEM.DATASET:KEY",
        help="a second identifier, when people share the identity: the key of the person's record",
    )
    locate.add_argument("--datamap", type=Path)
    locate.set_defaults(func=_locate)

    access = commands.add_parser(
        "access", help="access and portability packages (gdpr_subject_access)"
    ).add_subparsers(metavar="ACTION")
    link = access.add_parser(
        "link",
        help="print a download link to a request's delivered package (never past its expiry)",
    )
    link.add_argument("request_id", help="ledger request id, e.g. R-2026-000123")
    link.add_argument("--days", type=int, default=7, help="link lifetime in days (1-7, default 7)")
    link.add_argument("--datamap", type=Path)
    link.set_defaults(func=_access_link)
    shown = access.add_parser(
        "passphrase",
        help="show the passphrase of a request's encrypted package, once (then it is cleared)",
    )
    shown.add_argument("request_id", help="ledger request id, e.g. R-2026-000123")
    shown.add_argument(
        "--url", help="SQLAlchemy URL of the ledger (default: connection gdpr_ledger)"
    )
    shown.set_defaults(func=_access_passphrase)
    key = access.add_parser(
        "key",
        help="record the subject's public key (age or SSH): their package is encrypted to it",
    )
    key.add_argument("request_id", help="ledger request id, e.g. R-2026-000123")
    key.add_argument(
        "public_key", type=Path, help="file holding the key (age1... or ssh-ed25519/ssh-rsa ...)"
    )
    key.add_argument("--url", help="SQLAlchemy URL of the ledger (default: connection gdpr_ledger)")
    key.set_defaults(func=_access_key)

    from gdpr.holds import add_commands as add_hold_commands

    add_hold_commands(commands)

    from gdpr.request_command import add_commands as add_request_commands

    add_request_commands(commands)

    return parser


def _datamap_validate(args: argparse.Namespace) -> int:
    datamap = load_datamap(args.path)
    print(
        f"{datamap.source}: valid ({len(datamap.systems)} systems, {len(datamap.dataset_ids())} datasets, "
        f"{len(datamap.purposes)} purposes, {len(datamap.retention)} retention rules; sha256 {datamap.digest[:12]})"
    )
    return 0


def _datamap_schema(args: argparse.Namespace) -> int:
    from gdpr.datamap.schema import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _ledger_engine(url: str | None):
    from gdpr.connections import create_sql_engine, spec_from_env, sqlalchemy_url

    return create_sql_engine(url or sqlalchemy_url(spec_from_env("gdpr_ledger")))


def _ledger_upgrade(args: argparse.Namespace) -> int:
    from gdpr.ledger import migrate

    print(f"ledger at revision {migrate(_ledger_engine(args.url))}")
    return 0


def _ledger_grant(args: argparse.Namespace) -> int:
    from gdpr.ledger.roles import grant_application_role

    for statement in grant_application_role(_ledger_engine(args.url), args.role):
        print(statement)
    return 0


def _ledger_verify(args: argparse.Namespace) -> int:
    from gdpr.connections import spec_from_env
    from gdpr.connectors.factory import env_clients
    from gdpr.erasure.certificate import certificate_claim
    from gdpr.ledger.audit import audit_ledger
    from gdpr.ledger.upgrade import ensure_ready

    engine = _ledger_engine(args.url)
    ensure_ready(engine)  # an empty database says what to do before anything else is read
    datamap = load_datamap(args.datamap)
    given = []
    for path in args.certificate:
        claim = certificate_claim(path.read_text(encoding="utf-8"), f"the certificate {path}")
        if claim is None:
            raise ValueError(f"{path} carries no ledger head: is it an erasure certificate?")
        given.append(claim)
    audit = audit_ledger(
        engine,
        datamap,
        env_clients().s3,
        lambda conn_id: spec_from_env(conn_id).password,
        certificates=True,
        claims=given,
    )
    report, problems = audit.report, audit.problems
    if not problems:
        checked = audit.published
        print(
            f"evidence chain intact: {report.rows} rows, head {report.head or '(empty)'}; "
            f"agrees with {checked} published heads and {len(audit.claims) - checked} certificates"
        )
        return 0
    print(
        f"evidence chain BROKEN ({len(problems)} problems in {report.rows} rows):",
        file=sys.stderr,
    )
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1


def _ropa(args: argparse.Namespace) -> int:
    from gdpr.reports.register import build_register, render_csv, render_html

    datamap = load_datamap(args.datamap)
    entries = build_register(datamap)
    args.out.mkdir(parents=True, exist_ok=True)
    html = args.out / "record-of-processing.html"
    csv = args.out / "record-of-processing.csv"
    html.write_text(
        render_html(datamap, entries, [], [], utc_now(), "command line"), encoding="utf-8"
    )
    csv.write_text(render_csv(entries), encoding="utf-8")
    print(f"{len(entries)} processing activities written to {html} and {csv}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from gdpr.connectors.base import SystemUnreachableError
    from gdpr.connectors.factory import connector_for, env_clients
    from gdpr.datamap.drift import anonymisation_conflicts, compare

    datamap = load_datamap(args.datamap)
    clients = env_clients()
    failed = False
    connectors = {}
    for system in datamap.systems:
        connector = connector_for(system, clients)
        try:
            drift = compare(system, connector.inspect(), connector.undeclared())
        except SystemUnreachableError as exc:
            print(f"{system.name}: {exc}")
            failed = True
            continue
        connectors[system.name] = connector
        print(
            f"{system.name}: {drift.datasets} datasets, {len(drift.missing)} missing, {len(drift.undeclared)} undeclared"
        )
        for item in drift.missing:
            print(f"  missing: {item}")
        for item in drift.undeclared:
            print(f"  undeclared: {item}")
        failed |= not drift.ok
    if not failed:  # the schema as declared: would it take the anonymisations the map asks for?
        for problem in anonymisation_conflicts(datamap, connectors):
            print(f"  refused: {problem}")
            failed = True
    return 1 if failed else 0


def _minimisation(args: argparse.Namespace) -> int:
    """Exit 0 when nothing was found, 1 when there are findings or a check could not run."""
    from gdpr.connectors.factory import connectors_for, env_clients
    from gdpr.ledger import Ledger
    from gdpr.quality.findings import to_csv
    from gdpr.quality.runner import check_dataset, retention_exemptions
    from gdpr.quality.suites import load_suite_files, suites_dir

    datamap = load_datamap(args.datamap)
    known = [ref.id for ref in datamap.iter_datasets() if ref.kind == "sql"]
    unknown = sorted(set(args.dataset) - set(known))
    if unknown:
        raise ValueError(f"unknown sql dataset(s) {', '.join(unknown)}; known: {', '.join(known)}")
    clients = env_clients()
    connectors = connectors_for(datamap, clients)
    ledger = Ledger(_ledger_engine(None))
    files = load_suite_files(suites_dir(datamap), datamap)
    findings, failed = [], False
    for dataset_id in args.dataset or known:
        ref = datamap.dataset(dataset_id)
        outcome = check_dataset(
            datamap,
            dataset_id,
            clients.engine(ref.system.conn_id),
            now=utc_now(),
            exempt=retention_exemptions(datamap, dataset_id, connectors, ledger),
            suite_files=files,
            docs_dir=args.docs / dataset_id if args.docs else None,
        )
        summary = outcome.summary()
        print(f"{dataset_id}: {summary['findings']} findings {json.dumps(summary['by_category'])}")
        for error in outcome.errors:
            print(f"  could not run: {error}")
        findings += outcome.findings
        failed |= not outcome.ok
    if args.findings:
        args.findings.write_text(to_csv(findings), encoding="utf-8")
    clients.dispose()
    return 1 if failed else 0


def _locate(args: argparse.Namespace) -> int:
    from gdpr.connectors.factory import connectors_for, env_clients
    from gdpr.holds import parse_record
    from gdpr.ledger.identity import normalise_for
    from gdpr.subject import SecondIdentifier, resolve_subject

    datamap = load_datamap(args.datamap)
    identity = args.identity or datamap.identities[0].name
    normalise_for(datamap, identity, args.value)  # an unknown identity or a bad value: one sentence
    second = None
    if args.also:
        name, sep, value = args.also.partition("=")
        if not sep or not name.strip():
            raise ValueError("--also must be IDENTITY=VALUE, an identity the data map declares")
        second = SecondIdentifier(identity=name.strip(), value=value)
    elif args.record:
        dataset, key = parse_record(datamap, args.record)
        second = SecondIdentifier(dataset=dataset, key=key)
    location = resolve_subject(
        datamap, connectors_for(datamap, env_clients()), identity, args.value, second=second
    )
    for dataset, count in location.counts().items():
        print(f"{dataset:45} {count:>8}")
    print(f"{'total':45} {location.total:>8}")
    return 0


def _access_link(args: argparse.Namespace) -> int:
    from gdpr.access.deliver import package_link
    from gdpr.connections import boto3_s3_client, spec_from_env

    datamap = load_datamap(args.datamap)
    client = boto3_s3_client(spec_from_env(datamap.delivery.conn_id))
    link, expires_at = package_link(
        client, datamap.delivery, args.request_id, days=args.days, now=utc_now()
    )
    print(link)
    print(f"valid until {expires_at.isoformat()}", file=sys.stderr)
    return 0


def _access_passphrase(args: argparse.Namespace) -> int:
    """Printed once, alone on standard output: the DPO gives it to the subject by another
    channel than the link."""
    import getpass

    from gdpr.access.secret import reveal_passphrase
    from gdpr.ledger import Ledger

    engine = _ledger_engine(args.url)
    Ledger(engine).check_ready()
    value = reveal_passphrase(
        engine, args.request_id.strip(), by=f"cli:{getpass.getuser()}", now=utc_now()
    )
    print(value)
    print(
        "shown once: give it to the subject by telephone, letter or SMS, never with the link",
        file=sys.stderr,
    )
    return 0


def _access_key(args: argparse.Namespace) -> int:
    import getpass

    from gdpr.access.recipient import record_recipient
    from gdpr.ledger import Ledger

    ledger = Ledger(_ledger_engine(args.url))
    if ledger.get_request(args.request_id.strip()) is None:
        raise LookupError(f"request {args.request_id.strip()} is not in the ledger")
    try:
        text = args.public_key.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read the public key file {args.public_key}: {exc}") from None
    key = record_recipient(ledger, args.request_id.strip(), text, actor=f"cli:{getpass.getuser()}")
    print(f"{key.split()[0][:12]}... recorded: the next delivery is encrypted to it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
