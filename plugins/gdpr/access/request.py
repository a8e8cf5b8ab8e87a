"""The ledger request an access or portability run answers: found by id, or registered from an address.

The subject's address lives in the ledger and nowhere else: later steps of a run are given the
request id and read the address back, so the workflow engine never holds it. Every problem with
the input is an ``AccessInputError`` raised before anything is written, with a message the DPO
can act on and without the address itself (messages end up in logs and on screens).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from gdpr.access.portability import KINDS
from gdpr.deadlines import request_due_at
from gdpr.ledger import Ledger, RequestRecord, normalise_email

REQUEST_ID = re.compile(r"^R-\d{4}-\d+$")
CHANNEL = "dpo_form"  # requests the DPO registers from the trigger form
ACTOR = "gdpr_subject_access"


class AccessInputError(ValueError):
    """The run's input cannot be acted on; the message says what to correct."""


@dataclass(frozen=True)
class AccessRequest:
    request_id: str
    kind: str
    created: bool


def register_request(
    ledger: Ledger,
    *,
    timezone: str,
    kind: str,
    now: datetime,
    run_id: str,
    email: str | None = None,
    request_id: str | None = None,
    reference: str | None = None,
    received_on: date | None = None,
) -> AccessRequest:
    """Find or record the request; ``AccessInputError`` (nothing written) when the input is wrong.

    With a request id the ledger's request is used as it is (the form's address, if any, must
    match it). With an address alone, a new request is recorded, received ``received_on`` (the
    run's day by default) and due one calendar month later (Art. 12(3)). Its ``reference`` (or
    the run id) makes a retry or a rerun of the same run find the same request again.
    """
    if kind not in KINDS:
        raise AccessInputError(f"the kind must be one of {', '.join(KINDS)}, not {kind!r}")
    email = (email or "").strip() or None
    request_id = (request_id or "").strip() or None
    reference = (reference or "").strip() or None
    if email is None and request_id is None:
        raise AccessInputError(
            "give the subject's e-mail address or the id of a request in the ledger (R-YYYY-NNNNNN)"
        )
    address = _address(email) if email is not None else None
    if request_id is not None:
        record = _existing(ledger, request_id, kind, address)
        ledger.add_request_event(
            record.request_id, "export_started", ACTOR, {"run_id": run_id, "kind": kind}
        )
        return AccessRequest(record.request_id, record.kind, created=False)
    return _from_address(ledger, address or "", kind, timezone, now, run_id, reference, received_on)


def _address(email: str) -> str:
    try:
        return normalise_email(email)
    except ValueError as exc:
        raise AccessInputError(
            f"{exc}; correct the subject's e-mail address in the form and trigger again"
        ) from exc


def _existing(ledger: Ledger, request_id: str, kind: str, address: str | None) -> RequestRecord:
    if not REQUEST_ID.fullmatch(request_id):
        raise AccessInputError(
            f"{request_id!r} is not a request id: ids look like R-2026-000123 "
            "(as the ledger and the intake run show them)"
        )
    record = ledger.get_request(request_id)
    if record is None:
        raise AccessInputError(
            f"request {request_id} is not in the ledger; check the id, "
            "or give the subject's e-mail address instead to register a new request"
        )
    if record.kind != kind:
        raise AccessInputError(
            f"request {request_id} is a {record.kind} request, not {kind}: "
            f"choose the kind {record.kind!r} in the form"
        )
    if address is not None and address != record.subject_email:
        raise AccessInputError(
            f"the e-mail address in the form is not the subject's address of request {request_id}; "
            "leave the address empty to use the one recorded in the ledger"
        )
    return record


def _from_address(
    ledger: Ledger,
    address: str,
    kind: str,
    timezone: str,
    now: datetime,
    run_id: str,
    reference: str | None,
    received_on: date | None,
) -> AccessRequest:
    external_ref = reference or f"run:{run_id}"
    existing = ledger.find_request_by_external_ref(CHANNEL, external_ref)
    if existing is not None:
        if existing.subject_email != address or existing.kind != kind:
            raise AccessInputError(
                f"reference {external_ref} is already request {existing.request_id} "
                f"({existing.kind}) for another subject or kind; give another reference, "
                "or trigger with that request id"
            )
        ledger.add_request_event(
            existing.request_id, "export_started", ACTOR, {"run_id": run_id, "kind": kind}
        )
        return AccessRequest(existing.request_id, existing.kind, created=False)
    received_at = _received_at(received_on, timezone, now)
    record = ledger.create_request(
        kind=kind,
        subject_email=address,
        received_at=received_at,
        due_at=request_due_at(received_at, timezone),
        channel=CHANNEL,
        external_ref=external_ref,
        note=f"registered by {ACTOR} run {run_id}",
    )
    ledger.add_request_event(record.request_id, "received", ACTOR, {"run_id": run_id})
    ledger.add_request_event(
        record.request_id, "export_started", ACTOR, {"run_id": run_id, "kind": kind}
    )
    return AccessRequest(record.request_id, record.kind, created=True)


def _received_at(received_on: date | None, timezone: str, now: datetime) -> datetime:
    """The receipt instant: now, or the start of the given day in the organisation's zone."""
    if received_on is None:
        return now
    zone = ZoneInfo(timezone)
    if received_on > now.astimezone(zone).date():
        raise AccessInputError(
            f"the request cannot have been received in the future ({received_on.isoformat()})"
        )
    return datetime.combine(received_on, time(0), tzinfo=zone)
