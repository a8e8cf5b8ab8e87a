"""The expectation suites of a dataset: derived from the data map, plus hand-written ones.

From the map (one suite run in the database, one over the free-text fields in pandas chunks):

1. schema: the table's columns are exactly the declared `fields` (an extra column is personal
   data nobody accounted for);
2. fields marked `necessary: false` are empty (Art. 5(1)(c));
3. `free_text` fields hold no Art. 9 special category and no identifier, nor do the objects
   of an s3 dataset declared `text_objects` (their text is validated as a column `content`);
4. no record is older than its retention rule allows (the purge's own cutoff and selection,
   minus the records a legal hold, an open request or a restriction keeps);
5. marketing consent (`consent:` block): every opt-in has a timestamp and a source that counts
   as consent (not one of the map's `invalid_sources`, such as a pre-ticked box), and a
   withdrawn consent is not opted in.

Hand-written suites are YAML or JSON files in the map's ``expectations/`` folder (next to
``sql/``), one suite per file, picked up as they are:

    dataset: <system>.<dataset>
    name: <suite name>            # optional; default: the file name
    expectations:
      - type: expect_column_value_lengths_to_be_between
        kwargs: {column: <field>, max_value: 4}

Every expectation carries ``meta.check`` (and ``meta.category``) so a failed one becomes a
finding of the right kind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import great_expectations as gx
import sqlalchemy as sa
import yaml
from great_expectations.expectations.expectation_configuration import ExpectationConfiguration
from great_expectations.expectations.metrics.query_metric_provider import _query_has_join_clause
from great_expectations.expectations.row_conditions import Column

from gdpr.connectors.keys import canonical
from gdpr.datamap.loader import read_sql
from gdpr.datamap.models import DataMap, Dataset, DatasetRef, DocumentKinds, RetentionRule
from gdpr.quality import findings as checks
from gdpr.quality.detectors import LABELS
from gdpr.quality.expectations import ExpectColumnValuesToBeFreeOfSensitiveText
from gdpr.retention.anonymise import anonymisation, is_anonymised
from gdpr.retention.plan import Cutoff, cutoff_for
from gdpr.retention.rules import cutoff_sql_literal, expired_select

SUITE_SUFFIXES = (".yaml", ".yml", ".json")


class SuiteFileError(ValueError):
    """A hand-written suite that cannot be used: says which file and why."""


@dataclass(frozen=True)
class SuiteFile:
    path: Path
    dataset: str
    name: str
    expectations: tuple[dict, ...]


@dataclass
class DatasetSuites:
    """What to validate for one dataset: in the database, and over its free text."""

    dataset: str
    sql: gx.ExpectationSuite
    text: gx.ExpectationSuite | None
    text_fields: list[str]
    custom: list[gx.ExpectationSuite] = field(default_factory=list)


def suites_dir(datamap: DataMap) -> Path | None:
    """``expectations/`` beside the map's ``sql/`` folder (include/expectations/ in the demo)."""
    if not datamap.sql_dir:
        return None
    return Path(datamap.sql_dir).parent / "expectations"


def load_suite_files(directory: Path | None, datamap: DataMap) -> list[SuiteFile]:
    """Every suite file of ``directory``; a file naming an unknown dataset is refused."""
    if directory is None or not directory.is_dir():
        return []
    known = set(datamap.dataset_ids())
    suites = []
    for path in sorted(p for p in directory.iterdir() if p.suffix in SUITE_SUFFIXES):
        text = path.read_text(encoding="utf-8")
        try:
            data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
        except (json.JSONDecodeError, yaml.YAMLError) as exc:
            raise SuiteFileError(f"{path.name}: not valid {path.suffix[1:]}: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
            raise SuiteFileError(f"{path.name}: expected `dataset:` and a list `expectations:`")
        dataset = data.get("dataset")
        if dataset not in known:
            raise SuiteFileError(
                f"{path.name}: unknown dataset {dataset!r}; known: {', '.join(sorted(known))}"
            )
        for i, item in enumerate(data["expectations"]):
            if not isinstance(item, dict) or not isinstance(item.get("type"), str):
                raise SuiteFileError(f"{path.name}: expectation {i + 1} needs a `type`")
        suites.append(
            SuiteFile(
                path, dataset, str(data.get("name") or path.stem), tuple(data["expectations"])
            )
        )
    return suites


def _meta(check: str, category: str, **extra: str) -> dict:
    return {"check": check, "category": category, **extra}


def build_suites(
    datamap: DataMap,
    dataset_id: str,
    *,
    now: datetime,
    exempt: Mapping[str, Iterable[tuple]] | None = None,
    dialect: sa.Dialect | None = None,
    date_columns: Iterable[str] = (),
    suite_files: Iterable[SuiteFile] = (),
    column_types: Callable[[Dataset], Mapping[str, Any]] | None = None,
) -> DatasetSuites:
    """The suites of one sql dataset. ``exempt``: rule id -> keys a retention rule may keep;
    ``column_types``: the live column types of a dataset (``SqlConnector.column_types``), which
    declarative rules with an aggregate or conditions compare their cutoff and values in."""
    ref = datamap.dataset(dataset_id)
    dataset = ref.dataset
    in_database: list = [
        gx.expectations.ExpectTableColumnsToMatchSet(
            column_set=list(dataset.fields), exact_match=True, meta=_meta(checks.SCHEMA, "columns")
        )
    ]
    in_database += [
        gx.expectations.ExpectColumnValuesToBeNull(
            column=name, meta=_meta(checks.NOT_NECESSARY, name)
        )
        for name, spec in dataset.fields.items()
        if not spec.necessary
    ]
    in_database += [
        _retention(
            datamap,
            ref,
            rule,
            now,
            list((exempt or {}).get(rule.id, ())),
            dialect,
            frozenset(date_columns),
            column_types,
        )
        for rule in datamap.retention
        if rule.dataset == dataset_id
    ]
    if dataset.consent:
        in_database += _consent(dataset.consent)
    sql = gx.ExpectationSuite(name=f"{dataset_id}.minimisation", expectations=in_database)
    text, text_fields = free_text_suite(dataset_id, dataset)
    custom = [_custom_suite(f) for f in suite_files if f.dataset == dataset_id]
    return DatasetSuites(dataset_id, sql, text, text_fields, custom)


def free_text_suite(
    dataset_id: str, dataset: Dataset
) -> tuple[gx.ExpectationSuite | None, list[str]]:
    """The suite over a dataset's `free_text` fields (None when it has none), and the fields."""
    text_fields = [name for name, spec in dataset.fields.items() if spec.free_text]
    if not text_fields:
        return None, []
    suite = gx.ExpectationSuite(
        name=f"{dataset_id}.free_text",
        expectations=[
            ExpectColumnValuesToBeFreeOfSensitiveText(
                column=name, labels=list(LABELS), meta=_meta(checks.FREE_TEXT, name)
            )
            for name in text_fields
        ],
    )
    return suite, text_fields


OBJECT_TEXT = "content"  # the column an object's text is validated as


def object_text_suite(dataset_id: str) -> gx.ExpectationSuite:
    """The free-text suite of an s3 dataset whose objects are text (`text_objects`)."""
    return gx.ExpectationSuite(
        name=f"{dataset_id}.free_text",
        expectations=[
            ExpectColumnValuesToBeFreeOfSensitiveText(
                column=OBJECT_TEXT, labels=list(LABELS), meta=_meta(checks.FREE_TEXT, OBJECT_TEXT)
            )
        ],
    )


OBJECT_KIND = "kind"  # the column a file's kind is validated as
FORBIDDEN, NOT_ALLOWED = "forbidden", "not_allowed"


def document_kinds_suite(dataset_id: str, documents: DocumentKinds) -> gx.ExpectationSuite:
    """The suite of an s3 dataset that declares the kinds of files it may and must not hold
    (`documents`): no file of a forbidden kind; with `allowed`, no file of another kind either
    (a forbidden file is reported once, as forbidden)."""
    expectations: list = [
        gx.expectations.ExpectColumnValuesToNotBeInSet(
            column=OBJECT_KIND,
            value_set=list(documents.forbidden),
            meta=_meta(checks.DOCUMENTS, FORBIDDEN),
        )
    ]
    if documents.allowed:
        expectations.append(
            gx.expectations.ExpectColumnValuesToBeInSet(
                column=OBJECT_KIND,
                value_set=[*documents.allowed, *documents.forbidden],
                meta=_meta(checks.DOCUMENTS, NOT_ALLOWED),
            )
        )
    return gx.ExpectationSuite(name=f"{dataset_id}.documents", expectations=expectations)


def _retention(
    datamap: DataMap,
    ref: DatasetRef,
    rule: RetentionRule,
    now: datetime,
    exempt: list[tuple],
    dialect: sa.Dialect | None,
    date_columns: frozenset[str],
    column_types: Callable[[Dataset], Mapping[str, Any]] | None = None,
):
    """Records past the rule's cutoff, minus those the purge must keep."""
    cutoff = cutoff_for(rule, now, datamap.organisation.timezone)
    meta = _meta(checks.RETENTION, rule.id, citation=rule.citation, period=rule.period)
    pk = ref.dataset.primary_key
    if rule.where or rule.start.aggregate:  # the purge's own compiled selection
        tables = _LiveTables(column_types)
        table = tables.table(ref.dataset)
        selection = expired_select(datamap, rule, cutoff, table, tables)
        if rule.action == "anonymise":
            done = anonymisation(ref.dataset, rule.fields)
            selection = selection.where(sa.not_(is_anonymised(table, done)))
        return _rows_query(pk, _literal(selection, dialect), exempt, meta)
    if rule.start.column and rule.action == "anonymise":
        selection = _not_yet_anonymised(ref, rule, cutoff, rule.start.column in date_columns)
        return _rows_query(pk, _literal(selection, dialect), exempt, meta)
    if rule.start.column:
        condition = None
        if exempt and len(pk) == 1:
            condition = Column(pk[0]).is_not_in(sorted({_scalar(k[0]) for k in exempt}))
        return gx.expectations.ExpectColumnValuesToBeBetween(
            column=rule.start.column,
            # as the purge compares: a DATE column with the calendar day, a timestamp with the instant
            min_value=cutoff.day if rule.start.column in date_columns else cutoff.at,
            row_condition=condition,
            meta=meta,
        )
    selection = _literal_sql(
        read_sql(datamap, rule.start.sql or ""), cutoff, dialect, rule.start.cutoff
    )
    return _rows_query(pk, selection, exempt, meta)


class _LiveTables:
    """Tables and live column types for compiling a declarative rule's selection."""

    def __init__(self, column_types: Callable[[Dataset], Mapping[str, Any]] | None):
        self._types = column_types

    def table(self, dataset: Dataset) -> sa.TableClause:
        return sa.table(
            dataset.table_name, *(sa.column(n) for n in dataset.fields), schema=dataset.db_schema
        )

    def column_types(self, dataset: Dataset) -> Mapping[str, Any]:
        return self._types(dataset) if self._types else {}


def _rows_query(pk: list[str], selection: str, exempt: list[tuple], meta: dict):
    """The rows of the batch among ``selection`` (SQL returning keys), minus exempt keys."""
    columns = ", ".join(pk)
    query = f"SELECT {columns} FROM {{batch}} WHERE ({columns}) IN ({selection})"
    if exempt and len(pk) == 1:
        values = ", ".join(_sql_value(k[0]) for k in sorted(exempt))
        query += f" AND {pk[0]} NOT IN ({values})"
    if _query_has_join_clause(query):  # GX then leaves aliasing the batch to the query's author
        query = query.replace("FROM {batch}", "FROM {batch} AS batch_rows", 1)
    return gx.expectations.UnexpectedRowsExpectation(unexpected_rows_query=query, meta=meta)


def _not_yet_anonymised(ref: DatasetRef, rule: RetentionRule, cutoff: Cutoff, is_date: bool):
    """What the purge of an `anonymise` rule selects: past the cutoff and not yet anonymised
    (anonymised rows stay, by design, with their old dates)."""
    dataset = ref.dataset
    table = sa.table(
        dataset.table_name, *(sa.column(n) for n in dataset.fields), schema=dataset.db_schema
    )
    limit = sa.literal(cutoff.day, sa.Date()) if is_date else sa.literal(cutoff.at, sa.DateTime())
    return (
        sa.select(*(table.c[k] for k in dataset.primary_key))
        .where(table.c[rule.start.column or ""] < limit)
        .where(sa.not_(is_anonymised(table, anonymisation(dataset, rule.fields))))
    )


def _literal(statement: sa.Select, dialect: sa.Dialect | None) -> str:
    compiled = statement.compile(
        dialect=dialect or sa.dialects.sqlite.dialect(), compile_kwargs={"literal_binds": True}
    )
    return str(compiled).replace("{", "{{").replace("}", "}}")


def _scalar(value: object) -> int | str:
    scalar = canonical(value)  # the key codec's form: a UUID as text, an integral decimal an int
    return scalar if isinstance(scalar, int) else str(scalar)


def _sql_value(value: object) -> str:
    scalar = _scalar(value)
    if isinstance(scalar, int):
        return str(scalar)
    return "'" + scalar.replace("'", "''") + "'"


def _literal_sql(
    text: str, cutoff: Cutoff, dialect: sa.Dialect | None, kind: str | None = None
) -> str:
    """The selection file with its :cutoff as a typed literal, as the purge binds it (GX runs
    the query as text): a DATE or a timestamp with time zone (``start.cutoff``), so
    ``:cutoff + interval '7 years'`` means the same here as in the purge."""
    code = "\n".join(line for line in text.splitlines() if not line.strip().startswith("--"))
    literal = cutoff_sql_literal(cutoff, kind, dialect or sa.dialects.sqlite.dialect())
    code = re.sub(r"(?<![:\w]):cutoff\b", lambda _: literal, code.strip().rstrip(";"))
    return code.replace("{", "{{").replace("}", "}}")


def _consent(consent) -> list:
    meta_consent = {"check": checks.CONSENT}
    opted_in = Column(consent.opt_in) == True  # noqa: E712 - a GX condition, not a comparison
    out = [
        gx.expectations.ExpectColumnValuesToNotBeNull(
            column=consent.given_at,
            row_condition=opted_in,
            meta={**meta_consent, "category": "opt_in_without_timestamp"},
        ),
        gx.expectations.ExpectColumnValuesToNotBeNull(
            column=consent.source,
            row_condition=opted_in,
            meta={**meta_consent, "category": "opt_in_without_source"},
        ),
    ]
    if consent.invalid_sources:
        out.append(
            gx.expectations.ExpectColumnValuesToNotBeInSet(
                column=consent.source,
                value_set=list(consent.invalid_sources),
                row_condition=opted_in,
                meta={**meta_consent, "category": "opt_in_from_invalid_source"},
            )
        )
    if consent.withdrawn_at:
        out.append(
            gx.expectations.ExpectColumnValuesToBeInSet(
                column=consent.opt_in,
                value_set=[False],
                row_condition=Column(consent.withdrawn_at).is_not_null(),
                meta={**meta_consent, "category": "withdrawal_not_honoured"},
            )
        )
    return out


def _custom_suite(suite_file: SuiteFile) -> gx.ExpectationSuite:
    expectations = []
    for item in suite_file.expectations:
        meta = {"check": checks.CUSTOM, "category": item["type"], **(item.get("meta") or {})}
        meta["suite_file"] = suite_file.path.name
        try:
            config = ExpectationConfiguration(
                type=item["type"], kwargs=dict(item.get("kwargs") or {}), meta=meta
            )
            expectations.append(config.to_domain_obj())
        except Exception as exc:  # GX raises several kinds for an unknown type or a bad kwarg
            raise SuiteFileError(f"{suite_file.path.name}: {item['type']}: {exc}") from exc
    return gx.ExpectationSuite(
        name=f"{suite_file.dataset}.{suite_file.name}", expectations=expectations
    )
