"""Print counts for tests/data/detection_dev2.tsv as markdown tables (stdlib only)."""

import collections
import csv
import os

P = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "detection_dev2.tsv")
LABELS = [
    "health",
    "sexual_orientation",
    "sex_life",
    "political_opinion",
    "religion",
    "philosophical_belief",
    "ethnic_origin",
    "trade_union",
    "biometric",
    "genetic",
    "criminal",
    "iban",
    "card_number",
    "nir",
    "phone",
    "email",
    "password",
]
rows = list(csv.DictReader(open(P, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
n = len(rows)
by = collections.Counter(r["lang"] for r in rows)
pos = collections.Counter(r["lang"] for r in rows if r["labels"])
neg = collections.Counter(r["lang"] for r in rows if not r["labels"])
hard = collections.Counter(r["lang"] for r in rows if r["pair"])
print("| | fr | en | total |\n|---|---:|---:|---:|")
print(
    "| rows | %d (%.1f%%) | %d (%.1f%%) | %d |"
    % (by["fr"], 100 * by["fr"] / n, by["en"], 100 * by["en"] / n, n)
)
for name, c in [
    ("positive rows (≥1 label)", pos),
    ("negative rows (no label)", neg),
    ("of which hard negatives paired to a positive", hard),
]:
    print("| %s | %d | %d | %d |" % (name, c["fr"], c["en"], c["fr"] + c["en"]))
nn = sum(neg.values())
print(
    "\nNegative share: **%.1f%%** (%d / %d). Hard (paired) negatives: %d, pointing to %d distinct positives. Multi-label rows: %d.\n"
    % (
        100 * nn / n,
        nn,
        n,
        sum(hard.values()),
        len({r["pair"] for r in rows if r["pair"]}),
        sum(1 for r in rows if "," in r["labels"]),
    )
)
print("| label | fr | en | total positives |\n|---|---:|---:|---:|")
for l in LABELS:
    c = collections.Counter(r["lang"] for r in rows if l in r["labels"].split(","))
    print("| %s | %d | %d | %d |" % (l, c["fr"], c["en"], c["fr"] + c["en"]))
