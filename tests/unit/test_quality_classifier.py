"""The candidates' classifier: what it learnt from, how it decides, what it can see.

The model decides only where the rules found a candidate; its share of the figures is measured
on the development splits (tests/unit/test_quality_detection_dev.py) and by ``make bench``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from gdpr.quality import classifier, splits, train
from gdpr.quality.detectors import Hit, reviewed

DATA = Path(__file__).resolve().parents[1] / "data"
SHIPPED = json.loads(classifier.WEIGHTS.read_text(encoding="utf-8"))
# Splits that measure the detectors: a model trained on them would be measured on its lessons.
MEASURING = {"detection_dev6.tsv", "unseen_test.tsv", "unseen_test2.tsv"}


def test_the_shipped_model_names_the_splits_it_learnt_from_and_none_that_measure_it() -> None:
    names = {split["file"] for split in SHIPPED["trained_on"]}
    assert names
    assert not names & MEASURING
    for split in SHIPPED["trained_on"]:
        path = DATA / split["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == split["sha256"], (
            f"{split['file']} changed since the model was trained: retrain (docs/minimisation.md)"
        )
        assert len(splits.read(path)) == split["texts"]


def test_retraining_on_the_recorded_splits_gives_the_shipped_weights(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    out = tmp_path / "weights.json"
    splits = [str(DATA / split["file"]) for split in SHIPPED["trained_on"]]
    options = ["--C", str(SHIPPED["C"]), "--out", str(out)]
    if SHIPPED["chars"]:
        options += ["--chars", "-".join(map(str, SHIPPED["chars"]))]
    for family, chosen in SHIPPED["thresholds"].items():
        options += ["--keep", f"{family}={chosen['keep']}", "--add", f"{family}={chosen['add']}"]
    assert train.main([*splits, *options]) == 0
    retrained = json.loads(out.read_text(encoding="utf-8"))
    assert retrained["thresholds"] == SHIPPED["thresholds"]
    assert retrained["features"] == SHIPPED["features"]
    drift = np.abs(np.array(retrained["weights"]) - np.array(SHIPPED["weights"]))
    assert drift.max() <= 1  # a hundredth: the solver's last digit, not another model


def test_a_missing_split_is_refused_in_one_sentence(capsys: pytest.CaptureFixture) -> None:
    assert train.main(["no/such.tsv", "--keep", "0.1", "--add", "0.9"]) == 2
    assert capsys.readouterr().err.strip() == "No such split: no/such.tsv."


def test_identifier_values_never_become_features() -> None:
    found = classifier.features("Carte 4970 1012 3456 7890, rappeler au 06 39 98 17 03")
    assert "b:rappeler_au" in found
    assert not any(char.isdigit() for feature in found for char in feature)


def test_each_family_has_its_own_thresholds_stored_with_the_weights() -> None:
    shipped = classifier.load()
    assert set(SHIPPED["thresholds"]) == set(shipped.families) == set(train.FAMILIES)
    for family, keep, add in zip(shipped.families, shipped.keep, shipped.add, strict=True):
        assert 0 <= keep < 0.5 < add <= 1.01, family
    # the first format, one pair for every family, still reads
    first = {**SHIPPED, "thresholds": {"keep": 0.01, "add": 0.85}}
    assert classifier.from_document(first).keep == (0.01,) * len(shipped.families)


def test_character_ngrams_are_read_inside_words_with_their_ends_marked() -> None:
    found = classifier.features("Diabétique 2024", chars=(3, 4))
    assert {"c:<di", "c:<dia", "c:que>", "c:iab"} <= set(found)
    assert not any(char.isdigit() for feature in found for char in feature)
    assert "c:<di" not in classifier.features("Diabétique")  # only when asked


def toy(keep: float | tuple[float, float], add: float) -> classifier.Model:
    """Two families; "insuline" is strong evidence of health, "cave" against it."""
    names = ("w:insuline", "w:cave", "w:greve")
    return classifier.Model(
        families=("health", "union_membership"),
        bias=np.array([-2.0, -2.0]),
        names=names,
        index={name: row for row, name in enumerate(names)},
        weights=np.array([[6.0, 0.0], [-4.0, 0.0], [0.0, 1.0]]),
        keep=keep if isinstance(keep, tuple) else (keep, keep),
        add=(add, add),
    )


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classifier, "model", lambda: toy(keep=0.05, add=0.9))


@pytest.mark.usefixtures("model")
def test_a_family_the_rules_missed_is_added_with_the_features_that_gave_it() -> None:
    hits = reviewed("stylo a insuline oublie au guichet", [])
    assert hits == [Hit("health", "classifier: w:insuline")]


@pytest.mark.usefixtures("model")
def test_a_rule_hit_the_model_finds_too_unlikely_is_dropped_others_kept() -> None:
    rule = Hit("health", "lexicon:cave")
    assert reviewed("livraison a la cave", [rule]) == []
    assert reviewed("il garde son insuline a la cave", [rule]) == [rule]
    # a label the model does not score (an identifier) is never touched
    card = Hit("card_number", "card")
    assert reviewed("livraison a la cave", [card]) == [card]


@pytest.mark.usefixtures("model")
def test_weak_evidence_adds_nothing() -> None:
    # "greve" alone gives union membership 0.27: under the threshold, so the rules decide
    assert reviewed("greve des transports, livraison lundi", []) == []


def test_a_familys_own_keep_threshold_decides_for_it_alone(monkeypatch) -> None:
    # "greve" gives union membership 0.27 and health 0.12: kept for union only from its own 0.2
    monkeypatch.setattr(classifier, "model", lambda: toy(keep=(0.5, 0.2), add=0.9))
    health, union = Hit("health", "lexicon:x"), Hit("union_membership", "lexicon:y")
    assert reviewed("greve des transports", [health, union]) == [union]
    monkeypatch.setattr(classifier, "model", lambda: toy(keep=(0.1, 0.3), add=0.9))
    assert reviewed("greve des transports", [health, union]) == [health]
