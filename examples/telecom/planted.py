"""Ondes Télécom's planted facts, computed from the rows and objects the seeder writes.

The planted people do not depend on the subject count, the seed or ``today`` (their keys are
name-based UUIDs, their dates only move with ``today``), so the ground truth is computed once
from ``planted_only`` with any day; see examples/planted.py for the walk.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from examples.planted import Holdings, Planted, kept_values, normalise, truth
from examples.telecom import data
from gdpr.datamap import load_datamap

DATAMAP = Path(__file__).with_name("datamap.yaml")
KEPT_DATASETS = ("si_clients.factures",)
SOME_DAY = date(
    2026, 1, 15
)  # any day gives the same keys  # the rule's `keep`: anonymised, not deleted


def _compute() -> Planted:
    datamap = load_datamap(DATAMAP)
    seeded = data.planted_only(SOME_DAY)
    rows, objects = seeded.rows, seeded.objects()
    subject = normalise(data.SUBJECT_MAIL)
    expired_subjects = tuple(normalise(mail) for _, _, mail in data.EXPIRED)
    held_subject = normalise(data.HELD[2])
    expired_all = truth(datamap, rows, objects, expired_subjects, stop_at=KEPT_DATASETS)
    kept_part = expired_all.only(KEPT_DATASETS)
    # An invoice past its own ten years goes too (factures-10-ans), kept or not.
    old_invoices = frozenset(
        (str(row["facture_id"]),)
        for table, row in rows
        if table == "si_clients.factures"
        and row["exercice_clos_le"] < data.years_before(SOME_DAY, 10)
    )
    kept_rows = {d: keys - old_invoices for d, keys in kept_part.rows.items()}
    expired_rows = {
        **{d: k for d, k in expired_all.rows.items() if d not in KEPT_DATASETS},
        "si_clients.factures": kept_part.rows.get("si_clients.factures", frozenset())
        & old_invoices,
    }
    expired = Holdings(expired_rows, expired_all.objects, expired_all.delete_markers)
    kept = Holdings(kept_rows)
    remarks: dict[str, set[str]] = {}
    for table, row in rows:
        if table == "service_client.messages_reclamation" and row["texte"] in (
            data.REMARK_HEALTH,
            data.REMARK_IBAN,
        ):
            remarks.setdefault(table, set()).add(str(row["message_id"]))
    return Planted(
        identity="email",
        subject=subject,
        subject_holdings=truth(datamap, rows, objects, [subject]),
        expired_subjects=expired_subjects,
        expired=expired,
        kept=kept_values(datamap, rows, kept),
        held_subject=held_subject,
        held=truth(datamap, rows, objects, [held_subject]),
        remarks={d: frozenset(k) for d, k in remarks.items()},
        hold_reason=data.HOLD_REASON,
        hold_reference=data.HOLD_REFERENCE,
    )


PLANTED = _compute()
