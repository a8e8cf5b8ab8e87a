"""
### Restriction of processing of a subject's data (Art. 18 GDPR)

Triggered from the form (or the DPO desk's **Restrict** page) with a ledger **request id**
only: a `restriction` request (`gdpr request register --kind restriction --identity email
<address>`), or an `objection` request restricted while it is decided (Art. 18(1)(d)).
**Action**: `restrict` or `lift`.

1. **check_input**: an empty, malformed or unknown request id, a subject found nowhere, or a
   lifting without a restriction in force fails here, before anything is written.
2. **inform_subject** (lift only, Art. 18(3)): the subject is told before the restriction is
   lifted, once; the ledger records it. Lifting never runs without it.
3. **apply**: every record of the subject in every system is marked as the data map declares
   it: the dataset's `restriction_flag` is set, or, for a dataset without one (objects), the
   record is restricted in the ledger, which the purge and the checks honour like a flag.
   Lifting clears only the flags this request set. One evidence row per dataset.
4. **notify_recipients** (restrict only, Art. 19): one e-mail per recipient of the purposes
   concerned, once; the request is completed in the ledger.

XCom carries the request id and counts; the address stays in the ledger.
"""

from __future__ import annotations

from airflow.sdk import Param, dag, get_current_context, task

from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags
from gdpr.airflow.forms import subject_params


@dag(
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    tags=tags("restriction", "art18", "art19"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    params={
        **subject_params("restriction (or objection)", register_kind="restriction"),
        "action": Param(
            "restrict",
            type="string",
            enum=["restrict", "lift"],
            title="Action",
            description="restrict: mark every record of the subject (Art. 18(1)); lift: tell "
            "the subject, then end the restriction (Art. 18(3)).",
        ),
    },
)
def gdpr_subject_restriction():
    @task
    def check_input(params: dict | None = None) -> dict:
        from gdpr.airflow import restriction

        return restriction.check_input(params, run_id=get_current_context()["run_id"])

    @task
    def inform_subject(checked: dict) -> dict:
        from gdpr.airflow import restriction

        return restriction.inform_subject(checked, dag=get_current_context()["dag"])

    @task
    def apply(checked: dict, informed: dict) -> dict:
        from gdpr.airflow import restriction

        context = get_current_context()
        return restriction.apply(checked, dag_id=context["dag"].dag_id, run_id=context["run_id"])

    @task
    def notify_recipients(checked: dict, outcome: dict) -> dict:
        from gdpr.airflow import restriction

        return restriction.notify_recipients(checked, outcome, dag=get_current_context()["dag"])

    checked = check_input()
    notify_recipients(checked, apply(checked, inform_subject(checked)))


gdpr_subject_restriction()
