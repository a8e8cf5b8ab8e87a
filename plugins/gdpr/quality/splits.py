"""Labelled splits of texts: how their labels map to the detectors' families, and how to read
them. Light on purpose (no detector import), so benchmarks and tests can read splits before the
detectors' rules are compiled."""

from __future__ import annotations

import csv
from pathlib import Path

# The splits' finer labels and the families the detectors report.
FAMILY: dict[str, str] = {
    "trade_union": "union_membership",
    "biometric": "biometric_genetic",
    "genetic": "biometric_genetic",
    "sex_life": "sexual_orientation",
    "philosophical_belief": "religion",
}


def families(labels: str) -> set[str]:
    """The detectors' families of a comma-separated label list."""
    return {FAMILY.get(label, label) for label in labels.split(",") if label}


def read(path: Path) -> list[tuple[str, set[str]]]:
    """(text, families) of every note of a split: a tab-separated file with a header (``lang``,
    ``text``, ``labels``: tests/data/detection_dev4.md) or the older ``labels<TAB>lang<TAB>text``
    lines with ``#`` comments (tests/data/free_text_labelled.tsv)."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("#"):
        texts = []
        for line in text.splitlines():
            if line and not line.startswith("#"):
                labels, _lang, note = line.split("\t", 2)
                texts.append((note, set() if labels == "-" else set(labels.split(","))))
        return texts
    rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [(row["text"], families(row["labels"])) for row in rows]
