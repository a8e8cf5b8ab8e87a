"""
### Request intake (Art. 12(3) GDPR: the clock starts at receipt)

Every 15 minutes, reads the records the data map's `intake` rule recognises as privacy
requests (for example records whose category says "access" or "erasure") and records each
new one in the ledger as a subject request:

* **received** at the record's own creation time, so the one-month clock starts when the
  person asked, not when this DAG ran; **due** one calendar month later;
* kind (access, portability, erasure, rectification, objection, restriction), channel and the
  record's reference; the requester's e-mail stays in the ledger, never in Airflow.

A record is taken **once**: reruns and overlapping runs skip what the ledger already holds.
Each new request gets an **acknowledgement** written back on the record (the `intake.reply`
dataset): the request reference and the due date, no personal data.

**Access and portability** requests start their export at once (`gdpr_subject_access` with
the request id). **Erasure, rectification, objection and restriction** wait for the DPO.
"""

from __future__ import annotations

from airflow.providers.standard.operators.trigger_dagrun import TriggerDagRunOperator
from airflow.sdk import dag, get_current_context, task

from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags

EXPORT_DAG = "gdpr_subject_access"


@dag(
    schedule="*/15 * * * *",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    tags=tags("intake", "art12"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
)
def gdpr_request_intake():
    @task
    def take() -> dict:
        from gdpr.airflow import intake

        context = get_current_context()
        return intake.take(dag_id=context["dag"].dag_id, run_id=context["run_id"])

    @task
    def exports_to_start(outcome: dict) -> list[dict]:
        from gdpr.airflow import intake

        return intake.exports_to_start(outcome)

    @task
    def mark_started(outcome: dict) -> int:
        from gdpr.airflow import intake

        return intake.mark_started(outcome)

    outcome = take()
    start = TriggerDagRunOperator.partial(
        task_id="start_export",
        trigger_dag_id=EXPORT_DAG,
        skip_when_already_exists=True,
        wait_for_completion=False,
    ).expand_kwargs(exports_to_start(outcome))
    start >> mark_started(outcome)


gdpr_request_intake()
