"""Consistency checks for detection_dev.tsv (stdlib only)."""

import collections
import csv
import re
import sys

p = sys.argv[1] if len(sys.argv) > 1 else "../detection_dev.tsv"
rows = list(csv.DictReader(open(p, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
byid = {r["id"]: r for r in rows}
errs = []


def luhn_ok(s):
    t = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        t += d
    return t % 10 == 0


def iban_ok(s):
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def ibans(t):
    out = []
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{1,4}){3,8}", t):
        s = re.sub(r"[ -]", "", m.group(0))
        for n in range(len(s), 14, -1):
            if iban_ok(s[:n]):
                out.append(s[:n])
                break
    return out


def digit_runs(t):
    return [re.sub(r"[ -]", "", m.group(0)) for m in re.finditer(r"\d(?:[ -]?\d)+", t)]


def cards(t):
    out = []
    for d in digit_runs(t):
        ok = (
            (d[0] == "4" and len(d) in (13, 16, 19))
            or (len(d) == 16 and (51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720))
            or (len(d) == 15 and d[:2] in ("34", "37"))
        )
        if ok and luhn_ok(d):
            out.append(d)
    return out


def nirs(t):
    out = []
    for d in digit_runs(t):
        if len(d) == 15 and d[0] in "12" and 97 - int(d[:13]) % 97 == int(d[13:]):
            out.append(d)
    return out


PHONE = re.compile(
    r"(\+|00)\d[\d ().-]{7,}\d|\b0\d(?:[ .-]?\d{2}){4}\b|\(\d{3}\) ?\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\b07700 ?900 ?\d{3}\b|\b0\d{2} ?\d{4} ?\d{4}\b"
)
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(\.[\w-]+)+")
GENERIC = re.compile(
    r"^(support|service\.client|noreply|no-reply|contact|sales|complaints|reclamations|facturation)@"
)

labset = set(
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
seen_norm = collections.defaultdict(list)
for r in rows:
    i, t, labs = r["id"], r["text"], set(filter(None, r["labels"].split(",")))
    if not re.fullmatch(r"d\d{4}", i):
        errs.append((i, "bad id"))
    if r["lang"] not in ("fr", "en"):
        errs.append((i, "bad lang"))
    if labs - labset:
        errs.append((i, "unknown label", labs - labset))
    if "\t" in t or "\n" in t:
        errs.append((i, "tab/newline"))
    if r["pair"]:
        q = byid.get(r["pair"])
        if labs or q is None or not q["labels"]:
            errs.append((i, "bad pair", r["pair"]))
    ib, cd, nr = ibans(t), cards(t), nirs(t)
    if ("iban" in labs) != bool(ib):
        errs.append((i, "iban mismatch", ib, t))
    if ("card_number" in labs) != bool(cd):
        errs.append((i, "card mismatch", cd, t))
    if ("nir" in labs) != bool(nr):
        errs.append((i, "nir mismatch", nr, t))
    if "phone" in labs and not PHONE.search(t):
        errs.append((i, "phone label but no phone-like string", t))
    ems = [m.group(0) for m in EMAIL.finditer(t)]
    if "email" in labs and not any(not GENERIC.match(e) for e in ems):
        errs.append((i, "email label but no personal address", t))
    if "email" not in labs and any(not GENERIC.match(e) for e in ems):
        errs.append((i, "unlabelled non-generic email", t))
    norm = re.sub(r"[\W\d_]+", " ", t.lower()).strip()
    seen_norm[norm].append(i)
for k, v in seen_norm.items():
    if len(v) > 1:
        errs.append((v, "same wording up to digits/punctuation", k))
for e in errs:
    print(*e, sep=" | ")
print(f"{len(rows)} rows checked, {len(errs)} problems")
