"""Build connectors for the systems of a data map from connection ids.

Where the clients come from is the caller's choice: inside Airflow, hooks built from Airflow
connections (``gdpr.airflow.hooks``); on the command line and in tests, the same
``AIRFLOW_CONN_*`` variables read directly. Engines are cached per connection id so systems
sharing a database share a pool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from gdpr.connections import boto3_s3_client, create_sql_engine, spec_from_env, sqlalchemy_url
from gdpr.connectors.base import Connector
from gdpr.connectors.rt import RtApi, RtConnector
from gdpr.connectors.s3 import S3Connector
from gdpr.connectors.sql import SqlConnector
from gdpr.datamap.models import DataMap, System


@dataclass
class Clients:
    """Turns connection ids into SQLAlchemy engines, boto3 S3 clients and RT REST 2 clients,
    once each."""

    make_engine: Callable[[str], sa.Engine]
    make_s3_client: Callable[[str], Any]
    make_rt_api: Callable[[str], RtApi] = field(
        default=lambda conn_id: RtApi.from_spec(spec_from_env(conn_id))
    )
    _engines: dict[str, sa.Engine] = field(default_factory=dict)
    _s3: dict[str, Any] = field(default_factory=dict)
    _rt: dict[str, RtApi] = field(default_factory=dict)

    def engine(self, conn_id: str) -> sa.Engine:
        if conn_id not in self._engines:
            self._engines[conn_id] = self.make_engine(conn_id)
        return self._engines[conn_id]

    def s3(self, conn_id: str) -> Any:
        if conn_id not in self._s3:
            self._s3[conn_id] = self.make_s3_client(conn_id)
        return self._s3[conn_id]

    def rt(self, conn_id: str) -> RtApi:
        if conn_id not in self._rt:
            self._rt[conn_id] = self.make_rt_api(conn_id)
        return self._rt[conn_id]

    def dispose(self) -> None:
        for engine in self._engines.values():
            engine.dispose()
        self._engines.clear()


def env_clients() -> Clients:
    """Clients from ``AIRFLOW_CONN_<ID>`` environment variables, without importing Airflow."""
    return Clients(
        make_engine=lambda conn_id: create_sql_engine(sqlalchemy_url(spec_from_env(conn_id))),
        make_s3_client=lambda conn_id: boto3_s3_client(spec_from_env(conn_id)),
    )


def connector_for(system: System, clients: Clients) -> Connector:
    if system.kind == "sql":
        return SqlConnector(system, clients.engine(system.conn_id))
    if system.kind == "rt":
        return RtConnector(system, clients.rt(system.conn_id))
    return S3Connector(system, clients.s3(system.conn_id))


def connectors_for(
    datamap: DataMap, clients: Clients, systems: Iterable[str] | None = None
) -> dict[str, Connector]:
    wanted = set(systems) if systems is not None else None
    return {
        s.name: connector_for(s, clients)
        for s in datamap.systems
        if wanted is None or s.name in wanted
    }
