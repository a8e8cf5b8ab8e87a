"""Benchmark: one subject's access package (locate + export + package), against hand-written code.

``build_subject_package`` is what the DAG's tasks do, without Airflow's scheduling: resolve the
subject through the data map, stream every record to JSON and CSV, download the objects, write
the cover (French and English), schema and manifest, and zip. The baseline
(``raw_export``) is the same work written by hand for the demo schema: the hand-written look-ups
of bench/raw_resolution.py, then ``SELECT *`` by key per table into JSON and CSV, the objects
downloaded, a zip; no cover, no schema, no manifest. Both must export the same number of
records and objects per dataset, or the run fails.

Peak memory is measured in a fresh child process, for the planted subject and for a subject
given 100,000 extra tickets (``subject_resolution.large_subject``), where a list-building
export would grow with the subject and a streaming one does not.
"""

from __future__ import annotations

import csv
import json
import tempfile
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.context import Context
from bench.harness import compare_timings, run_in_child
from bench.raw_resolution import PRIMARY_KEYS, resolve_raw
from bench.results import Budget, Row, finish_section
from bench.subject_resolution import LARGE_SUBJECT_TICKETS, Systems, Target, large_subject

NAME = "subject_access"
BUDGETS = {
    "seconds": Budget("<=", 3),
    "ratio_vs_raw_queries": Budget("<=", 3),
    "large_subject_peak_rss_mb": Budget("<", 300),
    "peak_rss_mb": Budget("<", 300),
}
ROWS = [
    Row("seconds", "s", "raw_queries_seconds", "ratio_vs_raw_queries"),
    Row("peak_rss_mb", "MB", "raw_queries_peak_rss_mb", "peak_rss_ratio_vs_raw_queries"),
    Row("records", "records", "raw_queries_records"),
    Row("package_bytes", "bytes"),
    Row(
        "large_subject_seconds",
        "s",
        "large_subject_raw_queries_seconds",
        "large_subject_ratio_vs_raw_queries",
    ),
    Row(
        "large_subject_peak_rss_mb",
        "MB",
        "large_subject_raw_queries_peak_rss_mb",
        "large_subject_peak_rss_ratio_vs_raw_queries",
    ),
    Row("large_subject_records", "records", "large_subject_raw_queries_records"),
]
WITHHELD = {"ticket_messages": {"agent_name"}}  # what the product leaves out (about others)
NOW = datetime(2026, 11, 22, tzinfo=UTC)


def ours(systems: Systems) -> dict[str, int]:
    from gdpr.access import RequestInfo, build_subject_package

    request = RequestInfo("R-2026-000001", "access", NOW, NOW + timedelta(days=30))
    with tempfile.TemporaryDirectory(prefix="bench-access-") as tmp:
        package = build_subject_package(
            systems.datamap,
            systems.connectors,
            systems.target.email,
            Path(tmp),
            kind="access",
            request=request,
            generated_at=NOW,
        )
        return {**package.counts, "_bytes": package.bytes}


def raw_export(systems: Systems) -> dict[str, int]:
    """The hand-written export: keys by raw look-ups, rows by key, objects, one zip."""
    target = systems.target
    keys = resolve_raw(
        systems.raw_crm, systems.raw_helpdesk, systems.s3, target.buckets, target.email
    )
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="bench-raw-") as tmp:
        root = Path(tmp) / "package"
        for dataset, found in keys.items():
            system, table = dataset.split(".")
            if system in ("crm", "helpdesk"):
                connection = systems.raw_crm if system == "crm" else systems.raw_helpdesk
                counts[dataset] = _raw_table(connection, table, found, root / system)
            else:
                bucket = target.buckets[system]
                for (key,) in sorted(found):
                    path = root / system / key
                    path.parent.mkdir(parents=True, exist_ok=True)
                    systems.s3.download_file(bucket, key, str(path))
                counts[dataset] = len(found)
        with zipfile.ZipFile(Path(tmp) / "package.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                archive.write(path, path.relative_to(root).as_posix())
        counts["_bytes"] = (Path(tmp) / "package.zip").stat().st_size
    return counts


def _raw_table(connection: Any, table: str, found: set, folder: Path) -> int:
    """``SELECT *`` by key through a server-side cursor (a transaction: named cursors need one)."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = sorted(k[0] for k in found)
    key = PRIMARY_KEYS[table]
    connection.autocommit = False
    try:
        with connection.cursor(name=f"export_{table}") as cursor:
            cursor.itersize = 1000
            cursor.execute(f"SELECT * FROM {table} WHERE {key} = ANY(%s) ORDER BY {key}", (ids,))
            return _write_rows(cursor, table, folder)
    finally:
        connection.rollback()
        connection.autocommit = True


def _write_rows(cursor: Any, table: str, folder: Path) -> int:
    rows = 0
    with (
        (folder / f"{table}.json").open("w", encoding="utf-8") as js,
        (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as cs,
    ):
        writer = csv.writer(cs)
        keep: list[int] = []
        columns: list[str] = []
        js.write("[")
        for row in cursor:
            if not columns:
                columns = [d[0] for d in cursor.description]
                keep = [i for i, c in enumerate(columns) if c not in WITHHELD.get(table, ())]
                writer.writerow([columns[i] for i in keep])
            record = {columns[i]: row[i] for i in keep}
            js.write(("," if rows else "") + "\n" + json.dumps(record, default=str))
            writer.writerow([row[i] for i in keep])
            rows += 1
        js.write("\n]\n")
    return rows


def _once_in_child(target: Target, side: str) -> dict[str, int]:
    systems = Systems(target)
    try:
        return ours(systems) if side == "ours" else raw_export(systems)
    finally:
        systems.close()


def _same(a: dict[str, int], b: dict[str, int]) -> None:
    a = {k: v for k, v in a.items() if not k.startswith("_")}
    b = {k: v for k, v in b.items() if not k.startswith("_")}
    if a != b:
        diff = {d: (a.get(d), b.get(d)) for d in sorted(set(a) | set(b)) if a.get(d) != b.get(d)}
        raise AssertionError(f"the package and the raw export disagree (ours, raw): {diff}")


def measure(target: Target, repeat: int, prefix: str = "") -> dict[str, Any]:
    systems = Systems(target)
    try:
        first_ours, first_raw = ours(systems), raw_export(systems)
        _same(first_ours, first_raw)
        timings = compare_timings(
            {"ours": lambda: ours(systems), "raw": lambda: raw_export(systems)}, repeat=repeat
        )
    finally:
        systems.close()
    ours_child = run_in_child(_once_in_child, target, "ours")
    raw_child = run_in_child(_once_in_child, target, "raw")
    records = sum(v for k, v in first_ours.items() if not k.startswith("_"))
    return {
        f"{prefix}seconds": timings["ours"].median,
        f"{prefix}seconds_best": timings["ours"].best,
        f"{prefix}raw_queries_seconds": timings["raw"].median,
        f"{prefix}raw_queries_seconds_best": timings["raw"].best,
        f"{prefix}peak_rss_mb": ours_child.peak_rss_mb,
        f"{prefix}rss_after_imports_mb": ours_child.rss_before_mb,
        f"{prefix}raw_queries_peak_rss_mb": raw_child.peak_rss_mb,
        f"{prefix}records": records,
        f"{prefix}raw_queries_records": sum(
            v for k, v in first_raw.items() if not k.startswith("_")
        ),
        f"{prefix}package_bytes": first_ours["_bytes"],
        f"{prefix}raw_package_bytes": first_raw["_bytes"],
    }


def run(ctx: Context) -> dict[str, Any]:
    from examples.retailer.planted import PLANTED_SUBJECT_EMAIL

    demo = ctx.demo()
    target = Target(
        demo.crm_url, demo.helpdesk_url, demo.s3_endpoint, demo.buckets, PLANTED_SUBJECT_EMAIL
    )
    figures: dict[str, Any] = {"customers": demo.customers, "repeat": ctx.repeat}
    figures |= measure(target, ctx.repeat)
    with large_subject(demo) as email:
        figures |= measure(replace(target, email=email), max(1, ctx.repeat // 3), "large_subject_")
    figures["large_subject_extra_tickets"] = LARGE_SUBJECT_TICKETS
    figures["notes"] = [
        "seconds: locate + export (JSON and CSV) + cover + schema + manifest + zip, no Airflow;"
        " median of the runs after one warm-up",
        "raw_queries_*: hand-written look-ups, SELECT * by key to JSON and CSV, objects, zip",
        "both sides must export the same number of records and objects per dataset",
        "peak_rss_mb: VmHWM of a fresh child process doing one package (imports included)",
        f"large_subject_*: a subject with {LARGE_SUBJECT_TICKETS:,} extra tickets",
    ]
    return finish_section(figures, ROWS, BUDGETS)
