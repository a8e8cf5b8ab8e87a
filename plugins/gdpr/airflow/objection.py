"""Task bodies of ``gdpr_subject_objection``: check, then either the Art. 21(3) steps (withdraw
opt-ins, suppress, notify the marketing recipients, draft the answer) or the Art. 21(1)
decision opened in the ledger.

The form takes the ledger request id and the ground; the subject's address is read from the
ledger inside each task and masked in its logs. Tasks return counts and keys only.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from html import escape
from typing import Any

from gdpr.airflow.erasure import (
    failure,
    send_mail,
    subject_request,
    suppression_key,
    with_location,
)
from gdpr.airflow.hooks import airflow_clients, ledger_for
from gdpr.airflow.redact import hide_identities
from gdpr.datamap import load_datamap
from gdpr.datamap.models import DataMap
from gdpr.erasure.notify import Notice, notify_once, recipients_for
from gdpr.erasure.objection import (
    GROUNDS,
    MARKETING_CITATION,
    ObjectionInputError,
    interest_holdings,
    marketing_datasets,
    marketing_purposes,
    open_decision,
    withdraw,
)
from gdpr.erasure.request import RequestInputError
from gdpr.erasure.suppression import OBJECTION_REASON, SuppressionKeyError, suppress
from gdpr.ledger import EvidenceInput, Ledger, RequestRecord
from gdpr.ledger.clock import utc_now
from gdpr.reports.render import render_template
from gdpr.reports.store import ReportStore

log = logging.getLogger(__name__)
RUN_KIND = "objection"
ACTOR = "airflow"
MARKETING_TOPIC = "art21_marketing"


def answer_document(request_id: str) -> str:
    return f"objection/{request_id}/answer.html"


def _session(checked: Mapping[str, Any]) -> tuple[DataMap, Ledger, RequestRecord]:
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    request = ledger.get_request(checked["request_id"])
    hide_identities([request.subject_email])
    return datamap, ledger, request


def check_input(params: Mapping[str, Any], *, run_id: str) -> dict:
    """The request and ground; fails before any write when either is wrong."""
    ground = params.get("ground")
    if ground not in GROUNDS:
        raise failure(f"unknown ground {ground!r}; choose {' or '.join(GROUNDS)}")
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    try:
        request = subject_request(datamap, ledger, params, kind="objection")
    except RequestInputError as exc:
        raise failure(str(exc)) from exc
    if not request.is_open:
        raise failure(f"request {request.request_id} is already {request.status}")
    hide_identities([request.subject_email])
    if ground == "direct_marketing":
        suppression_key()  # no key: refused now, before any consent is withdrawn
    elif not with_location(
        datamap, request, lambda _c, location: interest_holdings(datamap, location)
    ):
        raise failure(
            f"request {request.request_id}: no record of this subject is processed on "
            "legitimate interest (Art. 6(1)(f)), so there is no processing to object to under "
            "Art. 21(1)"
        )
    ledger.add_request_event(
        request.request_id, "objection.triggered", ACTOR, {"run_id": run_id, "ground": ground}
    )
    return {"request_id": request.request_id, "ground": ground}


def withdraw_consents(checked: Mapping[str, Any], *, dag_id: str, run_id: str) -> dict:
    """Art. 21(3): every opt-in of the subject the map declares, withdrawn."""
    datamap, ledger, request = _session(checked)
    run_pk = ledger.start_run(dag_id, run_id, kind=RUN_KIND)
    outcome = with_location(
        datamap,
        request,
        lambda connectors, location: withdraw(
            datamap,
            connectors,
            ledger,
            location,
            request_id=request.request_id,
            now=utc_now(),
            run_pk=run_pk,
        ).as_dict(),
    )
    ledger.finish_run(run_pk, "success", outcome)
    return outcome


def add_suppression(checked: Mapping[str, Any]) -> dict:
    """The suppression entry, under the objection's own ground."""
    _, ledger, request = _session(checked)
    try:
        added = suppress(
            ledger,
            suppression_key(),
            request.subject_email,
            reason=OBJECTION_REASON,
            request_id=request.request_id,
        )
    except SuppressionKeyError as exc:
        raise failure(str(exc)) from exc
    log.info("suppression entry: %s", "added" if added else "already there")
    return {"added": added}


def notify_recipients(checked: Mapping[str, Any], *, dag: Any = None) -> dict:
    """The recipients of the marketing purposes are told to stop, once each."""
    datamap, ledger, request = _session(checked)
    org = datamap.organisation

    def send(notice: Notice) -> None:
        send_mail(
            notice.recipient,
            f"{org.name}: objection to direct marketing (Art. 21(3) GDPR), "
            f"request {request.request_id}",
            f"<p>Dear {escape(notice.name)},</p><p>The data subject below objected to the "
            f"processing of their personal data for direct marketing. Under Article 21(3) GDPR "
            f"{escape(org.name)} asks you to stop any such processing for them now, and not to "
            "add them again from any source.</p>"
            f"<p>Data subject's e-mail address: <b>{escape(request.subject_email)}</b><br>"
            f"Purposes: {escape(', '.join(notice.purposes))}<br>"
            f"Our reference: {escape(request.request_id)}</p><p>Please confirm to "
            f"{escape(org.dpo.email)}.</p>",
            dag=dag,
        )

    counts = notify_once(
        ledger,
        recipients_for(datamap, [ref.id for ref in marketing_datasets(datamap)]),
        topic=MARKETING_TOPIC,
        target=request.request_id,
        occasion="objection",
        send=send,
    )
    log.info("marketing recipients: %d, %d notified now", counts["recipients"], counts["sent"])
    return counts


def answer_subject(checked: Mapping[str, Any], withdrawal: Mapping[str, Any]) -> dict:
    """The answer to the subject, drafted in the reports location for the DPO to send; the
    request is completed."""
    datamap, ledger, request = _session(checked)
    notified = [
        n.detail.get("name") or n.recipient
        for n in ledger.notifications(topic=MARKETING_TOPIC, target=request.request_id)
        if n.status == "sent" and n.detail
    ]
    names = {p.id: p.name for p in datamap.purposes}
    html = render_template(
        "objection_answer.html.j2",
        org=datamap.organisation,
        request=request,
        withdrawn=sum(withdrawal["withdrawn"].values()),
        purposes=[names[p] for p in marketing_purposes(datamap)],
        recipients=sorted(set(notified)),
        answered_at=utc_now(),
    )
    clients = airflow_clients()
    try:
        store = ReportStore(clients.s3(datamap.reports.conn_id), datamap.reports)
        stored = store.put(answer_document(request.request_id), html)
    finally:
        clients.dispose()
    ledger.record_evidence(
        EvidenceInput(
            action="objection.answer_drafted",
            count=sum(withdrawal["withdrawn"].values()),
            keys_sha256=stored.sha256,
            citation=MARKETING_CITATION,
            detail={"answer": stored.key},
            request_id=request.request_id,
        )
    )
    ledger.update_request(
        request.request_id,
        status="completed",
        closed_at=utc_now(),
        close_reason="objection to direct marketing honoured (Art. 21(3))",
    )
    return {"answer": stored.key}


def decide_later(checked: Mapping[str, Any], *, dag_id: str, run_id: str) -> dict:
    """Art. 21(1): the decision opened in the ledger; the request stays open on its clock."""
    datamap, ledger, request = _session(checked)
    run_pk = ledger.start_run(dag_id, run_id, kind=RUN_KIND)
    try:
        detail = with_location(
            datamap,
            request,
            lambda _connectors, location: open_decision(
                datamap,
                ledger,
                location,
                request_id=request.request_id,
                actor=ACTOR,
                run_pk=run_pk,
            ),
        )
    except ObjectionInputError as exc:
        ledger.finish_run(run_pk, "failed", {"error": str(exc)})
        raise failure(str(exc)) from exc
    ledger.finish_run(run_pk, "success", {"datasets": len(detail["datasets"])})
    log.info("request %s: decision to take by %s", request.request_id, detail["due_at"])
    return {"request_id": request.request_id, "due_at": detail["due_at"]}
