"""Validate a dataset's suites with Great Expectations and turn the results into findings.

One ephemeral GX context per dataset (a mapped task each): a SQL data source for what the
database can answer itself (schema, empty fields, retention cutoffs, consent evidence,
hand-written suites), and a pandas data source fed chunk by chunk for the free-text detectors,
which are Python. Results are kept with counts only: the unexpected values GX collects (the
very text or date of birth it found) are dropped before anything is stored or rendered, and
findings carry row keys and categories. The Data Docs site is built from those scrubbed
results into a local folder the caller uploads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import great_expectations as gx
import pandas as pd
import sqlalchemy as sa
from great_expectations.data_context.types.base import ProgressBarsConfig

from gdpr.connectors.base import Connector
from gdpr.connectors.s3 import S3Connector
from gdpr.connectors.sql import SqlConnector
from gdpr.datamap.models import DataMap
from gdpr.datamap.templates import KeyTemplate
from gdpr.quality import findings as checks
from gdpr.quality.detectors import detect
from gdpr.quality.findings import Finding, key_of
from gdpr.quality.suites import (
    OBJECT_KIND,
    OBJECT_TEXT,
    DatasetSuites,
    SuiteFile,
    build_suites,
    document_kinds_suite,
    free_text_suite,
    object_text_suite,
)

log = logging.getLogger(__name__)

DOCS_SITE = "minimisation"
# What GX puts in a result that may be the data itself; only counts and keys survive.
VALUE_KEYS = (
    "unexpected_list",
    "partial_unexpected_list",
    "partial_unexpected_counts",
    "partial_unexpected_index_list",
    "unexpected_index_list",
    "unexpected_index_query",
    "details",
)

Progress = Callable[[str, int], None]
TRUNCATED = ("…",)  # placeholder key: the rows are read again without GX's cap


@dataclass
class DatasetOutcome:
    """Counts per check and the findings of one dataset (findings never hold values)."""

    dataset: str
    findings: list[Finding] = field(default_factory=list)
    expectations: int = 0
    failed: dict[str, int] = field(default_factory=dict)  # check -> failed expectations
    errors: list[str] = field(default_factory=list)  # expectations that could not run
    text_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.findings and not self.errors

    def summary(self) -> dict[str, Any]:
        """JSON-able counts: what XCom, the ledger and the reports carry."""
        return {
            "dataset": self.dataset,
            "expectations": self.expectations,
            "failed": dict(sorted(self.failed.items())),
            "errors": list(self.errors),
            "text_rows": self.text_rows,
            "findings": len(self.findings),
            "by_category": checks.counts_by_category(self.findings),
            "findings_sha256": checks.digest(self.findings),
        }


def new_context() -> Any:
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def check_dataset(
    datamap: DataMap,
    dataset_id: str,
    engine: sa.Engine,
    *,
    now: datetime,
    exempt: Mapping[str, Iterable[tuple]] | None = None,
    suite_files: Iterable[SuiteFile] = (),
    docs_dir: Path | None = None,
    chunk_size: int = 20_000,
    progress: Progress | None = None,
) -> DatasetOutcome:
    ref = datamap.dataset(dataset_id)
    if ref.kind != "sql":
        raise ValueError(f"{dataset_id} is not a sql dataset")
    connector = SqlConnector(ref.system, engine)
    date_columns = {
        rule.start.column
        for rule in datamap.retention
        if rule.dataset == dataset_id
        and rule.start.column
        and connector.is_date_column(ref.dataset, rule.start.column)
    }
    suites = build_suites(
        datamap,
        dataset_id,
        now=now,
        exempt=exempt,
        dialect=engine.dialect,
        date_columns=date_columns,
        suite_files=suite_files,
        column_types=connector.column_types,
    )
    context = new_context()
    outcome = DatasetOutcome(dataset_id)
    _validate_in_database(context, ref, engine, suites, outcome)
    if suites.text is not None:
        _validate_text(context, connector, ref, suites, outcome, chunk_size, progress)
    _complete_truncated(datamap, connector, outcome, now, exempt or {})
    scrub_store(context)
    if docs_dir is not None:
        build_docs(context, docs_dir)
    outcome.findings.sort()
    return outcome


def check_objects(
    datamap: DataMap,
    dataset_id: str,
    connector: S3Connector,
    *,
    docs_dir: Path | None = None,
    chunk_size: int = 2_000,
    progress: Progress | None = None,
    threads: int = 8,
) -> DatasetOutcome:
    """The checks of an s3 dataset's current objects: the free text of its text objects (each
    object of a declared content type, read up to ``max_bytes``, a row ``(key, content)``),
    and the kind of each file where the dataset declares the kinds it may and must not hold
    (``documents``: a row ``(key, kind)``)."""
    ref = datamap.dataset(dataset_id)
    declared = ref.dataset.text_objects if ref.kind == "s3" else None
    documents = ref.dataset.documents if ref.kind == "s3" else None
    if declared is None and documents is None:
        raise ValueError(f"{dataset_id} is not an s3 dataset with `text_objects` or `documents`")
    context = new_context()
    outcome = DatasetOutcome(dataset_id)
    if declared is not None:
        frames = (
            pd.DataFrame.from_records(texts, columns=[OBJECT_KEY, OBJECT_TEXT])
            for texts in _text_objects(connector, ref.dataset, declared, chunk_size, threads)
            if texts
        )
        _validate_chunks(
            context, ref, object_text_suite(dataset_id), [OBJECT_KEY], frames, outcome, progress
        )
    if documents is not None:
        kinds = (
            pd.DataFrame.from_records(rows, columns=[OBJECT_KEY, OBJECT_KIND])
            for rows in _object_kinds(connector, ref.dataset, documents, chunk_size, threads)
            if rows
        )
        suite = document_kinds_suite(dataset_id, documents)
        _validate_chunks(
            context, ref, suite, [OBJECT_KEY], kinds, outcome, progress, source="documents"
        )
    scrub_store(context)
    if docs_dir is not None:
        build_docs(context, docs_dir)
    outcome.findings.sort()
    return outcome


def check_records(
    datamap: DataMap,
    dataset_id: str,
    connector: Connector,
    *,
    docs_dir: Path | None = None,
    chunk_size: int = 2_000,
    progress: Progress | None = None,
) -> DatasetOutcome:
    """The free-text check of a dataset that no SQL engine can query (a ticketing system
    reached through its API): its `free_text` fields, read through the connector's ``scan``,
    validated in pandas chunks like a table's free text."""
    ref = datamap.dataset(dataset_id)
    suite, text_fields = free_text_suite(dataset_id, ref.dataset)
    if suite is None:
        raise ValueError(f"{dataset_id} has no `free_text` field to scan")
    context = new_context()
    outcome = DatasetOutcome(dataset_id)
    key_fields = list(connector.key_fields(ref.dataset))
    columns = [*key_fields, *text_fields]
    frames = (
        pd.DataFrame.from_records(rows, columns=columns)
        for rows in connector.scan(ref.dataset, columns, batch_size=chunk_size)
    )
    _validate_chunks(context, ref, suite, key_fields, frames, outcome, progress)
    scrub_store(context)
    if docs_dir is not None:
        build_docs(context, docs_dir)
    outcome.findings.sort()
    return outcome


OBJECT_KEY = "key"


def _text_objects(
    connector: S3Connector, dataset: Any, declared: Any, chunk_size: int, threads: int
) -> Iterator[list[tuple[str, str]]]:
    """``(key, text)`` of the dataset's current objects whose Content-Type is declared,
    ``chunk_size`` objects listed at a time (one ranged GET each, ``threads`` at a time)."""
    from concurrent.futures import ThreadPoolExecutor

    bucket = connector.objects
    wanted = {t.lower() for t in declared.content_types}
    template = KeyTemplate(dataset.key_template or "")

    def read(key: str) -> tuple[str, str] | None:
        response = bucket.client.get_object(
            Bucket=bucket.name, Key=key, Range=f"bytes=0-{declared.max_bytes - 1}"
        )
        body = response["Body"]
        try:
            kind = (response.get("ContentType") or "").split(";", 1)[0].strip().lower()
            if kind not in wanted:
                return None
            return key, body.read().decode("utf-8", errors="replace")
        finally:
            body.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        for keys in _current_keys(connector, template, chunk_size):
            yield [t for t in pool.map(read, keys) if t]


def _object_kinds(
    connector: S3Connector, dataset: Any, documents: Any, chunk_size: int, threads: int
) -> Iterator[list[tuple[str, str]]]:
    """``(key, kind)`` of the dataset's current objects, ``chunk_size`` at a time: the kind
    from a field of the key (no request), from a tag or the Content-Type (one request per
    object, ``threads`` at a time); an empty kind where the object has none."""
    from concurrent.futures import ThreadPoolExecutor

    bucket = connector.objects
    template = KeyTemplate(dataset.key_template or "")

    def kind(key: str) -> tuple[str, str]:
        if documents.segment:
            return key, (template.parse(key) or {}).get(documents.segment, "")
        if documents.tag:
            tags = bucket.client.get_object_tagging(Bucket=bucket.name, Key=key)["TagSet"]
            return key, next((t["Value"] for t in tags if t["Key"] == documents.tag), "")
        head = bucket.client.head_object(Bucket=bucket.name, Key=key)
        return key, (head.get("ContentType") or "").split(";", 1)[0].strip().lower()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        for keys in _current_keys(connector, template, chunk_size):
            yield list(pool.map(kind, keys))


def _current_keys(
    connector: S3Connector, template: KeyTemplate, chunk_size: int
) -> Iterator[list[str]]:
    """The keys of the current objects the template matches, ``chunk_size`` at a time."""
    keys: list[str] = []
    listed = 0
    for obj in connector.objects.list(template.prefix({})):
        if template.parse(obj["Key"]) is not None:
            keys.append(obj["Key"])
        if len(keys) == chunk_size:
            listed += len(keys)
            log.info("%d objects listed", listed)
            yield keys
            keys = []
    if keys:
        log.info("%d objects listed", listed + len(keys))
        yield keys


# GX caps the keys of failing rows it reads from SQL at partial_unexpected_count (default 20).
MAX_KEYS = 10_000_000


def _complete_truncated(
    datamap: DataMap,
    connector: SqlConnector,
    outcome: DatasetOutcome,
    now: datetime,
    exempt: Mapping[str, Iterable[tuple]],
) -> None:
    """A selection query found more rows than GX lists: read them with the purge's selection."""
    from gdpr.retention.plan import cutoff_for
    from gdpr.retention.select import expired_keys

    truncated = {f.category for f in outcome.findings if f.key == TRUNCATED}
    if not truncated:
        return
    outcome.findings = [f for f in outcome.findings if f.key != TRUNCATED]
    for rule_id in sorted(truncated):
        rule = datamap.rule(rule_id)
        cutoff = cutoff_for(rule, now, datamap.organisation.timezone)
        kept = {key_of(k) for k in exempt.get(rule_id, ())}
        for key in expired_keys(datamap, connector, rule, cutoff):
            if key_of(key) not in kept:
                outcome.findings.append(
                    Finding(outcome.dataset, checks.RETENTION, rule_id, key_of(key))
                )


def _result_format(primary_key: list[str]) -> dict:
    return {
        "result_format": "COMPLETE",
        "unexpected_index_column_names": list(primary_key),
        "partial_unexpected_count": MAX_KEYS,
    }


def _validate_in_database(
    context: Any, ref, engine: sa.Engine, suites: DatasetSuites, outcome: DatasetOutcome
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    add = {
        "postgresql": context.data_sources.add_postgres,
        "sqlite": context.data_sources.add_sqlite,
    }.get(engine.dialect.name, context.data_sources.add_sql)
    source = add(name=ref.system.name, connection_string=url)
    asset = source.add_table_asset(
        name=ref.dataset.name,
        table_name=ref.dataset.table_name,
        schema_name=ref.dataset.db_schema,
    )
    batch = asset.add_batch_definition_whole_table("table")
    for suite in [suites.sql, *suites.custom]:
        suite = context.suites.add(suite)
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=suite.name, data=batch, suite=suite)
        )
        result = definition.run(result_format=_result_format(ref.dataset.primary_key))
        _collect(result, ref.id, ref.dataset.primary_key, outcome, texts=None)


def _validate_text(
    context: Any,
    connector: SqlConnector,
    ref,
    suites: DatasetSuites,
    outcome: DatasetOutcome,
    chunk_size: int,
    progress: Progress | None,
) -> None:
    """Free text in pandas chunks: the detectors are Python, the table may not fit in memory."""
    columns = [*ref.dataset.primary_key, *suites.text_fields]
    frames = (
        pd.DataFrame.from_records(rows, columns=columns)
        for rows in connector.stream(ref.dataset, columns=columns, batch_size=chunk_size)
    )
    _validate_chunks(context, ref, suites.text, ref.dataset.primary_key, frames, outcome, progress)


def _validate_chunks(
    context: Any,
    ref,
    suite: gx.ExpectationSuite,
    pk: list[str],
    frames: Iterable[pd.DataFrame],
    outcome: DatasetOutcome,
    progress: Progress | None,
    source: str = "text",
) -> None:
    """Validate ``suite`` over each frame (a pandas batch), one merged result in the Data Docs
    (``source`` names the pandas data source, one per suite of a dataset)."""
    source = context.data_sources.add_pandas(name=f"{ref.system.name}_{source}")
    asset = source.add_dataframe_asset(name=ref.dataset.name)
    batch = asset.add_batch_definition_whole_dataframe("chunk")
    suite = context.suites.add(suite)
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=suite.name, data=batch, suite=suite)
    )
    store = context.validation_results_store
    before = set(store.list_keys())
    for frame in frames:
        result = definition.run(
            batch_parameters={"dataframe": frame}, result_format=_result_format(pk)
        )
        _collect(result, ref.id, pk, outcome, texts=frame)
        outcome.text_rows += len(frame)
        if progress:
            progress(ref.dataset.name, outcome.text_rows)
        log.info("%s: %d rows of free text checked", outcome.dataset, outcome.text_rows)
    _merge_chunks(store, [k for k in store.list_keys() if k not in before])


def _merge_chunks(store: Any, keys: list) -> None:
    """One result for the whole table in the Data Docs, however many chunks were validated."""
    if len(keys) < 2:
        return
    results = [store.get(key) for key in keys]
    merged = results[0]
    for position, item in enumerate(merged.results):
        parts = [r.results[position] for r in results]
        counts = {
            name: sum((p.result or {}).get(name, 0) for p in parts)
            for name in ("element_count", "unexpected_count", "missing_count")
        }
        total, missing = counts["element_count"], counts["missing_count"]
        item.result.update(counts)
        item.result["unexpected_percent"] = 100 * counts["unexpected_count"] / max(total, 1)
        item.result["unexpected_percent_total"] = item.result["unexpected_percent"]
        item.result["unexpected_percent_nonmissing"] = (
            100 * counts["unexpected_count"] / max(total - missing, 1)
        )
        item.result["missing_percent"] = 100 * missing / max(total, 1)
        item.success = all(p.success for p in parts)
    merged.success = all(r.success for r in results)
    merged.statistics["successful_expectations"] = sum(1 for i in merged.results if i.success)
    merged.statistics["unsuccessful_expectations"] = sum(1 for i in merged.results if not i.success)
    merged.statistics["success_percent"] = (
        100 * merged.statistics["successful_expectations"] / max(len(merged.results), 1)
    )
    merged.meta["chunks"] = len(results)
    for key in keys[1:]:
        store.remove_key(key)
    store.set(keys[0], merged)


def _collect(
    result: Any, dataset_id: str, pk: list[str], outcome: DatasetOutcome, texts: pd.DataFrame | None
) -> None:
    for item in result.results:
        outcome.expectations += 1
        meta = item.expectation_config.meta or {}
        check = meta.get("check", checks.CUSTOM)
        message = _exception_message(item.exception_info)
        if message is not None:
            outcome.errors.append(f"{check} {meta.get('category', '')}: {message[:300]}")
            continue
        if item.success:
            continue
        outcome.failed[check] = outcome.failed.get(check, 0) + 1
        outcome.findings.extend(_findings(item, check, meta, dataset_id, pk, texts))


def _exception_message(info: Mapping | None) -> str | None:
    """GX reports an exception flat, or per metric (a dict of such reports)."""
    if not info:
        return None
    reports = [info] if "raised_exception" in info else list(info.values())
    for report in reports:
        if isinstance(report, Mapping) and report.get("raised_exception"):
            text = str(report.get("exception_message") or "")
            lines = [line for line in text.splitlines() if line.strip()]
            return lines[0] if lines else "exception"
    return None


def _findings(
    item: Any, check: str, meta: dict, dataset: str, pk: list[str], texts: pd.DataFrame | None
) -> list[Finding]:
    res = item.result or {}
    category = str(meta.get("category", item.expectation_config.type))
    if check == checks.SCHEMA:
        mismatched = (res.get("details") or {}).get("mismatched") or {}
        out = [
            Finding(dataset, checks.SCHEMA, "undeclared_column", (c,), c)
            for c in mismatched.get("unexpected", [])
        ]
        out += [
            Finding(dataset, checks.SCHEMA, "declared_column_missing", (c,), c)
            for c in mismatched.get("missing", [])
        ]
        return out
    if "unexpected_index_list" in res:
        keys = [key_of(row[name] for name in pk) for row in res["unexpected_index_list"]]
        column = item.expectation_config.kwargs.get("column")
        if check == checks.FREE_TEXT and texts is not None:
            return _text_findings(dataset, column, keys, pk, texts)
        if check == checks.DOCUMENTS and texts is not None:
            return _document_findings(dataset, category, keys, pk, texts)
        return [Finding(dataset, check, category, key, column) for key in keys]
    rows = (res.get("details") or {}).get("unexpected_rows")
    if rows is not None:
        if res.get("observed_value", 0) > len(rows):  # GX returns at most 200 rows
            return [Finding(dataset, check, category, TRUNCATED)]
        return [Finding(dataset, check, category, key_of(_row_values(row, pk))) for row in rows]
    return [Finding(dataset, check, category, ())]


def _row_values(row: Any, pk: list[str]) -> list:
    if isinstance(row, Mapping):
        return [row[name] for name in pk]
    return list(row)[: len(pk)]


def _text_findings(
    dataset: str, column: str, keys: list[tuple[str, ...]], pk: list[str], texts: pd.DataFrame
) -> list[Finding]:
    """One finding per category found: the detectors run again on the failing rows only."""
    wanted = set(keys)
    out = []
    for row in texts.itertuples(index=False):
        values = row._asdict()
        key = key_of(values[name] for name in pk)
        if key in wanted:
            out += [
                Finding(dataset, checks.FREE_TEXT, label, key, column)
                for label in sorted(detect(values[column]))
            ]
    return out


def _document_findings(
    dataset: str, category: str, keys: list[tuple[str, ...]], pk: list[str], kinds: pd.DataFrame
) -> list[Finding]:
    """One finding per file, its category saying why and which kind: ``forbidden:<kind>``, or
    ``not_allowed:<kind>`` (``not_allowed:`` alone for a file of no kind)."""
    wanted = set(keys)
    return [
        Finding(dataset, checks.DOCUMENTS, f"{category}:{row[OBJECT_KIND]}", key)
        for row in kinds.to_dict("records")
        if (key := key_of(row[name] for name in pk)) in wanted
    ]


def scrub_store(context: Any) -> None:
    """Drop unexpected values from every stored result: Data Docs must not copy the data."""
    store = context.validation_results_store
    for key in store.list_keys():
        result = store.get(key)
        for item in result.results:
            for name in VALUE_KEYS:
                if item.expectation_config.type == "expect_table_columns_to_match_set":
                    continue  # column names, not values
                (item.result or {}).pop(name, None)
        store.set(key, result)


def build_docs(context: Any, directory: Path) -> Path:
    """GX Data Docs of the (scrubbed) results, as static HTML under ``directory``."""
    context.add_data_docs_site(
        DOCS_SITE,
        {
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(directory),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    context.build_data_docs(site_names=[DOCS_SITE])
    return directory / "index.html"


def retention_exemptions(
    datamap: DataMap, dataset_id: str, connectors: Mapping[str, Any], ledger: Any
) -> dict[str, set[tuple]]:
    """Per rule of the dataset, the keys its purge keeps on purpose: legal holds (the ledger's
    and the map's) and open requests, as the purge collects them, and restricted records
    (Art. 18). Such records are past their period but not a finding."""
    from gdpr.retention.plan import plan_rule
    from gdpr.retention.run import rule_exemptions

    ref = datamap.dataset(dataset_id)
    connector = connectors[ref.system.name]
    out: dict[str, set[tuple]] = {}
    for rule in datamap.retention:
        if rule.dataset != dataset_id:
            continue
        exemptions = rule_exemptions(datamap, plan_rule(datamap, rule), connectors, ledger)
        keys = {_typed(k) for k in exemptions.rows.get(dataset_id, {})}
        flag = ref.dataset.restriction_flag
        if flag and rule.exemptions.restriction:
            table = connector.table(ref.dataset)
            restricted = sa.select(*(table.c[k] for k in ref.dataset.primary_key)).where(
                table.c[flag] == sa.true()
            )
            for rows in connector.stream_select(restricted):
                keys |= {tuple(row[name] for name in ref.dataset.primary_key) for row in rows}
        out[rule.id] = keys
    return out


def _typed(key: tuple) -> tuple:
    """Exemption keys are normalised to text; integer keys go back to integers for SQL."""
    return tuple(int(v) if isinstance(v, str) and v.isdigit() else v for v in key)
