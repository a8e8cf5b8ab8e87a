"""Pure pieces of the retention purge benchmark: sampling, extrapolation, batch intervals, and
that the hand-written baselines do what the data map says the rule does.

No database, no S3 and no timing: the figures themselves are ``make bench``'s business.
"""

from __future__ import annotations

import re

import pytest

from bench.raw_purge import (
    CRM_PER_SUBJECT,
    CRM_STATEMENTS,
    HELPDESK_PER_SUBJECT,
    HELPDESK_STATEMENTS,
    REDACTED,
)
from bench.results import finish_section
from bench.retention_purge import (
    BUDGETS,
    ROWS,
    RULE,
    batch_intervals,
    count_differences,
    extrapolate,
    percentile,
    systematic_sample,
)
from gdpr.datamap import load_datamap
from gdpr.retention import anonymise
from gdpr.retention.anonymise import anonymisation
from gdpr.retention.plan import plan_rule
from tests.conftest import DATAMAP_PATH


@pytest.fixture(scope="module")
def plan():
    datamap = load_datamap(DATAMAP_PATH)
    return datamap, plan_rule(datamap, datamap.rule(RULE))


def test_a_sample_is_spread_over_the_whole_selection():
    ids = list(range(3, 3000, 3))  # 999 ids
    sample = systematic_sample(ids, 10)
    assert len(sample) == len(set(sample)) == 10
    assert sample == sorted(sample)
    assert sample[0] < 300
    assert sample[-1] > 2700
    assert systematic_sample(ids, 5000) == ids
    assert systematic_sample([], 10) == []
    assert systematic_sample(ids, 0) == []


def test_extrapolation_scales_the_mean_cost_per_item():
    assert extrapolate(2.0, 500, 100_000) == pytest.approx(400.0)
    assert extrapolate(2.0, 0, 100_000) is None


def test_batch_seconds_are_the_gaps_between_callbacks():
    assert batch_intervals([10.0, 12.5, 13.0, 16.0]) == [2.5, 0.5, 3.0]
    assert batch_intervals([10.0]) == []
    assert batch_intervals([]) == []


def test_percentile_and_differences():
    assert percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 1.0) == 4.0
    assert percentile([], 0.5) is None
    assert count_differences({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == {
        "b": (2, 3),
        "c": (None, 4),
    }


def test_lower_bound_targets_are_stated_as_upper_bounds_on_the_inverse_ratio():
    values = {
        "rows": 900,
        "single_delete_rows": 900,
        "seconds": 10.0,
        "single_delete_seconds": 6.0,
        "rows_per_second": 90.0,
        "single_delete_rows_per_second": 150.0,
        "seconds_per_customer": 0.01,
        "per_subject_seconds_per_customer": 0.05,
        "per_subject_seconds_extrapolated": 50.0,
        "per_row_seconds_extrapolated": 250.0,
        "max_batch_seconds": 1.0,
        "max_transaction_seconds": 0.5,
        "single_delete_max_transaction_seconds": 3.0,
        "peak_rss_mb": 200.0,
        "peak_rss_mb_at_100k": 150.0,
        "s3_sample_s3_seconds": 5.0,
        "s3_sample_raw_s3_seconds": 1.0,
        "s3_sample_calls": 100,
        "s3_sample_raw_calls": 4,
        "s3_list_calls_extrapolated": 1000,
    }
    section = finish_section(values, ROWS, BUDGETS)
    assert section["ratio_vs_single_delete"] == pytest.approx(0.6)  # >= 0.5 ...
    assert section["within_budget"]["seconds_vs_single_delete"]  # ... <=> <= 2
    assert section["speedup_vs_per_subject"] == pytest.approx(5.0)
    assert section["seconds_vs_per_subject"] == pytest.approx(0.2)
    assert section["speedup_vs_per_row"] == pytest.approx(25.0)  # the strawman, no budget
    assert "seconds_vs_per_row" not in section["budget"]


def _tables(statements):
    return {table for table, _ in statements}


def test_the_set_based_baseline_touches_exactly_the_rule_s_sql_datasets(plan):
    datamap, rule_plan = plan
    sql = {
        step.dataset: step.action
        for step in rule_plan.steps
        if datamap.dataset(step.dataset).kind == "sql"
    }
    assert _tables(HELPDESK_STATEMENTS) | _tables(CRM_STATEMENTS) == set(sql)
    for table, statement in HELPDESK_STATEMENTS + CRM_STATEMENTS:
        verb = "UPDATE" if sql[table] == "anonymise" else "DELETE"
        assert statement.startswith(verb), table


def test_the_per_subject_baseline_sends_one_statement_per_table_of_the_set_based_one():
    set_based = [(t, sql.split()[0]) for t, sql in HELPDESK_STATEMENTS + CRM_STATEMENTS]
    per_subject = [(t, sql.split()[0]) for t, sql in HELPDESK_PER_SUBJECT + CRM_PER_SUBJECT]
    assert per_subject == set_based  # same tables, same order, same verbs
    for _table, statement in HELPDESK_PER_SUBJECT + CRM_PER_SUBJECT:
        assert "%(c)s" in statement  # keyed by the one customer


def test_children_come_before_their_parents_in_the_baseline(plan):
    _datamap, rule_plan = plan
    order = [t for t, _ in HELPDESK_STATEMENTS + CRM_STATEMENTS]
    for step in rule_plan.steps:
        for edge in step.parents:
            if edge.child in order and edge.parent in order:
                assert order.index(edge.child) < order.index(edge.parent), edge


def test_the_baseline_anonymises_the_fields_the_product_anonymises(plan):
    datamap, rule_plan = plan
    assert REDACTED == anonymise.REDACTED
    deleted = {s.dataset for s in rule_plan.steps if s.action == "delete"}
    statements = dict(CRM_STATEMENTS)
    for step in rule_plan.steps:
        if step.action != "anonymise":
            continue
        dataset = datamap.dataset(step.dataset).dataset
        cut = [f for e in step.parents if e.parent in deleted for f in e.child_fields]
        wanted = anonymisation(dataset, cut=cut)
        assert not wanted.tokens, "random tokens would make the end states incomparable"
        assignments = dict(
            re.findall(
                r"(\w+) = (NULL|%\(redacted\)s)", statements[step.dataset].split(" FROM ")[0]
            )
        )
        expected = {
            name: "NULL" if value is None else "%(redacted)s"
            for name, value in wanted.constant.items()
        }
        assert assignments == expected, step.dataset
