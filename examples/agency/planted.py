"""Clé de Ville's planted facts, computed from the records the seeder writes (examples/planted.py).

The planted tenants do not depend on the subject count or the seed, and their keys (tenant ids,
file numbers, RT ticket ids in creation order) not on ``today``: the facts are computed once
from a seed of the fewest subjects on any day. RT numbers correspondence and users itself, so
the facts cover RT's tickets; ``SUBJECT_MESSAGES`` is the subject's correspondence (each
ticket's creation and its replies) and RT keeps one user per requestor.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from examples.agency import data
from examples.planted import Planted, normalise, truth
from gdpr.datamap import load_datamap

DATAMAP = Path(__file__).with_name("datamap.yaml")
SOME_DAY = date(2026, 1, 15)


def _compute() -> Planted:
    datamap = load_datamap(DATAMAP)
    seeded = data.build(data.MIN_SUBJECTS, SOME_DAY)
    rows, objects = seeded.truth_rows(), seeded.objects()
    subject = normalise(data.SUBJECT[1])
    expired_subjects = (normalise(data.EXPIRED[1]),)
    held_subject = normalise(data.HELD[1])
    return Planted(
        identity="email",
        subject=subject,
        subject_holdings=truth(datamap, rows, objects, [subject]),
        expired_subjects=expired_subjects,
        expired=truth(datamap, rows, objects, expired_subjects),
        kept={},  # no rule keeps an anonymised part of an expired tenant
        held_subject=held_subject,
        held=truth(datamap, rows, objects, [held_subject]),
        remarks={},  # no free text planted for the minimisation checks
        hold_reason=data.HOLD_REASON,
        hold_reference=data.HOLD_REFERENCE,
    )


PLANTED = _compute()
SUBJECT_MESSAGES = sum(
    1 + (t.reply is not None)
    for t in data.build(data.MIN_SUBJECTS, SOME_DAY).tickets
    if normalise(t.requestor) == PLANTED.subject
)
