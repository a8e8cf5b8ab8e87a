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
