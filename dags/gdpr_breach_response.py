"""
### Breach response (Art. 33 and 34 GDPR)

The DPO declares a personal data breach from the trigger form. The run:

1. **registers** it in the ledger (every breach is documented, Art. 33(5)) and starts the
   **72-hour clock** from the time of awareness (default: now);
2. **counts** the affected subjects and records in the datasets named in the form; the list of
   subjects goes to the delivery location as an encrypted file (never into Airflow);
3. **drafts** the notification to the supervisory authority with the Art. 33(3) items (nature,
   categories and approximate numbers, DPO contact, likely consequences, measures) and, when the
   risk is high, the Art. 34 communication to the subjects in plain French and English (HTML in
   the reports location, `breaches/<id>/`). An Art. 34(3) exemption chosen on the form, with its
   justification, is kept in the record and the evidence: under (a) encrypted data or (b) risk
   no longer likely no letter is drafted (nor the list of people written), under (c)
   disproportionate effort a public communication is drafted instead;
4. **waits** for the DPO to record the submission (authority's reference and time; choose
   "initial phase" for a phased notification, Art. 33(4)). Past 72 hours the deadline watch
   escalates, and recording a late notification requires the reasons for the delay.

Open the waiting task (Required actions) to answer. If the answer is refused (for example a late
notification without reasons), clear `wait_for_notification` and answer again.
"""

from __future__ import annotations

from airflow.sdk import Param, dag, get_current_context, task

from gdpr.airflow.approval import FourEyesHITLOperator
from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags
from gdpr.breach.choices import category_choices, dataset_choices
from gdpr.breach.exemptions import EXEMPTIONS, NO_EXEMPTION

DATASETS = dataset_choices()
EXEMPTION_LABELS = {name: f"{e.citation}: {e.label}" for name, e in EXEMPTIONS.items()}
CATEGORIES = category_choices()
COMPLETE = "Notified: complete"
INITIAL = "Notified: initial phase, more to follow (Art. 33(4))"


@dag(
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    tags=tags("breach", "art33", "art34"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    params={
        "title": Param(
            None,
            type=["null", "string"],
            minLength=3,
            maxLength=200,
            title="Title",
            description="A short name for the breach, e.g. 'Laptop stolen with an export of the CRM'. "
            "Required: the run refuses an empty title.",
        ),
        "aware_at": Param(
            None,
            type=["null", "string"],
            format="date-time",
            title="Time of awareness",
            description="When the organisation became aware of the breach (the 72 hours run from "
            "here). Empty: now. Without a time zone, the organisation's time zone is used.",
        ),
        "datasets": Param(
            None,
            type=["null", "array"],
            items={"type": "string", "enum": DATASETS},
            examples=DATASETS,  # what makes Airflow's form render a multi-select pick list
            uniqueItems=True,
            title="Affected datasets",
            description="Systems and datasets whose records were exposed (system.dataset), from "
            "the data map. Required: the run refuses an empty choice.",
        ),
        "categories": Param(
            None,
            type=["null", "array"],
            items={"type": "string", "enum": CATEGORIES},
            examples=CATEGORIES,
            uniqueItems=True,
            title="Categories of data",
            description="Data categories concerned (from the data map's taxonomy).",
        ),
        "description": Param(
            None,
            type=["null", "string"],
            minLength=10,
            maxLength=4000,
            title="What happened",
            description="The nature of the breach in plain words. No personal data here. Required: "
            "the run refuses an empty description.",
        ),
        "high_risk": Param(
            False,
            type="boolean",
            title="High risk to the people concerned",
            description="If checked, the run also drafts the Art. 34 communication to the subjects.",
        ),
        "communication_exemption": Param(
            NO_EXEMPTION,
            type="string",
            enum=[NO_EXEMPTION, *EXEMPTIONS],
            values_display={NO_EXEMPTION: "None: write to each person", **EXEMPTION_LABELS},
            title="Art. 34(3) exemption",
            description="With a high risk only: why the people concerned are not written to one "
            "by one. No letter is drafted; under (c) a public communication is drafted instead. "
            "Requires the justification below.",
        ),
        "exemption_reason": Param(
            None,
            type=["null", "string"],
            maxLength=2000,
            title="Justification of the exemption",
            description="Why the exemption applies, e.g. 'the laptop's disk was encrypted with "
            "AES-256 and the key was not on it'. No personal data here. Kept in the breach record "
            "and its evidence.",
        ),
        "consequences": Param(
            None,
            type=["null", "string"],
            maxLength=2000,
            title="Likely consequences",
            description="For the drafts (Art. 33(3)(c)); can be completed later in the draft.",
        ),
        "measures": Param(
            None,
            type=["null", "string"],
            maxLength=2000,
            title="Measures taken or proposed",
            description="For the drafts (Art. 33(3)(d)); can be completed later in the draft.",
        ),
    },
)
def gdpr_breach_response():
    @task
    def register(params: dict | None = None) -> dict:
        from gdpr.airflow import breach

        context = get_current_context()
        return breach.register(params, dag_id=context["dag"].dag_id, run_id=context["run_id"])

    @task
    def assess(registered: dict) -> dict:
        from gdpr.airflow import breach

        context = get_current_context()
        return breach.assess(
            registered["breach_id"], dag_id=context["dag"].dag_id, run_id=context["run_id"]
        )

    @task
    def draft(registered: dict, scope: dict, params: dict | None = None) -> dict:
        from gdpr.airflow import breach

        return breach.draft(
            registered["breach_id"],
            scope,
            consequences=params["consequences"],
            measures=params["measures"],
            run_id=get_current_context()["run_id"],
        )

    @task
    def record_notification(registered: dict, response: dict) -> dict:
        from gdpr.airflow import breach

        context = get_current_context()
        return breach.record(
            registered["breach_id"],
            response,
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
        )

    registered = register()
    drafts = draft(registered, assess(registered))
    wait_for_notification = FourEyesHITLOperator(
        task_id="wait_for_notification",
        subject="Record the notification of breach "
        "{{ ti.xcom_pull(task_ids='register')['breach_id'] }} to the supervisory authority",
        body="Due by {{ ti.xcom_pull(task_ids='register')['due_at'] }} (72 hours, Art. 33(1)). "
        "Drafts: `{{ ti.xcom_pull(task_ids='draft') }}` in the reports location. Enter the "
        "authority's reference and the time of submission; past 72 hours, the reasons for the "
        "delay are required.",
        options=[COMPLETE, INITIAL],
        params={
            "reference": Param(
                None,
                type=["null", "string"],
                maxLength=200,
                title="Authority's reference",
                description="The reference the authority gave the notification.",
            ),
            "submitted_at": Param(
                None,
                type=["null", "string"],
                format="date-time",
                title="Time of submission",
                description="When the notification was sent.",
            ),
            "delay_reason": Param(
                None,
                type=["null", "string"],
                maxLength=2000,
                title="Reasons for the delay",
                description="Required when notified more than 72 hours after awareness.",
            ),
            "subjects_notified_at": Param(
                None,
                type=["null", "string"],
                format="date-time",
                title="Subjects informed at",
                description="When the people concerned were informed (Art. 34), if they were.",
            ),
        },
    )
    drafts >> wait_for_notification
    record_notification(registered, wait_for_notification.output)


gdpr_breach_response()
