"""Build, validate and count tests/data/detection_dev25.tsv, the twenty-fifth split, from the
``notes_*.txt`` beside this file: ``tests/data/detection_build.py`` with this split's seeds and
id prefix.

Run: ``.venv/bin/python tests/data/detection_dev25_src/build.py [--stats-md]``.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from detection_build import build

if __name__ == "__main__":
    sys.exit(build(__file__, prefix="i", seed=25251207, shuffle_seed=2525))
