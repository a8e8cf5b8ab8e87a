"""Train the candidates' classifier (``gdpr.quality.classifier``), and choose its design.

    python -m gdpr.quality.train SPLITS... [--fixed SPLIT...] --keep K --add A [--out FILE]
    python -m gdpr.quality.train SPLITS... [--fixed SPLIT...] --loso [--choose] [--keep ...]

Each split is a tab-separated file with a header (``lang``, ``text``, ``labels``: the
development splits' format, tests/data/detection_dev4.md) or the older ``labels<TAB>lang<TAB>
text`` lines with ``#`` comments (tests/data/free_text_labelled.tsv). An organisation can add
its own labelled texts as one more split. A split kept to judge the detectors (the sixth) or
to measure them (bench/data/unseen_test*.tsv) must never be given here: the model would learn
the sentences that are meant to measure it.

One logistic regression per family (scikit-learn, L2 of strength ``--C``, balanced classes)
over binary features seen in at least two texts (``classifier.features``: words, stems, pairs,
and with ``--chars 3-5`` the character n-grams of each word). The thresholds are not learnt by
the regression but passed in, per family: ``--keep 0.05`` sets every family's, ``--keep
health=0.3`` one family's (likewise ``--add``). The weights are written as JSON, rounded, with
the thresholds, the design and the name, size and SHA-256 of every split they came from, so a
test can retrain and compare.

``--loso`` trains nothing to ship: it is the leave-one-split-out evaluation that chooses the
design. Each split given (not the ``--fixed`` ones, always trained on) is held out in turn: a
model is trained on all the others and the whole detector (rules and that model) is run on the
held-out split; true and false positives and misses are pooled over the splits and printed per
family. Each split was written by a separate session, so this is how the model behaves on a new
writer's texts (the rules saw every split: optimistic for them, honest for the model). The
rules run once; each fold's model then scores only the held-out split's candidates, and the
labels any thresholds give follow from those probabilities (``decide``), so ``--choose`` can try
a grid of thresholds per family: it prints those of the highest F1 of the family pooled over
the splits, and keeps them where they do not lower that F1 either once the rules' false alarms
and misses are weighed up to the rates first measured on splits the rules were not tuned on
(``robust``, ``FIRST_MEASURED``). The run ends by checking the shortcut against the real
detector with each fold's model (``classifier.using``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np

from gdpr.quality import classifier, detectors
from gdpr.quality.detectors import CRIMINAL, SPECIAL_CATEGORIES
from gdpr.quality.splits import Counts, read

FAMILIES: tuple[str, ...] = SPECIAL_CATEGORIES + CRIMINAL
C = 1.0
# Weights are stored as whole hundredths, and a feature whose weights are all under a tenth is
# left out: the shipped file is a fifth of the full model's size for the same labels on every
# split (measured on the sixth).
SCALE = 100
SMALLEST = 0.1
# The log-odds of a family none of the texts it learns from has: never added, always dropped.
ABSENT = -20.0
# The grids ``--choose`` tries per family: a rule's label kept from ``keep`` (0: always), a
# missed family added from ``add`` (above 1: never).
KEEP_GRID = (0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
ADD_GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 1.01)

Thresholds = dict[str, tuple[float, float]]  # family -> (keep, add)
Texts = list[tuple[str, set[str]]]


@dataclass(frozen=True)
class Design:
    """What a model is made of, besides its texts: the regression's C, the character n-grams."""

    C: float = C
    chars: tuple[int, int] | None = None


def thresholds(keep: Iterable[str], add: Iterable[str]) -> Thresholds:
    """Per-family thresholds from ``--keep`` / ``--add`` values: ``0.05`` (every family) or
    ``health=0.3`` (one family), later values overriding earlier ones."""
    chosen: dict[str, list[float]] = {}
    for position, values in enumerate((keep, add)):
        for value in values:
            family, _, number = value.rpartition("=")
            for name in [family] if family else FAMILIES:
                if name not in FAMILIES:
                    raise ValueError(f"unknown family {name!r}")
                chosen.setdefault(name, [math.nan, math.nan])[position] = float(number)
    missing = [name for name in FAMILIES if any(map(math.isnan, chosen.get(name, [math.nan])))]
    if missing:
        raise ValueError(f"no keep or add threshold for {', '.join(missing)}")
    return {name: (chosen[name][0], chosen[name][1]) for name in FAMILIES}


# --- fitting -----------------------------------------------------------------------------------
def vectorise(texts: Sequence[str], design: Design):
    """Every feature of ``texts`` (binary, sorted by name, no minimum count) and their names."""
    from sklearn.feature_extraction.text import CountVectorizer

    vectoriser = CountVectorizer(analyzer=partial(classifier.features, chars=design.chars))
    matrix = vectoriser.fit_transform(texts)
    matrix.data[:] = 1
    return matrix.tocsr(), vectoriser.get_feature_names_out()


def fit(matrix, names: Sequence[str], labels: Sequence[set[str]], design: Design) -> dict:
    """The regressions over the rows of ``matrix`` (from ``vectorise``), on the features met in
    at least two of them (as ``CountVectorizer(min_df=2)`` on those texts would keep), rounded
    and pruned: the weights part of the JSON document ``classifier.load`` reads."""
    from sklearn.linear_model import LogisticRegression

    seen = np.flatnonzero(np.asarray(matrix.sum(axis=0)).ravel() >= 2)
    matrix = matrix[:, seen]
    columns, bias = [], []
    for family in FAMILIES:
        target = [family in found for found in labels]
        if len(set(target)) < 2:  # a family no text has (or every text): the bias decides
            columns.append(np.zeros(matrix.shape[1]))
            bias.append(round((ABSENT if not any(target) else -ABSENT) * SCALE))
            continue
        fitted = LogisticRegression(C=design.C, max_iter=5000, class_weight="balanced")
        fitted.fit(matrix, target)
        columns.append(fitted.coef_[0])
        bias.append(round(float(fitted.intercept_[0]) * SCALE))
    rounded = np.rint(np.column_stack(columns) * SCALE).astype(np.int64)
    held = np.flatnonzero(np.abs(rounded).max(axis=1) >= SMALLEST * SCALE)
    return {
        "families": list(FAMILIES),
        "scale": SCALE,
        "bias": bias,
        "C": design.C,
        "chars": list(design.chars) if design.chars else None,
        "features": [str(names[seen[row]]) for row in held],
        "weights": rounded[held].ravel().tolist(),
    }


def _with_thresholds(document: dict, chosen: Thresholds) -> dict:
    stored = {name: {"keep": keep, "add": add} for name, (keep, add) in chosen.items()}
    return {**document, "thresholds": stored}


def train(splits: list[Path], chosen: Thresholds, design: Design = Design()) -> dict:
    """The model trained on ``splits``, as the JSON document ``classifier.load`` reads."""
    texts = [text for split in splits for text in read(split)]
    matrix, names = vectorise([text for text, _ in texts], design)
    document = _with_thresholds(fit(matrix, names, [found for _, found in texts], design), chosen)
    document["trained_on"] = [
        {
            "file": split.name,
            "texts": len(read(split)),
            "sha256": hashlib.sha256(split.read_bytes()).hexdigest(),
        }
        for split in splits
    ]
    return document


# --- leave one split out -----------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    """A note of a held-out split as the rules leave it: the labels the classifier cannot touch
    (identifiers, contact details, a same-sex partner), and if it is a candidate the rules'
    labels it reviews and the families the rules ruled out (said of an animal, a machine)."""

    expected: frozenset[str]
    fixed: frozenset[str]
    reviewed: frozenset[str] | None = None
    ruled_out: frozenset[str] = frozenset()
    text: str = field(default="", repr=False)
    # per family, the note without the wording that says nothing of anyone's (detectors.unread)
    unread: dict[str, str] = field(default_factory=dict, repr=False)


@contextmanager
def _recording(
    calls: list[tuple[frozenset[str], frozenset[str], dict[str, str]]],
) -> Iterator[None]:
    """``detectors.reviewed`` recording its input and keeping no family the model scores: the
    detector then gives exactly the labels no threshold can change. (A same-sex partner found
    by the rules is added only when the reviewed labels hold no orientation, so adding it
    whenever it is found gives the same labels.)"""
    shipped = detectors.reviewed

    def record(
        text: str, hits: list, ruled_out: Iterable[str] = (), clause: str | None = None
    ) -> list:
        rests = {family: detectors.unread(clause, family) for family in FAMILIES}
        unread = {family: rest for family, rest in rests.items() if rest is not None}
        calls.append((frozenset(hit.label for hit in hits), frozenset(ruled_out), unread))
        return [hit for hit in hits if hit.label not in FAMILIES]

    detectors.reviewed = record
    try:
        yield
    finally:
        detectors.reviewed = shipped


def outcomes(texts: Texts) -> list[Outcome]:
    """The rules' outcome of every text (run once, whatever the model and its thresholds)."""
    found = []
    for text, expected in texts:
        calls: list[tuple[frozenset[str], frozenset[str], dict[str, str]]] = []
        with _recording(calls):
            fixed = detectors.detect_all(text)
        if len(calls) > 1:
            raise AssertionError("the rules reviewed one note twice")
        reviewed, ruled_out, unread = calls[0] if calls else (None, frozenset(), {})
        found.append(Outcome(frozenset(expected), fixed, reviewed, ruled_out, text, unread))
    return found


def decide(outcome: Outcome, probability: dict[str, float], chosen: Thresholds) -> set[str]:
    """The detector's labels of a note, from the rules' outcome and the model's probabilities
    (as ``classifier.review`` and ``detectors.reviewed`` decide)."""
    labels = set(outcome.fixed)
    if outcome.reviewed is None:
        return labels
    labels |= outcome.reviewed - set(FAMILIES)
    for family, (keep, add) in chosen.items():
        p = probability[family]
        if family in outcome.reviewed:
            if p >= keep:
                labels.add(family)
        elif (
            p >= add
            and family not in outcome.ruled_out
            and (family not in outcome.unread or probability[f"unread:{family}"] >= add)
        ):
            labels.add(family)
    return labels


@dataclass
class Fold:
    """One held-out split: its texts as the rules leave them, the model trained without it and
    that model's probability of every family on each of its candidates."""

    split: Path
    outcomes: list[Outcome]
    document: dict
    probabilities: list[dict[str, float]]


def folds(held_out: list[Path], fixed: list[Path], design: Design) -> list[Fold]:
    """Each split of ``held_out`` scored by a model trained on the others and ``fixed``."""
    texts = {split: read(split) for split in [*held_out, *fixed]}
    order = [split for split in texts]
    every = [text for split in order for text in texts[split]]
    matrix, names = vectorise([text for text, _ in every], design)
    where = np.repeat(np.arange(len(order)), [len(texts[split]) for split in order])
    result = []
    for position, split in enumerate(held_out):
        rows = np.flatnonzero(where != order.index(split))
        labels = [every[row][1] for row in rows]
        document = fit(matrix[rows], names, labels, design)
        fold = _with_thresholds(document, dict.fromkeys(FAMILIES, (0.5, 0.5)))
        model = classifier.from_document(fold)
        found = outcomes(texts[split])
        probabilities = []
        for outcome in found:
            if outcome.reviewed is None:
                probabilities.append({})
                continue
            probabilities.append(_probabilities(model, outcome))
        result.append(Fold(split, found, document, probabilities))
        print(f"  fold {position + 1}/{len(held_out)}: {split.name}", file=sys.stderr)
    return result


def _probabilities(model: classifier.Model, outcome: Outcome) -> dict[str, float]:
    """The model's probability of every family on a candidate, and of each family whose
    wording says nothing of anyone's on the note without it (``unread:<family>``)."""
    score, _ = model.scores(outcome.text)
    pairs = zip(model.families, score.tolist(), strict=True)
    found = {name: classifier.probability(s) for name, s in pairs}
    for family, rest in outcome.unread.items():
        score, _ = model.scores(rest)
        found[f"unread:{family}"] = classifier.probability(score[model.families.index(family)])
    return found


def pooled(all_folds: list[Fold], chosen: Thresholds) -> Counts:
    """The counts over every held-out split with ``chosen`` thresholds."""
    counts = Counts()
    for fold in all_folds:
        for outcome, probability in zip(fold.outcomes, fold.probabilities, strict=True):
            counts.add(outcome.expected, decide(outcome, probability, chosen))
    return counts


def detected(all_folds: list[Fold], chosen: Thresholds) -> Counts:
    """The same counts from the real detector, each fold's model in place of the shipped one:
    what ``pooled`` must equal (``--loso`` checks it)."""
    counts = Counts()
    for fold in all_folds:
        model = classifier.from_document(_with_thresholds(fold.document, chosen))
        with classifier.using(model):
            for outcome in fold.outcomes:
                counts.add(outcome.expected, detectors.detect_all(outcome.text))
    return counts


# Each family's precision and recall on a development split measured once before anyone tuned
# the rules on it (the mean over the fourth, fifth, eighth, ninth and tenth splits' first
# measurements, tests/unit/test_quality_detection_dev.py): how often the rules raise a false
# alarm or miss on a new writer's texts. In the pooled evaluation the rules have seen every
# split, so their false alarms and misses are rarer than that; ``choose(..., FIRST_MEASURED)``
# weighs them up to these rates.
FIRST_MEASURED: dict[str, tuple[float, float]] = {
    "health": (0.885, 0.909),
    "religion": (0.933, 0.888),
    "political_opinion": (0.946, 0.826),
    "union_membership": (0.967, 0.956),
    "ethnic_origin": (0.949, 0.842),
    "sexual_orientation": (0.930, 0.802),
    "biometric_genetic": (0.909, 0.896),
    "criminal": (0.895, 0.928),
}


@dataclass(frozen=True)
class _Family:
    """One family over every pooled note, as arrays: what ``choose`` searches."""

    expected: np.ndarray
    fixed: np.ndarray  # labelled whatever the model says
    reviewed: np.ndarray  # labelled by the rules, kept from ``keep``
    addable: np.ndarray  # a candidate without the label, added from ``add``
    p: np.ndarray
    weight: np.ndarray

    def figures(self, keep: float, add: float) -> tuple[float, float, float]:
        """(precision, recall, F1), weighted, with these thresholds."""
        found = self.fixed | (self.reviewed & (self.p >= keep)) | (self.addable & (self.p >= add))
        tp = float(self.weight[found & self.expected].sum())
        fp = float(self.weight[found & ~self.expected].sum())
        fn = float(self.weight[~found & self.expected].sum())
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        return precision, recall, (2 * tp / (2 * tp + fp + fn) if tp else 0.0)


def _family(
    all_folds: list[Fold], family: str, rates: dict[str, tuple[float, float]] | None
) -> _Family:
    pool = [
        (outcome, probability)
        for fold in all_folds
        for outcome, probability in zip(fold.outcomes, fold.probabilities, strict=True)
    ]
    expected = np.array([family in outcome.expected for outcome, _ in pool], dtype=bool)
    fixed = np.array([family in outcome.fixed for outcome, _ in pool], dtype=bool)
    reviewed = np.array([family in (o.reviewed or ()) for o, _ in pool], dtype=bool)
    addable = np.array(
        [
            o.reviewed is not None and family not in o.reviewed and family not in o.ruled_out
            for o, _ in pool
        ],
        dtype=bool,
    )
    p = np.array([probability.get(family, 0.0) for _, probability in pool])
    weight = np.ones(len(pool))
    if rates is not None:
        ruled = fixed | reviewed
        right, wrong = (ruled & expected).sum(), (ruled & ~expected).sum()
        missed = (~ruled & expected).sum()
        precision, recall = rates[family]
        if wrong:
            weight[ruled & ~expected] = (1 - precision) / precision * right / wrong
        if missed:
            weight[~ruled & expected] = (1 - recall) / recall * right / missed
    return _Family(expected, fixed, reviewed, addable, p, weight)


def choose(
    all_folds: list[Fold], start: Thresholds, rates: dict[str, tuple[float, float]] | None = None
) -> Thresholds:
    """Per family, the (keep, add) of the grids with the highest pooled F1 of that family (a
    family's labels depend on its own thresholds only); ties keep the nearer to ``start``.
    With ``rates`` (family -> the rules' precision and recall on texts they were not tuned
    on, e.g. ``FIRST_MEASURED``), the rules' false alarms and misses count as often as those
    rates say rather than as rarely as on the splits the rules were tuned on."""
    chosen = dict(start)
    for family in FAMILIES:
        arrays = _family(all_folds, family, rates)
        best: tuple[float, float] | None = None
        for keep in KEEP_GRID:
            for add in ADD_GRID:
                score = arrays.figures(keep, add)[2]
                distance = abs(keep - start[family][0]) + abs(add - start[family][1])
                if best is None or (score, -distance) > (best[0], -best[1]):
                    best = (score, distance)
                    chosen[family] = (keep, add)
    return chosen


def robust(
    all_folds: list[Fold], start: Thresholds, rates: dict[str, tuple[float, float]] = FIRST_MEASURED
) -> Thresholds:
    """``choose``'s thresholds for each family whose F1 they do not lower when the rules' errors
    are weighed up to ``rates`` either; ``start``'s for the others. The plain pooled F1 trusts the
    rules too much (they were tuned on every split), the weighed one leans on rates measured on
    other splits: a change is kept only where both agree it is no loss."""
    best = choose(all_folds, start)
    chosen = dict(start)
    for family in FAMILIES:
        arrays = _family(all_folds, family, rates)
        if arrays.figures(*best[family])[2] >= arrays.figures(*start[family])[2]:
            chosen[family] = best[family]
    return chosen


def weighted(
    all_folds: list[Fold], chosen: Thresholds, rates: dict[str, tuple[float, float]]
) -> str:
    """Per family, the pooled precision and recall with the rules' errors weighed up to
    ``rates`` (as ``choose`` scores them)."""
    lines = []
    for family in FAMILIES:
        precision, recall, f1 = _family(all_folds, family, rates).figures(*chosen[family])
        lines.append(f"  {family:20} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (weighted)")
    return "\n".join(lines)


def reviews(all_folds: list[Fold], chosen: Thresholds) -> str:
    """What the model did to the rules' labels, per family: the labels it dropped (of them,
    wrongly: the note had the family) and those it added (of them, rightly)."""
    dropped, wrong, added, right = Counter(), Counter(), Counter(), Counter()
    for fold in all_folds:
        for outcome, probability in zip(fold.outcomes, fold.probabilities, strict=True):
            if outcome.reviewed is None:
                continue
            labels = decide(outcome, probability, chosen)
            for family in FAMILIES:
                if family in outcome.reviewed and family not in labels:
                    dropped[family] += 1
                    wrong[family] += family in outcome.expected
                elif family in labels - outcome.reviewed - outcome.fixed:
                    added[family] += 1
                    right[family] += family in outcome.expected
    return "\n".join(
        f"  {family:20} dropped {dropped[family]} ({wrong[family]} wrongly),"
        f" added {added[family]} ({right[family]} rightly)"
        for family in FAMILIES
    )


def report(counts: Counts, title: str) -> str:
    """Per family, micro and the weakest figure, one line each."""
    lines = [title]
    for label in [*FAMILIES, "micro"]:
        lines.append(
            f"  {label:20} P {counts.precision(label):.3f}  R {counts.recall(label):.3f}"
            f"  F1 {counts.f1(label):.3f}  (tp {counts.tp[label]}, fp {counts.fp[label]},"
            f" fn {counts.fn[label]})"
        )
    weakest = min(min(counts.precision(f), counts.recall(f)) for f in FAMILIES)
    lines.append(f"  weakest family figure {weakest:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gdpr.quality.train",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("splits", nargs="+", type=Path)
    parser.add_argument("--fixed", nargs="*", type=Path, default=[], help="never held out")
    parser.add_argument("--keep", action="append", default=[], help="0.05 or family=0.05")
    parser.add_argument("--add", action="append", default=[], help="0.9 or family=0.9")
    parser.add_argument("--C", type=float, default=C, dest="C")
    parser.add_argument("--chars", default="", help="character n-grams of words, e.g. 3-5")
    parser.add_argument("--loso", action="store_true", help="evaluate, leaving one split out")
    parser.add_argument("--choose", action="store_true", help="with --loso: choose thresholds")
    parser.add_argument("--out", type=Path, default=classifier.WEIGHTS)
    args = parser.parse_args(argv)
    missing = [str(path) for path in [*args.splits, *args.fixed] if not path.is_file()]
    if missing:
        print(f"No such split: {', '.join(missing)}.", file=sys.stderr)
        return 2
    try:
        chosen = thresholds(args.keep, args.add)
    except ValueError as error:
        print(f"Thresholds: {error}.", file=sys.stderr)
        return 2
    low, _, high = args.chars.partition("-")
    design = Design(args.C, (int(low), int(high or low)) if low else None)
    if args.loso:
        return _loso(args.splits, args.fixed, chosen, design, args.choose)
    document = train([*args.splits, *args.fixed], chosen, design)
    args.out.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    splits = len(args.splits) + len(args.fixed)
    print(f"{len(document['features'])} features from {splits} splits -> {args.out}")
    return 0


def _loso(
    held_out: list[Path], fixed: list[Path], chosen: Thresholds, design: Design, choosing: bool
) -> int:
    all_folds = folds(held_out, fixed, design)
    counts = pooled(all_folds, chosen)
    print(report(counts, f"leave one split out, {design}, thresholds as given:"))
    print(reviews(all_folds, chosen))
    print(weighted(all_folds, chosen, FIRST_MEASURED))
    if choosing:
        best = choose(all_folds, chosen)
        print(report(pooled(all_folds, best), "thresholds of the best pooled F1 per family:"))
        print(weighted(all_folds, best, FIRST_MEASURED))
        chosen = robust(all_folds, chosen)
        counts = pooled(all_folds, chosen)
        print(report(counts, "thresholds chosen (those that do not lower the weighted F1):"))
        print(reviews(all_folds, chosen))
        print(weighted(all_folds, chosen, FIRST_MEASURED))
        for family, (keep, add) in chosen.items():
            print(f"  --keep {family}={keep} --add {family}={add}")
    if detected(all_folds, chosen) != counts:
        print("The shortcut and the detector disagree: a bug in decide().", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
