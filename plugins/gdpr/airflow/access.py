"""Task bodies of ``gdpr_subject_access``: register the request, export per system, package and deliver.

Tasks hand each other the request id, never the address: each task reads the subject's
address from the ledger. Exports travel between tasks through the delivery bucket's staging
prefix (``gdpr.access.staging``) since tasks may run on different workers.

The archive is AES-256 encrypted by default, with a passphrase made for the delivery and kept in
the ledger until a DPO is shown it once (``gdpr.access.secret``); or with the passphrase of an
Airflow Variable the form names; or encrypted to the subject's public key when one was recorded
(``gdpr.access.recipient``); or, when the form says so, not at all (logged, and recorded in the
ledger). Either passphrase is registered with the secrets masker, so it is neither in the
run's configuration, nor in XCom, nor in a log. The download link is not stored: ``gdpr access
link`` signs a fresh one.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from cryptography.fernet import MultiFernet

from gdpr.access import (
    AccessInputError,
    Delivery,
    RequestInfo,
    Scope,
    assemble_package,
    deliver_package,
    email_identity,
    export_system,
    register_request,
    sweep_expired,
)
from gdpr.access.export import SIDECAR_DIR
from gdpr.access.package import sha256_file
from gdpr.access.recipient import encrypt_to, recipient_of
from gdpr.access.request import ACTOR
from gdpr.access.secret import (
    NoPassphraseKeyError,
    keep_passphrase,
    new_passphrase,
    passphrase_cipher,
)
from gdpr.access.staging import delete_tree, download_tree, staging_prefix, upload_tree
from gdpr.airflow.hooks import airflow_clients, ledger_engine, ledger_for
from gdpr.airflow.redact import hide_identities
from gdpr.airflow.refusal import refuse
from gdpr.connectors.factory import connectors_for
from gdpr.datamap import load_datamap
from gdpr.erasure.notify import notified_recipients
from gdpr.ledger import EvidenceInput, Ledger
from gdpr.ledger.clock import utc_now
from gdpr.subject import resolve_subject

log = logging.getLogger(__name__)
RUN_KIND = "access"
FORMATS = {"both": ("json", "csv"), "json": ("json",), "csv": ("csv",)}


def register(params: Mapping[str, Any], *, dag_id: str, run_id: str) -> list[dict]:
    """Check the form and record the request; fails before any write when the input is wrong.

    Returns one export job per system of the data map (what the export task is mapped over).
    """
    datamap = load_datamap()
    if params.get("passphrase_variable"):
        if params.get("unencrypted"):
            raise refuse("choose a passphrase Variable or an unencrypted package, not both")
        passphrase(params["passphrase_variable"])  # a missing Variable fails now, not at the end
    elif not params.get("unencrypted"):
        _require_passphrase_key()  # a passphrase may be made: it must not be kept in clear
    if not (params.get("request_id") or "").strip():
        raise refuse(
            "give the id of a request registered in the ledger (R-YYYY-NNNNNN); register the "
            "subject first with `gdpr request register` or on the DPO desk"
        )
    ledger = ledger_for(datamap)
    try:
        request = register_request(
            ledger,
            timezone=datamap.organisation.timezone,
            kind=params["kind"],
            now=utc_now(),
            run_id=run_id,
            request_id=params.get("request_id"),
        )
    except AccessInputError as exc:
        raise refuse(str(exc)) from exc
    ledger.start_run(dag_id, run_id, kind=RUN_KIND)
    clients = airflow_clients()
    stale = delete_tree(
        clients.s3(datamap.delivery.conn_id),
        datamap.delivery,
        staging_prefix(datamap.delivery, request.request_id),
    )
    systems = [s.name for s in datamap.systems]
    log.info(
        "request %s (%s, %s): searching %d systems; %d staged files of an earlier run removed",
        request.request_id,
        request.kind,
        "new" if request.created else "existing",
        len(systems),
        stale,
    )
    return [{"request_id": request.request_id, "kind": request.kind, "system": s} for s in systems]


def export(request_id: str, system: str, *, kind: str, output_format: str) -> dict:
    """Locate the subject for one system's datasets and stage what it holds; counts only out."""
    datamap = load_datamap()
    record = ledger_for(datamap).get_request(request_id)
    if record is None:
        raise refuse(f"request {request_id} disappeared from the ledger during the run")
    hide_identities([record.subject_email])
    clients = airflow_clients()
    try:
        connectors = connectors_for(datamap, clients)
        within = [f"{system}.{d.name}" for d in datamap.system(system).datasets]
        location = resolve_subject(
            datamap, connectors, email_identity(datamap), record.subject_email, within=within
        )
        with TemporaryDirectory(prefix="gdpr-access-") as tmp:
            exports = export_system(
                datamap,
                connectors,
                location,
                system,
                Path(tmp),
                scope=Scope(datamap, kind),  # type: ignore[arg-type]
                formats=FORMATS[output_format],
            )
            client = clients.s3(datamap.delivery.conn_id)
            prefix = staging_prefix(datamap.delivery, request_id)
            staged = upload_tree(client, datamap.delivery, prefix, Path(tmp), utc_now())
    finally:
        clients.dispose()
    for item in exports:
        log.info("%s: %d %s exported", item.dataset, item.count, item.kind)
    return {
        "system": system,
        "datasets": {e.dataset: e.count for e in exports},
        "keys_sha256": {e.dataset: e.keys_sha256 for e in exports},
        "staged_files": staged,
    }


def deliver(
    request_id: str,
    kind: str,
    exports: Sequence[Mapping[str, Any]],
    params: Mapping[str, Any],
    *,
    dag_id: str,
    run_id: str,
) -> dict:
    """Assemble the staged exports, upload the package, record the delivery in the ledger."""
    datamap = load_datamap()
    engine = ledger_engine()
    ledger = ledger_for(datamap, engine=engine)
    record = ledger.get_request(request_id)
    if record is None:
        raise refuse(f"request {request_id} disappeared from the ledger during the run")
    hide_identities([record.subject_email])
    seal = protection(params, recipient_of(ledger, request_id))
    cipher = _require_passphrase_key() if seal.how == GENERATED else None
    client = airflow_clients().s3(datamap.delivery.conn_id)
    prefix = staging_prefix(datamap.delivery, request_id)
    now = utc_now()
    with TemporaryDirectory(prefix="gdpr-access-") as tmp:
        root = Path(tmp) / "package"
        download_tree(client, datamap.delivery, prefix, root)
        missing = [
            e["system"]
            for e in exports
            if not (root / SIDECAR_DIR / f"{e['system']}.json").exists()
        ]
        if missing:
            raise refuse(
                f"the exports of {', '.join(missing)} are not in staging any more: "
                "clear the export_system tasks of this run so they export again"
            )
        package = assemble_package(
            datamap,
            root,
            Path(tmp) / "package.zip",
            kind=kind,
            request=RequestInfo(
                request_id,
                kind,
                record.received_at,
                record.effective_due_at,
                tuple(notified_recipients(ledger, datamap, record.subject_email)),
            ),
            generated_at=now,
            passphrase=seal.passphrase,
        )
        path = encrypt_to(package.path, seal.recipient) if seal.recipient else package.path
        sha256 = package.sha256 if path == package.path else sha256_file(path)
        delivery = deliver_package(
            client,
            datamap.delivery,
            request_id,
            path,
            sha256=sha256,
            expiry_days=int(params["link_expiry_days"]),
            now=now,
            encrypted_archive=seal.how != UNENCRYPTED,
            filename=path.name,
        )
    counts = {d: n for e in exports for d, n in e["datasets"].items()}
    objects = {d for d in counts if datamap.dataset(d).kind == "s3"}
    summary = {
        "request_id": request_id,
        "kind": kind,
        "package": delivery.key,
        "sha256": delivery.sha256,
        "bytes": delivery.bytes,
        "files": package.files,
        "encrypted": delivery.encrypted_archive,
        "encryption": seal.how,
        "expires_at": delivery.expires_at.isoformat(),
        "found": any(counts.values()),
        "records": sum(n for d, n in counts.items() if d not in objects),
        "objects": sum(n for d, n in counts.items() if d in objects),
    }
    if seal.how == GENERATED:
        keep_passphrase(engine, request_id, seal.passphrase, now, cipher)
    _record(ledger, summary, delivery, exports, dag_id=dag_id, run_id=run_id)
    delete_tree(client, datamap.delivery, prefix)  # only once the delivery is on record
    swept = sweep_expired(client, datamap.delivery, now)
    log.info(
        "request %s: %s package of %d files (%d records, %d objects) delivered to %s, "
        "expires %s%s; %d expired packages removed",
        request_id,
        kind,
        package.files,
        summary["records"],
        summary["objects"],
        delivery.uri,
        delivery.expires_at.isoformat(),
        f", encrypted ({seal.how})" if delivery.encrypted_archive else "",
        swept,
    )
    if seal.how == UNENCRYPTED:
        log.warning(
            "request %s: the package is NOT encrypted, as the form asked (recorded in the ledger)",
            request_id,
        )
    log.info("`gdpr access link %s` prints a download link", request_id)
    if seal.how == GENERATED:
        log.info(
            "`gdpr access passphrase %s`, or the DPO desk, shows the passphrase once: give it to "
            "the subject by another channel than the link (telephone, letter, SMS)",
            request_id,
        )
    return summary


def _record(
    ledger: Ledger,
    summary: dict,
    delivery: Delivery,
    exports: Sequence[Mapping[str, Any]],
    *,
    dag_id: str,
    run_id: str,
) -> None:
    """The request event and the hash-chained evidence row; neither holds the link (a working
    download of the subject's data) nor the passphrase."""
    request_id, kind = summary["request_id"], summary["kind"]
    ledger.add_request_event(
        request_id,
        "package_delivered",
        ACTOR,
        {**summary, "run_id": run_id, "link_expires_at": delivery.link_expires_at.isoformat()},
    )
    run_pk = ledger.start_run(dag_id, run_id, kind=RUN_KIND)
    ledger.record_evidence(
        EvidenceInput(
            action=f"{kind}.delivered",
            citation="Art. 15 GDPR" if kind == "access" else "Art. 20 GDPR",
            count=summary["records"] + summary["objects"],
            keys_sha256=summary["sha256"],
            detail={
                "package": delivery.uri,
                "package_sha256": summary["sha256"],
                "expires_at": summary["expires_at"],
                "encrypted_archive": summary["encrypted"],
                "encryption": summary["encryption"],
                "datasets": {
                    d: {"count": n, "keys_sha256": e["keys_sha256"][d]}
                    for e in exports
                    for d, n in e["datasets"].items()
                },
            },
            run_pk=run_pk,
            request_id=request_id,
        )
    )
    ledger.finish_run(run_pk, "success", summary)


GENERATED, VARIABLE, PUBLIC_KEY, UNENCRYPTED = (
    "generated_passphrase",
    "passphrase_variable",
    "public_key",
    "none",
)


@dataclass(frozen=True)
class Seal:
    """How the package is protected: ``how``, and the passphrase or the subject's public key."""

    how: str
    passphrase: str | None = None
    recipient: str | None = None


def protection(params: Mapping[str, Any], recipient: str | None) -> Seal:
    """The form's passphrase Variable; no encryption when the form asks for it; else the
    subject's public key when they gave one; else a passphrase made for this delivery."""
    from airflow.sdk.log import mask_secret

    if params.get("passphrase_variable"):
        return Seal(VARIABLE, passphrase=passphrase(params["passphrase_variable"]))
    if params.get("unencrypted"):
        return Seal(UNENCRYPTED)
    if recipient:
        return Seal(PUBLIC_KEY, recipient=recipient)
    made = new_passphrase()
    mask_secret(made)
    return Seal(GENERATED, passphrase=made)


def _require_passphrase_key() -> MultiFernet:
    """The key the passphrase is kept with in the ledger (``gdpr.access.secret``); without it
    the run is refused before anything is written."""
    try:
        return passphrase_cipher()
    except NoPassphraseKeyError as exc:
        raise refuse(str(exc)) from None


def passphrase(variable: str) -> str:
    """The archive passphrase from an Airflow Variable, masked in every log from now on."""
    from airflow.sdk import Variable
    from airflow.sdk.log import mask_secret

    value = Variable.get(variable, default=None)
    if not value:
        raise refuse(
            f"Airflow Variable {variable!r} (the archive passphrase) does not exist or is empty: "
            "create it under Admin > Variables, or leave the field empty for an unencrypted archive"
        )
    mask_secret(value, variable)
    return value


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise refuse(f"the date of receipt {value!r} is not a date (YYYY-MM-DD)") from exc
