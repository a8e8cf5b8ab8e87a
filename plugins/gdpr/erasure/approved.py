"""Approved erasure plans in the ledger: what makes an interrupted erasure resumable.

The plan a person approved is recorded in the ledger (``ledger_erasure_plans``, with who
approved it and when, and an ``erasure.approved`` evidence row) before the first change. Until
the run that applies it finishes, it stays resumable: a retry of the erase task, or a new run of
``gdpr_subject_erasure`` / ``gdpr_subject_erasure_batch`` for the same requests, takes the
recorded plan instead of making a new preview, skips the approval (the decision recorded with
the plan stands) and completes exactly that plan. Nothing is added to it: a record of the
subject that appeared after the approval is not erased on the strength of that approval; the
verification finds it, marks the plan superseded and fails, and the next run previews it for a
new approval.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gdpr.erasure.batch import BatchPlan
from gdpr.ledger import ErasurePlanRecord, EvidenceInput, Ledger

APPROVED = "erasure.approved"
APPLIED, DONE, SUPERSEDED = "applied", "done", "superseded"


class PlanConflictError(ValueError):
    """Some of the requests belong to another approved erasure that has not finished."""


@dataclass(frozen=True)
class Resumable:
    batch: BatchPlan
    record: ErasurePlanRecord

    def decision(self) -> dict[str, Any]:
        """The approval recorded with the plan, in the shape the approval task pushes."""
        return {
            "chosen_options": ["Approve"],
            "responded_by_user": {"name": self.record.approved_by}
            if self.record.approved_by
            else None,
            "responded_at": self.record.approved_at,
            "resumed": True,
        }


def record_approved(
    ledger: Ledger,
    batch: BatchPlan,
    approval: Mapping[str, Any] | None,
    *,
    run_pk: int | None = None,
) -> ErasurePlanRecord:
    """Keep the approved plan (once: a retry or rerun of the same plan finds it)."""
    user = (approval or {}).get("responded_by_user") or {}
    record, created = ledger.record_erasure_plan(
        plan_sha256=batch.sha256,
        batch_id=batch.batch_id,
        request_ids=list(batch.plans),
        document=batch.to_json(),
        approved_by=user.get("name"),
        approved_at=(approval or {}).get("responded_at"),
        run_pk=run_pk,
    )
    if created:
        only = next(iter(batch.plans)) if len(batch.plans) == 1 else None
        ledger.record_evidence(
            EvidenceInput(
                action=APPROVED,
                count=len(batch.plans),
                keys_sha256=batch.sha256,
                detail={
                    "batch": batch.batch_id,
                    "plan_sha256": batch.merged.sha256,
                    "approved_at": record.approved_at,
                    "totals": batch.merged.totals(),
                },
                run_pk=run_pk,
                request_id=only,
            )
        )
    return record


def resumable(ledger: Ledger, request_ids: Sequence[str]) -> Resumable | None:
    """The approved, unfinished plan of exactly these requests, if there is one.

    Raises ``PlanConflictError`` when some of them belong to an unfinished plan of other
    requests too: that erasure is to be completed (rerun with its requests) first.
    """
    wanted = set(request_ids)
    for record in ledger.resumable_erasure_plans(request_ids):
        if set(record.request_ids) == wanted:
            return Resumable(BatchPlan.from_json(record.document), record)
        shared = sorted(wanted & set(record.request_ids))
        raise PlanConflictError(
            f"{len(shared)} of these requests ({', '.join(shared[:5])}) are part of the approved "
            f"erasure {record.batch_id} of {len(record.request_ids)} requests, which has not "
            "finished: run it again with exactly its requests to complete it"
        )
    return None


def approved_batch(ledger: Ledger, plan_sha256: str) -> BatchPlan | None:
    record = ledger.erasure_plan(plan_sha256)
    return None if record is None else BatchPlan.from_json(record.document)


def set_status(ledger: Ledger, plan_sha256: str, status: str) -> None:
    if ledger.erasure_plan(plan_sha256) is not None:
        ledger.set_erasure_plan_status(plan_sha256, status)
