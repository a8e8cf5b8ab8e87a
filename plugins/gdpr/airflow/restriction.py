"""Task bodies of ``gdpr_subject_restriction``: check, tell the subject (lifting), restrict or
lift everywhere, notify the recipients (Art. 19).

The form takes the ledger request id and the action; the subject's address is read from the
ledger inside each task and masked in its logs. Tasks return counts only.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from html import escape
from typing import Any

from gdpr.airflow.erasure import failure, send_mail, subject_request, with_location
from gdpr.airflow.hooks import ledger_for
from gdpr.airflow.redact import hide_identities
from gdpr.datamap import load_datamap
from gdpr.datamap.models import DataMap
from gdpr.erasure.notify import CHANNEL, Notice, notify_once, recipients_for
from gdpr.erasure.request import RequestInputError
from gdpr.erasure.restriction import RestrictionInputError, lift, restrict
from gdpr.ledger import EvidenceInput, Ledger, RequestRecord
from gdpr.ledger.clock import utc_now
from gdpr.subject import SubjectLocation

log = logging.getLogger(__name__)
RUN_KIND = "restriction"
ACTOR = "airflow"
ACTIONS = ("restrict", "lift")
# Art. 18(1)(d): an objection (Art. 21(1)) may be answered by restricting while it is decided.
KINDS = ("restriction", "objection")
LIFT_NOTICE = "art18_lift"  # the notification topic of the subject's Art. 18(3) notice
INFORMED = "restriction.subject_informed"


def _request(datamap: DataMap, ledger: Ledger, params: Mapping[str, Any]) -> RequestRecord:
    found = ledger.get_request((params.get("request_id") or "").strip())
    kind = found.kind if found is not None and found.kind in KINDS else KINDS[0]
    return subject_request(datamap, ledger, params, kind=kind)


def check_input(params: Mapping[str, Any], *, run_id: str) -> dict:
    """The request and action to carry out; fails before any write when either is wrong."""
    action = params.get("action")
    if action not in ACTIONS:
        raise failure(f"unknown action {action!r}; choose restrict or lift")
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    try:
        request = _request(datamap, ledger, params)
    except RequestInputError as exc:
        raise failure(str(exc)) from exc
    hide_identities([request.subject_email])
    if action == "lift" and not ledger.restrictions(request_id=request.request_id):
        raise failure(f"request {request.request_id} has no restriction in force to lift")
    if action == "restrict":
        found = with_location(datamap, request, lambda _c, location: location.found)
        if not found:
            raise failure(
                f"request {request.request_id}: no record of this subject in any system, "
                "nothing to restrict"
            )
    ledger.add_request_event(
        request.request_id, f"restriction.{action}.triggered", ACTOR, {"run_id": run_id}
    )
    return {"request_id": request.request_id, "action": action}


def inform_subject(checked: Mapping[str, Any], *, dag: Any = None) -> dict:
    """Art. 18(3): before a restriction is lifted, the subject is told (once), and the ledger
    records it; restricting sends nothing here."""
    if checked["action"] != "lift":
        return {"informed": False}
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    request = ledger.get_request(checked["request_id"])
    hide_identities([request.subject_email])
    org = datamap.organisation

    def send(notice: Notice) -> None:
        send_mail(
            notice.recipient,
            f"{org.name}: restriction of processing to be lifted (Art. 18(3) GDPR), "
            f"request {request.request_id}",
            "<p>Hello,</p><p>Under Article 18(3) GDPR, we inform you that the restriction of "
            f"processing of your personal data (our reference {escape(request.request_id)}) is "
            "about to be lifted: your data will again be processed for the purposes we told you "
            "of. If you disagree, you may contact our data protection officer at "
            f"{escape(org.dpo.email)} or lodge a complaint with "
            f"{escape(org.supervisory_authority.name)}.</p>",
            dag=dag,
        )

    occasion = _lift_occasion(ledger, request.request_id)
    counts = notify_once(
        ledger,
        [Notice(request.subject_email, "data subject", ())],
        topic=LIFT_NOTICE,
        target=request.request_id,
        occasion=occasion,
        send=send,
    )
    recorded = any(
        e.kind == INFORMED and (e.detail or {}).get("occasion") == occasion
        for e in ledger.request_events(request.request_id)
    )
    if _informed(ledger, request.request_id) and not recorded:  # a retry records it too
        detail = {"channel": CHANNEL, "occasion": occasion}
        ledger.add_request_event(request.request_id, INFORMED, ACTOR, detail)
        ledger.record_evidence(
            EvidenceInput(
                action=INFORMED,
                count=1,
                citation="Art. 18(3) GDPR",
                detail=detail,
                request_id=request.request_id,
            )
        )
    return {"informed": True, **counts}


def apply(checked: Mapping[str, Any], *, dag_id: str, run_id: str) -> dict:
    """Restrict or lift in every system; counts by dataset."""
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    request = ledger.get_request(checked["request_id"])
    hide_identities([request.subject_email])
    if checked["action"] == "lift" and not _informed(ledger, request.request_id):
        raise failure(f"request {request.request_id}: the subject was not told of the lifting")
    run_pk = ledger.start_run(dag_id, run_id, kind=RUN_KIND)
    work = restrict if checked["action"] == "restrict" else lift

    def carry_out(connectors: Any, location: SubjectLocation) -> dict:
        return work(
            datamap, connectors, ledger, location, request_id=request.request_id, run_pk=run_pk
        ).as_dict()

    try:
        outcome = with_location(datamap, request, carry_out)
    except RestrictionInputError as exc:
        ledger.finish_run(run_pk, "failed", {"error": str(exc)})
        raise failure(str(exc)) from exc
    ledger.finish_run(run_pk, "success", {k: outcome[k] for k in ("action", "records")})
    return outcome


def _lift_occasion(ledger: Ledger, request_id: str) -> str:
    """Each lifting is its own occasion (a request restricted again is lifted again)."""
    lifted = sum(e.kind == "restriction.lifted" for e in ledger.request_events(request_id))
    return f"lift-{lifted + 1}"


def _informed(ledger: Ledger, request_id: str) -> bool:
    occasion = _lift_occasion(ledger, request_id)
    return any(
        n.status == "sent" and n.occasion == occasion
        for n in ledger.notifications(topic=LIFT_NOTICE, target=request_id)
    )


def notify_recipients(
    checked: Mapping[str, Any], outcome: Mapping[str, Any], *, dag: Any = None
) -> dict:
    """Art. 19: the recipients of the purposes of every dataset restricted, once; the request
    is then completed (restricted) or its lifting recorded."""
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    request = ledger.get_request(checked["request_id"])
    hide_identities([request.subject_email])
    counts = {"recipients": 0, "sent": 0, "already_sent": 0}
    if checked["action"] == "restrict":
        org = datamap.organisation

        def send(notice: Notice) -> None:
            send_mail(
                notice.recipient,
                f"{org.name}: restriction of processing (Art. 19 GDPR), "
                f"request {request.request_id}",
                f"<p>Dear {escape(notice.name)},</p><p>Under Article 19 GDPR, "
                f"{escape(org.name)} informs you that the processing of personal data it "
                "disclosed to you is restricted (Art. 18): keep the data stored and do not "
                "otherwise process it until we tell you the restriction is lifted.</p>"
                f"<p>Data subject's e-mail address: <b>{escape(request.subject_email)}</b><br>"
                f"Purposes: {escape(', '.join(notice.purposes))}<br>"
                f"Our reference: {escape(request.request_id)}</p><p>Please confirm to "
                f"{escape(org.dpo.email)}.</p>",
                dag=dag,
            )

        counts = notify_once(
            ledger,
            recipients_for(datamap, outcome["datasets"]),
            topic="art19_restriction",
            target=request.request_id,
            occasion="restriction",
            send=send,
        )
        log.info("Art. 19: %d recipients, %d notified now", counts["recipients"], counts["sent"])
    if request.is_open:
        reason = "restricted (Art. 18)" if checked["action"] == "restrict" else None
        if reason and request.kind == "restriction":
            ledger.update_request(
                request.request_id, status="completed", closed_at=utc_now(), close_reason=reason
            )
    ledger.add_request_event(
        request.request_id,
        "restriction.applied" if checked["action"] == "restrict" else "restriction.lifted",
        ACTOR,
        {"datasets": len(outcome["datasets"]), "notified": counts["sent"]},
    )
    return counts
