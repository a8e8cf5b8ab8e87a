"""The DAGs on a distributed Airflow: the CeleryExecutor with two workers, as a scaled-out
deployment runs them, ending in the same state as one process (``dag.test()``).

A real Airflow starts from the project's venv: PostgreSQL as its metadata database, the local
Redis as the Celery broker, ``scheduler``, ``dag-processor``, ``api-server`` and two ``celery
worker`` processes, each worker with its own home, temporary folder and host name (each sees
only its own disk and the shared services, as on separate machines). The retailer organisation
is seeded into PostgreSQL, MariaDB and moto, its ledger on PostgreSQL. Through the REST API the
test triggers the retention purge (its mapped tasks must run on both workers), an access
package and the minimisation checks, and waits for them. Then the same organisation is seeded
again into fresh databases and the same runs go through ``dag.test()`` in this process: rows,
object versions, the rows the purge deleted per dataset and the other evidence (counts and key
digests; not timestamps or run ids) are equal.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet

from gdpr.retention.anonymise import TOKEN_PREFIX
from tests.airflow_processes import (
    SIMPLE_AUTH_MANAGER,
    AirflowUnderTest,
    RunWatch,
    airflow_cli,
    start,
    stop,
)
from tests.clock import TEST_NOW
from tests.conftest import MYSQL_ADMIN_URL, PG_ADMIN_URL, ROOT, _create_database, _free_port
from tests.orgs_fixtures import Org, load_org

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
pytestmark = pytest.mark.skipif(
    not Path(REDIS_SERVER).exists(),
    reason="redis-server is missing: `make test` installs it with apt-get when run as root "
    "(apt-get install -y redis-server); as another user install it once by hand",
)

ORGANISATION = "retailer"
ERASURE = "gdpr_subject_erasure"
WORKERS = ("worker-a", "worker-b")
RUN_TIMEOUT = 420
# evidence whose digest is of the records' keys (others digest reports and plans, which carry
# the instant they were made)
KEY_DIGESTS = (".delete", ".anonymise")
APPROVER = "deputy"  # four eyes: the admin triggers, the deputy approves
USERS = {"admin": "admin-password-1", APPROVER: "deputy-password-2"}

databases = contextlib.contextmanager(_create_database)


@contextlib.contextmanager
def redis_broker(tmp_path: Path) -> Iterator[str]:
    """A Redis server of the test's own on a free port (nothing persisted), as the broker."""
    port = _free_port()
    log = tmp_path / "redis.log"
    process = subprocess.Popen(
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--dir",
            str(tmp_path),
        ],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not _answers(port):
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "redis-server did not answer in 30 s"
            time.sleep(0.2)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)


def _answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")
    return False


@contextlib.contextmanager
def distributed_airflow(tmp_path: Path) -> Iterator[AirflowUnderTest]:
    """Scheduler, dag-processor and api-server sharing one home; two Celery workers each with a
    home, a temporary folder and a host name of their own; stopped by process group."""
    with redis_broker(tmp_path) as broker, _airflow(tmp_path, broker) as server:
        yield server


@contextlib.contextmanager
def _airflow(tmp_path: Path, broker: str) -> Iterator[AirflowUnderTest]:
    queue = f"gdpr-test-{uuid.uuid4().hex[:8]}"  # a worker of another run never takes its tasks
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with databases(PG_ADMIN_URL) as metadata:
        control = tmp_path / "control-plane"
        control.mkdir()
        passwords = control / "passwords.json"
        passwords.write_text(json.dumps(USERS))
        shared = {
            **os.environ,
            "AIRFLOW_HOME": str(control),
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": metadata,
            "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
            "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
            # every component shares one Fernet key (a package passphrase is kept encrypted)
            "AIRFLOW__CORE__FERNET_KEY": Fernet.generate_key().decode(),
            "AIRFLOW__CORE__PARALLELISM": "4",
            # only the test's runs: unpausing a scheduled DAG would start today's run too
            "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
            "AIRFLOW__CORE__HOSTNAME_CALLABLE": "tests.distributed.hostname.host_name",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{base}/execution/",
            "AIRFLOW__CORE__AUTH_MANAGER": SIMPLE_AUTH_MANAGER,
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"admin:admin,{APPROVER}:user",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(passwords),
            "AIRFLOW__API_AUTH__JWT_SECRET": "celery-test-secret-0123456789abcdef0123456789abcdef",
            "AIRFLOW__API__SECRET_KEY": "celery-test-secret",
            "AIRFLOW__API__BASE_URL": base,
            "AIRFLOW__CELERY__BROKER_URL": broker,
            "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + metadata,
            "AIRFLOW__CELERY__WORKER_CONCURRENCY": "1",
            "AIRFLOW__CELERY__WORKER_PREFETCH_MULTIPLIER": "1",
            "AIRFLOW__OPERATORS__DEFAULT_QUEUE": queue,
            "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(_free_port()),
            "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(_free_port()),
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "plugins")]),
            "GDPR_TEST_HOST": "control-plane",
            "GDPR_APPROVERS": f"admin,{APPROVER}",
            "GDPR_FOUR_EYES": "true",
        }
        airflow_cli(shared, "db", "migrate")
        airflow_cli(shared, "dags", "reserialize")
        logs: dict[str, Path] = {}
        processes = []

        def launch(name: str, env: dict[str, str], *args: str) -> None:
            logs[name] = tmp_path / f"{name}.log"
            processes.append(start(env, logs[name], *args))

        launch("api-server", shared, "api-server", "--host", "127.0.0.1", "--port", str(port))
        launch("scheduler", shared, "scheduler")
        launch("dag-processor", shared, "dag-processor")
        launch("triggerer", shared, "triggerer")  # the approval waits there
        for name in WORKERS:
            home = tmp_path / name
            (home / "tmp").mkdir(parents=True)
            worker = {
                **shared,
                "AIRFLOW_HOME": str(home),
                "TMPDIR": str(home / "tmp"),
                "GDPR_TEST_HOST": name,
                "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(_free_port()),
            }
            launch(name, worker, "celery", "worker", "-H", f"{name}@%h", "-q", queue)
        server = AirflowUnderTest(base, logs, USERS)
        try:
            server.wait_until_healthy(processes)
            yield server
        finally:
            for process in processes:
                stop(process)


def run_on_airflow(
    server: AirflowUnderTest, dag_id: str, conf: dict[str, Any], approve: bool = False
) -> list[dict]:
    """Trigger ``dag_id`` through the REST API at the suite's instant; its task instances once
    it succeeded."""
    token = server.token("admin")
    assert server.api(token, "PATCH", f"/dags/{dag_id}", json={"is_paused": False}).is_success
    from airflow.serialization.encoders import coerce_to_core_timetable

    timetable = coerce_to_core_timetable(dag_of(dag_id).timetable)  # as dag.test() does
    interval = timetable.infer_manual_data_interval(run_after=TEST_NOW)
    created = server.api(
        token,
        "POST",
        f"/dags/{dag_id}/dagRuns",
        json={  # the data interval dag.test() gives the same logical date: the same cut
            "logical_date": TEST_NOW.isoformat(),
            "data_interval_start": interval.start.isoformat(),
            "data_interval_end": interval.end.isoformat(),
            "conf": conf,
        },
    )
    assert created.is_success, created.text
    run_id = created.json()["dag_run_id"]
    watch = RunWatch(server, token, dag_id, run_id)
    if approve:
        approve_on_airflow(server, watch, f"/dags/{dag_id}/dagRuns/{run_id}")
    assert server.wait(f"{dag_id} to finish", watch.finished, RUN_TIMEOUT) == "success"
    return watch.task_instances()


def approve_on_airflow(server: AirflowUnderTest, watch: RunWatch, run: str) -> None:
    """The second approver answers the run's approval through the HITL API, once it waits."""
    hitl = f"{run}/taskInstances/approve/-1/hitlDetails"
    token = server.token(APPROVER)

    def waiting() -> bool:
        watch.check()
        return server.api(token, "GET", hitl).status_code == 200

    server.wait("the approval to wait for an answer", waiting, RUN_TIMEOUT)
    answer = {"chosen_options": ["Approve"], "params_input": {}}
    answered = server.api(token, "PATCH", hitl, json=answer)
    assert answered.is_success, answered.text


def dag_of(dag_id: str):
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(ROOT / "dags" / f"{dag_id}.py")).get_dag(dag_id)


def run_in_process(dag_id: str, conf: dict[str, Any]) -> None:
    dag_run = dag_of(dag_id).test(run_conf=conf or None, logical_date=TEST_NOW)
    assert dag_run.state == "success", dag_id


def end_state(org: Org) -> dict[str, Any]:
    """What the runs did, comparable across two seeds of the same organisation: every mapped
    table's rows (random anonymisation tokens masked), every object's versions and delete
    markers in the organisation's buckets and the delivery bucket, the rows the purge deleted
    per dataset, and the other evidence with its counts and key digests."""
    from gdpr.ledger import Ledger

    state: dict[str, Any] = {}
    for ref in org.datamap.iter_datasets():
        if ref.kind != "sql":
            continue
        table = sa.Table(
            ref.dataset.table_name, sa.MetaData(), autoload_with=org.engines[ref.system.name]
        )
        with org.engines[ref.system.name].connect() as conn:
            rows = conn.execute(sa.select(table)).all()
        state[ref.id] = sorted(
            tuple(TOKEN_PREFIX if str(v).startswith(TOKEN_PREFIX) else str(v) for v in row)
            for row in rows
        )
    buckets = {s.bucket for s in org.datamap.systems if s.kind == "s3"}
    for bucket in sorted({*buckets, org.datamap.delivery.bucket}):
        listing = org.s3.get_paginator("list_object_versions").paginate(Bucket=bucket)
        versions: Counter = Counter()
        for page in listing:
            versions.update((v["Key"], "version") for v in page.get("Versions", []))
            versions.update((m["Key"], "marker") for m in page.get("DeleteMarkers", []))
        state[f"s3://{bucket}"] = sorted(versions.items())
    # Rules run in parallel on two workers, in no fixed order: a record two rules would change
    # is changed (and evidenced) by whichever runs first, so the purge's evidence is compared
    # as rows deleted per dataset, whatever the rule; every other evidence row as it is.
    evidence = Ledger(org.ledger).evidence()
    deleted: Counter = Counter()
    for e in evidence:
        if e.action == "retention.delete":
            deleted[e.dataset] += e.count
    state["retention.deleted"] = sorted(deleted.items())
    state["evidence"] = sorted(
        (
            e.action,
            e.dataset or "",
            e.rule or "",
            e.count,
            e.keys_sha256 or "" if e.action.endswith(KEY_DIGESTS) else "",
        )
        for e in evidence
        if not e.action.startswith("retention.")
    )
    return state


def runs(org: Org) -> list[tuple[str, dict[str, Any]]]:
    """The runs both Airflows make: the purge, an access package, the minimisation checks of
    the datasets holding planted remarks, and an approved erasure of the planted subject."""
    from gdpr.ledger import Ledger

    ledger = Ledger(org.ledger)
    request, erasure = (
        ledger.create_request(
            kind=kind,
            subject_email=org.planted.subject,
            received_at=TEST_NOW,
            due_at=TEST_NOW,
            channel="test",
        )
        for kind in ("access", "erasure")
    )
    return [
        ("gdpr_retention_purge", {}),
        ("gdpr_subject_access", {"request_id": request.request_id}),
        # the datasets where remarks are planted: each check is a mapped task of its own
        ("gdpr_minimisation_checks", {"datasets": sorted(org.planted.remarks)}),
        ("gdpr_subject_erasure", {"request_id": erasure.request_id, "ground": "a"}),
    ]


@pytest.mark.timeout(1800)
def test_a_celery_deployment_spreads_the_work_and_ends_as_one_process(
    airflow_db, approver, s3_endpoint, s3_client, smtp_server, tmp_path, monkeypatch
):
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", "celery-suppression-key-0123456789ab")
    with contextlib.ExitStack() as stack:
        urls = [stack.enter_context(databases(a)) for a in (PG_ADMIN_URL, MYSQL_ADMIN_URL)]
        ledger_url = stack.enter_context(databases(PG_ADMIN_URL))
        org = load_org(ORGANISATION, *urls, ledger_url, s3_endpoint, s3_client, monkeypatch)
        stack.callback(org.dispose)
        todo = runs(org)
        with distributed_airflow(tmp_path) as server:
            for dag_id, conf in todo:
                tis = run_on_airflow(server, dag_id, conf, approve=dag_id == ERASURE)
                hosts = {ti["hostname"] for ti in tis if ti["state"] == "success"}
                assert hosts <= set(WORKERS), hosts
                if dag_id == "gdpr_retention_purge":
                    mapped = {ti["hostname"] for ti in tis if ti["task_id"] == "purge_rule"}
                    assert mapped == set(WORKERS), "the rules ran on both workers"
        distributed = end_state(org)

    urllib.request.urlopen(
        urllib.request.Request(f"{s3_endpoint}/moto-api/reset", method="POST")
    ).read()
    with contextlib.ExitStack() as stack:
        urls = [stack.enter_context(databases(a)) for a in (PG_ADMIN_URL, MYSQL_ADMIN_URL)]
        ledger_url = stack.enter_context(databases(PG_ADMIN_URL))
        org = load_org(ORGANISATION, *urls, ledger_url, s3_endpoint, s3_client, monkeypatch)
        stack.callback(org.dispose)
        for dag_id, conf in runs(org):
            if dag_id == ERASURE:
                approver(ERASURE, "Approve")  # through Airflow's HITL code, from a thread
            run_in_process(dag_id, conf)
        one_process = end_state(org)

    assert distributed.keys() == one_process.keys()
    for what in distributed:
        assert distributed[what] == one_process[what], what
