"""S3 systems on boto3: listing by key template, every version and delete marker, SSE on write.

A bucket with versioning keeps old versions after a plain DELETE, so erasing an object means
deleting each version and delete marker by id; this module lists and deletes them in the
1000-key batches S3 allows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

from gdpr.connectors.base import (
    ByIdentity,
    Criterion,
    LiveDataset,
    Row,
    SystemUnreachableError,
)
from gdpr.datamap.models import Dataset, System
from gdpr.datamap.templates import KeyTemplate

DELETE_BATCH = 1000  # S3's limit per DeleteObjects call
# Listings in flight at once when a look-up spans many key prefixes (one per parent record):
# each is a round trip of tens of milliseconds on S3, and a boto3 client is thread-safe.
LISTING_THREADS = 8


@dataclass(frozen=True)
class ObjectVersion:
    key: str
    version_id: str
    is_delete_marker: bool
    is_latest: bool
    last_modified: datetime


class S3Connector:
    def __init__(self, system: System, client: Any):
        self.system = system
        self.objects = Bucket(client, system.bucket or "")

    # -- protocol -----------------------------------------------------------------------------
    def ping(self) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.objects.client.head_bucket(Bucket=self.objects.name)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            reason = (
                f"bucket {self.objects.name!r} does not exist"
                if code in {"404", "NoSuchBucket"}
                else str(exc)
            )
            raise SystemUnreachableError(self.system, reason) from exc
        except BotoCoreError as exc:
            raise SystemUnreachableError(self.system, str(exc)) from exc

    def inspect(self) -> dict[str, LiveDataset]:
        try:
            self.ping()
        except SystemUnreachableError as exc:
            if "does not exist" not in str(exc):
                raise
            return {d.name: LiveDataset(d.name, exists=False) for d in self.system.datasets}
        return {d.name: LiveDataset(d.name, exists=True) for d in self.system.datasets}

    def find(
        self, dataset: Dataset, criterion: Criterion, columns: Sequence[str]
    ) -> Iterator[list[Row]]:
        """Objects whose key binds the criterion's values; rows carry the placeholders and ``key``."""
        template, wanted, prefixes = self._narrow(dataset, criterion)
        for prefix in prefixes:
            batch: list[Row] = []
            for obj in self.objects.list(prefix):
                parsed = template.parse(obj["Key"])
                if parsed is None or tuple(parsed[f] for f in criterion.fields) not in wanted:
                    continue
                batch.append(
                    {
                        **{c: parsed[c] for c in columns if c in parsed},
                        "key": obj["Key"],
                        "size": obj["Size"],
                    }
                )
            if batch:
                yield batch

    def find_versions(self, dataset: Dataset, criterion: Criterion) -> Iterator[list[Row]]:
        """Like ``find`` but over every version and delete marker, one row per key with its
        ``versions``: what must go for an object to be really gone from a versioned bucket."""
        template, wanted, prefixes = self._narrow(dataset, criterion)

        def versions_under(prefix: str) -> list[Row]:
            rows: dict[str, Row] = {}
            for version in self.objects.iter_versions(prefix):
                parsed = template.parse(version.key)
                if parsed is None or tuple(parsed[f] for f in criterion.fields) not in wanted:
                    continue
                rows.setdefault(version.key, {**parsed, "key": version.key, "versions": []})[
                    "versions"
                ].append(version)
            return list(rows.values())

        with ThreadPoolExecutor(max_workers=max(1, min(LISTING_THREADS, len(prefixes)))) as pool:
            for rows in pool.map(versions_under, prefixes):
                if rows:
                    yield rows

    def _narrow(
        self, dataset: Dataset, criterion: Criterion
    ) -> tuple[KeyTemplate, set[tuple], list[str]]:
        """The template, the wanted placeholder values, and the few prefixes to list for them."""
        if isinstance(criterion, ByIdentity):
            raise TypeError("s3 objects are found through references, not by identity")
        template = KeyTemplate(dataset.key_template or "")
        wanted = {tuple(str(v) for v in values) for values in criterion.values}
        first = template.placeholders[0] if template.placeholders else None
        bound = criterion.fields.index(first) if first in criterion.fields else None
        prefixes = {
            template.prefix({} if bound is None else {first: values[bound]})
            for values in criterion.values
        }
        return template, wanted, sorted(prefixes)

    def close(self) -> None:
        pass

    def iter_dataset(
        self, dataset: Dataset, bindings: Mapping[str, object] | None = None
    ) -> Iterator[Row]:
        """Every object of a dataset (optionally narrowed by bound placeholders), as parsed rows."""
        template = KeyTemplate(dataset.key_template or "")
        for obj in self.objects.list(template.prefix(bindings or {})):
            parsed = template.parse(obj["Key"])
            if parsed is not None and all(parsed[k] == str(v) for k, v in (bindings or {}).items()):
                yield {
                    **parsed,
                    "key": obj["Key"],
                    "size": obj["Size"],
                    "last_modified": obj["LastModified"],
                }


class Bucket:
    """Object operations on one bucket; stateless apart from the client it is given."""

    def __init__(self, client: Any, name: str):
        self.client = client
        self.name = name

    def list(self, prefix: str = "") -> Iterator[dict[str, Any]]:
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.name, Prefix=prefix):
            yield from page.get("Contents", [])

    def iter_versions(self, prefix: str = "") -> Iterator[ObjectVersion]:
        """Every version and delete marker under a prefix."""
        paginator = self.client.get_paginator("list_object_versions")
        for page in paginator.paginate(Bucket=self.name, Prefix=prefix):
            for item in page.get("Versions", []):
                yield ObjectVersion(
                    item["Key"], item["VersionId"], False, item["IsLatest"], item["LastModified"]
                )
            for item in page.get("DeleteMarkers", []):
                yield ObjectVersion(
                    item["Key"], item["VersionId"], True, item["IsLatest"], item["LastModified"]
                )

    def versions_of(self, keys: Iterable[str]) -> Iterator[ObjectVersion]:
        """Every version and delete marker of exactly these keys (a listing per key, by prefix)."""
        for key in keys:
            yield from (v for v in self.iter_versions(key) if v.key == key)

    def delete_versions(self, versions: Iterable[ObjectVersion]) -> Iterator[int]:
        """Permanently delete versions and markers, 1000 per call; yields how many went per call."""
        iterator = iter(versions)
        while batch := list(islice(iterator, DELETE_BATCH)):
            objects = [{"Key": v.key, "VersionId": v.version_id} for v in batch]
            response = self.client.delete_objects(
                Bucket=self.name, Delete={"Objects": objects, "Quiet": True}
            )
            errors = response.get("Errors", [])
            if errors:
                codes = sorted({e.get("Code", "?") for e in errors})
                raise RuntimeError(
                    f"S3 refused to delete {len(errors)} of {len(batch)} versions ({', '.join(codes)})"
                )
            yield len(batch)

    def put_object(
        self,
        key: str,
        body: bytes,
        *,
        content_type: str = "application/octet-stream",
        kms_key_id: str | None = None,
        expires: datetime | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> str:
        """Write an object encrypted at rest (SSE-S3, or SSE-KMS when a key is given); returns its version id."""
        params: dict[str, Any] = {
            "Bucket": self.name,
            "Key": key,
            "Body": body,
            "ContentType": content_type,
        }
        if kms_key_id:
            params |= {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": kms_key_id}
        else:
            params["ServerSideEncryption"] = "AES256"
        if expires is not None:
            params["Expires"] = expires
        if tags:
            from urllib.parse import urlencode

            params["Tagging"] = urlencode(dict(tags))
        return self.client.put_object(**params).get("VersionId", "")

    def presigned_url(self, key: str, expires_in: int = 7 * 24 * 3600) -> str:
        """A time-limited GET link; S3 caps SigV4 links at 7 days."""
        return self.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.name, "Key": key}, ExpiresIn=expires_in
        )
