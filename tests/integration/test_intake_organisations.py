"""Request intake on every shipped organisation, on the embedded default's SQLite files (what
`make demo ORG=...` runs): each privacy record becomes one request and gets one reply, whatever
key the reply's table needs (SQLite numbers only INTEGER keys; a BIGINT or UUID key is given by
the connector)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from examples import ORGANISATIONS, load
from gdpr.connections import create_sql_engine
from gdpr.connectors import SqlConnector
from gdpr.datamap import load_datamap
from gdpr.intake import take_requests
from gdpr.ledger import Ledger, migrate
from tests.clock import TEST_NOW

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_intake_replies_once_to_each_privacy_record_on_sqlite(name, tmp_path, s3_client):
    org = load(name)
    datamap = load_datamap(org.DATAMAP)
    engines = {
        s.name: create_sql_engine(f"sqlite:///{tmp_path / f'{s.name}.sqlite'}")
        for s in datamap.systems
        if s.kind == "sql"
    }
    org.seed(engines, s3_client, subjects=org.MIN_SUBJECTS, today=TEST_NOW.date())
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)
    ledger = Ledger(ledger_engine)
    rule = datamap.intake
    source = datamap.dataset(rule.dataset)
    connector = SqlConnector(source.system, engines[source.system.name])
    reply = datamap.dataset(rule.reply.dataset)
    replies = sa.table(
        reply.dataset.table_name,
        sa.column(rule.reply.reference_field),
        sa.column(rule.reply.text_field),
    )

    def replied() -> int:
        with engines[reply.system.name].connect() as conn:
            text = replies.c[rule.reply.text_field]
            return conn.execute(
                sa.select(sa.func.count()).select_from(replies).where(text.like("%R-%"))
            ).scalar_one()

    try:
        before = replied()
        first = take_requests(datamap, connector, ledger, now=TEST_NOW)
        assert first.new > 0, "every organisation plants privacy records"
        assert first.replies == first.new
        assert replied() == before + first.new
        again = take_requests(datamap, connector, ledger, now=TEST_NOW)
        assert (again.new, again.replies, again.known) == (0, 0, first.new)
        assert replied() == before + first.new
    finally:
        for engine in (*engines.values(), ledger_engine):
            engine.dispose()
