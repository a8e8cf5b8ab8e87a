"""The S3 connector against moto's server over HTTP: templates, versions, encryption, links."""

from __future__ import annotations

import urllib.request

import pytest

from gdpr.connectors import ByReference, S3Connector, SystemUnreachableError
from tests.integration.small_map import small_map


@pytest.fixture
def receipts(s3_client):
    datamap = small_map()
    system = datamap.system("docs")
    s3_client.create_bucket(
        Bucket=system.bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    s3_client.put_bucket_versioning(
        Bucket=system.bucket, VersioningConfiguration={"Status": "Enabled"}
    )
    for person in range(1, 13):
        for purchase in range(3):
            s3_client.put_object(
                Bucket=system.bucket,
                Key=f"receipts/{person}/{person * 10 + purchase}.pdf",
                Body=b"%PDF",
            )
    s3_client.put_object(Bucket=system.bucket, Key="receipts/1/notes.txt", Body=b"not a receipt")
    return S3Connector(system, s3_client), datamap.dataset("docs.receipts").dataset


def test_find_returns_only_the_objects_bound_by_the_parent_keys(receipts):
    connector, dataset = receipts
    rows = [
        r
        for b in connector.find(
            dataset,
            ByReference(("person_id", "purchase_id"), [(1, 10), (1, 12), (11, 110)]),
            ["person_id", "purchase_id"],
        )
        for r in b
    ]
    assert sorted(r["key"] for r in rows) == [
        "receipts/1/10.pdf",
        "receipts/1/12.pdf",
        "receipts/11/110.pdf",
    ]
    assert all("receipts/1/1" not in r["key"] or r["key"] != "receipts/1/11.pdf" for r in rows)


def test_listing_is_paginated_and_narrowed_by_template_prefix(receipts, s3_client):
    connector, dataset = receipts
    for i in range(1100):  # more than one page of 1000
        s3_client.put_object(Bucket=connector.objects.name, Key=f"receipts/99/{i}.pdf", Body=b"x")
    found = ByReference(("person_id",), [(99,)])
    rows = [row for rows in connector.find(dataset, found, ["person_id"]) for row in rows]
    assert len(rows) == 1100
    assert len({row["key"] for row in rows}) == 1100  # a key split over two pages is one row
    one = ByReference(("person_id",), [(1,)])
    # notes.txt does not match the template
    assert sum(len(rows) for rows in connector.find(dataset, one, ["person_id"])) == 3


def test_a_scan_sees_every_object_once_in_any_version_across_pages(receipts, s3_client):
    connector, dataset = receipts
    bucket = connector.objects.name
    for i in range(600):  # 1200 versions: the listing has two pages
        for body in (b"v1", b"v2"):
            s3_client.put_object(Bucket=bucket, Key=f"receipts/77/{i}.pdf", Body=body)
    s3_client.delete_object(Bucket=bucket, Key="receipts/77/5.pdf")  # a delete marker on top
    rows = [row for batch in connector.scan(dataset, batch_size=250) for row in batch]
    mine = {row["key"]: row for row in rows if row["person_id"] == "77"}
    assert len(mine) == 600
    odd = {k: len(r["versions"]) for k, r in mine.items() if len(r["versions"]) != 2}
    assert odd == {"receipts/77/5.pdf": 3}
    hidden = mine["receipts/77/5.pdf"]
    assert hidden["deleted"]
    assert len(hidden["versions"]) == 3  # the marker and the two versions still holding data
    assert len(rows) == len({row["key"] for row in rows})


def test_every_version_and_delete_marker_is_listed_and_deleted(receipts, s3_client):
    connector, _ = receipts
    bucket = connector.objects
    s3_client.put_object(Bucket=bucket.name, Key="receipts/2/20.pdf", Body=b"%PDF v2")
    s3_client.delete_object(Bucket=bucket.name, Key="receipts/2/21.pdf")  # leaves a delete marker
    versions = list(bucket.versions_of(["receipts/2/20.pdf", "receipts/2/21.pdf"]))
    assert sum(not v.is_delete_marker for v in versions) == 3
    assert sum(v.is_delete_marker for v in versions) == 1
    assert sum(bucket.delete_versions(versions)) == 4
    assert list(bucket.versions_of(["receipts/2/20.pdf", "receipts/2/21.pdf"])) == []
    assert (
        sum(1 for v in bucket.iter_versions("receipts/2/") if not v.is_delete_marker) == 1
    )  # 22.pdf untouched


def test_writes_are_encrypted_at_rest_and_links_expire(receipts, s3_client):
    connector, _ = receipts
    connector.objects.put_object("out/package.zip", b"PK...", content_type="application/zip")
    head = s3_client.head_object(Bucket=connector.objects.name, Key="out/package.zip")
    assert head["ServerSideEncryption"] == "AES256"
    url = connector.objects.presigned_url("out/package.zip", expires_in=600)
    assert "Expires=" in url or "X-Amz-Expires=600" in url
    assert urllib.request.urlopen(url).read() == b"PK..."


def test_missing_bucket_is_reported_by_name(s3_client):
    system = small_map().system("docs")
    with pytest.raises(SystemUnreachableError, match="bucket 'small-receipts' does not exist"):
        S3Connector(system, s3_client).ping()
    assert not S3Connector(system, s3_client).inspect()["receipts"].exists


def test_find_lists_versions_so_a_deleted_object_is_still_found(receipts, s3_client):
    connector, dataset = receipts
    bucket = connector.objects.name
    s3_client.put_object(Bucket=bucket, Key="receipts/4/40.pdf", Body=b"%PDF corrected")
    s3_client.delete_object(Bucket=bucket, Key="receipts/4/41.pdf")  # a marker over its data
    criterion = ByReference(("person_id",), [(4,)])
    rows = {r["key"]: r for b in connector.find(dataset, criterion, ["person_id"]) for r in b}
    assert sorted(rows) == ["receipts/4/40.pdf", "receipts/4/41.pdf", "receipts/4/42.pdf"]
    deleted = rows["receipts/4/41.pdf"]
    assert deleted["deleted"]
    assert [v.is_delete_marker for v in deleted["versions"]] == [True, False]  # newest first
    assert deleted["size"] == len(b"%PDF")  # of the version that still holds data
    overwritten = rows["receipts/4/40.pdf"]["versions"]
    assert [v.size for v in overwritten] == [len(b"%PDF corrected"), len(b"%PDF")]
    # the purge's listing is the same one, with every placeholder of the template
    purge_rows = [r for b in connector.find_versions(dataset, criterion) for r in b]
    assert sorted(r["key"] for r in purge_rows) == sorted(rows)
    assert all(r["purchase_id"] for r in purge_rows)
