"""bench/results.py: merging keeps other benchmarks' sections, ratios and budget flags are right.

Pure logic: no database, no S3, and no timing (budgets are checked by ``make bench``, never by
a test).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.results import (
    Budget,
    Row,
    finish_section,
    load,
    merge,
    over_budget,
    ratio,
    record,
    render_table,
)

META = {"date": "2025-06-15T12:00:00+00:00", "git_rev": "abc1234", "scale": {"customers": 20}}
ROWS = [
    Row("seconds", "s", "raw_queries_seconds", "ratio_vs_raw_queries"),
    Row("records", "records"),
]


def test_ratio_is_measured_over_baseline_and_none_without_a_baseline():
    assert ratio(0.3, 0.1) == pytest.approx(3.0)
    assert ratio(0.3, 0) is None
    assert ratio(None, 0.1) is None
    assert ratio(0.3, None) is None


@pytest.mark.parametrize(
    ("budget", "value", "holds"),
    [
        (Budget("<=", 3), 3.0, True),
        (Budget("<=", 3), 3.0001, False),
        (Budget("<", 300), 299.9, True),
        (Budget("<", 300), 300.0, False),
        (Budget("<", 300), None, False),  # not measured is not within budget
    ],
)
def test_budget_bounds(budget, value, holds):
    assert budget.holds(value) is holds


def test_budget_round_trips_through_json():
    budget = Budget("<", 300)
    assert Budget.from_json(json.loads(json.dumps(budget.as_json()))) == budget
    assert str(Budget("<=", 3)) == "<= 3"


def test_section_computes_ratios_and_flags_from_the_written_figures():
    section = finish_section(
        {"seconds": 0.05, "raw_queries_seconds": 0.02, "records": 41, "peak_rss_mb": 310.0},
        [*ROWS, Row("peak_rss_mb", "MB")],
        {"ratio_vs_raw_queries": Budget("<=", 3), "peak_rss_mb": Budget("<", 300)},
    )
    assert section["ratio_vs_raw_queries"] == pytest.approx(2.5)
    assert section["within_budget"] == {"ratio_vs_raw_queries": True, "peak_rss_mb": False}
    assert section["budget"]["peak_rss_mb"] == {"op": "<", "limit": 300}
    assert over_budget(section) == ["peak_rss_mb"]
    assert section["table"]["seconds"]["baseline"] == "raw_queries_seconds"


def test_ratio_over_budget_is_flagged():
    section = finish_section(
        {"seconds": 0.4, "raw_queries_seconds": 0.1},
        ROWS[:1],
        {"ratio_vs_raw_queries": Budget("<=", 3)},
    )
    assert section["ratio_vs_raw_queries"] == pytest.approx(4.0)
    assert section["within_budget"] == {"ratio_vs_raw_queries": False}


def test_a_budget_on_a_missing_figure_is_a_mistake():
    with pytest.raises(KeyError, match="peak_rss_mb"):
        finish_section({"seconds": 1.0}, [Row("seconds", "s")], {"peak_rss_mb": Budget("<", 300)})


def test_merge_replaces_only_the_sections_run_and_keeps_the_others():
    existing = {
        "meta": {"date": "old"},
        "retention_purge": {"seconds": 9.0, "run": {"date": "old"}},
        "subject_resolution": {"seconds": 1.0},
    }
    merged = merge(existing, {"subject_resolution": {"seconds": 0.5}}, META)
    assert merged["meta"] == META
    assert merged["retention_purge"] == {"seconds": 9.0, "run": {"date": "old"}}
    assert merged["subject_resolution"] == {"seconds": 0.5, "run": META}
    assert existing["subject_resolution"] == {"seconds": 1.0}  # the input is not modified


def test_meta_is_not_a_section_name():
    with pytest.raises(ValueError, match="reserved"):
        merge({}, {"meta": {}}, META)


def test_record_reads_merges_and_writes_back(tmp_path: Path):
    path = tmp_path / "results.json"
    record(path, {"demo_seed": {"rows": 10}}, META)
    record(path, {"subject_resolution": {"records": 41}}, META | {"date": "later"})
    document = json.loads(path.read_text())
    assert set(document) == {"meta", "demo_seed", "subject_resolution"}
    assert document["demo_seed"]["run"]["date"] == META["date"]
    assert document["subject_resolution"]["run"]["date"] == "later"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_unreadable_results_start_afresh(tmp_path: Path):
    path = tmp_path / "results.json"
    path.write_text("{not json")
    assert load(path) == {}
    assert load(tmp_path / "missing.json") == {}


def test_table_shows_figure_baseline_ratio_budget_and_verdict():
    section = finish_section(
        {"seconds": 0.05, "raw_queries_seconds": 0.02, "records": 41},
        ROWS,
        {"ratio_vs_raw_queries": Budget("<=", 3)},
    )
    section["load_average_1m"] = {"seconds": 1.25, "raw_queries_seconds": 2.5, "records": 0.5}
    table = render_table({"subject_resolution": section}, ["subject_resolution"])
    header, _rule, seconds, records = table.splitlines()
    assert [c.strip() for c in header.split("|")] == [
        "name",
        "measured",
        "baseline",
        "ratio",
        "budget",
        "ok",
        "load",
        "ratio is",
    ]
    assert [c.strip() for c in seconds.split("|")] == [
        "subject_resolution.seconds",
        "50.0 ms",
        "20.0 ms",
        "2.50x",
        "ratio <= 3",
        "ok",
        "1.2/2.5",
        "ratio_vs_raw_queries = seconds / raw_queries_seconds",
    ]
    assert [c.strip() for c in records.split("|")][:3] == [
        "subject_resolution.records",
        "41 records",
        "-",
    ]
    assert [c.strip() for c in records.split("|")][-2:] == ["0.5", "-"]


def test_every_figure_of_the_table_gets_a_load_average(monkeypatch):
    from bench import results

    monkeypatch.setattr(results, "load_average_1m", lambda: 3.0)
    values = {"seconds": 0.05, "raw_queries_seconds": 0.02, "records": 41}
    results.note_load(values, "seconds")
    results.note_load(values, "seconds")  # the first note wins
    values["load_average_1m"]["seconds"] = 1.0
    section = finish_section(values, ROWS)
    assert section["load_average_1m"] == {
        "seconds": 1.0,
        "raw_queries_seconds": 3.0,
        "records": 3.0,
    }
