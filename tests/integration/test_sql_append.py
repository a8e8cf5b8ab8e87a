"""``Changes.append`` on PostgreSQL, MariaDB and SQLite: new records get the key their table
needs, whether the database numbers them or not.

A small ticketing tool, unrelated to the shipped organisations: replies keyed by a BIGINT the
database does not number on SQLite (a BIGINT key is no rowid alias there), notes keyed by a
UUID (native on PostgreSQL, CHAR(36) text elsewhere), events keyed by (ticket, number) and
numbered per ticket, labels keyed by text, and an autoincrement counter left to the database.
"""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from gdpr.connections import create_sql_engine
from gdpr.connectors import SqlConnector
from gdpr.connectors.keys import key_text
from gdpr.datamap import parse_datamap

pytestmark = pytest.mark.integration

MAP = """
version: 1
organisation:
  name: Ticket Exemple
  address: 1 rue de la Paix, Paris
  dpo: {name: D. P. O., email: dpo@ticket.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: s3, bucket: t-reports}
delivery: {conn_id: s3, bucket: t-delivery}
purposes:
  - {id: support, name: Support, description: Support, legal_basis: contract,
     data_subjects: [clients]}
systems:
  - name: outil
    kind: sql
    conn_id: outil_db
    datasets:
      - name: demandes
        primary_key: [demande_id]
        identity: {email: mail}
        subjects: clients
        purposes: [support]
        fields:
          demande_id: {categories: [system.operations]}
          mail: {categories: [user.contact.email]}
      - name: reponses
        primary_key: [reponse_id]
        references: [{dataset: outil.demandes, fields: {demande_id: demande_id}}]
        subjects: clients
        purposes: [support]
        fields:
          reponse_id: {categories: [system.operations]}
          demande_id: {categories: [system.operations]}
          texte: {categories: [user.content]}
      - name: notes
        primary_key: [note_id]
        references: [{dataset: outil.demandes, fields: {demande_id: demande_id}}]
        subjects: clients
        purposes: [support]
        fields:
          note_id: {categories: [system.operations]}
          demande_id: {categories: [system.operations]}
          texte: {categories: [user.content]}
      - name: evenements
        primary_key: [demande_id, numero]
        references: [{dataset: outil.demandes, fields: {demande_id: demande_id}}]
        subjects: clients
        purposes: [support]
        fields:
          demande_id: {categories: [system.operations]}
          numero: {categories: [system.operations]}
          texte: {categories: [user.content]}
      - name: etiquettes
        primary_key: [etiquette]
        references: [{dataset: outil.demandes, fields: {demande_id: demande_id}}]
        subjects: clients
        purposes: [support]
        fields:
          etiquette: {categories: [system.operations]}
          demande_id: {categories: [system.operations]}
      - name: compteurs
        primary_key: [compteur_id]
        references: [{dataset: outil.demandes, fields: {demande_id: demande_id}}]
        subjects: clients
        purposes: [support]
        fields:
          compteur_id: {categories: [system.operations]}
          demande_id: {categories: [system.operations]}
"""

UUID = sa.Uuid(as_uuid=True).with_variant(sa.String(36), "sqlite", "mysql", "mariadb")


def _schema(dialect: str) -> sa.MetaData:
    metadata = sa.MetaData()
    sa.Table(
        "demandes",
        metadata,
        sa.Column("demande_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("mail", sa.String(200)),
    )
    sa.Table(  # not numbered by the database: BIGINT is no rowid alias on SQLite
        "reponses",
        metadata,
        sa.Column("reponse_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("demande_id", sa.Integer, nullable=False),
        sa.Column("texte", sa.Text, nullable=False),
    )
    sa.Table(
        "notes",
        metadata,
        sa.Column("note_id", UUID, primary_key=True),
        sa.Column("demande_id", sa.Integer, nullable=False),
        sa.Column("texte", sa.Text, nullable=False),
    )
    sa.Table(
        "evenements",
        metadata,
        sa.Column("demande_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("numero", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("texte", sa.Text, nullable=False),
    )
    sa.Table(
        "etiquettes",
        metadata,
        sa.Column("etiquette", sa.String(64), primary_key=True),
        sa.Column("demande_id", sa.Integer, nullable=False),
    )
    sa.Table(  # numbered by the database everywhere (INTEGER: SQLite's rowid alias)
        "compteurs",
        metadata,
        sa.Column("compteur_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("demande_id", sa.Integer, nullable=False),
    )
    return metadata


@pytest.fixture
def outil(sql_url):
    engine = create_sql_engine(sql_url)
    metadata = _schema(engine.dialect.name)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(metadata.tables["demandes"].insert(), [{"demande_id": 1}, {"demande_id": 2}])
        conn.execute(
            metadata.tables["reponses"].insert(),
            [{"reponse_id": 41, "demande_id": 1, "texte": "déjà là"}],
        )
        conn.execute(
            metadata.tables["evenements"].insert(),
            [{"demande_id": 2, "numero": 7, "texte": "ouverte"}],
        )
    system = parse_datamap(MAP).system("outil")
    connector = SqlConnector(system, engine)
    yield connector, {d.name: d for d in system.datasets}, metadata
    engine.dispose()


def _rows(connector, table: sa.Table, order: str) -> list[dict]:
    with connector.engine.connect() as conn:
        return [dict(r) for r in conn.execute(table.select().order_by(order)).mappings()]


def test_an_integer_key_the_database_does_not_number_is_the_next_one(outil):
    connector, datasets, metadata = outil
    with connector.changes() as changes:
        assert changes.append(datasets["reponses"], [{"demande_id": 1, "texte": "a"}]) == 1
        assert changes.append(datasets["reponses"], [{"demande_id": 2, "texte": "b"}] * 2) == 2
    rows = _rows(connector, metadata.tables["reponses"], "reponse_id")
    assert [r["reponse_id"] for r in rows] == [41, 42, 43, 44]
    assert [r["texte"] for r in rows] == ["déjà là", "a", "b", "b"]


def test_a_uuid_key_gets_a_fresh_uuid_of_the_columns_type(outil):
    connector, datasets, metadata = outil
    rows = [{"demande_id": 1, "texte": "x"}, {"demande_id": 2, "texte": "y", "note_id": None}]
    with connector.changes() as changes:
        assert changes.append(datasets["notes"], rows) == 2
    assert rows[0] == {"demande_id": 1, "texte": "x"}, "the caller's rows are left as given"
    found = _rows(connector, metadata.tables["notes"], "texte")
    ids = [key_text(r["note_id"]) for r in found]
    assert len(set(ids)) == 2
    assert all(str(uuid.UUID(i)) == i for i in ids), "canonical dashed UUIDs"
    if connector.engine.dialect.name == "postgresql":
        assert all(isinstance(r["note_id"], uuid.UUID) for r in found)


def test_a_composite_key_is_numbered_within_the_rest_of_the_key(outil):
    connector, datasets, metadata = outil
    with connector.changes() as changes:
        changes.append(
            datasets["evenements"],
            [
                {"demande_id": 1, "texte": "a"},
                {"demande_id": 2, "texte": "b"},
                {"demande_id": 1, "texte": "c"},
            ],
        )
    rows = _rows(connector, metadata.tables["evenements"], "texte")
    assert [(r["demande_id"], r["numero"], r["texte"]) for r in rows] == [
        (1, 1, "a"),
        (2, 8, "b"),
        (1, 2, "c"),
        (2, 7, "ouverte"),
    ]


def test_a_text_key_gets_unique_text_and_given_keys_are_kept(outil):
    connector, datasets, metadata = outil
    with connector.changes() as changes:
        changes.append(
            datasets["etiquettes"],
            [{"demande_id": 1}, {"demande_id": 1}, {"demande_id": 2, "etiquette": "urgent"}],
        )
    labels = [r["etiquette"] for r in _rows(connector, metadata.tables["etiquettes"], "etiquette")]
    assert "urgent" in labels
    assert len(set(labels)) == 3


def test_a_key_the_database_numbers_is_left_to_it(outil):
    connector, datasets, metadata = outil
    with connector.changes() as changes:
        changes.append(datasets["compteurs"], [{"demande_id": 1}, {"demande_id": 2}])
    rows = _rows(connector, metadata.tables["compteurs"], "compteur_id")
    assert [r["demande_id"] for r in rows] == [1, 2]
    assert rows[0]["compteur_id"] < rows[1]["compteur_id"]


def test_an_append_is_part_of_the_unit_of_work(outil):
    connector, datasets, metadata = outil

    def fail_after_appending() -> None:
        with connector.changes() as changes:
            changes.append(datasets["reponses"], [{"demande_id": 1, "texte": "perdue"}])
            raise RuntimeError("the caller fails before the end of the block")

    with pytest.raises(RuntimeError):
        fail_after_appending()
    assert len(_rows(connector, metadata.tables["reponses"], "reponse_id")) == 1
