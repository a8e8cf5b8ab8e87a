"""The free-text detectors on the development split (tests/data/detection_dev.tsv).

The split was written apart from the detectors (tests/data/detection_dev.md says how); the
detectors were tuned on it, so these figures are a floor that must not regress, not a claim
about unseen text: the frozen test split's figures are measured by ``make bench``
(bench/detection.py), never by a test.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from gdpr.quality.detectors import ALL_LABELS, detect_all

DEV = Path(__file__).resolve().parents[1] / "data" / "detection_dev.tsv"
# A second development split written apart (tests/data/detection_dev2.md), measured before any
# tuning on it (micro precision 0.894, recall 0.855), then tuned on with the first.
# A third (tests/data/detection_dev3.md), measured before any tuning on it (micro precision
# 0.909, recall 0.888), then tuned on with the other two.
DEV2 = DEV.with_name("detection_dev2.tsv")
DEV3 = DEV.with_name("detection_dev3.tsv")
# The split's finer labels and the families the detectors report.
FAMILY = {
    "trade_union": "union_membership",
    "biometric": "biometric_genetic",
    "genetic": "biometric_genetic",
    "sex_life": "sexual_orientation",
    "philosophical_belief": "religion",
}
MINIMUM = 0.92


def rows(path: Path = DEV) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def scores(path: Path = DEV) -> tuple[Counter, Counter, Counter]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for row in rows(path):
        expected = {FAMILY.get(label, label) for label in row["labels"].split(",") if label}
        found = set(detect_all(row["text"]))
        for key in ("micro", f"lang:{row['lang']}"):
            tp[key] += len(found & expected)
            fp[key] += len(found - expected)
            fn[key] += len(expected - found)
        for label in found & expected:
            tp[label] += 1
        for label in found - expected:
            fp[label] += 1
        for label in expected - found:
            fn[label] += 1
    return tp, fp, fn


@pytest.fixture(scope="module")
def counts():
    return scores()


def test_the_split_is_large_bilingual_and_half_negative():
    data = rows()
    assert len(data) >= 1500
    assert {row["lang"] for row in data} == {"fr", "en"}
    negatives = [row for row in data if not row["labels"]]
    assert len(negatives) / len(data) >= 0.45
    assert sum(1 for row in negatives if row["pair"]) >= 300  # hard negatives paired


@pytest.mark.parametrize("family", [*ALL_LABELS, "micro", "lang:fr", "lang:en"])
def test_precision_and_recall_per_family(family, counts, capsys):
    tp, fp, fn = counts
    precision = tp[family] / (tp[family] + fp[family])
    recall = tp[family] / (tp[family] + fn[family])
    with capsys.disabled():
        print(f"\n{family:20} precision {precision:.3f} recall {recall:.3f}", end="")
    assert precision >= MINIMUM, (family, tp[family], fp[family])
    assert recall >= MINIMUM, (family, tp[family], fn[family])


# The second split: not yet at 0.92 everywhere; these floors are what the detectors reach
# (micro and per language), so that they do not regress while the gap is closed.
DEV2_FLOORS = {"micro": (0.95, 0.90), "lang:fr": (0.95, 0.91), "lang:en": (0.95, 0.90)}


@pytest.fixture(scope="module")
def counts2():
    return scores(DEV2)


def test_the_second_split_is_bilingual_and_half_negative():
    data = rows(DEV2)
    assert len(data) >= 1000
    assert {row["lang"] for row in data} == {"fr", "en"}
    assert sum(1 for row in data if not row["labels"]) / len(data) >= 0.40


@pytest.mark.parametrize("family", sorted(DEV2_FLOORS))
def test_second_split_precision_and_recall(family, counts2, capsys):
    tp, fp, fn = counts2
    precision = tp[family] / (tp[family] + fp[family])
    recall = tp[family] / (tp[family] + fn[family])
    with capsys.disabled():
        print(f"\ndev2 {family:15} precision {precision:.3f} recall {recall:.3f}", end="")
    floor_p, floor_r = DEV2_FLOORS[family]
    assert precision >= floor_p, (family, tp[family], fp[family])
    assert recall >= floor_r, (family, tp[family], fn[family])


# The third split, tuned on after its first measurement: floors at what the detectors reach,
# per family, per language and micro (the first split asserts the 0.92).
DEV3_FLOORS = {
    "micro": (0.98, 0.98),
    "lang:fr": (0.98, 0.98),
    "lang:en": (0.98, 0.98),
    "health": (0.93, 0.97),
    "religion": (0.99, 0.99),
    "political_opinion": (0.99, 0.99),
    "union_membership": (0.97, 0.99),
    "ethnic_origin": (0.99, 0.95),
    "sexual_orientation": (0.98, 0.98),
    "biometric_genetic": (0.97, 0.98),
    "criminal": (0.98, 0.99),
    "card_number": (0.99, 0.99),
    "iban": (0.99, 0.99),
    "nir": (0.99, 0.99),
    "password": (0.99, 0.99),
    "phone": (0.99, 0.97),
    "email": (0.99, 0.99),
}


@pytest.fixture(scope="module")
def counts3():
    return scores(DEV3)


def test_the_third_split_is_bilingual_and_half_negative():
    data = rows(DEV3)
    assert len(data) >= 1500
    assert {row["lang"] for row in data} == {"fr", "en"}
    negatives = [row for row in data if not row["labels"]]
    assert len(negatives) / len(data) >= 0.45
    assert sum(1 for row in negatives if row["pair"]) >= 400


@pytest.mark.parametrize("family", sorted(DEV3_FLOORS))
def test_third_split_precision_and_recall(family, counts3, capsys):
    tp, fp, fn = counts3
    precision = tp[family] / (tp[family] + fp[family])
    recall = tp[family] / (tp[family] + fn[family])
    with capsys.disabled():
        print(f"\ndev3 {family:18} precision {precision:.3f} recall {recall:.3f}", end="")
    floor_p, floor_r = DEV3_FLOORS[family]
    assert precision >= floor_p, (family, tp[family], fp[family])
    assert recall >= floor_r, (family, tp[family], fn[family])
