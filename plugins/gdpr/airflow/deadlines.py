"""Task bodies of ``gdpr_deadline_watch`` and ``gdpr_request_decision``."""

from __future__ import annotations

import logging
from typing import Any

import isodate

from gdpr.airflow.hooks import airflow_clients, ledger_for
from gdpr.airflow.notify import send_alert
from gdpr.airflow.refusal import refuse
from gdpr.datamap import load_datamap
from gdpr.deadlines.board import render_board
from gdpr.deadlines.decisions import DecisionError, decide
from gdpr.deadlines.watch import running_clocks, watch
from gdpr.erasure.request import REQUEST_ID
from gdpr.ledger import EvidenceInput, RecordNotFoundError
from gdpr.ledger.clock import utc_now
from gdpr.reports.store import ReportStore

log = logging.getLogger(__name__)


def alert(*, dag_id: str, run_id: str, dag: Any = None) -> dict:
    """Send the alerts due now, each once; returns counts."""
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    ledger.check_ready()
    run_pk = ledger.start_run(dag_id, run_id, kind="deadline_watch")
    outcome = watch(
        ledger,
        datamap,
        utc_now(),
        lambda a: send_alert(a, email_conn_id=datamap.alerts.email_conn_id, dag=dag),
        run_pk=run_pk,
    )
    ledger.finish_run(run_pk, "partial" if outcome.failed else "success", outcome.as_dict())
    return outcome.as_dict()


def clear_identities() -> dict:
    """Erase the identity of the requests closed for longer than the data map's `proof_period`
    (``ledger.proof_period``); the chain keeps what was asked and when, not who. Returns the
    count (the ids are in the ledger's ``request.identity_cleared`` evidence)."""
    datamap = load_datamap()
    cutoff = utc_now() - isodate.parse_duration(datamap.ledger.proof_period)
    cleared = ledger_for(datamap).clear_identities(cutoff)
    log.info("identities erased: %d closed requests past proof_period", len(cleared))
    return {"cleared": len(cleared)}


def publish_board(*, run_id: str) -> dict:
    """Write the board (HTML) to the reports location: the latest under a fixed name, and a copy."""
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    now = utc_now()
    clocks = running_clocks(ledger, datamap, now)
    html = render_board(datamap, clocks, now, run_id)
    store = ReportStore(airflow_clients().s3(datamap.reports.conn_id), datamap.reports)
    latest = store.put("deadlines/board.html", html)
    store.put(f"deadlines/{now:%Y%m%dT%H%M%SZ}-board.html", html)
    overdue = sum(c.overdue(now) for c in clocks)
    log.info("board with %d clocks (%d overdue) written to %s", len(clocks), overdue, latest.uri)
    log.info("open it (link valid 7 days): %s", store.link(latest))
    return {"board": latest.key, "clocks": len(clocks), "overdue": overdue}


def record_decision(request_id: str, action: str, reason: str, *, dag_id: str, run_id: str) -> dict:
    """Apply the DPO's decision; a refused one fails the run with the reason, nothing written."""
    if not REQUEST_ID.fullmatch((request_id or "").strip()):
        raise refuse("give the id of a ledger request, e.g. R-2026-000012 (see the deadline board)")
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    ledger.check_ready()
    try:
        record = decide(
            ledger,
            request_id.strip(),
            action,
            reason,
            timezone=datamap.organisation.timezone,
            now=utc_now(),
            actor=f"{dag_id}/{run_id}",
            extension_end=datamap.alerts.extension_end,
        )
    except (DecisionError, RecordNotFoundError) as exc:
        raise refuse(str(exc)) from None
    run_pk = ledger.start_run(dag_id, run_id, kind="request_decision")
    ledger.record_evidence(
        EvidenceInput(
            action=f"request.{action}",
            count=1,
            detail={"status": record.status, "due_at": record.effective_due_at.isoformat()},
            run_pk=run_pk,
            request_id=record.request_id,
            citation={"refuse": "Art. 12(4) GDPR"}.get(action, "Art. 12(3) GDPR"),
        )
    )
    ledger.finish_run(run_pk, "success", {"action": action})
    log.info(
        "request %s: %s; status %s, due %s",
        record.request_id,
        action,
        record.status,
        record.effective_due_at.isoformat(),
    )
    return {
        "request_id": record.request_id,
        "status": record.status,
        "due_at": record.effective_due_at.isoformat(),
    }
