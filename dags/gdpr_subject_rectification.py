"""
### Rectification of a subject's data (Art. 16 GDPR)

Triggered from the form: the subject's **e-mail** or a ledger **request id**, the **field** to
correct (the data map's rectifiable fields, by data category: one choice covers every system
holding it) and the **corrected value**.

1. **check_input**: an unknown field, an empty value, a malformed address or an unknown
   subject fails here, before anything is written.
2. **rectify**: sets the value in every record of the subject holding that field, in every
   system, one transaction per batch, only where it differs (a rerun changes nothing). The
   ledger records keyed hashes of the values before and after, never the values.
3. **notify_recipients** (Art. 19): one e-mail per recipient of the purposes concerned, once;
   the request is then completed in the ledger.

The corrected value stays in the run's configuration: it is masked in task logs and never
copied into XCom, which carries the request id and counts.
"""

from __future__ import annotations

from airflow.sdk import Param, dag, get_current_context, task

from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags
from gdpr.airflow.forms import subject_params
from gdpr.datamap import load_datamap
from gdpr.erasure.rectifiable import choice_labels

FIELDS = choice_labels(load_datamap())


@dag(
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    tags=tags("rectification", "art16", "art19"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    params={
        **subject_params("rectification"),
        "field": Param(
            next(iter(FIELDS), ""),
            type="string",
            enum=list(FIELDS),
            values_display=FIELDS,
            title="Field to correct",
            description="A data category of the data map's rectifiable fields, and where it is held.",
        ),
        "value": Param(
            "",
            type="string",
            minLength=1,
            maxLength=200,
            title="Corrected value",
            description="Written to every system holding the field; the ledger keeps only a keyed "
            "hash of it.",
        ),
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
