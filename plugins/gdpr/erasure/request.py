"""The ledger request an erasure or rectification run works for, checked before anything changes.

A run names the subject by e-mail or by an existing request id. By e-mail, the open request of
that kind for the same person is reused (a second trigger does not open a second clock), else
one is recorded with its Art. 12(3) due date. Errors name the problem, never the address.
"""

from __future__ import annotations

import re
from datetime import datetime

from gdpr.deadlines import request_due_at
from gdpr.ledger import Ledger, RequestRecord, normalise_email

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
CLOSED = {"rejected", "refused", "cancelled"}


class RequestInputError(ValueError):
    """The form's input cannot be acted on; nothing was changed."""


def checked_email(value: str) -> str:
    email = normalise_email(value or "")
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
) -> RequestRecord:
    """The request to act on (existing or new); raises ``RequestInputError`` on bad input."""
    if bool(email) == bool(request_id):
        raise RequestInputError("give either the subject's e-mail address or a request id")
    if request_id:
        request = ledger.get_request(request_id.strip())
        if request is None:
            raise RequestInputError(f"request {request_id} is not in the ledger")
        if request.kind != kind:
            raise RequestInputError(f"request {request.request_id} is a {request.kind} request")
        if request.status in CLOSED:
            raise RequestInputError(f"request {request.request_id} is {request.status}")
        return request
    address = checked_email(email or "")
    for existing in ledger.open_requests():
        if existing.kind == kind and existing.subject_email == address:
            return existing
    return ledger.create_request(
        kind=kind,
        subject_email=address,
        received_at=now,
        due_at=request_due_at(now, timezone),
        channel=channel,
        note=note,
    )
