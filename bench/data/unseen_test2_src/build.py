"""Build, validate and count bench/data/unseen_test2.tsv, the second held-out test split, from
the hand-written ``notes_*.txt`` beside this file: ``tests/data/detection_build.py`` (the
development splits' builder, which fills only identifier placeholders, checked with
python-stdnum) with this split's seeds and id prefix.

Run: ``.venv/bin/python bench/data/unseen_test2_src/build.py [--stats-md]``.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(
    0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "tests", "data")
)

from detection_build import build

if __name__ == "__main__":
    sys.exit(build(__file__, prefix="t2_", seed=2026120618, shuffle_seed=612))
