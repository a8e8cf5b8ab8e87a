"""The S3 side of every example seeder: its buckets, and a reset of what a seed wrote."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from botocore.exceptions import ClientError

from examples import ANCHOR


def ensure_buckets(s3: Any, buckets: Mapping[str, str]) -> None:
    """Create the organisation's buckets that are missing; its data buckets keep versions."""
    region = s3.meta.region_name
    for system, bucket in buckets.items():
        try:
            s3.head_bucket(Bucket=bucket)
        except ClientError:
            kwargs: dict[str, Any] = {"Bucket": bucket}
            if region and region != "us-east-1":
                kwargs["CreateBucketConfiguration"] = {"LocationConstraint": region}
            if system == ANCHOR:  # published ledger heads: write once (compliance mode)
                kwargs["ObjectLockEnabledForBucket"] = True
            s3.create_bucket(**kwargs)
        if system not in ("reports", "delivery"):
            s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})


def wipe(s3: Any, bucket: str, prefix: str) -> None:
    """Every version and delete marker under the seed's prefix: a re-seed is a reset."""
    paginator = s3.get_paginator("list_object_versions")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        victims = [
            {"Key": v["Key"], "VersionId": v["VersionId"]}
            for v in page.get("Versions", []) + page.get("DeleteMarkers", [])
        ]
        if victims:
            s3.delete_objects(Bucket=bucket, Delete={"Objects": victims, "Quiet": True})


def put_versions(
    s3: Any, bucket: str, objects: Iterable[Any], content_type: str
) -> tuple[int, int]:
    """Write each object's versions in order, then its delete marker where it has one (objects
    with ``key``, ``versions`` and ``delete_marker``): (live objects, versions written)."""
    live = versions = 0
    for obj in objects:
        for body in obj.versions:
            s3.put_object(Bucket=bucket, Key=obj.key, Body=body, ContentType=content_type)
            versions += 1
        if obj.delete_marker:
            s3.delete_object(Bucket=bucket, Key=obj.key)
        else:
            live += 1
    return live, versions
