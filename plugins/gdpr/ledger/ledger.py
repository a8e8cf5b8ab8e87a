"""The ledger: the product's own record of requests, breaches, holds, runs and evidence.

Every method opens its own short transaction on the engine it was given, so a ``Ledger`` can be
shared by threads and built anywhere (a task, the CLI, a test) without touching the database;
``Ledger.atomic`` makes the calls a thread makes inside it one transaction instead (a step's
several records on record together, for one commit).
The schema version is checked once, on first use, so a stale database fails with
``LedgerNotReady`` (run `gdpr ledger upgrade`) instead of a confusing SQL error mid-purge.
The statements every erasure, purge or notification sends (evidence, chain head, claims,
reference checks) go as driver SQL rendered once per process (``gdpr.ledger.driver_sql``: a
fresh engine compiles each Core statement again), and the runs and requests a ``Ledger`` has
found are not looked up again (the ledger never deletes a row).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from gdpr.batches import chunks
from gdpr.ledger import driver_sql, schema
from gdpr.ledger.chain import HASHED_COLUMNS, row_hash, to_json_document
from gdpr.ledger.clock import as_utc, utc_now
from gdpr.ledger.errors import DuplicateRecordError, RecordNotFoundError
from gdpr.ledger.identity import normalise_email
from gdpr.ledger.records import (
    BREACH_STATUSES,
    ERASURE_PLAN_STATUSES,
    OPEN_REQUEST_STATUSES,
    REQUEST_KINDS,
    REQUEST_STATUSES,
    RUN_FINISH_STATUSES,
    BreachRecord,
    ChainHead,
    ErasurePlanRecord,
    EvidenceInput,
    EvidenceRecord,
    HoldRecord,
    NotificationRecord,
    RequestEventRecord,
    RequestRecord,
    RestrictionRecord,
    RunRecord,
    SuppressionRecord,
)
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
from gdpr.ledger.upgrade import ensure_ready

__all__ = ["Ledger"]

_REQUEST_UPDATABLE = frozenset(
    {"status", "due_at", "extended_due_at", "extension_reason", "closed_at", "close_reason"}
)
# aware_at is deliberately absent: it starts the Art. 33 clock, and moving it after the fact
# would hide a late notification. A wrong value is corrected by recording a new breach. So is
# the Art. 34(3) exemption: declared with the breach, its evidence row says which and why.
_BREACH_UPDATABLE = frozenset(
    {
        "title",
        "description",
        "systems",
        "datasets",
        "categories",
        "high_risk",
        "status",
        "affected_subjects",
        "authority_notified_at",
        "authority_reference",
        "delay_reason",
        "subjects_notified_at",
        "closed_at",
        "close_reason",
    }
)
_DATETIME_FIELDS = frozenset(
    {
        "due_at",
        "extended_due_at",
        "closed_at",
        "authority_notified_at",
        "subjects_notified_at",
    }
)
_LIST_FIELDS = frozenset({"systems", "datasets", "categories"})
_NOT_NULL_FIELDS = frozenset(
    {"status", "due_at", "title", "description", "high_risk", *_LIST_FIELDS}
)


_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


@dataclass
class _Atomic:
    """The transaction ``Ledger.atomic`` holds for a thread: its connection, the chain head
    once read under its lock (the lock is held to the commit, so later appends extend it
    without reading it again; the head row is written once, before the commit, with the time
    of the last append: ``moved``), the runs and requests found or created in it (the
    ledger remembers them once it commits), and the evidence rows appended in it, inserted
    together (``pending``: before the head is written, or before a read of the ledger inside
    the transaction, so an erasure's close writes its settlements, its closing row and its
    claim's snapshot in one statement)."""

    conn: sa.Connection
    head: tuple[int, str] | None = None
    known: set[tuple[str, Any]] = field(default_factory=set)
    moved: datetime | None = None
    pending: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Claim:
    """A notification claim won (``Ledger.claim_notification_as``): ``how`` is ``"new"`` when
    the call inserted it (no one ever claimed it before), ``"again"`` when it took over a
    failed or stale claim; ``at`` is its ``claimed_at``, which tells the claimant's settlement
    from that of a run that took the claim over after it went stale."""

    how: str
    at: datetime


class Ledger:
    """Read and write the ledger through a SQLAlchemy engine; no Airflow, no global state."""

    def __init__(
        self,
        engine: sa.Engine,
        clock: Callable[[], datetime] = utc_now,
        *,
        identity_key: bytes | None = None,
    ) -> None:
        """``identity_key``: the secret the chain's keyed hashes of identities are made with
        (``gdpr.ledger.snapshots``); without it the chain records no trace of the person."""
        self._engine = engine
        self._clock = clock
        self._identity_key = identity_key
        self._ready = False
        self._local = threading.local()  # the thread's ``_Atomic``, inside ``atomic()``
        # runs and requests known to be in the ledger (committed): its rows are never deleted
        # (every table is append-only or updated in place), so each is looked up once
        self._known: set[tuple[str, Any]] = set()

    # -- schema ---------------------------------------------------------------------------

    def check_ready(self) -> None:
        """Raise ``LedgerNotReady`` unless the schema is at the revision this code needs."""
        ensure_ready(self._engine)
        self._ready = True

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Every ledger call this thread makes inside is one transaction: all on record, or
        none (an erasure's last settlements, its check, its closing evidence and its claim's
        settlement cost one commit, not four; its claim and first intents one more). Nested, it
        joins the outer one. A claim (``claim_notification_as``) may be inside: a duplicate is
        skipped, not raised. Not for calls that decide on a database error (``start_run``,
        ``claim_notifications``: a failed insert would abort the whole transaction)."""
        if self._atomic() is not None:
            yield
            return
        with self._begin() as conn:
            atomic = self._local.atomic = _Atomic(conn)
            try:
                yield
                _flush(atomic)
                if atomic.head is not None and atomic.moved is not None:
                    _write_head(conn, *atomic.head, atomic.moved)
            finally:
                self._local.atomic = None
        self._known |= atomic.known  # committed

    def _atomic(self) -> _Atomic | None:
        return getattr(self._local, "atomic", None)

    def _begin(self) -> AbstractContextManager[sa.Connection]:
        atomic = self._atomic()
        if atomic is not None:
            return nullcontext(atomic.conn)
        if not self._ready:
            self.check_ready()
        return self._engine.begin()

    def _connect(self) -> AbstractContextManager[sa.Connection]:
        atomic = self._atomic()
        if atomic is not None:
            _flush(atomic)  # a read inside the transaction sees its evidence
            return nullcontext(atomic.conn)
        if not self._ready:
            self.check_ready()
        return self._engine.connect()

    def _now(self) -> datetime:
        return as_utc(self._clock())

    def _remember(self, kind: str, values: Sequence[Any]) -> None:
        """Runs or requests this thread's transaction found or wrote: known to the ledger once
        it commits (right away outside ``atomic``, whose transaction commits on return)."""
        atomic = self._atomic()
        (atomic.known if atomic is not None else self._known).update((kind, v) for v in values)

    # -- runs -----------------------------------------------------------------------------

    def start_run(self, dag_id: str, run_id: str, kind: str) -> int:
        """Register an Airflow run; a retry of the same run gets the same id back."""
        _require_text(dag_id=dag_id, run_id=run_id, kind=kind)
        try:
            pk = self._start_run_once(dag_id, run_id, kind)
        except sa.exc.IntegrityError:
            # Another worker inserted the same run between our look-up and our insert.
            pk = self._start_run_once(dag_id, run_id, kind)
        self._remember("run", [pk])
        return pk

    def _start_run_once(self, dag_id: str, run_id: str, kind: str) -> int:
        runs = schema.runs
        with self._begin() as conn:
            pk = conn.execute(
                sa.select(runs.c.pk).where((runs.c.dag_id == dag_id) & (runs.c.run_id == run_id))
            ).scalar_one_or_none()
            if pk is not None:
                conn.execute(
                    sa.update(runs)
                    .where(runs.c.pk == pk)
                    .values(status="running", finished_at=None)
                )
                return pk
            return conn.execute(
                sa.insert(runs).values(
                    dag_id=dag_id,
                    run_id=run_id,
                    kind=kind,
                    status="running",
                    started_at=self._now(),
                )
            ).inserted_primary_key[0]

    def finish_run(self, run_pk: int, status: str, summary: dict[str, Any]) -> None:
        if status not in RUN_FINISH_STATUSES:
            raise ValueError(
                f"a run finishes as one of {', '.join(sorted(RUN_FINISH_STATUSES))}, not {status!r}"
            )
        runs = schema.runs
        with self._begin() as conn:
            result = conn.execute(
                sa.update(runs)
                .where(runs.c.pk == run_pk)
                .values(status=status, finished_at=self._now(), summary=to_json_document(summary))
            )
            if result.rowcount == 0:
                raise RecordNotFoundError(f"run {run_pk} is not in the ledger")

    def get_run(self, run_pk: int) -> RunRecord:
        with self._connect() as conn:
            row = conn.execute(
                sa.select(schema.runs).where(schema.runs.c.pk == run_pk)
            ).one_or_none()
        if row is None:
            raise RecordNotFoundError(f"run {run_pk} is not in the ledger")
        return _run(row)

    # -- evidence -------------------------------------------------------------------------

    def record_evidence(self, item: EvidenceInput) -> EvidenceRecord:
        """Append one hash-chained evidence row; concurrent appenders are serialised."""
        (record,) = self.record_evidences([item])
        return record

    def record_evidences(self, items: Sequence[EvidenceInput]) -> list[EvidenceRecord]:
        """Append several hash-chained evidence rows, in order, in ONE transaction: every row
        is validated (its document, its run and request) before anything is written, and they
        are all on record or none is (a batch's evidence costs one commit, not one per row)."""
        if not items:
            return []
        with self._begin() as conn:
            return self._append(conn, items)

    def _append(self, conn: sa.Connection, items: Sequence[EvidenceInput]) -> list[EvidenceRecord]:
        """Chain ``items`` inside the caller's transaction, under the head lock: the rows and
        the change they prove commit together or not at all."""
        details = [to_json_document(item.detail) for item in items]
        atomic = self._atomic()
        atomic = atomic if atomic is not None and atomic.conn is conn else None
        known = (self._known, atomic.known) if atomic else (self._known,)
        for kind, found in _check_all_references(conn, items, known).items():
            self._remember(kind, found)
        if atomic is None or atomic.head is None:
            current = _lock_head(conn)
            count, last_hash = current.count, current.last_hash
        else:
            count, last_hash = atomic.head
        at = self._now()
        records: list[EvidenceRecord] = []
        for item, detail in zip(items, details, strict=True):
            count += 1
            content: dict[str, Any] = {
                "id": count,
                "at": at,
                "action": item.action,
                "system": item.system,
                "dataset": item.dataset,
                "rule": item.rule,
                "citation": item.citation,
                "count": item.count,
                "keys_sha256": item.keys_sha256,
                "detail": detail,
                "run_pk": item.run_pk,
                "request_id": item.request_id,
            }
            hashed = row_hash(last_hash, content)
            records.append(EvidenceRecord(**content, prev_hash=last_hash, row_hash=hashed))
            last_hash = hashed
        if not records:
            return records
        rows = [
            {name: getattr(r, name) for name in (*HASHED_COLUMNS, "prev_hash", "row_hash")}
            for r in records
        ]
        if atomic is None:
            driver_sql.insert_evidence(conn, rows)
            _write_head(conn, count, last_hash, at)
        else:  # inserted and the head written once, at the end of the transaction (``atomic``)
            atomic.pending += rows
            atomic.head, atomic.moved = (count, last_hash), at
        return records

    def _snapshot(self, conn: sa.Connection, action: str, snapshots: Sequence[dict]) -> None:
        """Chain the snapshots of rows this transaction wrote (see ``gdpr.ledger.snapshots``)."""
        self._append(conn, [EvidenceInput(action=action, count=1, detail=s) for s in snapshots])

    def evidence(
        self,
        *,
        run_pk: int | None = None,
        request_id: str | None = None,
        actions: Sequence[str] | None = None,
        rule: str | None = None,
        outside_successful_runs: bool = False,
        request_ids: Sequence[str] | None = None,
    ) -> list[EvidenceRecord]:
        """Evidence in the order it was written, optionally for one run, one request (or any
        of ``request_ids``), some actions, one retention rule, and/or only rows of runs that
        did not end in success (where an interrupted step's rows are; a successful run's
        history is not read)."""
        if request_ids is not None:  # a query per 500 requests (SQLite's parameter limit)
            found = [
                row
                for ids in chunks(sorted(set(request_ids)), 500)
                for row in self._evidence_where(
                    run_pk, request_id, actions, rule, outside_successful_runs, ids
                )
            ]
            return sorted(found, key=lambda row: row.id)
        return self._evidence_where(
            run_pk, request_id, actions, rule, outside_successful_runs, None
        )

    def _evidence_where(
        self,
        run_pk: int | None,
        request_id: str | None,
        actions: Sequence[str] | None,
        rule: str | None,
        outside_successful_runs: bool,
        request_ids: Sequence[str] | None,
    ) -> list[EvidenceRecord]:
        with self._connect() as conn:
            rows = driver_sql.evidence(
                conn,
                run_pk=run_pk,
                request_id=request_id,
                request_ids=request_ids,
                actions=actions,
                rule=rule,
                outside_successful_runs=outside_successful_runs,
            )
        return [_evidence(row) for row in rows]

    def chain_head(self) -> ChainHead:
        with self._connect() as conn:
            row = conn.execute(sa.select(schema.head)).one()
        return ChainHead(count=row.count, last_hash=row.last_hash)

    # -- requests (Art. 12-22) ------------------------------------------------------------

    def create_request(
        self,
        *,
        kind: str,
        subject_email: str,
        received_at: datetime,
        due_at: datetime,
        channel: str,
        external_ref: str | None = None,
        note: str | None = None,
        request_id: str | None = None,
    ) -> RequestRecord:
        """Record a subject request; its id is ``R-<year received>-<number>`` unless given."""
        if kind not in REQUEST_KINDS:
            raise ValueError(
                f"unknown request kind {kind!r}: expected one of {', '.join(sorted(REQUEST_KINDS))}"
            )
        _require_text(channel=channel)
        email = normalise_email(subject_email)
        received_at, due_at = as_utc(received_at), as_utc(due_at)
        if due_at < received_at:
            raise ValueError("the request's due date is before the date it was received")
        now = self._now()
        req = schema.requests
        try:
            with self._begin() as conn:
                pk = conn.execute(
                    sa.insert(req).values(
                        request_id=request_id,
                        kind=kind,
                        status="open",
                        subject_email=email,
                        channel=channel,
                        external_ref=external_ref,
                        note=note,
                        received_at=received_at,
                        due_at=due_at,
                        created_at=now,
                        updated_at=now,
                    )
                ).inserted_primary_key[0]
                if request_id is None:
                    # Derived from the primary key, which the database hands out atomically:
                    # concurrent creators can never get the same number, with no lock or retry.
                    conn.execute(
                        sa.update(req)
                        .where(req.c.pk == pk)
                        .values(request_id=_public_id("R", received_at, pk))
                    )
                row = conn.execute(sa.select(req).where(req.c.pk == pk)).one()
                self._snapshot(conn, REQUEST_RECORD, [request_snapshot(row, self._identity_key)])
        except sa.exc.IntegrityError as exc:
            duplicate = self._duplicate_request(channel, external_ref, request_id)
            if duplicate is None:
                raise
            raise duplicate from exc
        self._remember("request", [row.request_id])
        return _request(row)

    def create_requests(self, items: list[Mapping[str, Any]]) -> list[RequestRecord]:
        """Record many subject requests in one transaction, in the order given; each item takes
        ``create_request``'s arguments. Every item is checked before anything is written; if
        one is already recorded (same channel reference or id), none is and
        ``DuplicateRecordError`` says so, so the caller can fall back to one at a time."""
        if not items:
            return []
        now = self._now()
        rows = [_new_request_row(item, now) for item in items]
        req = schema.requests
        try:
            with self._begin() as conn:
                pks = (
                    conn.execute(
                        sa.insert(req).returning(req.c.pk, sort_by_parameter_order=True), rows
                    )
                    .scalars()
                    .all()
                )
                unnamed = [
                    {"b_pk": pk, "b_id": _public_id("R", row["received_at"], pk)}
                    for pk, row in zip(pks, rows, strict=True)
                    if row["request_id"] is None
                ]
                if unnamed:
                    conn.execute(
                        sa.update(req)
                        .where(req.c.pk == sa.bindparam("b_pk"))
                        .values(request_id=sa.bindparam("b_id")),
                        unnamed,
                    )
                by_pk: dict[int, RequestRecord] = {}
                snapshots: dict[int, dict[str, Any]] = {}
                for start in range(0, len(pks), 1000):
                    chunk = pks[start : start + 1000]
                    for row in conn.execute(sa.select(req).where(req.c.pk.in_(chunk))):
                        by_pk[row.pk] = _request(row)
                        snapshots[row.pk] = request_snapshot(row, self._identity_key)
                self._snapshot(conn, REQUEST_RECORD, [snapshots[pk] for pk in pks])
        except sa.exc.IntegrityError as exc:
            raise DuplicateRecordError(
                f"one of these {len(items)} requests is already recorded; none was written"
            ) from exc
        self._remember("request", [record.request_id for record in by_pk.values()])
        return [by_pk[pk] for pk in pks]

    def _duplicate_request(
        self, channel: str, external_ref: str | None, request_id: str | None
    ) -> DuplicateRecordError | None:
        if external_ref is not None:
            existing = self.find_request_by_external_ref(channel, external_ref)
            if existing is not None:
                return DuplicateRecordError(
                    f"{channel} reference {external_ref} is already recorded as request "
                    f"{existing.request_id}"
                )
        if request_id is not None and self.get_request(request_id) is not None:
            return DuplicateRecordError(f"request {request_id} already exists")
        return None

    def get_request(self, request_id: str) -> RequestRecord | None:
        return self._one_request(schema.requests.c.request_id == request_id)

    def find_request_by_external_ref(self, channel: str, external_ref: str) -> RequestRecord | None:
        req = schema.requests
        return self._one_request((req.c.channel == channel) & (req.c.external_ref == external_ref))

    def find_requests_by_external_refs(
        self, channel: str, external_refs: list[str]
    ) -> dict[str, RequestRecord]:
        """The requests already recorded for these references of a channel, by reference: one
        query per thousand references, so an intake batch is checked in one round trip."""
        req = schema.requests
        found: dict[str, RequestRecord] = {}
        with self._connect() as conn:
            for start in range(0, len(external_refs), 1000):
                chunk = external_refs[start : start + 1000]
                rows = conn.execute(
                    sa.select(req).where((req.c.channel == channel) & req.c.external_ref.in_(chunk))
                )
                found.update({row.external_ref: _request(row) for row in rows})
        return found

    def _one_request(self, where: sa.ColumnElement[bool]) -> RequestRecord | None:
        with self._connect() as conn:
            row = conn.execute(sa.select(schema.requests).where(where)).one_or_none()
        return None if row is None else _request(row)

    def update_request(self, request_id: str, **changes: Any) -> RequestRecord:
        """Change the status, deadlines or closure of a request; returns the updated record."""
        values = _checked_changes("request", changes, _REQUEST_UPDATABLE)
        if "status" in values and values["status"] not in REQUEST_STATUSES:
            raise ValueError(
                f"unknown request status {values['status']!r}: expected one of "
                f"{', '.join(sorted(REQUEST_STATUSES))}"
            )
        req = schema.requests
        with self._begin() as conn:
            result = conn.execute(
                sa.update(req)
                .where(req.c.request_id == request_id)
                .values(**values, updated_at=self._now())
            )
            if result.rowcount == 0:
                raise RecordNotFoundError(f"request {request_id} is not in the ledger")
            row = conn.execute(sa.select(req).where(req.c.request_id == request_id)).one()
            self._snapshot(conn, REQUEST_RECORD, [request_snapshot(row, self._identity_key)])
        return _request(row)

    def add_request_event(
        self, request_id: str, kind: str, actor: str, detail: dict[str, Any] | None = None
    ) -> None:
        """Append to a request's history (received, identity checked, extended, answered...)."""
        _require_text(kind=kind, actor=actor)
        document = to_json_document(detail or {})
        with self._begin() as conn:
            pk = _request_pk(conn, request_id)
            values = {"at": self._now(), "kind": kind, "actor": actor, "detail": document}
            event_id = conn.execute(
                sa.insert(schema.request_events).values(request_pk=pk, **values)
            ).inserted_primary_key[0]
            self._snapshot(
                conn, EVENT_RECORD, [event_snapshot(request_id, {"id": event_id, **values})]
            )

    def request_events(self, request_id: str) -> list[RequestEventRecord]:
        events = schema.request_events
        with self._connect() as conn:
            pk = _request_pk(conn, request_id)
            rows = conn.execute(
                sa.select(events).where(events.c.request_pk == pk).order_by(events.c.id)
            )
            return [
                RequestEventRecord(
                    id=row.id,
                    request_id=request_id,
                    at=row.at,
                    kind=row.kind,
                    actor=row.actor,
                    detail=row.detail,
                )
                for row in rows
            ]

    def clear_identities(self, closed_before: datetime) -> list[str]:
        """Erase the identity of every request closed before ``closed_before`` (its
        evidence period over); returns their ids. The request, its history and its chained snapshots
        stay, so what was asked and when is still proven; who asked is gone. Each batch of a
        thousand is cleared with its ``request.identity_cleared`` evidence in one transaction."""
        req = schema.requests
        due = (
            req.c.status.not_in(sorted(OPEN_REQUEST_STATUSES))
            & req.c.closed_at.is_not(None)
            & (req.c.closed_at < as_utc(closed_before))
            & req.c.subject_email.is_not(None)
        )
        cleared: list[str] = []
        while True:
            with self._begin() as conn:
                ids = list(
                    conn.execute(
                        sa.select(req.c.request_id).where(due).order_by(req.c.pk).limit(1000)
                    ).scalars()
                )
                if not ids:
                    return cleared
                conn.execute(
                    sa.update(req).where(req.c.request_id.in_(ids)).values(subject_email=None)
                )
                self._append(
                    conn,
                    [
                        EvidenceInput(
                            action=IDENTITY_CLEARED, count=len(ids), detail={"requests": ids}
                        )
                    ],
                )
            cleared.extend(ids)

    def open_requests(self) -> list[RequestRecord]:
        """Requests whose clock is running, oldest first."""
        req = schema.requests
        query = (
            sa.select(req)
            .where(req.c.status.in_(sorted(OPEN_REQUEST_STATUSES)))
            .order_by(req.c.received_at, req.c.pk)
        )
        with self._connect() as conn:
            return [_request(row) for row in conn.execute(query)]

    def count_open_requests(self) -> int:
        """How many requests have a running clock, counted by the database."""
        req = schema.requests
        query = sa.select(sa.func.count()).where(req.c.status.in_(sorted(OPEN_REQUEST_STATUSES)))
        with self._connect() as conn:
            return conn.execute(query).scalar_one()

    def open_requests_due_by(self, cutoff: datetime) -> list[RequestRecord]:
        """Open requests whose deadline (the extended one if any) is at or before ``cutoff``,
        oldest first: the database picks the few near their deadline out of many quiet ones,
        by range scans of the two deadline indexes (the condition is written without
        ``coalesce``, which no plain index serves)."""
        req = schema.requests
        cutoff = as_utc(cutoff)
        due = (req.c.extended_due_at <= cutoff) | (
            req.c.extended_due_at.is_(None) & (req.c.due_at <= cutoff)
        )
        query = (
            sa.select(req)
            .where(req.c.status.in_(sorted(OPEN_REQUEST_STATUSES)) & due)
            .order_by(req.c.received_at, req.c.pk)
        )
        with self._connect() as conn:
            return [_request(row) for row in conn.execute(query)]

    # -- breaches (Art. 33-34) ------------------------------------------------------------

    def create_breach(
        self,
        *,
        title: str,
        aware_at: datetime,
        description: str,
        systems: list[str],
        datasets: list[str],
        categories: list[str],
        high_risk: bool,
        communication_exemption: str | None = None,
        exemption_reason: str | None = None,
    ) -> BreachRecord:
        """Document a breach (Art. 33(5): every breach, notified or not); id ``B-<year>-<n>``.
        ``communication_exemption``: the Art. 34(3) ground for not writing to each subject."""
        _require_text(title=title)
        aware_at = as_utc(aware_at)
        now = self._now()
        br = schema.breaches
        with self._begin() as conn:
            pk = conn.execute(
                sa.insert(br).values(
                    title=title,
                    description=description,
                    aware_at=aware_at,
                    systems=_text_list("systems", systems),
                    datasets=_text_list("datasets", datasets),
                    categories=_text_list("categories", categories),
                    high_risk=bool(high_risk),
                    communication_exemption=communication_exemption,
                    exemption_reason=exemption_reason,
                    status="open",
                    created_at=now,
                    updated_at=now,
                )
            ).inserted_primary_key[0]
            conn.execute(
                sa.update(br).where(br.c.pk == pk).values(breach_id=_public_id("B", aware_at, pk))
            )
            row = conn.execute(sa.select(br).where(br.c.pk == pk)).one()
            self._snapshot(conn, BREACH_RECORD, [breach_snapshot(row)])
        return _breach(row)

    def get_breach(self, breach_id: str) -> BreachRecord | None:
        br = schema.breaches
        with self._connect() as conn:
            row = conn.execute(sa.select(br).where(br.c.breach_id == breach_id)).one_or_none()
        return None if row is None else _breach(row)

    def update_breach(self, breach_id: str, **changes: Any) -> BreachRecord:
        values = _checked_changes("breach", changes, _BREACH_UPDATABLE)
        if "status" in values and values["status"] not in BREACH_STATUSES:
            raise ValueError(
                f"unknown breach status {values['status']!r}: expected one of "
                f"{', '.join(sorted(BREACH_STATUSES))}"
            )
        br = schema.breaches
        with self._begin() as conn:
            result = conn.execute(
                sa.update(br)
                .where(br.c.breach_id == breach_id)
                .values(**values, updated_at=self._now())
            )
            if result.rowcount == 0:
                raise RecordNotFoundError(f"breach {breach_id} is not in the ledger")
            row = conn.execute(sa.select(br).where(br.c.breach_id == breach_id)).one()
            self._snapshot(conn, BREACH_RECORD, [breach_snapshot(row)])
        return _breach(row)

    def open_breaches(self) -> list[BreachRecord]:
        br = schema.breaches
        query = sa.select(br).where(br.c.status == "open").order_by(br.c.aware_at, br.c.pk)
        with self._connect() as conn:
            return [_breach(row) for row in conn.execute(query)]

    # -- legal holds ----------------------------------------------------------------------

    def add_legal_hold(
        self,
        *,
        reason: str,
        reference: str,
        subject_email: str | None = None,
        dataset: str | None = None,
        record_key: dict[str, Any] | None = None,
        until: date | None = None,
        ends_at: datetime | None = None,
        placed_by: str | None = None,
    ) -> HoldRecord:
        """Hold a person (every record found for them) or one record; purges and erasures keep
        what it covers until it is lifted or ``ends_at`` (the instant after ``until``) passes.

        ``reference`` is the citation the hold rests on (legal source or case reference). The
        placement is recorded in the evidence chain (``legal_hold.place``), without the person.
        """
        _require_text(reason=reason, reference=reference)
        person = subject_email is not None
        record = dataset is not None or record_key is not None
        if person == record:
            raise ValueError(
                "a legal hold covers either a person (subject_email) or one record "
                "(dataset and record_key), not both and not neither"
            )
        if record and (not dataset or not record_key):
            raise ValueError("a legal hold on a record needs both the dataset and the record key")
        if (until is None) != (ends_at is None):
            raise ValueError("a legal hold's end date needs both the day (until) and the instant")
        now = self._now()
        if ends_at is not None and as_utc(ends_at) <= now:
            raise ValueError(f"the end date {until} has passed: such a hold would protect nothing")
        with self._begin() as conn:
            hold_id = conn.execute(
                sa.insert(schema.legal_holds).values(
                    reason=reason,
                    reference=reference,
                    subject_email=normalise_email(subject_email) if person else None,
                    dataset=dataset,
                    record_key=to_json_document(record_key) if record_key else None,
                    created_at=now,
                    until=until,
                    ends_at=as_utc(ends_at) if ends_at is not None else None,
                    placed_by=placed_by,
                )
            ).inserted_primary_key[0]
            row = conn.execute(
                sa.select(schema.legal_holds).where(schema.legal_holds.c.id == hold_id)
            ).one()
            hold = _hold(row)
            self._append(conn, [_hold_evidence(HOLD_PLACED, hold, placed_by)])
        return hold

    def lift_legal_hold(
        self, hold_id: int, *, reason: str, lifted_by: str | None = None
    ) -> HoldRecord:
        """Lift a hold: the row stays (with when, by whom and why) and the evidence chain gets a
        ``legal_hold.lift`` row. Lifting a hold already lifted is refused (``ValueError``)."""
        _require_text(reason=reason)
        hold = self.get_legal_hold(hold_id)
        if hold.released_at is not None:
            raise ValueError(
                f"legal hold {hold_id} was already lifted on {hold.released_at.date().isoformat()}"
            )
        # the lift and its evidence row commit together: never one without the other
        holds = schema.legal_holds
        with self._begin() as conn:
            lifted = conn.execute(
                sa.update(holds)
                .where((holds.c.id == hold_id) & holds.c.released_at.is_(None))
                .values(released_at=self._now(), lifted_by=lifted_by, lift_reason=reason)
            )
            if lifted.rowcount == 1:
                self._append(
                    conn,
                    [_hold_evidence(HOLD_LIFTED, hold, lifted_by, lift_reason=reason)],
                )
        return self.get_legal_hold(hold_id)

    def release_legal_hold(self, hold_id: int) -> None:
        """End a hold; releasing one already released keeps the first release time."""
        holds = schema.legal_holds
        with self._begin() as conn:
            result = conn.execute(
                sa.update(holds)
                .where((holds.c.id == hold_id) & holds.c.released_at.is_(None))
                .values(released_at=self._now())
            )
            if (
                result.rowcount == 0
                and not conn.execute(sa.select(holds.c.id).where(holds.c.id == hold_id)).first()
            ):
                raise RecordNotFoundError(f"legal hold {hold_id} is not in the ledger")
            if result.rowcount == 1:
                row = conn.execute(sa.select(holds).where(holds.c.id == hold_id)).one()
                self._append(conn, [_hold_evidence(HOLD_LIFTED, _hold(row), None)])

    def get_legal_hold(self, hold_id: int) -> HoldRecord:
        holds = schema.legal_holds
        with self._connect() as conn:
            row = conn.execute(sa.select(holds).where(holds.c.id == hold_id)).one_or_none()
        if row is None:
            raise RecordNotFoundError(f"legal hold {hold_id} is not in the ledger")
        return _hold(row)

    def legal_holds(self) -> list[HoldRecord]:
        """Every hold ever placed, lifted and ended ones included, oldest first."""
        holds = schema.legal_holds
        with self._connect() as conn:
            return [_hold(row) for row in conn.execute(sa.select(holds).order_by(holds.c.id))]

    def active_legal_holds(self) -> list[HoldRecord]:
        """The holds in force now: not lifted, and not past their end date."""
        with self._connect() as conn:
            return [_hold(row) for row in driver_sql.active_holds(conn, self._now())]

    # -- notifications: each sent once ----------------------------------------------------

    def claim_notification(self, **claim: Any) -> bool:
        """True when the caller must send this notification now, False when it is not theirs
        (``claim_notification_as``'s arguments).

        The unique row is the claim: concurrent or repeated runs race on the insert and only
        one wins. A claim whose send failed (``release_notification``), or that was never
        finished within ``stale_after`` (the worker died), can be claimed again.
        """
        return self.claim_notification_as(**claim) is not None

    def claim_notification_as(
        self,
        *,
        topic: str,
        target: str,
        occasion: str,
        channel: str,
        recipient: str,
        detail: Mapping[str, Any] | None = None,
        stale_after: timedelta = timedelta(minutes=30),
    ) -> Claim | None:
        """``claim_notification``, saying how and when the claim was won (``Claim``: a caller
        that claims before doing anything knows, from a claim inserted new, that no earlier
        attempt did anything), or None when it is not the caller's."""
        _require_text(
            topic=topic, target=target, occasion=occasion, channel=channel, recipient=recipient
        )
        now = self._now()
        key = {
            "topic": topic,
            "target": target,
            "occasion": occasion,
            "channel": channel,
            "recipient": recipient,
        }
        row = {
            **key,
            "status": "claimed",
            "claimed_at": now,
            "detail": to_json_document(dict(detail)) if detail else None,
        }
        with self._begin() as conn:
            if driver_sql.insert_notification(conn, row):
                return Claim("new", now)
            taken = driver_sql.reclaim_notification(conn, key, now, now - stale_after)
        return Claim("again", now) if taken == 1 else None

    def mark_notification_sent(
        self,
        *,
        topic: str,
        target: str,
        occasion: str,
        channel: str,
        recipient: str,
        claimed_at: datetime | None = None,
    ) -> None:
        """The notification was sent. With ``claimed_at`` (the caller's ``Claim.at``), only
        while the claim is still the caller's: a claim another run took over after it went
        stale is refused, so the run that lost it fails instead of closing the other's work."""
        self._settle_notifications(
            topic, occasion, channel, recipient, [target], sent=True, claimed_at=claimed_at
        )

    def release_notification(
        self,
        *,
        topic: str,
        target: str,
        occasion: str,
        channel: str,
        recipient: str,
        claimed_at: datetime | None = None,
    ) -> None:
        """The send failed: let the next run claim it again (with ``claimed_at``, only a claim
        still the caller's; one taken over is left to its new owner)."""
        self._settle_notifications(
            topic, occasion, channel, recipient, [target], sent=False, claimed_at=claimed_at
        )

    def claim_notifications(
        self, *, topic: str, occasion: str, channel: str, recipient: str, targets: list[str]
    ) -> bool:
        """Claim the same notification for many targets in one transaction: True when all are
        now the caller's, False (nothing claimed) when any was claimed before; the caller then
        claims them one at a time with ``claim_notification``."""
        _require_text(topic=topic, occasion=occasion, channel=channel, recipient=recipient)
        for target in targets:
            _require_text(target=target)
        if not targets:
            return True
        now = self._now()
        rows = [
            {
                "topic": topic,
                "target": target,
                "occasion": occasion,
                "channel": channel,
                "recipient": recipient,
                "status": "claimed",
                "claimed_at": now,
            }
            for target in targets
        ]
        try:
            with self._begin() as conn:
                conn.execute(sa.insert(schema.notifications), rows)
        except sa.exc.IntegrityError:
            return False
        return True

    def mark_notifications_sent(
        self, *, topic: str, occasion: str, channel: str, recipient: str, targets: list[str]
    ) -> None:
        """``mark_notification_sent`` for many targets claimed together, in one transaction."""
        self._settle_notifications(topic, occasion, channel, recipient, targets, sent=True)

    def release_notifications(
        self, *, topic: str, occasion: str, channel: str, recipient: str, targets: list[str]
    ) -> None:
        """The sends failed: let the next run claim these targets again."""
        self._settle_notifications(topic, occasion, channel, recipient, targets, sent=False)

    def _settle_notifications(
        self,
        topic: str,
        occasion: str,
        channel: str,
        recipient: str,
        targets: list[str],
        *,
        sent: bool,
        claimed_at: datetime | None = None,
    ) -> None:
        key = {"topic": topic, "occasion": occasion, "channel": channel, "recipient": recipient}
        sent_at = self._now() if sent else None
        with self._begin() as conn:
            settled = 0
            for start in range(0, len(targets), 1000):
                # the rows this update sent, as stored, for their snapshots: returned by the
                # update itself (PostgreSQL, SQLite), else read back (MariaDB)
                count, rows = driver_sql.settle_notifications(
                    conn, key, targets[start : start + 1000], sent_at, claimed_at
                )
                settled += count
                if not sent:
                    continue
                self._snapshot(
                    conn,
                    NOTIFICATION_SENT,
                    [notification_snapshot(row, self._identity_key) for row in rows],
                )
            if settled != len(set(targets)) and claimed_at is not None:
                if not sent:
                    return  # taken over after it went stale: its new owner settles it
                raise RecordNotFoundError(
                    f"the {topic} claim on {targets[0]} is no longer this run's: it went stale "
                    "and another run took it over, which finishes the work"
                )
            if settled != len(set(targets)):
                raise RecordNotFoundError(
                    f"{len(set(targets)) - settled} of {len(set(targets))} {topic} notifications "
                    f"{occasion} via {channel} are not claimed"
                )

    def notifications(
        self, *, target: str | None = None, topic: str | None = None
    ) -> list[NotificationRecord]:
        note = schema.notifications
        query = sa.select(note).order_by(note.c.id)
        if target is not None:
            query = query.where(note.c.target == target)
        if topic is not None:
            query = query.where(note.c.topic == topic)
        with self._connect() as conn:
            return [_notification(row) for row in conn.execute(query)]

    # -- approved erasure plans (Art. 17) -------------------------------------------------

    def record_erasure_plan(
        self,
        *,
        plan_sha256: str,
        batch_id: str,
        request_ids: Sequence[str],
        document: str,
        approved_by: str | None = None,
        approved_at: str | None = None,
        run_pk: int | None = None,
    ) -> tuple[ErasurePlanRecord, bool]:
        """Keep an approved plan; returns it and whether this call recorded it (a retry or a
        rerun of the same plan finds it recorded)."""
        if not _SHA256_HEX.fullmatch(plan_sha256):
            raise ValueError("an erasure plan is recorded by its SHA-256 (64 hex digits)")
        _require_text(batch_id=batch_id, document=document)
        ids = _text_list("request_ids", list(request_ids))
        now = self._now()
        try:
            with self._begin() as conn:
                _check_references(conn, run_pk=run_pk, request_id=None)
                conn.execute(
                    sa.insert(schema.erasure_plans).values(
                        plan_sha256=plan_sha256,
                        batch_id=batch_id,
                        request_ids=ids,
                        document=document,
                        status="approved",
                        approved_by=approved_by,
                        approved_at=approved_at,
                        recorded_at=now,
                        updated_at=now,
                        run_pk=run_pk,
                    )
                )
            created = True
        except sa.exc.IntegrityError:
            created = False
        record = self.erasure_plan(plan_sha256)
        assert record is not None
        return record, created

    def erasure_plan(self, plan_sha256: str) -> ErasurePlanRecord | None:
        plans = schema.erasure_plans
        with self._connect() as conn:
            row = conn.execute(
                sa.select(plans).where(plans.c.plan_sha256 == plan_sha256)
            ).one_or_none()
        return None if row is None else _erasure_plan(row)

    def resumable_erasure_plans(self, request_ids: Sequence[str]) -> list[ErasurePlanRecord]:
        """Approved plans naming any of these requests whose run has not finished, oldest first."""
        wanted = set(request_ids)
        plans = schema.erasure_plans
        with self._connect() as conn:
            rows = conn.execute(
                sa.select(plans)
                .where(plans.c.status.in_(("approved", "applied")))
                .order_by(plans.c.id)
            ).all()
        return [p for p in map(_erasure_plan, rows) if wanted & set(p.request_ids)]

    def set_erasure_plan_status(self, plan_sha256: str, status: str) -> None:
        if status not in ERASURE_PLAN_STATUSES:
            raise ValueError(f"an erasure plan is one of {', '.join(ERASURE_PLAN_STATUSES)}")
        plans = schema.erasure_plans
        with self._begin() as conn:
            result = conn.execute(
                sa.update(plans)
                .where(plans.c.plan_sha256 == plan_sha256)
                .values(status=status, updated_at=self._now())
            )
            if result.rowcount == 0:
                raise RecordNotFoundError(f"erasure plan {plan_sha256[:16]} is not in the ledger")

    def requests_of_subject(self, subject_email: str) -> list[RequestRecord]:
        """Every request of one subject (by the ledger's normalised address), oldest first."""
        req = schema.requests
        with self._connect() as conn:
            rows = conn.execute(
                sa.select(req).where(req.c.subject_email == subject_email).order_by(req.c.pk)
            ).all()
        return [_request(row) for row in rows]

    # -- restriction of processing (Art. 18), by record ------------------------------------

    def add_restrictions(
        self, request_id: str, dataset: str, records: Sequence[tuple[Sequence[Any], str]]
    ) -> list[RestrictionRecord]:
        """Put records of ``dataset`` under the request's restriction: ``records`` are (key as
        text, how it is marked); a record already under it is left as recorded. Every record
        of the dataset the request now restricts, oldest first."""
        _require_text(request_id=request_id, dataset=dataset)
        res = schema.restrictions
        with self._begin() as conn:
            _request_pk(conn, request_id)
            have = {
                tuple(row.record_key)
                for row in conn.execute(
                    sa.select(res.c.record_key).where(
                        (res.c.request_id == request_id)
                        & (res.c.dataset == dataset)
                        & res.c.lifted_at.is_(None)
                    )
                )
            }
            now = self._now()
            rows = []
            for key, how in records:
                text = tuple(str(v) for v in key)
                if text not in have:
                    have.add(text)
                    rows.append(
                        {
                            "request_id": request_id,
                            "dataset": dataset,
                            "record_key": list(text),
                            "how": how,
                            "created_at": now,
                        }
                    )
            if rows:
                conn.execute(sa.insert(res), rows)
        return self.restrictions(request_id=request_id, dataset=dataset)

    def restrictions(
        self, *, request_id: str | None = None, dataset: str | None = None, active: bool = True
    ) -> list[RestrictionRecord]:
        """Records under restriction (``active``: not lifted), of a request or a dataset."""
        res = schema.restrictions
        query = sa.select(res).order_by(res.c.id)
        if request_id is not None:
            query = query.where(res.c.request_id == request_id)
        if dataset is not None:
            query = query.where(res.c.dataset == dataset)
        if active:
            query = query.where(res.c.lifted_at.is_(None))
        with self._connect() as conn:
            return [_restriction(row) for row in conn.execute(query)]

    def lift_restrictions(self, request_id: str, dataset: str) -> int:
        """End the request's restriction of the records of ``dataset`` (the rows stay, with
        when it was lifted); how many were lifted now."""
        res = schema.restrictions
        with self._begin() as conn:
            return conn.execute(
                sa.update(res)
                .where(
                    (res.c.request_id == request_id)
                    & (res.c.dataset == dataset)
                    & res.c.lifted_at.is_(None)
                )
                .values(lifted_at=self._now())
            ).rowcount

    # -- suppression list (Art. 21(3)) ----------------------------------------------------

    def add_suppression(
        self, *, identity_hash: str, scope: str, reason: str, request_id: str | None = None
    ) -> bool:
        """Suppress a keyed hash of an identity (never the identity); False if already there."""
        if not _SHA256_HEX.fullmatch(identity_hash):
            raise ValueError(
                "a suppression takes a keyed SHA-256 hash (64 hex digits), not a value"
            )
        _require_text(scope=scope, reason=reason)
        try:
            with self._begin() as conn:
                conn.execute(
                    sa.insert(schema.suppressions).values(
                        identity_hash=identity_hash,
                        scope=scope,
                        reason=reason,
                        request_id=request_id,
                        created_at=self._now(),
                    )
                )
        except sa.exc.IntegrityError:
            return False
        return True

    def suppressed(self, scope: str) -> frozenset[str]:
        """Every suppressed hash of a scope, for an import to filter against in one read."""
        sup = schema.suppressions
        with self._connect() as conn:
            rows = conn.execute(sa.select(sup.c.identity_hash).where(sup.c.scope == scope))
            return frozenset(row.identity_hash for row in rows)

    def suppressions(self) -> list[SuppressionRecord]:
        sup = schema.suppressions
        with self._connect() as conn:
            rows = conn.execute(sa.select(sup).order_by(sup.c.id))
            return [
                SuppressionRecord(
                    identity_hash=row.identity_hash,
                    scope=row.scope,
                    reason=row.reason,
                    request_id=row.request_id,
                    created_at=row.created_at,
                )
                for row in rows
            ]


# -- helpers ------------------------------------------------------------------------------


def _write_head(conn: sa.Connection, count: int, last_hash: str, at: datetime) -> None:
    driver_sql.write_head(conn, count, last_hash, at)


def _flush(atomic: _Atomic) -> None:
    """Insert the evidence rows appended in ``atomic``'s transaction so far."""
    if atomic.pending:
        rows, atomic.pending = atomic.pending, []
        driver_sql.insert_evidence(atomic.conn, rows)


def _lock_head(conn: sa.Connection) -> Any:
    """Read the chain head under a write lock so two appenders never extend the same head
    (SQLite ignores FOR UPDATE and takes its write lock at the first write of the transaction:
    there a no-op write comes first, see ``driver_sql.lock_head``)."""
    row = driver_sql.lock_head(conn)
    if row is None:
        raise RuntimeError(
            "the ledger head row is missing, so evidence cannot be appended safely: "
            "run `gdpr ledger verify`"
        )
    return row


def _check_references(conn: sa.Connection, *, run_pk: int | None, request_id: str | None) -> None:
    # The foreign keys catch these on PostgreSQL and MariaDB, but not on SQLite, and with a
    # message nobody can act on.
    _check_references_of(
        conn, [run_pk] if run_pk is not None else [], [request_id] if request_id is not None else []
    )


def _check_all_references(
    conn: sa.Connection, items: Sequence[EvidenceInput], known: Sequence[set[tuple[str, Any]]]
) -> dict[str, list[Any]]:
    """``_check_references`` for many rows: one query for their runs, one for their requests,
    leaving out those ``known`` (found before); the runs and requests found now."""
    runs = sorted(
        {
            i.run_pk
            for i in items
            if i.run_pk is not None and not any(("run", i.run_pk) in k for k in known)
        }
    )
    requests = sorted(
        {
            i.request_id
            for i in items
            if i.request_id is not None and not any(("request", i.request_id) in k for k in known)
        }
    )
    _check_references_of(conn, runs, requests)
    return {"run": runs, "request": requests}


def _check_references_of(
    conn: sa.Connection, run_pks: Sequence[int], request_ids: Sequence[str]
) -> None:
    for values, table, column, what in (
        (run_pks, schema.runs, "pk", "run"),
        (request_ids, schema.requests, "request_id", "request"),
    ):
        found: set[Any] = set()
        for chunk in chunks(values, 1000):
            found |= driver_sql.existing(conn, table, column, chunk)
        for value in values:
            if value not in found:
                raise RecordNotFoundError(f"{what} {value} is not in the ledger")


def _new_request_row(item: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """The row ``create_requests`` inserts, after the checks ``create_request`` makes. A
    request recorded as history (answered before it reached the ledger, e.g. a closed ticket
    taken by intake) gives its ``status``, ``closed_at`` and ``close_reason``."""
    unknown = sorted(
        set(item)
        - {
            "kind",
            "subject_email",
            "received_at",
            "due_at",
            "channel",
            "external_ref",
            "note",
            "request_id",
            "status",
            "closed_at",
            "close_reason",
        }
    )
    if unknown:
        raise TypeError(f"unknown request fields: {', '.join(unknown)}")
    kind, channel = item["kind"], item["channel"]
    if kind not in REQUEST_KINDS:
        raise ValueError(
            f"unknown request kind {kind!r}: expected one of {', '.join(sorted(REQUEST_KINDS))}"
        )
    _require_text(channel=channel)
    email = normalise_email(item["subject_email"])
    received_at, due_at = as_utc(item["received_at"]), as_utc(item["due_at"])
    if due_at < received_at:
        raise ValueError("the request's due date is before the date it was received")
    status = item.get("status", "open")
    if status not in REQUEST_STATUSES:
        raise ValueError(f"unknown request status {status!r}")
    closed_at = item.get("closed_at")
    if (closed_at is None) != (status in OPEN_REQUEST_STATUSES):
        raise ValueError("a closed request needs its `closed_at`, an open one has none")
    return {
        "request_id": item.get("request_id"),
        "kind": kind,
        "status": status,
        "closed_at": as_utc(closed_at) if closed_at is not None else None,
        "close_reason": item.get("close_reason"),
        "subject_email": email,
        "channel": channel,
        "external_ref": item.get("external_ref"),
        "note": item.get("note"),
        "received_at": received_at,
        "due_at": due_at,
        "created_at": now,
        "updated_at": now,
    }


def _public_id(prefix: str, at: datetime, pk: int) -> str:
    return f"{prefix}-{at.year}-{pk:06d}"


def _request_pk(conn: sa.Connection, request_id: str) -> int:
    req = schema.requests
    pk = conn.execute(sa.select(req.c.pk).where(req.c.request_id == request_id)).scalar()
    if pk is None:
        raise RecordNotFoundError(f"request {request_id} is not in the ledger")
    return pk


def _require_text(**values: str) -> None:
    for name, value in values.items():
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{name} must not be empty")


def _text_list(name: str, values: list[str]) -> list[str]:
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) and v for v in values):
        raise ValueError(f"{name} must be a list of names")
    return list(values)


def _checked_changes(
    what: str, changes: Mapping[str, Any], allowed: frozenset[str]
) -> dict[str, Any]:
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise TypeError(
            f"cannot change {', '.join(unknown)} on a {what}; "
            f"changeable: {', '.join(sorted(allowed))}"
        )
    values = dict(changes)
    for name, value in values.items():
        if value is None:
            if name in _NOT_NULL_FIELDS:
                raise ValueError(f"{name} of a {what} cannot be cleared")
        elif name in _DATETIME_FIELDS:
            values[name] = as_utc(value)
        elif name in _LIST_FIELDS:
            values[name] = _text_list(name, value)
    return values


def _request(row: sa.Row[Any]) -> RequestRecord:
    return RequestRecord(
        request_id=row.request_id,
        kind=row.kind,
        status=row.status,
        subject_email=row.subject_email,
        channel=row.channel,
        external_ref=row.external_ref,
        note=row.note,
        received_at=row.received_at,
        due_at=row.due_at,
        extended_due_at=row.extended_due_at,
        extension_reason=row.extension_reason,
        closed_at=row.closed_at,
        close_reason=row.close_reason,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _breach(row: sa.Row[Any]) -> BreachRecord:
    return BreachRecord(
        breach_id=row.breach_id,
        title=row.title,
        description=row.description,
        aware_at=row.aware_at,
        systems=row.systems,
        datasets=row.datasets,
        categories=row.categories,
        high_risk=bool(row.high_risk),
        status=row.status,
        affected_subjects=row.affected_subjects,
        authority_notified_at=row.authority_notified_at,
        authority_reference=row.authority_reference,
        delay_reason=row.delay_reason,
        subjects_notified_at=row.subjects_notified_at,
        closed_at=row.closed_at,
        close_reason=row.close_reason,
        created_at=row.created_at,
        updated_at=row.updated_at,
        communication_exemption=row.communication_exemption,
        exemption_reason=row.exemption_reason,
    )


def _hold(row: sa.Row[Any]) -> HoldRecord:
    return HoldRecord(
        id=row.id,
        reason=row.reason,
        reference=row.reference,
        subject_email=row.subject_email,
        dataset=row.dataset,
        record_key=row.record_key,
        created_at=row.created_at,
        released_at=row.released_at,
        until=row.until,
        ends_at=row.ends_at,
        placed_by=row.placed_by,
        lifted_by=row.lifted_by,
        lift_reason=row.lift_reason,
    )


def _hold_evidence(
    action: str, hold: HoldRecord, actor: str | None, *, lift_reason: str | None = None
) -> EvidenceInput:
    """The chain's row for placing or lifting a hold: which hold and what it covers, never the
    person (not even a hash of the address, which could be guessed back)."""
    detail: dict[str, Any] = {
        "hold": hold.id,
        "scope": hold.scope,
        "reason": hold.reason,
        "citation": hold.reference,
        "until": hold.until.isoformat() if hold.until else None,
        "by": actor,
    }
    if lift_reason is not None:
        detail["lift_reason"] = lift_reason
    if hold.record_key is not None:
        detail["record_key"] = hold.record_key
    return EvidenceInput(
        action=action,
        dataset=hold.dataset,
        citation=hold.reference[:500],
        count=1,
        detail=detail,
    )


def _restriction(row: sa.Row[Any]) -> RestrictionRecord:
    return RestrictionRecord(
        id=row.id,
        request_id=row.request_id,
        dataset=row.dataset,
        record_key=tuple(str(v) for v in row.record_key),
        how=row.how,
        created_at=row.created_at,
        lifted_at=row.lifted_at,
    )


def _notification(row: sa.Row[Any]) -> NotificationRecord:
    return NotificationRecord(
        topic=row.topic,
        target=row.target,
        occasion=row.occasion,
        channel=row.channel,
        recipient=row.recipient,
        status=row.status,
        claimed_at=row.claimed_at,
        sent_at=row.sent_at,
        detail=row.detail,
    )


def _run(row: sa.Row[Any]) -> RunRecord:
    return RunRecord(
        pk=row.pk,
        dag_id=row.dag_id,
        run_id=row.run_id,
        kind=row.kind,
        status=row.status,
        started_at=row.started_at,
        finished_at=row.finished_at,
        summary=row.summary,
    )


def _evidence(row: sa.Row[Any]) -> EvidenceRecord:
    return EvidenceRecord(
        **{name: getattr(row, name) for name in HASHED_COLUMNS},
        prev_hash=row.prev_hash,
        row_hash=row.row_hash,
    )


def _erasure_plan(row: sa.Row[Any]) -> ErasurePlanRecord:
    return ErasurePlanRecord(
        plan_sha256=row.plan_sha256,
        batch_id=row.batch_id,
        request_ids=list(row.request_ids or []),
        document=row.document,
        status=row.status,
        approved_by=row.approved_by,
        approved_at=row.approved_at,
        recorded_at=row.recorded_at,
        updated_at=row.updated_at,
        run_pk=row.run_pk,
    )
