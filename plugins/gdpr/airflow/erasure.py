"""Task bodies of ``gdpr_subject_erasure``: check, preview, erase, verify, certify, notify, suppress.

Tasks hand each other the request id, the plan's object key and SHA-256, and counts; each task
reads the subject's address from the ledger. The plan travels through the reports location
(it lists record keys, which can be many), and the erasure refuses a plan whose digest is not
the one the approver saw. A single erasure is a batch of one: preview, erase, verify, certify,
notify and suppress are those of ``gdpr.airflow.erasure_batch``, so an interrupted erasure is
resumed the same way (``gdpr.erasure.approved``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from gdpr.airflow.hooks import airflow_clients, ledger_for
from gdpr.airflow.refusal import Refusal, refuse
from gdpr.connectors.factory import Clients, connectors_for
from gdpr.datamap import load_datamap
from gdpr.datamap.models import DataMap
from gdpr.erasure.certificate import issue_certificate
from gdpr.erasure.grounds import GROUNDS
from gdpr.erasure.plan import ErasurePlan
from gdpr.erasure.refusal import ERASED, REFUSED, close_detail, issue_refusal, outcome_of
from gdpr.erasure.request import RequestInputError, request_for
from gdpr.ledger import Ledger, RequestRecord
from gdpr.ledger.clock import utc_now
from gdpr.ledger.identity import request_identity
from gdpr.reports.store import ReportStore
from gdpr.subject import SubjectLocation, resolve_subject

T = TypeVar("T")
log = logging.getLogger(__name__)
RUN_KIND = "erasure"
ACTOR = "airflow"
SUPPRESSION_VARIABLE = "gdpr_suppression_key"
SUPPRESSION_CONN_ID = "gdpr_suppression"
SMTP_CONN_ID = "smtp_default"
NOTHING_LEFT = "erasure.nothing_left"
CLOSING = "erasure.closing"  # how the run's certificate or refusal notice ends the request


def failure(message: str) -> Refusal:
    """The exception that fails a task without a retry (a retry would not change the outcome),
    in one line without a traceback."""
    return refuse(message)


def check_input(params: Mapping[str, Any], *, run_id: str) -> dict:
    """The request to erase for; fails before any write on a malformed or unknown subject."""
    datamap = load_datamap()
    ground = params.get("ground")
    if ground not in GROUNDS:
        raise failure(f"unknown Art. 17(1) ground {ground!r}; choose one of {', '.join(GROUNDS)}")
    ledger = ledger_for(datamap)
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


def with_location(
    datamap: DataMap, request: RequestRecord, work: Callable[[Any, SubjectLocation], T]
) -> T:
    """``work(connectors, location)`` on the request's subject, found in every system by the
    identity requests are recorded under; the clients are closed after."""
    clients = airflow_clients()
    try:
        connectors = connectors_for(datamap, clients)
        location = resolve_subject(
            datamap, connectors, request_identity(datamap), request.subject_email
        )
        return work(connectors, location)
    finally:
        clients.dispose()


def subject_request(datamap: DataMap, ledger: Ledger, params: Mapping[str, Any], *, kind: str):
    """The form's request, by its ledger id (forms never take the subject's identity: it was
    registered in the ledger with ``gdpr request register`` or on the desk)."""
    if not (params.get("request_id") or "").strip():
        raise RequestInputError(
            "give the id of a request registered in the ledger (R-YYYY-NNNNNN); register the "
            "subject first with `gdpr request register` or on the DPO desk"
        )
    return request_for(
        ledger,
        kind=kind,
        email=None,
        request_id=params.get("request_id"),
        timezone=datamap.organisation.timezone,
        now=utc_now(),
        channel="airflow",
    )


def make_preview(request_id: str, ground: str, *, dag_id: str, run_id: str) -> dict:
    """Plan the erasure (a batch of one: ``gdpr.airflow.erasure_batch``), store the plan and its
    HTML preview; counts and links only. An approved plan of this request whose run did not
    finish is taken up again instead (``resumed``: no new preview, no second approval)."""
    from gdpr.airflow import erasure_batch

    return erasure_batch.make_preview(
        {"request_ids": [request_id], "ground": ground}, dag_id=dag_id, run_id=run_id
    )


@contextmanager
def reports_session() -> Iterator[tuple[DataMap, Clients, ReportStore]]:
    """The data map, the systems' clients and the reports location, for one task."""
    datamap = load_datamap()
    clients = airflow_clients()
    try:
        yield datamap, clients, ReportStore(clients.s3(datamap.reports.conn_id), datamap.reports)
    finally:
        clients.dispose()


def erase(
    preview_result: Mapping[str, Any],
    approval: Mapping[str, Any] | None = None,
    *,
    dag_id: str,
    run_id: str,
) -> dict:
    """The approved plan, recorded in the ledger and applied (a batch of one subject)."""
    from gdpr.airflow import erasure_batch

    return erasure_batch.erase(preview_result, approval, dag_id=dag_id, run_id=run_id)


def verify(preview_result: Mapping[str, Any]) -> dict:
    from gdpr.airflow import erasure_batch

    return erasure_batch.verify(preview_result)


def certify(
    preview_result: Mapping[str, Any],
    outcome: Mapping[str, Any],
    approval: Mapping[str, Any] | None,
    *,
    dag_id: str,
    run_id: str,
) -> dict:
    """The certificate of erasure (saying partial when records are kept), or, when every
    record is kept under Art. 17(3), the Art. 12(4) refusal notice instead: its counts are the
    approved plan's as applied, by however many attempts (one source for totals and table)."""
    from gdpr.airflow import erasure_batch

    return erasure_batch.certify(preview_result, approval, dag_id=dag_id, run_id=run_id)


def certify_or_refuse(
    job: Any,
    plan: ErasurePlan,
    outcome: Mapping[str, Any],
    approval: Mapping[str, Any] | None,
    *,
    run_pk: int,
    run_id: str,
):
    """Issue one request's certificate or refusal notice and record on the request how the run
    ends it (read back by ``close_erased``)."""
    user = (approval or {}).get("responded_by_user") or {}
    common = {
        "approved_by": user.get("name"),
        "approved_at": (approval or {}).get("responded_at"),
        "run_pk": run_pk,
    }
    if outcome_of(plan) == REFUSED:
        stored = issue_refusal(
            job.datamap, plan, job.ledger, job.store, decided_at=utc_now(), **common
        )
    else:
        stored = issue_certificate(
            job.datamap,
            plan,
            dict(outcome),
            job.ledger,
            job.store,
            completed_at=utc_now(),
            **common,
        )
    detail = close_detail(job.datamap, plan, stored.key)
    job.ledger.add_request_event(plan.request_id, CLOSING, ACTOR, {"run_id": run_id, **detail})
    return stored


def notify_recipients(preview_result: Mapping[str, Any], *, dag: Any = None) -> dict:
    """Art. 19: one e-mail per recipient of the purposes whose data changed, in any attempt."""
    from gdpr.airflow import erasure_batch

    return erasure_batch.notify_recipients(preview_result, dag=dag)


def send_mail(to: str, subject: str, html: str, *, dag: Any = None) -> None:
    """One e-mail through the Airflow SMTP notifier and connection ``smtp_default``."""
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    SmtpNotifier(to=to, subject=subject, html_content=html, smtp_conn_id=SMTP_CONN_ID)({"dag": dag})


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
    from gdpr.airflow import erasure_batch

    return erasure_batch.add_suppressions(preview_result)


def not_approved(
    ledger: Ledger, request_ids: list[str], approval: Mapping[str, Any] | None, *, run_id: str
) -> str | None:
    """Record a rejection (requests closed) or a timeout (left open); None when approved."""
    if ((approval or {}).get("chosen_options") or []) == ["Approve"]:
        return None
    by = ((approval or {}).get("responded_by_user") or {}).get("name")
    outcome = "rejected" if by else "approval timed out"
    now = utc_now()
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
                closed_at=utc_now(),
                close_reason="nothing of the subject left to erase",
            )
    return found


def close_erased(ledger: Ledger, request_ids: list[str], run_id: str) -> dict[str, str]:
    """Close the approved requests as this run's certificate or refusal notice ended them:
    completed (erased, or partially erased with records kept), or refused under Art. 12(4).
    Returns each request's outcome."""
    now = utc_now()
    outcomes: dict[str, str] = {}
    for request_id in request_ids:
        detail = next(
            (
                e.detail
                for e in reversed(ledger.request_events(request_id))
                if e.kind == CLOSING and e.detail.get("run_id") == run_id
            ),
            {"outcome": ERASED, "close_reason": "erased (Art. 17)"},
        )
        outcome = detail["outcome"]
        ledger.update_request(
            request_id,
            status="refused" if outcome == REFUSED else "completed",
            closed_at=now,
            close_reason=detail["close_reason"],
        )
        ledger.add_request_event(
            request_id,
            "erasure.refused" if outcome == REFUSED else "erasure.completed",
            ACTOR,
            {"run_id": run_id, "outcome": outcome, "document": detail.get("document")},
        )
        outcomes[request_id] = outcome
    return outcomes


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
    ledger = ledger_for()
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
    outcome = close_erased(ledger, [request_id], run_id)[request_id]
    from gdpr.erasure.approved import DONE, set_status

    set_status(ledger, preview_result["plan_sha256"], DONE)
    ledger.finish_run(run_pk, "success", {"request_id": request_id, "outcome": outcome})
    if outcome == REFUSED:
        log.info("request %s: refused under Art. 12(4), every record is kept", request_id)
    return {"request_id": request_id, "outcome": outcome}
