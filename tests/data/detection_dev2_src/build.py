"""Build tests/data/detection_dev2.tsv from hand-written chunk files (stdlib only).

Source line format: key|lang|labels|pairkey|text  or  key|lang|labels||text|pairkey   (key/pairkey may be empty; '#' lines ignored)
Placeholders in text are filled with generated identifier values (fixed seed).
"""

import glob
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "detection_dev2.tsv")
R = random.Random(20261205)
LABELS = set(
    [
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
)


def digits(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def letters(n):
    return "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))


def iban_check(cc, bban):
    s = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)


def bban(cc):
    return {
        "FR": lambda: digits(10) + digits(11) + digits(2),
        "DE": lambda: digits(18),
        "ES": lambda: digits(20),
        "BE": lambda: digits(12),
        "IT": lambda: letters(1) + digits(22),
        "GB": lambda: letters(4) + digits(14),
    }[cc]()


def group(s, mode):
    if mode == "n":
        return s
    parts = [s[i : i + 4] for i in range(0, len(s), 4)]
    return (" " if mode == "s" else "-").join(parts)


def iban(cc, mode, bad=False):
    b = bban(cc)
    k = iban_check(cc, b)
    if bad:
        k = "%02d" % ((int(k) + R.randint(1, 90)) % 100)
    if bad and k == iban_check(cc, b):
        k = "%02d" % ((int(k) + 1) % 100)
    return group(cc + k + b, mode)


def luhn_ok(s):
    t = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        t += d
    return t % 10 == 0


def luhn_complete(p):
    for d in "0123456789":
        if luhn_ok(p + d):
            return p + d


def card(kind, mode, bad=False):
    if kind == "V":
        p, n = "4", 16
    elif kind == "M":
        p, n = str(R.randint(51, 55)), 16
    elif kind == "M2":
        p, n = str(R.randint(2221, 2720)), 16
    else:
        p, n = R.choice(["34", "37"]), 15
    c = luhn_complete(p + digits(n - 1 - len(p)))
    if bad:
        c = c[:-1] + str((int(c[-1]) + R.randint(1, 9)) % 10)
    if mode == "n":
        return c
    sep = " " if mode == "s" else "-"
    if n == 15:
        return sep.join([c[:4], c[4:10], c[10:]])
    return sep.join(c[i : i + 4] for i in range(0, 16, 4))


def imei():
    return luhn_complete(R.choice(["35", "86", "01"]) + digits(12))


def siret():
    while True:
        s = luhn_complete(digits(13))
        if luhn_ok(s[:9]):
            return s[:3] + " " + s[3:6] + " " + s[6:9] + " " + s[9:]
        # make siren valid too
        sr = luhn_complete(digits(8))
        s = luhn_complete(sr + digits(4))
        return sr[:3] + " " + sr[3:6] + " " + sr[6:9] + " " + s[9:]


def nir(sex, mode, bad=False):
    yy = "%02d" % R.randint(40, 99)
    mm = "%02d" % R.randint(1, 12)
    dep = R.choice(
        ["75", "69", "13", "33", "59", "44", "31", "67", "35", "06", "93", "2A", "974"[:2]]
    )
    dep_num = dep.replace("2A", "19")
    com = "%03d" % R.randint(1, 400)
    ordre = "%03d" % R.randint(1, 999)
    body = sex + yy + mm + dep + com + ordre
    key = 97 - int(sex + yy + mm + dep_num + com + ordre) % 97
    if bad:
        key = (key + R.randint(1, 50)) % 97 or 3
    k = "%02d" % key
    if mode == "n":
        return body + k
    return " ".join([sex, yy, mm, dep, com, ordre, k])


def fill(m):
    parts = m.group(1).split(":")
    t = parts[0]
    if t == "IBAN":
        return iban(parts[1], parts[2] if len(parts) > 2 else "s")
    if t == "BADIBAN":
        return iban(parts[1], parts[2] if len(parts) > 2 else "s", bad=True)
    if t == "CARD":
        return card(parts[1], parts[2] if len(parts) > 2 else "s")
    if t == "BADCARD":
        return card(parts[1], parts[2] if len(parts) > 2 else "n", bad=True)
    if t == "IMEI":
        return imei()
    if t == "SIRET":
        return siret()
    if t == "NIR":
        return nir(parts[1], parts[2] if len(parts) > 2 else "s")
    if t == "BADNIR":
        return nir(parts[1], parts[2] if len(parts) > 2 else "s", bad=True)
    raise ValueError(m.group(0))


def main():
    rows, keys, seen, problems = [], {}, set(), []
    for fn in sorted(glob.glob(os.path.join(HERE, "chunk_*.txt"))):
        for ln, line in enumerate(open(fn, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            try:
                key, lang, labels, pk, text = line.split("|", 4)
            except ValueError:
                problems.append("%s:%d bad line" % (fn, ln))
                continue
            if "|" in text:
                text, pk2 = text.rsplit("|", 1)
                pk = pk or pk2.strip()
            text = re.sub(r"\{([A-Za-z0-9:]+)\}", fill, text.strip())
            labs = [l for l in labels.split(",") if l]
            for l in labs:
                if l not in LABELS:
                    problems.append("%s:%d label %s" % (fn, ln, l))
            if lang not in ("fr", "en"):
                problems.append("%s:%d lang" % (fn, ln))
            if "\t" in text:
                problems.append("%s:%d tab" % (fn, ln))
            norm = re.sub(r"[\W\d_]+", "", text.lower())
            if norm in seen:
                problems.append("%s:%d duplicate %s" % (fn, ln, text[:50]))
                continue
            seen.add(norm)
            r = dict(
                key=key,
                lang=lang,
                labels=",".join(labs),
                pk=pk,
                text=text,
                src="%s:%d" % (os.path.basename(fn), ln),
            )
            if key:
                if key in keys:
                    problems.append("dup key " + key)
                keys[key] = r
            rows.append(r)
    R2 = random.Random(42)
    R2.shuffle(rows)
    for i, r in enumerate(rows, 1):
        r["id"] = "e%04d" % i
    for r in rows:
        if r["pk"]:
            t = keys.get(r["pk"])
            if not t:
                problems.append("%s missing pair %s" % (r["src"], r["pk"]))
                r["pair"] = ""
            elif not t["labels"]:
                problems.append("%s pair to negative" % r["src"])
                r["pair"] = ""
            elif r["labels"]:
                problems.append("%s paired row is labelled" % r["src"])
                r["pair"] = t["id"]
            else:
                r["pair"] = t["id"]
        else:
            r["pair"] = ""
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("id\tlang\ttext\tlabels\tpair\n")
        for r in rows:
            f.write("\t".join([r["id"], r["lang"], r["text"], r["labels"], r["pair"]]) + "\n")
    for p in problems:
        print("PROBLEM", p, file=sys.stderr)
    print(len(rows), "rows,", len(problems), "problems")


if __name__ == "__main__":
    main()
