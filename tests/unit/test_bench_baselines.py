"""bench: the command line's scales, and the hand-written exporter's queries.

Pure logic: no database, no S3, no timing (the baselines themselves run in ``make bench``,
where each one's effect is checked against the product's before any ratio is written).
"""

from __future__ import annotations

import re

from bench.__main__ import DEFAULT_MAX_OBJECTS, SCALES, parse_args
from bench.raw_resolution import CRM_SQL, HELPDESK_SQL
from bench.subject_access import EXPORT_ORDER, PARAMETER, export_sql, object_keys


def test_make_bench_defaults_to_every_benchmark_at_100k_with_few_objects():
    args = parse_args([])
    assert (args.scale, args.customers, args.repeat, args.only) == ("100k", 100_000, 5, None)
    assert args.max_objects == DEFAULT_MAX_OBJECTS <= 2_000


def test_scale_1m_runs_the_figures_of_record_and_flags_override_it():
    args = parse_args(["--scale", "1m"])
    assert (args.customers, args.repeat) == (1_000_000, 3)
    assert args.only == list(SCALES["1m"].only or ())
    assert "retention_purge" in args.only
    assert "deadline_watch" not in args.only
    args = parse_args(["--scale", "1m", "--customers", "2000", "--only", "demo_seed"])
    assert (args.customers, args.only) == (2000, ["demo_seed"])


def test_the_exporter_sends_one_select_per_table_with_the_look_ups_where_clause():
    look_ups = {**CRM_SQL, **HELPDESK_SQL}
    assert [table for _, table in EXPORT_ORDER] == list(look_ups)
    for table, sql in look_ups.items():
        exported = export_sql(table)
        assert exported.startswith(f"SELECT * FROM {table} WHERE ")
        assert sql.split(" WHERE ", 1)[1] in exported


def test_the_exporter_reads_a_table_after_the_tables_whose_keys_it_takes():
    seen: set[str] = {"email"}
    for _, table in EXPORT_ORDER:
        wanted = set(re.findall(r"%\((\w+)\)s", export_sql(table)))
        assert wanted <= seen, (table, wanted - seen)
        if table in PARAMETER:
            seen.add(PARAMETER[table])


def test_object_keys_follow_the_demo_key_templates():
    keys = object_keys(
        {
            "invoices": [(7, 3), (8, None)],  # an invoice without a customer has no PDF key
            "call_recordings": [(5, 3)],
            "ticket_attachments": [(9, 4)],
        }
    )
    assert keys == {
        "invoice_archive": ["invoices/3/7.pdf"],
        "call_audio": ["recordings/3/5.ogg"],
        "helpdesk_files": ["tickets/4/9"],
    }
