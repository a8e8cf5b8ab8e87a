"""Benchmark: erasing one subject, and a batch of approved subjects, against hand-written SQL.

``seconds``: the planted subject's erasure as the DAG's tasks do it without Airflow (no
scheduling, no wait for approval): ``preview`` (resolve + plan), ``apply_plan`` (batched,
transactional, hash-chained evidence in a PostgreSQL ledger) and ``verify_erasure`` (resolve
again).
The baseline (``raw_sql``) is the same erasure written by hand for the demo schema: the
hand-written look-ups of bench/raw_resolution.py, then one transaction per database deleting
children before parents and anonymising the kept rows (the columns the product's plan names),
with no plan, no evidence and no verification. Both must change the same number of rows per
table, or the run fails.

``subjects_per_second``: one batch of approved subjects (``gdpr.erasure.batch``: plan_batch,
apply_batch with per-subject evidence, verify_batch), against the same code erasing a sample of
other subjects one at a time (``one_by_one_subjects_per_second``).

Everything runs on copies of the seeded databases (``CREATE DATABASE ... TEMPLATE``), with the
data map's SQL systems only (moto answers each S3 listing by copying the whole bucket: see
retention_purge in bench/README.md). Erasure is destructive: the single erasure is run on
``SINGLE_ROUNDS`` fresh copies per side, alternately, and each side's median kept (with its
range); the batch is one run.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from bench.context import Context, SeededDemo
from bench.harness import time_once
from bench.raw_resolution import PRIMARY_KEYS, connect, resolve_raw
from bench.results import Budget, Row, finish_section
from bench.retention_purge import clone, drop
from bench.subject_resolution import Systems, Target
from gdpr.erasure.apply import apply_plan
from gdpr.erasure.plan import preview
from gdpr.erasure.verify import verify_erasure

NAME = "subject_erasure"
BATCH_SUBJECTS = 1000
ONE_BY_ONE_SAMPLE = 20
SINGLE_ROUNDS = 3  # fresh copies per side for the single erasure's median
NOW = datetime(2026, 11, 22, tzinfo=UTC)
BUDGETS = {
    "seconds": Budget("<=", 3),
    "ratio_vs_raw_sql": Budget("<=", 10),
    "batch_seconds_per_subject": Budget("<=", 0.01),  # at least 100 subjects per second
}
ROWS = [
    Row("seconds", "s", "raw_sql_seconds", "ratio_vs_raw_sql"),
    Row("rows_changed", "rows", "raw_sql_rows_changed"),
    Row(
        "subjects_per_second",
        "subjects/s",
        "one_by_one_subjects_per_second",
        "batch_speedup_vs_one_by_one",
    ),
    Row("batch_seconds_per_subject", "s"),
    Row("batch_rows_changed", "rows"),
]
# the demo schema's tables, children before parents (what the raw baseline deletes in order)
CRM_ORDER = [
    "call_evaluations",
    "call_recordings",
    "notes",
    "consents",
    "prospect_interactions",
    "orders",
    "customers",
    "prospects",
]
HELPDESK_ORDER = ["ticket_attachments", "ticket_messages", "tickets"]
ANONYMISED = ["invoices", "payments"]  # kept under the accounting obligation, anonymised


@contextmanager
def scratch(ctx: Context, demo: SeededDemo, suffix: str) -> Iterator[tuple[str, str]]:
    crm = clone(ctx.pg, demo.crm_url, f"se_crm_{suffix}")
    made = [crm]
    try:
        helpdesk = clone(ctx.pg, demo.helpdesk_url, f"se_helpdesk_{suffix}")
        made.append(helpdesk)
        yield crm, helpdesk
    finally:
        drop(ctx.pg, made)


@contextmanager
def _ledger(ctx: Context, suffix: str) -> Iterator[Any]:
    """A new ledger on PostgreSQL, as the production stack has it (docker-compose.yaml)."""
    from gdpr.connections import create_sql_engine
    from gdpr.ledger import Ledger, migrate

    url = ctx.pg.create(f"se_ledger_{suffix}")
    engine = create_sql_engine(url)
    try:
        migrate(engine)
        yield Ledger(engine)
    finally:
        engine.dispose()
        drop(ctx.pg, [url])


def _request(ledger: Any, email: str, n: int) -> str:
    from datetime import timedelta

    request_id = f"R-2026-{n:06d}"
    ledger.create_request(
        kind="erasure",
        subject_email=email,
        received_at=NOW,
        due_at=NOW + timedelta(days=30),
        channel="bench",
        request_id=request_id,
    )
    return request_id


def erase_one(systems: Systems, ledger: Any, email: str, request_id: str) -> dict[str, int]:
    """Preview + apply + verify, as the DAG's tasks do; rows changed per table."""
    datamap = systems.sql_datamap
    plan = preview(
        datamap,
        systems.connectors,
        ledger,
        subject_email=email,
        request_id=request_id,
        ground="a",
        now=NOW,
    )
    outcome = apply_plan(datamap, plan, systems.connectors, ledger)
    verify_erasure(datamap, plan, systems.connectors, identity="email", value=email)
    return {
        d.split(".", 1)[1]: sum(c.values()) for d, c in outcome.changed.items() if sum(c.values())
    }


def raw_erase(target: Target, anonymise: dict[str, list[str]]) -> dict[str, int]:
    """The hand-written erasure: look-ups, then one transaction per database."""
    crm, helpdesk = connect(target.crm_url), connect(target.helpdesk_url)
    try:
        keys = resolve_raw(crm, helpdesk, None, target.buckets, target.email, include_s3=False)
        ids = {d.split(".", 1)[1]: sorted(k[0] for k in found) for d, found in keys.items()}
        changed: dict[str, int] = {}
        crm.autocommit = helpdesk.autocommit = False
        with crm, crm.cursor() as cursor:
            for table in ANONYMISED:
                columns = anonymise.get(table)
                if columns and ids.get(table):
                    sets = ", ".join(f"{c} = NULL" for c in columns)
                    cursor.execute(
                        f"UPDATE {table} SET {sets} WHERE {PRIMARY_KEYS[table]} = ANY(%s)",
                        (ids[table],),
                    )
                    changed[table] = cursor.rowcount
            for table in CRM_ORDER:
                changed[table] = _delete(cursor, table, ids.get(table, []))
        with helpdesk, helpdesk.cursor() as cursor:
            for table in HELPDESK_ORDER:
                changed[table] = _delete(cursor, table, ids.get(table, []))
        return {t: n for t, n in changed.items() if n}
    finally:
        crm.close()
        helpdesk.close()


def _delete(cursor: Any, table: str, ids: list[Any]) -> int:
    if not ids:
        return 0
    cursor.execute(f"DELETE FROM {table} WHERE {PRIMARY_KEYS[table]} = ANY(%s)", (ids,))
    return cursor.rowcount


def _columns_anonymised(ctx: Context, systems: Systems, email: str) -> dict[str, list[str]]:
    """Which columns the product's plan empties in the kept tables (the baseline does as much)."""
    with _ledger(ctx, "columns") as ledger:
        _request(ledger, email, 1)
        plan = preview(
            systems.sql_datamap,
            systems.connectors,
            ledger,
            subject_email=email,
            request_id="R-2026-000001",
            ground="a",
            now=NOW,
        )
    return {
        d.dataset.split(".", 1)[1]: sorted(set(d.constant) | set(d.tokens))
        for d in plan.datasets
        if d.anonymise
    }


def single(ctx: Context, demo: SeededDemo, email: str) -> dict[str, Any]:
    """The planted subject erased by the product and by the hand-written SQL, each on
    ``SINGLE_ROUNDS`` fresh copies, alternately; the median of each side (one cold run is
    one sample of a noisy machine: the hand-written side alone ranged from 15 to 34 ms)."""
    ours_seconds: list[float] = []
    raw_seconds: list[float] = []
    for round_ in range(SINGLE_ROUNDS):
        with scratch(ctx, demo, f"product{round_}") as (crm, helpdesk):
            target = Target(crm, helpdesk, demo.s3_endpoint, demo.buckets, email)
            systems = Systems(target)
            try:
                anonymise = _columns_anonymised(ctx, systems, email)
                with _ledger(ctx, f"single{round_}") as ledger:
                    request_id = _request(ledger, email, 1)
                    ours, seconds = time_once(
                        lambda: erase_one(systems, ledger, email, request_id)  # noqa: B023
                    )
            finally:
                systems.close()
        ours_seconds.append(seconds)
        with scratch(ctx, demo, f"raw{round_}") as (crm, helpdesk):
            target = Target(crm, helpdesk, demo.s3_endpoint, demo.buckets, email)
            raw, seconds = time_once(lambda: raw_erase(target, anonymise))  # noqa: B023
        raw_seconds.append(seconds)
        if ours != raw:
            raise AssertionError(f"the erasures differ: product {ours}, hand-written {raw}")
    return {
        "seconds": statistics.median(ours_seconds),
        "raw_sql_seconds": statistics.median(raw_seconds),
        "seconds_range": [min(ours_seconds), max(ours_seconds)],
        "raw_sql_seconds_range": [min(raw_seconds), max(raw_seconds)],
        "load_average_1m_after_single": os.getloadavg()[0],
        "rows_changed": sum(ours.values()),
        "raw_sql_rows_changed": sum(raw.values()),
        "rows_changed_per_table": ours,
    }


def batch(ctx: Context, demo: SeededDemo) -> dict[str, Any]:
    """A batch of approved subjects against a sample of other subjects erased one at a time."""
    from gdpr.erasure.batch import Subject, apply_batch, plan_batch, verify_batch

    step = max(2, demo.customers // (BATCH_SUBJECTS + ONE_BY_ONE_SAMPLE))
    with scratch(ctx, demo, "batch") as (crm, helpdesk):
        systems = Systems(Target(crm, helpdesk, demo.s3_endpoint, demo.buckets, ""))
        raw = connect(crm)
        try:
            with raw.cursor() as cursor:
                cursor.execute(
                    "SELECT email FROM customers WHERE customer_id > 20 AND customer_id %% %s = 0"
                    " ORDER BY customer_id LIMIT %s",
                    (step, BATCH_SUBJECTS + ONE_BY_ONE_SAMPLE),
                )
                emails = [r[0] for r in cursor.fetchall()]
            sample, chosen = emails[:ONE_BY_ONE_SAMPLE], emails[ONE_BY_ONE_SAMPLE:]
            with _ledger(ctx, "batch") as ledger:
                requests = [_request(ledger, e, n) for n, e in enumerate(emails, start=1)]

                def one_by_one() -> None:
                    for email, request_id in zip(sample, requests, strict=False):
                        erase_one(systems, ledger, email, request_id)

                _, sample_seconds = time_once(one_by_one)
                subjects = [
                    Subject(r, e) for r, e in zip(requests[ONE_BY_ONE_SAMPLE:], chosen, strict=True)
                ]
                datamap = systems.sql_datamap

                phases: dict[str, float] = {}

                def erase_batch() -> Any:
                    plan, phases["batch_plan_seconds"] = time_once(
                        lambda: plan_batch(
                            datamap, systems.connectors, ledger, subjects, ground="a", now=NOW
                        ),
                        collect=False,
                    )
                    outcome, phases["batch_apply_seconds"] = time_once(
                        lambda: apply_batch(datamap, plan, systems.connectors, ledger),
                        collect=False,
                    )
                    _, phases["batch_verify_seconds"] = time_once(
                        lambda: verify_batch(datamap, plan, systems.connectors, subjects),
                        collect=False,
                    )
                    return outcome

                outcome, seconds = time_once(erase_batch)
        finally:
            raw.close()
            systems.close()
    return {
        "batch_subjects": len(subjects),
        "batch_seconds": seconds,
        "subjects_per_second": len(subjects) / seconds,
        "batch_seconds_per_subject": seconds / len(subjects),
        "batch_rows_changed": outcome.total,
        **phases,
        "one_by_one_sample": len(sample),
        "one_by_one_subjects_per_second": len(sample) / sample_seconds,
        "load_average_1m_after_batch": os.getloadavg()[0],
    }


def run(ctx: Context) -> dict[str, Any]:
    from examples.retailer.planted import PLANTED_SUBJECT_EMAIL

    demo = ctx.demo()
    figures: dict[str, Any] = {"customers": demo.customers}
    figures |= single(ctx, demo, PLANTED_SUBJECT_EMAIL)
    figures |= batch(ctx, demo)
    figures["notes"] = [
        "seconds: preview + apply + verify of the planted subject, no Airflow, no approval wait;"
        " one run on a fresh copy of the databases (erasure is destructive)",
        "raw_sql_*: hand-written look-ups, then one transaction per database: UPDATE the kept"
        " tables' anonymised columns, DELETE children before parents; no plan, evidence or check",
        "both sides must change the same rows per table",
        f"subjects_per_second: gdpr.erasure.batch on {BATCH_SUBJECTS} approved subjects (plan,"
        " apply with per-subject evidence, verify); one_by_one_*: the single-subject code on"
        f" {ONE_BY_ONE_SAMPLE} other subjects of the same copy",
        "SQL systems only (S3 listings on moto copy the whole bucket); ledger on PostgreSQL, as"
        " in the production stack (a SQLite ledger commits each evidence row ~3x slower)",
    ]
    return finish_section(figures, ROWS, BUDGETS)
