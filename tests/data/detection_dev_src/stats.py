"""Counts for detection_dev.tsv; `--md` prints the Markdown tables used in detection_dev.md."""

import collections
import csv
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
p = args[0] if args else "../detection_dev.tsv"
rows = list(csv.DictReader(open(p, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
ORDER = [
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
lab = collections.Counter()
labl = collections.Counter()
langs = collections.Counter(r["lang"] for r in rows)
neg = [r for r in rows if not r["labels"]]
negl = collections.Counter(r["lang"] for r in neg)
hard = [r for r in rows if r["pair"]]
for r in rows:
    for l in filter(None, r["labels"].split(",")):
        lab[l] += 1
        labl[(l, r["lang"])] += 1
n = len(rows)
pos = n - len(neg)
multi = sum(1 for r in rows if "," in r["labels"])
paired_pos = len({r["pair"] for r in hard})
if "--md" in sys.argv:
    print("| | fr | en | total |\n|---|---:|---:|---:|")
    print(
        f"| rows | {langs['fr']} ({langs['fr'] / n:.1%}) | {langs['en']} ({langs['en'] / n:.1%}) | {n} |"
    )
    print(
        f"| positive rows (≥1 label) | {langs['fr'] - negl['fr']} | {langs['en'] - negl['en']} | {pos} |"
    )
    print(f"| negative rows (no label) | {negl['fr']} | {negl['en']} | {len(neg)} |")
    print(
        f"| of which hard negatives paired to a positive | {sum(1 for r in hard if r['lang'] == 'fr')} | {sum(1 for r in hard if r['lang'] == 'en')} | {len(hard)} |"
    )
    print(
        f"\nNegative share: **{len(neg) / n:.1%}** ({len(neg)} / {n}). Hard (paired) negatives: {len(hard)}, "
        f"pointing to {paired_pos} distinct positives. Multi-label rows: {multi}.\n"
    )
    print("| label | fr | en | total positives |\n|---|---:|---:|---:|")
    for l in ORDER:
        print(f"| {l} | {labl[(l, 'fr')]} | {labl[(l, 'en')]} | {lab[l]} |")
else:
    print(
        f"rows {n}  fr {langs['fr']} en {langs['en']}  negatives {len(neg)} ({len(neg) / n:.1%})  hard(paired) {len(hard)}  multi-label {multi}"
    )
    for l in sorted(ORDER, key=lambda x: lab[x]):
        print(f"  {l:22s} {lab[l]:4d}  fr {labl[(l, 'fr')]:3d} en {labl[(l, 'en')]:3d}")
