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
MEASURING = {"detection_dev6.tsv", "unseen_test.tsv"}


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
    thresholds = SHIPPED["thresholds"]
    keep, add = str(thresholds["keep"]), str(thresholds["add"])
    assert train.main([*splits, "--keep", keep, "--add", add, "--out", str(out)]) == 0
    retrained = json.loads(out.read_text(encoding="utf-8"))
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


def toy(keep: float, add: float) -> classifier.Model:
    """Two families; "insuline" is strong evidence of health, "cave" against it."""
    names = ("w:insuline", "w:cave", "w:greve")
    return classifier.Model(
        families=("health", "union_membership"),
        bias=np.array([-2.0, -2.0]),
        names=names,
        index={name: row for row, name in enumerate(names)},
        weights=np.array([[6.0, 0.0], [-4.0, 0.0], [0.0, 1.0]]),
        keep=keep,
        add=add,
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
