"""A small trained classifier over the rules' candidates: where the rules run out.

Rules fire on wording someone wrote down; a note written by someone else says the same thing
with words no rule lists, or uses a listed word in a sense no veto foresaw. A logistic
regression per family (trained by ``python -m gdpr.quality.train`` with scikit-learn, on the
labelled development splits) reads every word of such a note, its French and English Snowball
stems and each pair of adjacent words, and gives each family a probability. It is consulted
only on *candidates*: texts in which the prefilter found a live rule trigger (under 1% of
realistic texts), so the common path never pays for it. On a candidate it

* keeps a rule's label only when the model gives that family at least its ``keep`` threshold
  (a phrase the model finds very unlikely in its sentence is dropped, as a veto would drop it),
  and
* adds a family the rules missed when the model gives it at least its ``add`` threshold.

Both thresholds are per family, chosen by leave-one-split-out evaluation (``gdpr.quality.train
--loso``: each development split scored by a model that never saw it, as a new writer's texts
would be) and stored with the weights. Inference is numpy over the stored weights (one row per
known feature); scikit-learn is needed only to train. Every label the classifier adds is
explained by its strongest features, which are words of the model's vocabulary (seen at least
twice when it was fitted), never the text.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from gdpr.quality import detectors  # the text's normal form and stems, one implementation

WEIGHTS = Path(__file__).with_name("classifier_weights.json")
_WORD = re.compile(r"[a-z]+")


def features(text: str, chars: tuple[int, int] | None = None) -> list[str]:
    """The features of ``text``: words (``w:``), French and English stems (``f:``, ``e:``) and
    adjacent pairs (``b:``) of its normalised form, and with ``chars`` = (low, high) the
    character n-grams of each word, ``low`` to ``high`` long, the word's ends marked (``c:``);
    digits are left out, so no identifier value can become a feature. Training calls this, and
    inference (``Model.rows``) reads the same features through the same helpers, so they cannot
    drift apart."""
    found: list[str] = []
    previous = ""
    for word in _words(text):
        found += _word_features(word)
        if chars:
            found += _char_features(word, *chars)
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


@lru_cache(maxsize=65536)
def _char_features(word: str, low: int, high: int) -> tuple[str, ...]:
    """The character n-grams of a word, ``low`` to ``high`` long, with its ends marked ("<",
    ">"), each once: "diabetique" shares "diab" and "betiq" with "diabete" and "diabetic"."""
    marked = f"<{word}>"
    grams = {
        marked[start : start + size]
        for size in range(low, high + 1)
        for start in range(len(marked) - size + 1)
    }
    return tuple(f"c:{gram}" for gram in sorted(grams))


_WORD_ROWS = 65536


@dataclass(frozen=True)
class Model:
    """Weights of one logistic regression per family, and each family's two thresholds."""

    families: tuple[str, ...]
    bias: np.ndarray  # (families,)
    names: tuple[str, ...]  # the features, one per row of ``weights``
    index: dict[str, int]  # feature -> row of ``weights``
    weights: np.ndarray  # (features, families)
    keep: tuple[float, ...]  # per family: a rule's label is kept from this probability
    add: tuple[float, ...]  # per family: a label the rules missed is added from this one
    chars: tuple[int, int] | None = None  # character n-grams of each word, if any
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
                names = _word_features(word)
                if self.chars:
                    names += _char_features(word, *self.chars)
                found = map(index.get, names)
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


def probability(score: float) -> float:
    """The probability of a family's log-odds ``score``."""
    return 1.0 / (1.0 + math.exp(-max(score, -500.0)))


def load(path: Path = WEIGHTS) -> Model:
    """The model stored at ``path`` (written by ``gdpr.quality.train``)."""
    return from_document(json.loads(path.read_text(encoding="utf-8")))


def from_document(stored: dict) -> Model:
    """The model of a weights document (``gdpr.quality.train.train``'s JSON, as read)."""
    vocabulary, scale = stored["features"], stored["scale"]
    families = tuple(stored["families"])
    thresholds = stored["thresholds"]
    if "keep" in thresholds:  # the first format: one pair for every family
        thresholds = dict.fromkeys(families, thresholds)
    chars = stored.get("chars")
    return Model(
        families=families,
        bias=np.array(stored["bias"], dtype=np.float64) / scale,
        names=tuple(vocabulary),
        index={name: row for row, name in enumerate(vocabulary)},
        weights=np.array(stored["weights"], dtype=np.float64).reshape(len(vocabulary), -1) / scale,
        keep=tuple(float(thresholds[family]["keep"]) for family in families),
        add=tuple(float(thresholds[family]["add"]) for family in families),
        chars=(int(chars[0]), int(chars[1])) if chars else None,
    )


@cache
def model() -> Model:
    """The shipped model, read once per process."""
    return load()


@contextmanager
def using(candidate: Model) -> Iterator[None]:
    """``review`` with ``candidate`` instead of the shipped model, within the block (the
    leave-one-split-out evaluation runs the whole detector with each fold's model)."""
    global model  # swapped for the block only, restored after
    shipped = model
    model = lambda: candidate  # noqa: E731
    try:
        yield
    finally:
        model = shipped


def review(text: str, labels: set[str]) -> tuple[set[str], dict[str, list[str]]]:
    """The rules' ``labels`` of a candidate reviewed by the model: the labels it keeps, and the
    labels it adds with the features that gave each."""
    current = model()
    total, rows = current.scores(text)
    kept: set[str] = set()
    added: dict[str, list[str]] = {}
    for family, score, keep, add in zip(
        current.families, total.tolist(), current.keep, current.add, strict=True
    ):
        p = probability(score)
        if family in labels:
            if p >= keep:
                kept.add(family)
        elif p >= add:
            added[family] = current.strongest(rows, family)
    return kept | (labels - set(current.families)), added
