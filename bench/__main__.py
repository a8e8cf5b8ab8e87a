"""``python -m bench``: run the benchmarks, merge their sections into results.json, print a table.

Everything runs against scratch systems created for the run (two PostgreSQL databases on the
server of ``--pg-url``, a moto S3 server on a free port) and removed afterwards, so a
benchmark can never touch real data or the test suite's databases.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench import BENCHMARKS, load
from bench.context import ROOT, Context
from bench.harness import ScratchPostgres, git_revision, machine, moto_s3
from bench.results import over_budget, record, render_table

DEFAULT_PG_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"
RESULTS = ROOT / "bench" / "results.json"
# moto stores objects in one Python process and slows down as a bucket grows (about 10 objects
# a second towards 20,000 on a busy 2-core machine): the benchmarks need the planted subject's
# objects and those of the first few hundred customers (retention_purge's S3 sample), not more
DEFAULT_MAX_OBJECTS = 2_000


@dataclass(frozen=True)
class Scale:
    """What ``--scale`` runs; ``--customers``, ``--repeat`` and ``--only`` override it."""

    customers: int
    repeat: int
    only: tuple[str, ...] | None  # None: every benchmark
    max_objects: int = DEFAULT_MAX_OBJECTS


SCALES = {
    # make bench: every benchmark at 100,000 customers (target: 25 minutes on 2 cores; 7
    # measured on 2026-12-05, bench/README.md says where the time goes)
    "100k": Scale(100_000, 5, None),
    # the figures of record at 1,000,000 customers (bench/README.md); not for a shared machine
    "1m": Scale(
        1_000_000,
        3,
        ("demo_seed", "retention_purge", "subject_access", "minimisation", "subject_erasure"),
    ),
}


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--scale",
        choices=sorted(SCALES),
        default="100k",
        help="100k (default): every benchmark at 100,000 customers, --repeat 5; 1m: the figures"
        " of record at 1,000,000 customers, --repeat 3, only " + ", ".join(SCALES["1m"].only or ()),
    )
    parser.add_argument(
        "--customers", type=int, help="demo size (default: the scale's, 100000 or 1000000)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=BENCHMARKS,
        metavar="NAME",
        help=f"run only this benchmark (repeatable; default: the scale's): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the scratch databases (names printed; S3 objects go with the moto server)",
    )
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("GDPR_BENCH_PG_URL", DEFAULT_PG_URL),
        help="admin URL of the PostgreSQL server for scratch databases "
        "(env GDPR_BENCH_PG_URL; default %(default)s)",
    )
    parser.add_argument(
        "--max-objects",
        type=int,
        help=f"cap on demo S3 objects: moto is slow (default {DEFAULT_MAX_OBJECTS})",
    )
    parser.add_argument(
        "--repeat", type=int, help="timed runs after one warm-up (default: the scale's, 5 or 3)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="results file")
    parser.add_argument(
        "--strict", action="store_true", help="exit 3 if a figure is over its budget"
    )
    args = parser.parse_args(argv)
    scale = SCALES[args.scale]
    args.customers = scale.customers if args.customers is None else args.customers
    args.repeat = scale.repeat if args.repeat is None else args.repeat
    args.max_objects = scale.max_objects if args.max_objects is None else args.max_objects
    args.only = args.only or (list(scale.only) if scale.only else None)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.customers < 1 or args.max_objects < 0:
        parser.error("--customers must be at least 1 and --max-objects at least 0")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    names = [n for n in BENCHMARKS if not args.only or n in args.only]
    benchmarks = [load(n) for n in names]
    pg = ScratchPostgres(args.pg_url, keep=args.keep)
    try:
        server_version = pg.server_version()
    except sa.exc.OperationalError as exc:
        shown = sa.make_url(args.pg_url).render_as_string(hide_password=True)
        print(
            f"PostgreSQL is unreachable at {shown} (set --pg-url or GDPR_BENCH_PG_URL): "
            f"{str(exc.orig).strip().splitlines()[0] if exc.orig else exc}",
            file=sys.stderr,
        )
        return 2
    meta: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "git_rev": git_revision(str(ROOT)),
        "machine": machine(),
        "scale": {
            "name": args.scale,
            "customers": args.customers,
            "max_objects": args.max_objects,
            "benchmarks": names,
        },
        "postgresql": server_version,
        "repeat": args.repeat,
        # other work on the machine skews absolute times (ratios less so): say how busy it was
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }
    sections: dict[str, dict[str, Any]] = {}
    document: dict[str, Any] = {}
    try:
        with moto_s3() as endpoint:
            ctx = Context(args.customers, args.max_objects, args.repeat, pg, endpoint)
            for benchmark in benchmarks:
                print(f"== {benchmark.NAME}", file=sys.stderr, flush=True)
                began, load_at_start = time.perf_counter(), os.getloadavg()
                sections[benchmark.NAME] = benchmark.run(ctx)
                took = time.perf_counter() - began
                meta.setdefault("sections", {})[benchmark.NAME] = {
                    "seconds": round(took, 1),
                    "load_average_start": [round(x, 2) for x in load_at_start],
                    "load_average_end": [round(x, 2) for x in os.getloadavg()],
                }
                print(f"   {benchmark.NAME}: {took:.0f}s", file=sys.stderr, flush=True)
    finally:
        if args.keep and pg.created:
            print(f"kept scratch databases: {', '.join(pg.created)}", file=sys.stderr)
        pg.drop_all()
        meta["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
        if sections:  # a failing benchmark still leaves the figures of those before it
            document = record(args.out, sections, meta)
    print(render_table(document, list(sections)))
    print(f"\nwritten to {args.out}")
    over = [f"{name}.{key}" for name in sections for key in over_budget(document[name])]
    if over:
        print(f"over budget: {', '.join(over)}")
        return 3 if args.strict else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
