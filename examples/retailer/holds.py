"""The retailer's planted legal hold: one expired customer, in litigation.

Written into the ledger by ``place_holds`` (examples/retailer/__init__.py), which
``python -m examples.seed retailer`` calls when a ledger is configured.
"""

from __future__ import annotations

from examples.retailer.planted import PLANTED_LEGAL_HOLD_CUSTOMER, PLANTED_LEGAL_HOLD_REASON

HOLD_REFERENCE = "TC Paris 2026-018734"
HOLD_DATASET = "crm.customers"


def plant_legal_hold(ledger) -> None:
    """The demo's legal hold on one expired customer (idempotent)."""
    record_key = {"customer_id": PLANTED_LEGAL_HOLD_CUSTOMER}
    held = ledger.active_legal_holds()
    if not any(h.dataset == HOLD_DATASET and h.record_key == record_key for h in held):
        ledger.add_legal_hold(
            reason=PLANTED_LEGAL_HOLD_REASON,
            reference=HOLD_REFERENCE,
            dataset=HOLD_DATASET,
            record_key=record_key,
        )
