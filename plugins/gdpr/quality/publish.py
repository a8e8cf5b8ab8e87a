"""Where a minimisation run's results go: Data Docs and findings to the reports location,
a summary per dataset in the ledger, and the run's HTML summary.

The findings (keys of the records found) and the Data Docs (which may quote values) are
personal data: they carry the expiry tags of ``gdpr.access.deliver`` for
``reports.findings_days`` and a lifecycle rule, and each run sweeps those that expired
(``sweep_findings``). The summary holds counts only and stays, as its evidence does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from gdpr.access.deliver import EXPIRES_TAG, ensure_expiry_rule, expiry_tags, sweep_expired
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


def findings_expiry(store: ReportStore, now: datetime) -> dict[str, str]:
    """The tags of a findings file written ``now``, once the bucket has the lifecycle rule."""
    days = store.location.findings_days
    ensure_expiry_rule(store.bucket.client, store.location, days, name="findings")
    return expiry_tags(now + timedelta(days=days), days)


def sweep_findings(store: ReportStore, now: datetime) -> int:
    """Delete every version of the findings and Data Docs whose expiry has passed; returns how
    many files went. The files of one dataset in one run expire together: the tags of its
    ``findings.csv`` decide for all of them. Run summaries (counts only) stay."""
    top = f"{store.location.prefix}{PREFIX}/"

    def decided_by(key: str) -> str | None:
        run, _, rest = key[len(top) :].partition("/")
        dataset, _, name = rest.partition("/")
        return f"{top}{run}/{dataset}/findings.csv" if name else None

    return sweep_expired(
        store.bucket.client, store.location, now, under=f"{PREFIX}/", decided_by=decided_by
    )


def upload_docs(
    store: ReportStore, docs_dir: Path, prefix: str, tags: dict[str, str] | None = None
) -> str:
    """Every file of the Data Docs site under ``prefix``; returns the key of its index."""
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        name = f"{prefix}/{path.relative_to(docs_dir).as_posix()}"
        store.put(name, path.read_bytes(), tags=tags)
    return f"{store.location.prefix}{prefix}/index.html"


def publish_dataset(
    outcome: DatasetOutcome,
    *,
    store: ReportStore,
    ledger: Ledger,
    docs_dir: Path | None,
    run_id: str,
    run_pk: int | None,
    now: datetime,
) -> dict[str, Any]:
    """Data Docs and the findings CSV (keys and categories only), expiring after
    ``reports.findings_days``, then the ledger summary."""
    prefix = f"{run_prefix(run_id)}/{outcome.dataset}"
    summary = outcome.summary()
    tags = findings_expiry(store, now)
    if docs_dir is not None:
        summary["docs"] = upload_docs(store, docs_dir, f"{prefix}/docs", tags)
    stored = store.put(f"{prefix}/findings.csv", to_csv(outcome.findings), tags=tags)
    summary["expires_at"] = tags[EXPIRES_TAG]
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
