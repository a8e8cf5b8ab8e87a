"""Parts of one rule's selection, each purged by its own task, and their outcomes merged.

A large purge spreads over workers by splitting its selection: part ``i`` of ``n`` holds the
expired root records whose key hashes to ``i`` (SHA-256 of the key codec's text). Every task
computes its part from its own read of the selection, so no key travels through Airflow, the
order the database returns rows in does not matter, and what another part already deleted
only leaves that part's share smaller.

Parts of one rule run at the same time, so two parts must never decide about the same record.
A record below the root usually belongs to one root record; where it may not (a link that
names a record outside the part's batch, a join on a field other than the parent's key that
other records hold too, a record shared between parties), the part leaves it, and its root,
to the rule's final pass (``RulePurge._foreign``), which runs the rule whole once the parts
are done: what the parts left is decided exactly as a single task would. Only a reference
compared normalised (``match``: e-mail addresses, phone numbers) is beyond that check, since
the look-up of other holders compares values as stored; such a rule runs in one part
(``unsplittable``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gdpr.connectors.keys import key_texts
from gdpr.datamap.models import DataMap
from gdpr.retention.plan import RulePlan

MAX_PARTS = 64
# a record a part leaves, with its root, to the rule's final pass (``RulePurge._foreign``)
DEFERRED = "deferred: another part of the purge reaches it too; the rule's final pass decides"


@dataclass(frozen=True)
class Part:
    """Which share of a rule's selection a task purges: ``index`` of ``count`` (0-based)."""

    index: int = 0
    count: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.count <= MAX_PARTS or not 0 <= self.index < self.count:
            raise ValueError(f"part {self.index} of {self.count}: needs 0 <= part < parts <= 64")

    @property
    def whole(self) -> bool:
        return self.count == 1

    @property
    def label(self) -> str:
        """How logs, the evidence and the task's map index name the part: ``2/4`` (1-based)."""
        return f"{self.index + 1}/{self.count}"

    def holds(self, key: Iterable[Any]) -> bool:
        """Whether the root record with this key is in the part (always, for a whole rule)."""
        if self.whole:
            return True
        text = "\x1f".join(key_texts(key)).encode()
        return int.from_bytes(hashlib.sha256(text).digest()[:8], "big") % self.count == self.index

    def pages(self, pages: Iterable[list[tuple]]) -> Iterator[list[tuple]]:
        """The selection's pages with only this part's keys."""
        for page in pages:
            yield page if self.whole else [key for key in page if self.holds(key)]


def unsplittable(datamap: DataMap, plan: RulePlan) -> str:
    """Why the rule's records cannot be split into parts purged at the same time ("" when they
    can): see the module's docstring."""
    for step in plan.steps[1:]:
        for edge in step.parents:
            if edge.reference.match:
                return (
                    f"{step.dataset} joins {edge.parent} on {edge.reference.match}s compared "
                    "normalised"
                )
    return ""


def merge_outcomes(
    parts: Sequence[Mapping[str, Any]], final: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """One rule's outcome from its parts' and its final pass's (``RuleOutcome.as_dict``):
    records changed added up; what expired is what the parts selected (the final pass selects
    again what they left); what was spared is what the final pass spared, the last word on the
    records left, or, without one, what the parts spared (none of it deferred)."""
    runs = [*parts, *([final] if final else [])]
    merged: dict[str, Any] = {
        **{k: parts[0][k] for k in ("rule", "dataset", "dry_run", "as_of", "cutoff")},
        "expired": sum(o["expired"] for o in parts),
        "batches": sum(o["batches"] for o in runs),
        "longest_transaction_seconds": max(o["longest_transaction_seconds"] for o in runs),
        "spared": {},
        "datasets": {},
        "shared": {},
        "parts": len(parts),
    }
    for outcome in runs:
        last_word = final is None or outcome is final
        for reason, count in outcome["spared"].items() if last_word else ():
            merged["spared"][reason] = merged["spared"].get(reason, 0) + count
        for name, tally in outcome["datasets"].items():
            into = merged["datasets"].setdefault(name, {**tally, "count": 0, "spared": 0})
            into["count"] += tally["count"]
            into["spared"] += tally["spared"] if last_word else 0
        for name, tally in outcome["shared"].items():
            merged["shared"].setdefault(name, {**tally, "count": 0})["count"] += tally["count"]
    return merged


def deferred(outcome: Mapping[str, Any]) -> int:
    """Root records a part left to its rule's final pass."""
    return outcome["spared"].get(DEFERRED, 0)
