"""Fixtures for the real services the suite talks to.

PostgreSQL and MariaDB are the machine's own servers (override with GDPR_TEST_PG_URL and
GDPR_TEST_MYSQL_URL); each test that asks for one gets a database of its own, dropped after.
S3 is moto's server over HTTP on a free local port. A service that is down is an error, not a
skip: the suite is only meaningful against the real thing.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import tempfile

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

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

PG_ADMIN_URL = os.environ.get("GDPR_TEST_PG_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/gdpr_test")
MYSQL_ADMIN_URL = os.environ.get("GDPR_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306/gdpr_test?charset=utf8mb4")
DATAMAP_PATH = ROOT / "include" / "datamap.yaml"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _admin_engine(url: str) -> sa.Engine:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as exc:  # pragma: no cover - environment problem
        raise RuntimeError(f"test database server unreachable at {engine.url!r}: {exc}") from exc
    return engine


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
    return request.getfixturevalue({"sqlite": "sqlite_url", "postgresql": "pg_url", "mariadb": "mysql_url"}[request.param])


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

    urllib.request.urlopen(urllib.request.Request(f"{moto_endpoint}/moto-api/reset", method="POST")).read()
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


@pytest.fixture
def datamap():
    from gdpr.datamap import load_datamap

    return load_datamap(DATAMAP_PATH)
