"""The ledger request an erasure or rectification run works for, checked before anything changes.

A run names the subject by e-mail or by an existing request id. By e-mail, the open request of
that kind for the same person is reused (a second trigger does not open a second clock), else
one is recorded with its Art. 12(3) due date. Errors name the problem, never the address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from gdpr.deadlines import request_due_at
from gdpr.ledger import Ledger, RequestRecord, normalise_email

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
CORRECTION = "rectification.value"  # the request event holding a rectification's new value
CLOSED = {"rejected", "refused", "cancelled"}


class RequestInputError(ValueError):
    """The form's input cannot be acted on; nothing was changed."""


def checked_email(value: str) -> str:
    try:
        email = normalise_email(value or "")
    except ValueError as exc:
        raise RequestInputError(str(exc)) from None
    if not EMAIL.match(email):
        raise RequestInputError(
            "the subject's e-mail address is malformed (expected name@domain.tld)"
        )
    return email


def request_for(
    ledger: Ledger,
    *,
    kind: str,
    email: str | None,
    request_id: str | None,
    timezone: str,
    now: datetime,
    channel: str,
    note: str | None = None,
    received_at: datetime | None = None,
) -> RequestRecord:
    """The request to act on (existing or new); raises ``RequestInputError`` on bad input.

    A new request is received ``received_at`` (default ``now``) and due one calendar month
    later (Art. 12(3)); an open request of the same kind for the same address is reused."""
    request_id = (request_id or "").strip() or None
    if bool(email) == bool(request_id):
        raise RequestInputError("give either the subject's e-mail address or a request id")
    if request_id:
        if not REQUEST_ID.fullmatch(request_id):
            raise RequestInputError(
                f"{request_id[:40]!r} is not a request id: ids look like R-2026-000123"
            )
        request = ledger.get_request(request_id)
        if request is None:
            raise RequestInputError(
                f"request {request_id} is not in the ledger; register it first with "
                "`gdpr request register` or on the DPO desk"
            )
        if request.kind != kind:
            raise RequestInputError(f"request {request.request_id} is a {request.kind} request")
        if request.status in CLOSED:
            raise RequestInputError(f"request {request.request_id} is {request.status}")
        return request
    address = checked_email(email or "")
    for existing in ledger.open_requests():
        if existing.kind == kind and existing.subject_email == address:
            return existing
    received = received_at or now
    if received > now:
        raise RequestInputError("a request cannot have been received in the future")
    return ledger.create_request(
        kind=kind,
        subject_email=address,
        received_at=received,
        due_at=request_due_at(received, timezone),
        channel=channel,
        note=note,
    )


def record_correction(
    ledger: Ledger, request_id: str, *, field: str, value: str, actor: str
) -> None:
    """Keep a rectification's corrected value with its request in the ledger (the only place
    that holds it): the rectification run reads it back by request id."""
    value = (value or "").strip()
    if not field or not value:
        raise RequestInputError("a rectification needs the field and its corrected value")
    ledger.add_request_event(request_id, CORRECTION, actor, {"field": field, "value": value})


def correction_of(ledger: Ledger, request_id: str) -> Mapping[str, str] | None:
    """The latest corrected value registered for ``request_id`` (``field``, ``value``), if any."""
    for event in reversed(ledger.request_events(request_id)):
        if event.kind == CORRECTION:
            return {"field": str(event.detail["field"]), "value": str(event.detail["value"])}
    return None
