"""
### Minimisation checks (Art. 5(1)(c), 5(1)(e), 9 GDPR)

Every day, validates each SQL dataset of the data map with **Great Expectations** suites built
from the map, plus the hand-written suites of `include/expectations/`:

1. **schema**: the table's columns are exactly the declared fields (an undeclared column is
   personal data nobody accounted for);
2. fields marked `necessary: false` are **empty**;
3. `free_text` fields hold no **Art. 9 special category** (health, religion, political
   opinion, union membership, ethnic origin, sexual orientation, biometric/genetic data) and
   no **identifier** (Luhn-valid card number, IBAN, NIR, password), French and English; the
   same for the objects of S3 datasets declared `text_objects` (plain-text files);
4. no record is older than its **retention rule** allows (what the purge missed or could not
   reach; legal holds, open requests and restrictions excepted);
5. marketing **consent** has an opt-in with a timestamp and a source, and withdrawals are honoured;
6. S3 datasets that declare their `documents` hold **no file of a forbidden kind** (a bank
   statement in a tenant file), nor, when they list the kinds allowed, of any other kind: each
   file is reported by key and kind.

* One mapped task per dataset: a dataset that cannot be checked does not stop the others.
* Findings name the dataset, the row key and the category, **never the text**. They go to the
  reports location with the GX Data Docs (counts only); the ledger keeps a summary per dataset.
* Anything found, or a dataset that could not be checked, alerts the DPO by e-mail.
"""

from __future__ import annotations

from airflow.sdk import Param, dag, get_current_context, task

from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags
from gdpr.breach.choices import checked_dataset_choices

DATASETS = checked_dataset_choices()  # the local data map's YAML only: no database at parse time


@dag(
    schedule="@daily",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    tags=tags("minimisation", "art5", "art9"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    params={
        "datasets": Param(
            [],
            type=["null", "array"],
            items={"type": "string", "pattern": "^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$"},
            examples=DATASETS,  # a multi-select pick list in the trigger form
            title="Only these datasets",
            description="Datasets of the data map (system.dataset). Empty: every SQL dataset and "
            "every S3 dataset of text objects.",
        ),
        "chunk_size": Param(
            20000,
            type="integer",
            minimum=100,
            maximum=200000,
            title="Free-text chunk size",
            description="Rows of free text validated per batch. Smaller chunks use less memory.",
        ),
    },
)
def gdpr_minimisation_checks():
    @task
    def select_datasets(params: dict | None = None) -> list[str]:
        from gdpr.airflow import minimisation

        return minimisation.select_datasets(params["datasets"])

    @task(map_index_template="{{ dataset_id }}")
    def check_dataset(dataset_id: str, params: dict | None = None) -> dict:
        from gdpr.airflow import minimisation
        from gdpr.airflow.retention import run_as_of

        context = get_current_context()
        context["dataset_id"] = dataset_id
        return minimisation.check(
            dataset_id,
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
            chunk_size=params["chunk_size"],
            now=run_as_of(context),  # cut where the purge of the same logical date cuts
        )

    @task(trigger_rule="all_done")
    def report(datasets: list[str] | None, summaries: list[dict]) -> dict:
        from gdpr.airflow import minimisation

        context = get_current_context()
        return minimisation.report(
            None if datasets is None else list(datasets),
            [s for s in summaries or [] if s],
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
            context=context,
        )

    datasets = select_datasets()
    report(datasets, check_dataset.expand(dataset_id=datasets))


gdpr_minimisation_checks()
