"""Keys of every common type, end to end, on PostgreSQL, MariaDB and SQLite.

A small insurer, unrelated to the demo, with French names: persons and contracts keyed by UUID
(a native ``uuid`` column on PostgreSQL, CHAR(36) text on MariaDB and SQLite), contract lines
keyed by (contract, line number), files keyed by a text reference in a padded CHAR(12), and
documents pointing at files by that reference. Found by e-mail, the subject's records are
read, deleted, digested into the ledger and exported, whatever Python type the driver
returns a key as.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from gdpr.access import RequestInfo, build_subject_package
from gdpr.connections import create_sql_engine
from gdpr.connectors import ByReference, SqlConnector
from gdpr.datamap import parse_datamap
from gdpr.ledger import EvidenceInput, Ledger, digest_keys, migrate, verify_chain
from gdpr.subject import resolve_subject
from tests.clock import TEST_NOW

pytestmark = pytest.mark.integration

MAP = """
version: 1
organisation:
  name: Mutuelle Exemple
  address: 2 place du Marché, Lyon
  dpo: {name: D. P. O., email: dpo@mutuelle.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: courriel, kind: email}
reports: {conn_id: s3, bucket: mutuelle-rapports}
delivery: {conn_id: s3, bucket: mutuelle-livraison}
purposes:
  - {id: contrats, name: Contrats, description: Gestion des contrats, legal_basis: contract,
     data_subjects: [assures]}
systems:
  - name: registre
    kind: sql
    conn_id: registre_db
    datasets:
      - name: personnes
        primary_key: [personne_id]
        identity: {courriel: mail}
        subjects: assures
        purposes: [contrats]
        fields:
          personne_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
          nom: {categories: [user.name]}
      - name: contrats
        primary_key: [contrat_id]
        references: [{dataset: registre.personnes, fields: {souscripteur: personne_id}}]
        subjects: assures
        purposes: [contrats]
        fields:
          contrat_id: {categories: [system.operations]}
          souscripteur: {categories: [user.unique_id]}
          prime: {categories: [user.financial]}
      - name: lignes
        primary_key: [contrat_id, numero]
        references: [{dataset: registre.contrats, fields: {contrat_id: contrat_id}}]
        subjects: assures
        purposes: [contrats]
        fields:
          contrat_id: {categories: [system.operations]}
          numero: {categories: [system.operations]}
          garantie: {categories: [user.financial]}
      - name: dossiers
        primary_key: [reference]
        references: [{dataset: registre.personnes, fields: {titulaire: personne_id}}]
        subjects: assures
        purposes: [contrats]
        fields:
          reference: {categories: [system.operations]}
          titulaire: {categories: [user.unique_id]}
          ouvert_le: {categories: [system.operations]}
      - name: pieces
        primary_key: [piece_id]
        references: [{dataset: registre.dossiers, fields: {dossier: reference}}]
        subjects: assures
        purposes: [contrats]
        fields:
          piece_id: {categories: [system.operations]}
          dossier: {categories: [system.operations]}
          empreinte: {categories: [system.operations]}
"""

SUBJECT = "Claire.Martin@mutuelle.example"
CLAIRE = uuid.UUID("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")
PAUL = uuid.UUID("0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d")
# contracts: Claire has two, Paul one
C1 = uuid.UUID("11111111-2222-4333-8444-555555555555")
C2 = uuid.UUID("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")
C3 = uuid.UUID("99999999-8888-4777-8666-555555555555")


def _uuid_type(engine: sa.Engine) -> sa.types.TypeEngine:
    # native uuid on PostgreSQL; text elsewhere, as MariaDB and SQLite schemas usually hold it
    return sa.Uuid() if engine.dialect.name == "postgresql" else sa.CHAR(36)


def _id(engine: sa.Engine, value: uuid.UUID) -> object:
    return value if engine.dialect.name == "postgresql" else str(value)


def create_registre(engine: sa.Engine) -> None:
    meta = sa.MetaData()
    key = _uuid_type(engine)
    personnes = sa.Table(
        "personnes",
        meta,
        sa.Column("personne_id", key, primary_key=True),
        sa.Column("mail", sa.String(200)),
        sa.Column("nom", sa.String(200)),
    )
    contrats = sa.Table(
        "contrats",
        meta,
        sa.Column("contrat_id", key, primary_key=True),
        sa.Column("souscripteur", key, index=True),
        sa.Column("prime", sa.Numeric(10, 2)),
    )
    lignes = sa.Table(
        "lignes",
        meta,
        sa.Column("contrat_id", key, primary_key=True),
        sa.Column("numero", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("garantie", sa.String(50)),
    )
    dossiers = sa.Table(
        "dossiers",
        meta,
        sa.Column("reference", sa.CHAR(12), primary_key=True),  # padded on PostgreSQL
        sa.Column("titulaire", key),
        sa.Column("ouvert_le", sa.Date),
    )
    pieces = sa.Table(
        "pieces",
        meta,
        sa.Column("piece_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("dossier", sa.String(12), index=True),
        sa.Column("empreinte", sa.LargeBinary(32)),
    )
    meta.create_all(engine)
    i = lambda value: _id(engine, value)  # noqa: E731
    day = TEST_NOW.date()
    with engine.begin() as conn:
        conn.execute(
            personnes.insert(),
            [
                {"personne_id": i(CLAIRE), "mail": " claire.MARTIN@mutuelle.example", "nom": "C"},
                {"personne_id": i(PAUL), "mail": "paul@mutuelle.example", "nom": "P"},
            ],
        )
        conn.execute(
            contrats.insert(),
            [
                {"contrat_id": i(C1), "souscripteur": i(CLAIRE), "prime": 120.5},
                {"contrat_id": i(C2), "souscripteur": i(CLAIRE), "prime": 80},
                {"contrat_id": i(C3), "souscripteur": i(PAUL), "prime": 99},
            ],
        )
        conn.execute(
            lignes.insert(),
            [
                {"contrat_id": i(c), "numero": n, "garantie": f"g{n}"}
                for c, count in ((C1, 3), (C2, 1), (C3, 2))
                for n in range(1, count + 1)
            ],
        )
        conn.execute(
            dossiers.insert(),
            [
                {"reference": "DOS-1", "titulaire": i(CLAIRE), "ouvert_le": day},
                {"reference": "DOS-22", "titulaire": i(CLAIRE), "ouvert_le": day},
                {"reference": "DOS-3", "titulaire": i(PAUL), "ouvert_le": day},
            ],
        )
        conn.execute(
            pieces.insert(),
            [
                {"piece_id": 1, "dossier": "DOS-1", "empreinte": b"\x00\x01"},
                {"piece_id": 2, "dossier": "DOS-1", "empreinte": b"\x02"},
                {"piece_id": 3, "dossier": "DOS-22", "empreinte": b"\x03"},
                {"piece_id": 4, "dossier": "DOS-3", "empreinte": b"\x04"},
            ],
        )


@pytest.fixture
def registre(sql_url):
    datamap = parse_datamap(MAP, source="mutuelle.yaml")
    engine = create_sql_engine(sql_url)
    create_registre(engine)
    yield datamap, SqlConnector(datamap.system("registre"), engine)
    engine.dispose()


def found(connector, datamap, dataset_id, criterion, columns):
    dataset = datamap.dataset(dataset_id).dataset
    return [row for batch in connector.find(dataset, criterion, columns) for row in batch]


def test_uuid_keys_find_the_same_rows_whether_given_as_uuid_or_text(registre):
    datamap, connector = registre
    for claire in (CLAIRE, str(CLAIRE)):
        rows = found(
            connector,
            datamap,
            "registre.contrats",
            ByReference(("souscripteur",), [(claire,)]),
            ["contrat_id"],
        )
        assert sorted(str(r["contrat_id"]).lower() for r in rows) == sorted([str(C1), str(C2)])
    # a value that cannot be a UUID matches nothing instead of failing the whole look-up
    rows = found(
        connector,
        datamap,
        "registre.contrats",
        ByReference(("souscripteur",), [("not-a-uuid",), (PAUL,)]),
        ["contrat_id"],
    )
    assert [str(r["contrat_id"]).lower() for r in rows] == [str(C3)]


def test_composite_and_padded_text_keys_are_found(registre):
    datamap, connector = registre
    lines = found(
        connector,
        datamap,
        "registre.lignes",
        ByReference(("contrat_id", "numero"), [(C1, 2), (str(C1), 3), (C2, 1), (C3, 9)]),
        ["contrat_id", "numero"],
    )
    assert sorted((str(r["contrat_id"]).lower(), r["numero"]) for r in lines) == sorted(
        [(str(C1), 2), (str(C1), 3), (str(C2), 1)]
    )
    files = found(
        connector,
        datamap,
        "registre.dossiers",
        ByReference(("titulaire",), [(CLAIRE,)]),
        ["reference"],
    )
    # the CHAR(12) comes back without its padding on every database, so it joins its children
    assert sorted(r["reference"] for r in files) == ["DOS-1", "DOS-22"]
    pieces = found(
        connector,
        datamap,
        "registre.pieces",
        ByReference(("dossier",), [(r["reference"],) for r in files]),
        ["piece_id"],
    )
    assert sorted(r["piece_id"] for r in pieces) == [1, 2, 3]


def test_delete_by_uuid_composite_and_text_keys_removes_only_those_rows(registre):
    datamap, connector = registre

    def ds(name):
        return datamap.dataset(f"registre.{name}").dataset

    with connector.engine.begin() as conn:
        assert connector.delete_keys(conn, ds("lignes"), ["contrat_id", "numero"], [(C1, 1)]) == 1
        assert connector.delete_keys(conn, ds("lignes"), ["contrat_id", "numero"], [(C2, 1)]) == 1
        # UUID keys as uuid.UUID and as text (as a ledger or another system would give them)
        assert connector.delete_keys(conn, ds("contrats"), ["contrat_id"], [(C1,), (str(C2),)]) == 2
        assert connector.delete_keys(conn, ds("dossiers"), ["reference"], [("DOS-22",)]) == 1
    with connector.engine.begin() as conn:  # a rerun deletes nothing more
        assert connector.delete_keys(conn, ds("contrats"), ["contrat_id"], [(C1,), (C2,)]) == 0
    left = {
        name: found(
            connector,
            datamap,
            f"registre.{name}",
            ByReference((field,), [(value,)]),
            [field],
        )
        for name, field, value in [
            ("contrats", "souscripteur", CLAIRE),
            ("dossiers", "titulaire", CLAIRE),
        ]
    }
    assert left["contrats"] == []
    assert [r["titulaire"] for r in left["dossiers"]] == [_id(connector.engine, CLAIRE)]
    with connector.engine.connect() as conn:
        lines = conn.execute(sa.text("SELECT numero FROM lignes ORDER BY numero")).scalars()
        assert list(lines) == [1, 2, 2, 3]  # C1's lines 2-3 and Paul's 1-2
        assert conn.execute(sa.text("SELECT count(*) FROM contrats")).scalar() == 1


def test_resolution_digests_and_ledger_evidence_with_uuid_keys(registre):
    datamap, connector = registre
    location = resolve_subject(datamap, {"registre": connector}, "courriel", SUBJECT)
    assert location.counts() == {
        "registre.personnes": 1,
        "registre.contrats": 2,
        "registre.lignes": 4,
        "registre.dossiers": 2,
        "registre.pieces": 3,
    }
    # the digests are those of the keys' text, whatever type the driver returned them as
    assert location.hits["registre.personnes"].keys_sha256() == digest_keys([[str(CLAIRE)]])
    assert (
        location.hits["registre.contrats"].keys_sha256()
        == hashlib.sha256("\n".join(sorted(f'["{c}"]' for c in (C1, C2))).encode()).hexdigest()
    )
    assert location.hits["registre.lignes"].keys_sha256() == digest_keys(
        [[str(C1), 1], [str(C1), 2], [str(C1), 3], [str(C2), 1]]
    )
    assert location.hits["registre.dossiers"].keys_sha256() == digest_keys([["DOS-1"], ["DOS-22"]])

    migrate(connector.engine)
    ledger = Ledger(connector.engine)
    hits = location.hits["registre.contrats"]
    recorded = ledger.record_evidence(
        EvidenceInput(
            action="erasure.delete",
            system="registre",
            dataset=hits.dataset,
            count=hits.count,
            keys_sha256=hits.keys_sha256(),
            detail={"first_key": hits.sorted_keys()[0][0], "premium": 0},
        )
    )
    ledger.record_evidence(
        EvidenceInput(action="erasure.delete", dataset="registre.personnes", count=1)
    )
    assert recorded.detail["first_key"] == min(str(C1), str(C2))
    report = verify_chain(connector.engine)
    assert report.ok, report.problems
    assert report.rows == 2


def test_access_package_of_a_uuid_keyed_subject_is_json_and_csv(registre, tmp_path):
    datamap, connector = registre
    request = RequestInfo("R-2026-000007", "access", TEST_NOW, TEST_NOW + timedelta(days=30))
    package = build_subject_package(
        datamap,
        {"registre": connector},
        SUBJECT,
        tmp_path,
        kind="access",
        request=request,
        generated_at=TEST_NOW,
    )
    archive = zipfile.ZipFile(package.path)
    people = json.loads(archive.read("data/registre/personnes.json"))
    assert [p["personne_id"] for p in people] == [str(CLAIRE)]
    contracts = json.loads(archive.read("data/registre/contrats.json"))
    # exact decimals (text) where the database keeps them; SQLite hands back a number
    assert sorted((c["contrat_id"], Decimal(str(c["prime"]))) for c in contracts) == [
        (str(C1), Decimal("120.5")),
        (str(C2), Decimal("80")),
    ]
    lines = json.loads(archive.read("data/registre/lignes.json"))
    assert len(lines) == 4
    files = json.loads(archive.read("data/registre/dossiers.json"))
    assert sorted(f["reference"] for f in files) == ["DOS-1", "DOS-22"]
    assert {f["ouvert_le"] for f in files} == {TEST_NOW.date().isoformat()}
    pieces = json.loads(archive.read("data/registre/pieces.json"))
    assert sorted(p["empreinte"] for p in pieces) == ["AAE=", "Ag==", "Aw=="]  # base64
    csv_lines = archive.read("data/registre/contrats.csv").decode().splitlines()
    assert csv_lines[0] == "contrat_id,souscripteur,prime"
    cells = sorted(line.split(",") for line in csv_lines[1:])
    assert [(c, s, Decimal(p)) for c, s, p in cells] == [
        (str(C1), str(CLAIRE), Decimal("120.5")),
        (str(C2), str(CLAIRE), Decimal("80")),
    ]
    assert package.counts["registre.contrats"] == 2
