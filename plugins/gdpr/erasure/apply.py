"""Apply an approved erasure plan: exactly its keys, children before parents, batch by batch.

Each batch is one transaction on one dataset and leaves a hash-chained evidence row as soon as
it is committed. Every statement only changes what is still to change (a deleted key deletes
nothing, an anonymised row is not selected again, a restricted row is not flagged again), so a
rerun or a second run of the same plan changes nothing and says so. Two runs of one plan at the
same time are serialised by a once-only claim in the ledger: one applies, the other waits for
it and then finds nothing left.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from gdpr.connectors.base import Connector
from gdpr.connectors.s3 import S3Connector
from gdpr.connectors.sql import SqlConnector
from gdpr.datamap.models import DataMap
from gdpr.erasure.plan import DatasetPlan, ErasurePlan
from gdpr.ledger import EvidenceInput, Ledger, digest_keys
from gdpr.retention.anonymise import Anonymisation, is_anonymised

log = logging.getLogger(__name__)

CLAIM = {"topic": "erasure_apply", "channel": "ledger", "recipient": "apply"}


class PlanMismatchError(RuntimeError):
    """The plan cannot be applied as approved (the data map changed since the preview)."""


@dataclass
class ApplyOutcome:
    request_id: str
    plan_sha256: str
    changed: dict[str, dict[str, int]] = field(default_factory=dict)
    already_applied: bool = False

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
            "already_applied": self.already_applied,
        }


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
    _batches: int = 0
    _sha256: str = ""

    @property
    def _request_id(self) -> str | None:
        return self.plan.request_id if self.record_request else None

    def run(self) -> ApplyOutcome:
        if self.plan.datamap_digest != self.datamap.digest:
            raise PlanMismatchError(
                "the data map changed since the preview was approved; run a new preview"
            )
        self._sha256 = self.plan.sha256  # once: a batch's plan is large to serialise
        outcome = ApplyOutcome(self.plan.request_id, self._sha256)
        claim = {**CLAIM, "target": self.plan.request_id, "occasion": self.plan.sha256}
        if not self._claim(claim):
            outcome.already_applied = True
            log.info("erasure %s: another run applied this plan; nothing left", outcome.request_id)
            return outcome
        try:
            for dataset in self.plan.datasets:
                if dataset.total:
                    # a merged batch plan may list a dataset more than once (gdpr.erasure.batch)
                    into = outcome.changed.setdefault(dataset.dataset, {})
                    for action, n in self._apply(dataset).items():
                        into[action] = into.get(action, 0) + n
        except BaseException:
            self.ledger.release_notification(**claim)
            raise
        self.ledger.mark_notification_sent(**claim)
        self.ledger.record_evidence(
            EvidenceInput(
                action="erasure.apply",
                count=outcome.total,
                detail={"plan_sha256": outcome.plan_sha256, "ground": self.plan.ground},
                run_pk=self.run_pk,
                request_id=self._request_id,
            )
        )
        if not outcome.total:
            log.info("erasure %s: nothing left to change (already erased)", outcome.request_id)
        return outcome

    def _claim(self, claim: dict[str, str]) -> bool:
        """True when this run applies the plan; False once another run has applied it."""
        deadline = time.monotonic() + self.wait_seconds
        while True:
            if self.ledger.claim_notification(**claim):
                return True
            mine = [
                n
                for n in self.ledger.notifications(target=claim["target"], topic=claim["topic"])
                if n.occasion == claim["occasion"]
            ]
            if mine and mine[0].status == "sent":
                return False
            if time.monotonic() > deadline:
                raise TimeoutError("another run is still applying this erasure plan")
            log.info("erasure %s: another run is applying this plan, waiting", claim["target"])
            time.sleep(1.0)

    # -- one dataset --------------------------------------------------------------------------
    def _apply(self, plan: DatasetPlan) -> dict[str, int]:
        connector = self.connectors[plan.system]
        done = {"delete": 0, "anonymise": 0, "restrict": 0}
        if isinstance(connector, S3Connector):
            for batch in _chunks(plan.delete, self.batch_size):
                done["delete"] += self._batch(plan, "delete", batch, self._delete_objects)
            return done
        assert isinstance(connector, SqlConnector)
        work: list[tuple[str, list[list], Callable]] = [
            ("anonymise", plan.anonymise, self._anonymise_rows),
            ("restrict", plan.restrict, self._restrict_rows),
            ("delete", plan.delete, self._delete_rows),
        ]
        for action, keys, change in work:
            for batch in _chunks(keys, self.batch_size):
                done[action] += self._batch(plan, action, batch, change)
        return done

    def _batch(self, plan: DatasetPlan, action: str, keys: list[list], change: Callable) -> int:
        if self.fail_after_batches is not None and self._batches >= self.fail_after_batches:
            raise RuntimeError(f"injected failure after {self._batches} batches")
        self._batches += 1
        count = change(plan, [tuple(k) for k in keys])
        reason = (
            self.plan.reasons.get(plan.anonymise_reason or "") if action == "anonymise" else None
        )
        if count:
            self.ledger.record_evidence(
                EvidenceInput(
                    action=f"erasure.{action}",
                    system=plan.system,
                    dataset=plan.dataset,
                    citation=reason.citation if reason else None,
                    count=count,
                    keys_sha256=digest_keys(keys),
                    detail={
                        "plan_sha256": self._sha256,
                        "planned": len(keys),
                        "ground": self.plan.ground,
                        **({"reason": reason.text, "article": reason.article} if reason else {}),
                    },
                    run_pk=self.run_pk,
                    request_id=self._request_id,
                )
            )
        log.info(
            "erasure %s: %s %s: %d of %d records changed",
            self.plan.request_id,
            action,
            plan.dataset,
            count,
            len(keys),
        )
        if self.on_batch:
            self.on_batch(plan.dataset, action, count)
        return count

    def _sql(self, plan: DatasetPlan) -> tuple[SqlConnector, Any, sa.TableClause]:
        connector = self.connectors[plan.system]
        assert isinstance(connector, SqlConnector)
        dataset = self.datamap.dataset(plan.dataset).dataset
        return connector, dataset, connector.table(dataset)

    def _delete_rows(self, plan: DatasetPlan, keys: list[tuple]) -> int:
        connector, dataset, _ = self._sql(plan)
        with connector.engine.begin() as conn:
            return connector.delete_keys(conn, dataset, plan.key_fields, keys)

    def _anonymise_rows(self, plan: DatasetPlan, keys: list[tuple]) -> int:
        connector, dataset, table = self._sql(plan)
        change = Anonymisation(dict(plan.constant), tuple(plan.tokens))
        pk = plan.key_fields
        with connector.engine.begin() as conn:
            # Lock the rows still to change: a concurrent run waits, then finds them done.
            todo = [
                tuple(r)
                for r in conn.execute(
                    sa.select(*(table.c[k] for k in pk))
                    .where(_in(table, pk, keys) & sa.not_(is_anonymised(table, change)))
                    .with_for_update()
                )
            ]
            if not todo:
                return 0
            if change.tokens:
                rows = [
                    {**dict(zip(pk, key, strict=True)), **change.constant, **change.row_values()}
                    for key in todo
                ]
                return connector.update_rows(conn, dataset, pk, rows)
            return connector.update_keys(conn, dataset, pk, todo, change.constant)

    def _restrict_rows(self, plan: DatasetPlan, keys: list[tuple]) -> int:
        connector, _, table = self._sql(plan)
        flag = table.c[plan.restriction_flag]
        with connector.engine.begin() as conn:
            result = conn.execute(
                sa.update(table)
                .where(_in(table, plan.key_fields, keys) & (flag.is_(None) | (flag == sa.false())))
                .values({plan.restriction_flag: True})
            )
            return result.rowcount

    def _delete_objects(self, plan: DatasetPlan, keys: list[tuple]) -> int:
        connector = self.connectors[plan.system]
        assert isinstance(connector, S3Connector)
        versions = list(connector.objects.versions_of(k[0] for k in keys))
        sum(connector.objects.delete_versions(versions))
        return len({v.key for v in versions})


def apply_plan(
    datamap: DataMap,
    plan: ErasurePlan,
    connectors: Mapping[str, Connector],
    ledger: Ledger,
    **options: Any,
) -> ApplyOutcome:
    return PlanApplier(datamap, plan, connectors, ledger, **options).run()


def _in(table: sa.TableClause, fields: list[str], keys: list[tuple]) -> sa.ColumnElement[bool]:
    if len(fields) == 1:
        return table.c[fields[0]].in_([k[0] for k in keys])
    return sa.tuple_(*(table.c[f] for f in fields)).in_(keys)


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
