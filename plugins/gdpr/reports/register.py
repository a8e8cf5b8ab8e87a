"""The record of processing activities (Art. 30(1)), generated from the data map.

One entry per purpose: controller and DPO, purpose and legal basis, categories of subjects and
of data, recipients and third-country transfers with their safeguards, the time limits for
erasure (the retention rules that apply), and the security measures. The DPO keeps it current
by keeping the map current; the register DAG also shows where the map and the systems differ.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from gdpr.datamap import categories
from gdpr.datamap.drift import Drift
from gdpr.datamap.models import LEGAL_BASIS_ARTICLES, DataMap
from gdpr.reports.render import render_template
from gdpr.retention.describe import describe_rule

_ACTIONS = {"delete": "deleted", "anonymise": "anonymised"}


@dataclass(frozen=True)
class RegisterEntry:
    purpose_id: str
    purpose: str
    description: str
    legal_basis: str
    data_subjects: list[str]
    data_categories: list[str]
    special_categories: list[str]
    systems: list[str]
    recipients: list[str]
    transfers: list[str]
    retention: list[str]
    sources: list[str]


def build_register(datamap: DataMap) -> list[RegisterEntry]:
    return [_entry(datamap, purpose.id) for purpose in datamap.purposes]


def _entry(datamap: DataMap, purpose_id: str) -> RegisterEntry:
    purpose = datamap.purpose(purpose_id)
    refs = [ref for ref in datamap.iter_datasets() if purpose_id in ref.dataset.purposes]
    keys = sorted(
        {c for ref in refs for c in ref.dataset.categories}
        | {c for ref in refs for spec in ref.dataset.fields.values() for c in spec.categories}
    )
    personal = [k for k in keys if categories.is_personal(k)]
    dataset_ids = {ref.id for ref in refs}
    return RegisterEntry(
        purpose_id=purpose.id,
        purpose=purpose.name,
        description=purpose.description,
        legal_basis=f"{purpose.legal_basis.replace('_', ' ')} ({LEGAL_BASIS_ARTICLES[purpose.legal_basis]})",
        data_subjects=list(purpose.data_subjects),
        data_categories=[categories.label(k) for k in personal],
        special_categories=[categories.label(k) for k in personal if categories.is_special(k)],
        systems=sorted({ref.system.name for ref in refs}),
        recipients=[f"{r.name} ({r.category}, {r.country})" for r in purpose.recipients],
        transfers=[
            f"{t.country}: {t.recipient or 'recipient'} under {t.safeguard}"
            for t in purpose.transfers
        ],
        retention=[
            f"{rule.dataset}: {_ACTIONS[rule.action]} {describe_rule(datamap, rule)} "
            f"({rule.citation})"
            for rule in datamap.retention
            if rule.dataset in dataset_ids
        ],
        sources=list(purpose.sources),
    )


CSV_COLUMNS = [
    ("purpose_id", "Purpose id"),
    ("purpose", "Purpose"),
    ("description", "Description"),
    ("legal_basis", "Legal basis"),
    ("data_subjects", "Categories of data subjects"),
    ("data_categories", "Categories of personal data"),
    ("special_categories", "Special categories (Art. 9)"),
    ("systems", "Systems"),
    ("recipients", "Recipients"),
    ("transfers", "Transfers to third countries and safeguards"),
    ("retention", "Time limits for erasure"),
    ("sources", "Sources (Art. 14)"),
]


def render_csv(entries: Sequence[RegisterEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([title for _, title in CSV_COLUMNS])
    for entry in entries:
        row = []
        for attr, _ in CSV_COLUMNS:
            value = getattr(entry, attr)
            row.append("; ".join(value) if isinstance(value, list) else value)
        writer.writerow(row)
    return out.getvalue()


def render_html(
    datamap: DataMap,
    entries: Sequence[RegisterEntry],
    drifts: Sequence[Drift],
    unreachable: Sequence[str],
    generated_at: datetime,
    run_id: str,
) -> str:
    return render_template(
        "register.html.j2",
        org=datamap.organisation,
        entries=entries,
        drifts=drifts,
        unreachable=unreachable,
        generated_at=generated_at,
        run_id=run_id,
        datamap_digest=datamap.digest,
    )
