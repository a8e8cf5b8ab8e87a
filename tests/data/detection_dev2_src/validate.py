"""Sanity checks on tests/data/detection_dev2.tsv (stdlib only)."""

import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import LABELS, luhn_ok

P = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "detection_dev2.tsv")
rows = list(csv.DictReader(open(P, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
ids = {r["id"]: r for r in rows}
probs = []


def iban_ok(s):
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def has_iban(t):
    for m in re.finditer(r"\b([A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{1,4}){3,8})\b", t):
        s = re.sub(r"[ -]", "", m.group(1))
        if 14 <= len(s) <= 34 and iban_ok(s):
            return True
    return False


def has_card(t):
    for m in re.finditer(r"(?<![\d])(\d[\d -]{12,21}\d)(?![\d])", t):
        s = re.sub(r"[ -]", "", m.group(1))
        for n in (15, 16):
            if (
                len(s) == n
                and luhn_ok(s)
                and (
                    (s[0] == "4" and n == 16)
                    or (s[:2] in ("34", "37") and n == 15)
                    or (51 <= int(s[:2]) <= 55 and n == 16)
                    or (2221 <= int(s[:4]) <= 2720 and n == 16)
                )
            ):
                if "IMEI" not in t and "SIRET" not in t:
                    return True
    return False


def has_nir(t):
    for m in re.finditer(
        r"(?<!\d)([12][ ]?\d{2}[ ]?\d{2}[ ]?(?:\d{2}|2A|2B)[ ]?\d{3}[ ]?\d{3}[ ]?\d{2})(?!\d)", t
    ):
        s = m.group(1).replace(" ", "")
        body = s[:13].replace("2A", "19").replace("2B", "18")
        if 97 - int(body) % 97 == int(s[13:]):
            return True
    return False


for r in rows:
    labs = set(r["labels"].split(",")) - {""}
    if labs - set(LABELS):
        probs.append((r["id"], "bad label"))
    t = r["text"]
    for lab, f in (("iban", has_iban), ("card_number", has_card), ("nir", has_nir)):
        if (lab in labs) != f(t):
            probs.append((r["id"], lab, t))
    if r["pair"]:
        if r["labels"] or r["pair"] not in ids or not ids[r["pair"]]["labels"]:
            probs.append((r["id"], "pair"))
for p in probs:
    print(p)
print(len(probs), "problems")
