"""Restriction of processing (Art. 18): mark every record of the subject, lift the mark later.

Each record is marked the way its dataset allows: a dataset declaring a `restriction_flag` gets
the flag set (every job already reads it); a dataset without one (objects, a table without such
a column) is marked in the ledger alone (``ledger.restrictions``), which the purge and the
checks read with the flags. The ledger lists every record a request restricts, whatever the
mark, so lifting clears only the flags that request set: a record flagged before (kept by an
erasure under Art. 17(3)) stays flagged. The ledger gets one evidence row per dataset with the
count and a digest of the keys, never a value.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from gdpr.connectors.base import ByReference, Connector
from gdpr.connectors.keys import key_texts
from gdpr.datamap.models import DataMap, DatasetRef
from gdpr.ledger import EvidenceInput, Ledger, digest_keys
from gdpr.subject.resolve import SubjectLocation

log = logging.getLogger(__name__)
BATCH = 500
CITATION = "Art. 18 GDPR"
# How a record is marked: the flag this request set; a flag already set before (left alone when
# lifting); the ledger's row alone (the dataset has no flag).
Mark = Literal["flag", "flagged", "ledger"]


class RestrictionInputError(ValueError):
    """The restriction cannot be applied or lifted as asked; nothing was changed."""


@dataclass
class RestrictionOutcome:
    action: str  # restrict or lift
    records: dict[str, int] = field(default_factory=dict)  # dataset -> records covered
    changed: dict[str, int] = field(default_factory=dict)  # dataset -> flags set or cleared
    marks: dict[str, str] = field(default_factory=dict)  # dataset -> flag or ledger

    @property
    def datasets(self) -> list[str]:
        return sorted(d for d, n in self.records.items() if n)

    def as_dict(self) -> dict[str, Any]:
        """Counts only: what may go to XCom and logs."""
        return {
            "action": self.action,
            "records": self.records,
            "changed": self.changed,
            "marks": self.marks,
            "datasets": self.datasets,
        }


def mark_of(ref: DatasetRef) -> Literal["flag", "ledger"]:
    """How records of a dataset are restricted: by its declared flag, else in the ledger."""
    return "flag" if ref.dataset.restriction_flag else "ledger"


def marks(datamap: DataMap) -> dict[str, str]:
    """Every dataset of the map with how its records are restricted (for docs and the desk)."""
    return {ref.id: mark_of(ref) for ref in datamap.iter_datasets()}


def restrict(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    ledger: Ledger,
    location: SubjectLocation,
    *,
    request_id: str,
    run_pk: int | None = None,
) -> RestrictionOutcome:
    """Restrict every record ``location`` holds; a rerun changes nothing more."""
    if not location.found:
        raise RestrictionInputError(
            f"request {request_id}: no record of this subject in any system, nothing to restrict"
        )
    outcome = RestrictionOutcome("restrict")
    for dataset_id, hits in sorted(location.hits.items()):
        if not hits.rows:
            continue
        ref = datamap.dataset(dataset_id)
        connector = connectors[ref.system.name]
        typed = {key_texts(k): k for k in hits.sorted_keys()}
        flag = ref.dataset.restriction_flag
        if flag:
            before = _flagged(connector, ref, list(typed.values()), flag)
            wanted = [(t, "flagged" if t in before else "flag") for t in typed]
        else:
            wanted = [(t, "ledger") for t in typed]
        # the ledger first: a run stopped before the flags are set finds them to set again
        covered = ledger.add_restrictions(request_id, dataset_id, wanted)
        to_flag = [
            typed[r.record_key] for r in covered if r.how == "flag" and r.record_key in typed
        ]
        changed = _set(connector, ref, to_flag, flag, lift=False) if flag else 0
        outcome.records[dataset_id] = len(covered)
        outcome.changed[dataset_id] = changed
        outcome.marks[dataset_id] = mark_of(ref)
        ledger.record_evidence(
            EvidenceInput(
                action="restriction.apply",
                system=ref.system.name,
                dataset=dataset_id,
                count=len(covered),
                keys_sha256=digest_keys(list(r.record_key) for r in covered),
                citation=CITATION,
                detail={"mark": mark_of(ref), "flags_set": changed},
                run_pk=run_pk,
                request_id=request_id,
            )
        )
        log.info(
            "restriction %s: %s: %d records (%d flags set)",
            request_id,
            dataset_id,
            len(covered),
            changed,
        )
    return outcome


def lift(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    ledger: Ledger,
    location: SubjectLocation,
    *,
    request_id: str,
    run_pk: int | None = None,
) -> RestrictionOutcome:
    """End the request's restriction: clear the flags it set on the records still there (found
    again by the walk: erased ones are gone), and close its rows in the ledger."""
    active = ledger.restrictions(request_id=request_id)
    if not active:
        raise RestrictionInputError(f"request {request_id} has no restriction in force to lift")
    outcome = RestrictionOutcome("lift")
    by_dataset: dict[str, list] = {}
    for record in active:
        by_dataset.setdefault(record.dataset, []).append(record)
    for dataset_id, records in sorted(by_dataset.items()):
        try:
            ref = datamap.dataset(dataset_id)
        except KeyError:
            ref = None
        changed = 0
        flag = ref.dataset.restriction_flag if ref else None
        if ref and flag:
            hits = location.hits.get(dataset_id)
            typed = {key_texts(k): k for k in (hits.sorted_keys() if hits else [])}
            to_clear = [
                typed[r.record_key] for r in records if r.how == "flag" and r.record_key in typed
            ]
            changed = _set(connectors[ref.system.name], ref, to_clear, flag, lift=True)
        lifted = ledger.lift_restrictions(request_id, dataset_id)
        outcome.records[dataset_id] = lifted
        outcome.changed[dataset_id] = changed
        outcome.marks[dataset_id] = mark_of(ref) if ref else "ledger"
        ledger.record_evidence(
            EvidenceInput(
                action="restriction.lift",
                system=ref.system.name if ref else None,
                dataset=dataset_id,
                count=lifted,
                keys_sha256=digest_keys(list(r.record_key) for r in records),
                citation="Art. 18(3) GDPR",
                detail={"mark": outcome.marks[dataset_id], "flags_cleared": changed},
                run_pk=run_pk,
                request_id=request_id,
            )
        )
        log.info(
            "restriction %s lifted: %s: %d records (%d flags cleared)",
            request_id,
            dataset_id,
            lifted,
            changed,
        )
    return outcome


def _flagged(connector: Connector, ref: DatasetRef, keys: list[tuple], flag: str) -> set[tuple]:
    """The keys (as text) of the records whose flag is already set."""
    key_fields = tuple(connector.key_fields(ref.dataset))
    found: set[tuple] = set()
    for start in range(0, len(keys), BATCH):
        criterion = ByReference(key_fields, keys[start : start + BATCH])
        for rows in connector.find(ref.dataset, criterion, [*key_fields, flag]):
            found |= {
                key_texts(row[k] for k in key_fields) for row in rows if _set_flag(row.get(flag))
            }
    return found


def _set_flag(value: Any) -> bool:
    """A flag reads as set when true (RT custom fields hold "1"; "0" and "" are unset)."""
    if isinstance(value, str):
        return value.strip() not in ("", "0", "false", "False")
    return bool(value)


def _set(
    connector: Connector, ref: DatasetRef, keys: Sequence[tuple], flag: str, *, lift: bool
) -> int:
    """Set (or clear) the flag on these records, one unit of work per batch; how many changed."""
    key_fields = connector.key_fields(ref.dataset)
    changed = 0
    for start in range(0, len(keys), BATCH):
        rows = [dict(zip(key_fields, k, strict=True)) for k in keys[start : start + BATCH]]
        with connector.changes() as change:
            if lift:
                changed += len(change.set_value(ref.dataset, rows, flag, False))
            else:
                changed += change.restrict(ref.dataset, rows, flag)
    return changed
