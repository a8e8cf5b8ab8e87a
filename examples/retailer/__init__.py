"""The demo retailer (Maison Lumière) in the organisations' interface (see examples/README.md).

The map is include/datamap.yaml (the deployment's default map). Its modules:

- ``schema``: the CRM and helpdesk tables, ``KEY_TEMPLATES`` of the buckets;
- ``populate``: ``seed_demo``, the seeder (planted records plus a generated population, sized
  for benchmarks: COPY/multi-row inserts, indexes built last); ``generate``, ``objects``,
  ``texts`` and ``timeutil`` make its rows, objects and free text;
- ``planted`` (the retailer's own planted cases, ``planted.PLANTED``, richer than the
  organisation-wide facts) and ``planted_rows`` (those cases as records);
- ``holds``: the planted legal hold; ``contacts``: the prospect import that honours the
  marketing suppression list (``python -m examples.retailer.contacts``).

This module exposes the organisations' interface (examples/README.md) and computes the facts
every organisation declares (examples.planted.Planted) from the retailer's planted records.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from examples.planted import Holdings, Planted, SeedObject, kept_values, normalise, truth
from examples.retailer.holds import HOLD_REFERENCE, plant_legal_hold
from examples.retailer.objects import ObjectSpec
from examples.retailer.planted import MIN_CUSTOMERS, PLANTED_LEGAL_HOLD_REASON
from examples.retailer.planted import PLANTED as DEMO
from examples.retailer.planted_rows import planted_records
from examples.retailer.populate import Progress, SeedSummary, seed_demo
from gdpr.datamap import load_datamap

NAME = "retailer"
DATAMAP = Path(__file__).resolve().parents[2] / "include" / "datamap.yaml"
MIN_SUBJECTS = MIN_CUSTOMERS
KEPT_DATASETS = ("crm.invoices", "crm.payments")  # the customers rule's `keep`


def seed(
    engines: Mapping[str, sa.Engine],
    s3: Any,
    *,
    subjects: int,
    today: date,
    seed: int = 42,
    max_objects: int | None = None,
    progress: Progress | None = None,
) -> SeedSummary:
    """``populate.seed_demo`` with ``subjects`` customers (engines by system: crm, helpdesk).

    ``max_objects`` caps the S3 objects written (benchmarks at scale); ``progress(name, done,
    total)`` reports the load as it goes."""
    from examples import buckets_of

    return seed_demo(
        engines["crm"],
        engines["helpdesk"],
        s3,
        buckets_of(DATAMAP),
        customers=subjects,
        seed=seed,
        today=today,
        max_objects=max_objects,
        progress=progress,
    )


def place_holds(ledger) -> None:
    """The demo's legal hold on one expired customer, in litigation (idempotent)."""
    plant_legal_hold(ledger)


def _compute() -> Planted:
    datamap = load_datamap(DATAMAP)
    rows: list[tuple[str, dict]] = []
    objects: list[SeedObject] = []
    for dataset, payload in planted_records(date(2026, 1, 15)):
        if isinstance(payload, ObjectSpec):
            versions = 1 + (payload.previous is not None)
            objects.append(SeedObject(dataset, payload.key, versions, payload.delete_marker))
        else:
            rows.append((dataset, payload))
    email = {row["customer_id"]: row["email"] for d, row in rows if d == "crm.customers"}
    held_subject = normalise(email[DEMO.legal_hold_customer_id])
    expired_subjects = tuple(
        normalise(email[c]) for c in DEMO.expired_customer_ids if c != DEMO.legal_hold_customer_id
    )
    expired_all = truth(datamap, rows, objects, expired_subjects, stop_at=KEPT_DATASETS)
    kept = expired_all.only(KEPT_DATASETS)
    remarks: dict[str, set[str]] = {}
    for remark in DEMO.remarks:
        if remark.labels:
            remarks.setdefault(remark.dataset, set()).add(str(remark.key))
    return Planted(
        identity="email",
        subject=DEMO.subject.email,
        subject_holdings=truth(datamap, rows, objects, [DEMO.subject.email]),
        expired_subjects=expired_subjects,
        expired=expired_all.without(KEPT_DATASETS),
        kept=kept_values(datamap, rows, Holdings(kept.rows)),
        held_subject=held_subject,
        held=truth(datamap, rows, objects, [held_subject]),
        remarks={d: frozenset(k) for d, k in remarks.items()},
        hold_reason=PLANTED_LEGAL_HOLD_REASON,
        hold_reference=HOLD_REFERENCE,
    )


PLANTED = _compute()

__all__ = ["DATAMAP", "MIN_SUBJECTS", "NAME", "PLANTED", "place_holds", "seed"]
