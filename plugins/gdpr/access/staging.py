"""Hand an export directory from one task to the next through the delivery bucket.

Tasks of one run may execute on different workers, so per-system exports cannot stay on a
worker's disk until the package is assembled. They are uploaded under
``<prefix>_staging/<request id>/``, encrypted at rest and tagged to expire after a day (the
same tags ``deliver`` uses), so a run that dies half-way leaves nothing for long; the assembling
task downloads them and deletes the prefix.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from gdpr.access.deliver import ensure_expiry_rule, expiry_tagging
from gdpr.datamap.models import Location

STAGING_DAYS = 1


def staging_prefix(location: Location, request_id: str) -> str:
    return f"{location.prefix}_staging/{request_id}/"


def upload_tree(client: Any, location: Location, prefix: str, root: Path, now: datetime) -> int:
    """Upload every file under ``root``; returns how many."""
    extra = {
        "ServerSideEncryption": "AES256",
        "Tagging": expiry_tagging(now + timedelta(days=STAGING_DAYS), STAGING_DAYS),
    }
    ensure_expiry_rule(client, location, STAGING_DAYS)
    count = 0
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        key = prefix + path.relative_to(root).as_posix()
        client.upload_file(str(path), location.bucket, key, ExtraArgs=extra)
        count += 1
    return count


def download_tree(client: Any, location: Location, prefix: str, root: Path) -> int:
    count = 0
    for key in _keys(client, location, prefix):
        target = root / key[len(prefix) :]
        target.parent.mkdir(parents=True, exist_ok=True)
        client.download_file(location.bucket, key, str(target))
        count += 1
    return count


def delete_tree(client: Any, location: Location, prefix: str) -> int:
    keys = list(_keys(client, location, prefix))
    for start in range(0, len(keys), 1000):
        batch = [{"Key": k} for k in keys[start : start + 1000]]
        client.delete_objects(Bucket=location.bucket, Delete={"Objects": batch, "Quiet": True})
    return len(keys)


def _keys(client: Any, location: Location, prefix: str):
    paginator = client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=location.bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            yield item["Key"]
