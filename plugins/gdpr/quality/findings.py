"""What a minimisation check found: where (dataset, row key) and what (check, category).

A finding never carries the offending value: a report listing "client alcoolique" next to a
customer id would itself be a new copy of the special-category data it warns about. The row
key and the category are enough for someone with access to the system to look and fix.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from gdpr.connectors.keys import key_texts

# The checks, in the order reports show them.
SCHEMA = "schema"  # a column the data map does not declare
NOT_NECESSARY = "not_necessary"  # a field the map marks `necessary: false` holds values
FREE_TEXT = "free_text"  # special categories and identifiers in a free-text field
RETENTION = "retention"  # a record older than its retention rule allows
CONSENT = "consent"  # an opt-in without evidence, a withdrawal not honoured
CUSTOM = "custom"  # an expectation of a hand-written suite (include/expectations/)
DOCUMENTS = "documents"  # a file of a kind its dataset must not (or may not) hold
CHECKS: tuple[str, ...] = (
    SCHEMA,
    NOT_NECESSARY,
    FREE_TEXT,
    RETENTION,
    CONSENT,
    DOCUMENTS,
    CUSTOM,
)


@dataclass(frozen=True, order=True)
class Finding:
    dataset: str  # '<system>.<dataset>'
    check: str
    category: str  # a detector label, a field, a rule id, a column: never a value
    key: tuple[str, ...]  # primary key values as text; for a schema finding, the column name
    field: str | None = None

    def as_row(self) -> dict[str, str]:
        return {
            "dataset": self.dataset,
            "check": self.check,
            "category": self.category,
            "field": self.field or "",
            "key": "|".join(self.key),
        }


def key_of(values: Iterable[object]) -> tuple[str, ...]:
    """A record's key as report text (the key codec's: a UUID is the same from any driver)."""
    return key_texts(values)


def counts_by_category(findings: Iterable[Finding]) -> dict[str, int]:
    """'free_text:health' -> 3: the figures a summary and the ledger record."""
    tally = Counter(f"{f.check}:{f.category}" for f in findings)
    return dict(sorted(tally.items()))


def digest(findings: Iterable[Finding]) -> str:
    """SHA-256 of the sorted findings: evidence of what was found without listing it."""
    lines = sorted(f"{f.dataset}\t{f.check}\t{f.category}\t{'|'.join(f.key)}" for f in findings)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def to_csv(findings: Iterable[Finding]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["dataset", "check", "category", "field", "key"])
    writer.writeheader()
    for finding in sorted(findings):
        writer.writerow(finding.as_row())
    return out.getvalue()
