"""Nubeverde Software's planted facts, computed from the rows and objects the seeder writes.

The planted people do not depend on the subject count or the seed, but an invoice's key holds its
year (``(cuenta_id, ejercicio, numero)``), and the planted invoices are dated from ``today``: the
facts are a function of ``today`` (``facts(today)``), computed from ``planted_only(today)``. The
organisation's module serves those of the day it last seeded (examples/saas/__init__.py); see
examples/planted.py for the walk.

Besides the fields every organisation declares (``PLANTED``), this one plants:
- ``SHARED``: two people of ``plataforma.usuarios`` (a ``one_per_subject`` dataset) sharing one
  e-mail address; a look-up by it must stop and ask for a second identifier, which their phones
  (E.164, as stored in other spellings) or their record keys are.
- ``SUBJECT_PHONE``: the scenario subject's phone in E.164, stored as "06 12 34 56 78".
- ``HELD_RECORD``: the key of the disputed invoice (a record of ``plataforma.facturas``) the legal hold is on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from examples.planted import Holdings, Key, Planted, kept_values, key_of, normalise, truth
from examples.saas import data
from gdpr.datamap import load_datamap
from gdpr.ledger.identity import normalise_phone

DATAMAP = Path(__file__).with_name("datamap.yaml")
KEPT_DATASETS = ("plataforma.facturas",)  # the rule's `keep`: anonymised, not deleted
PEOPLE = "plataforma.usuarios"
SOME_DAY = date(2026, 11, 18)  # the facts before any seed (the keys of undated records hold)
REGION = "FR"  # the map's organisation.default_region


@dataclass(frozen=True)
class SharedIdentity:
    """Several people of a one-per-subject dataset holding the same identity value."""

    identity: str
    value: str  # canonical
    dataset: str
    records: frozenset[Key]  # their primary keys, as text
    phones: dict[Key, str]  # E.164, by record: the second identifier of each


@dataclass(frozen=True)
class Facts:
    """Everything planted by a seed made on one day."""

    PLANTED: Planted
    SHARED: SharedIdentity
    SUBJECT_PHONE: str
    HELD_RECORD: dict[str, int]


@lru_cache(maxsize=4)
def facts(today: date) -> Facts:
    """The planted facts of a seed made on ``today`` (any subject count, any seed)."""
    datamap = load_datamap(DATAMAP)
    seeded = data.planted_only(today)
    rows, objects = seeded.rows, seeded.objects()
    people = datamap.dataset(PEOPLE).dataset
    subject = normalise(data.SUBJECT_MAIL)
    expired_subjects = tuple(normalise(mail) for _, _, mail in data.EXPIRED)
    held_subject = normalise(data.HELD[2])
    expired_all = truth(datamap, rows, objects, expired_subjects, stop_at=KEPT_DATASETS)
    kept_part = expired_all.only(KEPT_DATASETS)
    # An invoice past its own ten years goes too (facturas-10-anos), kept or not.
    old_invoices = frozenset(
        key_of(row, ("cuenta_id", "ejercicio", "numero"))
        for table, row in rows
        if table == "plataforma.facturas"
        and row["ejercicio_cerrado_el"] < data.years_before(today, 10)
    )
    kept_rows = {d: keys - old_invoices for d, keys in kept_part.rows.items()}
    expired_rows = {
        **{d: k for d, k in expired_all.rows.items() if d not in KEPT_DATASETS},
        "plataforma.facturas": kept_part.rows.get("plataforma.facturas", frozenset())
        & old_invoices,
    }
    expired = Holdings(expired_rows, expired_all.objects, expired_all.delete_markers)
    held = truth(datamap, rows, objects, [held_subject])
    (held_record, *_) = sorted(held.rows["plataforma.facturas"])

    remarks: dict[str, set[str]] = {}
    for table, row in rows:
        if table == "soporte.mensajes" and row["texto"] in (data.REMARK_HEALTH, data.REMARK_IBAN):
            remarks.setdefault(table, set()).add(str(row["mensaje_id"]))

    shared_value = normalise(data.SHARED_MAILS[0])
    shared_rows = [
        row for table, row in rows if table == PEOPLE and normalise(row["correo"]) == shared_value
    ]
    shared = SharedIdentity(
        identity="correo",
        value=shared_value,
        dataset=PEOPLE,
        records=frozenset(key_of(r, people.primary_key) for r in shared_rows),
        phones={key_of(r, people.primary_key): normalise_phone(r["telefono"], REGION)
                for r in shared_rows},
    )  # fmt: skip
    planted = Planted(
        identity="correo",
        subject=subject,
        subject_holdings=truth(datamap, rows, objects, [subject]),
        expired_subjects=expired_subjects,
        expired=expired,
        kept=kept_values(datamap, rows, Holdings(kept_rows)),
        held_subject=held_subject,
        held=held,
        remarks={d: frozenset(k) for d, k in remarks.items()},
        hold_reason=data.HOLD_REASON,
        hold_reference=data.HOLD_REFERENCE,
    )
    held_key = {
        c: int(v) for c, v in zip(("cuenta_id", "ejercicio", "numero"), held_record, strict=True)
    }
    return Facts(planted, shared, normalise_phone(data.SUBJECT_PHONE, REGION), held_key)
