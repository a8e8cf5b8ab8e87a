"""
### Deadline watch (Art. 12(3) and Art. 33(1) GDPR)

Every hour, computes the clock of every open subject request and breach from the ledger:

* **Requests**: one calendar month from receipt (31 January -> end of February), three months
  once an extension was recorded within the first month; optionally paused while the subject
  has not answered an identity check (data map `alerts.identity_check_pause`, off by default).
* **Breaches**: 72 hours from awareness until the notification to the authority is recorded;
  past that, the watch **escalates** and the record demands the reasons for the delay.

Alerts go by e-mail (SMTP connection `alerts.email_conn_id`, default `smtp_default`; recipients
default to the DPO) and, if `alerts.webhook_conn_id` names an HTTP connection, to a chat
webhook, at the data map's thresholds (default 7 and 2 days before, on the day, then daily).
Each alert is sent **once**, however often the watch runs; a failed send is retried next hour.

The **board** (HTML, reports location, `deadlines/board.html`) lists every open clock, least
time left first. Alerts and board carry request and breach ids only, never a person's identity.

Last, the identity of every request **closed for longer than its evidence period** (data map
`ledger.proof_period`, default five years) is erased from the ledger: the request, its history
and its chained snapshots stay as evidence it was answered, the person does not.
"""

from __future__ import annotations

from airflow.sdk import dag, get_current_context, task

from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags


@dag(
    schedule="@hourly",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    tags=tags("deadlines", "art12", "art33"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
)
def gdpr_deadline_watch():
    @task
    def alert() -> dict:
        from gdpr.airflow import deadlines

        context = get_current_context()
        return deadlines.alert(
            dag_id=context["dag"].dag_id, run_id=context["run_id"], dag=context["dag"]
        )

    @task
    def publish_board() -> dict:
        from gdpr.airflow import deadlines

        return deadlines.publish_board(run_id=get_current_context()["run_id"])

    @task
    def clear_identities() -> dict:
        from gdpr.airflow import deadlines

        return deadlines.clear_identities()

    alert() >> publish_board() >> clear_identities()


gdpr_deadline_watch()
