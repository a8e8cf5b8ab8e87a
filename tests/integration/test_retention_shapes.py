"""Retention purges on shapes the demo does not have, on PostgreSQL and MariaDB.

A small lender, unrelated to the demo: borrowers keyed by UUID, loans keyed by text, and the
database's foreign key pointing from the borrower to their current loan while the data map
declares the loan as the borrower's dependant (the direction that finds the subject). A purge
that deleted dependants first would be refused by the database; the order comes from the
live schema. Evidence is written before anything changes and settles after.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
import sqlalchemy as sa

from gdpr.connections import create_sql_engine
from gdpr.connectors import SqlConnector
from gdpr.datamap import parse_datamap
from gdpr.ledger import Ledger, digest_keys, migrate, verify_chain
from gdpr.retention.purge import INTENT, SETTLED
from gdpr.retention.run import run_rule
from tests.clock import TEST_NOW

MAP = """
version: 1
organisation:
  name: Prêts Exemple
  address: 1 quai du Rhône, Lyon
  dpo: {name: D. P. O., email: dpo@prets.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: courriel, kind: email}
reports: {conn_id: s3, bucket: prets-rapports}
delivery: {conn_id: s3, bucket: prets-livraison}
purposes:
  - {id: credit, name: Crédit, description: Gestion des prêts, legal_basis: contract,
     data_subjects: [emprunteurs]}
systems:
  - name: agence
    kind: sql
    conn_id: agence_db
    datasets:
      - name: emprunteurs
        primary_key: [emprunteur_id]
        identity: {courriel: mail}
        subjects: emprunteurs
        purposes: [credit]
        fields:
          emprunteur_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
          pret_courant: {categories: [system.operations]}
          fin_relation: {categories: [system.operations]}
        erasure: delete
      - name: prets
        primary_key: [pret_ref]
        references: [{dataset: agence.emprunteurs, fields: {emprunteur_id: emprunteur_id}}]
        subjects: emprunteurs
        purposes: [credit]
        fields:
          pret_ref: {categories: [system.operations]}
          emprunteur_id: {categories: [user.unique_id]}
          montant: {categories: [user.financial]}
        erasure: delete
retention:
  - id: emprunteurs-5a
    dataset: agence.emprunteurs
    start: {column: fin_relation}
    period: P5Y
    action: delete
    citation: Code monétaire et financier, art. L561-12
"""

EXPIRED, LIVE = 7, 5


@pytest.fixture(params=["postgresql", "mariadb"])
def lender(request, tmp_path):
    url = request.getfixturevalue({"postgresql": "pg_url", "mariadb": "mysql_url"}[request.param])
    engine = create_sql_engine(url)
    uuid_type = sa.Uuid(as_uuid=True) if engine.dialect.name == "postgresql" else sa.CHAR(36)
    meta = sa.MetaData()
    prets = sa.Table(
        "prets",
        meta,
        sa.Column("pret_ref", sa.String(20), primary_key=True),
        sa.Column("emprunteur_id", uuid_type, index=True),  # no foreign key this way round
        sa.Column("montant", sa.Numeric(12, 2)),
    )
    emprunteurs = sa.Table(
        "emprunteurs",
        meta,
        sa.Column("emprunteur_id", uuid_type, primary_key=True),
        sa.Column("mail", sa.String(200)),
        sa.Column("pret_courant", sa.String(20), sa.ForeignKey("prets.pret_ref")),
        sa.Column("fin_relation", sa.DateTime),
    )
    meta.create_all(engine)
    ids = [uuid.UUID(int=1000 + i) for i in range(EXPIRED + LIVE)]
    ended = TEST_NOW.replace(tzinfo=None)
    with engine.begin() as conn:
        conn.execute(
            prets.insert(),
            [
                {"pret_ref": f"P-{i:04d}-{j}", "emprunteur_id": _id(engine, b), "montant": 1000}
                for i, b in enumerate(ids)
                for j in range(2)
            ],
        )
        conn.execute(
            emprunteurs.insert(),
            [
                {
                    "emprunteur_id": _id(engine, b),
                    "mail": f"e{i}@prets.example",
                    "pret_courant": f"P-{i:04d}-0",
                    "fin_relation": ended - timedelta(days=6 * 365 if i < EXPIRED else 30),
                }
                for i, b in enumerate(ids)
            ],
        )
    datamap = parse_datamap(MAP, source="prets.yaml")
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)
    connectors = {"agence": SqlConnector(datamap.system("agence"), engine)}
    yield datamap, engine, connectors, Ledger(ledger_engine), ids
    engine.dispose()
    ledger_engine.dispose()


def _id(engine: sa.Engine, value: uuid.UUID) -> object:
    return value if engine.dialect.name == "postgresql" else str(value)


def _count(engine: sa.Engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_the_databases_foreign_keys_order_the_purge_and_uuid_keys_reach_the_evidence(lender):
    datamap, engine, connectors, ledger, ids = lender
    run_pk = ledger.start_run("test", "lender", "retention")
    outcome = run_rule(
        datamap, "emprunteurs-5a", connectors, ledger, now=TEST_NOW, batch_size=3, run_pk=run_pk
    )

    assert _count(engine, "emprunteurs") == LIVE
    assert _count(engine, "prets") == 2 * LIVE
    assert outcome.datasets["agence.emprunteurs"].count == EXPIRED
    assert outcome.datasets["agence.prets"].count == 2 * EXPIRED
    # Every batch: an intent before, a settlement naming it after; digests over the UUID text.
    intents = ledger.evidence(run_pk=run_pk, actions=[INTENT])
    settled = ledger.evidence(run_pk=run_pk, actions=[SETTLED])
    assert [s.detail["intent"] for s in settled] == [i.id for i in intents]
    assert len(intents) == 3  # 7 expired borrowers, 3 per batch
    (summary,) = ledger.evidence(run_pk=run_pk, actions=["retention.delete"])[:1]
    assert summary.keys_sha256 == digest_keys([(str(b),) for b in ids[:EXPIRED]])
    assert verify_chain(ledger._engine).ok
