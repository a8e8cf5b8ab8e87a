"""
### Erasure of a subject's data (Art. 17 GDPR), with human approval

Triggered from the form: a ledger **request id** (registered by the intake, on the DPO desk or
with `gdpr request register --kind erasure --identity email <address>`; no personal value is
typed into the form), the Art. 17(1) **ground**, an optional note.

1. **check_input**: an empty, malformed or unknown request id fails here, before anything is
   written.
2. **preview**: finds the subject in every system of the data map and plans, per dataset, what
   is deleted, what is anonymised (the map's field strategies) and what is kept and why (a
   retention rule's legal obligation, a legal hold in the ledger, S3 Object Lock). The plan and
   an HTML preview go to the reports location.
3. **approve**: Airflow's human-in-the-loop approval (Required actions). It shows the counts and
   the link to the preview. Nothing is erased until someone approves; **Reject** marks the
   request rejected in the ledger; without an answer before the timeout
   (`GDPR_ERASURE_APPROVAL_TIMEOUT`, default 7 days) nothing is erased.
4. **erase**: exactly the approved plan, children before parents, one transaction per batch,
   S3 objects with all their versions; kept records of the subject are restricted (Art. 18).
   Evidence first: an intent row before each batch commits, its settlement after. The
   approved plan is kept in the ledger: if the erasure stops between systems, a retry or a new
   run for the same request completes that plan without asking again (records that appeared
   since are left for a new approval). The subject's delivered access packages and staging
   files go too, every version. Once complete, a new run finds nothing left and says so.
5. **verify**: resolves the subject again; anything found that the plan does not keep fails
   the run.
6. **certificate**: an HTML certificate (print-ready) with what was erased, what was kept and
   why, and the hash-chained evidence, stored and recorded in the ledger.
7. **notify_recipients** (Art. 19): one e-mail per recipient of the affected purposes, once.
8. **suppress**: a keyed hash of the address on the marketing suppression list (Art. 21(3)).

XCom and logs carry the request id, counts, keys and hashes, never the subject's data.
"""

from __future__ import annotations

from airflow.sdk import Param, dag, get_current_context, task

from gdpr.airflow.approval import DECISION_KEY, RecordedApprovalOperator
from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags
from gdpr.airflow.forms import subject_params
from gdpr.erasure.grounds import GROUNDS
from gdpr.erasure.settings import approval_timeout

APPROVAL_BODY = """
Erase the personal data of request **{{ ti.xcom_pull(task_ids='preview')['request_id'] }}**
(Art. 17(1)({{ ti.xcom_pull(task_ids='preview')['ground'] }}))?

{% set t = ti.xcom_pull(task_ids='preview')['totals'] %}
| | records |
|---|---|
| deleted | {{ t.get('delete', 0) }} |
| anonymised (kept without personal data) | {{ t.get('anonymise', 0) }} |
| kept, with their legal reason | {{ t.get('keep', 0) }} |
| kept and restricted (Art. 18) | {{ t.get('restrict', 0) }} |
{% if not t.get('delete', 0) and not t.get('anonymise', 0) %}
**Nothing can be erased**: every record is kept for the legal reasons in the preview (Art. 17(3)).
Approving closes the request as **refused under Art. 12(4)** with a refusal notice giving the
reasons and the subject's right to complain; no certificate of erasure is issued.
{% endif %}

| dataset | deleted | anonymised | kept | restricted |
|---|---|---|---|---|
{%- for name, c in ti.xcom_pull(task_ids='preview')['counts'].items() %}
| {{ name }} | {{ c['delete'] }} | {{ c['anonymise'] }} | {{ c['keep'] }} | {{ c['restrict'] }} |
{%- endfor %}

**[Open the preview report]({{ ti.xcom_pull(task_ids='preview')['report_url'] }})**
(`{{ ti.xcom_pull(task_ids='preview')['report_key'] }}`): per dataset, what happens and why.

Approve applies exactly this plan (SHA-256 `{{ ti.xcom_pull(task_ids='preview')['plan_sha256'][:16] }}`).
Reject ends the run: nothing is erased and the request is marked rejected.
"""


@dag(
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    tags=tags("erasure", "art17", "art19"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    params={
        **subject_params("erasure"),
        "ground": Param(
            "a",
            type="string",
            enum=list(GROUNDS),
            values_display=GROUNDS,
            title="Ground for erasure (Art. 17(1))",
            description="Why the subject is entitled to erasure; recorded in the ledger and on the "
            "certificate.",
        ),
        "note": Param(
            None,
            type=["null", "string"],
            maxLength=2000,
            title="Note (optional)",
            description="Recorded with the request in the ledger. Do not paste personal data here.",
        ),
    },
)
def gdpr_subject_erasure():
    @task
    def check_input(params: dict | None = None) -> dict:
        from gdpr.airflow import erasure

        return erasure.check_input(params, run_id=get_current_context()["run_id"])

    @task
    def preview(check: dict) -> dict:
        from gdpr.airflow import erasure

        context = get_current_context()
        return erasure.make_preview(
            check["request_id"],
            check["ground"],
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
        )

    approve = RecordedApprovalOperator(
        task_id="approve",
        subject="Erasure of request {{ ti.xcom_pull(task_ids='preview')['request_id'] }}: approve?",
        body=APPROVAL_BODY,
        defaults="Reject",
        response_timeout=approval_timeout(),
    )

    @task
    def erase(planned: dict) -> dict:
        from gdpr.airflow import erasure

        context = get_current_context()
        return erasure.erase(
            planned,
            context["ti"].xcom_pull(task_ids="approve", key=DECISION_KEY),
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
        )

    @task
    def verify(planned: dict, erased: dict) -> dict:
        from gdpr.airflow import erasure

        return erasure.verify(planned)

    @task
    def certificate(planned: dict, erased: dict, verified: dict) -> dict:
        from gdpr.airflow import erasure

        context = get_current_context()
        return erasure.certify(
            planned,
            erased,
            context["ti"].xcom_pull(task_ids="approve", key=DECISION_KEY),
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
        )

    @task
    def notify_recipients(planned: dict, certified: dict) -> dict:
        from gdpr.airflow import erasure

        return erasure.notify_recipients(planned, dag=get_current_context()["dag"])

    @task
    def suppress(planned: dict, notified: dict) -> dict:
        from gdpr.airflow import erasure

        return erasure.add_suppression(planned)

    @task(trigger_rule="all_done")
    def finish(suppressed: dict | None = None) -> dict:
        from gdpr.airflow import erasure

        context = get_current_context()
        ti = context["ti"]
        return erasure.finish(
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
    certified = certificate(planned, erased, verify(planned, erased))
    finish(suppress(planned, notify_recipients(planned, certified)))


gdpr_subject_erasure()
