"""After the erasure: resolve the subject again and prove nothing erasable is left.

Whatever resolution still finds must be a record the plan keeps, with its reason; anything
else (a record the erasure missed, or one created since the preview) fails loudly. Objects
deleted from S3 are checked for every version and delete marker, not just the listing.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from gdpr.connectors.base import Connector
from gdpr.connectors.s3 import S3Connector
from gdpr.datamap.models import DataMap
from gdpr.erasure.plan import ErasurePlan, norm_key
from gdpr.subject.resolve import resolve_subject

log = logging.getLogger(__name__)


class ErasureIncompleteError(RuntimeError):
    """Records of the subject that the erasure should have removed are still there."""


@dataclass
class Verification:
    kept: dict[str, int] = field(default_factory=dict)  # found again, kept with a reason
    left: dict[str, int] = field(default_factory=dict)  # found again, not meant to be

    @property
    def ok(self) -> bool:
        return not self.left

    def as_dict(self) -> dict[str, object]:
        return {"ok": self.ok, "kept": self.kept, "left": self.left}


def verify_erasure(
    datamap: DataMap,
    plan: ErasurePlan,
    connectors: Mapping[str, Connector],
    *,
    identity: str,
    value: str,
) -> Verification:
    """Raise ``ErasureIncompleteError`` unless only kept records of the subject remain."""
    outcome = Verification()
    location = resolve_subject(datamap, connectors, identity, value)
    kept = plan.kept_keys()
    for dataset_id, hits in location.hits.items():
        found = {norm_key(k) for k in hits.rows}
        allowed = found & kept.get(dataset_id, set())
        if allowed:
            outcome.kept[dataset_id] = len(allowed)
        if found - allowed:
            outcome.left[dataset_id] = len(found - allowed)
    for dataset in plan.datasets:
        connector = connectors.get(dataset.system)
        if dataset.kind == "s3" and dataset.delete and isinstance(connector, S3Connector):
            versions = {v.key for v in connector.objects.versions_of(k[0] for k in dataset.delete)}
            if versions:
                outcome.left[dataset.dataset] = outcome.left.get(dataset.dataset, 0) + len(versions)
    if outcome.left:
        detail = ", ".join(f"{d} {n}" for d, n in sorted(outcome.left.items()))
        raise ErasureIncompleteError(
            f"erasure {plan.request_id}: the subject still has records that are not kept with a "
            f"reason: {detail}"
        )
    log.info(
        "erasure %s verified: nothing erasable left; %d records kept with their reason",
        plan.request_id,
        sum(outcome.kept.values()),
    )
    return outcome
