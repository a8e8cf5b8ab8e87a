"""Delivering a package on an S3 server (moto): encryption, link, expiry, replacement, staging."""

from __future__ import annotations

import hashlib
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest

from gdpr.access.deliver import deliver_package, package_key, package_link, sweep_expired
from gdpr.access.staging import delete_tree, download_tree, staging_prefix, upload_tree
from gdpr.datamap.models import Location

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
LOCATION = Location(conn_id="s3", bucket="delivery-test", prefix="packages/")


@pytest.fixture
def s3(s3_client):
    s3_client.create_bucket(
        Bucket=LOCATION.bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    return s3_client


def deliver(s3, tmp_path, body: bytes, request_id="R-2026-000001", days=7):
    path = tmp_path / f"{hashlib.sha256(body).hexdigest()}.zip"
    path.write_bytes(body)
    return deliver_package(
        s3,
        LOCATION,
        request_id,
        path,
        sha256=hashlib.sha256(body).hexdigest(),
        expiry_days=days,
        now=NOW,
    )


def keys(s3, prefix=""):
    listing = s3.list_objects_v2(Bucket=LOCATION.bucket, Prefix=prefix)
    return sorted(o["Key"] for o in listing.get("Contents", []))


def test_the_package_is_encrypted_tagged_to_expire_and_reachable_by_its_link(s3, tmp_path):
    delivery = deliver(s3, tmp_path, b"first package", days=3)
    assert delivery.key == "packages/R-2026-000001/package.zip"
    head = s3.head_object(Bucket=LOCATION.bucket, Key=delivery.key)
    assert head["ServerSideEncryption"] == "AES256"
    assert head["Metadata"]["sha256"] == delivery.sha256
    tags = {
        t["Key"]: t["Value"]
        for t in s3.get_object_tagging(Bucket=LOCATION.bucket, Key=delivery.key)["TagSet"]
    }
    assert tags == {"gdpr-expires-at": "2026-11-25T10:00:00Z", "gdpr-expiry-days": "3"}
    assert delivery.expires_at == NOW + timedelta(days=3)
    assert delivery.link_expires_at == NOW + timedelta(days=3)
    with urllib.request.urlopen(delivery.link) as response:
        assert response.read() == b"first package"
    assert "X-Amz-Expires=259200" in delivery.link


def test_the_lifecycle_rule_is_added_once_and_other_rules_are_kept(s3, tmp_path):
    other = {
        "ID": "keep-me",
        "Status": "Enabled",
        "Filter": {"Prefix": "logs/"},
        "Expiration": {"Days": 30},
    }
    s3.put_bucket_lifecycle_configuration(
        Bucket=LOCATION.bucket, LifecycleConfiguration={"Rules": [other]}
    )
    deliver(s3, tmp_path, b"a")
    deliver(s3, tmp_path, b"b", request_id="R-2026-000002")
    rules = s3.get_bucket_lifecycle_configuration(Bucket=LOCATION.bucket)["Rules"]
    assert sorted(r["ID"] for r in rules) == ["gdpr-delivery-expiry-7d", "keep-me"]
    ours = next(r for r in rules if r["ID"] == "gdpr-delivery-expiry-7d")
    assert ours["Expiration"] == {"Days": 7}
    assert ours["Filter"]["And"]["Prefix"] == "packages/"


def test_a_rerun_replaces_the_package_under_the_same_key(s3, tmp_path):
    deliver(s3, tmp_path, b"first")
    second = deliver(s3, tmp_path, b"second")
    assert keys(s3) == [package_key(LOCATION, "R-2026-000001")]
    body = s3.get_object(Bucket=LOCATION.bucket, Key=second.key)["Body"].read()
    assert body == b"second"


def test_the_sweep_removes_expired_copies_only(s3, tmp_path):
    deliver(s3, tmp_path, b"short", request_id="R-2026-000001", days=1)
    deliver(s3, tmp_path, b"long", request_id="R-2026-000002", days=7)
    assert sweep_expired(s3, LOCATION, NOW + timedelta(hours=23)) == 0
    assert sweep_expired(s3, LOCATION, NOW + timedelta(days=2)) == 1
    assert keys(s3) == ["packages/R-2026-000002/package.zip"]


def test_link_expiry_outside_what_s3_signs_is_refused(s3, tmp_path):
    with pytest.raises(ValueError, match="between 1 and 7 days"):
        deliver(s3, tmp_path, b"x", days=8)
    assert keys(s3) == []


def test_staging_carries_an_export_tree_between_tasks_and_is_removed(s3, tmp_path):
    source = tmp_path / "export"
    (source / "data" / "crm").mkdir(parents=True)
    (source / "data" / "crm" / "a.json").write_text("[]")
    (source / "objects" / "x" / "y").mkdir(parents=True)
    (source / "objects" / "x" / "y" / "blob").write_bytes(b"\x00\x01")
    prefix = staging_prefix(LOCATION, "R-2026-000003")
    assert upload_tree(s3, LOCATION, prefix, source, NOW) == 2
    head = s3.head_object(Bucket=LOCATION.bucket, Key=prefix + "objects/x/y/blob")
    assert head["ServerSideEncryption"] == "AES256"
    target = tmp_path / "assembled"
    assert download_tree(s3, LOCATION, prefix, target) == 2
    assert (target / "objects" / "x" / "y" / "blob").read_bytes() == b"\x00\x01"
    assert delete_tree(s3, LOCATION, prefix) == 2
    assert keys(s3, prefix) == []
    # staged files expire after a day even if no task ever removes them
    assert sweep_expired(s3, LOCATION, NOW + timedelta(days=2)) == 0
    upload_tree(s3, LOCATION, prefix, source, NOW)
    assert sweep_expired(s3, LOCATION, NOW + timedelta(days=2)) == 2


def test_a_fresh_link_never_outlives_the_delivered_copy(s3, tmp_path):
    deliver(s3, tmp_path, b"pkg", days=2)
    link, until = package_link(s3, LOCATION, "R-2026-000001", days=7, now=NOW + timedelta(days=1))
    assert until == NOW + timedelta(days=2)
    assert "X-Amz-Expires=86400" in link
    with urllib.request.urlopen(link) as response:
        assert response.read() == b"pkg"
    with pytest.raises(LookupError, match="has expired"):
        package_link(s3, LOCATION, "R-2026-000001", days=7, now=NOW + timedelta(days=3))
    with pytest.raises(LookupError, match="no package delivered"):
        package_link(s3, LOCATION, "R-2026-000009", days=7, now=NOW)


def versions(s3, prefix=""):
    """Every version and delete marker left in the bucket: (key, version id)."""
    listing = s3.list_object_versions(Bucket=LOCATION.bucket, Prefix=prefix)
    found = listing.get("Versions", []) + listing.get("DeleteMarkers", [])
    return sorted((v["Key"], v["VersionId"]) for v in found)


@pytest.fixture
def versioned(s3):
    s3.put_bucket_versioning(Bucket=LOCATION.bucket, VersioningConfiguration={"Status": "Enabled"})
    return s3


def test_in_a_versioned_bucket_the_sweep_deletes_every_version_of_an_expired_package(
    versioned, tmp_path
):
    s3 = versioned
    deliver(s3, tmp_path, b"first run", days=1)
    deliver(s3, tmp_path, b"rerun", days=1)  # replaces it: the first stays as a version
    deliver(s3, tmp_path, b"other subject", request_id="R-2026-000002", days=7)
    assert len(versions(s3, "packages/R-2026-000001/")) == 2
    assert sweep_expired(s3, LOCATION, NOW + timedelta(hours=1)) == 0
    assert len(versions(s3, "packages/R-2026-000001/")) == 1, "a replaced package goes at once"
    assert sweep_expired(s3, LOCATION, NOW + timedelta(days=2)) == 1
    assert versions(s3, "packages/R-2026-000001/") == [], "no version, no delete marker left"
    assert len(versions(s3, "packages/R-2026-000002/")) == 1, "an unexpired package stays"


def test_a_package_deleted_without_its_versions_is_swept_entirely(versioned, tmp_path):
    """A plain DELETE (an erasure done by hand, a tool unaware of versions) only adds a marker:
    the package stays readable by version until the sweep removes every version."""
    s3 = versioned
    delivery = deliver(s3, tmp_path, b"the subject's data", days=7)
    old = versions(s3, delivery.key)[0][1]
    s3.delete_object(Bucket=LOCATION.bucket, Key=delivery.key)
    body = s3.get_object(Bucket=LOCATION.bucket, Key=delivery.key, VersionId=old)["Body"]
    assert body.read() == b"the subject's data"
    assert sweep_expired(s3, LOCATION, NOW) == 1
    assert versions(s3) == []


def test_the_lifecycle_rule_expires_noncurrent_versions(s3, tmp_path):
    older = {  # what an earlier release wrote: current versions only
        "ID": "gdpr-delivery-expiry-3d",
        "Status": "Enabled",
        "Filter": {"Prefix": LOCATION.prefix},
        "Expiration": {"Days": 3},
    }
    s3.put_bucket_lifecycle_configuration(
        Bucket=LOCATION.bucket, LifecycleConfiguration={"Rules": [older]}
    )
    deliver(s3, tmp_path, b"a", days=3)
    (rule,) = s3.get_bucket_lifecycle_configuration(Bucket=LOCATION.bucket)["Rules"]
    assert rule["Expiration"] == {"Days": 3}
    assert rule["NoncurrentVersionExpiration"]["NoncurrentDays"] == 1
