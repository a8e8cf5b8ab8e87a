"""
### Decide on a subject request: extend, refuse or close (Art. 12 GDPR)

The DPO records a decision on an open request, with its reason; both go to the ledger (the
request's status and history, and a hash-chained evidence row).

* **extend**: by two further months (Art. 12(3)), only within the first month after receipt
  and only once; tell the subject, with the reasons, before the first month ends. An extension
  asked for later is **refused** with a clear error and nothing is recorded.
* **refuse**: the request is refused (Art. 12(4)); the reason is kept. Tell the subject, with
  the reasons and their right to complain to the supervisory authority, within one month.
* **close**: the request has been answered.

The request id is the ledger reference (e.g. `R-2026-000012`) shown on the deadline board.
"""

from __future__ import annotations

from airflow.sdk import Param, dag, get_current_context, task

from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags


@dag(
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    tags=tags("deadlines", "art12"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    params={
        "request_id": Param(
            None,
            type=["null", "string"],
            maxLength=32,
            title="Request",
            description="Ledger reference of the request, e.g. R-2026-000012 (see the deadline "
            "board). Required: the run refuses an empty or unknown id.",
        ),
        "action": Param(
            "close",
            type="string",
            enum=["extend", "refuse", "close"],
            title="Decision",
            description="extend: two more months (only within the first month); refuse: with reasons "
            "(Art. 12(4)); close: the request was answered.",
        ),
        "reason": Param(
            None,
            type=["null", "string"],
            minLength=5,
            maxLength=2000,
            title="Reason",
            description="Why: recorded in the ledger. For an extension, the reason given to the subject "
            "(complexity, number of requests). Do not paste personal data here.",
        ),
    },
)
def gdpr_request_decision():
    @task
    def record_decision(params: dict | None = None) -> dict:
        from gdpr.airflow import deadlines

        context = get_current_context()
        return deadlines.record_decision(
            params.get("request_id") or "",
            params["action"],
            params.get("reason") or "",
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
        )

    record_decision()


gdpr_request_decision()
