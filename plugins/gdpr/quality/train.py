"""Train the candidates' classifier (``gdpr.quality.classifier``) on labelled texts.

    python -m gdpr.quality.train tests/data/detection_dev.tsv ... [--out FILE]

Each split is a tab-separated file with a header (``lang``, ``text``, ``labels``: the
development splits' format, tests/data/detection_dev4.md) or the older ``labels<TAB>lang<TAB>
text`` lines with ``#`` comments (tests/data/free_text_labelled.tsv). An organisation can add
its own labelled texts as one more split. A split kept to judge the detectors (the sixth) or
to measure them (bench/data/unseen_test.tsv) must never be given here: the model would learn
the sentences that are meant to measure it.

One logistic regression per family (scikit-learn, L2, balanced classes) over binary features
seen in at least two texts; the thresholds are not learnt here but passed in (``--keep``,
``--add``), chosen once on a split the rules were not tuned on (docs/minimisation.md). The
weights are written as JSON, rounded, with the name, size and SHA-256 of every split they came
from, so a test can retrain and compare.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from gdpr.quality import classifier
from gdpr.quality.detectors import CRIMINAL, SPECIAL_CATEGORIES
from gdpr.quality.splits import read

FAMILIES: tuple[str, ...] = SPECIAL_CATEGORIES + CRIMINAL
C = 1.0
# Weights are stored as whole hundredths, and a feature whose weights are all under a tenth is
# left out: the shipped file is a fifth of the full model's size for the same labels on every
# split (measured on the sixth).
SCALE = 100
SMALLEST = 0.1


def train(splits: list[Path], keep: float, add: float) -> dict:
    """The model trained on ``splits``, as the JSON document ``classifier.load`` reads."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [text for split in splits for text in read(split)]
    vectoriser = CountVectorizer(analyzer=classifier.features, binary=True, min_df=2)
    matrix = vectoriser.fit_transform([text for text, _ in texts])
    columns, bias = [], []
    for family in FAMILIES:
        target = [family in labels for _, labels in texts]
        fitted = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
        fitted.fit(matrix, target)
        columns.append(fitted.coef_[0])
        bias.append(round(float(fitted.intercept_[0]) * SCALE))
    vocabulary = vectoriser.get_feature_names_out()
    kept_features, weights = [], []
    for row, name in enumerate(vocabulary):
        values = [round(float(column[row]) * SCALE) for column in columns]
        if max(abs(value) for value in values) >= SMALLEST * SCALE:
            kept_features.append(str(name))
            weights += values
    return {
        "families": list(FAMILIES),
        "scale": SCALE,
        "bias": bias,
        "thresholds": {"keep": keep, "add": add},
        "trained_on": [
            {
                "file": split.name,
                "texts": len(read(split)),
                "sha256": hashlib.sha256(split.read_bytes()).hexdigest(),
            }
            for split in splits
        ],
        "features": kept_features,
        "weights": weights,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gdpr.quality.train", description=__doc__)
    parser.add_argument("splits", nargs="+", type=Path)
    parser.add_argument("--keep", type=float, required=True)
    parser.add_argument("--add", type=float, required=True)
    parser.add_argument("--out", type=Path, default=classifier.WEIGHTS)
    args = parser.parse_args(argv)
    missing = [str(path) for path in args.splits if not path.is_file()]
    if missing:
        print(f"No such split: {', '.join(missing)}.", file=sys.stderr)
        return 2
    document = train(args.splits, args.keep, args.add)
    args.out.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(document['features'])} features from {len(args.splits)} splits -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
