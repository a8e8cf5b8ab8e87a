"""Deliver a package to the data map's `delivery` location, and make the tool's copy expire.

The zip is uploaded (multipart, from disk) encrypted at rest (SSE-S3, or SSE-KMS when the
location names a key) under ``<prefix><request id>/package.zip``: one key per request, so a
rerun replaces the package instead of adding a second copy. The subject gets a presigned link
(S3 caps SigV4 links at 7 days).

Expiry, three ways, because S3-compatible stores differ in what they enforce:

* the object carries the tags ``gdpr-expires-at`` (the instant) and ``gdpr-expiry-days``;
* the bucket gets a lifecycle rule per number of days, filtered on the delivery prefix and
  that tag, so AWS S3 deletes the object itself, and its noncurrent versions a day after they
  stop being current. A lifecycle rule, not the ``Expires`` header: ``Expires`` only tells
  caches when to stop serving a copy and deletes nothing. Rules count whole days from
  creation, so S3 may keep the object up to a day longer;
* ``sweep_expired`` deletes, by version id, every version of a delivered object whose
  ``gdpr-expires-at`` has passed or which was deleted (its latest version is a delete marker),
  and the older versions a rerun replaced. Each run calls it, so the copy goes on stores that
  ignore lifecycle rules (moto, which stores the rule but never applies it; several self-hosted
  stores) and on AWS within the day. Deleting without a version id would only add a delete
  marker in a versioned bucket (docs/deploy.md recommends versioning): the package would stay
  readable by version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from gdpr.datamap.models import Location

EXPIRES_TAG = "gdpr-expires-at"
DAYS_TAG = "gdpr-expiry-days"
MAX_LINK_SECONDS = 7 * 24 * 3600  # SigV4 presigned URLs live at most 7 days


@dataclass(frozen=True)
class Delivery:
    bucket: str
    key: str
    sha256: str
    bytes: int
    expires_at: datetime
    link: str
    link_expires_at: datetime
    encrypted_archive: bool

    @property
    def uri(self) -> str:
        return f"s3://{self.bucket}/{self.key}"


def package_key(location: Location, request_id: str) -> str:
    return f"{location.prefix}{request_id}/package.zip"


def deliver_package(
    client: Any,
    location: Location,
    request_id: str,
    path: Path,
    *,
    sha256: str,
    expiry_days: int,
    now: datetime,
    encrypted_archive: bool = False,
    kms_key_id: str | None = None,
    filename: str = "package.zip",
) -> Delivery:
    """Upload the package under the request's one key; ``filename`` is what the subject's
    browser saves it as (``package.zip``, or ``package.zip.age`` when encrypted to their key)."""
    if not 1 <= expiry_days <= 7:
        raise ValueError("a delivery link lives between 1 and 7 days (S3's limit for signed links)")
    expires_at = (now + timedelta(days=expiry_days)).astimezone(UTC).replace(microsecond=0)
    key = package_key(location, request_id)
    extra: dict[str, Any] = {
        "ContentType": "application/zip"
        if filename.endswith(".zip")
        else "application/octet-stream",
        "ContentDisposition": f'attachment; filename="{filename}"',
        "Tagging": expiry_tagging(expires_at, expiry_days),
        "Metadata": {"sha256": sha256, "request-id": request_id},
    }
    if kms_key_id:
        extra |= {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": kms_key_id}
    else:
        extra["ServerSideEncryption"] = "AES256"
    client.upload_file(str(path), location.bucket, key, ExtraArgs=extra)
    ensure_expiry_rule(client, location, expiry_days)
    seconds = min(expiry_days * 24 * 3600, MAX_LINK_SECONDS)
    link = client.generate_presigned_url(
        "get_object", Params={"Bucket": location.bucket, "Key": key}, ExpiresIn=seconds
    )
    return Delivery(
        bucket=location.bucket,
        key=key,
        sha256=sha256,
        bytes=path.stat().st_size,
        expires_at=expires_at,
        link=link,
        link_expires_at=now.astimezone(UTC) + timedelta(seconds=seconds),
        encrypted_archive=encrypted_archive,
    )


def package_link(
    client: Any, location: Location, request_id: str, *, days: int, now: datetime
) -> tuple[str, datetime]:
    """A fresh link to a delivered package, living ``days`` at most and never past its expiry."""
    from botocore.exceptions import ClientError

    key = package_key(location, request_id)
    try:
        tags = client.get_object_tagging(Bucket=location.bucket, Key=key)["TagSet"]
    except ClientError as exc:
        raise LookupError(
            f"no package delivered for request {request_id} (or it has expired and was removed)"
        ) from exc
    expires = {t["Key"]: t["Value"] for t in tags}.get(EXPIRES_TAG)
    end = now + timedelta(seconds=min(max(days, 1) * 24 * 3600, MAX_LINK_SECONDS))
    if expires:
        end = min(end, datetime.fromisoformat(expires.replace("Z", "+00:00")))
    seconds = int((end - now).total_seconds())
    if seconds <= 0:
        raise LookupError(f"the package of request {request_id} has expired")
    link = client.generate_presigned_url(
        "get_object", Params={"Bucket": location.bucket, "Key": key}, ExpiresIn=seconds
    )
    return link, end


def ensure_expiry_rule(
    client: Any, location: Location, days: int, *, name: str = "delivery"
) -> None:
    """Add the lifecycle rule for ``days`` to the bucket's rules, keeping every other rule.
    ``name`` tells apart the rules of two locations sharing a bucket (``findings``: the
    minimisation files of the reports location)."""
    from botocore.exceptions import ClientError

    try:
        rules = client.get_bucket_lifecycle_configuration(Bucket=location.bucket)["Rules"]
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") != "NoSuchLifecycleConfiguration":
            raise
        rules = []
    rule_id = f"gdpr-{name}-expiry-{days}d"
    rule = {
        "ID": rule_id,
        "Status": "Enabled",
        "Filter": {
            "And": {
                "Prefix": location.prefix,
                "Tags": [{"Key": DAYS_TAG, "Value": str(days)}],
            }
        },
        "Expiration": {"Days": days},
        "NoncurrentVersionExpiration": {"NoncurrentDays": 1},
    }
    ours = next((r for r in rules if r.get("ID") == rule_id), None)
    if ours is not None and "NoncurrentVersionExpiration" in ours:
        return
    rules = [r for r in rules if r is not ours] + [rule]  # a rule of an older release is replaced
    client.put_bucket_lifecycle_configuration(
        Bucket=location.bucket, LifecycleConfiguration={"Rules": rules}
    )


def sweep_expired(
    client: Any,
    location: Location,
    now: datetime,
    *,
    under: str = "",
    decided_by: Callable[[str], str | None] | None = None,
) -> int:
    """Delete every version of the delivered objects that expired or were deleted, and the
    versions a newer one replaced; returns how many objects went entirely.

    ``under``: only the objects under this part of the location (``minimisation/`` of the
    reports location, where certificates and registers must stay). ``decided_by(key)``: the
    key whose expiry tags stand for ``key``'s (files written together expire together: one
    tag read for all of them), or None for a key never swept."""
    gone = 0
    listing = _versions_by_key(client, location, under)
    verdicts: dict[str, bool] = {}
    for key, versions in listing.items():
        latest = next(v for v in versions if v["IsLatest"])
        judge = decided_by(key) if decided_by is not None else key
        if judge is None:
            continue
        if judge not in listing or not _current(listing[judge]):
            judge = key  # the file that stood for it is gone: its own tags decide
        if latest.get("delete_marker"):
            over = True
        else:
            if judge not in verdicts:
                verdicts[judge] = _expired(client, location, judge, _current(listing[judge]), now)
            over = verdicts[judge]
        doomed = versions if over else [v for v in versions if not v["IsLatest"]]
        for version in doomed:
            client.delete_object(Bucket=location.bucket, Key=key, VersionId=version["VersionId"])
        gone += bool(over)
    return gone


def _current(versions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The latest version of a key, unless it is a delete marker."""
    latest = next(v for v in versions if v["IsLatest"])
    return None if latest.get("delete_marker") else latest


def _versions_by_key(
    client: Any, location: Location, under: str = ""
) -> dict[str, list[dict[str, Any]]]:
    """Every version and delete marker under the prefix, per key (an unversioned bucket lists
    each object once, version id ``null``)."""
    found: dict[str, list[dict[str, Any]]] = {}
    paginator = client.get_paginator("list_object_versions")
    for page in paginator.paginate(Bucket=location.bucket, Prefix=location.prefix + under):
        for item in page.get("Versions", []):
            found.setdefault(item["Key"], []).append(item)
        for item in page.get("DeleteMarkers", []):
            found.setdefault(item["Key"], []).append({**item, "delete_marker": True})
    return found


def _expired(
    client: Any, location: Location, key: str, version: dict[str, Any], now: datetime
) -> bool:
    tags = client.get_object_tagging(
        Bucket=location.bucket, Key=key, VersionId=version["VersionId"]
    )["TagSet"]
    expires = {t["Key"]: t["Value"] for t in tags}.get(EXPIRES_TAG)
    return bool(expires) and datetime.fromisoformat(expires.replace("Z", "+00:00")) <= now


def expiry_tagging(expires_at: datetime, days: int, **more: str) -> str:
    """The object tags that make a file the product writes expire (swept and lifecycle rule)."""
    from urllib.parse import urlencode

    return urlencode(expiry_tags(expires_at, days) | more)


def expiry_tags(expires_at: datetime, days: int) -> dict[str, str]:
    return {EXPIRES_TAG: expires_at.strftime("%Y-%m-%dT%H:%M:%SZ"), DAYS_TAG: str(days)}
