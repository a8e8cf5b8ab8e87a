"""The free-text detectors on text they were not written for: held-out accuracy and speed.

Figures of the ``minimisation`` section (``bench/minimisation.py`` merges them; ``python -m
bench.detection`` measures only these and updates that section of bench/results.json in place):

- ``unseen_precision`` / ``unseen_recall`` (micro), ``unseen_{precision,recall}_<family>`` and
  ``unseen_{precision,recall}_<lang>``: ``gdpr.quality.detectors.detect_all`` on
  bench/data/unseen_test.tsv, the frozen test split written apart from the detectors and the
  development split (same format as tests/data/detection_dev.tsv). Its SHA-256 is recorded
  (``unseen_sha256``) and printed, so a figure always says which file it was measured on. The
  file is only read here: nothing in the product or the tests looks at it. ``unseen2_*``: the
  same on bench/data/unseen_test2.tsv, a second test split frozen the same way by another
  writer (``FROZEN``).
- ``judge_precision`` / ``judge_recall`` (same breakdown): the sixth development split,
  tests/data/detection_dev6.tsv, written apart and kept untouched as a judge of each tuning
  round (its errors are not studied); a figure nearer the test split's than the tuned splits'.
- ``free_text_rows_per_second``: ``detect`` on one core (a fresh child process, CPU time) over
  rows of realistic notes: 98 in 100 from bench/detection_notes.txt (contact-centre notes
  written by hand for this benchmark, mostly clean), 2 in 100 a sentence of the development
  split (half of them remarks, the other half hard negatives: about 1% remarks, as in the demo's
  own corpus); none is generated from the detectors' vocabulary. The same figures with one row
  in ten from the split (``*_dev10``) and with the split alone (``*_dev_only``) say how the
  speed falls as remarks and look-alikes grow.
- ``ratio_vs_keyword_regex``: the time of ``detect`` over those rows against one compiled
  alternation of the 15 most common category keywords (``KEYWORDS``, case-insensitive, word
  bounded, on the raw text) over the same rows, measured interleaved a thousand rows at a time
  (``CHUNK``; target at most 1.5).

Families are the labels the product reports: the split's finer labels map onto them
(``gdpr.quality.splits.FAMILY``: ``trade_union`` is ``union_membership``, ``sex_life`` counts as
``sexual_orientation``, ``philosophical_belief`` as ``religion``, ``biometric`` and ``genetic``
as ``biometric_genetic``).
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import statistics
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from gdpr.quality.splits import Counts, families

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "detection_dev.tsv"
# A split written apart and kept untouched as a judge of each tuning round (nobody studies its
# errors; tests/data/detection_dev6.md): printed beside the frozen test split.
JUDGE = ROOT / "tests" / "data" / "detection_dev6.tsv"
NOTES = ROOT / "bench" / "detection_notes.txt"
RESULTS = ROOT / "bench" / "results.json"
SECTION = "minimisation"

ROWS = 200_000
# Rows timed at a time, the product's then the keyword expression's on the same rows: a few
# milliseconds each, so that a drift of the host's speed over seconds (seen here: the expression
# alone at 180,000-310,000 rows/s between runs minutes apart) weighs on both sides alike.
CHUNK = 1_000
DEV_SHARE = 0.02
MIXES: dict[str, tuple[float, int]] = {
    "": (DEV_SHARE, ROWS),
    "_dev10": (0.10, ROWS),
    "_dev_only": (1.0, 50_000),
}
# The 15 most common category keywords of notes (French and English, as typed).
KEYWORDS: tuple[str, ...] = (
    "malade",
    "maladie",
    "diabétique",
    "cancer",
    "enceinte",
    "handicapé",
    "hôpital",
    "dépression",
    "syndicat",
    "musulman",
    "religion",
    "gay",
    "prison",
    "pregnant",
    "disabled",
)


def read_split(path: Path) -> list[dict[str, str]]:
    """Rows of a split (id, lang, text, labels, pair), tab-separated with a header."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    missing = {"lang", "text", "labels"} - set(rows[0] if rows else {})
    if missing:
        raise ValueError(f"{path.name}: missing columns {sorted(missing)}")
    return rows


def accuracy(rows: Iterable[dict[str, str]], prefix: str) -> dict[str, Any]:
    """Precision and recall, micro, per family and per language, as flat figures."""
    from gdpr.quality.detectors import ALL_LABELS, detect_all

    counts = Counts()
    count = 0
    for row in rows:
        count += 1
        counts.add(families(row["labels"]), detect_all(row["text"]), f"lang:{row['lang']}")
    tp, fp, fn = counts.tp, counts.fp, counts.fn

    def pr(key: str) -> tuple[float | None, float | None]:
        p = tp[key] / (tp[key] + fp[key]) if tp[key] + fp[key] else None
        r = tp[key] / (tp[key] + fn[key]) if tp[key] + fn[key] else None
        return p, r

    figures: dict[str, Any] = {f"{prefix}_rows": count}
    figures[f"{prefix}_precision"], figures[f"{prefix}_recall"] = pr("micro")
    for lang in sorted(k.split(":", 1)[1] for k in set(tp) | set(fn) | set(fp) if ":" in k):
        p, r = pr(f"lang:{lang}")
        figures[f"{prefix}_precision_{lang}"], figures[f"{prefix}_recall_{lang}"] = p, r
    for label in ALL_LABELS:
        if tp[label] + fp[label] + fn[label]:
            p, r = pr(label)
            figures[f"{prefix}_precision_{label}"], figures[f"{prefix}_recall_{label}"] = p, r
    return figures


# The frozen test splits, each written apart from the detectors and the development splits, by a
# writer of its own, and frozen by its SHA-256 (bench/data/<file>.md): the figures' prefix, the
# file and its hash. A second writer tells a writer's style from a family's difficulty.
FROZEN = (
    (
        "unseen",  # 2026-12-05, bench/data/unseen_test.md
        ROOT / "bench" / "data" / "unseen_test.tsv",
        "58dd348de93778bd2cdb57583b31bf503738437b2741f211c112280b18cdbcf3",
    ),
    (
        "unseen2",  # 2026-12-06, bench/data/unseen_test2.md
        ROOT / "bench" / "data" / "unseen_test2.tsv",
        "591e4a84d71444c92850b4825bb9061ed6dd97ed5d20cf8d8f3e613301300658",
    ),
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- speed -------------------------------------------------------------------------------------


def realistic_rows(count: int, seed: int = 13, dev_share: float = DEV_SHARE) -> Iterator[str]:
    """A hand-written contact-centre note, or (``dev_share`` of rows) a development-split one."""
    notes = [
        line.strip()
        for line in NOTES.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    dev = [row["text"] for row in read_split(DEV)]
    rng = random.Random(seed)
    for _ in range(count):
        yield rng.choice(dev) if rng.random() < dev_share else rng.choice(notes)


def keyword_regex() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, KEYWORDS)) + r")\b", re.IGNORECASE)


def _speed(
    rows: int, repeat: int, dev_share: float = DEV_SHARE, suffix: str = ""
) -> dict[str, Any]:
    """In a child process: CPU seconds of ``detect`` and of the keyword regex, interleaved."""
    from gdpr.quality.detectors import detect

    texts = list(realistic_rows(rows, dev_share=dev_share))
    pattern = keyword_regex()
    search = pattern.search
    for text in dict.fromkeys(texts):  # warm-up, every distinct note once: the stems' and the
        detect(text)  # classifier's caches, the modules and tables loaded on first use
    product, baseline = [], []
    chunks = [texts[at : at + CHUNK] for at in range(0, len(texts), CHUNK)]
    clock = time.process_time
    for _ in range(repeat):
        spent = [0.0, 0.0]
        for chunk in chunks:  # interleaved chunk by chunk: the host's speed drifts over seconds
            start = clock()
            for text in chunk:
                detect(text)
            middle = clock()
            for text in chunk:
                search(text)
            spent[0] += middle - start
            spent[1] += clock() - middle
        product.append(spent[0])
        baseline.append(spent[1])
    flagged = sum(1 for text in texts if detect(text))
    seconds, keyword_seconds = statistics.median(product), statistics.median(baseline)
    figures = {
        "free_text_rows": rows,
        "free_text_cpu_seconds": seconds,
        "free_text_rows_per_second": rows / seconds,
        "free_text_seconds_per_million": seconds * 1_000_000 / rows,
        "keyword_regex_cpu_seconds": keyword_seconds,
        "keyword_regex_rows_per_second": rows / keyword_seconds,
        "ratio_vs_keyword_regex": seconds / keyword_seconds,
        "free_text_flagged_share": flagged / rows,
        "free_text_mean_chars": sum(map(len, texts)) / rows,
        "free_text_dev_share": dev_share,
    }
    return {f"{key}{suffix}": value for key, value in figures.items()}


def figures(repeat: int = 3, rows: int = ROWS) -> dict[str, Any]:
    """Every figure of this module (the speed part in a fresh child process, one core)."""
    from bench.harness import run_in_child

    values: dict[str, Any] = {}
    values |= accuracy(read_split(DEV), "dev")
    values |= accuracy(read_split(JUDGE), "judge")
    for prefix, path, frozen in FROZEN:
        if not path.exists():
            values[f"{prefix}_sha256"] = None
            continue
        values[f"{prefix}_sha256"] = found = sha256(path)
        if found != frozen:
            raise SystemExit(
                f"{path.relative_to(ROOT)} is not the frozen test split (sha256 {found}, frozen"
                f" {frozen}): a changed test split measures nothing; restore it, or freeze a new"
                " split written apart"
            )
        values |= accuracy(read_split(path), prefix)
    for suffix, (share, count) in MIXES.items():
        child = run_in_child(_speed, rows if not suffix else count, repeat, share, suffix)
        values |= child.value
        values[f"free_text_peak_rss_mb{suffix}"] = child.peak_rss_mb
    return values


TABLE_ROWS = (
    ("unseen_precision", ""),
    ("unseen_recall", ""),
    ("unseen2_precision", ""),
    ("unseen2_recall", ""),
    ("judge_precision", ""),
    ("judge_recall", ""),
    ("free_text_rows_per_second", "rows/s"),
    ("ratio_vs_keyword_regex", "x"),
)


def main(argv: list[str] | None = None) -> int:
    """Measure, print, and update the ``minimisation`` section of bench/results.json."""
    from bench import results

    args = sys.argv[1:] if argv is None else argv
    repeat = int(args[0]) if args else 3
    values = figures(repeat)
    document = results.load(RESULTS)
    section = dict(document.get(SECTION, {}))
    section.update(values)
    section["detection_measured"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    document[SECTION] = section
    results.write(RESULTS, document)
    width = max(map(len, values))
    for key, value in sorted(values.items()):
        shown = f"{value:.4f}" if isinstance(value, float) else str(value)
        print(f"{key:<{width}}  {shown}")
    print()
    for prefix, path, _ in FROZEN:
        print(f"{prefix} split: {path.relative_to(ROOT)} sha256 {values[f'{prefix}_sha256']}")
    for key, unit in TABLE_ROWS:
        value = values.get(key)
        print(f"{SECTION}.{key} = {value:.4f} {unit}" if value is not None else f"{key}: -")
    return 0


if __name__ == "__main__":
    sys.exit(main())
