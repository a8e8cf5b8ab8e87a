"""What the DPO desk shows and does, on the ledger alone: no Airflow, no web framework.

Every function takes a ``Ledger`` (or its engine), the data map and the instant ``now``; the web
layer (``gdpr.airflow.desk.app``) builds those per request from Airflow connections. Identities
are returned masked unless the caller is a DPO (``show_identity``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa

from gdpr.datamap.models import DataMap
from gdpr.deadlines.board import BoardRow, board_rows
from gdpr.deadlines.watch import running_clocks
from gdpr.erasure.rectifiable import choice_labels
from gdpr.erasure.rectify import RectificationInputError, check_choice
from gdpr.erasure.request import RequestInputError, record_correction, request_for
from gdpr.holds import HoldInputError, mask_identity, parse_record, parse_until
from gdpr.ledger import Ledger, normalise_email
from gdpr.ledger import schema as ledger_schema
from gdpr.ledger.clock import as_utc
from gdpr.ledger.records import HoldRecord, RequestRecord

CHANNEL = "dpo_desk"
ACTOR = "dpo_desk"
# The DAG that answers each kind a DPO registers on the desk; None: registered, run from elsewhere
# (a rectification needs its corrected value: the desk's rectify page records both and starts
# gdpr_subject_rectification; a restriction needs its action and an objection its ground: the
# desk's rights page starts gdpr_subject_restriction and gdpr_subject_objection with them).
DAG_OF_KIND: dict[str, str | None] = {
    "access": "gdpr_subject_access",
    "portability": "gdpr_subject_access",
    "erasure": "gdpr_subject_erasure",
    "rectification": None,
    "restriction": None,
    "objection": None,
}
PURGE_ACTIONS = ("retention.delete", "retention.anonymise")
MINIMISATION_ACTION = "minimisation.check"


class DeskInputError(ValueError):
    """A form the desk cannot act on; the message says what to correct and never echoes an
    identity."""


@dataclass(frozen=True)
class Registered:
    request: RequestRecord
    created: bool
    dag_id: str | None
    choices: dict[str, str] = field(default_factory=dict)  # the form's other params, no identity

    def conf(self) -> dict[str, str]:
        """The trigger's conf: the request id (and, for the access DAG, the package kind; for
        a restriction its action, for an objection its ground)."""
        conf = {"request_id": self.request.request_id, **self.choices}
        if self.dag_id == "gdpr_subject_access":
            conf["kind"] = self.request.kind
        return conf


@dataclass(frozen=True)
class BoardEntry:
    row: BoardRow
    subject: str  # masked unless the viewer is a DPO; the breach title for breaches
    status: str


def register(
    ledger: Ledger, datamap: DataMap, *, kind: str, email: str, note: str | None, now: datetime
) -> Registered:
    """Record a subject request typed on the desk (or find the open one of the same kind for the
    same person); nothing is written when the input is wrong."""
    if kind not in DAG_OF_KIND:
        raise DeskInputError(f"the kind must be one of {', '.join(DAG_OF_KIND)}")
    try:
        before = {r.request_id for r in ledger.open_requests()}
        record = request_for(
            ledger,
            kind=kind,
            email=(email or "").strip() or None,
            request_id=None,
            timezone=datamap.organisation.timezone,
            now=now,
            channel=CHANNEL,
            note=(note or "").strip() or None,
        )
    except (RequestInputError, ValueError) as exc:
        raise DeskInputError(str(exc)) from None
    created = record.request_id not in before
    if created:
        ledger.add_request_event(record.request_id, "received", ACTOR, {"channel": CHANNEL})
    return Registered(record, created, DAG_OF_KIND[kind])


RECTIFICATION_DAG = "gdpr_subject_rectification"


def rectification_choices(datamap: DataMap) -> dict[str, str]:
    """The fields a subject may have corrected (data categories of the map's rectifiable
    fields), with where each is held: the rectify page's pick list."""
    return choice_labels(datamap)


def rectify(
    ledger: Ledger,
    datamap: DataMap,
    *,
    email: str,
    request_id: str,
    field: str,
    value: str,
    note: str | None,
    by: str,
    now: datetime,
) -> Registered:
    """Record an Art. 16 rectification typed on the desk: the request (new, for the subject's
    e-mail, or an open rectification request by its id) and its corrected value, both in the
    ledger only, where the rectification run reads the value back by request id (the same event
    as `gdpr request register --kind rectification --field F --value V`). Nothing is written
    when the input is wrong, and no message repeats the value or the address."""
    email, request_id = (email or "").strip(), (request_id or "").strip()
    if bool(email) == bool(request_id):
        raise DeskInputError(
            "give either the subject's e-mail address (a new request) or the id of an open "
            "rectification request, not both"
        )
    try:
        cleaned = check_choice(datamap, (field or "").strip(), value or "")
    except RectificationInputError as exc:
        raise DeskInputError(str(exc)) from None
    try:
        before = {r.request_id for r in ledger.open_requests()}
        record = request_for(
            ledger,
            kind="rectification",
            email=email or None,
            request_id=request_id or None,
            timezone=datamap.organisation.timezone,
            now=now,
            channel=CHANNEL,
            note=(note or "").strip() or None,
        )
        created = record.request_id not in before
        if created:
            ledger.add_request_event(record.request_id, "received", ACTOR, {"channel": CHANNEL})
        record_correction(
            ledger, record.request_id, field=field.strip(), value=cleaned, actor=f"{ACTOR}:{by}"
        )
    except (RequestInputError, ValueError) as exc:
        raise DeskInputError(str(exc)) from None
    return Registered(record, created, RECTIFICATION_DAG)


RESTRICTION_DAG = "gdpr_subject_restriction"
OBJECTION_DAG = "gdpr_subject_objection"
RESTRICTION_ACTIONS = {
    "restrict": "restrict every record of the subject (Art. 18(1))",
    "lift": "tell the subject, then lift the restriction (Art. 18(3))",
}
OBJECTION_GROUNDS = {
    "direct_marketing": "to direct marketing: honoured at once (Art. 21(3))",
    "legitimate_interest": "to processing on legitimate interest: a decision (Art. 21(1))",
}


def restriction_marks(datamap: DataMap) -> dict[str, str]:
    """How each dataset's records are restricted: its flag, or the ledger (the rights page)."""
    from gdpr.erasure.restriction import marks

    return marks(datamap)


def restriction(
    ledger: Ledger,
    datamap: DataMap,
    *,
    email: str,
    request_id: str,
    action: str,
    note: str | None,
    now: datetime,
) -> Registered:
    """An Art. 18 restriction to run: a new request for the subject's e-mail, or a restriction
    request by its id (an objection request too: restricted while it is decided, Art.
    18(1)(d)); lifting takes the id of the request whose restriction is in force."""
    if action not in RESTRICTION_ACTIONS:
        raise DeskInputError(f"the action must be one of {', '.join(RESTRICTION_ACTIONS)}")
    if action == "lift" and (email or "").strip():
        raise DeskInputError("to lift a restriction, give the id of its request, not an address")
    found = ledger.get_request((request_id or "").strip()) if (request_id or "").strip() else None
    kind = "objection" if found is not None and found.kind == "objection" else "restriction"
    return _for_run(
        ledger, datamap, kind, email, request_id, note, now, RESTRICTION_DAG, {"action": action}
    )


def objection(
    ledger: Ledger,
    datamap: DataMap,
    *,
    email: str,
    request_id: str,
    ground: str,
    note: str | None,
    now: datetime,
) -> Registered:
    """An Art. 21 objection to run, on its ground: a new request or an open one by its id."""
    if ground not in OBJECTION_GROUNDS:
        raise DeskInputError(f"the ground must be one of {', '.join(OBJECTION_GROUNDS)}")
    return _for_run(
        ledger,
        datamap,
        "objection",
        email,
        request_id,
        note,
        now,
        OBJECTION_DAG,
        {"ground": ground},
    )


def _for_run(
    ledger: Ledger,
    datamap: DataMap,
    kind: str,
    email: str,
    request_id: str,
    note: str | None,
    now: datetime,
    dag_id: str,
    choices: dict[str, str],
) -> Registered:
    email, request_id = (email or "").strip(), (request_id or "").strip()
    if bool(email) == bool(request_id):
        raise DeskInputError(
            f"give either the subject's e-mail address (a new request) or the id of a {kind} "
            "request, not both"
        )
    try:
        before = {r.request_id for r in ledger.open_requests()}
        record = request_for(
            ledger,
            kind=kind,
            email=email or None,
            request_id=request_id or None,
            timezone=datamap.organisation.timezone,
            now=now,
            channel=CHANNEL,
            note=(note or "").strip() or None,
        )
    except (RequestInputError, ValueError) as exc:
        raise DeskInputError(str(exc)) from None
    created = record.request_id not in before and email != ""
    if created:
        ledger.add_request_event(record.request_id, "received", ACTOR, {"channel": CHANNEL})
    return Registered(record, created, dag_id, choices)


def started_run(ledger: Ledger, request_id: str, dag_id: str) -> str | None:
    """The id of the run of ``dag_id`` the desk already started for this request, if any."""
    for event in reversed(ledger.request_events(request_id)):
        if event.kind == "run_triggered" and (event.detail or {}).get("dag_id") == dag_id:
            return str(event.detail.get("dag_run_id"))
    return None


def record_trigger(ledger: Ledger, request_id: str, dag_id: str, dag_run_id: str) -> None:
    ledger.add_request_event(
        request_id, "run_triggered", ACTOR, {"dag_id": dag_id, "dag_run_id": dag_run_id}
    )


def board(
    ledger: Ledger, datamap: DataMap, now: datetime, *, show_identity: bool
) -> list[BoardEntry]:
    """Every running clock, least time left first, with who or what it is about."""
    timezone = datamap.organisation.timezone
    requests = {r.request_id: r for r in ledger.open_requests()}
    breaches = {b.breach_id: b for b in ledger.open_breaches()}
    clocks = [
        c
        for c in running_clocks(ledger, datamap, now)
        if c.target in requests or c.target in breaches
    ]
    entries = []
    for row in board_rows(clocks, now, timezone):
        if row.topic == "request":
            record = requests[row.target]
            subject = record.subject_email if show_identity else mask_identity(record.subject_email)
            entries.append(BoardEntry(row, subject, record.status))
        else:
            entries.append(BoardEntry(row, breaches[row.target].title, breaches[row.target].status))
    return entries


def show_passphrase(engine: sa.Engine, request_id: str, *, by: str, now: datetime) -> str:
    """The passphrase of a request's delivered package, once (``gdpr.access.secret``)."""
    from gdpr.access.secret import (
        NoPassphraseKeyError,
        PassphraseUnavailableError,
        reveal_passphrase,
    )

    request_id = (request_id or "").strip()
    if not request_id:
        raise DeskInputError("give the id of the request whose package was delivered")
    try:
        return reveal_passphrase(engine, request_id, by=f"{ACTOR}:{by}", now=now)
    except (PassphraseUnavailableError, NoPassphraseKeyError) as exc:
        raise DeskInputError(str(exc)) from None


# -- legal holds -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HoldRow:
    id: int
    status: str
    scope: str
    target: str
    reason: str
    citation: str
    until: str
    placed: str
    lifted: str


def holds(ledger: Ledger, now: datetime, *, show_identity: bool) -> list[HoldRow]:
    return [_hold_row(h, now, show_identity) for h in reversed(ledger.legal_holds())]


def _hold_row(hold: HoldRecord, now: datetime, show_identity: bool) -> HoldRow:
    status = (
        "lifted" if hold.released_at is not None else "active" if hold.in_force(now) else "ended"
    )
    if hold.subject_email:
        target = hold.subject_email if show_identity else mask_identity(hold.subject_email)
    else:
        key = hold.record_key or {}
        shown = (
            str(next(iter(key.values())))
            if len(key) == 1
            else ",".join(f"{k}={v}" for k, v in key.items())
        )
        target = f"{hold.dataset}:{shown}"
    lifted = ""
    if hold.released_at is not None:
        lifted = hold.released_at.date().isoformat()
        lifted += f" by {hold.lifted_by}" if hold.lifted_by else ""
        lifted += f": {hold.lift_reason}" if hold.lift_reason else ""
    return HoldRow(
        id=hold.id,
        status=status,
        scope="subject" if hold.subject_email else "record",
        target=target,
        reason=hold.reason,
        citation=hold.reference,
        until=hold.until.isoformat() if hold.until else "until lifted",
        placed=hold.created_at.date().isoformat()
        + (f" by {hold.placed_by}" if hold.placed_by else ""),
        lifted=lifted,
    )


def place_hold(
    ledger: Ledger,
    datamap: DataMap,
    *,
    subject: str,
    record: str,
    reason: str,
    citation: str,
    until: str,
    by: str,
    now: datetime,
) -> HoldRecord:
    """A hold on a subject (their e-mail) or on one record (``system.dataset:key``)."""
    subject, record = (subject or "").strip(), (record or "").strip()
    if bool(subject) == bool(record):
        raise DeskInputError("give either the subject's e-mail address or one record, not both")
    if not (reason or "").strip() or not (citation or "").strip():
        raise DeskInputError("the reason and the citation must not be empty")
    target: dict[str, Any]
    try:
        if subject:
            target = {"subject_email": normalise_email(subject)}
        else:
            dataset, key = parse_record(datamap, record)
            target = {"dataset": dataset, "record_key": key}
        ends = (None, None)
        if (until or "").strip():
            ends = parse_until(until, datamap.organisation.timezone, now)
        return ledger.add_legal_hold(
            reason=reason.strip(),
            reference=citation.strip(),
            until=ends[0],
            ends_at=ends[1],
            placed_by=by,
            **target,
        )
    except (HoldInputError, ValueError) as exc:
        message = str(exc).replace("--until", "the last day").replace("--subject", "the subject")
        raise DeskInputError(message) from None


def lift_hold(ledger: Ledger, hold_id: int, *, reason: str, by: str) -> HoldRecord:
    if not (reason or "").strip():
        raise DeskInputError("say why the hold ends")
    try:
        return ledger.lift_legal_hold(hold_id, reason=reason.strip(), lifted_by=by)
    except ValueError as exc:
        raise DeskInputError(str(exc)) from None


# -- evidence ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportObject:
    key: str
    name: str
    kind: str  # certificate, preview, board, retention, minimisation, register, other
    modified: datetime
    size: int


def report_objects(s3: Any, datamap: DataMap, limit: int = 200) -> list[ReportObject]:
    """The files in the reports bucket, newest first (certificates, previews, reports)."""
    location = datamap.reports
    found = []
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=location.bucket, Prefix=location.prefix):
        for item in page.get("Contents", []):
            key = item["Key"]
            name = key[len(location.prefix) :]
            found.append(
                ReportObject(key, name, _kind(name), as_utc(item["LastModified"]), item["Size"])
            )
    found.sort(key=lambda o: (o.modified, o.key), reverse=True)
    return found[:limit]


def _kind(name: str) -> str:
    lowered = name.lower()
    for word in ("certificate", "preview", "board", "retention", "minimisation", "register"):
        if word in lowered:
            return word
    return "other"


def read_report(s3: Any, datamap: DataMap, key: str) -> tuple[bytes, str]:
    """One object of the reports bucket (only under the reports prefix)."""
    location = datamap.reports
    if not key.startswith(location.prefix) or ".." in key.split("/"):
        raise DeskInputError("that file is not in the reports location")
    body = s3.get_object(Bucket=location.bucket, Key=key)
    return body["Body"].read(), body.get("ContentType") or "application/octet-stream"


# -- charts ------------------------------------------------------------------------------------


def months(now: datetime, count: int = 12) -> list[str]:
    year, month = now.year, now.month
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def _month(at: datetime) -> str:
    return as_utc(at).strftime("%Y-%m")


def request_stats(engine: sa.Engine, now: datetime) -> dict[str, Any]:
    """Requests received per month, and days to answer each closed request, with its limit."""
    labels = months(now)
    table = ledger_schema.requests
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                table.c.request_id,
                table.c.kind,
                table.c.received_at,
                table.c.due_at,
                table.c.extended_due_at,
                table.c.closed_at,
            )
        ).all()
    per_month = dict.fromkeys(labels, 0)
    answered: list[dict[str, Any]] = []
    for row in rows:
        month = _month(row.received_at)
        if month in per_month:
            per_month[month] += 1
        if row.closed_at is not None and _month(row.closed_at) in per_month:
            due = row.extended_due_at or row.due_at
            answered.append(
                {
                    "request_id": row.request_id,
                    "month": _month(row.closed_at),
                    "days": (as_utc(row.closed_at) - as_utc(row.received_at)).total_seconds()
                    / 86400,
                    "limit": (as_utc(due) - as_utc(row.received_at)).total_seconds() / 86400,
                }
            )
    return {"months": labels, "received": per_month, "answered": answered}


def series_by_month(
    engine: sa.Engine, actions: Sequence[str], now: datetime, *, by_category: bool = False
) -> dict[str, Any]:
    """Per rule (or per data category of minimisation findings), a count for each of the last
    twelve months; only those months' evidence rows are read."""
    labels = months(now)
    start = datetime.strptime(labels[0] + "-01", "%Y-%m-%d").replace(tzinfo=UTC)
    ev = ledger_schema.evidence
    query = sa.select(ev.c.at, ev.c.rule, ev.c.dataset, ev.c.count, ev.c.detail).where(
        ev.c.action.in_(list(actions)) & (ev.c.at >= start)
    )
    series: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(labels, 0))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    for row in rows:
        month = _month(row.at)
        if month not in labels:
            continue
        if by_category:
            for category, count in ((row.detail or {}).get("by_category") or {}).items():
                series[str(category)][month] += int(count)
        else:
            series[row.rule or row.dataset or "?"][month] += int(row.count)
    return {"months": labels, "series": {k: series[k] for k in sorted(series)}}


def recent_evidence(engine: sa.Engine, limit: int = 50) -> list[Any]:
    """The newest evidence rows (ids, actions, counts and hashes; never a value)."""
    ev = ledger_schema.evidence
    with engine.connect() as conn:
        return conn.execute(sa.select(ev).order_by(ev.c.id.desc()).limit(limit)).all()


def open_request_count(ledger: Ledger) -> int:
    return ledger.count_open_requests()


def today(now: datetime, timezone: str) -> date:
    from zoneinfo import ZoneInfo

    return as_utc(now).astimezone(ZoneInfo(timezone)).date()
