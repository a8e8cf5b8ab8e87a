"""Connection settings, independent of Airflow.

Credentials never live in the data map: it names Airflow connection ids, and this module turns
a connection's fields into a SQLAlchemy URL or a boto3 client. Inside Airflow the fields come
from ``BaseHook.get_connection`` (see ``gdpr.airflow.hooks``); on the command line they come
from the same ``AIRFLOW_CONN_<ID>`` environment variables Airflow reads, so one setting serves
both.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import sqlalchemy as sa

_SQL_DRIVERS = {
    "postgres": "postgresql+psycopg2",
    "postgresql": "postgresql+psycopg2",
    "mysql": "mysql+pymysql",
    "mariadb": "mysql+pymysql",
    "sqlite": "sqlite",
}


class ConnectionNotFoundError(LookupError):
    """A connection id named by the data map is not defined anywhere we can read it."""


@dataclass(frozen=True)
class ConnectionSpec:
    """The fields of an Airflow connection that the connectors need."""

    conn_id: str
    conn_type: str
    host: str | None = None
    port: int | None = None
    login: str | None = None
    password: str | None = None
    schema: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:  # never print a password in a log
        return f"ConnectionSpec(conn_id={self.conn_id!r}, conn_type={self.conn_type!r}, host={self.host!r})"


def env_var_name(conn_id: str) -> str:
    return f"AIRFLOW_CONN_{conn_id.upper()}"


def spec_from_env(conn_id: str, environ: Mapping[str, str] | None = None) -> ConnectionSpec:
    """Read a connection the way Airflow's environment-variable secrets backend does (JSON or URI)."""
    environ = os.environ if environ is None else environ
    raw = environ.get(env_var_name(conn_id))
    if not raw:
        raise ConnectionNotFoundError(
            f"connection {conn_id!r} is not defined: set {env_var_name(conn_id)} "
            "(JSON or URI, as for Airflow) or define it in Airflow"
        )
    raw = raw.strip()
    if raw.startswith("{"):
        return spec_from_json(conn_id, json.loads(raw))
    return spec_from_uri(conn_id, raw)


def spec_from_json(conn_id: str, data: Mapping[str, Any]) -> ConnectionSpec:
    extra = data.get("extra") or {}
    if isinstance(extra, str):
        extra = json.loads(extra) if extra else {}
    return ConnectionSpec(
        conn_id=conn_id,
        conn_type=str(data.get("conn_type", "")).replace("-", "_"),
        host=data.get("host"),
        port=int(data["port"]) if data.get("port") else None,
        login=data.get("login"),
        password=data.get("password"),
        schema=data.get("schema"),
        extra=extra,
    )


def spec_from_uri(conn_id: str, uri: str) -> ConnectionSpec:
    parts = urlsplit(uri)
    conn_type = parts.scheme.replace("-", "_")
    if conn_type == "postgresql":
        conn_type = "postgres"
    path = unquote(parts.path)
    if conn_type == "sqlite":
        return ConnectionSpec(
            conn_id=conn_id, conn_type="sqlite", host=path[1:] or None
        )  # as SQLAlchemy reads it
    return ConnectionSpec(
        conn_id=conn_id,
        conn_type=conn_type,
        host=unquote(parts.hostname) if parts.hostname else None,
        port=parts.port,
        login=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        schema=path.lstrip("/") or None,
        extra=dict(parse_qsl(parts.query)),
    )


def sqlalchemy_url(spec: ConnectionSpec) -> sa.URL:
    """Map an Airflow connection to a SQLAlchemy URL (PostgreSQL, MariaDB/MySQL, SQLite)."""
    if "sqlalchemy_url" in spec.extra:
        return sa.make_url(spec.extra["sqlalchemy_url"])
    driver = _SQL_DRIVERS.get(spec.conn_type)
    if driver is None:
        raise ValueError(
            f"connection {spec.conn_id!r} has type {spec.conn_type!r}; a sql system needs one of "
            f"{', '.join(sorted(set(_SQL_DRIVERS) - {'postgresql', 'mariadb'}))}"
        )
    if driver == "sqlite":
        return sa.URL.create("sqlite", database=spec.host or spec.schema)
    query = {"charset": "utf8mb4"} if driver.startswith("mysql") else {}
    return sa.URL.create(
        driver,
        username=spec.login,
        password=spec.password,
        host=spec.host,
        port=spec.port,
        database=spec.schema,
        query=query,
    )


def create_sql_engine(url: sa.URL | str) -> sa.Engine:
    """An engine with the settings every connector relies on (pre-ping, no ORM-style autobegin
    surprises). ``hide_parameters``: a failed statement's error message (which tasks log, and
    which reaches Airflow) says ``[SQL parameters hidden ...]`` instead of listing the bound
    values, which are identities and personal data."""
    url = sa.make_url(url)
    kwargs: dict[str, Any] = {"pool_pre_ping": True}
    if url.get_backend_name() == "sqlite":
        kwargs = {"connect_args": {"timeout": 30}}
    engine = sa.create_engine(url, hide_parameters=True, **kwargs)
    sa.event.listen(engine, "handle_error", withhold_values)
    return engine


def withhold_values(context: Any) -> None:
    """Keep the database's own words out of an error when they may quote values.

    ``hide_parameters`` hides what was bound; the server's message can still quote data:
    PostgreSQL's DETAIL (``Failing row contains (...)``, ``Key (email)=(...)``), MariaDB's
    ``Duplicate entry '...'``. The error keeps its class (a constraint stays an IntegrityError,
    so it is not retried), its code and, from PostgreSQL, the primary message, which names the
    table or constraint and never a value.
    """
    orig = context.original_exception
    primary = getattr(getattr(orig, "diag", None), "message_primary", None)
    code = orig.args[0] if orig.args and isinstance(orig.args[0], int) else None
    code = code or getattr(orig, "pgcode", None) or getattr(orig, "sqlite_errorname", None)
    text = f"{primary or 'database error'}{f' [{code}]' if code else ''} (details withheld)"
    orig.args = (code, text) if isinstance(code, int) else (text,)
    if context.sqlalchemy_exception is not None:
        name = f"{type(orig).__module__}.{type(orig).__name__}"
        context.sqlalchemy_exception.args = (f"({name}) {text}",)


def boto3_s3_client(spec: ConnectionSpec):
    """A boto3 S3 client from an ``aws`` connection (login/password keys, endpoint_url, region)."""
    import boto3  # imported here: boto3 takes a noticeable time to import

    extra = dict(spec.extra)
    return boto3.client(
        "s3",
        aws_access_key_id=spec.login or extra.get("aws_access_key_id"),
        aws_secret_access_key=spec.password or extra.get("aws_secret_access_key"),
        endpoint_url=extra.get("endpoint_url") or extra.get("host"),
        region_name=extra.get("region_name", "eu-west-3"),
    )
