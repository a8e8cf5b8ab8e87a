"""The product's own copies of an erased subject: delivered access/portability packages and
staging files, every version and delete marker of them.

An access (Art. 15) or portability (Art. 20) run leaves the subject's data in the delivery
location: the package under ``<prefix><request id>/`` and, while it runs (or when it died
half-way), the exports under ``<prefix>_staging/<request id>/``. Erasing the subject erases
those too. They are found through the ledger: the subject's access and portability requests
(the ledger's address of the erasure request), and the packages their ``*.delivered``
evidence rows name, wherever the delivery location was at the time. In a versioned bucket a
plain DELETE only adds a marker, so each version and delete marker is deleted by id.

Evidence first, as for every other deletion: the intent (how many objects, the SHA-256 of
their sorted keys) is appended before anything is deleted, the settlement after; a rerun
settles an interrupted intent and deletes whatever is left. Expired packages of other
subjects are swept by the access run (``gdpr.access.deliver.sweep_expired``), not here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from gdpr.access.deliver import package_key
from gdpr.access.portability import KINDS
from gdpr.access.staging import staging_prefix
from gdpr.connectors.s3 import Bucket, ObjectVersion
from gdpr.datamap.models import DataMap
from gdpr.ledger import EvidenceInput, Ledger, digest_keys

log = logging.getLogger(__name__)

INTENT = "erasure.copies_intent"
DELETED = "erasure.copies_delete"
DATASET = "gdpr.delivery"  # how evidence rows name the product's own copies
CITATION = "Art. 17(1) GDPR"


@dataclass
class CopiesOutcome:
    requests: list[str] = field(default_factory=list)  # access/portability requests found
    objects: int = 0  # object keys deleted (every version of each)
    versions: int = 0  # versions and delete markers deleted
    keys_sha256: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "requests": len(self.requests),
            "objects": self.objects,
            "versions": self.versions,
            "keys_sha256": self.keys_sha256,
        }


def copy_prefixes(datamap: DataMap, ledger: Ledger, subject_email: str) -> dict[str, list[str]]:
    """Per bucket, the key prefixes (and package keys) holding the subject's delivered copies."""
    location = datamap.delivery
    found: dict[str, set[str]] = {}
    requests = [r for r in ledger.requests_of_subject(subject_email) if r.kind in KINDS]
    for request in requests:
        into = found.setdefault(location.bucket, set())
        into.add(package_key(location, request.request_id).rsplit("/", 1)[0] + "/")
        into.add(staging_prefix(location, request.request_id))
        for row in ledger.evidence(request_id=request.request_id):
            uri = str(row.detail.get("package") or "") if row.action.endswith(".delivered") else ""
            if uri.startswith("s3://"):
                bucket, _, key = uri.removeprefix("s3://").partition("/")
                if key:
                    found.setdefault(bucket, set()).add(key)
    return {bucket: sorted(prefixes) for bucket, prefixes in sorted(found.items())}


def subject_requests(ledger: Ledger, subject_email: str) -> list[str]:
    return [r.request_id for r in ledger.requests_of_subject(subject_email) if r.kind in KINDS]


def _versions(bucket: Bucket, prefixes: Iterable[str]) -> list[ObjectVersion]:
    seen: dict[tuple[str, str], ObjectVersion] = {}
    for prefix in prefixes:
        for version in bucket.iter_versions(prefix):
            if version.key == prefix or version.key.startswith(prefix):
                seen[(version.key, version.version_id)] = version
    return list(seen.values())


def erase_copies(
    datamap: DataMap,
    ledger: Ledger,
    client: object,
    *,
    request_id: str,
    subject_email: str,
    run_pk: int | None = None,
) -> CopiesOutcome:
    """Delete every version of the subject's delivered packages and staging files, with
    evidence (count and SHA-256 of the object keys) on the erasure request."""
    outcome = CopiesOutcome(requests=subject_requests(ledger, subject_email))
    prefixes = copy_prefixes(datamap, ledger, subject_email)
    _settle_interrupted(ledger, client, prefixes, request_id=request_id, run_pk=run_pk)
    for bucket_name, wanted in prefixes.items():
        bucket = Bucket(client, bucket_name)
        versions = _versions(bucket, wanted)
        if not versions:
            continue
        keys = sorted({v.key for v in versions})
        keys_sha256 = digest_keys([[k] for k in keys])  # computed before anything is deleted
        detail = {
            "bucket": bucket_name,
            "objects": len(keys),
            "versions": len(versions),
            "requests": outcome.requests,
        }
        intent = ledger.record_evidence(
            EvidenceInput(
                action=INTENT,
                dataset=DATASET,
                citation=CITATION,
                count=len(keys),
                keys_sha256=keys_sha256,
                detail=detail,
                run_pk=run_pk,
                request_id=request_id,
            )
        )
        deleted = sum(bucket.delete_versions(versions))
        ledger.record_evidence(
            EvidenceInput(
                action=DELETED,
                dataset=DATASET,
                citation=CITATION,
                count=len(keys),
                keys_sha256=keys_sha256,
                detail={**detail, "versions": deleted, "intent": intent.id},
                run_pk=run_pk,
                request_id=request_id,
            )
        )
        outcome.objects += len(keys)
        outcome.versions += deleted
        outcome.keys_sha256 = keys_sha256 if outcome.keys_sha256 is None else outcome.keys_sha256
        log.info(
            "erasure %s: %d delivered objects of the subject (%d versions and markers) deleted "
            "from %s",
            request_id,
            len(keys),
            deleted,
            bucket_name,
        )
    left = {b: len(_versions(Bucket(client, b), wanted)) for b, wanted in prefixes.items()}
    if any(left.values()):
        raise RuntimeError(
            f"erasure {request_id}: delivered copies of the subject are still there: "
            + ", ".join(f"{b} {n}" for b, n in left.items() if n)
        )
    return outcome


def _settle_interrupted(
    ledger: Ledger,
    client: object,
    prefixes: dict[str, list[str]],
    *,
    request_id: str,
    run_pk: int | None,
) -> None:
    """An intent without settlement (the run stopped while deleting): settle it with what is
    gone since; what is left is deleted by this run with evidence of its own."""
    rows = ledger.evidence(request_id=request_id, actions=(INTENT, DELETED))
    settled = {r.detail.get("intent") for r in rows if r.action == DELETED}
    for intent in (r for r in rows if r.action == INTENT and r.id not in settled):
        bucket = str(intent.detail.get("bucket", ""))
        left = len({v.key for v in _versions(Bucket(client, bucket), prefixes.get(bucket, []))})
        ledger.record_evidence(
            EvidenceInput(
                action=DELETED,
                dataset=DATASET,
                citation=CITATION,
                count=max(intent.count - left, 0),
                keys_sha256=intent.keys_sha256,
                detail={
                    **intent.detail,
                    "intent": intent.id,
                    "interrupted_run": intent.run_pk,
                    "left": left,
                    "outcome": "interrupted; what was left is deleted by this run",
                },
                run_pk=run_pk,
                request_id=request_id,
            )
        )
