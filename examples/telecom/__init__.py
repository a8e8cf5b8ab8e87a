"""Ondes Télécom, a French telecom operator: the second shipped organisation.

UUID keys on the chain abonné -> contrat -> ligne -> consommation (factures and documents on
contrats), French names, a customer-service tool on MariaDB linked by the e-mail only, and a
versioned bucket of contract documents (examples/telecom/datamap.yaml).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from examples.planted import SeedSummary
from examples.telecom import data
from examples.telecom.planted import PLANTED

NAME = "telecom"
DATAMAP = Path(__file__).with_name("datamap.yaml")
MIN_SUBJECTS = data.MIN_SUBJECTS
HELD_CONTRACT = {"contrat_id": str(data.uid("held", "contrat"))}  # the disputed contract


def seed(
    engines: Mapping[str, sa.Engine], s3: Any, *, subjects: int, today: date, seed: int = 42
) -> SeedSummary:
    """Seed the organisation into ``engines`` (by the map's SQL system names) and ``s3``."""
    from examples import buckets_of
    from examples.telecom.populate import seed as seed_telecom

    return seed_telecom(engines, s3, buckets_of(DATAMAP), subjects=subjects, today=today, seed=seed)


def place_holds(ledger) -> None:
    """The legal dispute: a hold on the disputed contract (idempotent). The map's holds scope
    (`subject`, the default) makes it protect everything of its subscriber."""
    held = ledger.active_legal_holds()
    dataset = "si_clients.contrats"
    if not any(h.dataset == dataset and h.record_key == HELD_CONTRACT for h in held):
        ledger.add_legal_hold(
            reason=PLANTED.hold_reason,
            reference=PLANTED.hold_reference,
            dataset=dataset,
            record_key=dict(HELD_CONTRACT),
        )


__all__ = ["DATAMAP", "MIN_SUBJECTS", "NAME", "PLANTED", "place_holds", "seed"]
