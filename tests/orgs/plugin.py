"""The ``generated_org`` fixture, as a plugin a test module requires.

A conftest.py in tests/orgs/ would only serve tests under that folder; a module that tests
generated organisations declares ``pytest_plugins = ["tests.orgs.plugin"]`` and parametrises
``seed``::

    @pytest.mark.parametrize("seed", range(10))
    def test_something(generated_org, seed): ...
"""

from __future__ import annotations

import pytest

from tests.orgs.fixtures import build


@pytest.fixture
def generated_org(seed, pg_url, mysql_url, s3_client, s3_endpoint, tmp_path, monkeypatch):
    """The generated organisation of ``seed`` (parametrise the test with it), loaded and ready."""
    live = build(
        seed,
        pg_url=pg_url,
        mysql_url=mysql_url,
        s3_client=s3_client,
        s3_endpoint=s3_endpoint,
        ledger_url=f"sqlite:///{tmp_path / 'ledger.sqlite'}",
        monkeypatch=monkeypatch,
    )
    try:
        yield live
    finally:
        live.dispose()
