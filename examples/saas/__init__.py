"""Nubeverde Software, a B2B software vendor (a project-management platform sold by
subscription): the third shipped organisation.

Composite keys ((cuenta_id, usuario_no) for users, (cuenta_id, ejercicio, numero) for invoices),
Spanish names, a phone identity besides the e-mail, two users sharing one mailbox, a support
desk on MariaDB linked by the e-mail only, an address table whose foreign key points the other
way from the map's reference, and a versioned bucket of data exports keyed by the composite user
key (examples/saas/datamap.yaml).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from examples.planted import SeedSummary
from examples.saas import data
from examples.saas.planted import SOME_DAY, Facts, facts

NAME = "saas"
DATAMAP = Path(__file__).with_name("datamap.yaml")
MIN_SUBJECTS = data.MIN_SUBJECTS
HOLD_DATASET = "plataforma.facturas"
FACTS = ("PLANTED", "SHARED", "SUBJECT_PHONE", "HELD_RECORD")
_seeded_on = SOME_DAY  # invoice keys hold their year: the facts follow the last seed's day


def __getattr__(name: str) -> Any:
    """``PLANTED``, ``SHARED``, ``SUBJECT_PHONE``, ``HELD_RECORD``: the facts of the last seed
    made in this process (before any, those of ``planted.SOME_DAY``)."""
    if name in FACTS:
        return getattr(current_facts(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def current_facts() -> Facts:
    return facts(_seeded_on)


def seed(
    engines: Mapping[str, sa.Engine], s3: Any, *, subjects: int, today: date, seed: int = 42
) -> SeedSummary:
    """Seed the organisation into ``engines`` (by the map's SQL system names) and ``s3``."""
    from examples import buckets_of
    from examples.saas.populate import seed as seed_saas

    global _seeded_on
    _seeded_on = today
    return seed_saas(engines, s3, buckets_of(DATAMAP), subjects=subjects, today=today, seed=seed)


def place_holds(ledger) -> None:
    """The unpaid invoice in court: a hold on that one invoice (idempotent). The map's holds
    scope (`subject`, the default) makes it protect everything of its billing contact."""
    held = ledger.active_legal_holds()
    planted = current_facts()
    record = {k: str(v) for k, v in planted.HELD_RECORD.items()}
    if not any(
        h.dataset == HOLD_DATASET and {k: str(v) for k, v in (h.record_key or {}).items()} == record
        for h in held
    ):
        ledger.add_legal_hold(
            reason=planted.PLANTED.hold_reason,
            reference=planted.PLANTED.hold_reference,
            dataset=HOLD_DATASET,
            record_key=dict(planted.HELD_RECORD),
        )


__all__ = [
    "DATAMAP",
    "MIN_SUBJECTS",
    "NAME",
    "current_facts",
    "place_holds",
    "seed",
]
