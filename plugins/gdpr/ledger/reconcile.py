"""Compare the ledger's tables with what the evidence chain recorded about them.

The chain walk (``gdpr.ledger.chain.verify_chain``) hands every snapshot row to ``Snapshots``;
``Snapshots.problems`` then reads the tables once and says, one sentence per finding, which
request, breach, event, hold or notification no longer matches its latest snapshot, is missing,
or was never chained (written behind the ledger's back).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from gdpr.ledger import schema
from gdpr.ledger.snapshots import (
    BREACH_RECORD,
    EVENT_RECORD,
    HOLD_LIFTED,
    HOLD_PLACED,
    IDENTITY_CLEARED,
    NOTIFICATION_SENT,
    REQUEST_RECORD,
    breach_snapshot,
    event_snapshot,
    notification_snapshot,
    request_snapshot,
)

__all__ = ["Snapshots"]


class Snapshots:
    """The latest snapshot of every chained record, collected during the chain walk."""

    def __init__(self) -> None:
        self._latest: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
        self._cleared: set[str] = set()

    def add(self, evidence_id: int, action: str, detail: dict[str, Any]) -> None:
        key = _key(action, detail)
        if key is not None:
            self._latest[(action, key)] = (evidence_id, detail)
        elif action == IDENTITY_CLEARED:
            self._cleared.update(detail.get("requests", []))

    def problems(self, conn: sa.Connection, identity_key: bytes | None) -> list[str]:
        seen: set[tuple[str, str]] = set()
        problems: list[str] = []
        for action, row_key, current in _rows(conn, identity_key):
            seen.add((action, row_key))
            problems.extend(self._compare(action, row_key, current))
        for (action, key), (evidence_id, _) in sorted(self._latest.items(), key=lambda i: i[1][0]):
            if (action, key) not in seen and action != HOLD_LIFTED:
                problems.append(
                    f"{_name(action, key)} recorded in evidence #{evidence_id} is missing from "
                    "the ledger (deleted?)"
                )
        return problems

    def _compare(self, action: str, key: str, current: dict[str, Any]) -> list[str]:
        name = _name(action, key)
        chained = self._latest.get((action, key))
        if chained is None:
            return [f"{name} is not in the evidence chain (written outside the ledger?)"]
        evidence_id, recorded = chained
        if action == REQUEST_RECORD:
            subject = _subject_problem(name, current, recorded, key in self._cleared, evidence_id)
            if subject:
                return [subject]
        if action == HOLD_PLACED:
            lifted = (HOLD_LIFTED, key) in self._latest
            if current.pop("lifted") != lifted:
                state = "lifted" if not lifted else "in force"
                return [
                    f"{name} is {state} in the ledger but not in the chain (evidence "
                    f"#{evidence_id}): it was changed outside the ledger"
                ]
        changed = [
            f"{field} is {_show(value)} in the ledger but {_show(recorded[field])} in the chain"
            for field, value in current.items()
            if field in recorded and recorded[field] != value
        ]
        if changed:
            return [
                f"{name} was changed outside the ledger: {', '.join(changed)} "
                f"(evidence #{evidence_id})"
            ]
        return []


def _subject_problem(
    name: str, current: dict[str, Any], recorded: dict[str, Any], cleared: bool, evidence_id: int
) -> str | None:
    """The identity: erased only by ``clear_identities``, and (with the key) the same person."""
    hashed = current.pop("subject_hmac", None)
    if current.pop("subject_present"):
        if "subject_hmac" in recorded and hashed is not None and hashed != recorded["subject_hmac"]:
            return (
                f"{name}'s subject is not the person the chain recorded (evidence "
                f"#{evidence_id}): it was changed outside the ledger"
            )
    elif not cleared:
        return f"{name}'s subject was erased outside the ledger (no identity_cleared evidence)"
    return None


def _key(action: str, detail: dict[str, Any]) -> str | None:
    if action == REQUEST_RECORD:
        return detail.get("request_id")
    if action == BREACH_RECORD:
        return detail.get("breach_id")
    if action == EVENT_RECORD:
        return f"{detail.get('request_id')}#{detail.get('event')}"
    if action == NOTIFICATION_SENT:
        return str(detail.get("notification"))
    if action in (HOLD_PLACED, HOLD_LIFTED):
        return str(detail.get("hold"))
    return None


def _name(action: str, key: str) -> str:
    if action == EVENT_RECORD:
        request_id, event = key.split("#", 1)
        return f"event {event} of request {request_id}"
    return {
        REQUEST_RECORD: "request",
        BREACH_RECORD: "breach",
        NOTIFICATION_SENT: "sent notification",
        HOLD_PLACED: "legal hold",
        HOLD_LIFTED: "legal hold",
    }[action] + f" {key}"


def _show(value: object) -> str:
    return "empty" if value is None else str(value)


def _rows(conn: sa.Connection, key: bytes | None):
    """(snapshot action, key, current snapshot) for every row the chain must account for."""
    req = schema.requests
    request_ids = dict(conn.execute(sa.select(req.c.pk, req.c.request_id)).all())
    for row in conn.execution_options(yield_per=1000).execute(sa.select(req).order_by(req.c.pk)):
        current = request_snapshot(row, key)
        current["subject_present"] = row.subject_email is not None
        yield REQUEST_RECORD, row.request_id, current
    ev = schema.request_events
    for row in conn.execution_options(yield_per=1000).execute(sa.select(ev).order_by(ev.c.id)):
        request_id = request_ids.get(row.request_pk, "?")
        snap = event_snapshot(request_id, row)
        yield EVENT_RECORD, f"{request_id}#{row.id}", snap
    br = schema.breaches
    for row in conn.execute(sa.select(br).order_by(br.c.pk)):
        yield BREACH_RECORD, row.breach_id, breach_snapshot(row)
    note = schema.notifications
    sent = sa.select(note).where(note.c.status == "sent").order_by(note.c.id)
    for row in conn.execution_options(yield_per=1000).execute(sent):
        yield NOTIFICATION_SENT, str(row.id), notification_snapshot(row, key)
    holds = schema.legal_holds
    for row in conn.execute(sa.select(holds).order_by(holds.c.id)):
        current: dict[str, Any] = {
            "reason": row.reason,
            "citation": row.reference,
            "until": row.until.isoformat() if row.until else None,
            "scope": "subject" if row.subject_email else "record",
            "lifted": row.released_at is not None,
        }
        yield HOLD_PLACED, str(row.id), current
