"""The demo's S3 objects: small fake files, buckets, and a parallel, capped writer.

The bytes are derived from the database rows only (never from the random generator), so a cap
on the number of objects never changes the rows, and re-seeding writes identical bytes.
Objects are tiny on purpose: the product's features care about keys, versions and deletion,
not about audio or PDF rendering.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from botocore.exceptions import ClientError

from examples import ANCHOR
from examples.retailer.schema import DATA_BUCKET_SYSTEMS, KEY_TEMPLATES

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class ObjectSpec:
    """One object to write: where, how to render it, and what is special about it.

    ``previous`` renders an older version written first (a re-issued invoice, a re-encoded
    call); ``delete_marker`` deletes the key afterwards, leaving a delete marker on top of the
    version, which is how a careless lifecycle rule "deletes" personal data in a versioned bucket.
    """

    dataset: str
    key: str
    render: Callable[[], tuple[bytes, str]]
    planted: bool = False
    previous: Callable[[], tuple[bytes, str]] | None = None
    delete_marker: bool = False

    @property
    def system(self) -> str:
        return self.dataset.split(".", 1)[0]


def _filler(seed_text: str, size: int) -> bytes:
    """Deterministic, incompressible-looking padding (so sizes are realistic for the protocol)."""
    out = bytearray()
    digest = hashlib.sha256(seed_text.encode()).digest()
    while len(out) < size:
        out += digest
        digest = hashlib.sha256(digest).digest()
    return bytes(out[:size])


def invoice_pdf(row: Mapping[str, Any], note: str = "") -> tuple[bytes, str]:
    """A minimal PDF-looking invoice carrying the billing name and address (personal data)."""
    issued: datetime = row["issued_at"]
    lines = [
        "%PDF-1.4",
        "% Maison Lumiere SAS - facture",
        f"1 0 obj << /Title (Facture F-{row['invoice_id']:08d}) >> endobj",
        "BT /F1 11 Tf 72 720 Td",
        f"(Facture F-{row['invoice_id']:08d} du {issued:%d/%m/%Y}) Tj",
        f"(Commande {row['order_id']}) Tj",
        f"({row['billing_name']}) Tj",
        f"({row['billing_address']}) Tj",
        f"(Montant TTC : {row['amount_eur']} EUR) Tj",
    ]
    if note:
        lines.append(f"({note}) Tj")
    lines += ["ET", "trailer << /Root 1 0 R >>", "%%EOF", ""]
    return "\n".join(lines).encode("utf-8"), "application/pdf"


def call_audio(row: Mapping[str, Any], encoding: str = "opus") -> tuple[bytes, str]:
    """A fake Ogg stream: the 'OggS' capture pattern, then a little deterministic noise."""
    head = b"OggS\x00\x02" + row["recording_id"].to_bytes(8, "little") + b"\x00" * 12
    tag = f"{encoding};recording={row['recording_id']};customer={row['customer_id']}"
    body = _filler(tag, 512 + row["duration_s"] % 1024)
    return head + tag.encode() + body, "audio/ogg"


_MAGIC: dict[str, bytes] = {
    "image/jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "image/png": b"\x89PNG\r\n\x1a\n",
    "application/pdf": b"%PDF-1.4\n",
    "text/plain": b"",
}


def attachment_size(attachment_id: int) -> int:
    """The size of an attachment's bytes, known before rendering them (for size_bytes)."""
    return 700 + (attachment_id * 7919) % 3300


def attachment_bytes(attachment_id: int, ticket_id: int, content_type: str) -> tuple[bytes, str]:
    """A file with the right magic number and exactly attachment_size() bytes."""
    magic = _MAGIC.get(content_type, b"")
    size = attachment_size(attachment_id)
    return magic + _filler(f"att:{ticket_id}:{attachment_id}", size - len(magic)), content_type


# --- buckets ----------------------------------------------------------------------------------


def ensure_buckets(s3: Any, buckets: Mapping[str, str]) -> None:
    """Create missing buckets; version the data buckets, since purges must remove all versions."""
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
        if system in DATA_BUCKET_SYSTEMS:
            s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})


def _static_prefix(template: str) -> str:
    """'invoices/{customer_id}/...' -> 'invoices/': what a demo seed owns in its bucket."""
    return template.split("{", 1)[0]


def wipe_demo_objects(s3: Any, buckets: Mapping[str, str]) -> int:
    """Delete every version and delete marker under the demo's key prefixes (re-seed = reset).

    Only the data map's key prefixes are touched, never the whole bucket.
    """
    deleted = 0
    for dataset, template in KEY_TEMPLATES.items():
        bucket = buckets[dataset.split(".", 1)[0]]
        paginator = s3.get_paginator("list_object_versions")
        for page in paginator.paginate(Bucket=bucket, Prefix=_static_prefix(template)):
            victims = [
                {"Key": v["Key"], "VersionId": v["VersionId"]}
                for v in page.get("Versions", []) + page.get("DeleteMarkers", [])
            ]
            for start in range(0, len(victims), 1000):
                chunk = victims[start : start + 1000]
                s3.delete_objects(Bucket=bucket, Delete={"Objects": chunk, "Quiet": True})
                deleted += len(chunk)
    return deleted


# --- the writer -------------------------------------------------------------------------------


class ObjectWriter:
    """Writes ObjectSpecs in parallel (boto3 clients are thread-safe), honouring a cap.

    Planted objects are always written; generated ones only while the total stays under
    ``max_objects``. Objects arrive in customer order, so a cap keeps the lowest customers'.
    """

    def __init__(
        self,
        s3: Any,
        buckets: Mapping[str, str],
        *,
        max_objects: int | None,
        chunk: int = 256,
        workers: int = 8,
        progress: Progress | None = None,
        totals: Mapping[str, int] | None = None,
    ) -> None:
        self._s3 = s3
        self._buckets = buckets
        self._max = max_objects
        self._chunk = chunk
        self._pending: list[ObjectSpec] = []
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="demo-s3")
        self._progress = progress
        self._totals = dict(totals or {})
        self.written = 0  # keys written, whatever their latest version is
        self.live: dict[str, int] = dict.fromkeys(KEY_TEMPLATES, 0)
        self._done: dict[str, int] = dict.fromkeys(KEY_TEMPLATES, 0)

    def full(self) -> bool:
        """True once the cap is reached: the generator may skip rendering further objects."""
        return self._max is not None and self.written >= self._max

    def add(self, spec: ObjectSpec) -> None:
        if not spec.planted and self.full():
            return
        self.written += 1
        if spec.previous is not None or spec.delete_marker:
            self._write_special(spec)  # ordered operations on one key: not in the pool
            self._count([spec])
            return
        self._pending.append(spec)
        if len(self._pending) >= self._chunk:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        list(self._pool.map(self._put, batch))  # re-raises the first failure
        self._count(batch)

    def close(self) -> None:
        self.flush()
        self._pool.shutdown(wait=True)
        if self._progress:
            for dataset, done in self._done.items():
                self._progress(dataset, done, done)

    def _count(self, batch: Iterable[ObjectSpec]) -> None:
        touched: set[str] = set()
        for spec in batch:
            self._done[spec.dataset] += 1
            if not spec.delete_marker:
                self.live[spec.dataset] += 1
            touched.add(spec.dataset)
        if self._progress:
            for dataset in sorted(touched):
                total = max(self._totals.get(dataset, 0), self._done[dataset])
                self._progress(dataset, self._done[dataset], total)

    def _put(self, spec: ObjectSpec, render: Callable[[], tuple[bytes, str]] | None = None) -> None:
        body, content_type = (render or spec.render)()
        self._s3.put_object(
            Bucket=self._buckets[spec.system], Key=spec.key, Body=body, ContentType=content_type
        )

    def _write_special(self, spec: ObjectSpec) -> None:
        if spec.previous is not None:
            self._put(spec, spec.previous)
        self._put(spec)
        if spec.delete_marker:
            self._s3.delete_object(Bucket=self._buckets[spec.system], Key=spec.key)
