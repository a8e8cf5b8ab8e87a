"""Clients built from Airflow connections, inside task bodies (never at parse time)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from gdpr.connections import ConnectionSpec, create_sql_engine, sqlalchemy_url
from gdpr.connectors.factory import Clients
from gdpr.connectors.rt import RtApi

if TYPE_CHECKING:
    from gdpr.datamap.models import DataMap
    from gdpr.ledger import Ledger

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


def ledger_for(datamap: DataMap) -> Ledger:
    """A task's ledger, hashing identities in the evidence chain with the data map's key
    (``ledger.identity_key_conn_id``) so the chain can tell the person without holding them."""
    from gdpr.ledger import Ledger
    from gdpr.ledger.anchor import identity_key

    key = identity_key(datamap, lambda conn_id: connection_spec(conn_id).password)
    return Ledger(ledger_engine(), identity_key=key)
