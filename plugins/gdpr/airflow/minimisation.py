"""Task bodies of ``gdpr_minimisation_checks``: choose the datasets, check each, report."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from gdpr.airflow.hooks import airflow_clients, ledger_for
from gdpr.airflow.refusal import refuse
from gdpr.connectors.factory import connectors_for
from gdpr.datamap import load_datamap
from gdpr.ledger import EvidenceInput
from gdpr.ledger.clock import utc_now
from gdpr.quality.publish import publish_dataset, render_summary, store_summary, sweep_findings
from gdpr.quality.runner import (
    check_dataset,
    check_objects,
    check_records,
    retention_exemptions,
)
from gdpr.quality.suites import SuiteFileError, load_suite_files, suites_dir
from gdpr.reports.store import ReportStore

log = logging.getLogger(__name__)
KIND = "minimisation"


def _fail(message: str) -> None:
    raise refuse(message)


def select_datasets(requested: Sequence[str] | None) -> list[str]:
    """The map's sql datasets, and s3 datasets of text objects or declared kinds of files (or
    those the form names); hand-written suites checked first."""
    datamap = load_datamap()
    known = [
        ref.id
        for ref in datamap.iter_datasets()
        if ref.kind == "sql"
        or ref.dataset.text_objects is not None
        or ref.dataset.documents is not None
        or any(spec.free_text for spec in ref.dataset.fields.values())
    ]
    wanted = [d.strip() for d in requested or [] if d and d.strip()]
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        _fail(
            f"unknown or unchecked dataset(s) {', '.join(unknown)}; the checks cover the sql "
            f"datasets and s3 datasets with `text_objects` or `documents`: {', '.join(known)}"
        )
    try:
        files = load_suite_files(suites_dir(datamap), datamap)
    except SuiteFileError as exc:
        _fail(f"hand-written suite refused: {exc}")
    chosen = [d for d in known if not wanted or d in wanted]
    log.info("%d datasets to check, %d hand-written suites", len(chosen), len(files))
    return chosen


def check(
    dataset_id: str,
    *,
    dag_id: str,
    run_id: str,
    chunk_size: int,
    now: datetime | None = None,
) -> dict[str, Any]:
    """One dataset's suites, retention cut as of ``now`` (the run's logical date, as the purge
    cuts; default: the product clock); returns counts only (the findings go to the reports
    location)."""
    datamap = load_datamap()
    ref = datamap.dataset(dataset_id)
    clients = airflow_clients()
    try:
        ledger = ledger_for(datamap)
        run_pk = ledger.start_run(dag_id, run_id, kind=KIND)
        connectors = connectors_for(datamap, clients)
        connectors[ref.system.name].ping()
        with tempfile.TemporaryDirectory(prefix="gdpr-docs-") as tmp:
            if ref.kind == "s3":
                outcome = check_objects(
                    datamap, dataset_id, connectors[ref.system.name], docs_dir=Path(tmp)
                )
            elif ref.kind != "sql":  # no SQL engine to run suites in: free text, through the API
                outcome = check_records(
                    datamap,
                    dataset_id,
                    connectors[ref.system.name],
                    docs_dir=Path(tmp),
                    chunk_size=chunk_size,
                )
            else:
                outcome = check_dataset(
                    datamap,
                    dataset_id,
                    clients.engine(ref.system.conn_id),
                    now=now or utc_now(),
                    exempt=retention_exemptions(datamap, dataset_id, connectors, ledger),
                    suite_files=load_suite_files(suites_dir(datamap), datamap),
                    docs_dir=Path(tmp),
                    chunk_size=chunk_size,
                )
            store = ReportStore(clients.s3(datamap.reports.conn_id), datamap.reports)
            summary = publish_dataset(
                outcome,
                store=store,
                ledger=ledger,
                docs_dir=Path(tmp),
                run_id=run_id,
                run_pk=run_pk,
                now=utc_now(),
            )
    finally:
        clients.dispose()
    log.info(
        "%s: %d expectations, %d findings %s",
        dataset_id,
        summary["expectations"],
        summary["findings"],
        summary["by_category"],
    )
    if outcome.errors:
        _fail(f"{dataset_id}: {len(outcome.errors)} expectation(s) could not run: {outcome.errors}")
    return summary


def report(
    datasets: Sequence[str] | None,
    summaries: Sequence[dict],
    *,
    dag_id: str,
    run_id: str,
    context: Any,
) -> dict[str, Any]:
    """The run's summary report; alerts the DPO when anything was found or could not be checked."""
    datamap = load_datamap()
    if datasets is None:  # select_datasets failed: a dataset of the form or a suite file refused
        _alert_not_run(datamap, context)
        _fail("nothing was checked: the selection failed (see the select_datasets log)")
    done = {s["dataset"]: s for s in summaries if s}
    failed = [d for d in datasets if d not in done]
    ordered = [done[d] for d in datasets if d in done]
    clients = airflow_clients()
    store = ReportStore(clients.s3(datamap.reports.conn_id), datamap.reports)
    links = {
        s["dataset"]: store.bucket.presigned_url(s["docs"], 7 * 24 * 3600)
        for s in ordered
        if s.get("docs")
    }
    html = render_summary(
        datamap, ordered, failed, generated_at=utc_now(), run_id=run_id, links=links
    )
    stored = store_summary(store, html, run_id)
    swept = sweep_findings(store, utc_now())  # earlier runs' findings whose time is up
    findings = sum(s["findings"] for s in ordered)
    ledger = ledger_for(datamap)
    run_pk = ledger.start_run(dag_id, run_id, kind=KIND)
    ledger.record_evidence(
        EvidenceInput(
            action="minimisation.report",
            count=findings,
            keys_sha256=stored.sha256,
            detail={"report": stored.key, "datasets": len(ordered), "failed_datasets": failed},
            run_pk=run_pk,
        )
    )
    totals = {"datasets": len(datasets), "failed": len(failed), "findings": findings}
    ledger.finish_run(run_pk, "failed" if failed else "success", totals)
    log.info("%d datasets checked, %d findings; report %s", len(ordered), findings, stored.uri)
    log.info(
        "%d findings and Data Docs files older than %d days removed",
        swept,
        datamap.reports.findings_days,
    )
    by_category: dict[str, int] = {}
    for summary in ordered:
        for name, count in summary["by_category"].items():
            by_category[name] = by_category.get(name, 0) + count
    for name, count in sorted(by_category.items()):
        log.info("findings %s: %d", name, count)
    if findings or failed:
        _alert_dpo(datamap, ordered, failed, store.link(stored), context)
    if failed:
        _fail(f"{len(failed)} dataset(s) could not be checked: {', '.join(failed)}")
    return {"report": stored.key, **totals, "swept": swept}


def _alert_not_run(datamap, context: Any) -> None:
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    SmtpNotifier(
        to=datamap.organisation.dpo.email,
        subject="[GDPR] Minimisation checks did not run",
        html_content="<p>The minimisation checks did not run: a dataset named in the form is "
        "unknown, or a hand-written suite in the expectations folder was refused. The "
        "<code>select_datasets</code> task log of the run says which.</p>",
        smtp_conn_id="smtp_default",
    )(context)


def _alert_dpo(
    datamap, summaries: Sequence[dict], failed: Sequence[str], link: str, context: Any
) -> None:
    """E-mail the DPO (counts per category, a link to the report; never a value)."""
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    lines = "".join(
        f"<li>{s['dataset']}: {s['findings']} finding(s) {s['by_category']}</li>"
        for s in summaries
        if s["findings"]
    )
    lines += "".join(f"<li>{d}: could not be checked</li>" for d in failed)
    SmtpNotifier(
        to=datamap.organisation.dpo.email,
        subject=f"[GDPR] Minimisation checks: {sum(s['findings'] for s in summaries)} finding(s)",
        html_content=f"<p>The daily minimisation checks found:</p><ul>{lines}</ul>"
        f'<p><a href="{link}">Report (link valid 7 days)</a></p>',
        smtp_conn_id="smtp_default",
    )(context)
