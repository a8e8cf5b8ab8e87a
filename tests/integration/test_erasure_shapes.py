"""Erasure and retention on shapes the demo does not have, on PostgreSQL and MariaDB.

A small mutual insurer, unrelated to the demo: members keyed by UUID, contracts keyed by text,
contributions kept for the accountants. Two shapes real organisations have:

* the data map declares the contract as the member's dependant (the direction that finds the
  subject) while the database's foreign key points from the member to their current contract:
  erasure takes its order from the reflected foreign keys, as the retention purge does;
* a record the map anonymises has a NOT NULL column (a plain field the map would empty, or a
  NOT NULL foreign key to the member being erased): the preview, the apply of an older plan and
  the retention run refuse with one sentence naming the dataset and field, before anything
  changes.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
import sqlalchemy as sa

from gdpr.cli import main
from gdpr.connections import create_sql_engine, env_var_name
from gdpr.connectors import SqlConnector
from gdpr.datamap import parse_datamap
from gdpr.deadlines import request_due_at
from gdpr.erasure.apply import apply_plan
from gdpr.erasure.plan import preview
from gdpr.erasure.verify import verify_erasure
from gdpr.ledger import Ledger, migrate, verify_chain
from gdpr.retention.anonymise import REDACTED, NotNullError
from gdpr.retention.run import run_rule
from tests.clock import TEST_NOW
from tests.conftest import airflow_conn_json

MAP = """
version: 1
organisation:
  name: Mutuelle Exemple
  address: 2 place Bellecour, Lyon
  dpo: {{name: D. P. O., email: dpo@mutuelle.example}}
  supervisory_authority: {{name: CNIL}}
identities:
  - {{name: courriel, kind: email}}
reports: {{conn_id: s3, bucket: mutuelle-rapports}}
delivery: {{conn_id: s3, bucket: mutuelle-livraison}}
purposes:
  - {{id: adhesion, name: Adhésion, description: Gestion des contrats, legal_basis: contract,
     data_subjects: [adhérents]}}
  - {{id: compta, name: Comptabilité, description: Pièces comptables,
     legal_basis: legal_obligation, data_subjects: [adhérents]}}
systems:
  - name: mutuelle
    kind: sql
    conn_id: mutuelle_db
    datasets:
      - name: adherents
        primary_key: [adherent_id]
        identity: {{courriel: mail}}
        one_per_subject: true
        subjects: adhérents
        purposes: [adhesion]
        erasure: {adherents}
        fields:
          adherent_id: {{categories: [user.unique_id]}}
          mail: {{categories: [user.contact.email], erasure: hash}}
          contrat_courant: {{categories: [system.operations]}}
          fin_adhesion: {{categories: [system.operations]}}
      - name: contrats
        primary_key: [contrat_ref]
        references: [{{dataset: mutuelle.adherents, fields: {{adherent_id: adherent_id}}}}]
        subjects: adhérents
        purposes: [adhesion]
        fields:
          contrat_ref: {{categories: [system.operations]}}
          adherent_id: {{categories: [user.unique_id]}}
          garantie: {{categories: [user.financial]}}
      - name: cotisations
        primary_key: [cotisation_id]
        references: [{{dataset: mutuelle.adherents, fields: {{adherent_id: adherent_id}}}}]
        subjects: adhérents
        purposes: [compta]
        erasure: anonymise
        fields:
          cotisation_id: {{categories: [system.operations]}}
          adherent_id: {{categories: [user.unique_id]}}
          iban: {{categories: [user.financial.bank_account], erasure: '{iban}'}}
          montant: {{categories: [user.financial]}}
          payee_le: {{categories: [system.operations]}}
retention:
  - id: adherents-5a
    dataset: mutuelle.adherents
    start: {{column: fin_adhesion}}
    period: P5Y
    action: delete
    citation: Code de la mutualité
    keep: [mutuelle.cotisations]
  - id: cotisations-iban
    dataset: mutuelle.cotisations
    start: {{column: payee_le}}
    period: P1Y
    action: anonymise
    fields: [iban]
    citation: Code monétaire et financier
"""

MEMBERS = 4
SUBJECT = 1  # the member erased
ENDED = TEST_NOW.replace(tzinfo=None) - timedelta(days=6 * 365)


def _schema(engine: sa.Engine, *, member_not_null: bool, iban_not_null: bool) -> sa.MetaData:
    uuid_type = sa.Uuid(as_uuid=True) if engine.dialect.name == "postgresql" else sa.CHAR(36)
    meta = sa.MetaData()
    sa.Table(
        "contrats",
        meta,
        sa.Column("contrat_ref", sa.String(20), primary_key=True),
        sa.Column("adherent_id", uuid_type, index=True),  # no foreign key this way round
        sa.Column("garantie", sa.String(40)),
    )
    sa.Table(
        "adherents",
        meta,
        sa.Column("adherent_id", uuid_type, primary_key=True),
        sa.Column("mail", sa.String(200)),
        # the database's foreign key: from the member to their current contract
        sa.Column("contrat_courant", sa.String(20), sa.ForeignKey("contrats.contrat_ref")),
        sa.Column("fin_adhesion", sa.DateTime),
    )
    sa.Table(
        "cotisations",
        meta,
        sa.Column("cotisation_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column(
            "adherent_id",
            uuid_type,
            sa.ForeignKey("adherents.adherent_id"),
            nullable=not member_not_null,
        ),
        sa.Column("iban", sa.String(40), nullable=not iban_not_null),
        sa.Column("montant", sa.Numeric(10, 2), nullable=False),
        sa.Column("payee_le", sa.DateTime, nullable=False),
        # the contract paid: a foreign key the data map does not declare
        sa.Column("contrat_ref", sa.String(20), sa.ForeignKey("contrats.contrat_ref")),
    )
    return meta


def _id(engine: sa.Engine, n: int) -> object:
    value = uuid.UUID(int=7000 + n)
    return value if engine.dialect.name == "postgresql" else str(value)


@pytest.fixture(params=["postgresql", "mariadb"])
def insurer(request, tmp_path):
    url = request.getfixturevalue({"postgresql": "pg_url", "mariadb": "mysql_url"}[request.param])
    engine = create_sql_engine(url)
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)

    def build(
        *,
        iban: str = "null",
        adherents: str = "delete",
        member_not_null: bool = False,
        iban_not_null: bool = False,
    ):
        meta = _schema(engine, member_not_null=member_not_null, iban_not_null=iban_not_null)
        meta.drop_all(engine)
        meta.create_all(engine)
        t = meta.tables
        with engine.begin() as conn:
            conn.execute(
                t["contrats"].insert(),
                [
                    {"contrat_ref": f"C-{i}-{j}", "adherent_id": _id(engine, i), "garantie": "base"}
                    for i in range(MEMBERS)
                    for j in range(2)
                ],
            )
            conn.execute(
                t["adherents"].insert(),
                [
                    {
                        "adherent_id": _id(engine, i),
                        "mail": f"Adherent{i}@Mutuelle.example",
                        "contrat_courant": f"C-{i}-0",
                        "fin_adhesion": ENDED if i == SUBJECT else None,
                    }
                    for i in range(MEMBERS)
                ],
            )
            conn.execute(
                t["cotisations"].insert(),
                [
                    {
                        "cotisation_id": 10 * i + j,
                        "adherent_id": _id(engine, i),
                        "iban": f"FR76{i:04d}{j:04d}",
                        "montant": 42,
                        "payee_le": ENDED,
                        "contrat_ref": f"C-{i}-1",
                    }
                    for i in range(MEMBERS)
                    for j in range(3)
                ],
            )
        datamap = parse_datamap(MAP.format(iban=iban, adherents=adherents), source="mutuelle.yaml")
        connectors = {"mutuelle": SqlConnector(datamap.system("mutuelle"), engine)}
        return datamap, connectors

    yield engine, Ledger(ledger_engine), build
    engine.dispose()
    ledger_engine.dispose()


def _rows(engine: sa.Engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {
            table: sorted(
                tuple(map(str, r)) for r in conn.execute(sa.text(f"SELECT * FROM {table}"))
            )
            for table in ("adherents", "contrats", "cotisations")
        }


def _preview(datamap, connectors, ledger):
    email = f"adherent{SUBJECT}@mutuelle.example"
    ledger.create_request(
        kind="erasure",
        subject_email=email,
        received_at=TEST_NOW,
        due_at=request_due_at(TEST_NOW, "Europe/Paris"),
        channel="test",
        request_id="R-MUT-1",
    )
    return preview(
        datamap,
        connectors,
        ledger,
        subject_email=email,
        request_id="R-MUT-1",
        ground="b",
        now=TEST_NOW,
        identity="courriel",
    )


def test_erasure_deletes_in_the_order_of_the_databases_foreign_keys(insurer):
    """The map finds contracts from the member; the member row references its current contract.
    Deleting the map's dependants first would be refused by the database mid-run."""
    engine, ledger, build = insurer
    datamap, connectors = build()
    plan = _preview(datamap, connectors, ledger)
    order = [d.dataset for d in plan.datasets]
    assert order.index("mutuelle.adherents") < order.index("mutuelle.contrats")
    assert order.index("mutuelle.cotisations") < order.index("mutuelle.adherents")
    assert plan.dataset("mutuelle.contrats").counts()["delete"] == 2

    outcome = apply_plan(datamap, plan, connectors, ledger, batch_size=1)

    assert outcome.changed["mutuelle.adherents"]["delete"] == 1
    assert outcome.changed["mutuelle.contrats"]["delete"] == 2
    assert outcome.changed["mutuelle.cotisations"]["anonymise"] == 3
    left = _rows(engine)
    assert len(left["adherents"]) == MEMBERS - 1
    assert len(left["contrats"]) == 2 * (MEMBERS - 1)
    subject = str(uuid.UUID(int=7000 + SUBJECT))
    kept = [r for r in left["cotisations"] if int(r[0]) // 10 == SUBJECT]
    assert len(kept) == 3
    assert all(r[1] == "None" and r[2] == "None" for r in kept)
    assert not any(subject in value for rows in left.values() for r in rows for value in r)
    verify_erasure(
        datamap, plan, connectors, identity="courriel", value=f"adherent{SUBJECT}@mutuelle.example"
    )
    assert verify_chain(ledger._engine).ok


def test_an_older_plan_is_applied_in_the_order_the_database_allows(insurer):
    """A plan listing the map's dependants first (as previews did before the order came from
    the foreign keys) is applied in the order the database accepts, with its approved digest."""
    engine, ledger, build = insurer
    datamap, connectors = build()
    plan = _preview(datamap, connectors, ledger)
    naive = ["mutuelle.cotisations", "mutuelle.contrats", "mutuelle.adherents"]
    plan.datasets.sort(key=lambda d: naive.index(d.dataset))

    outcome = apply_plan(datamap, plan, connectors, ledger)

    assert outcome.total == 1 + 2 + 3
    assert len(_rows(engine)["adherents"]) == MEMBERS - 1


def test_a_kept_record_loses_the_foreign_key_the_map_does_not_declare(insurer):
    """The member is kept anonymised, their contracts deleted: the member row's own foreign key
    to the current contract (not a reference of the map) is cut, before the contracts go."""
    engine, ledger, build = insurer
    datamap, connectors = build(adherents="anonymise")
    plan = _preview(datamap, connectors, ledger)
    members = plan.dataset("mutuelle.adherents")
    assert members.constant == {"contrat_courant": None}
    assert members.tokens == ["mail"]

    apply_plan(datamap, plan, connectors, ledger)

    left = _rows(engine)
    subject = str(uuid.UUID(int=7000 + SUBJECT))
    (member,) = [r for r in left["adherents"] if r[0] == subject]
    assert member[1].startswith("anon-")
    assert member[2] == "None"
    assert len(left["contrats"]) == 2 * (MEMBERS - 1)


def test_emptying_a_not_null_field_is_refused_before_anything_changes(insurer):
    engine, ledger, build = insurer
    datamap, connectors = build(iban_not_null=True)
    before = _rows(engine)

    with pytest.raises(NotNullError) as refused:
        _preview(datamap, connectors, ledger)

    assert str(refused.value) == (
        "mutuelle.cotisations.iban is NOT NULL in the database, so anonymising cannot empty it: "
        "declare the field `erasure: redact` or `erasure: hash` in the data map, or make the "
        "column nullable."
    )
    assert _rows(engine) == before
    assert not ledger.evidence(actions=["erasure.intent"])


def test_a_not_null_field_the_map_redacts_is_anonymised(insurer):
    engine, ledger, build = insurer
    datamap, connectors = build(iban="redact", iban_not_null=True)
    plan = _preview(datamap, connectors, ledger)
    apply_plan(datamap, plan, connectors, ledger)
    kept = [r for r in _rows(engine)["cotisations"] if int(r[0]) // 10 == SUBJECT]
    assert len(kept) == 3
    assert {r[2] for r in kept} == {REDACTED}


def test_cutting_a_not_null_reference_is_refused_before_anything_changes(insurer):
    engine, ledger, build = insurer
    datamap, connectors = build(member_not_null=True)
    before = _rows(engine)

    with pytest.raises(NotNullError, match=r"^mutuelle\.cotisations\.adherent_id is NOT NULL"):
        _preview(datamap, connectors, ledger)

    assert _rows(engine) == before


def test_an_approved_plan_is_refused_when_the_column_became_not_null(insurer):
    engine, ledger, build = insurer
    datamap, connectors = build()
    plan = _preview(datamap, connectors, ledger)
    datamap, connectors = build(iban_not_null=True)  # the schema changed after the approval
    before = _rows(engine)

    with pytest.raises(NotNullError, match=r"mutuelle\.cotisations\.iban is NOT NULL"):
        apply_plan(datamap, plan, connectors, ledger)

    assert _rows(engine) == before
    assert not ledger.evidence(actions=["erasure.intent"])


def test_the_purge_cuts_a_kept_records_foreign_key_the_map_does_not_declare(insurer):
    """The expired member goes with their contracts; their contributions stay, anonymised, for
    the accountants. A contribution names the contract it paid, through a foreign key the map
    does not declare: the purge empties it before the contract goes (the database would refuse
    the delete otherwise), as erasure does, and the evidence counts what changed."""
    engine, ledger, build = insurer
    datamap, connectors = build()
    run_pk = ledger.start_run("test", "insurer", "retention")

    outcome = run_rule(datamap, "adherents-5a", connectors, ledger, now=TEST_NOW, run_pk=run_pk)

    left = _rows(engine)
    assert len(left["adherents"]) == MEMBERS - 1
    assert len(left["contrats"]) == 2 * (MEMBERS - 1)
    kept = [r for r in left["cotisations"] if int(r[0]) // 10 == SUBJECT]
    assert [(r[1], r[2], r[5]) for r in kept] == [("None", "None", "None")] * 3
    others = [r for r in left["cotisations"] if int(r[0]) // 10 != SUBJECT]
    assert all(r[5] != "None" for r in others), "nobody else's contribution changed"
    assert outcome.datasets["mutuelle.cotisations"].count == 3
    settled = [
        e.count
        for e in ledger.evidence(run_pk=run_pk, actions=["retention.anonymise"])
        if e.dataset == "mutuelle.cotisations"
    ]
    assert settled == [3]


@pytest.mark.parametrize("rule", ["cotisations-iban", "adherents-5a"])
def test_a_retention_rule_that_would_empty_a_not_null_column_changes_nothing(insurer, rule):
    engine, ledger, build = insurer
    datamap, connectors = build(iban_not_null=True, member_not_null=True)
    before = _rows(engine)
    run_pk = ledger.start_run("test", "insurer", "retention")

    with pytest.raises(NotNullError, match=rf"^rule {rule}: mutuelle\.cotisations\."):
        run_rule(datamap, rule, connectors, ledger, now=TEST_NOW, run_pk=run_pk)

    assert _rows(engine) == before
    assert not ledger.evidence(run_pk=run_pk)


def test_gdpr_check_finds_the_refused_anonymisations_ahead_of_any_request(
    insurer, tmp_path, monkeypatch, capsys
):
    engine, _, build = insurer
    url = engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv(env_var_name("mutuelle_db"), airflow_conn_json(url))
    path = tmp_path / "mutuelle.yaml"
    path.write_text(MAP.format(iban="null", adherents="delete"), encoding="utf-8")

    build()
    assert main(["check", "--datamap", str(path)]) == 0
    assert "refused" not in capsys.readouterr().out

    build(iban_not_null=True, member_not_null=True)
    assert main(["check", "--datamap", str(path)]) == 1
    refused = [line.strip() for line in capsys.readouterr().out.splitlines() if "refused:" in line]
    assert refused == [
        "refused: erasure: mutuelle.cotisations.adherent_id is NOT NULL in the database, so the "
        "kept, anonymised records cannot lose their reference to the records being deleted: "
        "make the column nullable, or let these records be deleted (`erasure: delete`, or no "
        "`keep` for them).",
        "refused: erasure: mutuelle.cotisations.iban is NOT NULL in the database, so "
        "anonymising cannot empty it: declare the field `erasure: redact` or `erasure: hash` in "
        "the data map, or make the column nullable.",
        "refused: rule adherents-5a: mutuelle.cotisations.adherent_id is NOT NULL in the "
        "database, so the kept, anonymised records cannot lose their reference to the records "
        "being deleted: make the column nullable, or let these records be deleted (`erasure: "
        "delete`, or no `keep` for them).",
        "refused: rule adherents-5a: mutuelle.cotisations.iban is NOT NULL in the database, so "
        "anonymising cannot empty it: declare the field `erasure: redact` or `erasure: hash` in "
        "the data map, or make the column nullable.",
        "refused: rule cotisations-iban: mutuelle.cotisations.iban is NOT NULL in the database, "
        "so anonymising cannot empty it: declare the field `erasure: redact` or `erasure: hash` "
        "in the data map, or make the column nullable.",
    ]
