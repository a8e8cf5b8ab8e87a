"""The shipped organisation whose ticketing system is Request Tracker (examples/agency, Clé de
Ville), seeded as `make run ORG=agency` seeds it (its seeder writes the tickets through RT's REST
2 API) into PostgreSQL, moto and a real RT 5 (examples/rt_server.py), then run with dag.test():
the planted tenant's access package holds exactly her records, object versions, tickets and
correspondence, and an approved erasure takes them from every system, RT's tickets anonymised
through its API, with nobody else's touched. Without request-tracker5 the module is skipped."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from examples import load
from examples.rt_server import NOT_INSTALLED, RtServer, initialise, installed, serve
from gdpr.ledger import Ledger, verify_chain
from tests.clock import TEST_NOW
from tests.dags.conftest import task_states, xcom_text
from tests.dags.requests import register
from tests.dags.test_subject_access import package

pytestmark = pytest.mark.integration
KEY = "test-suppression-key-0123456789abcdef"


@dataclass
class Agency:
    module: Any
    datamap: Any
    gestion: sa.Engine
    ledger: sa.Engine
    s3: Any
    rt: RtServer


@pytest.fixture(scope="session")
def agency_rt_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh RT database with the agency's queue and custom field, made once per session."""
    if not installed():
        pytest.skip(NOT_INSTALLED)
    module = load("agency")
    directory = tmp_path_factory.mktemp("agency-rt")
    initialise(directory, directory / "rt.db", module.RT_INITIALDATA)
    return directory / "rt.db"


@pytest.fixture
def agency(agency_rt_database, pg_url, s3_client, s3_endpoint, tmp_path, monkeypatch):
    """The agency seeded into PostgreSQL, moto and a copy of the fresh RT, its hold in a SQLite
    ledger, its map and connections in the environment as a deployer sets them."""
    from gdpr.connections import create_sql_engine, env_var_name
    from gdpr.datamap import load_datamap
    from gdpr.ledger import migrate
    from tests.conftest import airflow_conn_json, s3_conn_json

    module = load("agency")
    datamap = load_datamap(module.DATAMAP)
    directory = tmp_path / "rt"
    directory.mkdir()
    shutil.copyfile(agency_rt_database, directory / "rt.db")
    with serve(directory, directory / "rt.db") as rt:
        gestion = create_sql_engine(pg_url)
        module.seed({"gestion": gestion}, s3_client, subjects=40, today=TEST_NOW.date(), rt=rt)
        ledger_url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
        ledger = create_sql_engine(ledger_url)
        migrate(ledger)
        module.place_holds(Ledger(ledger))
        conns = {
            "gdpr_ledger": airflow_conn_json(ledger_url),
            "gdpr_agency_gestion": airflow_conn_json(pg_url),
            "gdpr_agency_s3": s3_conn_json(s3_endpoint),
            "gdpr_agency_rt": rt.conn_json(),
        }
        for conn_id, value in conns.items():
            monkeypatch.setenv(env_var_name(conn_id), value)
        monkeypatch.setenv("GDPR_DATAMAP", str(module.DATAMAP))
        yield Agency(module, datamap, gestion, ledger, s3_client, rt)
        gestion.dispose()
        ledger.dispose()


def test_access_package_holds_the_tenants_records_files_tickets_and_correspondence(agency, run_dag):
    from examples.agency.planted import SUBJECT_MESSAGES

    planted = agency.module.PLANTED
    request_id = register("access", planted.subject)

    run = run_dag("gdpr_subject_access", request_id=request_id)

    assert run.state == "success", task_states(run)
    archive = package(agency, f"{request_id}/package.zip")
    manifest = json.loads(archive.read("manifest.json"))
    exported = {
        dataset: entry["count"]
        for dataset, entry in manifest["datasets"].items()
        if entry["kind"] == "records" and entry["count"]
    }
    exported |= Counter(
        "/".join(name.split("/")[1:3]).replace("/", ".")
        for name in archive.namelist()
        if name.startswith("objects/") and not name.endswith("/")
    )
    expected = planted.subject_holdings.counts()
    assert expected["accueil.tickets"] == 2
    assert exported == {
        **expected,
        "accueil.correspondence": SUBJECT_MESSAGES,  # two tickets created, one reply
        "accueil.users": 1,  # the requestor RT created
    }
    tickets = json.loads(archive.read("data/accueil/tickets.json"))
    assert {t["Subject"] for t in tickets} == {"Water leak in the bathroom", "Rent receipt"}
    assert planted.subject not in xcom_text(run)


def test_approved_erasure_takes_the_tenant_from_every_system_and_anonymises_her_tickets(
    agency, run_dag, approver, smtp_server, monkeypatch
):
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", KEY)
    planted = agency.module.PLANTED
    approver("gdpr_subject_erasure", "Approve")

    run = run_dag(
        "gdpr_subject_erasure", request_id=register("erasure", planted.subject), ground="a"
    )

    assert run.state == "success", task_states(run)
    with agency.gestion.connect() as conn:
        emails = {e.lower() for (e,) in conn.exec_driver_sql("SELECT email FROM tenants")}
        payments = conn.exec_driver_sql("SELECT count(*) FROM payments").scalar()
    assert planted.subject not in emails
    assert planted.held_subject in emails
    assert len(emails) == 39
    assert payments == 39 * 2, "the tenant's two payments went with her, nobody else's"
    listed = agency.s3.list_object_versions(
        Bucket=agency.datamap.dataset("documents.tenant_files").system.bucket, Prefix="files/"
    )
    keys = {v["Key"] for v in listed.get("Versions", [])}
    assert not {k for k in keys if k.startswith("files/L-00001/")}
    assert "files/L-00003/lease.pdf" in keys
    for number in (1, 2):  # hers, through RT's REST 2 API
        ticket = agency.rt.api("GET", f"ticket/{number}")
        assert (ticket["Subject"], ticket["Requestor"]) == ("[redacted]", [])
    assert agency.rt.api("GET", "ticket/3")["Subject"] == "Security deposit", "not hers"

    ledger = Ledger(agency.ledger)
    (request,) = [r for r in ledger.requests_of_subject(planted.subject) if r.kind == "erasure"]
    assert request.status == "completed"
    certificate = (
        agency.s3.get_object(
            Bucket=agency.datamap.reports.bucket,
            Key=f"erasure/{request.request_id}/certificate.html",
        )["Body"]
        .read()
        .decode()
    )
    assert "Kept: the system cannot erase it. Request Tracker" in certificate
    assert verify_chain(agency.ledger).ok
    assert planted.subject not in xcom_text(run)
