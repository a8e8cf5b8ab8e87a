"""Where a minimisation run's results go: Data Docs and findings to the reports location,
a summary per dataset in the ledger, and the run's HTML summary."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from gdpr.datamap.models import DataMap
from gdpr.ledger import EvidenceInput, Ledger
from gdpr.quality.detectors import DESCRIPTIONS
from gdpr.quality.findings import CHECKS, to_csv
from gdpr.quality.runner import DatasetOutcome
from gdpr.reports.render import render_template
from gdpr.reports.store import ReportStore, StoredReport

CITATION = "Art. 5(1)(c) and 5(1)(e) GDPR; Art. 9(1); Art. 7(1)"
PREFIX = "minimisation"


def run_prefix(run_id: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in run_id)
    return f"{PREFIX}/{safe}"


def upload_docs(store: ReportStore, docs_dir: Path, prefix: str) -> str:
    """Every file of the Data Docs site under ``prefix``; returns the key of its index."""
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        store.put(f"{prefix}/{path.relative_to(docs_dir).as_posix()}", path.read_bytes())
    return f"{store.location.prefix}{prefix}/index.html"


def publish_dataset(
    outcome: DatasetOutcome,
    *,
    store: ReportStore,
    ledger: Ledger,
    docs_dir: Path | None,
    run_id: str,
    run_pk: int | None,
) -> dict[str, Any]:
    """Data Docs and the findings CSV (keys and categories only), then the ledger summary."""
    prefix = f"{run_prefix(run_id)}/{outcome.dataset}"
    summary = outcome.summary()
    if docs_dir is not None:
        summary["docs"] = upload_docs(store, docs_dir, f"{prefix}/docs")
    stored = store.put(f"{prefix}/findings.csv", to_csv(outcome.findings))
    summary["findings_csv"] = stored.key
    system = outcome.dataset.partition(".")[0]
    ledger.record_evidence(
        EvidenceInput(
            action="minimisation.check",
            system=system,
            dataset=outcome.dataset,
            citation=CITATION,
            count=len(outcome.findings),
            keys_sha256=summary["findings_sha256"],
            detail={k: v for k, v in summary.items() if k != "findings_sha256"},
            run_pk=run_pk,
        )
    )
    return summary


def render_summary(
    datamap: DataMap,
    summaries: Sequence[dict],
    failed: Sequence[str],
    *,
    generated_at: datetime,
    run_id: str,
    links: dict[str, str] | None = None,
) -> str:
    totals: dict[str, int] = {}
    for summary in summaries:
        for name, count in summary["by_category"].items():
            totals[name] = totals.get(name, 0) + count
    return render_template(
        "minimisation.html.j2",
        org=datamap.organisation,
        summaries=list(summaries),
        failed=list(failed),
        totals=dict(sorted(totals.items())),
        checks=CHECKS,
        descriptions=DESCRIPTIONS,
        generated_at=generated_at,
        run_id=run_id,
        links=links or {},
    )


def store_summary(store: ReportStore, html: str, run_id: str) -> StoredReport:
    return store.put(f"{run_prefix(run_id)}/summary.html", html)
