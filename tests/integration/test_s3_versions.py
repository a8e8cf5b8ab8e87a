"""Object versions and delete markers in a versioned bucket: locate, access and erasure see them.

A versioned bucket keeps an object's older versions after an overwrite, and after a plain
DELETE (which only adds a delete marker on top): those versions still hold the person's data.
Person 3 of the small organisation has three receipts in such a bucket:

* ``receipts/3/4.pdf`` with two data versions (an overwrite);
* ``receipts/3/5.pdf`` whose latest version is a delete marker over an older data version;
* ``receipts/3/6.pdf``, one plain version.

Another person's receipt under a delete marker (``receipts/2/3.pdf``) must stay out of it.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from gdpr.access import RequestInfo, build_subject_package
from gdpr.cli import main
from gdpr.connections import create_sql_engine, env_var_name
from gdpr.connectors import S3Connector, SqlConnector
from gdpr.datamap import parse_datamap
from gdpr.deadlines import request_due_at
from gdpr.erasure.apply import apply_plan
from gdpr.erasure.plan import preview
from gdpr.erasure.verify import ErasureIncompleteError, verify_erasure
from gdpr.ledger import Ledger, migrate
from gdpr.subject import resolve_subject
from tests.clock import TEST_NOW
from tests.conftest import airflow_conn_json, s3_conn_json
from tests.integration.small_map import MAP, create_shop, create_support

EMAIL = "person3@small.example"
BUCKET = "small-receipts"
OVERWRITTEN, UNDER_MARKER, PLAIN = "receipts/3/4.pdf", "receipts/3/5.pdf", "receipts/3/6.pdf"
STRANGER = "receipts/2/3.pdf"  # another person's, under a delete marker
BODIES = {
    OVERWRITTEN: [b"%PDF receipt 4, first issue", b"%PDF receipt 4, corrected issue"],
    UNDER_MARKER: [b"%PDF receipt 5, deleted but kept by versioning"],
    PLAIN: [b"%PDF receipt 6"],
    STRANGER: [b"%PDF receipt of person 2"],
}
LATEST_ONLY = "delivery: {conn_id: s3, bucket: small-delivery, latest_only: true}"


def small_map(latest_only: bool = False):
    text = MAP
    if latest_only:
        text = MAP.replace("delivery: {conn_id: s3, bucket: small-delivery}", LATEST_ONLY)
        assert text != MAP
    return parse_datamap(text, source="small.yaml")


@pytest.fixture(params=["versioned"])
def org(request, pg_url, tmp_path, s3_client):
    """The small organisation: shop on PostgreSQL, support on SQLite, receipts in moto, in a
    versioned bucket (or, with the "unversioned" param, a plain one: overwrites and deletes
    keep nothing)."""
    versioned = request.param == "versioned"
    shop = create_sql_engine(pg_url)
    support = create_sql_engine(f"sqlite:///{tmp_path / 'support.sqlite'}")
    create_shop(shop)
    create_support(support)
    s3_client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    if versioned:
        s3_client.put_bucket_versioning(
            Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"}
        )
    for key, bodies in BODIES.items():
        for body in bodies:
            s3_client.put_object(Bucket=BUCKET, Key=key, Body=body)
    for key in (UNDER_MARKER, STRANGER):
        s3_client.delete_object(Bucket=BUCKET, Key=key)  # a delete marker on top, if versioned
    listed = {o["Key"] for o in s3_client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}
    assert UNDER_MARKER not in listed
    assert STRANGER not in listed
    yield {"shop": shop, "support": support, "pg_url": pg_url, "tmp_path": tmp_path}
    shop.dispose()
    support.dispose()


def connectors(datamap, org, s3_client):
    return {
        "shop": SqlConnector(datamap.system("shop"), org["shop"]),
        "support": SqlConnector(datamap.system("support"), org["support"]),
        "docs": S3Connector(datamap.system("docs"), s3_client),
    }


def versions(s3_client, prefix):
    """Every (key, version id, is delete marker) under a prefix."""
    listing = s3_client.list_object_versions(Bucket=BUCKET, Prefix=prefix)
    return [(v["Key"], v["VersionId"], False) for v in listing.get("Versions", [])] + [
        (m["Key"], m["VersionId"], True) for m in listing.get("DeleteMarkers", [])
    ]


# -- locate ------------------------------------------------------------------------------------


def test_locate_finds_objects_whose_latest_version_is_a_delete_marker(
    org, s3_client, monkeypatch, capsys
):
    datamap = small_map()
    location = resolve_subject(datamap, connectors(datamap, org, s3_client), "email", EMAIL)
    assert location.hits["docs.receipts"].sorted_keys() == [
        (OVERWRITTEN,),
        (UNDER_MARKER,),
        (PLAIN,),
    ]

    # the command a DPO runs counts it too
    path = org["tmp_path"] / "small.yaml"
    path.write_text(MAP, encoding="utf-8")
    for conn_id, value in {
        "shop_db": airflow_conn_json(org["pg_url"]),
        "support_db": airflow_conn_json(f"sqlite:///{org['tmp_path'] / 'support.sqlite'}"),
        "s3": s3_conn_json(s3_client.meta.endpoint_url),
    }.items():
        monkeypatch.setenv(env_var_name(conn_id), value)
    assert main(["locate", EMAIL, "--datamap", str(path)]) == 0
    counts = {
        line.split()[0]: int(line.split()[1]) for line in capsys.readouterr().out.splitlines()
    }
    assert counts["docs.receipts"] == 3
    assert counts["total"] == 1 + 3 + 6 + 2 + 3


# -- access ------------------------------------------------------------------------------------


def build(datamap, org, s3_client, workdir):
    request = RequestInfo("R-VERSIONS-1", "access", TEST_NOW, request_due_at(TEST_NOW, "UTC"))
    package = build_subject_package(
        datamap,
        connectors(datamap, org, s3_client),
        EMAIL,
        workdir,
        kind="access",
        request=request,
        generated_at=TEST_NOW,
    )
    return package, zipfile.ZipFile(package.path)


def cover(archive, lang):
    """The cover letter's text, whitespace collapsed, tags kept."""
    return " ".join(archive.read(f"cover.{lang}.html").decode().split())


def objects_in(archive):
    prefix = "objects/docs/receipts/"
    return {n[len(prefix) :]: archive.read(n) for n in archive.namelist() if n.startswith(prefix)}


def test_access_package_holds_every_version_that_holds_data(org, s3_client, tmp_path):
    package, archive = build(small_map(), org, s3_client, tmp_path / "all")
    listing = s3_client.list_object_versions(Bucket=BUCKET, Prefix=OVERWRITTEN)["Versions"]
    newest, oldest = listing  # S3 lists a key's versions newest first
    stamp = "%Y-%m-%dT%H-%M-%SZ"
    assert objects_in(archive) == {
        f"receipts/3/4.version-1.{oldest['LastModified'].strftime(stamp)}.pdf": BODIES[OVERWRITTEN][
            0
        ],
        f"receipts/3/4.version-2.{newest['LastModified'].strftime(stamp)}.pdf": BODIES[OVERWRITTEN][
            1
        ],
        "receipts/3/5.pdf": BODIES[UNDER_MARKER][0],  # deleted, but its version is still kept
        "receipts/3/6.pdf": BODIES[PLAIN][0],
    }
    everything = b"\n".join(archive.read(n) for n in archive.namelist())
    assert BODIES[STRANGER][0] not in everything, "another person's version is in the package"
    assert package.counts["docs.receipts"] == 3  # objects; their 4 versions are 4 files
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["datasets"]["docs.receipts"]["count"] == 3
    en, fr = cover(archive, "en"), cover(archive, "fr")
    assert "every version we keep" in en
    assert "(4 version(s) in all)" in en
    assert "3 file(s), 4 versions" in en
    assert "toutes les versions que nous conservons" in fr
    assert "only its latest version" not in en


@pytest.mark.parametrize("org", ["unversioned"], indirect=True)
def test_an_unversioned_bucket_exports_its_objects_under_their_own_names(org, s3_client, tmp_path):
    package, archive = build(small_map(), org, s3_client, tmp_path / "plain")
    assert objects_in(archive) == {  # an overwrite and a delete keep nothing here
        "receipts/3/4.pdf": BODIES[OVERWRITTEN][1],
        "receipts/3/6.pdf": BODIES[PLAIN][0],
    }
    assert package.counts["docs.receipts"] == 2
    assert "every version we keep" in cover(archive, "en")


def test_latest_only_exports_the_newest_data_version_and_the_cover_says_so(
    org, s3_client, tmp_path
):
    package, archive = build(small_map(latest_only=True), org, s3_client, tmp_path / "latest")
    assert objects_in(archive) == {
        "receipts/3/4.pdf": BODIES[OVERWRITTEN][1],  # the corrected issue, not the first
        "receipts/3/5.pdf": BODIES[UNDER_MARKER][0],  # still held: its newest data version
        "receipts/3/6.pdf": BODIES[PLAIN][0],
    }
    assert package.counts["docs.receipts"] == 3
    en, fr = cover(archive, "en"), cover(archive, "fr")
    assert "only its latest version" in en
    assert "every version we keep" not in en
    assert "uniquement sa dernière version" in fr
    schema = json.loads(archive.read("schema.json"))
    (objects,) = [f for f in schema["files"] if f["dataset"] == "docs.receipts"]
    assert objects["versions"] == "the newest version of each object"


# -- erasure -----------------------------------------------------------------------------------


@pytest.fixture
def ledger(tmp_path):
    engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(engine)
    ledger = Ledger(engine)
    ledger.create_request(
        kind="erasure",
        subject_email=EMAIL,
        received_at=TEST_NOW,
        due_at=request_due_at(TEST_NOW, "UTC"),
        channel="test",
        request_id="R-VERSIONS-2",
    )
    yield ledger
    engine.dispose()


def erase(datamap, conns, ledger):
    plan = preview(
        datamap,
        conns,
        ledger,
        subject_email=EMAIL,
        request_id="R-VERSIONS-2",
        ground="b",
        now=TEST_NOW,
    )
    apply_plan(datamap, plan, conns, ledger)
    return plan


def test_erasure_removes_every_version_and_delete_marker(org, s3_client, ledger):
    datamap = small_map()
    conns = connectors(datamap, org, s3_client)
    plan = erase(datamap, conns, ledger)
    assert sorted(k[0] for k in plan.dataset("docs.receipts").delete) == [
        OVERWRITTEN,
        UNDER_MARKER,
        PLAIN,
    ]
    assert versions(s3_client, "receipts/3/") == [], "a version or marker of person 3 is left"
    assert {(k, m) for k, _, m in versions(s3_client, STRANGER)} == {
        (STRANGER, False),
        (STRANGER, True),
    }, "another person's versions were touched"
    outcome = verify_erasure(datamap, plan, conns, identity="email", value=EMAIL)
    assert outcome.ok


@pytest.mark.parametrize("leftover", ["a version written again", "a delete marker"])
def test_verification_fails_while_anything_of_an_erased_object_is_left(
    org, s3_client, ledger, leftover
):
    datamap = small_map()
    conns = connectors(datamap, org, s3_client)
    plan = erase(datamap, conns, ledger)
    if leftover == "a version written again":
        s3_client.put_object(Bucket=BUCKET, Key=UNDER_MARKER, Body=BODIES[UNDER_MARKER][0])
    else:  # only a marker, no data: written, deleted (a marker), then the data version dropped
        version = s3_client.put_object(Bucket=BUCKET, Key=UNDER_MARKER, Body=b"x")["VersionId"]
        s3_client.delete_object(Bucket=BUCKET, Key=UNDER_MARKER)
        s3_client.delete_object(Bucket=BUCKET, Key=UNDER_MARKER, VersionId=version)
    assert [k for k, _, _ in versions(s3_client, "receipts/3/")] == [UNDER_MARKER]
    with pytest.raises(ErasureIncompleteError, match=r"docs\.receipts 1"):
        verify_erasure(datamap, plan, conns, identity="email", value=EMAIL)
