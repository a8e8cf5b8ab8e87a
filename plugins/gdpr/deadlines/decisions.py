"""The DPO's decisions on a request: extend, refuse or close, each with its reason in the ledger.

Art. 12(3) allows an extension by two further months only when the subject is told, with the
reasons, within the first month: an extension asked for after that month is refused here, before
anything is written, so the ledger never shows a deadline the law does not grant.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from gdpr.datamap.models import ExtensionEnd
from gdpr.deadlines.calendar import extended_due_at
from gdpr.ledger import Ledger, RecordNotFoundError, RequestRecord
from gdpr.ledger.clock import as_utc

Action = Literal["extend", "refuse", "close"]
ACTIONS: tuple[str, ...] = ("extend", "refuse", "close")


class DecisionError(ValueError):
    """A decision the ledger must not record; the message says why and what is possible."""


class ExtensionRefused(DecisionError):  # noqa: N818 - the DPO reads "extension refused"
    """An extension asked for after the first month, or a second one."""


def decide(
    ledger: Ledger,
    request_id: str,
    action: str,
    reason: str,
    *,
    timezone: str,
    now: datetime,
    actor: str,
    extension_end: ExtensionEnd = "earlier",
) -> RequestRecord:
    """Apply one decision and append it to the request's history; an extension ends where the
    map's reading says (``alerts.extension_end``, the earlier date by default)."""
    if action not in ACTIONS:
        raise DecisionError(f"unknown action {action!r}: choose one of {', '.join(ACTIONS)}")
    reason = (reason or "").strip()
    if not reason:
        raise DecisionError(f"a reason is required to {action} request {request_id}")
    record = ledger.get_request(request_id)
    if record is None:
        raise RecordNotFoundError(f"request {request_id} is not in the ledger")
    if not record.is_open:
        raise DecisionError(
            f"request {request_id} is already {record.status}: only open or extended requests "
            "can be decided on"
        )
    now = as_utc(now)
    if action == "extend":
        updated = _extend(ledger, record, reason, timezone, now, extension_end)
    else:
        updated = ledger.update_request(
            request_id,
            status="refused" if action == "refuse" else "completed",
            closed_at=now,
            close_reason=reason,
        )
    ledger.add_request_event(
        request_id,
        {"extend": "extended", "refuse": "refused", "close": "closed"}[action],
        actor,
        {"reason": reason, "due_at": updated.effective_due_at.isoformat()}
        | ({"extension_end": extension_end} if action == "extend" else {}),
    )
    return updated


def _extend(
    ledger: Ledger,
    record: RequestRecord,
    reason: str,
    timezone: str,
    now: datetime,
    extension_end: ExtensionEnd,
) -> RequestRecord:
    if record.extended_due_at is not None:
        raise ExtensionRefused(
            f"request {record.request_id} was already extended to "
            f"{record.extended_due_at:%Y-%m-%d}; Art. 12(3) allows one extension of two months"
        )
    first_month_ends = as_utc(record.due_at)
    if now > first_month_ends:
        raise ExtensionRefused(
            f"extension refused: the first month of request {record.request_id} ended on "
            f"{first_month_ends:%Y-%m-%d %H:%M} UTC, and Art. 12(3) only allows an extension "
            "notified to the subject within that month. Answer the request now."
        )
    return ledger.update_request(
        record.request_id,
        status="extended",
        extended_due_at=extended_due_at(record.received_at, timezone, extension_end),
        extension_reason=reason,
    )
