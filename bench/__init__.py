"""The product's benchmarks, run by ``make bench`` (``python -m bench``).

Speed and memory are stated as budgets against a baseline measured in the same run (ratios,
not absolute times, so the figures mean something on any machine) and written to
bench/results.json; nothing here is a timed test assertion.

Adding a benchmark: a module ``bench/<name>.py`` with ``NAME = "<name>"`` and
``run(ctx: bench.context.Context) -> dict`` returning its section (build it with
``bench.results.finish_section``), and its name in ``BENCHMARKS`` below. Order matters only
in that ``demo_seed`` comes first: it seeds the data the others read.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol

BENCHMARKS: tuple[str, ...] = (
    "demo_seed",
    "subject_resolution",
    "retention_purge",
    "subject_access",
    "minimisation",
    "subject_erasure",
    "deadline_watch",
    "request_intake",
    "rt",
)


class Benchmark(Protocol):
    NAME: str

    def run(self, ctx: Any) -> dict[str, Any]: ...


def load(name: str) -> Benchmark:
    """The benchmark module called ``name`` (imported only when it is run)."""
    if name not in BENCHMARKS:
        raise KeyError(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}")
    module: Any = importlib.import_module(f"bench.{name}")
    if getattr(module, "NAME", None) != name or not callable(getattr(module, "run", None)):
        raise TypeError(f"bench/{name}.py must define NAME = {name!r} and run(ctx)")
    return module
