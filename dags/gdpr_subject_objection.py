"""
### Objection to processing (Art. 21 GDPR)

Triggered from the form (or the DPO desk's **Object** page) with a ledger **request id** only
(`gdpr request register --kind objection --identity email <address>`) and the **ground**:

* **direct_marketing** (Art. 21(3), absolute): **withdraw_consents** clears every opt-in of
  the subject in the datasets the map declares `consent` for and sets the withdrawal time;
  **add_suppression** puts a keyed hash of the address on the suppression list (ground:
  objection), so the person is never re-imported; **notify_recipients** tells the recipients
  of the marketing purposes to stop, once each; **answer_subject** drafts the answer in the
  reports location (`objection/<request>/answer.html`) and completes the request.
* **legitimate_interest** (Art. 21(1)): **open_decision** records in the ledger the decision
  to take (uphold the processing with compelling legitimate grounds, or restrict then erase),
  with the subject's records concerned; the request stays open on its Art. 12(3) clock. Decide
  with `gdpr_request_decision` (refuse, with the grounds, to uphold) or run
  `gdpr_subject_restriction` with this request id, then the erasure (ground (c)).

**check_input** refuses a bad ground or request, a missing suppression key, or an Art. 21(1)
objection where nothing is on legitimate interest, before anything changes.
"""

from __future__ import annotations

from airflow.sdk import Param, dag, get_current_context, task

from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags
from gdpr.airflow.forms import subject_params


def body():
    """The task bodies, imported when a task runs (parsing imports nothing heavy)."""
    from gdpr.airflow import objection

    return objection


@dag(
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    tags=tags("objection", "art21"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    params={
        **subject_params("objection"),
        "ground": Param(
            "direct_marketing",
            type="string",
            enum=["direct_marketing", "legitimate_interest"],
            title="Objection to",
            description="direct_marketing: honoured at once (Art. 21(3)); legitimate_interest: "
            "opens a decision in the ledger (Art. 21(1)).",
        ),
    },
)
def gdpr_subject_objection():
    def ids() -> dict:
        context = get_current_context()
        return {"dag_id": context["dag"].dag_id, "run_id": context["run_id"]}

    @task
    def check_input(params: dict | None = None) -> dict:
        return body().check_input(params, run_id=get_current_context()["run_id"])

    @task.branch
    def by_ground(checked: dict) -> str:
        return "withdraw_consents" if checked["ground"] == "direct_marketing" else "open_decision"

    @task
    def withdraw_consents(checked: dict) -> dict:
        return body().withdraw_consents(checked, **ids())

    @task
    def add_suppression(checked: dict, withdrawal: dict) -> dict:
        return body().add_suppression(checked)

    @task
    def notify_recipients(checked: dict, suppressed: dict) -> dict:
        return body().notify_recipients(checked, dag=get_current_context()["dag"])

    @task
    def answer_subject(checked: dict, withdrawal: dict, notified: dict) -> dict:
        return body().answer_subject(checked, withdrawal)

    @task
    def open_decision(checked: dict) -> dict:
        return body().decide_later(checked, **ids())

    checked = check_input()
    withdrawal = withdraw_consents(checked)
    by_ground(checked) >> [withdrawal, open_decision(checked)]
    notified = notify_recipients(checked, add_suppression(checked, withdrawal))
    answer_subject(checked, withdrawal, notified)


gdpr_subject_objection()
