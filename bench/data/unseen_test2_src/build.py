"""Build, validate and count bench/data/unseen_test2.tsv, the second held-out test split, from the
hand-written ``notes_*.txt`` beside this file.

Self-contained copy of ``tests/data/detection_build.py`` (the placeholder filler used for the
development splits), adapted only in: the output path (``bench/data/unseen_test2.tsv``), the id
prefix (``t2_``), the seeds, and the ``main`` block at the end. No sentence comes from a template;
only identifier values are generated (python-stdnum checks every value).

Source line format: ``LANG|LABELS|PAIR|TEXT``; ``#`` lines and blank lines are ignored.
PAIR is ``^`` (hard negative mirroring the nearest positive line above it in the same file)
or empty. Placeholders inside TEXT:

  {IBAN:CC:f}     valid IBAN, CC in FR DE ES BE IT GB NL IE CH; f = s (groups of 4 by spaces),
                  d (dashes), n (ungrouped), l (lower case, ungrouped), t (irregular groups)
  {BADIBAN:CC:f}  same shape, mod-97 check digits wrong
  {CARD:T:f}      Luhn-valid card, T = V (Visa 16), M (Mastercard 51-55), M2 (2221-2720),
                  A (Amex 15, grouped 4-6-5); f = s, d, n
  {BADCARD:f}     16 digits starting 4 or 5 that fail Luhn
  {IMEI}          15-digit IMEI passing Luhn
  {SIRET}         14-digit SIRET passing Luhn (starts with a SIREN that also passes)
  {NIR:S:f}       valid French NIR, S = 1 or 2; f = s (1 85 03 75 116 238 42) or n
  {BADNIR:S:f}    NIR-shaped with a wrong key
  {REF13}         13 digits starting with 1 or 2 (contract-number look-alike)

Run: ``/work/main/.venv/bin/python bench/data/unseen_test2_src/build.py [--stats-md]``.
Output is deterministic (fixed seed). Exit status 1 when validation finds a problem.
"""

from __future__ import annotations

import glob
import os
import random
import re
import sys
from collections import Counter

from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.fr import nir as std_nir

LABELS = {
    "health", "sexual_orientation", "sex_life", "political_opinion", "religion",
    "philosophical_belief", "ethnic_origin", "trade_union", "biometric", "genetic",
    "criminal", "iban", "card_number", "nir", "phone", "email", "password",
}  # fmt: skip
MIN_POSITIVES = 40
MIN_NEGATIVE_SHARE = 0.45
rnd = random.Random()  # seeded by build(): every generated value follows the split's seed


def digits(n: int) -> str:
    return "".join(str(rnd.randrange(10)) for _ in range(n))


def group(s: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for k in sizes:
        out.append(s[i : i + k])
        i += k
    if i < len(s):
        out.append(s[i:])
    return sep.join(p for p in out if p)


def fmt(s: str, f: str, sizes: list[int] | None = None) -> str:
    sizes = sizes or [4] * (len(s) // 4 + 1)
    if f == "s":
        return group(s, sizes, " ")
    if f == "d":
        return group(s, sizes, "-")
    if f == "l":
        return s.lower()
    if f == "t":  # irregular grouping, as people type it when dictated
        return group(s, [4, 3, 5, 4, 6, 6, 6], " ")
    return s


BBAN = {  # (pattern) d = digit, A = upper letter, c = alnum
    "FR": "dddddddddd" + "ccccccccccc" + "dd",
    "DE": "d" * 18,
    "ES": "d" * 20,
    "BE": "d" * 12,
    "IT": "A" + "d" * 10 + "c" * 12,
    "GB": "AAAA" + "d" * 14,
    "NL": "AAAA" + "d" * 10,
    "IE": "AAAA" + "d" * 14,
    "CH": "ddddd" + "c" * 12,
}
ALNUM = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def rand_bban(cc: str) -> str:
    out = []
    for ch in BBAN[cc]:
        if ch == "d":
            out.append(str(rnd.randrange(10)))
        elif ch == "A":
            out.append(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        else:
            out.append(rnd.choice(ALNUM) if rnd.random() < 0.2 else str(rnd.randrange(10)))
    if cc == "GB":
        out[:4] = list(rnd.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]))
    if cc == "IE":
        out[:4] = list(rnd.choice(["AIBK", "BOFI", "IPBS"]))
    if cc == "FR":
        out[:5] = list(rnd.choice(["30004", "30003", "20041", "10278", "30002", "17515"]))
    return "".join(out)


def make_iban(cc: str, f: str, bad: bool = False) -> str:
    while True:
        bban = rand_bban(cc)
        check = std_iban.calc_check_digits(cc + "00" + bban)
        if bad:
            check = f"{(int(check) + rnd.randrange(1, 90)) % 97 + 2:02d}"
        num = cc + check + bban
        if std_iban.is_valid(num) != bad:
            if bad and std_iban.is_valid(num, check_country=False):
                continue
            return fmt(num, f)


def make_card(t: str, f: str) -> str:
    if t == "V":
        prefix, length = "4" + digits(5), 16
    elif t == "M":
        prefix, length = str(rnd.randrange(51, 56)) + digits(4), 16
    elif t == "M2":
        prefix, length = str(rnd.randrange(2221, 2721)) + digits(2), 16
    else:
        prefix, length = rnd.choice(["34", "37"]) + digits(4), 15
    body = prefix + digits(length - len(prefix) - 1)
    num = body + luhn.calc_check_digit(body)
    assert luhn.is_valid(num)
    return fmt(num, f, [4, 6, 5] if length == 15 else None)


def make_badcard(f: str) -> str:
    while True:
        num = rnd.choice("45") + digits(15)
        if not luhn.is_valid(num):
            return fmt(num, f)


def make_imei() -> str:
    body = rnd.choice(["35", "86", "01", "99"]) + digits(12)
    return body + luhn.calc_check_digit(body)


def make_siret() -> str:
    while True:
        siren = digits(8)
        siren += luhn.calc_check_digit(siren)
        body = siren + digits(4)
        num = body + luhn.calc_check_digit(body)
        if luhn.is_valid(siren) and siren[0] != "0":
            return num


def make_nir(sex: str, f: str, bad: bool = False) -> str:
    while True:
        yy = f"{rnd.randrange(40, 100) if rnd.random() < 0.8 else rnd.randrange(0, 6):02d}"
        mm = f"{rnd.randrange(1, 13):02d}"
        dep = rnd.choice(["75", "69", "13", "33", "59", "44", "31", "67", "35", "06", "92", "93"])
        first13 = sex + yy + mm + dep + digits(3) + digits(3)
        key = std_nir.calc_check_digits(first13)
        if bad:
            key = f"{(int(key) + rnd.randrange(1, 96)) % 97 + 1:02d}"
        num = first13 + key
        if std_nir.is_valid(num) != bad:
            break
    if f == "s":
        return " ".join([num[0], num[1:3], num[3:5], num[5:7], num[7:10], num[10:13], num[13:]])
    return num


def make_ref13() -> str:
    return rnd.choice("12") + digits(12)


PLACEHOLDER = re.compile(r"\{([A-Z0-9]+)(?::([A-Z0-9]+))?(?::([a-z]))?\}")


def sub(m: re.Match) -> str:
    kind, a, f = m.group(1), m.group(2), m.group(3) or "n"
    if kind == "IBAN":
        return make_iban(a, f)
    if kind == "BADIBAN":
        return make_iban(a, f, bad=True)
    if kind == "CARD":
        return make_card(a, f)
    if kind == "BADCARD":
        return make_badcard(a.lower() if a else f)
    if kind == "IMEI":
        return make_imei()
    if kind == "SIRET":
        return make_siret()
    if kind == "NIR":
        return make_nir(a, f)
    if kind == "BADNIR":
        return make_nir(a, f, bad=True)
    if kind == "REF13":
        return make_ref13()
    raise ValueError(f"unknown placeholder {m.group(0)}")


def read_sources(here: str) -> list[dict]:
    rows: list[dict] = []
    problems = []
    for path in sorted(glob.glob(os.path.join(here, "notes_*.txt"))):
        last_pos = None
        with open(path, encoding="utf-8") as fh:
            lines = fh.readlines()
        for n, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("|", 3)
            where = f"{os.path.basename(path)}:{n}"
            if len(parts) != 4:
                problems.append(f"{where}: not LANG|LABELS|PAIR|TEXT")
                continue
            lang, labels, pair, text = (p.strip() for p in parts)
            labs = [x for x in labels.split(",") if x]
            row = {"lang": lang, "labels": labs, "src": where, "raw": text}
            row["text"] = PLACEHOLDER.sub(sub, text)
            if pair == "^":
                if labs or last_pos is None:
                    problems.append(f"{where}: '^' needs an unlabelled row after a positive")
                row["pair_obj"] = last_pos
            elif pair:
                problems.append(f"{where}: unknown pair marker {pair!r}")
            if labs:
                last_pos = row
            rows.append(row)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    return rows


def ibans_in(t: str) -> list[str]:
    out = []
    for m in re.finditer(r"\b[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){10,30}", t):
        s = re.sub(r"[ -]", "", m.group(0)).upper()
        for end in range(len(s), 14, -1):
            if std_iban.is_valid(s[:end]):
                out.append(s[:end])
                break
    return out


def digit_spans(t: str) -> list[str]:
    """Every run of digit groups (separated by one space, dash or dot) and its sub-runs."""
    out = []
    for m in re.finditer(r"(?<![\w-])\d+(?:[ .-]\d+)*(?![\w])", t):
        groups = re.split(r"[ .-]", m.group(0))
        for i in range(len(groups)):
            for j in range(i + 1, len(groups) + 1):
                out.append("".join(groups[i:j]))
    return out


def is_card(s: str) -> bool:
    if not luhn.is_valid(s):
        return False
    if len(s) == 16:
        return s[0] == "4" or 51 <= int(s[:2]) <= 55 or 2221 <= int(s[:4]) <= 2720
    return len(s) == 15 and s[:2] in ("34", "37")


def cards_in(t: str) -> list[str]:
    return [s for s in digit_spans(t) if len(s) in (15, 16) and is_card(s)]


def nirs_in(t: str) -> list[str]:
    return [s for s in digit_spans(t) if len(s) == 15 and s[0] in "12" and std_nir.is_valid(s)]


PHONE = re.compile(
    r"(?:\+|00)\d[\d .()-]{7,}\d|\(?0\d[\d .()-]{7,}\d|\b\d{3}[- .]\d{3}[- .]\d{4}\b|\b07\d{3} ?\d{6}\b|\(\d{3}\) ?\d{3}-\d{4}|\b555-01\d\d\b"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
GENERIC_EMAIL = re.compile(
    r"^(support|service|contact|noreply|no-reply|info|sav|dpo|rgpd|privacy|complaints|"
    r"billing|facturation|accueil|hello|reclamations?|admin|rh|hr|it|helpdesk|team|sales|"
    r"ventes|compta|careers|jobs|abuse|postmaster|webmaster|serviceclient|service\.client|"
    r"relation\.client|clients?)[@.]",
    re.I,
)


OBFUSCATED_EMAIL = re.compile(
    r"[\w.+-]+ ?(?:@|\(at\)|\[at\]| at | arobase |\(arobase\)) ?[\w-]+ ?(?:\.| dot | point |\(dot\)|\[dot\]) ?[a-z]{2,}",
    re.I,
)


def norm(t: str) -> str:
    return re.sub(r"[\W\d_]+", " ", t.lower()).strip()


def validate(rows: list[dict]) -> list[str]:
    problems = []
    seen: dict[str, str] = {}
    for r in rows:
        t, labs, w = r["text"], set(r["labels"]), r["src"]
        if r["lang"] not in ("fr", "en"):
            problems.append(f"{w}: lang {r['lang']!r}")
        if "\t" in t or not t:
            problems.append(f"{w}: empty text or tab")
        for lab in labs - LABELS:
            problems.append(f"{w}: unknown label {lab}")
        if len(labs) != len(r["labels"]):
            problems.append(f"{w}: repeated label")
        for lab, finder in (("iban", ibans_in), ("card_number", cards_in), ("nir", nirs_in)):
            if (lab in labs) != bool(finder(t)):
                problems.append(f"{w}: {lab} label vs valid value mismatch: {t}")
        if "phone" in labs and not PHONE.search(t):
            problems.append(f"{w}: phone label without a phone-like string")
        mails = [m for m in EMAIL.findall(t) if not GENERIC_EMAIL.match(m)]
        if mails and "email" not in labs:
            problems.append(f"{w}: personal-looking address {mails} not labelled email")
        if "email" in labs and not (EMAIL.search(t) or OBFUSCATED_EMAIL.search(t)):
            problems.append(f"{w}: email label without an address")
        key = norm(t)
        if key in seen:
            problems.append(f"{w}: duplicate of {seen[key]}")
        seen[key] = w
    return problems


def stats(rows: list[dict]) -> str:
    n = Counter(r["lang"] for r in rows)
    pos = Counter(r["lang"] for r in rows if r["labels"])
    neg = Counter(r["lang"] for r in rows if not r["labels"])
    hard = Counter(r["lang"] for r in rows if r.get("pair_obj"))
    total = len(rows)
    lines = ["| | fr | en | total |", "|---|---:|---:|---:|"]
    lines.append(
        f"| rows | {n['fr']} ({100 * n['fr'] / total:.1f}%) | {n['en']} "
        f"({100 * n['en'] / total:.1f}%) | {total} |"
    )
    for name, c in (
        ("positive rows (≥1 label)", pos),
        ("negative rows (no label)", neg),
        ("of which hard negatives paired to a positive", hard),
    ):
        lines.append(f"| {name} | {c['fr']} | {c['en']} | {sum(c.values())} |")
    negs = sum(neg.values())
    multi = sum(1 for r in rows if len(r["labels"]) > 1)
    lines.append("")
    lines.append(
        f"Negative share: **{100 * negs / total:.1f}%** ({negs} / {total}). "
        f"Hard (paired) negatives: {sum(hard.values())}. Multi-label rows: {multi}."
    )
    lines.append("")
    lines += ["| label | fr | en | total positives |", "|---|---:|---:|---:|"]
    per = {lab: Counter() for lab in sorted(LABELS)}
    for r in rows:
        for lab in r["labels"]:
            per[lab][r["lang"]] += 1
    order = [
        "health", "sexual_orientation", "sex_life", "political_opinion", "religion",
        "philosophical_belief", "ethnic_origin", "trade_union", "biometric", "genetic",
        "criminal", "iban", "card_number", "nir", "phone", "email", "password",
    ]  # fmt: skip
    for lab in order:
        c = per[lab]
        lines.append(f"| {lab} | {c['fr']} | {c['en']} | {c['fr'] + c['en']} |")
    return "\n".join(lines)


def build(script: str, prefix: str, seed: int, shuffle_seed: int) -> int:
    """Write the split of the ``detection_dev<N>_src`` folder holding ``script`` (values from
    ``seed``, ids ``<prefix>0001``... in the order ``shuffle_seed`` gives); 1 on a problem."""
    here = os.path.dirname(os.path.abspath(script))
    name = os.path.basename(here).removesuffix("_src")
    rnd.seed(seed)
    rows = read_sources(here)
    problems = validate(rows)
    total = len(rows)
    negs = sum(1 for r in rows if not r["labels"])
    if total and negs / total < MIN_NEGATIVE_SHARE:
        problems.append(f"negative share {negs / total:.3f} < {MIN_NEGATIVE_SHARE}")
    per = Counter(lab for r in rows for lab in r["labels"])
    for lab in sorted(LABELS):
        if per[lab] < MIN_POSITIVES:
            problems.append(f"label {lab}: {per[lab]} positives < {MIN_POSITIVES}")
    order = list(range(total))
    random.Random(shuffle_seed).shuffle(order)
    width = max(4, len(str(total)))
    for i, k in enumerate(order, 1):
        rows[k]["id"] = f"{prefix}{i:0{width}d}"
    out = sorted(rows, key=lambda r: r["id"])
    with open(os.path.join(here, "..", f"{name}.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("id\tlang\ttext\tlabels\tpair\n")
        for r in out:
            pair = r["pair_obj"]["id"] if r.get("pair_obj") else ""
            fh.write(f"{r['id']}\t{r['lang']}\t{r['text']}\t{','.join(r['labels'])}\t{pair}\n")
    if "--stats-md" in sys.argv:
        print(stats(rows))
    for p in problems:
        print("PROBLEM", p)
    print(f"{total} rows, {negs} negatives, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(build(__file__, prefix="t2_", seed=2026120618, shuffle_seed=612))
