"""Rectification (Art. 16): set a corrected value in every system holding that field for the subject.

The subject is resolved everywhere; every rectifiable field of the chosen category in their
records is updated, one transaction per dataset batch, only where the value differs (a rerun
changes nothing). The ledger gets keyed hashes of the values before and after, never the
values: an auditor holding the key and a claimed value can check it, nobody else can read it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gdpr.connectors.base import Connector
from gdpr.datamap.models import DataMap
from gdpr.erasure.rectifiable import rectifiable
from gdpr.ledger import EvidenceInput, Ledger, digest_keys
from gdpr.subject.resolve import SubjectLocation

log = logging.getLogger(__name__)
BATCH = 500


class RectificationInputError(ValueError):
    """The field or value cannot be used; nothing was changed."""


@dataclass
class Rectification:
    category: str
    changed: dict[str, int] = field(default_factory=dict)  # dataset.field -> rows changed
    already: dict[str, int] = field(default_factory=dict)  # dataset.field -> rows already right

    @property
    def datasets(self) -> list[str]:
        return sorted({name.rsplit(".", 1)[0] for name in {**self.changed, **self.already}})

    def as_dict(self) -> dict[str, Any]:
        """Counts only: what may go to XCom and logs."""
        return {
            "category": self.category,
            "changed": self.changed,
            "already": self.already,
            "datasets": self.datasets,
        }


def value_hash(key: bytes, value: object) -> str:
    return hmac.new(key, str(value).encode("utf-8"), hashlib.sha256).hexdigest()


def check_choice(datamap: DataMap, category: str, value: str) -> str:
    """The corrected value, trimmed; raises on an unknown field or an empty value."""
    choices = rectifiable(datamap)
    if category not in choices:
        raise RectificationInputError(
            f"{category!r} is not a rectifiable field of the data map; choose one of "
            f"{', '.join(choices) or '(none: mark fields `rectifiable: true`)'}"
        )
    cleaned = (value or "").strip()
    if not cleaned:
        raise RectificationInputError("the corrected value is empty")
    return cleaned


def rectify(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    ledger: Ledger,
    location: SubjectLocation,
    *,
    category: str,
    value: str,
    key: bytes,
    request_id: str,
    run_pk: int | None = None,
) -> Rectification:
    value = check_choice(datamap, category, value)
    targets = [
        t
        for t in rectifiable(datamap)[category]
        if location.hits.get(t.dataset, None) and location.hits[t.dataset].rows
    ]
    if not targets:
        raise RectificationInputError(
            f"the subject has no record holding a rectifiable {category} field"
        )
    outcome = Rectification(category)
    after = value_hash(key, value)
    for target in targets:
        ref = datamap.dataset(target.dataset)
        connector = connectors[ref.system.name]
        keys = list(location.hits[target.dataset].rows)
        changed, before = _update(connector, ref.dataset, target.field, keys, value)
        name = f"{target.dataset}.{target.field}"
        outcome.changed[name] = changed
        outcome.already[name] = len(keys) - changed
        if changed:
            ledger.record_evidence(
                EvidenceInput(
                    action="rectification.update",
                    system=ref.system.name,
                    dataset=target.dataset,
                    count=changed,
                    keys_sha256=digest_keys(list(k) for k in keys),
                    detail={
                        "field": target.field,
                        "category": category,
                        "before_hmac_sha256": sorted({value_hash(key, v) for v in before}),
                        "after_hmac_sha256": after,
                    },
                    run_pk=run_pk,
                    request_id=request_id,
                )
            )
        log.info("rectification %s: %s: %d records changed", request_id, name, changed)
    return outcome


def _update(
    connector: Connector, dataset: Any, field_name: str, keys: list[tuple], value: str
) -> tuple[int, list[Any]]:
    """Rows changed and their previous values, batch by batch, one unit of work per batch."""
    key_fields = connector.key_fields(dataset)
    changed = 0
    before: list[Any] = []
    for start in range(0, len(keys), BATCH):
        rows = [dict(zip(key_fields, k, strict=True)) for k in keys[start : start + BATCH]]
        with connector.changes() as change:
            previous = change.set_value(dataset, rows, field_name, value)
        before += previous
        changed += len(previous)
    return changed, before
