"""Task bodies of ``gdpr_processing_register``: compare the map with the systems, publish Art. 30."""

from __future__ import annotations

import logging

from gdpr.airflow.hooks import airflow_clients, ledger_audit, ledger_engine, ledger_for
from gdpr.airflow.refusal import refuse
from gdpr.connectors.base import SystemUnreachableError
from gdpr.connectors.factory import connector_for
from gdpr.datamap import load_datamap
from gdpr.datamap.drift import Drift, compare
from gdpr.ledger import EvidenceInput
from gdpr.ledger.clock import utc_now
from gdpr.reports.register import build_register, render_csv, render_html
from gdpr.reports.store import ReportStore

log = logging.getLogger(__name__)


def list_systems() -> list[str]:
    """Validate the data map (a broken map fails here, before anything is read) and name its systems."""
    datamap = load_datamap()
    log.info(
        "data map %s valid: %d systems, %d datasets, %d purposes",
        datamap.digest[:12],
        len(datamap.systems),
        len(datamap.dataset_ids()),
        len(datamap.purposes),
    )
    return [system.name for system in datamap.systems]


def check_system(system_name: str) -> dict:
    """Compare one system with the map. Returns names of tables/columns only, never data."""
    system = load_datamap().system(system_name)
    clients = airflow_clients()
    try:
        drift = compare(system, connector_for(system, clients).inspect())
    except SystemUnreachableError as exc:
        log.error("%s", exc)
        return {"system": system_name, "unreachable": str(exc)}
    finally:
        clients.dispose()
    log.info(
        "system %s: %d datasets, %d missing, %d undeclared columns",
        system_name,
        drift.datasets,
        len(drift.missing),
        len(drift.undeclared),
    )
    for item in drift.missing:
        log.error("declared but missing: %s", item)
    for item in drift.undeclared:
        log.warning("present but not declared in the data map: %s", item)
    return drift.as_dict()


def render(checks: list[dict], dag_id: str, run_id: str) -> dict:
    """Render the register (HTML + CSV) to the reports location and record it in the ledger."""
    datamap = load_datamap()
    drifts = [Drift(**c) for c in checks if "unreachable" not in c]
    unreachable = [c["system"] for c in checks if "unreachable" in c]
    entries = build_register(datamap)
    now = utc_now()
    engine = ledger_engine()
    ledger = ledger_for(datamap, engine=engine)
    ledger.check_ready()
    run_pk = ledger.start_run(dag_id, run_id, kind="register")
    clients = airflow_clients()
    store = ReportStore(clients.s3(datamap.reports.conn_id), datamap.reports)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    html = store.put(
        f"register/{stamp}-record-of-processing.html",
        render_html(datamap, entries, drifts, unreachable, now, run_id),
    )
    csv = store.put(f"register/{stamp}-record-of-processing.csv", render_csv(entries))
    ledger.record_evidence(
        EvidenceInput(
            action="register.render",
            count=len(entries),
            keys_sha256=html.sha256,
            detail={
                "html": html.key,
                "csv": csv.key,
                "csv_sha256": csv.sha256,
                "datamap": datamap.digest,
            },
            run_pk=run_pk,
            citation="Art. 30(1) GDPR",
        )
    )
    problems = sum(len(d.missing) for d in drifts) + len(unreachable)
    ledger.finish_run(
        run_pk,
        "success" if not problems else "partial",
        {
            "purposes": len(entries),
            "missing": problems,
            "undeclared": sum(len(d.undeclared) for d in drifts),
        },
    )
    log.info(
        "register with %d processing activities written to %s and %s",
        len(entries),
        html.uri,
        csv.uri,
    )
    log.info("open it (link valid 7 days): %s", store.link(html))
    audit = ledger_audit(datamap, engine=engine, s3=clients.s3)
    (log.info if audit.ok else log.error)("evidence chain: %s", audit.head_line())
    return {
        "html": html.key,
        "csv": csv.key,
        "sha256": html.sha256,
        "chain_head": audit.report.head,
        "chain_intact": audit.ok,
        "published_head": audit.head_line(),
    }


def require_match(checks: list[dict]) -> None:
    """Fail the run when the map declares what the systems do not have, or a system is down: a
    refusal (one sentence naming each problem, no traceback, no retry), since a retry cannot fix
    the map; the register was published before this check."""
    problems = [f"{c['system']}: {c['unreachable']}" for c in checks if "unreachable" in c]
    problems += [item for c in checks for item in c.get("missing", [])]
    if problems:
        raise refuse(
            f"the data map does not match the live systems ({len(problems)} problems: "
            f"{'; '.join(problems)}); fix the map or the systems, the register was still published"
        )
    log.info("every declared table, column and bucket exists")
