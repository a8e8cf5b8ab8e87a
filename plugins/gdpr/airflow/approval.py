"""Airflow's human-in-the-loop approval: four eyes, and the decision kept whatever it is.

Four eyes (``GDPR_FOUR_EYES``, on by default): the person who triggered the run cannot answer
its approval. The task is assigned to the approvers of ``GDPR_APPROVERS`` other than that
person, so Airflow itself refuses anyone else (its HITL API checks assigned users); and an
answer given by the requester anyway (no approvers configured, or an auth manager that lets
admins answer everything) is refused (``gdpr.airflow.refusal``: one sentence, no traceback, no
retry), so nothing is erased or submitted.

``ApprovalOperator`` skips the tasks after it by raising when someone rejects (or when the
timeout applies the default, Reject), which drops its return value; the run still has to tell
the ledger whether a person rejected the erasure or nobody answered. The decision is therefore
pushed to XCom (key ``decision``) before the base class acts on it: options and who answered,
nothing about the subject.
"""

from __future__ import annotations

from typing import Any

from airflow.providers.standard.operators.hitl import ApprovalOperator, HITLOperator

from gdpr.airflow.refusal import refuse
from gdpr.erasure.settings import approvers, four_eyes

DECISION_KEY = "decision"


class FourEyes:
    """Mixed into a HITL operator: assigned to the approvers other than the requester, and an
    answer by the requester refused."""

    def _assign(self, context: Any) -> None:
        requester = _requester(context)
        names = approvers()
        if not names:
            return
        allowed = [n for n in names if not (four_eyes() and n == requester)]
        if not allowed:
            raise refuse(
                f"{requester} asked for this run and is the only approver in GDPR_APPROVERS: "
                "another person must approve it (four-eyes rule); add a second approver"
            )
        self.assigned_users = [{"id": n, "name": n} for n in allowed]

    def _check(self, context: Any, event: dict[str, Any]) -> None:
        if "error" in event or not four_eyes():
            return
        requester = _requester(context)
        answered = event.get("responded_by_user") or {}
        if requester and requester in {answered.get("id"), answered.get("name")}:
            raise refuse(
                f"{requester} asked for this run and cannot also approve it (four-eyes rule): "
                "nothing was done; trigger it again and let another approver answer"
            )


def _requester(context: Any) -> str | None:
    run = context.get("dag_run")
    return getattr(run, "triggering_user_name", None) if run is not None else None


class FourEyesHITLOperator(FourEyes, HITLOperator):
    """``HITLOperator`` under the four-eyes rule (breach submissions)."""

    def execute(self, context: Any) -> Any:
        self._assign(context)
        return super().execute(context)

    def execute_complete(self, context: Any, event: dict[str, Any]) -> Any:
        self._check(context, event)
        return super().execute_complete(context, event)


class RecordedApprovalOperator(FourEyes, ApprovalOperator):
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
        self._assign(context)
        return super().execute(context)

    def execute_complete(self, context: Any, event: dict[str, Any]) -> Any:
        self._check(context, event)
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
