"""Airflow's human-in-the-loop approval, with the decision kept whatever it is.

``ApprovalOperator`` skips the tasks after it by raising when someone rejects (or when the
timeout applies the default, Reject), which drops its return value; the run still has to tell
the ledger whether a person rejected the erasure or nobody answered. The decision is therefore
pushed to XCom (key ``decision``) before the base class acts on it: options and who answered,
nothing about the subject.
"""

from __future__ import annotations

from typing import Any

from airflow.providers.standard.operators.hitl import ApprovalOperator

DECISION_KEY = "decision"


class RecordedApprovalOperator(ApprovalOperator):
    """``ApprovalOperator`` that records the decision, and does not ask again for a plan that was
    approved before: when the preview task (``preview_task_id``) says it resumes an approved plan
    whose run did not finish (``gdpr.erasure.approved``), the decision recorded with that plan is
    passed on and the run goes on to complete it."""

    def __init__(self, *, preview_task_id: str = "preview", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.preview_task_id = preview_task_id

    def execute(self, context: Any) -> Any:
        planned = context["ti"].xcom_pull(task_ids=self.preview_task_id) or {}
        if planned.get("resumed") and planned.get("approval"):
            decision = dict(planned["approval"])
            context["ti"].xcom_push(key=DECISION_KEY, value=decision)
            self.log.info(
                "plan %s was approved on %s and its run did not finish: not asked again",
                str(planned.get("plan_sha256", ""))[:16],
                decision.get("responded_at") or "an earlier run",
            )
            return decision
        return super().execute(context)

    def execute_complete(self, context: Any, event: dict[str, Any]) -> Any:
        if "error" not in event:
            responded_at = event.get("responded_at")
            context["ti"].xcom_push(
                key=DECISION_KEY,
                value={
                    "chosen_options": list(event.get("chosen_options") or []),
                    "responded_by_user": event.get("responded_by_user"),
                    "responded_at": responded_at.isoformat() if responded_at else None,
                },
            )
        return super().execute_complete(context, event)
