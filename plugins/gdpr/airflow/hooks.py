"""Clients built from Airflow connections, inside task bodies (never at parse time)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from gdpr.connections import ConnectionSpec, create_sql_engine, sqlalchemy_url
from gdpr.connectors.factory import Clients
from gdpr.connectors.rt import RtApi
from gdpr.ledger.clock import utc_now

if TYPE_CHECKING:
    from gdpr.datamap.models import DataMap
    from gdpr.ledger import Ledger
    from gdpr.ledger.audit import Audit

LEDGER_CONN_ID = "gdpr_ledger"


def connection_spec(conn_id: str) -> ConnectionSpec:
    from airflow.sdk import BaseHook

    conn = BaseHook.get_connection(conn_id)
    return ConnectionSpec(
        conn_id=conn_id,
        conn_type=conn.conn_type or "",
        host=conn.host,
        port=conn.port,
        login=conn.login,
        password=conn.password,
        schema=conn.schema,
        extra=conn.extra_dejson,
    )


def sql_engine(conn_id: str) -> sa.Engine:
    return create_sql_engine(sqlalchemy_url(connection_spec(conn_id)))


def s3_client(conn_id: str) -> Any:
    from airflow.providers.amazon.aws.hooks.s3 import S3Hook

    return S3Hook(aws_conn_id=conn_id).get_conn()


def rt_api(conn_id: str) -> RtApi:
    return RtApi.from_spec(connection_spec(conn_id))


def airflow_clients() -> Clients:
    return Clients(make_engine=sql_engine, make_s3_client=s3_client, make_rt_api=rt_api)


def ledger_engine() -> sa.Engine:
    return sql_engine(LEDGER_CONN_ID)


def connection_password(conn_id: str) -> str | None:
    """A connection's password: the secrets (identity key, anchor signing key) are kept there."""
    return connection_spec(conn_id).password


def ledger_identity_key(datamap: DataMap) -> bytes | None:
    """The key the chain hashes identities with, from the Airflow connection the data map names
    (``ledger.identity_key_conn_id``); None when the map names none."""
    from gdpr.ledger.anchor import identity_key

    return identity_key(datamap, connection_password)


def ledger_audit(
    datamap: DataMap,
    *,
    engine: sa.Engine | None = None,
    s3: Callable[[str], Any] | None = None,
) -> Audit:
    """The ledger verified as ``gdpr ledger verify`` does, against the heads published to the
    anchor bucket (not the stored certificates), with Airflow's connections (the desk passes
    its own engine and S3 client)."""
    from gdpr.ledger.audit import audit_ledger

    return audit_ledger(
        engine or ledger_engine(), datamap, s3 or airflow_clients().s3, connection_password
    )


def ledger_for(
    datamap: DataMap | None = None,
    *,
    engine: sa.Engine | None = None,
    clock: Callable[[], datetime] | None = None,
) -> Ledger:
    """The ledger as every task and the desk open it: on the Airflow connection, hashing
    identities in the evidence chain with the data map's key so the chain can tell the person
    without holding them. Every writer of requests and notifications must use the same key, or
    its snapshot carries no keyed hash and a subject swapped after it goes unnoticed: so this is
    the one place a Ledger is built from Airflow connections (the desk passes its own engine
    and clock)."""
    from gdpr.datamap import load_datamap
    from gdpr.ledger import Ledger

    key = ledger_identity_key(datamap or load_datamap())
    return Ledger(engine or ledger_engine(), clock or utc_now, identity_key=key)
