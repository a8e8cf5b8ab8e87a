"""
### Erasure of many subjects in one run (Art. 17 GDPR), with one human approval

For a backlog of erasure requests already in the ledger (from the intake, or earlier runs):
give their **request ids** (one per line), or choose **every open erasure request**, the
Art. 17(1) **ground** and an optional note. The steps are those of `gdpr_subject_erasure`,
done once for the whole list instead of once per person:

1. **check_input**: an unknown, closed or non-erasure request fails here, all problems listed,
   before anything is written. At most 5,000 requests per run.
2. **preview**: finds every subject at once and plans each one (deleted, anonymised, kept and
   why, exactly as for one subject); the HTML preview shows the totals per dataset and one line
   per request. Subjects with nothing left are closed as such at the end.
3. **approve**: one Required action for the whole list; **Reject** marks every request
   rejected; without an answer before the timeout (`GDPR_ERASURE_APPROVAL_TIMEOUT`) nothing is
   erased.
4. **erase**: the merged plan, children before parents, one transaction per batch of keys; each
   request gets its own evidence row (its plan's SHA-256, its counts, its keys' SHA-256). A rerun
   finds the plan applied and changes nothing.
5. **verify**: every subject resolved again; anything not kept with a reason fails the run.
6. **certificates**: one per request, stored and recorded in the ledger.
7. **notify_recipients** (Art. 19): one e-mail per recipient listing the people concerned; the
   ledger records each (request, recipient) notice, so none is sent twice.
8. **suppress**: the marketing suppression list gets a keyed hash per erased address.

XCom and logs carry request ids, counts, keys and hashes, never the subjects' data.
"""

from __future__ import annotations

from airflow.sdk import Param, dag, get_current_context, task

from gdpr.airflow.approval import DECISION_KEY, RecordedApprovalOperator
from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags
from gdpr.erasure.grounds import GROUNDS
from gdpr.erasure.settings import MAX_BATCH_SUBJECTS, approval_timeout

APPROVAL_BODY = """
{% set p = ti.xcom_pull(task_ids='preview') %}
Erase the personal data of **{{ p['subjects'] }} requests** (batch `{{ p['batch_id'] }}`,
Art. 17(1)({{ p['ground'] }}))? {{ p['nothing_left'] }} of them have nothing left to erase.

| | records |
|---|---|
| deleted | {{ p['totals'].get('delete', 0) }} |
| anonymised (kept without personal data) | {{ p['totals'].get('anonymise', 0) }} |
| kept, with their legal reason | {{ p['totals'].get('keep', 0) }} |
| kept and restricted (Art. 18) | {{ p['totals'].get('restrict', 0) }} |

**[Open the preview report]({{ p['report_url'] }})** (`{{ p['report_key'] }}`): per dataset and
per request, what happens and why.

Approve applies exactly this plan (SHA-256 `{{ p['plan_sha256'][:16] }}`).
Reject ends the run: nothing is erased and every request of the list is marked rejected.
"""


@dag(
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    tags=tags("erasure", "art17", "art19"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    params={
        "request_ids": Param(
            [],
            type="array",
            items={"type": "string", "pattern": r"^\s*[A-Za-z0-9][A-Za-z0-9_.-]*\s*$"},
            maxItems=MAX_BATCH_SUBJECTS,
            title="Erasure requests",
            description="Ledger ids of the erasure requests, one per line (e.g. R-2026-000123). "
            "Leave empty to choose every open erasure request below.",
        ),
        "all_open": Param(
            False,
            type="boolean",
            title="Every open erasure request",
            description="Erase for every erasure request still open in the ledger instead of a "
            "list (the preview shows them all before anything is done).",
        ),
        "ground": Param(
            "a",
            type="string",
            enum=list(GROUNDS),
            values_display=GROUNDS,
            title="Ground for erasure (Art. 17(1))",
            description="Why the subjects are entitled to erasure; recorded with each request and "
            "on each certificate.",
        ),
        "note": Param(
            None,
            type=["null", "string"],
            maxLength=2000,
            title="Note (optional)",
            description="Recorded with each request in the ledger. Do not paste personal data here.",
        ),
    },
)
def gdpr_subject_erasure_batch():
    @task
    def check_input(params: dict | None = None) -> dict:
        from gdpr.airflow import erasure_batch

        return erasure_batch.check_input(params, run_id=get_current_context()["run_id"])

    @task
    def preview(check: dict) -> dict:
        from gdpr.airflow import erasure_batch

        context = get_current_context()
        return erasure_batch.make_preview(
            check, dag_id=context["dag"].dag_id, run_id=context["run_id"]
        )

    approve = RecordedApprovalOperator(
        task_id="approve",
        subject="Erasure of {{ ti.xcom_pull(task_ids='preview')['subjects'] }} requests: approve?",
        body=APPROVAL_BODY,
        defaults="Reject",
        response_timeout=approval_timeout(),
    )

    @task
    def erase(planned: dict) -> dict:
        from gdpr.airflow import erasure_batch

        context = get_current_context()
        return erasure_batch.erase(
            planned,
            context["ti"].xcom_pull(task_ids="approve", key=DECISION_KEY),
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
        )

    @task
    def verify(planned: dict, erased: dict) -> dict:
        from gdpr.airflow import erasure_batch

        return erasure_batch.verify(planned)

    @task
    def certificates(planned: dict, verified: dict) -> dict:
        from gdpr.airflow import erasure_batch

        context = get_current_context()
        return erasure_batch.certify(
            planned,
            context["ti"].xcom_pull(task_ids="approve", key=DECISION_KEY),
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
        )

    @task
    def notify_recipients(planned: dict, certified: dict) -> dict:
        from gdpr.airflow import erasure_batch

        return erasure_batch.notify_recipients(planned, dag=get_current_context()["dag"])

    @task
    def suppress(planned: dict, notified: dict) -> dict:
        from gdpr.airflow import erasure_batch

        return erasure_batch.add_suppressions(planned)

    @task(trigger_rule="all_done")
    def finish(suppressed: dict | None = None) -> dict:
        from gdpr.airflow import erasure_batch

        context = get_current_context()
        ti = context["ti"]
        return erasure_batch.finish(
            ti.xcom_pull(task_ids="check_input"),
            ti.xcom_pull(task_ids="preview"),
            ti.xcom_pull(task_ids="approve", key=DECISION_KEY),
            ti.xcom_pull(task_ids="suppress"),
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
        )

    planned = preview(check_input())
    planned >> approve
    erased = erase(planned)
    approve >> erased
    certified = certificates(planned, verify(planned, erased))
    finish(suppress(planned, notify_recipients(planned, certified)))


gdpr_subject_erasure_batch()
