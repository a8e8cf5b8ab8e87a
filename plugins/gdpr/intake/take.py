"""Take privacy requests from the dataset the data map's `intake` rule names.

Each recognised record becomes one ledger request, received when the record was created (the
law counts from receipt, not from when the intake ran), due one calendar month later. The
ledger's unique (channel, external reference) makes intake idempotent: a record already taken is
skipped, and two overlapping runs cannot both take it. The records are read and the
acknowledgement is appended through the connector protocol (``Connector.find``; ``Changes.append``,
which gives the reply the key its table needs), never with SQL of intake's own; a reply is written
once per request (a ledger notification claim), so a run that died between the request and its
reply writes the reply next time, and never twice.

A batch of records is one ledger transaction for its new requests and one claim for their
replies; only a batch that collides with an overlapping run is taken one record at a time.

With a status mapping (`status_field`, `statuses`), a ticket in an open state becomes an open
request; one already closed or refused is recorded as history (closed in the ledger, with its
closing time: it never blocks a purge, never shows on the deadline board, gets no reply) or
skipped, as the map's `closed` says; a ticket in a state the map does not list is not taken.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from gdpr.connectors.base import ByReference, Connector
from gdpr.datamap.models import DataMap, Intake
from gdpr.deadlines.calendar import request_due_at
from gdpr.intake.reply import acknowledgement
from gdpr.ledger import DuplicateRecordError, Ledger, RequestRecord
from gdpr.ledger.clock import as_utc, utc_now
from gdpr.ledger.identity import normalise_email

log = logging.getLogger(__name__)

ACKNOWLEDGEMENT = "intake_reply"  # notification topic of the reply written on the record
EXPORT_START = "export_start"  # notification topic of the export run started for a request
EXPORT_KINDS = frozenset(
    {"access", "portability"}
)  # started automatically; others wait for the DPO


class IntakeNotConfigured(LookupError):  # noqa: N818 - reads as the situation it names
    """The data map has no `intake` block."""


@dataclass
class IntakeOutcome:
    seen: int = 0
    new: int = 0
    known: int = 0
    invalid: int = 0
    history: int = 0  # closed or refused requests recorded closed
    skipped: int = 0  # closed or refused requests left out (`closed: skip`)
    unmapped: int = 0  # records in a state the map does not list
    replies: int = 0
    by_kind: Counter = field(default_factory=Counter)
    to_start: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "seen": self.seen,
            "new": self.new,
            "known": self.known,
            "invalid": self.invalid,
            "history": self.history,
            "skipped": self.skipped,
            "unmapped": self.unmapped,
            "replies": self.replies,
            "by_kind": dict(self.by_kind),
            "to_start": self.to_start,
        }


def intake_rule(datamap: DataMap) -> Intake:
    if datamap.intake is None:
        raise IntakeNotConfigured(
            "the data map has no `intake` block: declare the dataset privacy requests arrive in "
            "and how they are recognised (docs/datamap.md, Request intake)"
        )
    return datamap.intake


def take_requests(
    datamap: DataMap,
    connector: Connector,
    ledger: Ledger,
    *,
    now: datetime | None = None,
    batch_size: int = 1000,
) -> IntakeOutcome:
    """Record every new privacy request, acknowledge each once, list the exports to start."""
    rule = intake_rule(datamap)
    dataset = datamap.dataset(rule.dataset).dataset
    channel, zone = rule.channel_name, datamap.organisation.timezone
    columns = [rule.reference_field, rule.type_field, rule.identity_field, rule.received_field]
    columns += [f for f in (rule.status_field, rule.closed_field) if f]
    wanted = ByReference((rule.type_field,), [(value,) for value in sorted(rule.types)])
    outcome = IntakeOutcome()
    # The privacy records, in reference order (a small part of the dataset), then in batches.
    records = sorted(
        (
            row
            for found in connector.find(dataset, wanted, list(dict.fromkeys(columns)))
            for row in found
            if _wanted(rule, row, outcome)
        ),
        key=lambda row: row[rule.reference_field],
    )
    acknowledged = _settled(ledger, ACKNOWLEDGEMENT)
    started = _settled(ledger, EXPORT_START)
    batches = (records[at : at + batch_size] for at in range(0, len(records), batch_size))
    for number, rows in enumerate(batches, start=1):
        refs = [str(row[rule.reference_field]) for row in rows]
        known = ledger.find_requests_by_external_refs(channel, refs)
        fresh = [(row, ref) for row, ref in zip(rows, refs, strict=True) if ref not in known]
        created = _record_batch(ledger, rule, fresh, channel, zone, outcome)
        taken: list[tuple[RequestRecord, Any]] = []
        for row, ref in zip(rows, refs, strict=True):
            outcome.seen += 1
            record = known.get(ref)
            if record is not None:
                outcome.known += 1
            else:
                record = created.get(ref)
            if record is not None:
                taken.append((record, row[rule.reference_field]))
        outcome.replies += _acknowledge(datamap, connector, ledger, taken, acknowledged, now)
        outcome.to_start += [
            {"request_id": r.request_id, "kind": r.kind}
            for r, _ in taken
            if r.kind in EXPORT_KINDS and r.is_open and r.request_id not in started
        ]
        log.info(
            "batch %d: %d privacy records, %d new requests so far, %d already taken",
            number,
            len(rows),
            outcome.new,
            outcome.known,
        )
    log.info(
        "intake: %d privacy records, %d new requests (%s; %d of them closed history), "
        "%d already taken, %d invalid, %d closed skipped, %d in states the map does not list, "
        "%d acknowledgements written, %d exports to start",
        outcome.seen,
        outcome.new,
        ", ".join(f"{k} {n}" for k, n in sorted(outcome.by_kind.items())) or "none",
        outcome.history,
        outcome.known,
        outcome.invalid,
        outcome.skipped,
        outcome.unmapped,
        outcome.replies,
        len(outcome.to_start),
    )
    return outcome


LEDGER_STATUS = {"closed": "completed", "refused": "refused"}  # a ticket's meaning -> ledger


def _meaning(rule: Intake, row: dict) -> str | None:
    """open, closed or refused (every ticket is open without a status mapping); None: a state
    the map does not list."""
    if rule.statuses is None or rule.status_field is None:
        return "open"
    return rule.statuses.meaning(row[rule.status_field])


def _wanted(rule: Intake, row: dict, outcome: IntakeOutcome) -> bool:
    """Whether a privacy record is taken: not in an unlisted state, not closed when skipped."""
    meaning = _meaning(rule, row)
    if meaning is None:
        outcome.unmapped += 1
        return False
    if meaning != "open" and rule.closed == "skip":
        outcome.skipped += 1
        return False
    return True


def _item(rule: Intake, row: dict, ref: str, channel: str, zone: str) -> dict[str, Any]:
    """The ledger request of a privacy record: open, or closed history with its closing time
    (the map's `closed_field`, else its receipt)."""
    received = _utc(row[rule.received_field])
    item = {
        "kind": rule.types[row[rule.type_field]],
        "subject_email": row[rule.identity_field] or "",
        "received_at": received,
        "due_at": request_due_at(received, zone),
        "channel": channel,
        "external_ref": ref,
    }
    meaning = _meaning(rule, row)
    if meaning != "open":
        closed = row[rule.closed_field] if rule.closed_field else None
        item |= {
            "status": LEDGER_STATUS[meaning or "closed"],
            "closed_at": _utc(closed) if closed is not None else received,
            "close_reason": f"{meaning} in {channel} before intake "
            f"(state {row[rule.status_field or '']!s})",
        }
    return item


def _record_batch(
    ledger: Ledger,
    rule: Intake,
    fresh: list[tuple[dict, str]],
    channel: str,
    zone: str,
    outcome: IntakeOutcome,
) -> dict[str, RequestRecord | None]:
    """The batch's new requests in one ledger transaction; one at a time if any was taken
    meanwhile by an overlapping run (the bulk insert then writes nothing)."""
    items, valid = [], []
    for row, ref in fresh:
        try:
            normalise_email(row[rule.identity_field] or "")
        except ValueError as exc:  # the message describes the problem, never the value
            outcome.invalid += 1
            log.warning("record %s not taken: %s", ref, exc)
            continue
        items.append(_item(rule, row, ref, channel, zone))
        valid.append((row, ref))
    try:
        records = ledger.create_requests(items)
    except DuplicateRecordError:
        return {ref: _record(ledger, rule, row, ref, channel, zone, outcome) for row, ref in valid}
    for record in records:
        _count(outcome, record)
    return {record.external_ref: record for record in records}


def _count(outcome: IntakeOutcome, record: RequestRecord) -> None:
    outcome.new += 1
    outcome.history += 0 if record.is_open else 1
    outcome.by_kind[record.kind] += 1


def _record(
    ledger: Ledger,
    rule: Intake,
    row: dict,
    ref: str,
    channel: str,
    zone: str,
    outcome: IntakeOutcome,
) -> RequestRecord | None:
    try:
        (record,) = ledger.create_requests([_item(rule, row, ref, channel, zone)])
    except DuplicateRecordError:  # an overlapping run took it between our look-up and insert
        outcome.known += 1
        return ledger.find_request_by_external_ref(channel, ref)
    except ValueError as exc:  # the message describes the problem, never the value
        outcome.invalid += 1
        log.warning("record %s not taken: %s", ref, exc)
        return None
    _count(outcome, record)
    return record


def _acknowledge(
    datamap: DataMap,
    connector: Connector,
    ledger: Ledger,
    taken: list[tuple[RequestRecord, Any]],
    acknowledged: set[str],
    now: datetime | None,
) -> int:
    reply = intake_rule(datamap).reply
    if reply is None:
        return 0
    dataset = datamap.dataset(reply.dataset).dataset
    due = [(r, key) for r, key in taken if r.request_id not in acknowledged and r.is_open]
    shared = _reply_claim(reply.dataset)
    # One transaction claims the batch; if any was claimed before, claim one at a time.
    if not ledger.claim_notifications(**shared, targets=[r.request_id for r, _ in due]):
        due = [
            (r, key)
            for r, key in due
            if ledger.claim_notification(**_claim(r.request_id, reply.dataset))
        ]
    if not due:
        return 0
    rows = []
    for record, key in due:
        text = acknowledgement(
            record.request_id, record.kind, record.effective_due_at, datamap.organisation.timezone
        )
        row = {**reply.values, reply.reference_field: key, reply.text_field: text}
        if reply.time_field:
            row[reply.time_field] = as_utc(now or utc_now()).replace(tzinfo=None)
        rows.append(row)
    targets = [record.request_id for record, _ in due]
    try:
        with connector.changes() as changes:  # the reply's own key, if any, is the system's
            changes.append(dataset, rows)
    except Exception:
        ledger.release_notifications(**shared, targets=targets)
        raise
    ledger.mark_notifications_sent(**shared, targets=targets)
    acknowledged.update(targets)
    return len(rows)


def mark_exports_started(ledger: Ledger, request_ids: list[str]) -> int:
    """Remember that the export runs of these requests were started, so intake starts each once."""
    marked = 0
    for request_id in request_ids:
        claim = {
            "topic": EXPORT_START,
            "target": request_id,
            "occasion": "intake",
            "channel": "airflow",
            "recipient": "export",
        }
        if ledger.claim_notification(**claim):
            ledger.mark_notification_sent(**claim)
            marked += 1
    return marked


def _reply_claim(dataset_id: str) -> dict[str, str]:
    """The acknowledgement's notification claim, every field but the request (the target)."""
    return {
        "topic": ACKNOWLEDGEMENT,
        "occasion": "received",
        "channel": "record",
        "recipient": dataset_id,
    }


def _claim(request_id: str, dataset_id: str) -> dict[str, str]:
    return {**_reply_claim(dataset_id), "target": request_id}


def _settled(ledger: Ledger, topic: str) -> set[str]:
    return {n.target for n in ledger.notifications(topic=topic) if n.status == "sent"}


def _utc(value: datetime | str) -> datetime:
    """Stored times without a zone are UTC (the data map documents `received_field` so).
    SQLite hands untyped columns back as ISO text."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else as_utc(value)
