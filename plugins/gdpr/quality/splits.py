"""Labelled splits of texts: how their labels map to the detectors' families, and how to read
them. Light on purpose (no detector import), so benchmarks and tests can read splits before the
detectors' rules are compiled."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
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


@dataclass
class Counts:
    """How detected labels score against a split's: true and false positives and misses per
    label, and over all labels under ``micro`` and under each group a text is added with (its
    language, ``lang:fr``). The one scorer of the tests' floors, the benchmark and gdpr.quality.train."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, expected: Iterable[str], found: Iterable[str], *groups: str) -> None:
        expected, found = set(expected), set(found)
        for label in found & expected:
            self.tp[label] += 1
        for label in found - expected:
            self.fp[label] += 1
        for label in expected - found:
            self.fn[label] += 1
        for key in ("micro", *groups):
            self.tp[key] += len(found & expected)
            self.fp[key] += len(found - expected)
            self.fn[key] += len(expected - found)

    def precision(self, label: str) -> float:
        found = self.tp[label] + self.fp[label]
        return self.tp[label] / found if found else 1.0

    def recall(self, label: str) -> float:
        expected = self.tp[label] + self.fn[label]
        return self.tp[label] / expected if expected else 1.0

    def f1(self, label: str) -> float:
        p, r = self.precision(label), self.recall(label)
        return 2 * p * r / (p + r) if p + r else 0.0
