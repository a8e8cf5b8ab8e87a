"""
### Retention purge (Art. 5(1)(e) GDPR, storage limitation)

Every night, applies each retention rule of the data map: selects the records whose period
has run out, leaves out those under a **legal hold**, those of subjects with an **open
request** and **restricted** ones (Art. 18), then deletes or anonymises the rest in batches,
children before parents, across the databases and S3 (every object version and delete marker).
Datasets a rule must `keep` (records a legal obligation keeps longer) are anonymised
instead of deleted.

* One mapped task per rule: a failing rule does not stop the others. With **Parts per rule**
  above 1, each rule's expired records are split into that many parts, each its own task, so a
  large purge spreads over the workers; what two parts could both reach (a record linked to
  another part's, a record shared between parties) is left to the rule's **final pass**, which
  decides it as a single task would. A rule joined on normalised values runs whole.
* **Dry run** (trigger form) computes exactly the same selection and writes a preview report
  without changing anything; with an **As of** date it previews what a purge on that day
  would select ("what will be purged on 1 January").
* Periods are cut at the run's logical date (the end of its data interval; a manual run without
  one: its trigger time), so a rerun or a backfill cuts where the scheduled run did. The last day
  of a period is kept.
* Evidence first: each batch appends an intent to the hash-chained ledger before it changes
  anything and a settlement after its commits (counts, SHA-256 of the keys, rule, citation);
  afterwards the purge checks that nothing it selected remains and every batch is settled.
* Logs show progress per batch, counts only. A report (HTML) goes to the reports location.
* Each purged dataset emits an asset event (`gdpr://<system>/<dataset>`) through the alias
  `gdpr_retention_purged`, so downstream DAGs can react.
"""

from __future__ import annotations

from airflow.sdk import AssetAlias, Param, dag, get_current_context, task

from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags
from gdpr.breach.choices import rule_choices

RULES = rule_choices()  # the local data map's YAML only: no database at parse time

ALIAS = "gdpr_retention_purged"  # gdpr.airflow.retention.ASSET_ALIAS


@dag(
    schedule="@daily",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    tags=tags("retention", "art5"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    params={
        "dry_run": Param(
            False,
            type="boolean",
            title="Dry run",
            description="Compute the selection and write the preview report without changing anything.",
        ),
        "rules": Param(
            [],
            type=["null", "array"],
            items={"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"},
            examples=RULES,  # a multi-select pick list in the trigger form
            title="Only these rules",
            description="Retention rules of the data map. Empty: every rule.",
        ),
        "as_of": Param(
            None,
            type=["null", "string"],
            format="date",
            title="As of (preview)",
            description="With Dry run: preview the purge as of this date (YYYY-MM-DD, in the "
            "organisation's calendar). Empty: the run's logical date.",
        ),
        "batch_size": Param(
            2000,
            type="integer",
            minimum=10,
            maximum=50000,
            title="Batch size",
            description="The most expired records a batch takes (its memory).",
        ),
        "transaction_seconds": Param(
            0.25,
            type="number",
            minimum=0.05,
            maximum=30,
            title="Transaction length (seconds)",
            description="Batches are sized as the purge goes so that each write transaction "
            "takes about this long: how long the purge may keep records locked from the "
            "applications that use them.",
        ),
        "parts": Param(
            1,
            type="integer",
            minimum=1,
            maximum=64,
            title="Parts per rule",
            description="Split each rule's expired records into this many parts, each purged by "
            "its own task at the same time (spread over the workers). 1: one task per rule.",
        ),
    },
)
def gdpr_retention_purge():
    @task
    def select_rules(params: dict | None = None) -> list[str]:
        from gdpr.airflow import retention

        # an as_of date on a real purge fails here, before any rule runs
        retention.params_as_of(get_current_context(), params)
        return retention.select_rules(params["rules"])

    @task
    def split_rules(rules: list[str], params: dict | None = None) -> list[dict]:
        from gdpr.airflow import retention

        context = get_current_context()
        return retention.split_rules(
            rules,
            params["parts"],
            dry_run=params["dry_run"],
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
            now=retention.params_as_of(context, params),
        )

    @task(map_index_template="{{ task_label }}", outlets=[AssetAlias(ALIAS)])
    def purge_rule(
        rule_id: str, part: int, parts: int, params: dict | None = None, outlet_events=None
    ) -> dict:
        from gdpr.airflow import retention
        from gdpr.retention.partition import Part

        context = get_current_context()
        context["task_label"] = retention.task_label(rule_id, part, parts)
        outcome = retention.purge_rule(
            rule_id,
            dry_run=params["dry_run"],
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
            batch_size=params["batch_size"],
            transaction_seconds=params["transaction_seconds"],
            now=retention.params_as_of(context, params),
            part=Part(part, parts),
        )
        retention.emit_purged(outcome, outlet_events)
        return outcome

    @task(trigger_rule="all_done", outlets=[AssetAlias(ALIAS)])
    def final_pass(tasks: list[dict], outcomes: list[dict], params=None, outlet_events=None):
        from gdpr.airflow import retention

        context = get_current_context()
        finals = retention.final_passes(
            tasks,
            outcomes,
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
            batch_size=params["batch_size"],
            transaction_seconds=params["transaction_seconds"],
            now=retention.params_as_of(context, params),
        )
        for outcome in finals:
            retention.emit_purged(outcome, outlet_events)
        return finals

    @task(trigger_rule="all_done")
    def report(tasks: list[dict], outcomes: list[dict], finals: list[dict], params=None) -> dict:
        from gdpr.airflow import retention

        context = get_current_context()
        return retention.report(
            tasks,
            outcomes,
            finals,
            dry_run=params["dry_run"],
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
        )

    tasks = split_rules(select_rules())
    outcomes = purge_rule.expand_kwargs(tasks)
    report(tasks, outcomes, final_pass(tasks, outcomes))


gdpr_retention_purge()
