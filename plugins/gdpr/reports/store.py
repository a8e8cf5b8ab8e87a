"""Where reports go: the data map's `reports` location, encrypted at rest, opened by expiring link."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from gdpr.connectors.s3 import Bucket
from gdpr.datamap.models import ReportsLocation

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
}


@dataclass(frozen=True)
class StoredReport:
    key: str
    uri: str
    sha256: str


class ReportStore:
    def __init__(self, client: Any, location: ReportsLocation):
        self.location = location
        self.bucket = Bucket(client, location.bucket)

    def put(
        self, name: str, body: str | bytes, *, tags: Mapping[str, str] | None = None
    ) -> StoredReport:
        """Write a report; ``tags`` (the expiry tags of ``gdpr.access.deliver``) make it expire."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        key = f"{self.location.prefix}{name}"
        suffix = name[name.rfind(".") :] if "." in name else ""
        self.bucket.put_object(
            key,
            data,
            content_type=CONTENT_TYPES.get(suffix, "application/octet-stream"),
            tags=tags,
        )
        return StoredReport(
            key, f"s3://{self.location.bucket}/{key}", hashlib.sha256(data).hexdigest()
        )

    def link(self, report: StoredReport, expires_in: int = 7 * 24 * 3600) -> str:
        return self.bucket.presigned_url(report.key, expires_in)

    def keys(self, under: str) -> Iterator[str]:
        """The full keys of the reports stored under a name prefix (e.g. ``erasure/``)."""
        for item in self.bucket.list(f"{self.location.prefix}{under}"):
            yield item["Key"]

    def read(self, key: str) -> bytes:
        return self.bucket.client.get_object(Bucket=self.location.bucket, Key=key)["Body"].read()
