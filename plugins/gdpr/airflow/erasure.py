"""Task bodies of ``gdpr_subject_erasure``: check, preview, erase, verify, certify, notify, suppress.

Tasks hand each other the request id, the plan's object key and SHA-256, and counts; each task
reads the subject's address from the ledger. The plan travels through the reports location
(it lists record keys, which can be many), and the erasure refuses a plan whose digest is not
the one the approver saw.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import Any

from gdpr.airflow.hooks import airflow_clients, ledger_engine
from gdpr.connectors.factory import Clients, connectors_for
from gdpr.datamap import load_datamap
from gdpr.datamap.models import DataMap
from gdpr.erasure.apply import apply_plan
from gdpr.erasure.certificate import issue_certificate, load_plan, store_preview
from gdpr.erasure.grounds import GROUNDS
from gdpr.erasure.notify import Notice, notify_once, recipients_for
from gdpr.erasure.plan import ErasurePlan, preview
from gdpr.erasure.request import RequestInputError, checked_email, request_for
from gdpr.erasure.suppression import SuppressionKeyError, suppress
from gdpr.erasure.verify import verify_erasure
from gdpr.ledger import EvidenceInput, Ledger
from gdpr.reports.store import ReportStore
from gdpr.subject import resolve_subject

log = logging.getLogger(__name__)
RUN_KIND = "erasure"
ACTOR = "airflow"
SUPPRESSION_VARIABLE = "gdpr_suppression_key"
SUPPRESSION_CONN_ID = "gdpr_suppression"
SMTP_CONN_ID = "smtp_default"
NOTHING_LEFT = "erasure.nothing_left"


def failure(message: str):
    """The exception that fails a task without a retry (a retry would not change the outcome)."""
    from airflow.sdk.exceptions import AirflowFailException

    return AirflowFailException(message)


def check_input(params: Mapping[str, Any], *, run_id: str) -> dict:
    """The request to erase for; fails before any write on a malformed or unknown subject."""
    datamap = load_datamap()
    ground = params.get("ground")
    if ground not in GROUNDS:
        raise failure(f"unknown Art. 17(1) ground {ground!r}; choose one of {', '.join(GROUNDS)}")
    ledger = Ledger(ledger_engine())
    try:
        request = subject_request(datamap, ledger, params, kind="erasure")
    except RequestInputError as exc:
        raise failure(str(exc)) from exc
    ledger.add_request_event(
        request.request_id,
        "erasure.triggered",
        ACTOR,
        {"run_id": run_id, "ground": ground, "note": params.get("note") or None},
    )
    log.info("erasure request %s, ground Art. 17(1)(%s)", request.request_id, ground)
    return {"request_id": request.request_id, "ground": ground}


def subject_request(datamap: DataMap, ledger: Ledger, params: Mapping[str, Any], *, kind: str):
    """The form's request: an existing one by id, or by e-mail one for a subject found somewhere."""
    email, request_id = params.get("subject_email"), params.get("request_id")
    if email and not request_id:
        email = checked_email(email)
        clients = airflow_clients()
        try:
            connectors = connectors_for(datamap, clients)
            found = resolve_subject(datamap, connectors, "email", email).found
        finally:
            clients.dispose()
        if not found:
            raise RequestInputError(f"no record of this subject in any system: no {kind} to do")
    return request_for(
        ledger,
        kind=kind,
        email=email,
        request_id=request_id,
        timezone=datamap.organisation.timezone,
        now=datetime.now(UTC),
        channel="airflow",
    )


def make_preview(request_id: str, ground: str, *, dag_id: str, run_id: str) -> dict:
    """Plan the erasure, store the plan and its HTML preview; counts and links only."""
    from airflow.sdk.exceptions import AirflowSkipException

    datamap = load_datamap()
    ledger = Ledger(ledger_engine())
    run_pk = ledger.start_run(dag_id, run_id, kind=RUN_KIND)
    request = ledger.get_request(request_id)
    clients = airflow_clients()
    now = datetime.now(UTC)
    try:
        plan = preview(
            datamap,
            connectors_for(datamap, clients),
            ledger,
            subject_email=request.subject_email,
            request_id=request_id,
            ground=ground,
            now=now,
        )
        store = ReportStore(clients.s3(datamap.reports.conn_id), datamap.reports)
        stored_plan, report = store_preview(datamap, plan, store, generated_at=now)
        link = store.link(report)
    finally:
        clients.dispose()
    totals = plan.totals()
    ledger.record_evidence(
        EvidenceInput(
            action="erasure.preview",
            count=sum(totals.values()),
            keys_sha256=plan.sha256,
            detail={"report": report.key, "totals": totals, "ground": ground},
            run_pk=run_pk,
            request_id=request_id,
        )
    )
    for dataset, counts in plan.counts().items():
        log.info("preview %s: %s", dataset, ", ".join(f"{a} {n}" for a, n in counts.items() if n))
    if plan.empty:
        ledger.add_request_event(request_id, NOTHING_LEFT, ACTOR, {"run_id": run_id})
        raise AirflowSkipException(f"request {request_id}: nothing of the subject is left to erase")
    log.info("preview report %s (link valid 7 days): %s", report.uri, link)
    return {
        "request_id": request_id,
        "ground": ground,
        "plan_key": stored_plan.key,
        "plan_sha256": plan.sha256,
        "report_key": report.key,
        "report_url": link,
        "totals": totals,
        "counts": plan.counts(),
    }


@dataclass
class Approved:
    """What the steps after the approval work with: the approved plan and where it applies."""

    datamap: DataMap
    ledger: Ledger
    clients: Clients
    store: ReportStore
    plan: ErasurePlan

    def connectors(self):
        return connectors_for(self.datamap, self.clients)


@contextmanager
def reports_session() -> Iterator[tuple[DataMap, Clients, ReportStore]]:
    """The data map, the systems' clients and the reports location, for one task."""
    datamap = load_datamap()
    clients = airflow_clients()
    try:
        yield datamap, clients, ReportStore(clients.s3(datamap.reports.conn_id), datamap.reports)
    finally:
        clients.dispose()


@contextmanager
def _approved(preview_result: Mapping[str, Any]) -> Iterator[Approved]:
    with reports_session() as (datamap, clients, store):
        plan = load_plan(store, preview_result["request_id"], preview_result["plan_sha256"])
        yield Approved(datamap, Ledger(ledger_engine()), clients, store, plan)


def erase(preview_result: Mapping[str, Any], *, dag_id: str, run_id: str) -> dict:
    with _approved(preview_result) as job:
        run_pk = job.ledger.start_run(dag_id, run_id, kind=RUN_KIND)
        outcome = apply_plan(job.datamap, job.plan, job.connectors(), job.ledger, run_pk=run_pk)
    if outcome.already_applied or not outcome.total:
        log.info("request %s: nothing left to erase, another run did it", outcome.request_id)
    return outcome.as_dict()


def verify(preview_result: Mapping[str, Any]) -> dict:
    with _approved(preview_result) as job:
        request = job.ledger.get_request(job.plan.request_id)
        result = verify_erasure(
            job.datamap, job.plan, job.connectors(), identity="email", value=request.subject_email
        )
    return result.as_dict()


def certify(
    preview_result: Mapping[str, Any],
    outcome: Mapping[str, Any],
    approval: Mapping[str, Any] | None,
    *,
    dag_id: str,
    run_id: str,
) -> dict:
    user = (approval or {}).get("responded_by_user") or {}
    with _approved(preview_result) as job:
        run_pk = job.ledger.start_run(dag_id, run_id, kind=RUN_KIND)
        stored = issue_certificate(
            job.datamap,
            job.plan,
            dict(outcome),
            job.ledger,
            job.store,
            completed_at=datetime.now(UTC),
            approved_by=user.get("name"),
            approved_at=(approval or {}).get("responded_at"),
            run_pk=run_pk,
        )
        link = job.store.link(stored)
    log.info("certificate %s (link valid 7 days): %s", stored.uri, link)
    return {"certificate_key": stored.key, "certificate_sha256": stored.sha256}


def notify_recipients(preview_result: Mapping[str, Any], *, dag: Any = None) -> dict:
    """Art. 19: one e-mail per recipient of the purposes whose data changed."""
    datamap = load_datamap()
    ledger = Ledger(ledger_engine())
    request = ledger.get_request(preview_result["request_id"])
    affected = [
        d
        for d, c in preview_result["counts"].items()
        if c.get("delete") or c.get("anonymise") or c.get("restrict")
    ]
    notices = recipients_for(datamap, affected)
    org = datamap.organisation

    def send(notice: Notice) -> None:
        send_mail(
            notice.recipient,
            f"{org.name}: erasure of personal data (Art. 19 GDPR), request {request.request_id}",
            _erasure_notice(org.name, org.dpo.email, request, notice),
            dag=dag,
        )

    counts = notify_once(
        ledger,
        notices,
        topic="art19_erasure",
        target=request.request_id,
        occasion="erasure",
        send=send,
    )
    log.info(
        "Art. 19: %d recipients, %d notified now, %d already notified",
        counts["recipients"],
        counts["sent"],
        counts["already_sent"],
    )
    return counts


def send_mail(to: str, subject: str, html: str, *, dag: Any = None) -> None:
    """One e-mail through the Airflow SMTP notifier and connection ``smtp_default``."""
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    SmtpNotifier(to=to, subject=subject, html_content=html, smtp_conn_id=SMTP_CONN_ID)({"dag": dag})


def _erasure_notice(org_name: str, dpo_email: str, request, notice: Notice) -> str:
    purposes = "".join(f"<li>{escape(p)}</li>" for p in notice.purposes)
    return (
        f"<p>Dear {escape(notice.name)},</p>"
        f"<p>Under Article 19 GDPR, {escape(org_name)} informs you that it has erased the personal "
        f"data of the data subject identified below (Art. 17), which we disclosed to you for:</p>"
        f"<ul>{purposes}</ul>"
        f"<p>Data subject's e-mail address: <b>{escape(request.subject_email)}</b><br>"
        f"Our reference: {escape(request.request_id)}</p>"
        "<p>Please erase these data from your systems as well, and confirm to our data protection "
        f"officer at {escape(dpo_email)}.</p>"
    )


def suppression_key() -> bytes:
    """The HMAC key of the suppression list: an Airflow Variable, else a connection's password."""
    from airflow.sdk import BaseHook, Variable

    value = Variable.get(SUPPRESSION_VARIABLE, default=None)
    if not value:
        try:
            value = BaseHook.get_connection(SUPPRESSION_CONN_ID).password
        except Exception:  # the connection is not defined either
            value = None
    if not value:
        raise failure(
            f"no suppression key: set the Airflow Variable {SUPPRESSION_VARIABLE} (or the password "
            f"of the connection {SUPPRESSION_CONN_ID}) to a long random secret"
        )
    from airflow.sdk.log import mask_secret

    mask_secret(value, SUPPRESSION_VARIABLE)
    return value.encode("utf-8")


def suppression_reason(ground: str) -> str:
    return f"erased under Art. 17(1)({ground})" + (
        "; objection to direct marketing (Art. 21(3))" if ground == "c" else ""
    )


def add_suppression(preview_result: Mapping[str, Any]) -> dict:
    ledger = Ledger(ledger_engine())
    request = ledger.get_request(preview_result["request_id"])
    reason = suppression_reason(preview_result["ground"])
    try:
        added = suppress(
            ledger,
            suppression_key(),
            request.subject_email,
            reason=reason,
            request_id=request.request_id,
        )
    except SuppressionKeyError as exc:
        raise failure(str(exc)) from exc
    log.info("suppression entry %s", "added" if added else "already there")
    return {"suppressed": True, "added": added}


def not_approved(
    ledger: Ledger, request_ids: list[str], approval: Mapping[str, Any] | None, *, run_id: str
) -> str | None:
    """Record a rejection (requests closed) or a timeout (left open); None when approved."""
    if ((approval or {}).get("chosen_options") or []) == ["Approve"]:
        return None
    by = ((approval or {}).get("responded_by_user") or {}).get("name")
    outcome = "rejected" if by else "approval timed out"
    now = datetime.now(UTC)
    for request_id in request_ids:
        if by:
            ledger.update_request(
                request_id,
                status="rejected",
                closed_at=now,
                close_reason="erasure rejected by the approver",
            )
        ledger.add_request_event(
            request_id, f"erasure.{outcome.replace(' ', '_')}", by or ACTOR, {"run_id": run_id}
        )
    return outcome


def close_nothing_left(ledger: Ledger, request_ids: list[str], run_id: str) -> set[str]:
    """Close the requests whose subject this run's preview found nothing of; returns them."""
    found = {
        r
        for r in request_ids
        if any(
            e.kind == NOTHING_LEFT and e.detail.get("run_id") == run_id
            for e in ledger.request_events(r)
        )
    }
    for request_id in found:
        if ledger.get_request(request_id).is_open:
            ledger.update_request(
                request_id,
                status="completed",
                closed_at=datetime.now(UTC),
                close_reason="nothing of the subject left to erase",
            )
    return found


def close_erased(ledger: Ledger, request_ids: list[str], run_id: str) -> None:
    now = datetime.now(UTC)
    for request_id in request_ids:
        ledger.update_request(
            request_id, status="completed", closed_at=now, close_reason="erased (Art. 17)"
        )
        ledger.add_request_event(request_id, "erasure.completed", ACTOR, {"run_id": run_id})


def finish(
    check: Mapping[str, Any] | None,
    preview_result: Mapping[str, Any] | None,
    approval: Mapping[str, Any] | None,
    suppressed: Mapping[str, Any] | None,
    *,
    dag_id: str,
    run_id: str,
) -> dict:
    """Close the run in the ledger: completed, rejected, timed out, nothing left, or failed."""
    if not check:
        raise failure("the input was refused: nothing was changed")
    ledger = Ledger(ledger_engine())
    request_id = check["request_id"]
    run_pk = ledger.start_run(dag_id, run_id, kind=RUN_KIND)
    if not preview_result:
        if close_nothing_left(ledger, [request_id], run_id):
            ledger.finish_run(run_pk, "success", {"request_id": request_id, "erased": 0})
            log.info("request %s: nothing of the subject is left to erase", request_id)
            return {"request_id": request_id, "outcome": "nothing left"}
        ledger.finish_run(run_pk, "failed", {"request_id": request_id})
        raise failure(f"request {request_id}: the preview did not complete; nothing was changed")
    outcome = not_approved(ledger, [request_id], approval, run_id=run_id)
    if outcome:
        ledger.finish_run(run_pk, "success", {"request_id": request_id, "outcome": outcome})
        log.info("request %s: %s; nothing was erased", request_id, outcome)
        return {"request_id": request_id, "outcome": outcome}
    if not suppressed:
        ledger.finish_run(run_pk, "failed", {"request_id": request_id})
        raise failure(f"request {request_id}: a step after the approval failed; see its task log")
    close_erased(ledger, [request_id], run_id)
    ledger.finish_run(run_pk, "success", {"request_id": request_id, "outcome": "erased"})
    return {"request_id": request_id, "outcome": "erased"}
