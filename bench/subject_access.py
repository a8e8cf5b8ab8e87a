"""Benchmark: one subject's access package (locate + export + package), against hand-written code.

``build_subject_package`` is what the DAG's tasks do, without Airflow's scheduling: resolve the
subject through the data map, stream every record to JSON and CSV, download the objects, write
the cover (French and English), schema and manifest, and zip. The baseline
(``raw_export``) is the exporter a competent engineer writes by hand for the demo schema: ONE
``SELECT *`` per table by the subject's keys (the WHERE clauses of bench/raw_resolution.py's
look-ups, the keys of a table's parents collected while its rows stream to JSON and CSV), in
one read-only transaction per database; the objects whose keys the rows give (invoice PDFs,
call recordings, ticket attachments) fetched directly with one GET each, no listing; a zip; no
cover, schema or manifest. Both must export the same number of records and objects per
dataset, or the run fails.

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
from bench.raw_resolution import CRM_SQL, HELPDESK_SQL, PRIMARY_KEYS, counting
from bench.results import Budget, Row, finish_section, note_load
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
    Row("raw_queries_statements", "statements"),
    Row("raw_queries_s3_requests", "requests"),
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


# The hand-written exporter's order: a table after the tables whose keys its WHERE clause takes.
EXPORT_ORDER: tuple[tuple[str, str], ...] = tuple(
    [("crm", table) for table in CRM_SQL] + [("helpdesk", table) for table in HELPDESK_SQL]
)
# The columns collected while a table's rows stream: the keys later queries take (by parameter
# name in raw_resolution's SQL) and those object keys are built from.
COLLECT: dict[str, tuple[str, ...]] = {
    "customers": ("customer_id",),
    "prospects": ("prospect_id",),
    "orders": ("order_id",),
    "invoices": ("invoice_id", "customer_id"),
    "call_recordings": ("recording_id", "customer_id"),
    "tickets": ("ticket_id",),
    "ticket_attachments": ("attachment_id", "ticket_id"),
}
PARAMETER = {table: table for table in ("customers", "prospects", "orders", "tickets")}


def export_sql(table: str) -> str:
    """``SELECT *`` of a table with the WHERE clause of its hand-written look-up, by key order."""
    look_up = {**CRM_SQL, **HELPDESK_SQL}[table]
    where = look_up.split(" WHERE ", 1)[1]
    return f"SELECT * FROM {table} WHERE {where} ORDER BY {PRIMARY_KEYS[table]}"


def object_keys(collected: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[str]]:
    """The object keys the exported rows name, per S3 system (the demo's key templates)."""
    return {
        "invoice_archive": sorted(
            f"invoices/{c}/{i}.pdf" for i, c in collected["invoices"] if c is not None
        ),
        "call_audio": sorted(f"recordings/{c}/{r}.ogg" for r, c in collected["call_recordings"]),
        "helpdesk_files": sorted(f"tickets/{t}/{a}" for a, t in collected["ticket_attachments"]),
    }


S3_DATASETS = {
    "invoice_archive": "invoice_archive.invoice_pdfs",
    "call_audio": "call_audio.recordings",
    "helpdesk_files": "helpdesk_files.attachments",
}


def raw_export(systems: Systems, tally: dict[str, int] | None = None) -> dict[str, int]:
    """The hand-written exporter (see the module docstring); counts per dataset and ``_bytes``.

    ``tally`` (if given) receives the statements and S3 requests it sent."""
    target = systems.target
    counts: dict[str, int] = {}
    params: dict[str, Any] = {"email": target.email.strip().lower()}
    collected: dict[str, list[tuple[Any, ...]]] = {}
    connections = {"crm": systems.raw_crm, "helpdesk": systems.raw_helpdesk}
    requests = 0
    with tempfile.TemporaryDirectory(prefix="bench-raw-") as tmp:
        root = Path(tmp) / "package"
        for connection in connections.values():
            connection.autocommit = False  # one read-only transaction (named cursors need one)
            connection.set_session(readonly=True)
        try:
            with counting(*connections.values()) as sent:
                for system, table in EXPORT_ORDER:
                    with connections[system].cursor(name=f"export_{table}") as cursor:
                        cursor.itersize = 1000
                        cursor.execute(export_sql(table), params)
                        counts[f"{system}.{table}"], collected[table] = _write_rows(
                            cursor, table, root / system, COLLECT.get(table, ())
                        )
                    if table in PARAMETER:
                        params[PARAMETER[table]] = sorted({row[0] for row in collected[table]})
        finally:
            for connection in connections.values():
                connection.rollback()
                connection.set_session(readonly=False)
                connection.autocommit = True
        for system, keys in object_keys(collected).items():
            found = 0
            for key in keys:
                requests += 1
                try:
                    got = systems.s3.get_object(Bucket=target.buckets[system], Key=key)
                except systems.s3.exceptions.NoSuchKey:
                    continue  # not every record has its object (or it was deleted)
                path = root / system / key
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("wb") as out:
                    for chunk in got["Body"].iter_chunks(1 << 20):
                        out.write(chunk)
                found += 1
            counts[S3_DATASETS[system]] = found
        with zipfile.ZipFile(Path(tmp) / "package.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                archive.write(path, path.relative_to(root).as_posix())
        counts["_bytes"] = (Path(tmp) / "package.zip").stat().st_size
    if tally is not None:
        tally["statements"] = sent["statements"]
        tally["s3_requests"] = requests
    return counts


def _write_rows(
    cursor: Any, table: str, folder: Path, collect: tuple[str, ...] = ()
) -> tuple[int, list[tuple[Any, ...]]]:
    """Stream the cursor's rows to ``<table>.json`` and ``.csv``; the count and the ``collect``
    columns of every row."""
    folder.mkdir(parents=True, exist_ok=True)
    picked: list[tuple[Any, ...]] = []
    where: list[int] = []
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
                where = [columns.index(c) for c in collect]
                writer.writerow([columns[i] for i in keep])
            if where:
                picked.append(tuple(row[i] for i in where))
            record = {columns[i]: row[i] for i in keep}
            js.write(("," if rows else "") + "\n" + json.dumps(record, default=str))
            writer.writerow([row[i] for i in keep])
            rows += 1
        js.write("\n]\n")
    return rows, picked


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
    tally: dict[str, int] = {}
    try:
        first_ours, first_raw = ours(systems), raw_export(systems, tally)
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
        f"{prefix}raw_queries_statements": tally["statements"],
        f"{prefix}raw_queries_s3_requests": tally["s3_requests"],
    }


def run(ctx: Context) -> dict[str, Any]:
    from examples.retailer.planted import PLANTED_SUBJECT_EMAIL

    demo = ctx.demo()
    target = Target(
        demo.crm_url, demo.helpdesk_url, demo.s3_endpoint, demo.buckets, PLANTED_SUBJECT_EMAIL
    )
    figures: dict[str, Any] = {"customers": demo.customers, "repeat": ctx.repeat}
    figures |= measure(target, ctx.repeat)
    note_load(figures, *(row.measured for row in ROWS[:4]), "raw_queries_seconds")
    note_load(figures, "raw_queries_peak_rss_mb", "raw_queries_records")
    with large_subject(demo) as email:
        figures |= measure(replace(target, email=email), max(1, ctx.repeat // 3), "large_subject_")
    note_load(figures, *(key for key in figures if key.startswith("large_subject_")))
    figures["large_subject_extra_tickets"] = LARGE_SUBJECT_TICKETS
    figures["notes"] = [
        "seconds: locate + export (JSON and CSV) + cover + schema + manifest + zip, no Airflow;"
        " median of the runs after one warm-up",
        "raw_queries_*: the exporter written by hand: one SELECT * per table by the subject's"
        " keys (13 statements, keys of parents collected while rows stream), one read-only"
        " transaction per database, each known object key fetched with one GET (no listing),"
        " a zip; no cover, schema or manifest (raw_queries_statements, raw_queries_s3_requests"
        " count what it sent)",
        "load_average_1m: the 1-minute load average just after each figure was measured",
        "both sides must export the same number of records and objects per dataset",
        "peak_rss_mb: VmHWM of a fresh child process doing one package (imports included)",
        f"large_subject_*: a subject with {LARGE_SUBJECT_TICKETS:,} extra tickets",
    ]
    return finish_section(figures, ROWS, BUDGETS)
