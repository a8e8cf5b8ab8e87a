"""The ``rt_org`` fixture, as a plugin a test module requires (``pytest_plugins =
["tests.rt.plugin", "tests.rt.org"]``): the organisation of ``tests/integration/rt_map.py``
deployed as a deployer would, the map in a file (GDPR_DATAMAP), every connection in
``AIRFLOW_CONN_*``, the buckets on moto's server, the ledger in SQLite, the helpdesk the
test's RT."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from examples import buckets_of
from gdpr.connectors.factory import connectors_for, env_clients
from gdpr.datamap import load_datamap
from tests.integration.rt_map import CUSTOMERS, MAP, RECEIPTS


@dataclass
class RtOrg:
    datamap: object
    shop: sa.Engine
    connectors: dict
    ledger: sa.Engine
    s3: object


@pytest.fixture
def rt_org(rt_server, sqlite_url, s3_client, s3_endpoint, tmp_path, monkeypatch):
    """The organisation deployed: its systems seeded, its connections and map in the
    environment, connectors built from them."""
    from examples.buckets import ensure_buckets
    from gdpr.connections import create_sql_engine
    from gdpr.ledger import migrate
    from tests.conftest import airflow_conn_json, s3_conn_json

    shop = sa.create_engine(sqlite_url)
    with shop.begin() as conn:
        conn.execute(
            sa.text(
                "CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, customer_number TEXT, "
                "email TEXT, full_name TEXT)"
            )
        )
        conn.execute(
            sa.text("INSERT INTO customers VALUES (:i, :n, :e, :f)"),
            [dict(zip("inef", c, strict=True)) for c in CUSTOMERS],
        )
    path = tmp_path / "datamap.yaml"
    path.write_text(MAP, encoding="utf-8")
    datamap = load_datamap(path)
    ensure_buckets(s3_client, buckets_of(datamap))
    for number, receipts in RECEIPTS.items():
        for receipt in receipts:
            s3_client.put_object(
                Bucket="rtorg-documents",
                Key=f"receipts/{number}/{receipt}.txt",
                Body=f"Receipt {receipt} of customer {number}".encode(),
            )
    ledger_url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    ledger = create_sql_engine(ledger_url)
    migrate(ledger)
    monkeypatch.setenv("GDPR_DATAMAP", str(path))
    for conn_id, value in {
        "rtorg_shop": airflow_conn_json(sqlite_url),
        "rtorg_helpdesk": rt_server.conn_json(),
        "rtorg_s3": s3_conn_json(s3_endpoint),
        "gdpr_ledger": airflow_conn_json(ledger_url),
    }.items():
        monkeypatch.setenv(f"AIRFLOW_CONN_{conn_id.upper()}", value)
    clients = env_clients()
    try:
        yield RtOrg(datamap, shop, connectors_for(datamap, clients), ledger, s3_client)
    finally:
        clients.dispose()
        shop.dispose()
        ledger.dispose()
