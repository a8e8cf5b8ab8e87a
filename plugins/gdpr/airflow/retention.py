"""Task bodies of ``gdpr_retention_purge``: choose the rules, purge each, report."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from gdpr.airflow.hooks import airflow_clients, ledger_for
from gdpr.airflow.refusal import refuse
from gdpr.connectors.factory import connectors_for
from gdpr.datamap import load_datamap
from gdpr.ledger import EvidenceInput
from gdpr.ledger.clock import utc_now
from gdpr.reports.retention import render_retention_report
from gdpr.reports.store import ReportStore
from gdpr.retention.anonymise import NotNullError
from gdpr.retention.purge import SelectionError
from gdpr.retention.run import run_rule

log = logging.getLogger(__name__)
ASSET_ALIAS = "gdpr_retention_purged"


def select_rules(requested: Sequence[str] | None) -> list[str]:
    """The rules to run: all of the map's, or the ones the form names (unknown ids are refused)."""
    datamap = load_datamap()
    known = [rule.id for rule in datamap.retention]
    wanted = [r.strip() for r in requested or [] if r and r.strip()]
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise refuse(
            f"unknown retention rule(s) {', '.join(unknown)}; the data map has: {', '.join(known)}"
        )
    chosen = [rule for rule in known if not wanted or rule in wanted]
    log.info("%d retention rules to run: %s", len(chosen), ", ".join(chosen))
    return chosen


def organisation_timezone() -> str:
    return load_datamap().organisation.timezone


def run_as_of(context: Mapping[str, Any]) -> datetime:
    """When a run cuts: its logical date (the end of its data interval), so a rerun or a
    backfill cuts where the scheduled run did; a manual run without one, its trigger time."""
    for moment in (
        context.get("data_interval_end"),
        getattr(context.get("dag_run"), "run_after", None),
    ):
        if moment is not None:
            return moment
    return utc_now()


def as_of(
    context: Mapping[str, Any], requested: str | None, *, dry_run: bool, timezone: str
) -> datetime:
    """The run's as-of instant, or noon of the ``requested`` date (``YYYY-MM-DD``, in the
    organisation's calendar) for a preview: "what will be purged on 1 January". A real purge
    never cuts at a date of the form's choosing."""
    if not requested:
        return run_as_of(context)
    if not dry_run:
        raise refuse(
            f"as_of {requested} is for previews: tick Dry run, or leave it empty to purge as of "
            "the run's logical date"
        )
    try:
        day = date.fromisoformat(str(requested))
    except ValueError:
        raise refuse(f"as_of {requested!r} is not a date (YYYY-MM-DD)") from None
    return datetime.combine(day, time(12), tzinfo=ZoneInfo(timezone))


def purge_rule(
    rule_id: str,
    *,
    dry_run: bool,
    dag_id: str,
    run_id: str,
    batch_size: int,
    now: datetime | None = None,
) -> dict:
    """Apply one rule as of ``now`` (the run's as-of instant; default: the product clock);
    returns counts only. Fails before any change if a system is unreachable."""
    datamap = load_datamap()
    clients = airflow_clients()
    try:
        ledger = ledger_for(datamap)
        run_pk = ledger.start_run(dag_id, run_id, kind="retention")
        outcome = run_rule(
            datamap,
            rule_id,
            connectors_for(datamap, clients),
            ledger,
            now=now or utc_now(),
            dry_run=dry_run,
            batch_size=batch_size,
            run_pk=run_pk,
        )
    except (SelectionError, NotNullError) as exc:  # the map or schema must change: no retry
        raise refuse(" ".join(str(exc).split())) from None
    finally:
        clients.dispose()
    return outcome.as_dict()


def report(
    rules: Sequence[str] | None,
    outcomes: Sequence[dict] | None,
    *,
    dry_run: bool,
    dag_id: str,
    run_id: str,
) -> dict:
    """The HTML report of the run (a preview in a dry run); fails the run if a rule failed.

    No rules means select_rules refused the form (this task runs whatever happened before it):
    nothing ran and nothing is reported; the task fails (the run's outcome) in one line.
    """
    if rules is None:
        raise refuse("nothing to report: no rule ran (select_rules refused the form, see its log)")
    rules, outcomes = list(rules), list(outcomes or [])
    datamap = load_datamap()
    done = {o["rule"]: o for o in outcomes}
    failed = [r for r in rules if r not in done]
    ledger = ledger_for(datamap)
    run_pk = ledger.start_run(dag_id, run_id, kind="retention")
    html = render_retention_report(
        datamap,
        [done[r] for r in rules if r in done],
        failed,
        dry_run=dry_run,
        generated_at=utc_now(),
        run_id=run_id,
    )
    store = ReportStore(airflow_clients().s3(datamap.reports.conn_id), datamap.reports)
    stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
    stored = store.put(f"retention/{stamp}-{'preview' if dry_run else 'purge'}.html", html)
    ledger.record_evidence(
        EvidenceInput(
            action="retention.preview" if dry_run else "retention.report",
            count=len(done),
            keys_sha256=stored.sha256,
            detail={"report": stored.key, "failed_rules": failed},
            run_pk=run_pk,
        )
    )
    totals = {
        "rules": len(rules),
        "failed": len(failed),
        "records": sum(
            d["count"]
            for o in outcomes
            for d in [*o["datasets"].values(), *o.get("shared", {}).values()]
        ),
    }
    ledger.finish_run(run_pk, "failed" if failed else "success", totals)
    log.info(
        "%s: %d rules, %d records %s; report %s",
        "preview" if dry_run else "purge",
        len(done),
        totals["records"],
        "would change" if dry_run else "changed",
        stored.uri,
    )
    log.info("open it (link valid 7 days): %s", store.link(stored))
    if failed:
        raise refuse(f"{len(failed)} rule(s) failed: {', '.join(failed)}; see their task logs")
    return {"report": stored.key, **totals}
