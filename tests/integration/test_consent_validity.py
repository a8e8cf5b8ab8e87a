"""Consent validity declared in the map, checked on PostgreSQL and MariaDB: an opt-in needs a
timestamp and a source, and a source the map says does not count as consent (a pre-ticked box,
a bought list) makes it invalid; each invalid consent is reported by its key and reason."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa

from gdpr.connections import create_sql_engine
from gdpr.datamap import parse_datamap
from gdpr.datamap.errors import DataMapError
from gdpr.quality.runner import check_dataset
from tests.clock import TEST_NOW

pytestmark = pytest.mark.integration

MAP = """
version: 1
organisation:
  name: Presse Exemple
  address: 2 rue des Imprimeurs, Rennes
  dpo: {name: D. P. O., email: dpo@presse.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: s3, bucket: presse-rapports}
delivery: {conn_id: s3, bucket: presse-envois}
purposes:
  - {id: newsletter, name: Lettre, description: Lettre d'information, legal_basis: consent,
     data_subjects: [readers]}
systems:
  - name: presse
    kind: sql
    conn_id: presse_db
    datasets:
      - name: readers
        primary_key: [reader_id]
        identity: {email: mail}
        subjects: readers
        purposes: [newsletter]
        fields:
          reader_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
          opt_in: {categories: [user.privacy_preferences]}
          opted_in_at: {categories: [user.privacy_preferences]}
          source: {categories: [user.privacy_preferences]}
          withdrawn_at: {categories: [user.privacy_preferences]}
        consent:
          opt_in: opt_in
          given_at: opted_in_at
          source: source
          withdrawn_at: withdrawn_at
          invalid_sources: [pre_ticked_box, bought_list]
"""

AT = datetime(2025, 3, 1, 10)
# reader: opt_in, opted_in_at, source, withdrawn_at -> the reason reported, if any
READERS = {
    1: ((True, AT, "signup_form", None), None),
    2: ((True, AT, "pre_ticked_box", None), "opt_in_from_invalid_source"),
    3: ((True, AT, "bought_list", None), "opt_in_from_invalid_source"),
    4: ((True, None, "signup_form", None), "opt_in_without_timestamp"),
    5: ((True, AT, None, None), "opt_in_without_source"),
    6: ((False, AT, "pre_ticked_box", None), None),  # not opted in: nothing to prove
    7: ((True, AT, "signup_form", AT), "withdrawal_not_honoured"),
}


@pytest.mark.parametrize("database", ["pg_url", "mysql_url"])
def test_invalid_consents_are_reported_by_key_and_reason(request, database):
    engine = create_sql_engine(request.getfixturevalue(database))
    readers = sa.Table(
        "readers",
        sa.MetaData(),
        sa.Column("reader_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("mail", sa.String(100)),
        sa.Column("opt_in", sa.Boolean),
        sa.Column("opted_in_at", sa.DateTime),
        sa.Column("source", sa.String(40)),
        sa.Column("withdrawn_at", sa.DateTime),
    )
    readers.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            readers.insert(),
            [
                dict(
                    zip(
                        ("reader_id", "mail", "opt_in", "opted_in_at", "source", "withdrawn_at"),
                        (rid, f"r{rid}@presse.example", *values),
                        strict=True,
                    )
                )
                for rid, (values, _) in READERS.items()
            ],
        )
    try:
        datamap = parse_datamap(MAP, source="presse.yaml")
        outcome = check_dataset(datamap, "presse.readers", engine, now=TEST_NOW)
    finally:
        engine.dispose()
    assert not outcome.errors, outcome.errors
    found = {(f.key, f.category) for f in outcome.findings if f.check == "consent"}
    assert found == {((str(rid),), reason) for rid, (_, reason) in READERS.items() if reason}


def test_invalid_sources_must_be_a_list_of_text():
    text = MAP.replace("[pre_ticked_box, bought_list]", "pre_ticked_box")
    with pytest.raises(DataMapError) as refused:
        parse_datamap(text, source="presse.yaml")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "invalid_sources" in x)
    assert f"presse.yaml:{line}:" in str(refused.value)
    assert "valid list" in str(refused.value)
