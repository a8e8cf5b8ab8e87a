"""Task bodies of ``gdpr_request_intake``."""

from __future__ import annotations

from gdpr.airflow.hooks import airflow_clients, ledger_for
from gdpr.airflow.refusal import refuse
from gdpr.connectors.factory import connector_for
from gdpr.datamap import load_datamap
from gdpr.intake import IntakeNotConfigured, mark_exports_started, take_requests
from gdpr.intake.take import intake_rule
from gdpr.ledger.clock import utc_now


def take(*, dag_id: str, run_id: str, batch_size: int = 1000) -> dict:
    """Record the new requests; returns counts and the ids of the exports to start."""
    datamap = load_datamap()
    try:
        rule = intake_rule(datamap)
    except IntakeNotConfigured as exc:
        raise refuse(str(exc)) from None
    ref = datamap.dataset(rule.dataset)
    clients = airflow_clients()
    ledger = ledger_for(datamap)
    ledger.check_ready()
    run_pk = ledger.start_run(dag_id, run_id, kind="intake")
    try:
        outcome = take_requests(
            datamap,
            connector_for(ref.system, clients),
            ledger,
            now=utc_now(),
            batch_size=batch_size,
        )
    except Exception:
        ledger.finish_run(run_pk, "failed", {})
        raise
    finally:
        clients.dispose()
    summary = outcome.as_dict()
    ledger.finish_run(run_pk, "success", {k: v for k, v in summary.items() if k != "to_start"})
    return summary


def exports_to_start(outcome: dict) -> list[dict]:
    """One TriggerDagRunOperator call per request, with a run id that makes a repeat a no-op."""
    return [
        {
            "conf": {"request_id": item["request_id"], "kind": item["kind"]},
            "trigger_run_id": f"intake__{item['request_id']}",
        }
        for item in outcome["to_start"]
    ]


def mark_started(outcome: dict) -> int:
    ledger = ledger_for()
    return mark_exports_started(ledger, [item["request_id"] for item in outcome["to_start"]])
