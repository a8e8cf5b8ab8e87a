"""Task bodies of ``gdpr_subject_erasure_batch``: many approved requests, one preview, one
approval, one erasure.

The steps are those of ``gdpr_subject_erasure`` (gdpr.airflow.erasure) for a list of ledger
requests: the batch plan (each subject's plan, the merged plan, who gets which change) travels
through the reports location, XCom carries the batch id, its SHA-256, request ids and counts.
Each request still gets its own evidence row, certificate, Art. 19 notices and suppression
entry, and is closed on its own.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import Any

from gdpr.airflow.erasure import (
    ACTOR,
    NOTHING_LEFT,
    RUN_KIND,
    close_erased,
    close_nothing_left,
    failure,
    not_approved,
    reports_session,
    send_mail,
    suppression_key,
    suppression_reason,
)
from gdpr.airflow.hooks import airflow_clients, ledger_engine
from gdpr.connectors.factory import Clients, connectors_for
from gdpr.datamap import load_datamap
from gdpr.datamap.models import DataMap
from gdpr.erasure.batch import BatchPlan, Subject, apply_batch, plan_batch, verify_batch
from gdpr.erasure.certificate import issue_certificate, load_batch, store_batch_preview
from gdpr.erasure.grounds import GROUNDS
from gdpr.erasure.notify import CHANNEL, recipients_for
from gdpr.erasure.request import CLOSED
from gdpr.erasure.settings import MAX_BATCH_SUBJECTS
from gdpr.erasure.suppression import SuppressionKeyError, suppress
from gdpr.erasure.verify import ErasureIncompleteError
from gdpr.ledger import EvidenceInput, Ledger, RequestRecord
from gdpr.reports.store import ReportStore

log = logging.getLogger(__name__)
TOPIC = "art19_erasure"


def check_input(params: Mapping[str, Any], *, run_id: str) -> dict:
    """The requests to erase for; fails before any write if one of them cannot be acted on."""
    ground = params.get("ground")
    if ground not in GROUNDS:
        raise failure(f"unknown Art. 17(1) ground {ground!r}; choose one of {', '.join(GROUNDS)}")
    ledger = Ledger(ledger_engine())
    requests = _requests(ledger, params)
    for request in requests:
        ledger.add_request_event(
            request.request_id,
            "erasure.triggered",
            ACTOR,
            {"run_id": run_id, "ground": ground, "batch": True, "note": params.get("note") or None},
        )
    log.info("erasure of %d requests, ground Art. 17(1)(%s)", len(requests), ground)
    return {"request_ids": [r.request_id for r in requests], "ground": ground}


def _requests(ledger: Ledger, params: Mapping[str, Any]) -> list[RequestRecord]:
    given = [str(r).strip() for r in params.get("request_ids") or [] if str(r).strip()]
    if params.get("all_open"):
        if given:
            raise failure("give request ids or choose every open erasure request, not both")
        requests = [r for r in ledger.open_requests() if r.kind == "erasure"]
        if not requests:
            raise failure("there is no open erasure request in the ledger: nothing to do")
    else:
        if not given:
            raise failure("give at least one erasure request id (or every open erasure request)")
        ids = list(dict.fromkeys(given))
        found = {i: ledger.get_request(i) for i in ids}
        problems = [_problem(i, r) for i, r in found.items() if _problem(i, r)]
        if problems:
            shown = "; ".join(problems[:10]) + (
                f"; and {len(problems) - 10} more" if len(problems) > 10 else ""
            )
            raise failure(f"{len(problems)} of {len(ids)} requests cannot be erased: {shown}")
        requests = [r for r in found.values() if r is not None]
    if len(requests) > MAX_BATCH_SUBJECTS:
        raise failure(
            f"{len(requests)} requests: one run erases at most {MAX_BATCH_SUBJECTS}; split the list"
        )
    return requests


def _problem(request_id: str, request: RequestRecord | None) -> str:
    if request is None:
        return f"{request_id} is not in the ledger"
    if request.kind != "erasure":
        return f"{request_id} is a {request.kind} request"
    if request.status in CLOSED or not request.subject_email:
        return f"{request_id} is {request.status}"
    return ""


def make_preview(check: Mapping[str, Any], *, dag_id: str, run_id: str) -> dict:
    """Plan the batch, store it and its HTML preview; counts and links only."""
    from airflow.sdk.exceptions import AirflowSkipException

    datamap = load_datamap()
    ledger = Ledger(ledger_engine())
    run_pk = ledger.start_run(dag_id, run_id, kind=RUN_KIND)
    subjects = [Subject(r, ledger.get_request(r).subject_email) for r in check["request_ids"]]
    clients = airflow_clients()
    now = datetime.now(UTC)
    try:
        batch = plan_batch(
            datamap,
            connectors_for(datamap, clients),
            ledger,
            subjects,
            ground=check["ground"],
            now=now,
        )
        store = ReportStore(clients.s3(datamap.reports.conn_id), datamap.reports)
        stored_plan, report = store_batch_preview(datamap, batch, store, generated_at=now)
        link = store.link(report)
    finally:
        clients.dispose()
    totals = batch.merged.totals()
    ledger.record_evidence(
        EvidenceInput(
            action="erasure.batch_preview",
            count=sum(totals.values()),
            keys_sha256=batch.sha256,
            detail={
                "batch": batch.batch_id,
                "report": report.key,
                "totals": totals,
                "ground": check["ground"],
                "subjects": len(subjects),
            },
            run_pk=run_pk,
        )
    )
    empty = [r for r, plan in batch.plans.items() if plan.empty]
    for request_id in empty:
        ledger.add_request_event(request_id, NOTHING_LEFT, ACTOR, {"run_id": run_id})
    for dataset, counts in batch.counts().items():
        log.info("preview %s: %s", dataset, ", ".join(f"{a} {n}" for a, n in counts.items() if n))
    log.info(
        "%d subjects: %d with something to erase, %d with nothing left",
        len(subjects),
        len(subjects) - len(empty),
        len(empty),
    )
    if batch.merged.empty:
        raise AirflowSkipException("nothing of these subjects is left to erase")
    log.info("preview report %s (link valid 7 days): %s", report.uri, link)
    return {
        "batch_id": batch.batch_id,
        "ground": check["ground"],
        "subjects": len(subjects),
        "nothing_left": len(empty),
        "plan_key": stored_plan.key,
        "plan_sha256": batch.sha256,
        "report_key": report.key,
        "report_url": link,
        "totals": totals,
        "counts": batch.counts(),
    }


@dataclass
class Approved:
    datamap: DataMap
    ledger: Ledger
    clients: Clients
    store: ReportStore
    batch: BatchPlan

    def connectors(self):
        return connectors_for(self.datamap, self.clients)

    def subjects(self) -> list[Subject]:
        return [Subject(r, self.ledger.get_request(r).subject_email) for r in self.batch.plans]

    def to_erase(self) -> list[str]:
        """Requests whose subject had something to erase (the others are closed as such)."""
        return [r for r, plan in self.batch.plans.items() if not plan.empty]


@contextmanager
def _approved(preview_result: Mapping[str, Any]) -> Iterator[Approved]:
    with reports_session() as (datamap, clients, store):
        batch = load_batch(store, preview_result["batch_id"], preview_result["plan_sha256"])
        yield Approved(datamap, Ledger(ledger_engine()), clients, store, batch)


def erase(preview_result: Mapping[str, Any], *, dag_id: str, run_id: str) -> dict:
    with _approved(preview_result) as job:
        run_pk = job.ledger.start_run(dag_id, run_id, kind=RUN_KIND)
        outcome = apply_batch(job.datamap, job.batch, job.connectors(), job.ledger, run_pk=run_pk)
    return {
        "batch_id": outcome.batch_id,
        "plan_sha256": outcome.plan_sha256,
        "subjects": outcome.subjects,
        "changed": outcome.changed,
        "total": outcome.total,
        "already_applied": outcome.already_applied,
    }


def verify(preview_result: Mapping[str, Any]) -> dict:
    with _approved(preview_result) as job:
        try:
            results = verify_batch(job.datamap, job.batch, job.connectors(), job.subjects())
        except ErasureIncompleteError as exc:
            raise failure(str(exc)) from exc
    kept = sum(n for v in results.values() for n in v.kept.values())
    log.info("verified %d subjects: nothing left but %d kept records", len(results), kept)
    return {"subjects": len(results), "kept": kept}


def certify(
    preview_result: Mapping[str, Any],
    approval: Mapping[str, Any] | None,
    *,
    dag_id: str,
    run_id: str,
) -> dict:
    """One certificate per request with something erased, from its own plan and counts."""
    user = (approval or {}).get("responded_by_user") or {}
    issued = 0
    with _approved(preview_result) as job:
        run_pk = job.ledger.start_run(dag_id, run_id, kind=RUN_KIND)
        completed_at = datetime.now(UTC)
        erased = job.to_erase()
        for n, request_id in enumerate(erased, start=1):
            issue_certificate(
                job.datamap,
                job.batch.plans[request_id],
                {"changed": job.batch.attributed[request_id]},
                job.ledger,
                job.store,
                completed_at=completed_at,
                approved_by=user.get("name"),
                approved_at=(approval or {}).get("responded_at"),
                run_pk=run_pk,
            )
            issued = n
            if n % 100 == 0:
                log.info("certificates: %d/%d", n, len(erased))
    log.info("certificates: %d issued", issued)
    return {"certificates": issued}


def notify_recipients(preview_result: Mapping[str, Any], *, dag: Any = None) -> dict:
    """Art. 19: one e-mail per recipient listing the subjects of this batch whose data it
    received, each (request, recipient) pair claimed in the ledger so none is told twice."""
    with _approved(preview_result) as job:
        org = job.datamap.organisation
        by_recipient = _recipients(job.datamap, job.batch, job.to_erase())
        sent = already = 0
        for address, (name, purposes, request_ids) in sorted(by_recipient.items()):
            todo = _claim(job.ledger, address, request_ids)
            already += len(request_ids) - len(todo)
            if not todo:
                continue
            claim = {"topic": TOPIC, "occasion": "erasure", "channel": CHANNEL}
            try:
                requests = [job.ledger.get_request(r) for r in todo]
                send_mail(
                    address,
                    f"{org.name}: erasure of personal data (Art. 19 GDPR), {len(todo)} people",
                    _notice(org.name, org.dpo.email, name, purposes, requests),
                    dag=dag,
                )
            except Exception:
                job.ledger.release_notifications(**claim, recipient=address, targets=todo)
                raise
            job.ledger.mark_notifications_sent(**claim, recipient=address, targets=todo)
            sent += len(todo)
    log.info(
        "Art. 19: %d recipients, %d subject notices sent now, %d already sent",
        len(by_recipient),
        sent,
        already,
    )
    return {"recipients": len(by_recipient), "sent": sent, "already_sent": already}


def _recipients(
    datamap: DataMap, batch: BatchPlan, request_ids: Sequence[str]
) -> dict[str, tuple[str, set[str], list[str]]]:
    """Address -> (recipient's name, purposes, the requests whose changed data it received)."""
    out: dict[str, tuple[str, set[str], list[str]]] = {}
    for request_id in request_ids:
        affected = [d for d, c in batch.attributed[request_id].items() if any(c.values())]
        for notice in recipients_for(datamap, affected):
            _, purposes, ids = out.setdefault(notice.recipient, (notice.name, set(), []))
            purposes.update(notice.purposes)
            ids.append(request_id)
    return out


def _claim(ledger: Ledger, recipient: str, request_ids: list[str]) -> list[str]:
    """The requests this run now holds the notice of (all at once, else one at a time)."""
    claim = {"topic": TOPIC, "occasion": "erasure", "channel": CHANNEL, "recipient": recipient}
    if ledger.claim_notifications(**claim, targets=request_ids):
        return list(request_ids)
    return [r for r in request_ids if ledger.claim_notification(**claim, target=r)]


def _notice(
    org_name: str, dpo_email: str, name: str, purposes: set[str], requests: list[RequestRecord]
) -> str:
    items = "".join(f"<li>{escape(p)}</li>" for p in sorted(purposes))
    rows = "".join(
        f"<tr><td>{escape(r.subject_email)}</td><td>{escape(r.request_id)}</td></tr>"
        for r in requests
    )
    return (
        f"<p>Dear {escape(name)},</p>"
        f"<p>Under Article 19 GDPR, {escape(org_name)} informs you that it has erased the personal "
        f"data of the {len(requests)} data subjects listed below (Art. 17), which we disclosed to "
        f"you for:</p><ul>{items}</ul>"
        f"<table><tr><th>Data subject's e-mail address</th><th>Our reference</th></tr>{rows}"
        "</table><p>Please erase these data from your systems as well, and confirm to our data "
        f"protection officer at {escape(dpo_email)}.</p>"
    )


def add_suppressions(preview_result: Mapping[str, Any]) -> dict:
    reason = suppression_reason(preview_result["ground"])
    key = suppression_key()
    added = 0
    with _approved(preview_result) as job:
        emails = {s.request_id: s.email for s in job.subjects()}
        erased = job.to_erase()
        for request_id in erased:
            try:
                added += suppress(
                    job.ledger, key, emails[request_id], reason=reason, request_id=request_id
                )
            except SuppressionKeyError as exc:
                raise failure(str(exc)) from exc
    subjects = len(erased)
    log.info("suppression entries: %d added, %d already there", added, subjects - added)
    return {"suppressed": subjects, "added": added}


def finish(
    check: Mapping[str, Any] | None,
    preview_result: Mapping[str, Any] | None,
    approval: Mapping[str, Any] | None,
    suppressed: Mapping[str, Any] | None,
    *,
    dag_id: str,
    run_id: str,
) -> dict:
    """Close every request of the batch: erased, nothing left, rejected, timed out or failed."""
    if not check:
        raise failure("the input was refused: nothing was changed")
    ledger = Ledger(ledger_engine())
    run_pk = ledger.start_run(dag_id, run_id, kind=RUN_KIND)
    request_ids: list[str] = check["request_ids"]
    nothing_left = close_nothing_left(ledger, request_ids, run_id)
    rest = [r for r in request_ids if r not in nothing_left]
    summary = {"requests": len(request_ids), "nothing_left": len(nothing_left)}
    if not rest:
        ledger.finish_run(run_pk, "success", summary | {"outcome": "nothing left"})
        log.info("%d requests: nothing of the subjects is left to erase", len(request_ids))
        return summary | {"outcome": "nothing left"}
    if not preview_result:
        ledger.finish_run(run_pk, "failed", summary)
        raise failure("the preview did not complete; nothing was changed")
    outcome = not_approved(ledger, rest, approval, run_id=run_id)
    if outcome:
        ledger.finish_run(run_pk, "success", summary | {"outcome": outcome})
        log.info("%d requests: %s; nothing was erased", len(rest), outcome)
        return summary | {"outcome": outcome}
    if not suppressed:
        ledger.finish_run(run_pk, "failed", summary)
        raise failure("a step after the approval failed; see its task log")
    close_erased(ledger, rest, run_id)
    ledger.finish_run(run_pk, "success", summary | {"outcome": "erased", "erased": len(rest)})
    log.info("%d requests erased and closed, %d had nothing left", len(rest), len(nothing_left))
    return summary | {"outcome": "erased", "erased": len(rest)}
