"""gdpr_breach_response as the DPO sees it: the form's choices come from the data map's YAML,
and the run waits for a human (HITL) after the drafts, before recording the notification.

The steps themselves are tested on the demo data in tests/integration/test_breach.py (counts)
and test_breach_record.py (the 72-hour rule, the Art. 34(3) exemptions); a full dag.test() run
answering the HITL task from a thread did not resume reliably on SQLite, so the runs here stop
at the DPO's answer (marked successful without running).
"""

from __future__ import annotations

import pytest
from airflow.providers.standard.operators.hitl import HITLOperator

from gdpr.breach.exemptions import EXEMPTIONS, NO_EXEMPTION
from gdpr.ledger import Ledger
from tests.conftest import ROOT
from tests.dags.conftest import task_states

DAG_ID = "gdpr_breach_response"


def _dag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(ROOT / "dags" / f"{DAG_ID}.py")).get_dag(DAG_ID)


def test_the_form_offers_the_data_maps_datasets_and_categories(airflow_db, datamap):
    params = _dag().params
    assert params.get_param("datasets").schema["items"]["enum"] == datamap.dataset_ids()
    categories = params.get_param("categories").schema["items"]["enum"]
    assert "user.contact.email" in categories
    assert params["high_risk"] is False
    assert params["aware_at"] is None  # empty means now


def test_the_run_waits_for_the_dpo_after_the_drafts_and_before_the_record(airflow_db):
    dag = _dag()
    wait = dag.get_task("wait_for_notification")
    assert isinstance(wait, HITLOperator)
    assert set(wait.params) >= {"reference", "submitted_at", "delay_reason"}
    assert wait.upstream_task_ids == {"draft"}
    assert dag.get_task("record_notification").upstream_task_ids == {
        "register",
        "wait_for_notification",
    }


def test_the_form_offers_the_art_34_3_exemptions_as_a_typed_choice(airflow_db):
    param = _dag().params.get_param("communication_exemption")
    assert param.value == NO_EXEMPTION
    assert param.schema["enum"] == [NO_EXEMPTION, *EXEMPTIONS]
    assert set(param.schema["values_display"]) == {NO_EXEMPTION, *EXEMPTIONS}


def _run_to_the_answer(**conf):
    """One real run up to the DPO's answer (register, assess, draft)."""
    return _dag().test(
        run_conf=conf, mark_success_pattern="^(wait_for_notification|record_notification)$"
    )


def _keys(s3, location, prefix: str) -> set[str]:
    listing = s3.list_objects_v2(Bucket=location.bucket, Prefix=f"{location.prefix}{prefix}")
    return {o["Key"].rsplit("/", 1)[-1] for o in listing.get("Contents", [])}


FORM = {
    "title": "Laptop lost with a CRM export",
    "datasets": ["crm.customers"],
    "categories": ["user.contact.email"],
    "description": "A laptop holding an export of the CRM was lost in a train.",
    "high_risk": True,
}


@pytest.mark.parametrize(
    ("exemption", "drafts", "subject_list"),
    [
        ("unintelligible", {"notification-art33.html"}, False),
        (
            "disproportionate_effort",
            {"notification-art33.html", "public-communication-art34.html"},
            False,
        ),
        (NO_EXEMPTION, {"notification-art33.html", "communication-art34.html"}, True),
    ],
)
def test_the_run_drafts_what_the_exemption_calls_for_and_the_evidence_says_why(
    demo_org, airflow_db, exemption, drafts, subject_list
):
    reason = "AES-256 full-disk encryption; the key was not on the laptop."
    run = _run_to_the_answer(
        **FORM,
        communication_exemption=exemption,
        exemption_reason=reason if exemption != NO_EXEMPTION else None,
    )
    assert task_states(run)[("draft", -1)] == "success", task_states(run)
    ledger = Ledger(demo_org.ledger)
    (breach,) = ledger.open_breaches()
    datamap = demo_org.datamap
    prefix = f"breaches/{breach.breach_id}/"
    assert _keys(demo_org.s3, datamap.reports, prefix) == drafts
    listed = _keys(demo_org.s3, datamap.delivery, prefix) == {"affected-subjects.csv"}
    assert listed is subject_list  # nobody is written to under an exemption: no list
    register, draft = ledger.evidence(actions=["breach.register", "breach.draft"])
    if exemption == NO_EXEMPTION:
        assert breach.communication_exemption is None
        assert "communication_exemption" not in register.detail
        assert draft.detail["subjects_told_by"] == "letter"
        return
    citation = EXEMPTIONS[exemption].citation
    assert breach.communication_exemption == exemption
    assert breach.exemption_reason == reason
    for row in (register, draft):
        assert row.detail["communication_exemption"] == exemption
        assert row.detail["exemption_reason"] == reason
        assert citation in row.citation
    assert draft.detail["subjects_told_by"] == (
        "public" if exemption == "disproportionate_effort" else "none"
    )
