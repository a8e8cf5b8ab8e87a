"""Build detection_dev.tsv from hand-written source chunks (stdlib only).

Source lines: LANG|LABELS|PAIR|TEXT  (PAIR is '^' = hard negative paired with the
most recent positive row above it, '@fragment' = paired with the one positive row whose
source text contains that fragment, or empty). Lines starting with '#' are ignored.
Identifier placeholders inside TEXT are replaced by freshly generated values with
valid (or, for traps, deliberately invalid) checksums:
  {IBAN:CC:f}  CC in FR DE ES BE IT GB; f = s (spaces by 4), d (dashes by 4), n (none)
  {CARD:T:f}   T = V (Visa), M (MC 51-55), M2 (MC 2221-2720), A (Amex); f = s, d, n
  {NIR:S:f}    S = 1 or 2 (sex digit); f = s (1 85 03 75 116 238 42) or n
  {BADCARD:f}  16 digits starting 4/5 that FAIL Luhn
  {IMEI}       15-digit IMEI passing Luhn
  {SIRET:f}    14-digit SIRET passing Luhn; {SIREN} 9 digits
  {BADNIR:f}   NIR-shaped, wrong key
  {BADIBAN:CC:f} IBAN-shaped, wrong mod-97 check digits
"""

import glob
import os
import random
import re
import sys

rnd = random.Random(20261205)


def luhn_ok(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(prefix, length):
    body = prefix + "".join(str(rnd.randrange(10)) for _ in range(length - len(prefix) - 1))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c


def group(s, sizes, sep):
    out, i = [], 0
    for n in sizes:
        out.append(s[i : i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(x for x in out if x)


def fmt4(s, f):
    if f == "n":
        return s
    return group(s, [4] * (len(s) // 4 + 1), " " if f == "s" else "-")


def digits(n):
    return "".join(str(rnd.randrange(10)) for _ in range(n))


def iban_check(cc, bban):
    r = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in r)
    return "%02d" % (98 - int(num) % 97)


def iban_valid(s):
    s = s.replace(" ", "").replace("-", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def bban(cc):
    if cc == "FR":
        bank, branch, acct = digits(5), digits(5), digits(11)
        key = 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97)
        return bank + branch + acct + "%02d" % key
    if cc == "DE":
        return digits(18)
    if cc == "ES":
        return digits(20)
    if cc == "BE":
        b = digits(10)
        k = int(b) % 97 or 97
        return b + "%02d" % k
    if cc == "IT":
        return rnd.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + digits(22)
    if cc == "GB":
        return rnd.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + digits(14)
    raise ValueError(cc)


def make_iban(cc, f, bad=False):
    b = bban(cc)
    ck = iban_check(cc, b)
    if bad:
        ck = "%02d" % ((int(ck) + rnd.randrange(1, 90)) % 97 + 2) if True else ck
        if iban_valid(cc + ck + b):
            ck = "%02d" % ((int(ck) + 1) % 100)
    s = cc + ck + b
    assert iban_valid(s) != bad, s
    return fmt4(s, f)


def make_card(t, f):
    if t == "V":
        s = luhn_complete("4" + digits(5), 16)
    elif t == "M":
        s = luhn_complete(str(rnd.randint(51, 55)) + digits(4), 16)
    elif t == "M2":
        s = luhn_complete(str(rnd.randint(2221, 2720)) + digits(2), 16)
    elif t == "A":
        s = luhn_complete(rnd.choice(["34", "37"]) + digits(4), 15)
        if f == "n":
            return s
        return group(s, [4, 6, 5], " " if f == "s" else "-")
    else:
        raise ValueError(t)
    return fmt4(s, f)


def make_badcard(f):
    while True:
        s = rnd.choice("45") + digits(15)
        if not luhn_ok(s):
            return fmt4(s, f)


def nir_key(first13):
    return 97 - int(first13) % 97


def nir_body(sex):
    yy = "%02d" % rnd.randint(40, 99) if rnd.random() < 0.8 else "%02d" % rnd.randint(0, 6)
    mm = "%02d" % rnd.randint(1, 12)
    dept = "%02d" % rnd.choice(
        [1, 6, 13, 31, 33, 34, 35, 38, 44, 59, 62, 67, 69, 75, 76, 77, 78, 91, 92, 93, 94, 95]
    )
    return str(sex) + yy + mm + dept + "%03d" % rnd.randint(1, 999) + "%03d" % rnd.randint(1, 999)


def fmt_nir(s, f):
    if f == "n":
        return s
    return group(s, [1, 2, 2, 2, 3, 3, 2], " ")


def make_nir(sex, f, bad=False):
    b = nir_body(sex)
    k = nir_key(b)
    if bad:
        k = (k + rnd.randint(3, 40)) % 97 + 1
    return fmt_nir(b + "%02d" % k, f)


def make_imei():
    return luhn_complete(rnd.choice(["35", "86", "01", "35"]) + digits(6), 15)


def make_siret(f):
    siren = luhn_complete(digits(1), 9)
    while True:
        s = siren + digits(5)
        if luhn_ok(s):
            break
    if f == "s":
        return group(s, [3, 3, 3, 5], " ")
    return s


def make_siren():
    s = luhn_complete(digits(1), 9)
    return group(s, [3, 3, 3], " ")


def sub(m):
    parts = m.group(1).split(":")
    k = parts[0]
    if k == "IBAN":
        return make_iban(parts[1], parts[2])
    if k == "BADIBAN":
        return make_iban(parts[1], parts[2], bad=True)
    if k == "CARD":
        return make_card(parts[1], parts[2])
    if k == "NIR":
        return make_nir(int(parts[1]), parts[2])
    if k == "BADNIR":
        return make_nir(rnd.choice([1, 2]), parts[1], bad=True)
    if k == "BADCARD":
        return make_badcard(parts[1])
    if k == "IMEI":
        return make_imei()
    if k == "SIRET":
        return make_siret(parts[1] if len(parts) > 1 else "n")
    if k == "SIREN":
        return make_siren()
    raise ValueError(m.group(0))


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


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []  # (lang, labels, pairidx, text)
    last_pos = None
    for path in sorted(glob.glob(os.path.join(here, "chunk_*.txt"))):
        for ln, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            try:
                lang, labels, pair, text = line.split("|", 3)
            except ValueError:
                sys.exit(f"{path}:{ln}: bad line: {line}")
            assert lang in ("fr", "en"), (path, ln)
            labs = [l for l in labels.split(",") if l]
            for l in labs:
                assert l in LABELS, (path, ln, l)
            raw = text.strip()
            text = re.sub(r"\{([A-Za-z0-9:]+?)\}", sub, raw)
            assert "\t" not in text and "{" not in text, (path, ln)
            p = None
            if pair.startswith("@"):
                assert not labs, (path, ln)
                frag = pair[1:].lower()
                hits = [i for i, r in enumerate(rows) if r[1] and frag in r[5].lower()]
                assert len(hits) == 1, (path, ln, frag, len(hits))
                p = hits[0]
            elif pair == "^":
                assert not labs and last_pos is not None, (path, ln)
                p = last_pos
            else:
                assert pair == "", (path, ln)
            rows.append([lang, ",".join(labs), p, text, f"{os.path.basename(path)}:{ln}", raw])
            if labs:
                last_pos = len(rows) - 1
    # dedupe check
    seen = {}
    for r in rows:
        key = r[3].lower()
        if key in seen:
            sys.exit(f"duplicate text: {r[4]} and {seen[key]}: {r[3]}")
        seen[key] = r[4]
    order = list(range(len(rows)))
    rnd2 = random.Random(7)
    rnd2.shuffle(order)
    newid = {old: "d%04d" % (i + 1) for i, old in enumerate(order)}
    out = os.path.join(os.path.dirname(here), "detection_dev.tsv")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("id\tlang\ttext\tlabels\tpair\n")
        for old in order:
            lang, labs, p, text, _, _ = rows[old]
            fh.write(
                "\t".join([newid[old], lang, text, labs, newid[p] if p is not None else ""]) + "\n"
            )
    print(f"wrote {len(rows)} rows to {out}")


if __name__ == "__main__":
    main()
