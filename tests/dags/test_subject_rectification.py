"""gdpr_subject_rectification run for real: every system updated, recipients told, value kept out."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa

from gdpr.demo import PLANTED
from gdpr.erasure.notify import recipients_for
from gdpr.ledger import Ledger, verify_chain
from tests.dags.conftest import personal_values, task_states, xcom_text

DAG_ID = "gdpr_subject_rectification"
SUBJECT = PLANTED.subject
NEW = "Duranté-Villeneuve"


@pytest.fixture
def org(demo_org, smtp_server, monkeypatch):
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", "rectification-key-0123456789abcdef")
    demo_org.mail = smtp_server
    return demo_org


def last_names(engine):
    with engine.connect() as conn:
        return (
            conn.execute(
                sa.text("SELECT last_name FROM customers WHERE customer_id = 1")
            ).scalar_one(),
            conn.execute(
                sa.text("SELECT last_name FROM prospects WHERE prospect_id = 1")
            ).scalar_one(),
        )


def test_rectification_reaches_every_system_and_its_recipients(org, run_dag, capfd, caplog):
    caplog.set_level(logging.INFO)

    dag_run = run_dag(DAG_ID, subject_email=SUBJECT.email, field="user.name.last", value=NEW)

    assert dag_run.state == "success", task_states(dag_run)
    assert last_names(org.crm) == (NEW, NEW)
    ledger = Ledger(org.ledger)
    (request,) = [
        ledger.get_request(n.target) for n in ledger.notifications(topic="art19_rectification")
    ][:1]
    assert request.status == "completed"
    expected = {
        n.recipient for n in recipients_for(org.datamap, ["crm.customers", "crm.prospects"])
    }
    assert expected
    for address in expected:
        (message,) = org.mail.to(address)
        assert NEW in message.get_body(("html",)).get_content(), "the recipient gets the correction"
    assert verify_chain(org.ledger).ok
    evidence = ledger.evidence(request_id=request.request_id)
    assert NEW not in str([e.detail for e in evidence])

    logs = capfd.readouterr()
    text = logs.out + logs.err + caplog.text
    blob = xcom_text(dag_run)
    for value in (*personal_values(), NEW):
        assert value.lower() not in blob, "no personal value in XCom"
        assert value.lower() not in text.lower(), "no personal value in task logs"


@pytest.mark.parametrize(
    "conf",
    [
        {"subject_email": "nobody.here@example.org", "field": "user.name.last", "value": "X"},
        {"subject_email": SUBJECT.email, "field": "user.name.last", "value": "   "},
    ],
    ids=["unknown-subject", "blank-value"],
)
def test_bad_input_fails_before_anything_is_touched(org, run_dag, conf):
    before = last_names(org.crm)
    dag_run = run_dag(DAG_ID, **conf)
    assert dag_run.state == "failed"
    assert task_states(dag_run)[("check_input", -1)] == "failed"
    assert task_states(dag_run)[("rectify", -1)] == "upstream_failed"
    assert last_names(org.crm) == before
    assert Ledger(org.ledger).open_requests() == []


@pytest.mark.parametrize(
    "conf",
    [
        {"subject_email": SUBJECT.email, "field": "user.contact.email", "value": "x@y.fr"},
        {"subject_email": "not-an-address", "field": "user.name.last", "value": "X"},
    ],
    ids=["unknown-field", "malformed-email"],
)
def test_input_the_form_refuses_never_starts_a_run(org, run_dag, conf):
    from airflow.sdk.exceptions import ParamValidationError

    before = last_names(org.crm)
    with pytest.raises(ParamValidationError):
        run_dag(DAG_ID, **conf)
    assert last_names(org.crm) == before
    assert Ledger(org.ledger).open_requests() == []
