"""Task bodies of ``gdpr_subject_rectification``: check, rectify everywhere, notify (Art. 19).

The corrected value is personal data. It is registered with the request in the ledger
(on the DPO desk's Rectify page, or ``gdpr request register --kind rectification ... --field F
--value V``: the same request event) and nowhere in
Airflow: the form takes the request id, tasks read the field and value from the ledger inside
their body, register the value with the secrets masker so a stray log line cannot show it, and
return counts only.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from html import escape
from typing import Any

from gdpr.airflow.erasure import failure, send_mail, subject_request, suppression_key
from gdpr.airflow.hooks import airflow_clients, ledger_for
from gdpr.airflow.redact import hide_identities
from gdpr.connectors.factory import connectors_for
from gdpr.datamap import load_datamap
from gdpr.erasure.notify import Notice, notify_once, recipients_for
from gdpr.erasure.rectify import RectificationInputError, check_choice, rectify
from gdpr.erasure.request import RequestInputError, correction_of
from gdpr.ledger import Ledger
from gdpr.ledger.clock import utc_now
from gdpr.ledger.identity import request_identity
from gdpr.subject import resolve_subject

log = logging.getLogger(__name__)
RUN_KIND = "rectification"
ACTOR = "airflow"


def _mask(value: str | None) -> None:
    from airflow.sdk.log import mask_secret

    if value and value.strip():
        mask_secret(value.strip())


def _correction(ledger: Ledger, request_id: str) -> Mapping[str, str]:
    found = correction_of(ledger, request_id)
    if found is None:
        raise failure(
            f"request {request_id} has no corrected value in the ledger; record it on the DPO "
            "desk's Rectify page or with `gdpr request register --kind rectification ... "
            "--field <field> --value <new value>`"
        )
    _mask(found["value"])
    return found


def check_input(params: Mapping[str, Any], *, run_id: str) -> dict:
    """The request to act on; fails before any write on a bad request, field or value."""
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    try:
        request = subject_request(datamap, ledger, params, kind="rectification")
        correction = _correction(ledger, request.request_id)
        category = correction["field"]
        check_choice(datamap, category, correction["value"])
    except (RequestInputError, RectificationInputError) as exc:
        raise failure(str(exc)) from exc
    hide_identities([request.subject_email, correction["value"]])
    clients = airflow_clients()
    try:
        connectors = connectors_for(datamap, clients)
        identity = request_identity(datamap)
        found = resolve_subject(datamap, connectors, identity, request.subject_email).found
    finally:
        clients.dispose()
    if not found:
        raise failure(
            f"request {request.request_id}: no record of this subject in any system, nothing "
            "to rectify"
        )
    ledger.add_request_event(
        request.request_id, "rectification.triggered", ACTOR, {"run_id": run_id, "field": category}
    )
    return {"request_id": request.request_id, "field": category}


def apply(
    checked: Mapping[str, Any], params: Mapping[str, Any], *, dag_id: str, run_id: str
) -> dict:
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    value = _correction(ledger, checked["request_id"])["value"]
    run_pk = ledger.start_run(dag_id, run_id, kind=RUN_KIND)
    request = ledger.get_request(checked["request_id"])
    hide_identities([request.subject_email, value])
    clients = airflow_clients()
    try:
        connectors = connectors_for(datamap, clients)
        location = resolve_subject(
            datamap, connectors, request_identity(datamap), request.subject_email
        )
        outcome = rectify(
            datamap,
            connectors,
            ledger,
            location,
            category=checked["field"],
            value=value,
            key=suppression_key(),
            request_id=request.request_id,
            run_pk=run_pk,
        )
    except RectificationInputError as exc:
        raise failure(str(exc)) from exc
    finally:
        clients.dispose()
    return outcome.as_dict()


def notify_recipients(
    checked: Mapping[str, Any],
    outcome: Mapping[str, Any],
    params: Mapping[str, Any],
    *,
    dag: Any = None,
) -> dict:
    """Art. 19: the recipients of the purposes of every dataset holding the field."""
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    value = _correction(ledger, checked["request_id"])["value"]
    request = ledger.get_request(checked["request_id"])
    hide_identities([request.subject_email, value])
    notices = recipients_for(datamap, outcome["datasets"])
    org = datamap.organisation
    field_name = checked["field"]

    def send(notice: Notice) -> None:
        send_mail(
            notice.recipient,
            f"{org.name}: rectification of personal data (Art. 19 GDPR), "
            f"request {request.request_id}",
            f"<p>Dear {escape(notice.name)},</p><p>Under Article 19 GDPR, {escape(org.name)} "
            "informs you that it has rectified personal data (Art. 16) it disclosed to you.</p>"
            f"<p>Data subject's e-mail address: <b>{escape(request.subject_email)}</b><br>"
            f"Data: {escape(field_name)}<br>Corrected value: <b>{escape(value)}</b><br>"
            f"Our reference: {escape(request.request_id)}</p><p>Please correct it in your "
            f"systems as well and confirm to {escape(org.dpo.email)}.</p>",
            dag=dag,
        )

    counts = notify_once(
        ledger,
        notices,
        topic="art19_rectification",
        target=request.request_id,
        occasion=f"rectification:{field_name}"[:64],
        send=send,
    )
    log.info("Art. 19: %d recipients, %d notified now", counts["recipients"], counts["sent"])
    ledger.update_request(
        request.request_id,
        status="completed",
        closed_at=utc_now(),
        close_reason="rectified (Art. 16)",
    )
    return counts
