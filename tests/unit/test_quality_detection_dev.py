"""The free-text detectors on the development split (tests/data/detection_dev.tsv).

The split was written apart from the detectors (tests/data/detection_dev.md says how); the
detectors were tuned on it, so these figures are a floor that must not regress, not a claim
about unseen text: the frozen test split's figures are measured by ``make bench``
(bench/detection.py), never by a test.
"""

from __future__ import annotations

import csv
import functools
from collections import Counter
from pathlib import Path

import pytest

from gdpr.quality.detectors import ALL_LABELS, detect_all
from gdpr.quality.splits import Counts, families

DEV = Path(__file__).resolve().parents[1] / "data" / "detection_dev.tsv"
# A second development split written apart (tests/data/detection_dev2.md), measured before any
# tuning on it (micro precision 0.894, recall 0.855), then tuned on with the first.
# A third (tests/data/detection_dev3.md), measured before any tuning on it (micro precision
# 0.909, recall 0.888), then tuned on with the other two.
# A fourth (tests/data/detection_dev4.md), measured before any tuning on it: micro precision
# 0.930, recall 0.899 (health 0.877/0.926, religion 0.905/0.854, political 0.974/0.826, union
# 0.915/1.000, ethnic 1.000/0.913, orientation 0.940/0.886, biometric/genetic 0.927/0.854,
# criminal 0.820/0.909, password 0.978/0.714, email 1.000/0.833, cards/IBAN/NIR 1.000/1.000);
# 0.931/0.902 with the changes made before it arrived; then tuned on with the other three.
# A fifth (tests/data/detection_dev5.md, 2,539 rows), measured before any tuning on it: micro
# precision 0.940, recall 0.872 (health 0.920/0.879, religion 0.920/0.851, political
# 0.865/0.681, union 0.977/0.894, ethnic 0.967/0.881, orientation 0.900/0.798,
# biometric/genetic 0.949/0.775, criminal 0.903/0.942, password 1.000/0.872, phone
# 0.977/0.955, email 1.000/0.932, cards/IBAN/NIR 1.000/1.000); then tuned on with the others.
DEV2 = DEV.with_name("detection_dev2.tsv")
DEV3 = DEV.with_name("detection_dev3.tsv")
DEV4 = DEV.with_name("detection_dev4.tsv")
DEV5 = DEV.with_name("detection_dev5.tsv")
DEV7 = DEV.with_name("detection_dev7.tsv")
DEV8 = DEV.with_name("detection_dev8.tsv")
DEV9 = DEV.with_name("detection_dev9.tsv")
DEV10 = DEV.with_name("detection_dev10.tsv")
DEV11 = DEV.with_name("detection_dev11.tsv")
DEV12 = DEV.with_name("detection_dev12.tsv")
DEV13 = DEV.with_name("detection_dev13.tsv")
DEV14 = DEV.with_name("detection_dev14.tsv")
DEV15 = DEV.with_name("detection_dev15.tsv")
DEV16 = DEV.with_name("detection_dev16.tsv")
DEV17 = DEV.with_name("detection_dev17.tsv")
DEV18 = DEV.with_name("detection_dev18.tsv")
DEV19 = DEV.with_name("detection_dev19.tsv")
DEV20 = DEV.with_name("detection_dev20.tsv")
DEV21 = DEV.with_name("detection_dev21.tsv")
DEV22 = DEV.with_name("detection_dev22.tsv")
DEV23 = DEV.with_name("detection_dev23.tsv")
DEV24 = DEV.with_name("detection_dev24.tsv")
DEV25 = DEV.with_name("detection_dev25.tsv")
MINIMUM = 0.92


def rows(path: Path = DEV) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def scores(path: Path = DEV) -> tuple[Counter, Counter, Counter]:
    counts = Counts()
    for row in rows(path):
        counts.add(families(row["labels"]), detect_all(row["text"]), f"lang:{row['lang']}")
    return counts.tp, counts.fp, counts.fn


# The second split: not yet at 0.92 everywhere; these floors are what the detectors reach
# (micro and per language), so that they do not regress while the gap is closed.
DEV2_FLOORS = {"micro": (0.95, 0.90), "lang:fr": (0.95, 0.91), "lang:en": (0.95, 0.90)}

# The third split, tuned on after its first measurement: floors at what the detectors reach,
# per family, per language and micro (the first split asserts the 0.92).
DEV3_FLOORS = {
    "micro": (0.98, 0.98),
    "lang:fr": (0.98, 0.98),
    "lang:en": (0.98, 0.98),
    "health": (0.93, 0.97),
    "religion": (0.99, 0.99),
    "political_opinion": (0.99, 0.99),
    "union_membership": (0.97, 0.99),
    "ethnic_origin": (0.99, 0.95),
    "sexual_orientation": (0.98, 0.98),
    "biometric_genetic": (0.97, 0.98),
    "criminal": (0.98, 0.99),
    "card_number": (0.99, 0.99),
    "iban": (0.99, 0.99),
    "nir": (0.99, 0.99),
    "password": (0.99, 0.99),
    "phone": (0.99, 0.97),
    "email": (0.99, 0.99),
}

# The fourth split, tuned on after its first measurement (see the top of this file): floors at
# 0.92 for the micro and per-language figures; families below it on this split are held at
# what the detectors reach so that they do not regress while the gap is closed.
DEV4_FLOORS = {
    "micro": (0.95, 0.95),
    "lang:fr": (0.95, 0.95),
    "lang:en": (0.95, 0.95),
    "health": (0.92, 0.92),
    "religion": (0.92, 0.92),
    "political_opinion": (0.95, 0.95),
    "union_membership": (0.95, 0.99),
    "ethnic_origin": (0.99, 0.90),
    "sexual_orientation": (0.92, 0.92),
    "biometric_genetic": (0.95, 0.95),
    "criminal": (0.92, 0.95),
    "card_number": (0.99, 0.99),
    "iban": (0.99, 0.99),
    "nir": (0.99, 0.99),
    "password": (0.99, 0.95),
    "phone": (0.99, 0.95),
    "email": (0.99, 0.95),
}

# The fifth split, tuned on after its first measurement (see the top of this file): floors at
# what the detectors reach, rounded down (0.99 where they reach 1.00); the families still
# below 0.92 on it (password: values typed after "combo", "gate code", "login ... /") are held
# where they are so that they do not regress while the gap is closed.
DEV5_FLOORS = {
    "micro": (0.98, 0.97),
    "lang:fr": (0.98, 0.98),
    "lang:en": (0.98, 0.97),
    "health": (0.98, 0.99),
    "religion": (0.95, 0.97),
    "political_opinion": (0.95, 0.97),
    "union_membership": (0.99, 0.99),
    "ethnic_origin": (0.99, 0.95),
    "sexual_orientation": (0.98, 0.93),
    "biometric_genetic": (0.99, 0.97),
    "criminal": (0.98, 0.98),
    "card_number": (0.99, 0.99),
    "iban": (0.99, 0.99),
    "nir": (0.99, 0.99),
    "password": (0.99, 0.87),
    "phone": (0.97, 0.95),
    "email": (0.99, 0.99),
}

# The seventh (the sixth is a judge no test reads), measured before any tuning on it: rules
# alone micro precision 0.954, recall 0.864 (the classifier, trained without it, 0.955 / 0.882:
# its thresholds were chosen there); then tuned on, and the classifier trained with it. Floors at
# what the detectors reach, rounded down.
DEV7_FLOORS = {
    "micro": (0.98, 0.99),
    "lang:fr": (0.98, 0.99),
    "lang:en": (0.98, 0.99),
    "health": (0.96, 0.99),
    "religion": (0.97, 0.99),
    "political_opinion": (0.94, 0.99),
    "union_membership": (0.99, 0.99),
    "ethnic_origin": (0.99, 0.99),
    "sexual_orientation": (0.98, 0.97),
    "biometric_genetic": (0.98, 0.99),
    "criminal": (0.98, 0.99),
    "card_number": (0.99, 0.99),
    "iban": (0.99, 0.99),
    "nir": (0.99, 0.99),
    "password": (0.99, 0.99),
    "phone": (0.99, 0.99),
    "email": (0.99, 0.95),
}

# The eighth (tests/data/detection_dev8.md, 2,277 rows), measured before any tuning on it, rules
# and the classifier as shipped: micro precision 0.943, recall 0.902 (health 0.891/0.913,
# religion 0.932/0.889, political 0.980/0.909, union 1.000/0.943, ethnic 0.896/0.741,
# orientation 0.943/0.769, biometric/genetic 0.929/0.937, criminal 0.930/0.904, password
# 0.939/0.849, phone 1.000/0.926, email 1.000/0.962, cards/IBAN/NIR 1.000/1.000); then tuned on,
# and the classifier trained with it. Floors at what the detectors reach, rounded down.
DEV8_FLOORS = {
    "micro": (0.99, 0.98),
    "lang:fr": (0.99, 0.98),
    "lang:en": (0.99, 0.98),
    "health": (0.98, 0.99),
    "religion": (0.99, 0.99),
    "political_opinion": (0.99, 0.99),
    "union_membership": (0.99, 0.99),
    "ethnic_origin": (0.99, 0.99),
    "sexual_orientation": (0.99, 0.93),
    "biometric_genetic": (0.99, 0.99),
    "criminal": (0.99, 0.99),
    "card_number": (0.99, 0.99),
    "iban": (0.99, 0.99),
    "nir": (0.99, 0.99),
    "password": (0.99, 0.97),
    "phone": (0.99, 0.92),
    "email": (0.99, 0.99),
}

# The ninth (tests/data/detection_dev9.md, 2,575 rows), measured before any tuning on it, rules
# and the classifier as shipped: micro precision 0.941, recall 0.912 (health 0.884/0.935,
# religion 0.990/0.916, political 0.979/0.821, union 0.963/0.963, ethnic 0.941/0.889,
# orientation 0.944/0.733, biometric/genetic 0.912/0.942, criminal 0.880/0.904, password
# 0.966/0.824, phone 0.982/0.982, email 1.000/0.982, card 1.000/0.981, IBAN/NIR 1.000/1.000);
# then tuned on, and the classifier trained with it. Floors at what the detectors reach, rounded
# down.
DEV9_FLOORS = {
    "micro": (0.99, 0.99),
    "lang:fr": (0.99, 0.99),
    "lang:en": (0.99, 0.99),
    "health": (0.98, 0.99),
    "religion": (0.99, 0.99),
    "political_opinion": (0.99, 0.99),
    "union_membership": (0.99, 0.99),
    "ethnic_origin": (0.99, 0.99),
    "sexual_orientation": (0.98, 0.97),
    "biometric_genetic": (0.99, 0.99),
    "criminal": (0.99, 0.99),
    "card_number": (0.99, 0.98),
    "iban": (0.99, 0.99),
    "nir": (0.99, 0.99),
    "password": (0.99, 0.98),
    "phone": (0.98, 0.98),
    "email": (0.99, 0.99),
}

# The tenth (tests/data/detection_dev10.md, 2,565 rows), measured before any tuning on it, rules
# and the classifier as shipped: micro precision 0.912, recall 0.907 (health 0.854/0.891,
# religion 0.918/0.928, political 0.933/0.894, union 0.979/0.979, ethnic 0.942/0.786,
# orientation 0.924/0.824, biometric/genetic 0.829/0.970, criminal 0.940/0.979, password
# 0.905/0.809, phone 1.000/0.978, email 1.000/1.000, card 0.978/0.978, IBAN 1.000/1.000, NIR
# 0.979/1.000); then tuned on, and the classifier trained with it. Floors at what the detectors
# reach, rounded down (password recall is held where it was: values after "perso", a lock's
# combination written down, an unlock shape, the answer to a secret question in prose).
# Religion precision is held at 0.94 (micro 0.97) since the classifier's per-family thresholds
# (docs/detection-rounds.md, "Leave-one-split-out and per-family thresholds"): religion's keep
# threshold went from 0.01 to 0.005, which lets three rule labels of this split through that
# the model, trained on this very split, had learnt to veto; left out of its training, the
# model gains religion recall (0.980 -> 0.985) for that precision (0.970 -> 0.968) over the
# splits, and the judge's religion figures do not move.
DEV10_FLOORS = {
    "micro": (0.97, 0.98),
    "lang:fr": (0.97, 0.98),
    "lang:en": (0.98, 0.97),
    "health": (0.96, 0.99),
    "religion": (0.94, 0.98),
    "political_opinion": (0.97, 0.99),
    "union_membership": (0.97, 0.99),
    "ethnic_origin": (0.99, 0.99),
    "sexual_orientation": (0.97, 0.93),
    "biometric_genetic": (0.98, 0.99),
    "criminal": (0.99, 0.99),
    "card_number": (0.97, 0.97),
    "iban": (0.99, 0.99),
    "nir": (0.97, 0.99),
    "password": (0.97, 0.80),
    "phone": (0.99, 0.97),
    "email": (0.99, 0.99),
}

# The eleventh (tests/data/detection_dev11.md, 2,555 rows, weighted toward passwords, orientation
# shown by a relationship and ethnic origin said indirectly), measured before any tuning on it,
# rules and the classifier as shipped: micro precision 0.953, recall 0.874 (health 0.883/0.950,
# religion 0.917/0.917, political 0.919/0.850, union 1.000/0.925, ethnic 0.987/0.770,
# orientation 0.974/0.768, biometric/genetic 0.938/0.910, criminal 1.000/0.905, password
# 0.953/0.762, phone 1.000/0.976, email, IBAN and NIR 1.000/1.000, card 1.000/0.950); then its
# rules tuned on. The classifier was not retrained with it: trained with this split, it cost the
# judge (the sixth split) two notes each of ethnic origin and criminal (F1 -0.02), so the shipped
# model stays. Floors at what the detectors reach, rounded down (religion recall 0.917: "goes to
# shul", "cacher strict" and principled minimalism, left for a later round).
DEV11_FLOORS = {
    "micro": (0.99, 0.96),
    "lang:fr": (0.98, 0.96),
    "lang:en": (0.99, 0.95),
    "health": (0.96, 0.94),
    "religion": (0.98, 0.91),
    "political_opinion": (0.99, 0.90),
    "union_membership": (0.99, 0.97),
    "ethnic_origin": (0.99, 0.97),
    "sexual_orientation": (0.99, 0.95),
    "biometric_genetic": (0.99, 0.98),
    "criminal": (0.99, 0.94),
    "card_number": (0.99, 0.95),
    "iban": (0.99, 0.99),
    "nir": (0.99, 0.99),
    "password": (0.99, 0.97),
    "phone": (0.99, 0.97),
    "email": (0.99, 0.99),
}

# The twelfth (tests/data/detection_dev12.md, 2,602 rows, weighted toward the boundary of health
# data, ethnic origin said indirectly, criminal, biometric and genetic with their look-alikes),
# measured before any tuning on it, rules and the classifier as shipped: micro precision 0.933,
# recall 0.910 (health 0.844/0.912, religion 0.935/0.966, political 0.949/0.860, union
# 1.000/0.976, ethnic 0.981/0.779, orientation 0.976/0.920, biometric/genetic 0.885/0.879,
# criminal 0.967/0.885, password 1.000/0.929, phone and email 1.000/0.976, card, IBAN and NIR
# 1.000/1.000); then its health, biometric/genetic, criminal and ethnic rules tuned on. The
# classifier was not retrained with it: trained with the eleventh and twelfth splits, it cost the
# judge ethnic origin precision (0.952 -> 0.909) and criminal recall (0.925 -> 0.887). Floors at
# what the detectors reach, rounded down; political opinion, religion, orientation and passwords
# were not tuned on it (political recall 0.860); the thirteenth round's political and password
# rules, tuned on the thirteenth split, lifted them here to 0.950 / 0.884 and 1.000 / 0.976.
DEV12_FLOORS = {
    "micro": (0.97, 0.96),
    "lang:fr": (0.96, 0.96),
    "lang:en": (0.97, 0.95),
    "health": (0.93, 0.96),  # 0.969: the classifier retrained on relabelled genetic rows
    "religion": (0.93, 0.96),
    "political_opinion": (0.95, 0.88),
    "union_membership": (0.99, 0.97),
    "ethnic_origin": (0.99, 0.94),
    "sexual_orientation": (0.97, 0.91),
    "biometric_genetic": (0.99, 0.96),
    "criminal": (0.99, 0.99),
    "card_number": (0.99, 0.99),
    "iban": (0.99, 0.99),
    "nir": (0.99, 0.99),
    "password": (0.99, 0.97),
    "phone": (0.99, 0.97),
    "email": (0.99, 0.97),
}

# The thirteenth (tests/data/detection_dev13.md, 2,602 rows, weighted toward passwords and other
# secrets, the boundary of health data, biometric and genetic with their look-alikes), measured
# before any tuning on it, rules and the classifier as shipped: micro precision 0.946, recall
# 0.885 (health 0.919/0.904, religion 0.935/0.915, political 1.000/0.830, union 1.000/0.978,
# ethnic 0.952/0.769, orientation 0.987/0.806, biometric/genetic 0.862/0.941, criminal
# 0.941/0.960, password 0.942/0.693, card 1.000/0.978, IBAN and NIR 1.000/1.000, phone
# 1.000/0.896, email 1.000/0.979); then every family tuned on (rules only, the classifier as
# shipped). Floors at what the detectors reach, rounded down.
DEV13_FLOORS = {
    "micro": (0.98, 0.98),
    "lang:fr": (0.98, 0.98),
    "lang:en": (0.98, 0.98),
    "health": (0.97, 0.98),  # 0.978: the same retrained classifier
    "religion": (0.94, 0.98),
    "political_opinion": (0.99, 0.95),
    "union_membership": (0.99, 0.97),
    "ethnic_origin": (0.96, 0.96),
    "sexual_orientation": (0.98, 0.98),
    "biometric_genetic": (0.99, 0.99),
    "criminal": (0.99, 0.99),
    "card_number": (0.99, 0.99),
    "iban": (0.99, 0.99),
    "nir": (0.99, 0.99),
    "password": (0.99, 0.98),
    "phone": (0.99, 0.95),
    "email": (0.99, 0.97),
}

# The fourteenth (tests/data/detection_dev14.md, 2,099 rows, weighted toward the boundary of
# health data: remarks about people in general, third parties and health workers, rows of two
# families, clinical shorthand; biometric look-alikes and secrets), measured before any tuning
# on it, rules and the classifier as shipped: micro precision 0.914, recall 0.883 (health
# 0.843/0.875, religion 0.889/0.930, political 0.971/0.805, union 0.974/0.950, ethnic
# 0.880/0.550, orientation 0.885/0.831, biometric/genetic 0.935/0.906, criminal 0.939/0.939,
# password 0.976/0.792, card 0.976/1.000, IBAN and NIR 1.000/1.000, phone 1.000/0.925, email
# 1.000/1.000); then health, biometric/genetic, passwords and religion tuned on (rules only),
# the other families left as measured. Floors at what the detectors reach, rounded down.
DEV14_FLOORS = {
    "micro": (0.95, 0.90),
    "lang:fr": (0.96, 0.90),
    "lang:en": (0.95, 0.89),
    "health": (0.93, 0.91),
    "religion": (0.94, 0.93),
    "political_opinion": (0.97, 0.80),
    "union_membership": (0.97, 0.95),
    "ethnic_origin": (0.88, 0.55),
    "sexual_orientation": (0.94, 0.83),
    "biometric_genetic": (0.98, 0.93),
    "criminal": (0.93, 0.93),
    "card_number": (0.97, 1.00),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (0.97, 0.85),
    "phone": (1.00, 0.92),
    "email": (1.00, 1.00),
}

# The fifteenth (tests/data/detection_dev15.md, 2,268 rows, weighted toward health with negatives
# of many kinds, biometric and genetic look-alikes and secrets), measured before any tuning on
# it, after the fourteenth round's rules: micro precision 0.929, recall 0.914 (health
# 0.868/0.918, religion 0.941/0.964, political 0.946/0.854, union 1.000/0.878, ethnic
# 0.929/0.591, orientation 0.936/0.890, biometric/genetic 0.885/0.989, criminal 0.932/1.000,
# password 0.971/0.850, card 1.000/0.976, IBAN and NIR 1.000/1.000, phone 1.000/0.927, email
# 1.000/0.951); with the rules before that round, 0.929 / 0.911 (health 0.867/0.915, password
# 0.971/0.833). Then health, biometric/genetic and passwords tuned on (rules only). Floors at
# what the detectors reach, rounded down.
DEV15_FLOORS = {
    "micro": (0.94, 0.91),
    "lang:fr": (0.94, 0.93),
    "lang:en": (0.93, 0.90),
    "health": (0.89, 0.91),
    "religion": (0.94, 0.96),
    "political_opinion": (0.94, 0.85),
    "union_membership": (1.00, 0.87),
    "ethnic_origin": (0.92, 0.59),
    "sexual_orientation": (0.93, 0.89),
    "biometric_genetic": (0.92, 0.98),
    "criminal": (0.93, 1.00),
    "card_number": (1.00, 0.97),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (0.97, 0.90),
    "phone": (1.00, 0.92),
    "email": (1.00, 0.95),
}

# The sixteenth (tests/data/detection_dev16.md, 2,278 rows, written under the amended genetic
# convention: a finding of a disease risk is genetic and health), measured before any tuning on
# it with the rules and classifier of the fifteenth round: micro precision 0.956, recall 0.902
# (health 0.920/0.923, password 0.957/0.733, religion 0.940/0.940, political 0.971/0.810, union
# 1.000/0.951, ethnic 0.906/0.690, orientation 0.986/0.831, biometric/genetic 0.950/0.950,
# criminal 0.976/1.000, card 1.000/0.976, IBAN, NIR and email 1.000/1.000, phone 1.000/0.976);
# 0.957/0.909 once the convention was read (health 0.925/0.947). Then passwords and health
# tuned on (rules only). Floors at what the detectors reach, rounded down.
DEV16_FLOORS = {
    "micro": (0.96, 0.93),
    "lang:fr": (0.96, 0.94),
    "lang:en": (0.95, 0.93),
    "health": (0.93, 0.98),
    "religion": (0.94, 0.94),
    "political_opinion": (0.97, 0.80),
    "union_membership": (1.00, 0.95),
    "ethnic_origin": (0.90, 0.69),
    "sexual_orientation": (0.98, 0.83),
    "biometric_genetic": (0.95, 0.95),
    "criminal": (0.97, 1.00),
    "card_number": (1.00, 0.97),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (0.96, 0.91),
    "phone": (1.00, 0.97),
    "email": (1.00, 1.00),
}

# The seventeenth (tests/data/detection_dev17.md, 2,292 rows, weighted toward secrets), not tuned
# on for passwords or health in the sixteenth round: it measured what that round carried. Before
# it (the fifteenth round's rules and classifier): micro 0.939 / 0.913 (health 0.875/0.919,
# password 0.981/0.832, criminal 0.792/0.905, biometric/genetic 0.912/0.933, ethnic 0.971/0.791,
# orientation 0.935/0.867); after: 0.938 / 0.927 (health 0.872/0.942, password 0.982/0.880). Its
# biometric/genetic false alarms were studied then (precision 0.912 -> 0.988), its health false
# alarms in the seventeenth round (0.872 -> 0.921). Floors at what the detectors reach, rounded
# down, so that a later change cannot lose what it holds unnoticed.
DEV17_FLOORS = {
    "micro": (0.95, 0.92),
    "lang:fr": (0.95, 0.92),
    "lang:en": (0.95, 0.92),
    "health": (0.92, 0.94),
    "religion": (0.98, 0.92),
    "political_opinion": (0.95, 0.92),
    "union_membership": (1.00, 0.95),
    "ethnic_origin": (0.97, 0.79),
    "sexual_orientation": (0.93, 0.86),
    "biometric_genetic": (1.00, 0.93),
    "criminal": (0.79, 0.90),
    "card_number": (1.00, 1.00),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (0.98, 0.88),
    "phone": (1.00, 1.00),
    "email": (1.00, 1.00),
}

# The eighteenth (tests/data/detection_dev18.md, 2,260 rows, weighted toward the boundary of
# health data and biometric/genetic look-alikes). Measured before any tuning on it, with the
# sixteenth round's rules and classifier: micro 0.855 / 0.922 (health 0.802/0.917,
# biometric/genetic 0.894/0.930, religion 0.686/0.883, criminal 0.712/0.860, orientation
# 0.804/0.871, ethnic 0.974/0.822, password 0.932/0.976); with the seventeenth round, studied on
# dev17 only: 0.859 / 0.920 (health 0.814/0.910). Then its health and biometric/genetic false
# alarms were studied (the eighteenth round): micro 0.903 / 0.937, health 0.938 / 0.951,
# biometric/genetic 0.970 / 0.980. Its religion, criminal and orientation errors are unstudied.
DEV18_FLOORS = {
    "micro": (0.90, 0.93),
    "lang:fr": (0.89, 0.94),
    "lang:en": (0.90, 0.92),
    "health": (0.93, 0.95),
    "religion": (0.68, 0.88),
    "political_opinion": (1.00, 0.85),
    "union_membership": (0.91, 1.00),
    "ethnic_origin": (0.97, 0.82),
    "sexual_orientation": (0.80, 0.87),
    "biometric_genetic": (0.97, 0.98),
    "criminal": (0.71, 0.86),
    "card_number": (1.00, 0.92),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (0.93, 0.97),
    "phone": (1.00, 1.00),
    "email": (1.00, 1.00),
}

# The nineteenth (tests/data/detection_dev19.md, 2,244 rows, 60.6% negatives, most hard negatives
# minimal contrasts of their positive: the same sentence with a few words changed). Measured
# before the seventeenth round: micro 0.812 / 0.907 (health 0.706/0.893, biometric/genetic
# 0.559/0.950); after it 0.816 / 0.907 (health 0.719/0.893); after the eighteenth 0.821 / 0.908
# (health 0.728/0.897, biometric/genetic 0.563/0.950): the two rounds carried little to minimal
# contrasts. Then its biometric/genetic false alarms were studied (a genetic-testing desk named
# by "DNA", a visa centre's biometrics slot, projects not in use, documents about a topic):
# biometric/genetic 0.760 / 0.950, micro 0.854 / 0.907. Then some of its health false alarms: a
# desk's tag ("kiné :", "OH:"), documents about a topic, figures of speech the model read as
# health ("pregnant with ideas", "sourd aux relances"): health 0.736 / 0.893 -> 0.803 / 0.886,
# micro 0.879 / 0.905. Left: a physiotherapy desk's sessions that name no condition, health
# professionals named by their job.
DEV19_FLOORS = {
    "micro": (0.87, 0.90),
    "lang:fr": (0.87, 0.90),
    "lang:en": (0.88, 0.89),
    "health": (0.80, 0.88),
    "religion": (0.88, 0.88),
    "political_opinion": (0.96, 0.80),
    "union_membership": (0.97, 0.97),
    "ethnic_origin": (0.93, 0.71),
    "sexual_orientation": (0.90, 0.80),
    "biometric_genetic": (0.76, 0.95),
    "criminal": (0.87, 0.90),
    "card_number": (1.00, 1.00),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (0.97, 0.95),
    "phone": (0.89, 0.97),
    "email": (1.00, 1.00),
}

# The twentieth (tests/data/detection_dev20.md, 1,924 rows, 55.6% negatives, minimal contrasts in
# fourteen more industries), not studied: it measures what the last three rounds carried. Before
# them (36bb533): micro 0.919 / 0.945 (health 0.841/0.945, biometric/genetic 0.870/0.976); after
# the seventeenth and eighteenth: 0.927 / 0.947 (health 0.870/0.950, biometric/genetic
# 0.871/0.988); the nineteenth changed none of its rows. Studied in the twentieth round (a
# remark said of a thing): 0.933 / 0.947 (health 0.892/0.950); 0.936 / 0.947 (health
# 0.904/0.950) with the twenty-first. Floors at what the detectors reach, rounded down.
DEV20_FLOORS = {
    "micro": (0.93, 0.94),
    "lang:fr": (0.93, 0.94),
    "lang:en": (0.93, 0.95),
    "health": (0.90, 0.94),
    "religion": (0.89, 0.92),
    "political_opinion": (0.97, 0.97),
    "union_membership": (1.00, 0.97),
    "ethnic_origin": (0.97, 0.90),
    "sexual_orientation": (0.88, 0.86),
    "biometric_genetic": (0.87, 0.98),
    "criminal": (0.94, 0.87),
    "card_number": (1.00, 1.00),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (0.97, 0.90),
    "phone": (1.00, 0.95),
    "email": (1.00, 0.97),
}

# The twenty-first (tests/data/detection_dev21.md, 2,060 rows, 55.4% negatives, minimal contrasts
# in eleven more industries, weighted toward the boundary of health data), measured before any
# study of it: micro 0.920 / 0.934 (health 0.874/0.912, religion 0.775/0.952); 0.922 / 0.934
# (health 0.880/0.912) with the twentieth round, studied on dev20 before dev21 was read.
# Studied in the twenty-first round (health): 0.950 / 0.934 (health 0.977/0.912).
DEV21_FLOORS = {
    "micro": (0.94, 0.93),
    "lang:fr": (0.96, 0.94),
    "lang:en": (0.93, 0.92),
    "health": (0.97, 0.91),
    "religion": (0.77, 0.95),
    "political_opinion": (0.88, 0.92),
    "union_membership": (0.97, 0.97),
    "ethnic_origin": (1.00, 0.86),
    "sexual_orientation": (0.94, 0.86),
    "biometric_genetic": (0.95, 0.93),
    "criminal": (0.95, 0.95),
    "card_number": (0.97, 1.00),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (0.97, 0.88),
    "phone": (1.00, 0.97),
    "email": (1.00, 1.00),
}

# The twenty-second (tests/data/detection_dev22.md, 2,144 rows, 56.1% negatives, half minimal
# contrasts and half natural hard negatives, ten more industries), not studied: it measures what
# the twentieth and twenty-first rounds carried. Before them (a88f486): micro 0.767 / 0.899
# (health 0.530/0.922); after them 0.768 / 0.900 (health 0.532/0.926). 135 of its 166 health
# false alarms are notes of a retirement home's desk ("EHPAD :", residents), read as health by
# the convention of dev6 and dev7 that living in a care home is health data, which this split's
# writer did not share. Studied in the twenty-second round (its health false alarms outside that
# desk): 0.784 / 0.900 (health 0.571/0.926). Floors at what the detectors reach, rounded down.
DEV22_FLOORS = {
    "micro": (0.78, 0.90),
    "lang:fr": (0.78, 0.91),
    "lang:en": (0.78, 0.88),
    "health": (0.57, 0.92),
    "religion": (0.82, 0.88),
    "political_opinion": (0.81, 0.80),
    "union_membership": (0.80, 0.90),
    "ethnic_origin": (0.83, 0.84),
    "sexual_orientation": (0.88, 0.79),
    "biometric_genetic": (0.80, 0.93),
    "criminal": (0.80, 0.87),
    "card_number": (1.00, 0.95),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (1.00, 0.82),
    "phone": (0.93, 1.00),
    "email": (0.97, 1.00),
}

# The twenty-third (tests/data/detection_dev23.md, 2,125 rows, 56.0% negatives, minimal contrasts
# and topical traps, twelve more industries), measured before it was studied: it measured what
# the twentieth to twenty-second rounds carried. Before them (a88f486): micro 0.893 / 0.915
# (health 0.829/0.930); after the twentieth and twenty-first 0.895 / 0.915 (health 0.839); after
# the twenty-second 0.897 / 0.915 (health 0.846/0.930). Studied in the twenty-third round:
# 0.921 / 0.915 (health 0.939/0.930). Floors at what the detectors reach, rounded down.
DEV23_FLOORS = {
    "micro": (0.92, 0.91),
    "lang:fr": (0.92, 0.91),
    "lang:en": (0.91, 0.91),
    "health": (0.93, 0.93),
    "religion": (0.85, 0.92),
    "political_opinion": (0.97, 0.84),
    "union_membership": (0.97, 0.93),
    "ethnic_origin": (0.88, 0.78),
    "sexual_orientation": (0.79, 0.78),
    "biometric_genetic": (0.88, 0.93),
    "criminal": (0.87, 0.91),
    "card_number": (1.00, 1.00),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (0.90, 0.81),
    "phone": (1.00, 1.00),
    "email": (1.00, 1.00),
}

# The twenty-fourth (tests/data/detection_dev24.md, 2,281 rows, 60.2% negatives, trades next to
# health: pharmacy wholesalers, dental labs, patient transport, hospital catering ..., with 467
# unpaired health-topical negatives), measured before it was studied (bea9cd1): micro 0.848 /
# 0.925 (health 0.658/0.927); after the twenty-third round 0.851 / 0.925 (health 0.666).
# Studied in the twenty-fourth: 0.909 / 0.925 (health 0.821/0.927).
DEV24_FLOORS = {
    "micro": (0.90, 0.92),
    "lang:fr": (0.89, 0.92),
    "lang:en": (0.92, 0.92),
    "health": (0.82, 0.92),
    "religion": (0.90, 0.92),
    "political_opinion": (0.97, 0.95),
    "union_membership": (1.00, 0.95),
    "ethnic_origin": (0.97, 0.82),
    "sexual_orientation": (0.86, 0.82),
    "biometric_genetic": (0.90, 0.93),
    "criminal": (0.95, 0.88),
    "card_number": (0.97, 1.00),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (0.97, 0.81),
    "phone": (0.91, 0.97),
    "email": (1.00, 1.00),
}

# The twenty-fifth (tests/data/detection_dev25.md, 2,480 rows, 62.1% negatives, every family,
# 351 topical traps, twelve more industries), not studied: it measures what the twenty-third and
# twenty-fourth rounds carried. Before them (bea9cd1): micro 0.948 / 0.942 (health
# 0.913/0.939); after them 0.949 / 0.942 (health 0.917/0.939).
DEV25_FLOORS = {
    "micro": (0.94, 0.94),
    "lang:fr": (0.95, 0.94),
    "lang:en": (0.94, 0.93),
    "health": (0.91, 0.93),
    "religion": (0.92, 0.92),
    "political_opinion": (0.97, 0.89),
    "union_membership": (1.00, 0.97),
    "ethnic_origin": (0.93, 0.92),
    "sexual_orientation": (0.88, 0.88),
    "biometric_genetic": (0.97, 0.94),
    "criminal": (0.92, 1.00),
    "card_number": (0.95, 0.97),
    "iban": (1.00, 1.00),
    "nir": (1.00, 1.00),
    "password": (0.97, 0.82),
    "phone": (1.00, 1.00),
    "email": (1.00, 1.00),
}

FAMILIES = [*ALL_LABELS, "micro", "lang:fr", "lang:en"]
FLOORS = {
    DEV: dict.fromkeys(FAMILIES, (MINIMUM, MINIMUM)),  # the 0.92 on the first split
    DEV2: DEV2_FLOORS,
    DEV3: DEV3_FLOORS,
    DEV4: DEV4_FLOORS,
    DEV5: DEV5_FLOORS,
    DEV7: DEV7_FLOORS,
    DEV8: DEV8_FLOORS,
    DEV9: DEV9_FLOORS,
    DEV10: DEV10_FLOORS,
    DEV11: DEV11_FLOORS,
    DEV12: DEV12_FLOORS,
    DEV13: DEV13_FLOORS,
    DEV14: DEV14_FLOORS,
    DEV15: DEV15_FLOORS,
    DEV16: DEV16_FLOORS,
    DEV17: DEV17_FLOORS,
    DEV18: DEV18_FLOORS,
    DEV19: DEV19_FLOORS,
    DEV20: DEV20_FLOORS,
    DEV21: DEV21_FLOORS,
    DEV22: DEV22_FLOORS,
    DEV23: DEV23_FLOORS,
    DEV24: DEV24_FLOORS,
    DEV25: DEV25_FLOORS,
}
# each split's size, share of negatives and paired hard negatives, as written
SHAPES = {
    DEV: (1500, 0.45, 300),
    DEV2: (1000, 0.40, 0),
    DEV3: (1500, 0.45, 400),
    DEV4: (1500, 0.45, 0),
    DEV5: (2500, 0.55, 1100),
    DEV7: (2100, 0.54, 990),
    DEV8: (2250, 0.52, 850),
    DEV9: (2500, 0.55, 1100),
    DEV10: (2500, 0.55, 1100),
    DEV11: (2500, 0.53, 1150),
    DEV12: (2600, 0.55, 1150),
    DEV13: (2600, 0.55, 1150),
    DEV14: (2000, 0.52, 950),
    DEV15: (2200, 0.54, 1000),
    DEV16: (2250, 0.54, 1030),
    DEV17: (2250, 0.54, 1030),
    DEV18: (2250, 0.58, 930),
    DEV19: (2240, 0.60, 880),
    DEV20: (1900, 0.55, 850),
    DEV21: (2050, 0.55, 900),
    DEV22: (2100, 0.55, 1200),
    DEV23: (2100, 0.55, 900),
    DEV24: (2250, 0.60, 900),
    DEV25: (2450, 0.62, 930),
}


@functools.cache
def split_scores(path: Path) -> tuple[Counter, Counter, Counter]:
    return scores(path)


@pytest.mark.parametrize("path", list(SHAPES), ids=lambda p: p.stem)
def test_the_split_is_large_bilingual_and_half_negative(path):
    size, negative_share, paired = SHAPES[path]
    data = rows(path)
    assert len(data) >= size
    assert {row["lang"] for row in data} == {"fr", "en"}
    negatives = [row for row in data if not row["labels"]]
    assert len(negatives) / len(data) >= negative_share
    assert sum(1 for row in negatives if row["pair"]) >= paired  # hard negatives paired


@pytest.mark.parametrize(
    ("path", "family"),
    [(path, family) for path, floors in FLOORS.items() for family in sorted(floors)],
    ids=lambda value: value.stem if isinstance(value, Path) else value,
)
def test_precision_and_recall_per_family(path, family, capsys):
    tp, fp, fn = split_scores(path)
    precision = tp[family] / (tp[family] + fp[family])
    recall = tp[family] / (tp[family] + fn[family])
    with capsys.disabled():
        print(f"\n{path.stem} {family:18} precision {precision:.3f} recall {recall:.3f}", end="")
    floor_p, floor_r = FLOORS[path][family]
    assert precision >= floor_p, (family, tp[family], fp[family])
    assert recall >= floor_r, (family, tp[family], fn[family])
