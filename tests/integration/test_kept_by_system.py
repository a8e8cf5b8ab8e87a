"""Records a system keeps when erasure or a purge asks it to remove them, named by the nature of
the reason (``Connector.locked``): an S3 Object Lock is a retention the system enforces, kept
under Art. 17(3)(b); an archive member that cannot be taken out of its archive is kept because
the system cannot erase it, which is not an exemption and cites no article. Both in the plan,
the rendered kept table, and the retention purge and its report; PostgreSQL and moto's S3.

A leasing firm, unrelated to the demo: its customers in SQL, a signed contract per customer in
an Object Lock bucket, and monthly statements as zip archives with one member per customer.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from gdpr.connections import create_sql_engine
from gdpr.connectors import S3Connector, SqlConnector
from gdpr.datamap import parse_datamap
from gdpr.deadlines import request_due_at
from gdpr.erasure.certificate import _tables
from gdpr.erasure.plan import CANNOT_ERASE, preview
from gdpr.ledger import Ledger, migrate
from gdpr.reports.render import render_template
from gdpr.reports.retention import render_retention_report
from gdpr.retention.run import run_rule
from tests.clock import TEST_NOW

pytestmark = pytest.mark.integration

CONTRACTS, STATEMENTS = "bail-contrats", "bail-releves"
EMAIL = "client1@bail.example"
MAP = f"""
version: 1
organisation:
  name: Bail Exemple
  address: 4 quai du Rhone, Lyon
  dpo: {{name: D. P. O., email: dpo@bail.example}}
  supervisory_authority: {{name: CNIL}}
identities:
  - {{name: courriel, kind: email}}
reports: {{conn_id: s3, bucket: bail-rapports}}
delivery: {{conn_id: s3, bucket: bail-livraison}}
purposes:
  - {{id: bail, name: Bail, description: Contrats de bail, legal_basis: contract,
     data_subjects: [clients]}}
systems:
  - name: agence
    kind: sql
    conn_id: agence_db
    datasets:
      - name: clients
        primary_key: [client_id]
        identity: {{courriel: mail}}
        subjects: clients
        purposes: [bail]
        fields:
          client_id: {{categories: [user.unique_id]}}
          mail: {{categories: [user.contact.email]}}
          fin_contrat: {{categories: [system.operations]}}
  - name: coffre
    kind: s3
    conn_id: s3
    bucket: {CONTRACTS}
    datasets:
      - name: contrats
        key_template: "contrats/{{client_id}}/{{*}}.pdf"
        references: [{{dataset: agence.clients, fields: {{client_id: client_id}}}}]
        subjects: clients
        purposes: [bail]
        categories: [user.financial]
  - name: docs
    kind: s3
    conn_id: s3
    bucket: {STATEMENTS}
    datasets:
      - name: releves
        key_template: "releves/{{mois}}.zip"
        archive: {{members: "{{client_id}}/releve.pdf", max_bytes: 10}}
        references: [{{dataset: agence.clients, fields: {{client_id: client_id}}}}]
        subjects: clients
        purposes: [bail]
        categories: [user.financial]
retention:
  - {{id: clients-3a, dataset: agence.clients, start: {{column: fin_contrat}}, period: P3Y,
     action: delete, citation: Code civil art. 2224}}
"""
HELD = "contrats/1/signe.pdf"  # under an Object Lock legal hold
STATEMENT = "releves/2026-01.zip"  # customer 1 and 2's members, larger than max_bytes


def statement() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for customer in (1, 2):
            z.writestr(f"{customer}/releve.pdf", f"%PDF statement of {customer}")
    return out.getvalue()


@pytest.fixture
def org(pg_url, s3_client, tmp_path):
    engine = create_sql_engine(pg_url)
    meta = sa.MetaData()
    clients = sa.Table(
        "clients",
        meta,
        sa.Column("client_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("mail", sa.String(200)),
        sa.Column("fin_contrat", sa.Date),
    )
    meta.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            clients.insert(),
            [
                {"client_id": 1, "mail": EMAIL, "fin_contrat": date(2020, 6, 30)},  # expired
                {"client_id": 2, "mail": "client2@bail.example", "fin_contrat": None},
            ],
        )
    where = {"LocationConstraint": "eu-west-3"}
    s3_client.create_bucket(
        Bucket=CONTRACTS, CreateBucketConfiguration=where, ObjectLockEnabledForBucket=True
    )
    s3_client.put_object(
        Bucket=CONTRACTS, Key=HELD, Body=b"%PDF signed", ObjectLockLegalHoldStatus="ON"
    )
    s3_client.create_bucket(Bucket=STATEMENTS, CreateBucketConfiguration=where)
    s3_client.put_bucket_versioning(
        Bucket=STATEMENTS, VersioningConfiguration={"Status": "Enabled"}
    )
    s3_client.put_object(Bucket=STATEMENTS, Key=STATEMENT, Body=statement())
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)
    dm = parse_datamap(MAP, source="bail.yaml")
    conns = {
        "agence": SqlConnector(dm.system("agence"), engine),
        "coffre": S3Connector(dm.system("coffre"), s3_client),
        "docs": S3Connector(dm.system("docs"), s3_client),
    }
    yield dm, conns, Ledger(ledger_engine)
    for key, bucket in ((HELD, CONTRACTS),):
        for v in s3_client.list_object_versions(Bucket=bucket, Prefix=key).get("Versions", []):
            s3_client.put_object_legal_hold(
                Bucket=bucket, Key=key, VersionId=v["VersionId"], LegalHold={"Status": "OFF"}
            )
    engine.dispose()
    ledger_engine.dispose()


def test_the_plan_keeps_a_locked_object_under_17_3_b_and_a_member_the_system_cannot_erase(org):
    dm, conns, ledger = org
    ledger.create_request(
        kind="erasure",
        subject_email=EMAIL,
        received_at=TEST_NOW,
        due_at=request_due_at(TEST_NOW, "UTC"),
        channel="test",
        request_id="R-KEPT-1",
    )
    plan = preview(
        dm, conns, ledger, subject_email=EMAIL, request_id="R-KEPT-1", ground="b", now=TEST_NOW
    )

    ((held_id, held),) = plan.dataset("coffre.contrats").kept.items()
    assert [k[0] for k in held] == [HELD]
    lock = plan.reasons[held_id]
    assert lock.exempt
    assert lock.article == "Art. 17(3)(b)"
    assert lock.text == "S3 Object Lock legal hold on the object"
    ((member_id, members),) = plan.dataset("docs.releves").kept.items()
    assert [tuple(k) for k in members] == [(STATEMENT, "1/releve.pdf")]
    cannot = plan.reasons[member_id]
    assert not cannot.exempt
    assert cannot.article == ""
    assert cannot.text.startswith(f"{CANNOT_ERASE}. A version of the archive is larger")

    html = render_template("erasure_datasets.html.j2", **_tables(plan))
    row_of = {
        line.split("<td>")[1].split("</td>")[0]: line
        for line in html.splitlines()
        if "<td>" in line and ("Object Lock" in line or CANNOT_ERASE in line)
    }
    assert "Art. 17(3)(b)" in row_of["coffre.contrats"]
    assert "Art. 17(3)" not in row_of["docs.releves"]
    assert "not an exemption" in row_of["docs.releves"]


def test_the_purge_spares_what_the_systems_keep_and_its_report_says_why(org, s3_client):
    dm, conns, ledger = org
    rewritable = parse_datamap(MAP.replace("max_bytes: 10", "max_bytes: 100000"), source="b.yaml")

    held = run_rule(rewritable, "clients-3a", conns, ledger, now=TEST_NOW)

    # the customer stays with what cannot go, the reason named by its nature
    assert held.datasets["agence.clients"].count == 0
    assert dict(held.spared_roots) == {
        "retention the system enforces: S3 Object Lock legal hold on the object": 1
    }
    assert held.datasets["coffre.contrats"].spared == 1
    assert s3_client.list_object_versions(Bucket=CONTRACTS, Prefix=HELD)["Versions"]

    # without the Object Lock, the member its archive cannot be rewritten without is kept
    for v in s3_client.list_object_versions(Bucket=CONTRACTS, Prefix=HELD)["Versions"]:
        s3_client.put_object_legal_hold(
            Bucket=CONTRACTS, Key=HELD, VersionId=v["VersionId"], LegalHold={"Status": "OFF"}
        )
    cannot = run_rule(dm, "clients-3a", conns, ledger, now=TEST_NOW)
    ((reason, count),) = cannot.spared_roots.items()
    assert count == 1
    assert reason.startswith("kept: the system cannot erase it: A version of the archive")
    assert cannot.datasets["docs.releves"].spared == 1
    assert cannot.datasets["coffre.contrats"].spared == 1, "under the customer kept"

    report = render_retention_report(
        dm,
        [held.as_dict(), cannot.as_dict()],
        [],
        dry_run=False,
        generated_at=datetime(2026, 11, 18, tzinfo=UTC),
        run_id="manual__test",
    )
    assert "retention the system enforces: S3 Object Lock legal hold on the object" in report
    assert "kept: the system cannot erase it: A version of the archive" in report
    assert "17(3)" not in report
