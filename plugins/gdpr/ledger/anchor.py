"""Publishing the chain head where the ledger's credential cannot rewrite it, and reading it back.

Anyone holding the ledger's database credential can delete evidence and recompute every later
hash and the head row: the chain alone then verifies. So after every task that may have
appended, the head (row count and last hash) is written to an S3 bucket with Object Lock in
*compliance* mode: no credential, root included, can change or delete a version before its
retention ends. Each head is its own object (``<prefix><count>-<hash>.json``), optionally signed
with an HMAC key from an Airflow connection, so a forged object written with the S3 credential
is named too. ``gdpr ledger verify`` reads every version under the prefix and checks the chain
against each (``HeadClaim``): a chain rewritten at or before a published row no longer hashes
to it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from gdpr.connectors.s3 import Bucket
from gdpr.ledger.canonical import canonical_json
from gdpr.ledger.clock import as_utc
from gdpr.ledger.records import ChainHead, HeadClaim

if TYPE_CHECKING:
    from gdpr.datamap.models import DataMap

__all__ = [
    "AnchorStore",
    "PublishedHeads",
    "anchor_for",
    "identity_key",
    "publish_head",
    "published_heads",
]

Secret = Callable[[str], "str | None"]

_LOCK_MODE = "COMPLIANCE"


@dataclass(frozen=True)
class AnchorStore:
    """The bucket heads are published to (``ledger.anchor`` in the data map)."""

    client: Any
    bucket: str
    prefix: str
    retention: timedelta
    signing_key: bytes | None = None

    def key_of(self, head: ChainHead) -> str:
        return f"{self.prefix}{head.count:012d}-{head.last_hash}.json"


@dataclass(frozen=True)
class PublishedHeads:
    claims: list[HeadClaim]
    problems: list[str]


def publish_head(store: AnchorStore, head: ChainHead, now: datetime) -> str | None:
    """Write ``head`` under compliance lock; returns its key, or None when there is nothing new
    (an empty chain, or this head already published). Refuses a bucket without Object Lock:
    a head anyone could overwrite would prove nothing."""
    if head.count == 0:
        return None
    _require_lock(store)
    key = store.key_of(head)
    if _exists(store, key):
        return None
    document = {"count": head.count, "last_hash": head.last_hash, "published_at": as_utc(now)}
    if store.signing_key is not None:
        document["hmac_sha256"] = _signature(store.signing_key, document)
    body = canonical_json(document).encode("utf-8")
    store.client.put_object(
        Bucket=store.bucket,
        Key=key,
        Body=body,
        ContentType="application/json",
        # S3 requires a checksum on a write that sets a lock
        ContentMD5=base64.b64encode(hashlib.md5(body).digest()).decode("ascii"),
        ObjectLockMode=_LOCK_MODE,
        ObjectLockRetainUntilDate=as_utc(now) + store.retention,
    )
    return key


def published_heads(store: AnchorStore) -> PublishedHeads:
    """Every version of every head under the prefix, as claims on the chain, and one sentence
    for each version that cannot be trusted (unsigned or badly signed while a key is set, not
    under compliance lock, unreadable, or hidden behind a delete marker)."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        return _read_heads(store)
    except (ClientError, BotoCoreError) as exc:
        raise RuntimeError(
            f"cannot read the published heads in s3://{store.bucket}/{store.prefix}: {exc}"
        ) from None


def _read_heads(store: AnchorStore) -> PublishedHeads:
    claims: list[HeadClaim] = []
    problems: list[str] = []
    for version in Bucket(store.client, store.bucket).iter_versions(store.prefix):
        where = f"s3://{store.bucket}/{version.key}"
        if version.is_delete_marker:
            problems.append(
                f"{where} was given a delete marker: someone tried to hide a published head"
            )
            continue
        response = store.client.get_object(
            Bucket=store.bucket, Key=version.key, VersionId=version.version_id
        )
        claim, problem = _claim(store, where, response)
        if problem:
            problems.append(problem)
        if claim:
            claims.append(claim)
    return PublishedHeads(claims=claims, problems=problems)


def _claim(
    store: AnchorStore, where: str, response: dict[str, Any]
) -> tuple[HeadClaim | None, str | None]:
    try:
        document = json.loads(response["Body"].read())
        count, last_hash = int(document["count"]), str(document["last_hash"])
        published_at = str(document["published_at"])
    except (ValueError, KeyError, TypeError):
        return None, f"{where} is not a published ledger head (unreadable)"
    if store.signing_key is not None:
        expected = _signature(store.signing_key, document)
        if not hmac.compare_digest(str(document.get("hmac_sha256", "")), expected):
            return (
                None,
                f"{where} is not signed with the anchor key: it was not published by the ledger",
            )
    claim = HeadClaim(
        count=count,
        last_hash=last_hash,
        source=f"the head published at {published_at[:16].replace('T', ' ')} UTC ({where})",
    )
    if response.get("ObjectLockMode") != _LOCK_MODE:
        return claim, f"{where} is not under compliance lock: it could be rewritten"
    return claim, None


def _signature(key: bytes, document: dict[str, Any]) -> str:
    signed = {name: document[name] for name in ("count", "last_hash", "published_at")}
    return hmac.new(key, canonical_json(signed).encode("utf-8"), hashlib.sha256).hexdigest()


def _require_lock(store: AnchorStore) -> None:
    from botocore.exceptions import ClientError

    try:
        config = store.client.get_object_lock_configuration(Bucket=store.bucket)
    except ClientError:
        config = {}
    if config.get("ObjectLockConfiguration", {}).get("ObjectLockEnabled") != "Enabled":
        raise RuntimeError(
            f"bucket {store.bucket} has no Object Lock: a head published there could be "
            "rewritten; create it with Object Lock enabled (see docs/deploy.md)"
        )


def _exists(store: AnchorStore, key: str) -> bool:
    from botocore.exceptions import ClientError

    try:
        store.client.head_object(Bucket=store.bucket, Key=key)
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
            return False
        raise
    return True


def anchor_for(datamap: DataMap, s3: Callable[[str], Any], secret: Secret) -> AnchorStore | None:
    """The data map's anchor (``ledger.anchor``), or None when the map declares none.

    ``s3(conn_id)`` returns an S3 client (``Clients.s3``); ``secret(conn_id)`` a connection's
    password: Airflow's connection in a task, the ``AIRFLOW_CONN_*`` variable on the command
    line."""
    settings = datamap.ledger.anchor
    if settings is None:
        return None
    key = secret(settings.signing_conn_id) if settings.signing_conn_id else None
    if settings.signing_conn_id and not key:
        raise RuntimeError(
            f"the anchor signing connection {settings.signing_conn_id} has no password: "
            "set it to a long random secret"
        )
    return AnchorStore(
        client=s3(settings.conn_id),
        bucket=settings.bucket,
        prefix=settings.prefix,
        retention=timedelta(days=settings.retention_days),
        signing_key=key.encode("utf-8") if key else None,
    )


def identity_key(datamap: DataMap, secret: Secret) -> bytes | None:
    """The key the chain hashes identities with (``ledger.identity_key_conn_id``), if any."""
    conn_id = datamap.ledger.identity_key_conn_id
    if conn_id is None:
        return None
    value = secret(conn_id)
    if not value:
        raise RuntimeError(
            f"the ledger identity key connection {conn_id} has no password: set it to a long "
            "random secret"
        )
    return value.encode("utf-8")
