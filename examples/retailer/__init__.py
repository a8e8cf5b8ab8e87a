"""The demo retailer (Maison Lumière) in the organisations' interface (see examples/README.md).

An adapter only: the map is include/datamap.yaml, the seeder ``gdpr.demo.seed_demo`` and the
planted cases ``gdpr.demo.planted``; this module re-exports them and computes the facts every
organisation declares (examples.planted.Planted) from the demo's own planted records.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from examples.planted import Holdings, Planted, SeedObject, kept_values, normalise, truth
from gdpr.datamap import load_datamap
from gdpr.demo import MIN_CUSTOMERS, seed_demo
from gdpr.demo import PLANTED as DEMO
from gdpr.demo.command import HOLD_REFERENCE, plant_legal_hold
from gdpr.demo.objects import ObjectSpec
from gdpr.demo.planted import PLANTED_LEGAL_HOLD_REASON
from gdpr.demo.planted_rows import planted_records
from gdpr.demo.seed import SeedSummary

NAME = "retailer"
DATAMAP = Path(__file__).resolve().parents[2] / "include" / "datamap.yaml"
MIN_SUBJECTS = MIN_CUSTOMERS
KEPT_DATASETS = ("crm.invoices", "crm.payments")  # the customers rule's `keep`


def seed(
    engines: Mapping[str, sa.Engine], s3: Any, *, subjects: int, today: date, seed: int = 42
) -> SeedSummary:
    """``gdpr.demo.seed_demo`` with ``subjects`` customers (engines by system: crm, helpdesk)."""
    from examples import buckets_of

    return seed_demo(
        engines["crm"],
        engines["helpdesk"],
        s3,
        buckets_of(DATAMAP),
        customers=subjects,
        seed=seed,
        today=today,
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
