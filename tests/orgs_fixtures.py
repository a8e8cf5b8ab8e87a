"""The ``org`` fixture: each shipped organisation (examples/), seeded on fresh systems.

Parametrised over examples.ORGANISATIONS: the map's first SQL system on a fresh PostgreSQL
database, the second on a fresh MariaDB one, its buckets on moto, a SQLite ledger holding the
organisation's legal hold, ``GDPR_DATAMAP`` and the ``AIRFLOW_CONN_*`` of every conn_id of the
map set as a deployer sets them. tests/conftest.py registers it for every test.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest
import sqlalchemy as sa

from examples import ORGANISATIONS, load
from examples.planted import Planted
from tests.clock import TEST_NOW
from tests.conftest import airflow_conn_json, s3_conn_json

SUBJECTS = 60


@dataclass
class Org:
    name: str
    module: ModuleType
    datamap: Any
    engines: dict[str, sa.Engine]  # by the map's SQL system name
    ledger: sa.Engine
    s3: Any
    summary: Any

    @property
    def planted(self) -> Planted:
        return self.module.PLANTED

    def dispose(self) -> None:
        for engine in (*self.engines.values(), self.ledger):
            engine.dispose()


@pytest.fixture(params=ORGANISATIONS)
def org(request, pg_url, mysql_url, s3_endpoint, s3_client, tmp_path, monkeypatch):
    org = load_org(
        request.param,
        pg_url,
        mysql_url,
        f"sqlite:///{tmp_path / 'ledger.sqlite'}",
        s3_endpoint,
        s3_client,
        monkeypatch,
    )
    yield org
    org.dispose()


def load_org(
    name: str,
    pg_url: str,
    mysql_url: str,
    ledger_url: str,
    s3_endpoint: str,
    s3_client,
    monkeypatch,
) -> Org:
    """The organisation ``name`` seeded into these systems, its hold in the ledger at
    ``ledger_url``, and the connections of its map set in the environment."""
    from gdpr.connections import create_sql_engine, env_var_name
    from gdpr.datamap import load_datamap
    from gdpr.ledger import Ledger, migrate

    module = load(name)
    datamap = load_datamap(module.DATAMAP)
    sql_systems = [s for s in datamap.systems if s.kind == "sql"]
    assert len(sql_systems) == 2, "an organisation has one PostgreSQL and one MariaDB system"
    urls = dict(zip([s.name for s in sql_systems], (pg_url, mysql_url), strict=True))
    engines = {name: create_sql_engine(url) for name, url in urls.items()}
    summary = module.seed(engines, s3_client, subjects=SUBJECTS, today=TEST_NOW.date())
    ledger = create_sql_engine(ledger_url)
    migrate(ledger)
    module.place_holds(Ledger(ledger))
    conns = {"gdpr_ledger": airflow_conn_json(ledger_url)}
    for system in datamap.systems:
        value = airflow_conn_json(urls[system.name]) if system.kind == "sql" else None
        conns[system.conn_id] = value or s3_conn_json(s3_endpoint)
    for location in (datamap.reports, datamap.delivery):
        conns[location.conn_id] = s3_conn_json(s3_endpoint)
    for conn_id, value in conns.items():
        monkeypatch.setenv(env_var_name(conn_id), value)
    monkeypatch.setenv("GDPR_DATAMAP", str(module.DATAMAP))
    return Org(name, module, datamap, engines, ledger, s3_client, summary)
