"""
### Record of processing activities (Art. 30 GDPR)

Every day, checks the data map (`include/datamap.yaml`, or `$GDPR_DATAMAP`) against the live
systems and publishes the record of processing activities as HTML and CSV to the data map's
`reports` location.

* **Missing** tables, columns or buckets the map declares fail the run: the map is wrong, and
  every job built on it would be too.
* **Undeclared** columns are findings for the DPO: personal data nobody accounted for until
  someone looks.

The register lists, per purpose: controller and DPO, legal basis, categories of subjects and
data, recipients, third-country transfers and safeguards, time limits for erasure and the
security measures. The run and the report's SHA-256 are recorded in the ledger, and the
ledger's evidence chain is checked against the heads published to the anchor bucket (as
`gdpr ledger verify` does): the log and the task's result say whether its head matches the last
published head, and an error line names the first contradiction.
"""

from __future__ import annotations

from airflow.sdk import dag, get_current_context, task

from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags


@dag(
    schedule="@daily",
    start_date=START_DATE,
    catchup=False,
    tags=tags("art30", "register"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    max_active_runs=1,
)
def gdpr_processing_register():
    @task
    def list_systems() -> list[str]:
        from gdpr.airflow import register

        return register.list_systems()

    @task(map_index_template="{{ system_name }}")
    def check_system(system_name: str) -> dict:
        from gdpr.airflow import register

        get_current_context()["system_name"] = system_name
        return register.check_system(system_name)

    @task
    def render_register(checks: list[dict]) -> dict:
        from gdpr.airflow import register

        context = get_current_context()
        return register.render(list(checks), context["dag"].dag_id, context["run_id"])

    @task
    def require_map_matches_systems(checks: list[dict]) -> None:
        from gdpr.airflow import register

        register.require_match(list(checks))

    checks = check_system.expand(system_name=list_systems())
    render_register(checks) >> require_map_matches_systems(checks)


gdpr_processing_register()
