"""Fixtures of the integration tests that several files share."""

from __future__ import annotations

import pytest

from gdpr.connections import create_sql_engine
from gdpr.connectors import SqlConnector
from tests.integration.small_map import create_shop, small_map


@pytest.fixture
def shop(sql_url):
    """The small shop's tables (50 people) on the parametrised database, and its connector."""
    engine = create_sql_engine(sql_url)
    create_shop(engine, people=50)
    datamap = small_map()
    yield SqlConnector(datamap.system("shop"), engine), datamap
    engine.dispose()
