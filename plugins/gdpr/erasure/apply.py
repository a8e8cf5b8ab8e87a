"""Apply an approved erasure plan: exactly its keys, children before parents, batch by batch.

Consecutive batches of one system, up to ``batch_size`` keys in all, are one unit of work: one
transaction of the system (a subject's few records in a dozen tables commit once, not once per
table). Consecutive units, up to ``batch_size`` keys in all, are one window of evidence (a
subject's units in two systems share one). Nothing is destroyed before its evidence is on
record: each batch's key digest is computed first (a key the ledger cannot encode fails the
window before anything changes), an intent row per batch (``erasure.intent``: dataset, action,
how many keys, their SHA-256, the plan's SHA-256) is appended before its window's first unit
commits, and a settlement row per batch (``erasure.delete`` / ``erasure.anonymise`` /
``erasure.restrict``, naming its intent, with the rows really changed) after its unit's commit;
a window's settlements and the next window's intents are one ledger transaction, and the last
window's settlements, the check that every intent is settled, the closing ``erasure.apply`` row
and the claim marked done are one more (a failure puts the settlements of the units committed
before it on record on their own). The first window's intents go on record with the claim,
when it is inserted new. A single erasure thus costs two ledger transactions: the claim with
its intents, the close. The plan's evidence of earlier attempts is read once, after a
claim taken over from a failed or stale run (a claim inserted new proves there was no earlier
attempt: every attempt claims first); from then on this run, the plan's only writer while it
holds the claim, keeps the plan's evidence in memory. A run that stops between a commit and its
settlement leaves an intent without settlement: the next run of the same plan settles it first (``erasure.recovered``
when nothing of the batch had been committed, else the settlement row with what the stopped run
changed, counted from what is left), then does what is left with evidence of its own. A batch
already settled by an earlier attempt is not touched again, so the evidence of each batch exists
once, and no run ends in success while an intent of its plan lacks a settlement.

Every statement only changes what is still to change (a deleted key deletes nothing, an
anonymised row is not selected again, a restricted row is not flagged again). Two runs of one
plan at the same time are serialised by a once-only claim in the ledger: one applies, the other
waits for it and then finds nothing left.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from gdpr.batches import chunks
from gdpr.connectors import order
from gdpr.connectors.base import Connector
from gdpr.datamap.graph import ReferenceGraph
from gdpr.datamap.models import DataMap
from gdpr.erasure.plan import DatasetPlan, ErasurePlan, refuse_not_null
from gdpr.ledger import Claim, EvidenceInput, EvidenceRecord, Ledger, digest_keys
from gdpr.retention.anonymise import Anonymisation

log = logging.getLogger(__name__)

CLAIM = {"topic": "erasure_apply", "channel": "ledger", "recipient": "apply"}
INTENT = "erasure.intent"  # appended before a batch changes anything
RECOVERED = "erasure.recovered"  # an interrupted batch that had committed nothing, settled
ACTIONS = ("delete", "anonymise", "restrict")
CHANGES = tuple(f"erasure.{a}" for a in ACTIONS)  # settlements: what was really changed


class UnsettledEvidenceError(RuntimeError):
    """A change of the plan has an intent but no settlement in the ledger."""


class PlanMismatchError(RuntimeError):
    """The plan cannot be applied as approved (the data map changed since the preview)."""


@dataclass
class ApplyOutcome:
    request_id: str
    plan_sha256: str
    changed: dict[str, dict[str, int]] = field(default_factory=dict)  # by every attempt
    already_applied: bool = False
    this_run: int = 0  # records this run changed (a rerun finishes what an attempt left)

    @property
    def total(self) -> int:
        return sum(n for counts in self.changed.values() for n in counts.values())

    def as_dict(self) -> dict[str, Any]:
        """Counts only: what may go to XCom and logs."""
        return {
            "request_id": self.request_id,
            "plan_sha256": self.plan_sha256,
            "changed": self.changed,
            "total": self.total,
            "this_run": self.this_run,
            "already_applied": self.already_applied,
        }


_Batch = tuple[DatasetPlan, str, list[list]]  # a dataset's plan, its action, a batch of keys
# a batch still to do, with its evidence's common fields and detail (``PlanApplier._todo``)
_Todo = tuple[DatasetPlan, str, list[list], dict[str, Any], dict[str, Any]]
# a window's batches still to do, by unit, and their intents on record (``PlanApplier._intend``)
_Intended = tuple[list[list[_Todo]], list[EvidenceRecord]]
_Evidence = EvidenceRecord | EvidenceInput  # a row on record, or one about to be written


_T = TypeVar("_T")


def _grouped(
    items: list[_T], limit: int, kind: Callable[[_T], str], size: Callable[[_T], int]
) -> list[list[_T]]:
    """Consecutive items of one ``kind``, up to ``limit`` in ``size`` per group (an item
    larger than the limit alone), their order kept."""
    groups: list[list[_T]] = []
    total = 0
    for item in items:
        if not groups or kind(groups[-1][0]) != kind(item) or total + size(item) > limit:
            groups.append([item])
            total = size(item)
        else:
            groups[-1].append(item)
            total += size(item)
    return groups


@dataclass(frozen=True)
class _Settlement:
    """A batch's settlement, changed and not yet on record: the evidence row's fields."""

    plan: DatasetPlan
    action: str
    planned: int
    count: int
    common: dict[str, Any]
    detail: dict[str, Any]


@dataclass
class PlanApplier:
    datamap: DataMap
    plan: ErasurePlan
    connectors: Mapping[str, Connector]
    ledger: Ledger
    run_pk: int | None = None
    batch_size: int = 500
    wait_seconds: float = 600.0
    fail_after_batches: int | None = None  # fault injection for tests of interrupted runs
    on_batch: Callable[[str, str, int], None] | None = None
    # False for a batch of subjects: the plan's id names the batch, not a ledger request, and
    # each subject's own evidence row carries its request (gdpr.erasure.batch)
    record_request: bool = True
    # the request the evidence rows name when ``record_request`` is off (a batch of one subject)
    evidence_request: str | None = None
    _batches: int = 0
    _sha256: str = ""
    _settled: set[tuple[str, str, str]] = field(default_factory=set)
    # the last unit's settlements, not on record yet (``_record_settlements``)
    _carried: list[_Settlement] = field(default_factory=list)
    # the plan's evidence on record, of every attempt: read after a claim taken over, then
    # what this run records (``_record``)
    _evidence: list[EvidenceRecord] = field(default_factory=list)

    @property
    def _request_id(self) -> str | None:
        return self.plan.request_id if self.record_request else self.evidence_request

    def run(self) -> ApplyOutcome:
        if self.plan.datamap_digest != self.datamap.digest:
            raise PlanMismatchError(
                "the data map changed since the preview was approved; run a new preview"
            )
        self._sha256 = self.plan.sha256  # once: a batch's plan is large to serialise
        # a plan approved before the schema changed: refused before anything changes
        refuse_not_null(self.datamap, self.connectors, self.plan.datasets)
        outcome = ApplyOutcome(self.plan.request_id, self._sha256)
        claim = {**CLAIM, "target": self.plan.request_id, "occasion": self._sha256}
        windows = self._windows(self._units(self._planned_batches()))
        won, first = self._claim(claim, windows[0] if windows else [])
        if won is None:
            outcome.already_applied = True
            log.info("erasure %s: another run applied this plan; nothing left", outcome.request_id)
            return outcome
        try:
            if first is None:  # a claim taken over: what the attempts before did comes first
                self._evidence = self._plan_evidence()
                self._settle_interrupted()
            for n, window in enumerate(windows):
                todo, intents = first if n == 0 and first is not None else self._intend(window)
                outcome.this_run += self._window(todo, intents)
            self._close(outcome, claim, won.at)
        except BaseException:
            try:
                self._record_settlements([])  # what was committed stays on record
            finally:
                self.ledger.release_notification(**claim, claimed_at=won.at)
            raise
        if not outcome.total:
            log.info("erasure %s: nothing left to change (already erased)", outcome.request_id)
        return outcome

    def _in_deletion_order(self) -> list[DatasetPlan]:
        """The plan's datasets in the order the systems accept their changes, read again from
        their foreign keys (``gdpr.connectors.order``; a plan made before a schema change, or
        merged from several subjects' plans, still goes in an order the databases allow). The
        plan's order breaks ties, and the entries of one dataset keep theirs."""
        ids = list(dict.fromkeys(d.dataset for d in self.plan.datasets))
        edges = [
            (e.child, e.parent)
            for e in ReferenceGraph.of(self.datamap).edges
            if e.child in ids and e.parent in ids
        ]
        rank = {
            d: n
            for n, d in enumerate(order.children_first(self.datamap, self.connectors, ids, edges))
        }
        return sorted(self.plan.datasets, key=lambda d: rank[d.dataset])

    # -- evidence of every attempt -------------------------------------------------------------
    def _plan_evidence(self) -> list[EvidenceRecord]:
        """This plan's intents and settlements, from every attempt."""
        rows = self.ledger.evidence(
            actions=(INTENT, RECOVERED, *CHANGES), request_id=self._request_id
        )
        return [r for r in rows if r.detail.get("plan_sha256") == self._sha256]

    def changed(self, evidence: list[_Evidence] | None = None) -> dict[str, dict[str, int]]:
        """Per dataset and action, what every attempt at this plan changed (its settlements;
        ``evidence``: the plan's evidence rows when just read, else read now)."""
        changed: dict[str, dict[str, int]] = {}
        for row in self._plan_evidence() if evidence is None else evidence:
            if row.action in CHANGES and row.dataset:
                into = changed.setdefault(row.dataset, dict.fromkeys(ACTIONS, 0))
                into[row.action.removeprefix("erasure.")] += row.count
        return changed

    def _unsettled(self, rows: list[_Evidence]) -> list[EvidenceRecord]:
        """The plan's intents without a settlement (intents are always on record; ``rows``
        may end with settlements not written yet, ``_close``)."""
        settled = {r.detail.get("intent") for r in rows if r.action != INTENT}
        self._settled = {
            (r.dataset or "", r.detail.get("action", ""), r.keys_sha256 or "")
            for r in rows
            if r.action != INTENT
        }
        return [
            r
            for r in rows
            if isinstance(r, EvidenceRecord) and r.action == INTENT and r.id not in settled
        ]

    def _settle_interrupted(self) -> None:
        """Settle the intents an earlier attempt left: what it committed, counted from what is
        left of its keys (a rolled-back batch committed nothing)."""
        unsettled = self._unsettled(self._evidence)
        if not unsettled:
            return
        batches: dict[tuple[str, str, str], tuple[DatasetPlan, list[list]]] = {}
        for size in {int(i.detail.get("batch_size") or self.batch_size) for i in unsettled}:
            for d in self.plan.datasets:
                for action, all_keys in (
                    ("anonymise", d.anonymise),
                    ("restrict", d.restrict),
                    ("delete", d.delete),
                ):
                    for keys in chunks(all_keys, size):
                        batches[(d.dataset, action, digest_keys(keys))] = (d, keys)
        for intent in unsettled:
            action = intent.detail.get("action", "")
            found = batches.get((intent.dataset or "", action, intent.keys_sha256 or ""))
            if found is None:
                raise PlanMismatchError(
                    f"erasure {self.plan.request_id}: an interrupted batch of {intent.dataset} "
                    "is not part of this plan"
                )
            plan, keys = found
            left = self._remaining(plan, action, [tuple(k) for k in keys])
            committed = intent.detail.get("planned", len(keys)) - left
            self._record(
                [
                    EvidenceInput(
                        action=f"erasure.{action}" if committed > 0 else RECOVERED,
                        system=intent.system,
                        dataset=intent.dataset,
                        citation=intent.citation,
                        count=max(committed, 0),
                        keys_sha256=intent.keys_sha256,
                        detail={
                            "plan_sha256": self._sha256,
                            "action": action,
                            "intent": intent.id,
                            "interrupted_run": intent.run_pk,
                            "planned": len(keys),
                            "left": left,
                            "ground": self.plan.ground,
                            "outcome": "committed before the interruption"
                            if committed > 0
                            else "nothing committed (rolled back); done again by this run",
                        },
                        run_pk=self.run_pk,
                        request_id=self._request_id,
                    )
                ]
            )
            if committed > 0 and left == 0:
                self._settled.add((plan.dataset, action, intent.keys_sha256 or ""))
            log.warning(
                "erasure %s: %s batch of %s of run %s was interrupted before its settlement: "
                "%d of %d records changed then, %d left",
                self.plan.request_id,
                action,
                intent.dataset,
                intent.run_pk,
                max(committed, 0),
                len(keys),
                left,
            )

    def _close(self, outcome: ApplyOutcome, claim: dict[str, str], claimed_at: datetime) -> None:
        """One ledger transaction: the last settlements, then, unless an intent of the plan is
        still unsettled (no run ends in success then), the closing ``erasure.apply`` row and
        the claim marked done. The settlements stay on record when the check fails; a
        failure of the transaction leaves them waiting for the caller's failure handler.
        The plan's evidence is this run's memory of it (``_evidence``) and the last
        settlements, so that they, the closing row and the claim's snapshot are one insert
        (``Ledger.atomic``)."""
        carried = list(self._carried)
        try:
            with self.ledger.atomic():
                rows = [*self._evidence, *map(_settlement_input, carried)]
                open_intents = self._unsettled(rows)
                if not open_intents:
                    outcome.changed = self.changed(rows)
                self._record_settlements([] if open_intents else [self._apply_evidence(outcome)])
                if not open_intents:
                    # refused if another run took the claim over after it went stale: this
                    # run's memory of the plan's evidence would miss that run's intents
                    self.ledger.mark_notification_sent(**claim, claimed_at=claimed_at)
        except BaseException:
            self._carried = carried  # rolled back with the rest: not on record
            raise
        if open_intents:
            raise UnsettledEvidenceError(
                f"erasure {self.plan.request_id}: {len(open_intents)} batches have an intent but "
                "no settlement in the ledger; the next run settles them"
            )

    def _apply_evidence(self, outcome: ApplyOutcome) -> EvidenceInput:
        return EvidenceInput(
            action="erasure.apply",
            count=outcome.total,
            detail={
                "plan_sha256": outcome.plan_sha256,
                "ground": self.plan.ground,
                "this_run": outcome.this_run,
            },
            run_pk=self.run_pk,
            request_id=self._request_id,
        )

    def _remaining(self, plan: DatasetPlan, action: str, keys: list[tuple]) -> int:
        """How many of a batch's records are still to change."""
        return self.connectors[plan.system].pending(
            self._dataset(plan),
            _rows(plan, keys),
            action,
            change=_anonymisation(plan),
            flag=plan.restriction_flag,
        )

    def _claim(
        self, claim: dict[str, str], window: list[list[_Batch]]
    ) -> tuple[Claim | None, _Intended | None]:
        """How and when this run won the claim to apply the plan
        (``Ledger.claim_notification_as``; None once another run has applied it), and, when
        the claim was inserted new, the first ``window``'s intents, on record in the claim's
        own transaction (a claim inserted new proves that no attempt came before, so nothing
        is left to settle first: one ledger commit less per erasure, a durable commit being
        the dearest statement of a small one)."""
        with self.ledger.atomic():
            won = self.ledger.claim_notification_as(**claim)
            if won is not None and won.how == "new":
                return won, self._intend(window)
        deadline = time.monotonic() + self.wait_seconds
        while won is None:
            mine = [
                n
                for n in self.ledger.notifications(target=claim["target"], topic=claim["topic"])
                if n.occasion == claim["occasion"]
            ]
            if mine and mine[0].status == "sent":
                return None, None
            if time.monotonic() > deadline:
                raise TimeoutError("another run is still applying this erasure plan")
            log.info("erasure %s: another run is applying this plan, waiting", claim["target"])
            time.sleep(1.0)
            won = self.ledger.claim_notification_as(**claim)
        return won, None

    # -- units of work --------------------------------------------------------------------------
    def _planned_batches(self) -> list[_Batch]:
        """Every batch of the plan, in the order they are applied: datasets children first,
        and in each, its anonymisations, restrictions, then deletions."""
        out: list[_Batch] = []
        for dataset in self._in_deletion_order():
            if not dataset.total:
                continue  # a merged batch plan may list a dataset more than once
            for action, keys in (
                ("anonymise", dataset.anonymise),
                ("restrict", dataset.restrict),
                ("delete", dataset.delete),
            ):
                out += [(dataset, action, batch) for batch in chunks(keys, self.batch_size)]
        return out

    def _units(self, batches: list[_Batch]) -> list[list[_Batch]]:
        """Consecutive batches of one system, up to ``batch_size`` keys in all: each unit is
        one transaction of its system (a subject's few records of many tables commit once),
        and the order of the batches is kept."""
        return _grouped(batches, self.batch_size, lambda b: b[0].system, lambda b: len(b[2]))

    def _windows(self, units: list[list[_Batch]]) -> list[list[list[_Batch]]]:
        """Consecutive units, up to ``batch_size`` keys in all, whatever their systems: the
        intents of a window go on record in one ledger transaction before its first unit."""
        return _grouped(units, self.batch_size, lambda _: "", lambda u: sum(len(b[2]) for b in u))

    def _intend(self, units: list[list[_Batch]]) -> _Intended:
        """A window's batches still to do (``_todo``) and their intents, on record with the
        settlements waiting from the window before, in one ledger transaction (or the claim's:
        ``_claim``)."""
        todo = [self._todo(unit) for unit in units]
        if not any(todo):
            return todo, []
        intents = self._record_settlements(
            [
                EvidenceInput(action=INTENT, count=len(keys), detail=detail, **common)
                for unit in todo
                for _, _, keys, common, detail in unit
            ]
        )
        return todo, intents

    def _window(self, todo: list[list[_Todo]], intents: list[EvidenceRecord]) -> int:
        """One window, its intents on record (``_intend``): each unit's changes in one
        transaction of its system; how many records it changed. Each unit's settlements wait
        in ``_carried`` from its commit until the next window's intents or the close (or,
        after a failure, ``_record_settlements`` on their own). A failure before they are on
        record leaves intents the next run settles."""
        changed = 0
        for unit in filter(None, todo):
            with self.connectors[unit[0][0].system].changes() as change:
                counts = [
                    self._batch(change, plan, action, keys) for plan, action, keys, *_ in unit
                ]
            mine, intents = intents[: len(unit)], intents[len(unit) :]
            self._carried += [
                _Settlement(plan, action, len(keys), count, common, {**detail, "intent": i.id})
                for (plan, action, keys, common, detail), i, count in zip(
                    unit, mine, counts, strict=True
                )
            ]
            changed += sum(counts)
        return changed

    def _batch(self, change: Any, plan: DatasetPlan, action: str, keys: list[list]) -> int:
        """One batch's change inside its unit's transaction (after the injected failure a
        test asked for, if any)."""
        if self.fail_after_batches is not None and self._batches >= self.fail_after_batches:
            raise RuntimeError(f"injected failure after {self._batches} batches")
        self._batches += 1
        return self._change(change, plan, action, [tuple(k) for k in keys])

    def _todo(self, batches: list[_Batch]) -> list[_Todo]:
        """A unit's batches not settled by an earlier attempt, with their evidence's fields;
        every key digested first (a key the ledger cannot encode changes nothing)."""
        todo: list[_Todo] = []
        for plan, action, keys in batches:
            keys_sha256 = digest_keys(keys)
            if (plan.dataset, action, keys_sha256) in self._settled:
                log.info(
                    "erasure %s: %s %s: %d records settled by an earlier attempt",
                    self.plan.request_id,
                    action,
                    plan.dataset,
                    len(keys),
                )
                continue
            reason = (
                self.plan.reasons.get(plan.anonymise_reason or "")
                if action == "anonymise"
                else None
            )
            common = {
                "system": plan.system,
                "dataset": plan.dataset,
                "citation": reason.citation if reason else None,
                "keys_sha256": keys_sha256,
                "run_pk": self.run_pk,
                "request_id": self._request_id,
            }
            detail = {
                "plan_sha256": self._sha256,
                "action": action,
                "planned": len(keys),
                "batch_size": self.batch_size,
                "ground": self.plan.ground,
                **({"reason": reason.text, "article": reason.article} if reason else {}),
            }
            todo.append((plan, action, keys, common, detail))
        return todo

    def _record_settlements(self, then: list[EvidenceInput]) -> list[EvidenceRecord]:
        """Put the settlements waiting in ``_carried`` on record, and ``then`` after them in the
        same ledger transaction (the next unit's intents); returns the records of ``then``."""
        settlements, self._carried = self._carried, []
        rows = [_settlement_input(s) for s in settlements]
        if not rows and not then:
            return []
        try:
            records = self._record([*rows, *then])
        except BaseException:
            self._carried = settlements  # not on record: a failure handler tries again
            raise
        for s in settlements:
            self._settled.add((s.plan.dataset, s.action, s.common["keys_sha256"]))
            log.info(
                "erasure %s: %s %s: %d of %d records changed",
                self.plan.request_id,
                s.action,
                s.plan.dataset,
                s.count,
                s.planned,
            )
            if self.on_batch:
                self.on_batch(s.plan.dataset, s.action, s.count)
        return records[len(rows) :]

    def _record(self, items: list[EvidenceInput]) -> list[EvidenceRecord]:
        """Put evidence of the plan on record, and in this run's memory of it. Inside the
        close's ``Ledger.atomic`` the records are not committed yet: the close's own are not
        kept (the run ends there, or a failure leaves this run's memory unused)."""
        records = self.ledger.record_evidences(items)
        self._evidence += records
        return records

    def _dataset(self, plan: DatasetPlan) -> Any:
        return self.datamap.dataset(plan.dataset).dataset

    def _change(self, change: Any, plan: DatasetPlan, action: str, keys: list[tuple]) -> int:
        """One batch's change inside its unit's transaction; how many records it changed."""
        dataset, rows = self._dataset(plan), _rows(plan, keys)
        if action == "delete":
            return change.delete(dataset, rows)
        if action == "anonymise":
            return change.anonymise(dataset, rows, _anonymisation(plan))
        return change.restrict(dataset, rows, plan.restriction_flag or "")


def _settlement_input(settlement: _Settlement) -> EvidenceInput:
    """A settlement's evidence row."""
    return EvidenceInput(
        action=f"erasure.{settlement.action}",
        count=settlement.count,
        detail=settlement.detail,
        **settlement.common,
    )


def _rows(plan: DatasetPlan, keys: list[tuple]) -> list[dict[str, Any]]:
    """A batch's keys as the rows the connector protocol takes (key fields only)."""
    return [dict(zip(plan.key_fields, key, strict=True)) for key in keys]


def _anonymisation(plan: DatasetPlan) -> Anonymisation:
    return Anonymisation(dict(plan.constant), tuple(plan.tokens))


def apply_plan(
    datamap: DataMap,
    plan: ErasurePlan,
    connectors: Mapping[str, Connector],
    ledger: Ledger,
    **options: Any,
) -> ApplyOutcome:
    return PlanApplier(datamap, plan, connectors, ledger, **options).run()
