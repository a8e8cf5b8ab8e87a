"""
### Rectification of a subject's data (Art. 16 GDPR)

Triggered from the form with a ledger **request id** only. The subject's address, the
**field** to correct (a data category of the map's rectifiable fields: one choice covers every
system holding it) and the **corrected value** are registered in the ledger first:
the DPO desk's **Rectify** page (which then starts this DAG with the id alone), or
`gdpr request register --kind rectification --identity email <address> --field <category>
--value <new value>`, which prints the id. No personal value is typed into the form.

1. **check_input**: an empty, malformed or unknown request id, a request without a corrected
   value, or a field the map no longer declares rectifiable fails here, before anything is
   written.
2. **rectify**: sets the value in every record of the subject holding that field, in every
   system, one transaction per batch, only where it differs (a rerun changes nothing). The
   ledger records keyed hashes of the values before and after, never the values.
3. **notify_recipients** (Art. 19): one e-mail per recipient of the purposes concerned, once;
   the request is then completed in the ledger.

The corrected value stays in the ledger: tasks read it there, it is masked in task logs and
never copied into XCom, which carries the request id and counts.
"""

from __future__ import annotations

from airflow.sdk import dag, get_current_context, task

from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags
from gdpr.airflow.forms import subject_params


@dag(
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    tags=tags("rectification", "art16", "art19"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    params={
        **subject_params("rectification"),
    },
)
def gdpr_subject_rectification():
    @task
    def check_input(params: dict | None = None) -> dict:
        from gdpr.airflow import rectification

        return rectification.check_input(params, run_id=get_current_context()["run_id"])

    @task
    def rectify(checked: dict, params: dict | None = None) -> dict:
        from gdpr.airflow import rectification

        context = get_current_context()
        return rectification.apply(
            checked, params, dag_id=context["dag"].dag_id, run_id=context["run_id"]
        )

    @task
    def notify_recipients(checked: dict, outcome: dict, params: dict | None = None) -> dict:
        from gdpr.airflow import rectification

        return rectification.notify_recipients(
            checked, outcome, params, dag=get_current_context()["dag"]
        )

    checked = check_input()
    notify_recipients(checked, rectify(checked))


gdpr_subject_rectification()
