"""A small trained classifier over the rules' candidates: where the rules run out.

Rules fire on wording someone wrote down; a note written by someone else says the same thing
with words no rule lists, or uses a listed word in a sense no veto foresaw. A logistic
regression per family (trained by ``python -m gdpr.quality.train`` with scikit-learn, on the
labelled development splits) reads every word of such a note, its French and English Snowball
stems and each pair of adjacent words, and gives each family a probability. It is consulted
only on *candidates*: texts in which the prefilter found a live rule trigger (under 1% of
realistic texts), so the common path never pays for it. On a candidate it

* keeps a rule's label only when the model gives that family at least ``keep`` (a phrase the
  model finds very unlikely in its sentence is dropped, as a veto would drop it), and
* adds a family the rules missed when the model gives it at least ``add``.

Both thresholds were chosen on a split the rules had not been tuned on and are stored with the
weights. Inference is numpy over the stored weights (one row per known feature); scikit-learn
is needed only to train. Every label the classifier adds is explained by its strongest features,
which are words of the model's vocabulary (seen at least twice when it was fitted), never the text.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from gdpr.quality import detectors  # the text's normal form and stems, one implementation

WEIGHTS = Path(__file__).with_name("classifier_weights.json")
_WORD = re.compile(r"[a-z]+")


def features(text: str) -> list[str]:
    """The features of ``text``: words (``w:``), French and English stems (``f:``, ``e:``) and
    adjacent pairs (``b:``) of its normalised form; digits are left out, so no identifier value
    can become a feature. Training calls this, and inference (``Model.rows``) reads the same
    words, stems and pairs through the same helpers, so they cannot drift apart."""
    found: list[str] = []
    previous = ""
    for word in _words(text):
        found += _word_features(word)
        if previous:
            found.append(_pair(previous, word))
        previous = word
    return found


def _words(text: str) -> list[str]:
    return _WORD.findall(detectors.gate_bytes(text).decode())


def _pair(previous: str, word: str) -> str:
    return f"b:{previous}_{word}"


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[str, str, str]:
    """A word's own features; cached, bounded (memory stays flat), as the stems are."""
    fr, en = detectors.stems(word)
    return f"w:{word}", f"f:{fr}", f"e:{en}"


_WORD_ROWS = 65536


@dataclass(frozen=True)
class Model:
    """Weights of one logistic regression per family, and the two decision thresholds."""

    families: tuple[str, ...]
    bias: np.ndarray  # (families,)
    names: tuple[str, ...]  # the features, one per row of ``weights``
    index: dict[str, int]  # feature -> row of ``weights``
    weights: np.ndarray  # (features, families)
    keep: float
    add: float
    # a word's own features' rows (bounded, as the stems' cache is): most words recur
    word_rows: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    def scores(self, text: str) -> tuple[np.ndarray, list[int]]:
        """Each family's log-odds for ``text``, and the rows of the features it holds."""
        rows = self.rows(text)
        return self.bias + self.weights.take(rows, axis=0).sum(axis=0), rows

    def rows(self, text: str) -> list[int]:
        """The rows of the known features of ``text``: those of ``features``, met in the same
        order (so the sum over them is the same to the last bit), with a word's own rows looked
        up once rather than its three feature names made and looked up at every text."""
        held: set[int] = set()
        index, own = self.index, self.word_rows
        previous = ""
        for word in _words(text):
            rows = own.get(word)
            if rows is None:
                if len(own) >= _WORD_ROWS:
                    own.clear()
                found = map(index.get, _word_features(word))
                rows = own[word] = tuple(row for row in found if row is not None)
            held.update(rows)
            if previous:
                row = index.get(_pair(previous, word))
                if row is not None:
                    held.add(row)
            previous = word
        return list(held)

    def strongest(self, rows: list[int], family: str, count: int = 3) -> list[str]:
        """The features that pushed ``family`` up most, for the explanation of a label."""
        column = self.families.index(family)
        ranked = sorted(rows, key=lambda row: -self.weights[row, column])
        return [self.names[row] for row in ranked[:count] if self.weights[row, column] > 0]


def _probability(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(score, -500.0)))


def load(path: Path = WEIGHTS) -> Model:
    """The model stored at ``path`` (written by ``gdpr.quality.train``)."""
    stored = json.loads(path.read_text(encoding="utf-8"))
    vocabulary, scale = stored["features"], stored["scale"]
    return Model(
        families=tuple(stored["families"]),
        bias=np.array(stored["bias"], dtype=np.float64) / scale,
        names=tuple(vocabulary),
        index={name: row for row, name in enumerate(vocabulary)},
        weights=np.array(stored["weights"], dtype=np.float64).reshape(len(vocabulary), -1) / scale,
        keep=stored["thresholds"]["keep"],
        add=stored["thresholds"]["add"],
    )


@cache
def model() -> Model:
    """The shipped model, read once per process."""
    return load()


def review(text: str, labels: set[str]) -> tuple[set[str], dict[str, list[str]]]:
    """The rules' ``labels`` of a candidate reviewed by the model: the labels it keeps, and the
    labels it adds with the features that gave each."""
    current = model()
    total, rows = current.scores(text)
    kept: set[str] = set()
    added: dict[str, list[str]] = {}
    for family, score in zip(current.families, total.tolist(), strict=True):
        probability = _probability(score)
        if family in labels:
            if probability >= current.keep:
                kept.add(family)
        elif probability >= current.add:
            added[family] = current.strongest(rows, family)
    return kept | (labels - set(current.families)), added
