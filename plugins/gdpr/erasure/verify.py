"""After the erasure: resolve the subject again and prove nothing erasable is left.

Whatever resolution still finds must be a record the plan keeps, with its reason; anything
else (a record the erasure missed, or one created since the preview) fails loudly. Objects
deleted from S3 are checked for every version and delete marker, not just the listing.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from gdpr.connectors.base import ByReference, Connector, reading
from gdpr.connectors.keys import norm_key
from gdpr.datamap.models import DataMap
from gdpr.erasure.plan import DatasetPlan, ErasurePlan
from gdpr.subject.resolve import resolve_subject

log = logging.getLogger(__name__)


class ErasureIncompleteError(RuntimeError):
    """Records of the subject that the erasure should have removed are still there."""


class AppearedSinceApprovalError(ErasureIncompleteError):
    """Every record left is one the approved plan did not name: it appeared after the approval
    and needs a new preview and approval (the approved plan itself was applied in full)."""


@dataclass
class Verification:
    kept: dict[str, int] = field(default_factory=dict)  # found again, kept with a reason
    left: dict[str, int] = field(default_factory=dict)  # found again, not meant to be
    missed: dict[str, int] = field(default_factory=dict)  # of those, named by the plan

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
    with reading(connectors):  # every look-up of the check on one connection per system
        location = resolve_subject(datamap, connectors, identity, value)
        kept = plan.kept_keys()
        left: dict[str, set] = {}
        for dataset_id, hits in location.hits.items():
            found = {norm_key(k) for k in hits.rows}
            allowed = found & kept.get(dataset_id, set())
            if allowed:
                outcome.kept[dataset_id] = len(allowed)
            if found - allowed:
                left[dataset_id] = found - allowed
        # every deleted record (an object: in any version or delete marker) must be gone,
        # even where resolution no longer reaches it (its parent records are gone)
        for dataset_id, still in deleted_left(datamap, connectors, plan.datasets).items():
            left.setdefault(dataset_id, set()).update(still)
    outcome.left = {d: len(keys) for d, keys in left.items() if keys}
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


def deleted_still_there(
    datamap: DataMap, connectors: Mapping[str, Connector], dataset: DatasetPlan
) -> set[tuple]:
    """The keys of a plan's deleted records that the system still holds."""
    connector = connectors.get(dataset.system)
    if connector is None or not dataset.delete:
        return set()
    ref = datamap.dataset(dataset.dataset)
    fields = tuple(dataset.key_fields)
    criterion = _deleted(dataset)
    return {
        norm_key(tuple(row[f] for f in fields))
        for rows in connector.find(ref.dataset, criterion, list(fields))
        for row in rows
    }


def deleted_left(
    datamap: DataMap, connectors: Mapping[str, Connector], datasets: Sequence[DatasetPlan]
) -> dict[str, set[tuple]]:
    """By dataset, the keys of the plans' deleted records that their systems still hold. A
    system that counts several look-ups in one statement (``count_together``: SQL) is asked
    once for all its datasets, a dozen tables in one round trip; only a dataset with records
    left (a failing check) is then read for their keys (``deleted_still_there``)."""
    by_system: dict[str, list[DatasetPlan]] = defaultdict(list)
    for plan in datasets:
        if plan.delete and plan.system in connectors:
            by_system[plan.system].append(plan)
    left: dict[str, set[tuple]] = {}
    for system, plans in by_system.items():
        counting = getattr(connectors[system], "count_together", None)
        counts = (
            counting([(datamap.dataset(p.dataset).dataset, _deleted(p)) for p in plans])
            if counting is not None
            else None
        )
        for plan, count in zip(plans, counts or [None] * len(plans), strict=True):
            if count == 0:
                continue
            still = deleted_still_there(datamap, connectors, plan)
            if still:
                left.setdefault(plan.dataset, set()).update(still)
    return left


def _deleted(dataset: DatasetPlan) -> ByReference:
    """The look-up of a plan's deleted records by their keys."""
    return ByReference(tuple(dataset.key_fields), [tuple(k) for k in dataset.delete])
