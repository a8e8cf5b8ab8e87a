"""Write tests/data/detection_dev2.md: fixed prose + tables from stats.py."""

import os
import subprocess
import sys

H = os.path.dirname(os.path.abspath(__file__))
stats = subprocess.run(
    [sys.executable, os.path.join(H, "stats.py")], capture_output=True, text=True, check=True
).stdout
prose = open(os.path.join(H, "md_template.md"), encoding="utf-8").read()
open(os.path.join(H, "..", "detection_dev2.md"), "w", encoding="utf-8").write(
    prose.replace("{{STATS}}", stats.strip())
)
