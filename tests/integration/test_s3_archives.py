"""Objects inside archives: zip members as records, in a versioned moto bucket, with the
customers on PostgreSQL and MariaDB.

A car-rental company, unrelated to the demo, keeps its monthly statements as one zip archive per
month with one member per customer (``releves/2026-01.zip`` holding ``1/releve.pdf``,
``2/releve.pdf``...). Customer 1 (the subject) has a member in four archives:

* ``2026-01``: overwritten once (two versions, both holding the subject's member), shared;
* ``2026-02``: one version, shared with customer 2;
* ``2026-03``: the subject's member alone;
* ``2025-12``: deleted (a delete marker) over a version still holding both customers' members.

Every archive also holds a ``LISEZMOI.txt`` that is nobody's record.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
import sqlalchemy as sa

from gdpr.access import RequestInfo, build_subject_package
from gdpr.connections import create_sql_engine
from gdpr.connectors import S3Connector, SqlConnector
from gdpr.datamap import parse_datamap
from gdpr.datamap.errors import DataMapError
from gdpr.deadlines import request_due_at
from gdpr.erasure.apply import apply_plan
from gdpr.erasure.plan import preview
from gdpr.erasure.verify import verify_erasure
from gdpr.ledger import Ledger, migrate
from gdpr.retention.run import run_rule
from gdpr.subject import resolve_subject
from tests.clock import TEST_NOW

BUCKET = "loc-releves"
EMAIL = "client1@location.example"
MAP = """
version: 1
organisation:
  name: Location Exemple
  address: 3 rue du Port, Marseille
  dpo: {{name: D. P. O., email: dpo@location.example}}
  supervisory_authority: {{name: CNIL}}
identities:
  - {{name: courriel, kind: email}}
reports: {{conn_id: s3, bucket: loc-rapports}}
delivery: {{conn_id: s3, bucket: loc-livraison}}
purposes:
  - {{id: location, name: Location, description: Contrats de location, legal_basis: contract,
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
        purposes: [location]
        fields:
          client_id: {{categories: [user.unique_id]}}
          mail: {{categories: [user.contact.email]}}
          fin_contrat: {{categories: [system.operations]}}
  - name: docs
    kind: s3
    conn_id: s3
    bucket: {bucket}
    datasets:
      - name: releves
        key_template: "releves/{{mois}}.zip"
        archive: {{members: "{{client_id}}/releve.pdf"{max_bytes}}}
        references: [{{dataset: agence.clients, fields: {{client_id: client_id}}}}]
        subjects: clients
        purposes: [location]
        categories: [user.financial]
retention:
  - {{id: clients-3a, dataset: agence.clients, start: {{column: fin_contrat}}, period: P3Y,
     action: delete, citation: Code civil art. 2224}}
"""

SHARED_V1 = "releves/2026-01.zip"
SHARED = "releves/2026-02.zip"
ALONE = "releves/2026-03.zip"
UNDER_MARKER = "releves/2025-12.zip"


def member(month: str, customer: int, edition: str = "") -> bytes:
    return f"%PDF statement {month} of customer {customer} {edition}".encode()


def archive(month: str, customers: list[int], edition: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("LISEZMOI.txt", "Relevés mensuels")
        for customer in customers:
            z.writestr(f"{customer}/releve.pdf", member(month, customer, edition))
    return out.getvalue()


def datamap(max_bytes: int | None = None):
    extra = f", max_bytes: {max_bytes}" if max_bytes else ""
    return parse_datamap(MAP.format(bucket=BUCKET, max_bytes=extra), source="location.yaml")


@pytest.fixture(params=[("postgresql", "versioned"), ("mariadb", "versioned")])
def org(request, tmp_path, s3_client):
    database, versioning = request.param
    url = request.getfixturevalue({"postgresql": "pg_url", "mariadb": "mysql_url"}[database])
    engine = create_sql_engine(url)
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
                {
                    "client_id": i,
                    "mail": f"client{i}@location.example",
                    "fin_contrat": date(2020, 6, 30) if i == 1 else None,  # 1 has expired
                }
                for i in (1, 2, 3)
            ],
        )
    s3_client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    if versioning == "versioned":
        s3_client.put_bucket_versioning(
            Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"}
        )
    put = [
        (SHARED_V1, archive("2026-01", [1, 2])),
        (SHARED_V1, archive("2026-01", [1, 2, 3], "corrected")),
        (SHARED, archive("2026-02", [1, 2])),
        (ALONE, archive("2026-03", [1])),
        (UNDER_MARKER, archive("2025-12", [1, 2])),
    ]
    for key, body in put:
        s3_client.put_object(Bucket=BUCKET, Key=key, Body=body, ContentType="application/zip")
    s3_client.delete_object(Bucket=BUCKET, Key=UNDER_MARKER)
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)
    yield engine, Ledger(ledger_engine)
    engine.dispose()
    ledger_engine.dispose()


def connectors(dm, engine, s3_client):
    return {
        "agence": SqlConnector(dm.system("agence"), engine),
        "docs": S3Connector(dm.system("docs"), s3_client),
    }


def versions(s3_client, key):
    listing = s3_client.list_object_versions(Bucket=BUCKET, Prefix=key)
    data = [v for v in listing.get("Versions", []) if v["Key"] == key]
    markers = [m for m in listing.get("DeleteMarkers", []) if m["Key"] == key]
    return data, markers


def members_of(s3_client, key, version_id=None):
    args = {"VersionId": version_id} if version_id else {}
    body = s3_client.get_object(Bucket=BUCKET, Key=key, **args)["Body"].read()
    with zipfile.ZipFile(io.BytesIO(body)) as z:
        return {name: z.read(name) for name in z.namelist()}


def erasure_preview(dm, conns, ledger, request_id: str):
    """The erasure plan of customer 1, for a request registered now."""
    ledger.create_request(
        kind="erasure",
        subject_email=EMAIL,
        received_at=TEST_NOW,
        due_at=request_due_at(TEST_NOW, "UTC"),
        channel="test",
        request_id=request_id,
    )
    return preview(
        dm, conns, ledger, subject_email=EMAIL, request_id=request_id, ground="b", now=TEST_NOW
    )


def assert_customer_1_taken_out(s3_client) -> None:
    """Every archive and version without customer 1's member, the others' members kept in each
    version: the corrected archive keeps its two versions, the archive with their member alone
    keeps what is nobody's record, and the deleted archive keeps customer 2's member in its old
    version and stays deleted."""
    data, markers = versions(s3_client, SHARED_V1)
    assert len(data) == 2
    assert not markers
    assert members_of(s3_client, SHARED_V1) == {
        "LISEZMOI.txt": "Relevés mensuels".encode(),
        "2/releve.pdf": member("2026-01", 2, "corrected"),
        "3/releve.pdf": member("2026-01", 3, "corrected"),
    }
    older = next(v for v in data if not v["IsLatest"])
    assert members_of(s3_client, SHARED_V1, older["VersionId"]) == {
        "LISEZMOI.txt": "Relevés mensuels".encode(),
        "2/releve.pdf": member("2026-01", 2),
    }
    assert set(members_of(s3_client, SHARED)) == {"LISEZMOI.txt", "2/releve.pdf"}
    assert len(versions(s3_client, SHARED)[0]) == 1
    assert set(members_of(s3_client, ALONE)) == {"LISEZMOI.txt"}
    assert len(versions(s3_client, ALONE)[0]) == 1
    assert_under_marker_keeps_customer_2(s3_client)


def assert_under_marker_keeps_customer_2(s3_client) -> None:
    """The deleted archive: customer 1's member gone from its old version, customer 2's kept,
    and the archive still deleted (its delete marker current)."""
    data, markers = versions(s3_client, UNDER_MARKER)
    assert [m["IsLatest"] for m in markers] == [True]
    assert [set(members_of(s3_client, UNDER_MARKER, v["VersionId"])) for v in data] == [
        {"LISEZMOI.txt", "2/releve.pdf"}
    ]


def test_members_are_found_in_every_version_and_only_the_subjects(org, s3_client):
    engine, _ = org
    dm = datamap()
    location = resolve_subject(dm, connectors(dm, engine, s3_client), "courriel", EMAIL)
    hits = location.hits["docs.releves"]
    assert hits.key_fields == ("key", "member")
    assert hits.sorted_keys() == [
        (UNDER_MARKER, "1/releve.pdf"),
        (SHARED_V1, "1/releve.pdf"),
        (SHARED, "1/releve.pdf"),
        (ALONE, "1/releve.pdf"),
    ]
    assert len(hits.rows[(SHARED_V1, "1/releve.pdf")]["versions"]) == 2
    assert hits.rows[(UNDER_MARKER, "1/releve.pdf")]["deleted"]


def test_access_exports_the_subjects_members_not_the_archives(org, s3_client, tmp_path):
    engine, _ = org
    dm = datamap()
    package = build_subject_package(
        dm,
        connectors(dm, engine, s3_client),
        EMAIL,
        tmp_path,
        kind="access",
        request=RequestInfo("R-ZIP-1", "access", TEST_NOW, request_due_at(TEST_NOW, "UTC")),
        generated_at=TEST_NOW,
    )
    with zipfile.ZipFile(package.path) as z:
        prefix = "objects/docs/releves/releves/"
        files = {n[len(prefix) :]: z.read(n) for n in z.namelist() if n.startswith(prefix)}
        everything = b"\n".join(z.read(n) for n in z.namelist())
    assert files.pop("2026-02.zip/1/releve.pdf") == member("2026-02", 1)
    assert files.pop("2026-03.zip/1/releve.pdf") == member("2026-03", 1)
    assert files.pop("2025-12.zip/1/releve.pdf") == member("2025-12", 1)
    january = sorted(files)  # two versions of the archive, each with the subject's member
    assert len(january) == 2
    assert all(name.startswith("2026-01.zip/1/releve.version-") for name in january)
    assert {files[n] for n in january} == {
        member("2026-01", 1),
        member("2026-01", 1, "corrected"),
    }
    assert b"customer 2" not in everything
    assert b"customer 3" not in everything
    assert b"Relev" not in everything  # no archive, no member that is nobody's record
    assert package.counts["docs.releves"] == 4


def test_erasure_rewrites_the_archives_without_the_subjects_members(org, s3_client):
    engine, ledger = org
    dm = datamap()
    conns = connectors(dm, engine, s3_client)
    plan = erasure_preview(dm, conns, ledger, "R-ZIP-2")
    assert plan.dataset("docs.releves").counts()["delete"] == 4
    january_before, _ = versions(s3_client, SHARED_V1)

    outcome = apply_plan(dm, plan, conns, ledger)

    assert outcome.changed["docs.releves"]["delete"] == 4
    assert_customer_1_taken_out(s3_client)
    # shared archives: both versions are new copies, the originals are gone
    after = {v["VersionId"] for v in versions(s3_client, SHARED_V1)[0]}
    assert not after & {v["VersionId"] for v in january_before}
    verify_erasure(dm, plan, conns, identity="courriel", value=EMAIL)
    again = resolve_subject(dm, conns, "courriel", "client2@location.example")
    assert len(again.hits["docs.releves"].rows) == 3  # 2026-01, 2026-02 and 2025-12


def test_the_purge_rewrites_the_archives_without_an_expired_customers_members(org, s3_client):
    """Customer 1's contract ended more than three years ago: the purge takes their members out
    of every archive and every version, as erasure does, and leaves the others' members."""
    engine, ledger = org
    dm = datamap()
    conns = connectors(dm, engine, s3_client)

    outcome = run_rule(dm, "clients-3a", conns, ledger, now=TEST_NOW)

    assert outcome.datasets["agence.clients"].count == 1
    assert outcome.datasets["docs.releves"].count == 4
    assert_customer_1_taken_out(s3_client)
    remaining = resolve_subject(dm, conns, "courriel", "client2@location.example")
    assert len(remaining.hits["docs.releves"].rows) == 3
    settled = {
        e.dataset: e.count
        for e in ledger.evidence(rule="clients-3a", actions=("retention.delete",))
    }
    assert settled == {"agence.clients": 1, "docs.releves": 4}


@pytest.mark.parametrize("org", [("postgresql", "unversioned")], indirect=True)
def test_an_unversioned_archive_is_overwritten_without_the_subjects_members(org, s3_client):
    engine, ledger = org
    dm = datamap()
    conns = connectors(dm, engine, s3_client)
    plan = erasure_preview(dm, conns, ledger, "R-ZIP-4")
    assert plan.dataset("docs.releves").counts()["delete"] == 3  # no 2025-12: deleted for good
    apply_plan(dm, plan, conns, ledger)
    assert set(members_of(s3_client, SHARED_V1)) == {"LISEZMOI.txt", "2/releve.pdf", "3/releve.pdf"}
    assert set(members_of(s3_client, SHARED)) == {"LISEZMOI.txt", "2/releve.pdf"}
    assert set(members_of(s3_client, ALONE)) == {"LISEZMOI.txt"}
    verify_erasure(dm, plan, conns, identity="courriel", value=EMAIL)


def test_members_of_an_archive_too_large_to_rewrite_are_kept_with_the_reason(org, s3_client):
    engine, ledger = org
    dm = datamap(max_bytes=len(archive("2026-02", [1, 2])) - 1)
    conns = connectors(dm, engine, s3_client)
    plan = erasure_preview(dm, conns, ledger, "R-ZIP-3")
    releves = plan.dataset("docs.releves")
    kept = {tuple(k): reason for reason, keys in releves.kept.items() for k in keys}
    # the archive under a delete marker is as large: its old version cannot be rewritten
    assert set(kept) == {
        (SHARED_V1, "1/releve.pdf"),
        (SHARED, "1/releve.pdf"),
        (UNDER_MARKER, "1/releve.pdf"),
    }
    assert "larger" in plan.reasons[kept[(SHARED, "1/releve.pdf")]].text
    # a smaller archive is rewritten
    assert sorted(map(tuple, releves.delete)) == [(ALONE, "1/releve.pdf")]
    apply_plan(dm, plan, conns, ledger)
    assert "1/releve.pdf" in members_of(s3_client, SHARED)
    assert set(members_of(s3_client, ALONE)) == {"LISEZMOI.txt"}
    assert versions(s3_client, UNDER_MARKER)[0]  # untouched


def test_the_map_names_archive_members_with_placeholders_of_its_own(tmp_path):
    bad = MAP.format(bucket=BUCKET, max_bytes="").replace(
        'members: "{client_id}/releve.pdf"', 'members: "{numero}/releve.pdf"'
    )
    with pytest.raises(DataMapError, match="'client_id' is not a placeholder"):
        parse_datamap(bad, source="location.yaml")
