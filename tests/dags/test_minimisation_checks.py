"""gdpr_minimisation_checks run for real with dag.test(): every dataset checked, the DPO
alerted, Data Docs and findings in the reports bucket, a summary per dataset in the ledger,
and no personal data in XCom or the task logs."""

from __future__ import annotations

import csv
import io
import logging
import shutil

from examples.retailer.planted import PLANTED_REMARK_TEXTS, PLANTED_REMARKS
from gdpr.ledger import Ledger, verify_chain
from tests.conftest import ROOT
from tests.dags.conftest import personal_values, task_states, xcom_text
from tests.sqlrule import write_sql_map

DAG_ID = "gdpr_minimisation_checks"


def reports(org, suffix: str) -> list[str]:
    paginator = org.s3.get_paginator("list_objects_v2")
    return sorted(
        o["Key"]
        for page in paginator.paginate(Bucket=org.datamap.reports.bucket, Prefix="minimisation/")
        for o in page.get("Contents", [])
        if o["Key"].endswith(suffix)
    )


def read(org, key: str) -> str:
    return org.s3.get_object(Bucket=org.datamap.reports.bucket, Key=key)["Body"].read().decode()


def test_every_dataset_is_checked_the_dpo_alerted_and_nothing_personal_leaks(
    demo_org, run_dag, smtp_server, capfd, caplog
):
    caplog.set_level(logging.INFO)
    run = run_dag(DAG_ID)
    states = task_states(run)
    checked = [
        r.id
        for r in demo_org.datamap.iter_datasets()
        if r.kind == "sql" or r.dataset.text_objects is not None
    ]
    assert "helpdesk_files.attachments" in checked, "text attachments are scanned too"
    checks = [s for (task, _), s in states.items() if task == "check_dataset"]
    assert len(checks) == len(checked), states
    assert set(checks) == {"success"}, states
    assert states[("report", -1)] == "success", states

    (summary,) = reports(demo_org, "summary.html")
    page = read(demo_org, summary)
    assert "free_text:health" in page
    assert "consent:withdrawal_not_honoured" in page
    assert len(reports(demo_org, "/docs/index.html")) == len(checked)
    notes_csv = next(k for k in reports(demo_org, "findings.csv") if "/crm.notes/" in k)
    rows = list(csv.DictReader(io.StringIO(read(demo_org, notes_csv))))
    planted_notes = {r.key for r in PLANTED_REMARKS if r.dataset == "crm.notes" and r.labels}
    assert {int(r["key"]) for r in rows if r["check"] == "free_text"} == planted_notes

    (mail,) = smtp_server.to(demo_org.datamap.organisation.dpo.email)
    assert "finding" in mail["Subject"]

    evidence = [e for e in Ledger(demo_org.ledger).evidence() if e.action == "minimisation.check"]
    assert {e.dataset for e in evidence} == set(checked)
    attachments = next(e for e in evidence if e.dataset == "helpdesk_files.attachments")
    assert attachments.detail["text_rows"] > 0, "the demo's .txt attachments were read"
    assert attachments.count == 0, "and hold nothing sensitive"
    notes = next(e for e in evidence if e.dataset == "crm.notes")
    assert notes.count == sum(1 for r in rows if r["check"] == "free_text")
    assert notes.detail["by_category"]["free_text:health"] == 3
    assert verify_chain(demo_org.ledger).ok

    logs = capfd.readouterr()
    texts = [xcom_text(run), logs.out + logs.err + caplog.text]
    texts += [read(demo_org, k) for k in reports(demo_org, ".html")]
    texts.append(mail.get_body(preferencelist=("html", "plain")).get_content())
    remarks = [PLANTED_REMARK_TEXTS[(r.dataset, r.key, r.field)] for r in PLANTED_REMARKS]
    for text in texts:
        lowered = text.lower()
        for value in personal_values():
            assert value.lower() not in lowered
        for remark in remarks:
            assert remark.lower()[:40] not in lowered, "a finding never copies the text"


def test_an_unknown_dataset_in_the_form_fails_before_anything_runs(demo_org, run_dag, smtp_server):
    run = run_dag(DAG_ID, datasets=["crm.custmers"])
    states = task_states(run)
    assert states[("select_datasets", -1)] == "failed"
    assert not [t for (t, _), s in states.items() if t == "check_dataset" and s == "success"]
    assert states[("report", -1)] == "failed", "without a retry: nothing can change on retry"
    (mail,) = smtp_server.to(demo_org.datamap.organisation.dpo.email)
    assert "did not run" in mail["Subject"]


def test_a_dataset_that_cannot_be_checked_fails_alone_and_the_dpo_is_told(
    demo_org, run_dag, smtp_server, tmp_path, monkeypatch
):
    include = tmp_path / "include"
    shutil.copytree(ROOT / "include", include)
    write_sql_map(include, broken=True)  # the one SQL-file rule, with a misspelt column
    monkeypatch.setenv("GDPR_DATAMAP", str(include / "datamap.yaml"))

    run = run_dag(DAG_ID)

    states = task_states(run)
    mapped = [s for (task, _), s in states.items() if task == "check_dataset"]
    assert sorted(mapped).count("failed") == 1
    assert set(mapped) == {"success", "failed"}
    assert states[("report", -1)] == "failed"
    assert run.state == "failed"
    (mail,) = smtp_server.to(demo_org.datamap.organisation.dpo.email)
    body = mail.get_body(preferencelist=("html", "plain")).get_content()
    assert "crm.prospects: could not be checked" in body
