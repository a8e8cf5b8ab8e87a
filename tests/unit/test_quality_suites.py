"""Suites built from the data map and from include/expectations/ (no database needed)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from gdpr.quality.suites import SuiteFileError, build_suites, load_suite_files, suites_dir

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


def kinds(suite) -> list[tuple[str, str, str]]:
    return [(e.expectation_type, e.meta["check"], e.meta["category"]) for e in suite.expectations]


def test_a_dataset_gets_schema_unnecessary_field_and_retention_checks(datamap):
    suites = build_suites(datamap, "crm.customers", now=NOW)
    assert kinds(suites.sql) == [
        ("expect_table_columns_to_match_set", "schema", "columns"),
        ("expect_column_values_to_be_null", "not_necessary", "birth_date"),
        ("expect_column_values_to_be_between", "retention", "customers-3y-after-relationship"),
    ]
    schema = suites.sql.expectations[0]
    assert set(schema.column_set) == set(datamap.dataset("crm.customers").dataset.fields)
    assert suites.text is None


def test_retention_uses_the_purge_cutoff_and_leaves_exempt_keys_out(datamap):
    suites = build_suites(
        datamap,
        "crm.customers",
        now=NOW,
        exempt={"customers-3y-after-relationship": [(7,), (9,)]},
    )
    between = suites.sql.expectations[-1]
    # the start of the cutoff day (P3Y before NOW's day in Paris), naive UTC: the day is kept
    assert between.min_value == datetime(2023, 6, 14, 22, 0)
    assert between.row_condition.parameter == [7, 9]


def _retention_query(suites) -> str:
    (query,) = [
        e.unexpected_rows_query for e in suites.sql.expectations if e.meta["check"] == "retention"
    ]
    return query


def test_a_declarative_rule_runs_the_purges_compiled_selection(datamap):
    query = _retention_query(build_suites(datamap, "crm.prospects", now=NOW))
    assert "FROM {batch}" in query
    assert "prospect_interactions" in query
    assert "GROUP BY" in query
    assert "'2023-06-14 22:00:00" in query  # the start of the cutoff day in Paris, naive UTC


@pytest.mark.parametrize(
    ("cutoff", "dialect", "literal"),
    [
        (None, "sqlite", "'2023-06-14 22:00:00.000000'"),
        (None, "postgresql", "CAST('2023-06-14 22:00:00+00:00' AS TIMESTAMP WITH TIME ZONE)"),
        ("date", "postgresql", "CAST('2023-06-15' AS DATE)"),
        (None, "mysql", "CAST('2023-06-14 22:00:00' AS DATETIME)"),
        ("date", "mysql", "CAST('2023-06-15' AS DATE)"),
    ],
)
def test_a_rule_with_a_sql_file_runs_that_selection_with_a_typed_cutoff(cutoff, dialect, literal):
    import sqlalchemy as sa

    from gdpr.datamap import parse_datamap
    from tests.conftest import DATAMAP_PATH
    from tests.sqlrule import SQL_DIR, with_sql_rule

    text = with_sql_rule(DATAMAP_PATH.read_text(encoding="utf-8"), cutoff=cutoff)
    datamap = parse_datamap(text, source="copy.yaml", sql_dir=SQL_DIR)
    engine_dialect = {
        "sqlite": sa.dialects.sqlite.dialect(),
        "postgresql": sa.dialects.postgresql.dialect(),
        "mysql": sa.dialects.mysql.dialect(),
    }[dialect]
    query = _retention_query(
        build_suites(datamap, "crm.prospects", now=NOW, dialect=engine_dialect)
    )
    assert "FROM {batch}" in query
    assert "prospect_interactions" in query
    assert f"< {literal}" in query  # :cutoff as a typed literal, as the purge binds it


def test_consent_and_free_text(datamap):
    consents = build_suites(datamap, "crm.consents", now=NOW)
    assert [c for _, check, c in kinds(consents.sql) if check == "consent"] == [
        "opt_in_without_timestamp",
        "opt_in_without_source",
        "withdrawal_not_honoured",
    ]
    notes = build_suites(datamap, "crm.notes", now=NOW)
    assert notes.text_fields == ["body"]
    assert kinds(notes.text) == [
        ("expect_column_values_to_be_free_of_sensitive_text", "free_text", "body")
    ]


def test_the_shipped_suite_is_found_next_to_the_sql_folder(datamap):
    files = load_suite_files(suites_dir(datamap), datamap)
    assert suites_dir(datamap).name == "expectations"
    assert {(f.dataset, f.name) for f in files} >= {("crm.payments", "payment-card-data")}
    suites = build_suites(datamap, "crm.payments", now=NOW, suite_files=files)
    (custom,) = suites.custom
    assert {e.meta["category"] for e in custom.expectations} == {
        "card_last4_is_four_digits",
        "card_token_is_a_provider_token",
    }


def test_a_users_suite_is_picked_up_without_code(datamap, tmp_path: Path):
    (tmp_path / "notes_length.json").write_text(
        '{"dataset": "crm.notes", "expectations": [{"type": '
        '"expect_column_value_lengths_to_be_between", "kwargs": {"column": "body", "max_value": 500}}]}',
        encoding="utf-8",
    )
    (tmp_path / "README.txt").write_text("not a suite", encoding="utf-8")
    (suite_file,) = load_suite_files(tmp_path, datamap)
    suites = build_suites(datamap, "crm.notes", now=NOW, suite_files=[suite_file])
    (custom,) = suites.custom
    assert custom.name == "crm.notes.notes_length"
    assert custom.expectations[0].meta["check"] == "custom"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("dataset: crm.custmers\nexpectations: []\n", "unknown dataset 'crm.custmers'"),
        ("dataset: crm.notes\n", "a list `expectations:`"),
        ("dataset: crm.notes\nexpectations: [{kwargs: {}}]\n", "expectation 1 needs a `type`"),
        ("dataset: [\n", "not valid yaml"),
    ],
)
def test_a_broken_suite_is_refused_with_the_file_name(datamap, tmp_path: Path, text, message):
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SuiteFileError, match=r"mine\.yaml") as error:
        load_suite_files(tmp_path, datamap)
    assert message in str(error.value)


def test_an_unknown_expectation_type_is_refused(datamap, tmp_path: Path):
    (tmp_path / "typo.yaml").write_text(
        "dataset: crm.notes\nexpectations:\n  - type: expect_column_to_be_nice\n",
        encoding="utf-8",
    )
    files = load_suite_files(tmp_path, datamap)
    with pytest.raises(SuiteFileError, match=r"typo\.yaml: expect_column_to_be_nice"):
        build_suites(datamap, "crm.notes", now=NOW, suite_files=files)


def test_an_anonymise_rule_only_counts_rows_not_yet_anonymised(datamap):
    suites = build_suites(datamap, "crm.payments", now=NOW)
    (retention,) = [e for e in suites.sql.expectations if e.meta["check"] == "retention"]
    query = retention.unexpected_rows_query
    assert retention.meta["category"] == "card-data-13m"
    assert "debited_at <" in query
    assert "NOT (payments.card_last4 IS NULL AND payments.card_token IS NULL)" in query
