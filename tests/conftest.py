"""Fixtures for the real services the suite talks to.

PostgreSQL and MariaDB are the machine's own servers (override with GDPR_TEST_PG_URL and
GDPR_TEST_MYSQL_URL); each test that asks for one gets a database of its own, dropped after.
S3 is moto's server over HTTP on a free local port. A service that is down is an error, not a
skip: the suite is only meaningful against the real thing.
"""

from __future__ import annotations

import functools
import logging
import os
import socket
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from tests.clock import TestClock  # noqa: E402

# Airflow reads its configuration when first imported: point it at a throw-away home before
# any test imports it, with the project's dags and plugins, and no example DAGs.
_AIRFLOW_HOME = tempfile.mkdtemp(prefix="gdpr-airflow-test-")
os.environ.update(
    {
        "AIRFLOW_HOME": _AIRFLOW_HOME,
        "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(ROOT / "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "True",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{_AIRFLOW_HOME}/airflow.db",
        "GDPR_DATAMAP": str(ROOT / "include" / "datamap.yaml"),
    }
)

PG_ADMIN_URL = os.environ.get(
    "GDPR_TEST_PG_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/gdpr_test"
)
MYSQL_ADMIN_URL = os.environ.get(
    "GDPR_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306/gdpr_test?charset=utf8mb4"
)
DATAMAP_PATH = ROOT / "include" / "datamap.yaml"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_engine(url: sa.URL) -> sa.Engine:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as exc:  # pragma: no cover - environment problem
        raise RuntimeError(f"test database server unreachable at {engine.url!r}: {exc}") from exc
    return engine


@functools.cache
def _ensure_admin_database(url: str) -> None:
    """Create the database the tests connect to first, if the server does not have it yet.

    A fresh machine has the servers and nothing else: connect to the server's own maintenance
    database (``postgres`` / none for MariaDB) and create it, tolerating a concurrent worker.
    """
    parsed = sa.make_url(url)
    maintenance = parsed.set(
        database="postgres" if parsed.get_backend_name() == "postgresql" else ""
    )
    server = _server_engine(maintenance)
    try:
        with server.connect() as conn:
            if parsed.get_backend_name() == "postgresql":
                exists = conn.execute(
                    sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database}
                ).first()
                if not exists:
                    try:
                        conn.execute(sa.text(f'CREATE DATABASE "{parsed.database}"'))
                    except sa.exc.DBAPIError:  # another xdist worker created it first
                        conn.execute(
                            sa.text("SELECT 1 FROM pg_database WHERE datname = :n"),
                            {"n": parsed.database},
                        ).one()
            else:
                conn.execute(
                    sa.text(
                        f"CREATE DATABASE IF NOT EXISTS `{parsed.database}` CHARACTER SET utf8mb4"
                    )
                )
    finally:
        server.dispose()


def _admin_engine(url: str) -> sa.Engine:
    _ensure_admin_database(url)
    return _server_engine(sa.make_url(url))


def _create_database(admin_url: str) -> Iterator[str]:
    admin = _admin_engine(admin_url)
    name = f"gdpr_t_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    url = sa.make_url(admin_url).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            if admin.dialect.name == "postgresql":
                conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            else:
                conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database."""
    yield from _create_database(PG_ADMIN_URL)


@pytest.fixture
def mysql_url() -> Iterator[str]:
    """A fresh, empty MariaDB/MySQL database."""
    yield from _create_database(MYSQL_ADMIN_URL)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'db.sqlite'}"


@pytest.fixture(params=["sqlite", "postgresql", "mariadb"])
def sql_url(request: pytest.FixtureRequest) -> str:
    """The same test on each supported database."""
    return request.getfixturevalue(
        {"sqlite": "sqlite_url", "postgresql": "pg_url", "mariadb": "mysql_url"}[request.param]
    )


@pytest.fixture(autouse=True)
def test_clock() -> Iterator[TestClock]:
    """The product's clock for this test: ``TEST_NOW`` moving on with real elapsed time."""
    from gdpr.ledger.clock import use_clock

    clock = TestClock()
    previous = use_clock(clock)
    try:
        yield clock
    finally:
        use_clock(previous)


logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's server logs every request


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """moto's S3 server, over HTTP, for the whole session."""
    from moto.server import ThreadedMotoServer

    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-3")
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3_endpoint(moto_endpoint: str) -> str:
    """The moto endpoint, emptied before the test."""
    import urllib.request

    urllib.request.urlopen(
        urllib.request.Request(f"{moto_endpoint}/moto-api/reset", method="POST")
    ).read()
    return moto_endpoint


@pytest.fixture
def s3_client(s3_endpoint: str):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="eu-west-3",
    )


class CapturedMail:
    """The messages a local SMTP server received, parsed (``email.message.EmailMessage``)."""

    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        from email import message_from_bytes
        from email.policy import default

        message = message_from_bytes(envelope.content, policy=default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"

    def to(self, address: str) -> list:
        return [m for m in self.messages if address in m["X-Envelope-To"]]


@pytest.fixture
def smtp_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[CapturedMail]:
    """A local SMTP server (aiosmtpd) and the Airflow connection ``smtp_default`` pointing at it."""
    import json

    from aiosmtpd.controller import Controller

    mail = CapturedMail()
    port = _free_port()
    controller = Controller(mail, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv(
        "AIRFLOW_CONN_SMTP_DEFAULT",
        json.dumps(
            {
                "conn_type": "smtp",
                "host": "127.0.0.1",
                "port": port,
                "extra": {
                    "disable_ssl": True,
                    "disable_tls": True,
                    "from_email": "dpo-bot@gdpr.test",
                },
            }
        ),
    )
    try:
        yield mail
    finally:
        controller.stop()


@pytest.fixture
def datamap():
    from gdpr.datamap import load_datamap

    return load_datamap(DATAMAP_PATH)


def airflow_conn_json(url: str) -> str:
    """An Airflow connection (JSON form) for a SQLAlchemy URL, as a deployer would define it."""
    import json

    parsed = sa.make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return json.dumps({"conn_type": "sqlite", "host": parsed.database})
    return json.dumps(
        {
            "conn_type": {"postgresql": "postgres", "mysql": "mysql"}[backend],
            "host": parsed.host,
            "port": parsed.port,
            "login": parsed.username,
            "password": parsed.password,
            "schema": parsed.database,
        }
    )


def s3_conn_json(endpoint: str) -> str:
    import json

    return json.dumps(
        {
            "conn_type": "aws",
            "login": "testing",
            "password": "testing",
            "extra": {"endpoint_url": endpoint, "region_name": "eu-west-3"},
        }
    )


@pytest.fixture(scope="session")
def airflow_db() -> None:
    """Airflow's metadata database (SQLite, in the session's throw-away AIRFLOW_HOME)."""
    import subprocess

    subprocess.run(
        [sys.executable, "-m", "airflow", "db", "migrate"], check=True, capture_output=True
    )


@pytest.fixture
def demo_org(pg_url, mysql_url, s3_endpoint, s3_client, tmp_path, monkeypatch, datamap):
    """The demo organisation: CRM on PostgreSQL, helpdesk on MariaDB, S3 on moto, ledger on SQLite.

    Connections are set the way a deployer sets them (``AIRFLOW_CONN_*``), so DAG runs and the
    command line read the same ones.
    """
    from examples import buckets_of
    from examples.retailer.populate import seed_demo
    from gdpr.connections import create_sql_engine, env_var_name
    from gdpr.ledger import migrate

    crm, helpdesk = create_sql_engine(pg_url), create_sql_engine(mysql_url)
    summary = seed_demo(crm, helpdesk, s3_client, buckets_of(datamap), customers=200)
    ledger_url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    ledger = create_sql_engine(ledger_url)
    migrate(ledger)
    for conn_id, value in {
        "gdpr_crm": airflow_conn_json(pg_url),
        "gdpr_helpdesk": airflow_conn_json(mysql_url),
        "gdpr_ledger": airflow_conn_json(ledger_url),
        "gdpr_s3": s3_conn_json(s3_endpoint),
    }.items():
        monkeypatch.setenv(env_var_name(conn_id), value)
    yield DemoOrg(datamap, crm, helpdesk, ledger, s3_client, summary)
    for engine in (crm, helpdesk, ledger):
        engine.dispose()


class DemoOrg:
    def __init__(self, datamap, crm, helpdesk, ledger, s3, summary):
        self.datamap, self.crm, self.helpdesk, self.ledger, self.s3, self.summary = (
            datamap,
            crm,
            helpdesk,
            ledger,
            s3,
            summary,
        )


# Every shipped organisation (examples/), seeded on fresh systems: the `org` fixture.
from tests.orgs_fixtures import org  # noqa: E402, F401
