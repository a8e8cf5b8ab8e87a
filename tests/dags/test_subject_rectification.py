"""gdpr_subject_rectification run for real: every system updated, recipients told, value kept out."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa

from examples.retailer.planted import PLANTED
from gdpr.erasure.notify import recipients_for
from gdpr.ledger import Ledger, verify_chain
from tests.dags.conftest import personal_values, task_states, xcom_text
from tests.dags.requests import register

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

    rid = register("rectification", SUBJECT.email, field="user.name.last", value=NEW)
    dag_run = run_dag(DAG_ID, request_id=rid)
    assert NEW not in str(dag_run.conf), "the corrected value is in the ledger, not in the run"

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


def test_a_subject_found_nowhere_fails_before_anything_is_touched(org, run_dag):
    before = last_names(org.crm)
    rid = register("rectification", "nobody.here@example.org", field="user.name.last", value="X")
    dag_run = run_dag(DAG_ID, request_id=rid)
    assert dag_run.state == "failed"
    assert task_states(dag_run)[("check_input", -1)] == "failed"
    assert task_states(dag_run)[("rectify", -1)] == "upstream_failed"
    assert last_names(org.crm) == before
    assert [r.request_id for r in Ledger(org.ledger).open_requests()] == [rid]


@pytest.mark.parametrize(
    ("address", "field", "value", "message"),
    [
        (SUBJECT.email, "user.name.last", "   ", "the corrected value is empty"),
        (SUBJECT.email, "user.contact.email", "x@y.fr", "is not a rectifiable field"),
        ("not-an-address", "user.name.last", "X", "must contain exactly one @"),
    ],
    ids=["blank-value", "unknown-field", "malformed-email"],
)
def test_input_the_register_command_refuses_never_reaches_the_ledger(
    org, address, field, value, message
):
    before = last_names(org.crm)
    with pytest.raises(ValueError, match=message) as refused:
        register("rectification", address, field=field, value=value)
    assert "\n" not in str(refused.value)
    assert last_names(org.crm) == before
    assert Ledger(org.ledger).open_requests() == []


def test_a_request_of_another_kind_is_refused_in_one_sentence(org, run_dag, capfd, caplog):
    rid = register("erasure", SUBJECT.email)
    dag_run = run_dag(DAG_ID, request_id=rid)
    assert task_states(dag_run)[("check_input", -1)] == "failed"
    logs = capfd.readouterr()
    text = logs.out + logs.err + caplog.text
    assert f"refused: request {rid} is a erasure request" in text
    assert "Task failed with exception" not in text, "one line, no traceback"
