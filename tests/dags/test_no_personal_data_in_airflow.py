"""Airflow never holds personal data (design.md): every DAG that handles subjects is run on the
demo organisation, then every table of Airflow's metadata database (every text, JSON and binary
column: dag_run.conf, log.extra, xcom, rendered task instance fields, hitl_detail, task instance
notes, ...) and every task log file under AIRFLOW_HOME/logs are searched for every planted
identity and for the corrected value of the rectification: none may be there.

Identities reach the ledger only, through ``gdpr request register`` (tests.dags.requests); the
forms take request ids. The scanner is kept honest: the same scan of a copy of the database in
which one run's configuration carries the subject's address must find it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import sqlalchemy as sa

from examples.retailer import planted
from examples.retailer.planted import PLANTED
from tests.conftest import ROOT
from tests.dags.conftest import task_states
from tests.dags.requests import register

NEW_LAST_NAME = "Villeneuve-Quintard"  # the rectification's corrected value
SUBJECT = PLANTED.subject


def planted_identities() -> tuple[str, ...]:
    """Every planted identity of the demo, as it may be written, lower case."""
    digits = "".join(ch for ch in SUBJECT.phone if ch.isdigit())  # 33612489037
    values = {
        SUBJECT.email,
        f"{SUBJECT.first_name}.{SUBJECT.last_name}",
        f"{SUBJECT.first_name} {SUBJECT.last_name}",
        SUBJECT.last_name,
        SUBJECT.phone,
        f"+{digits}",
        f"0{digits[2:]}",
        " ".join(["0" + digits[2]] + [digits[i : i + 2] for i in range(3, 11, 2)]),
        *planted.PLANTED_NEAR_MISS_EMAILS,
        planted.PLANTED_NON_CUSTOMER_EMAIL,
        planted.PLANTED_PRIVACY_ACCESS_EMAIL,
        NEW_LAST_NAME,
    }
    return tuple(sorted(v.strip().lower() for v in values))


def _spellings(value: str) -> set[str]:
    """A value as text, and as JSON writes it (non-ASCII escaped)."""
    return {value, json.dumps(value)[1:-1].lower()}


def _texts(cell) -> list[str]:
    if cell is None:
        return []
    if isinstance(cell, bytes | bytearray | memoryview):
        raw = bytes(cell)
        texts = [raw.decode("utf-8", "ignore")]
        with contextlib.suppress(zlib.error):
            texts.append(zlib.decompress(raw).decode("utf-8", "ignore"))
        return texts
    return [cell if isinstance(cell, str) else json.dumps(cell, default=str)]


def metadata_hits(url: str, values: tuple[str, ...]) -> list[str]:
    """``table.column: value`` for every planted value found in any text, JSON or binary column
    of any table of the database at ``url`` (SQLAlchemy reflection: new tables are covered)."""
    engine = sa.create_engine(url)
    hits: list[str] = []
    tables = sa.MetaData()
    tables.reflect(engine)
    searchable = (sa.String, sa.Text, sa.JSON, sa.LargeBinary, sa.PickleType)
    with engine.connect() as conn:
        for table in tables.sorted_tables:
            columns = [
                c for c in table.columns if isinstance(c.type, (*searchable, sa.types.NullType))
            ]
            if not columns:
                continue
            for row in conn.execute(sa.select(*columns)):
                for column, cell in zip(columns, row, strict=True):
                    for text in _texts(cell):
                        lowered = text.lower()
                        hits += [
                            f"{table.name}.{column.name}: {value}"
                            for value in values
                            if any(s in lowered for s in _spellings(value))
                        ]
    engine.dispose()
    return hits


def log_hits(home: Path, values: tuple[str, ...]) -> list[str]:
    hits = []
    for path in (home / "logs").rglob("*") if (home / "logs").exists() else []:
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "ignore").lower()
            hits += [
                f"{path.relative_to(home)}: {v}"
                for v in values
                if any(s in text for s in _spellings(v))
            ]
    return hits


def _run(dag_id: str, mark_success: str | None = None, **conf):
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag(dag_folder=str(ROOT / "dags" / f"{dag_id}.py")).get_dag(dag_id)
    return dag.test(run_conf=conf or None, mark_success_pattern=mark_success)


def _succeeded(dag_run) -> None:
    assert dag_run.state == "success", (dag_run.dag_id, task_states(dag_run))


@pytest.fixture
def org(demo_org, smtp_server, monkeypatch):
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", "scan-suppression-key-0123456789ab")
    demo_org.mail = smtp_server
    return demo_org


def test_no_planted_identity_in_any_airflow_table_or_task_log(org, airflow_db, approver, tmp_path):
    from airflow.configuration import conf

    # the privacy tickets become requests. Starting their export runs is left out: those runs'
    # ids (intake__<request id>) would collide with test_request_intake's in the shared
    # metadata database, and they carry the request id alone (test_request_intake checks it)
    _succeeded(_run("gdpr_request_intake", mark_success="^start_export$"))
    from gdpr.ledger import Ledger

    ledger = Ledger(org.ledger)
    intake_access = ledger.find_request_by_external_ref(
        "helpdesk", str(planted.PLANTED_PRIVACY_ACCESS_TICKET_ID)
    )

    _succeeded(_run("gdpr_subject_access", request_id=register("access", SUBJECT.email)))
    portability = register("portability", SUBJECT.email)
    _succeeded(_run("gdpr_subject_access", request_id=portability, kind="portability"))
    rectification = register(
        "rectification", SUBJECT.email, field="user.name.last", value=NEW_LAST_NAME
    )
    _succeeded(_run("gdpr_subject_rectification", request_id=rectification))
    restriction = register("restriction", SUBJECT.email)
    _succeeded(_run("gdpr_subject_restriction", request_id=restriction, action="restrict"))
    _succeeded(_run("gdpr_subject_restriction", request_id=restriction, action="lift"))
    objection = register("objection", SUBJECT.email)  # Art. 21(1), then 21(3) on the same
    _succeeded(_run("gdpr_subject_objection", request_id=objection, ground="legitimate_interest"))
    _succeeded(_run("gdpr_subject_objection", request_id=objection, ground="direct_marketing"))
    _succeeded(
        _run(
            "gdpr_request_decision",
            request_id=intake_access.request_id,
            action="extend",
            reason="Complex request",
        )
    )
    _succeeded(_run("gdpr_deadline_watch"))
    _succeeded(_run("gdpr_retention_purge"))
    _succeeded(_run("gdpr_minimisation_checks"))
    # the breach run up to the DPO's answer (answering HITL from a thread is not reliable on
    # SQLite, see test_breach_response): register, count the subjects, draft
    breach = _run(
        "gdpr_breach_response",
        mark_success="^(wait_for_notification|record_notification)$",
        title="Laptop lost with a CRM export",
        datasets=["crm.customers", "helpdesk.tickets"],
        categories=["user.contact.email"],
        description="A laptop holding an unencrypted export of the CRM was lost.",
        high_risk=True,
    )
    assert task_states(breach)[("draft", -1)] == "success", task_states(breach)
    delivery = org.datamap.delivery  # the list of affected people expires like every own copy
    listing = org.s3.list_objects_v2(Bucket=delivery.bucket, Prefix=f"{delivery.prefix}breaches/")
    (subject_list,) = [o["Key"] for o in listing["Contents"]]
    tags = org.s3.get_object_tagging(Bucket=delivery.bucket, Key=subject_list)["TagSet"]
    assert {t["Key"] for t in tags} >= {"gdpr-expires-at", "gdpr-expiry-days"}
    approver("gdpr_subject_erasure", "Approve")
    _succeeded(
        _run("gdpr_subject_erasure", request_id=register("erasure", SUBJECT.email), ground="a")
    )
    # Airflow's own command line writes its arguments to the audit log (log.extra)
    subprocess.run(
        [sys.executable, "-m", "airflow", "dags", "trigger", "gdpr_subject_access", "--conf",
         json.dumps({"request_id": portability, "kind": "portability"})],
        check=True, capture_output=True, env=os.environ.copy(), timeout=120,
    )  # fmt: skip

    url = conf.get("database", "sql_alchemy_conn")
    values = planted_identities()
    assert metadata_hits(url, values) == [], "personal data in Airflow's metadata database"
    home = Path(os.environ["AIRFLOW_HOME"])
    assert log_hits(home, values) == [], "personal data in a task log file"

    with sa.create_engine(url).connect() as conn:  # the scan did see the runs and their audit
        confs = [r[0] for r in conn.execute(sa.text("SELECT conf FROM dag_run"))]
        extras = [r[0] for r in conn.execute(sa.text("SELECT extra FROM log"))]
    assert any(portability in str(c) for c in confs)
    assert any(portability in str(e) for e in extras), "the audit log holds the trigger's conf"

    # honest: one address in one run's configuration is found
    copy = tmp_path / "airflow-copy.db"
    shutil.copyfile(url.removeprefix("sqlite:///"), copy)
    with sqlite3.connect(copy) as db:
        db.execute(
            "UPDATE dag_run SET conf = ? WHERE id = (SELECT max(id) FROM dag_run)",
            (json.dumps({"subject_email": SUBJECT.email}),),
        )
    assert f"dag_run.conf: {SUBJECT.email}" in metadata_hits(f"sqlite:///{copy}", values)


def test_failed_runs_leave_no_planted_identity_in_airflow(org, airflow_db, monkeypatch, capfd):
    """Failures injected into real runs: a mapped table missing, the delivery store unreachable,
    a constraint the database enforces. The errors name tables and codes, never a value (the
    engines hide parameters and withhold the database's details), and a retry happens only
    where one could help."""
    from airflow.configuration import conf

    from gdpr.airflow.defaults import DEFAULT_ARGS

    monkeypatch.setitem(DEFAULT_ARGS, "retries", 0)  # dag.test would wait out the retry delay
    with org.helpdesk.begin() as conn:  # a table the data map names, gone
        conn.execute(sa.text("RENAME TABLE tickets TO tickets_moved"))
    missing = _run("gdpr_subject_access", request_id=register("access", SUBJECT.email))
    assert missing.state == "failed"
    assert "failed" in {s for (t, _), s in task_states(missing).items() if t == "export_system"}

    with org.crm.begin() as conn:  # the subject's row now violates a constraint when rectified
        conn.execute(sa.text("ALTER TABLE customers ADD CONSTRAINT last_name_short "
                             "CHECK (char_length(last_name) < 12) NOT VALID"))  # fmt: skip
    rectification = register(
        "rectification", SUBJECT.email, field="user.name.last", value=NEW_LAST_NAME
    )
    refused = _run("gdpr_subject_rectification", request_id=rectification)
    assert refused.state == "failed"

    monkeypatch.setenv(  # the delivery store unreachable
        "AIRFLOW_CONN_GDPR_S3",
        json.dumps({"conn_type": "aws", "login": "x", "password": "y",
                    "extra": {"endpoint_url": "http://127.0.0.1:9", "region_name": "eu-west-3"}}),
    )  # fmt: skip
    unreachable = _run("gdpr_subject_access", request_id=register("access", SUBJECT.email))
    assert unreachable.state == "failed"

    out = capfd.readouterr()
    printed = (out.out + out.err).lower()
    assert "[sql parameters hidden" in printed or "details withheld" in printed
    values = planted_identities()
    assert [v for v in values if any(s in printed for s in _spellings(v))] == []
    url = conf.get("database", "sql_alchemy_conn")
    assert metadata_hits(url, values) == [], "personal data in Airflow's metadata database"
    home = Path(os.environ["AIRFLOW_HOME"])
    assert log_hits(home, values) == [], "personal data in a task log file"
