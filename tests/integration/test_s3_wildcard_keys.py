"""S3 keys with free segments, and objects kept for a period counted from their parent record.

A small insurer, unrelated to the demo: policyholders and their claims in a database
(PostgreSQL, MariaDB), each claim's photos in S3 under ``claims/{claim_id}/photos/{*}.jpg``.
No table lists the photos: the claim binds the prefix, the file name is free. Photos are kept
5 years after the claim was declared, whatever their upload time (moto stamps every object
with today's date, so a rule on the object's age would keep them all).
"""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from gdpr.access.export import export_system
from gdpr.access.portability import Scope
from gdpr.connections import create_sql_engine
from gdpr.connectors import S3Connector, SqlConnector
from gdpr.datamap import DataMapError, parse_datamap
from gdpr.deadlines import request_due_at
from gdpr.erasure.apply import apply_plan
from gdpr.erasure.plan import preview
from gdpr.ledger import Ledger, migrate
from gdpr.retention.plan import cutoff_for
from gdpr.retention.run import run_rule
from gdpr.retention.select import expired_keys
from gdpr.subject import resolve_subject
from tests.clock import TEST_NOW

MAP = """
version: 1
organisation:
  name: Assurance Exemple
  address: 4 quai des Chartrons, Bordeaux
  dpo: {name: D. P. O., email: dpo@assurance.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: s3, bucket: assurance-rapports}
delivery: {conn_id: s3, bucket: assurance-envois}
purposes:
  - {id: claims, name: Sinistres, description: Gestion des sinistres, legal_basis: contract,
     data_subjects: [assurés]}
systems:
  - name: claims
    kind: sql
    conn_id: claims_db
    datasets:
      - name: holders
        primary_key: [holder_id]
        identity: {email: mail}
        subjects: assurés
        purposes: [claims]
        fields:
          holder_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
      - name: claims
        primary_key: [claim_id]
        references: [{dataset: claims.holders, fields: {holder_id: holder_id}}]
        subjects: assurés
        purposes: [claims]
        fields:
          claim_id: {categories: [system.operations]}
          holder_id: {categories: [user.unique_id]}
          declared_on: {categories: [system.operations]}
  - name: files
    kind: s3
    conn_id: s3
    bucket: assurance-photos
    datasets:
      - name: photos
        key_template: "claims/{claim_id}/photos/{*}.jpg"
        references: [{dataset: claims.claims, fields: {claim_id: claim_id}}]
        subjects: assurés
        purposes: [claims]
        categories: [user.content]
retention:
  - id: photos-5y-after-declaration
    dataset: files.photos
    start:
      parent: {dataset: claims.claims, column: declared_on}
    period: P5Y
    action: delete
    citation: Code des assurances, art. L114-1
"""

# claim id -> holder, declared on, photo names
CLAIMS = {
    10: (1, date(2020, 3, 2), ["front", "back", "IMG_0001"]),  # over 5 years: photos expire
    11: (1, date(2024, 5, 6), [f"IMG_{n:04d}" for n in range(14)]),  # under retention
    12: (2, date(2019, 1, 7), ["dent"]),  # expired too; holder 2 is erased below
    13: (2, None, ["pending"]),  # no declaration date: no start, kept
}
STRAY = ["claims/10/notes.txt", "claims/10/photos/raw/x.jpg", "claims/99/photos/orphan.jpg"]
# the last day kept: declared 2021-11-18 + P5Y is 2026-11-18, TEST_NOW's day
BOUNDARY = {date(2021, 11, 17): True, date(2021, 11, 18): False}


@pytest.fixture(params=["postgresql", "mariadb"])
def insurer(request, s3_client, tmp_path):
    url = request.getfixturevalue({"postgresql": "pg_url", "mariadb": "mysql_url"}[request.param])
    engine = create_sql_engine(url)
    meta = sa.MetaData()
    holders = sa.Table(
        "holders",
        meta,
        sa.Column("holder_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("mail", sa.String(100)),
    )
    claims = sa.Table(
        "claims",
        meta,
        sa.Column("claim_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("holder_id", sa.Integer, index=True),
        sa.Column("declared_on", sa.Date, nullable=True),
    )
    meta.create_all(engine)
    bucket = "assurance-photos"
    s3_client.create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    s3_client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    with engine.begin() as conn:
        conn.execute(
            holders.insert(),
            [{"holder_id": h, "mail": f"Holder{h}@Assurance.example"} for h in (1, 2)],
        )
        for claim, (holder, declared, photos) in CLAIMS.items():
            conn.execute(
                claims.insert(),
                {"claim_id": claim, "holder_id": holder, "declared_on": declared},
            )
            for name in photos:
                s3_client.put_object(Bucket=bucket, Key=_key(claim, name), Body=b"\xff\xd8jpeg")
    # an older version and a delete marker: still the claim's photos
    s3_client.put_object(Bucket=bucket, Key=_key(10, "front"), Body=b"\xff\xd8retake")
    s3_client.delete_object(Bucket=bucket, Key=_key(12, "dent"))
    for key in STRAY:
        s3_client.put_object(Bucket=bucket, Key=key, Body=b"x")
    datamap = parse_datamap(MAP, source="assurance.yaml")
    connectors = {
        "claims": SqlConnector(datamap.system("claims"), engine),
        "files": S3Connector(datamap.system("files"), s3_client),
    }
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)
    yield datamap, connectors, engine, s3_client, Ledger(ledger_engine)
    engine.dispose()
    ledger_engine.dispose()


def _key(claim: int, name: str) -> str:
    return f"claims/{claim}/photos/{name}.jpg"


def _keys(s3_client) -> set[str]:
    listed = s3_client.list_object_versions(Bucket="assurance-photos")
    return {v["Key"] for v in listed.get("Versions", []) + listed.get("DeleteMarkers", [])}


def test_a_subject_is_found_in_every_object_under_a_free_segment(insurer):
    datamap, connectors, *_ = insurer
    location = resolve_subject(datamap, connectors, "email", "holder1@assurance.example")
    found = {k[0] for k in location.hits["files.photos"].rows}
    assert found == {_key(c, n) for c in (10, 11) for n in CLAIMS[c][2]}
    assert not found & set(STRAY), "keys that do not match the template are nobody's objects"


def test_access_exports_every_photo_and_each_version(insurer, tmp_path):
    datamap, connectors, *_ = insurer
    location = resolve_subject(datamap, connectors, "email", "holder1@assurance.example")
    (export,) = export_system(
        datamap, connectors, location, "files", tmp_path, scope=Scope(datamap, "access")
    )
    assert export.count == 3 + 14
    assert export.versions == 3 + 14 + 1, "the retaken front photo's first version too"


def test_photos_expire_5_years_after_the_claim_not_their_upload(insurer):
    datamap, connectors, _, s3_client, ledger = insurer
    rule = datamap.rule("photos-5y-after-declaration")
    cutoff = cutoff_for(rule, TEST_NOW, datamap.organisation.timezone)
    selected = expired_keys(datamap, connectors["files"], rule, cutoff, connectors)
    expired = {_key(c, n) for c in (10, 12) for n in CLAIMS[c][2]}
    assert {k[0] for k in selected} == expired

    outcome = run_rule(datamap, rule.id, connectors, ledger, now=TEST_NOW)

    assert outcome.expired == len(expired)
    left = _keys(s3_client)
    assert not left & expired, "every version and delete marker of an expired photo is gone"
    kept = {_key(c, n) for c in (11, 13) for n in CLAIMS[c][2]}
    assert kept <= left, "the 14 photos of the recent claim and the undated claim's are kept"
    assert set(STRAY) <= left


@pytest.mark.parametrize(("declared", "expired"), sorted(BOUNDARY.items()), ids=str)
def test_the_claims_boundary_day_keeps_its_photos(insurer, declared, expired):
    datamap, connectors, engine, *_ = insurer
    with engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE claims SET declared_on = :d WHERE claim_id = 11"), {"d": declared}
        )
    rule = datamap.rule("photos-5y-after-declaration")
    cutoff = cutoff_for(rule, TEST_NOW, datamap.organisation.timezone)
    keys = {k[0] for k in expired_keys(datamap, connectors["files"], rule, cutoff, connectors)}
    assert (_key(11, "IMG_0000") in keys) is expired


def test_erasure_deletes_every_photo_of_the_subjects_claims(insurer):
    datamap, connectors, _, s3_client, ledger = insurer
    email = "holder2@assurance.example"
    ledger.create_request(
        kind="erasure",
        subject_email=email,
        received_at=TEST_NOW,
        due_at=request_due_at(TEST_NOW, "Europe/Paris"),
        channel="test",
        request_id="R-ASS-2",
    )
    plan = preview(
        datamap,
        connectors,
        ledger,
        subject_email=email,
        request_id="R-ASS-2",
        ground="b",
        now=TEST_NOW,
        identity="email",
    )
    assert plan.dataset("files.photos").counts()["delete"] == 2

    apply_plan(datamap, plan, connectors, ledger)

    left = _keys(s3_client)
    assert not {_key(12, "dent"), _key(13, "pending")} & left
    assert {_key(c, n) for c in (10, 11) for n in CLAIMS[c][2]} <= left


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("claims/{*}/{claim_id}.jpg", "{*} comes before every placeholder"),
        ("claims/{claim_id}{*}.jpg", "{*} directly follows {claim_id}"),
        ("claims/{claim_id}/{*key}.jpg", "{*key} is a reserved name"),
    ],
)
def test_a_wildcard_in_the_wrong_place_is_refused_with_its_line(template, message):
    text = MAP.replace("claims/{claim_id}/photos/{*}.jpg", template)
    with pytest.raises(DataMapError) as refused:
        parse_datamap(text, source="assurance.yaml")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if template in t)
    assert f"assurance.yaml:{line}" in str(refused.value)
    assert message in str(refused.value)


def test_a_parent_start_over_a_dataset_the_objects_do_not_hang_under_is_refused():
    text = MAP.replace("parent: {dataset: claims.claims", "parent: {dataset: claims.holders")
    with pytest.raises(
        DataMapError, match=r"not a dataset the objects of files\.photos hang under"
    ):
        parse_datamap(text, source="assurance.yaml")
