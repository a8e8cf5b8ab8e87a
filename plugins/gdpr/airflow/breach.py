"""Task bodies of ``gdpr_breach_response``."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from gdpr.access.deliver import ensure_expiry_rule, expiry_tags
from gdpr.airflow.hooks import airflow_clients, ledger_for
from gdpr.airflow.refusal import Refusal, refuse
from gdpr.breach.affected import Affected, count_affected
from gdpr.breach.drafts import LETTER, communication, communication_draft, notification_draft
from gdpr.breach.exemptions import exemption
from gdpr.breach.record import BreachInputError, declare_breach, record_submission
from gdpr.connectors.factory import Clients, connectors_for
from gdpr.connectors.s3 import Bucket
from gdpr.datamap import load_datamap
from gdpr.datamap.models import DataMap
from gdpr.deadlines.calendar import breach_due_at
from gdpr.ledger import EvidenceInput, RecordNotFoundError
from gdpr.ledger.clock import utc_now
from gdpr.ledger.records import BreachRecord
from gdpr.reports.store import ReportStore

log = logging.getLogger(__name__)
# The list of affected people is kept for writing to them (Art. 34), then expires like every
# other file of the delivery location (tag, lifecycle rule, the access run's sweep).
SUBJECT_LIST_DAYS = 30


def _fail(exc: Exception) -> Refusal:
    return refuse(str(exc))


def _when(text: str | None, timezone: str, default: datetime | None = None) -> datetime:
    """An ISO time from the form; without a zone it is the organisation's local time."""
    if not text or not str(text).strip():
        if default is None:
            raise BreachInputError("a time is required")
        return default
    try:
        value = datetime.fromisoformat(str(text).strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise BreachInputError(f"{text!r} is not a date and time (e.g. 2026-03-02T14:30)") from exc
    return value if value.tzinfo else value.replace(tzinfo=ZoneInfo(timezone))


def register(params: dict, *, dag_id: str, run_id: str) -> dict:
    """Document the breach (Art. 33(5)) and start its 72-hour clock."""
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    ledger.check_ready()
    now = utc_now()
    try:
        breach = declare_breach(
            ledger,
            datamap,
            title=params.get("title") or "",
            aware_at=_when(params.get("aware_at"), datamap.organisation.timezone, now),
            datasets=list(params.get("datasets") or []),
            categories=list(params.get("categories") or []),
            description=params.get("description") or "",
            high_risk=bool(params["high_risk"]),
            now=now,
            communication_exemption=params.get("communication_exemption"),
            exemption_reason=params.get("exemption_reason"),
        )
    except BreachInputError as exc:
        raise _fail(exc) from exc
    run_pk = ledger.start_run(dag_id, run_id, kind="breach")
    exempt = exemption(breach.communication_exemption)
    ledger.record_evidence(
        EvidenceInput(
            action="breach.register",
            count=len(breach.datasets),
            detail={
                "breach_id": breach.breach_id,
                "aware_at": breach.aware_at,
                "datasets": breach.datasets,
                "high_risk": breach.high_risk,
                **(_exemption_detail(breach) if exempt else {}),
            },
            run_pk=run_pk,
            citation=f"Art. 33(5), {exempt.citation}" if exempt else "Art. 33(5) GDPR",
        )
    )
    due = breach_due_at(breach.aware_at)
    log.info(
        "breach %s registered: %d datasets, high risk %s%s; notify the authority by %s",
        breach.breach_id,
        len(breach.datasets),
        breach.high_risk,
        f", subjects not written to ({exempt.citation})" if exempt else "",
        due.isoformat(),
    )
    return {"breach_id": breach.breach_id, "due_at": due.isoformat(), "high_risk": breach.high_risk}


def assess(breach_id: str, *, dag_id: str, run_id: str) -> dict:
    """Count subjects and records; the list of subjects goes encrypted to the delivery bucket."""
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    breach = ledger.get_breach(breach_id)
    if breach is None:
        raise _fail(RecordNotFoundError(f"breach {breach_id} is not in the ledger"))
    clients = airflow_clients()
    try:
        systems = {d.split(".", 1)[0] for d in breach.datasets}
        affected = count_affected(
            datamap, connectors_for(datamap, clients, systems), breach.datasets
        )
        # An Art. 34(3) exemption means nobody is written to: the list would serve nothing.
        key = (
            None
            if breach.communication_exemption
            else _put_subject_list(clients, datamap, breach_id, affected)
        )
    finally:
        clients.dispose()
    counts = affected.counts()
    ledger.update_breach(breach_id, affected_subjects=affected.subjects)
    run_pk = ledger.start_run(dag_id, run_id, kind="breach")
    ledger.record_evidence(
        EvidenceInput(
            action="breach.scope",
            count=affected.subjects,
            keys_sha256=affected.list_sha256(),
            detail={"breach_id": breach_id, "subject_list": key, **counts},
            run_pk=run_pk,
            citation="Art. 33(3)(a) GDPR",
        )
    )
    if key:
        log.info(
            "subject list (encrypted at rest) written to s3://%s/%s", datamap.delivery.bucket, key
        )
    else:
        log.info("no subject list: Art. 34(3) exemption %s", breach.communication_exemption)
    return {**counts, "subject_list": key}


def _put_subject_list(
    clients: Clients, datamap: DataMap, breach_id: str, affected: Affected
) -> str:
    """The people to write to, in the delivery location, expiring with its other files."""
    key = f"{datamap.delivery.prefix}breaches/{breach_id}/affected-subjects.csv"
    s3 = clients.s3(datamap.delivery.conn_id)
    expires = utc_now() + timedelta(days=SUBJECT_LIST_DAYS)
    Bucket(s3, datamap.delivery.bucket).put_object(
        key,
        affected.subject_list(),
        content_type="text/csv; charset=utf-8",
        tags={
            "gdpr": "breach-communication",
            "breach": breach_id,
            **expiry_tags(expires, SUBJECT_LIST_DAYS),
        },
    )
    ensure_expiry_rule(s3, datamap.delivery, SUBJECT_LIST_DAYS)
    return key


def draft(
    breach_id: str, scope: dict, *, consequences: str | None, measures: str | None, run_id: str
) -> dict:
    """Write the Art. 33 notification draft and, when the risk is high, the Art. 34 letter."""
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    breach = ledger.get_breach(breach_id)
    now = utc_now()
    texts = {"consequences": (consequences or "").strip(), "measures": (measures or "").strip()}
    store = ReportStore(airflow_clients().s3(datamap.reports.conn_id), datamap.reports)
    stored = {
        "notification": store.put(
            f"breaches/{breach_id}/notification-art33.html",
            notification_draft(datamap, breach, scope, generated_at=now, **texts),
        )
    }
    told = communication(breach)
    if told is not None:  # no draft when Art. 34(3)(a)/(b) lifts the communication
        name = "communication" if told == LETTER else "public_communication"
        stored[name] = store.put(
            f"breaches/{breach_id}/{name.replace('_', '-')}-art34.html",
            communication_draft(datamap, breach, scope, **texts),
        )
    exempt = exemption(breach.communication_exemption)
    run_pk = ledger.start_run("gdpr_breach_response", run_id, kind="breach")
    ledger.record_evidence(
        EvidenceInput(
            action="breach.draft",
            count=len(stored),
            keys_sha256=stored["notification"].sha256,
            detail={
                "breach_id": breach_id,
                **{k: v.key for k, v in stored.items()},
                "subjects_told_by": told or "none",
                **(_exemption_detail(breach) if exempt else {}),
            },
            run_pk=run_pk,
            citation=f"Art. 33(3), {exempt.citation}" if exempt else "Art. 33(3), Art. 34(2) GDPR",
        )
    )
    for name, report in stored.items():
        log.info("%s draft: %s (link valid 7 days: %s)", name, report.uri, store.link(report))
    return {name: report.key for name, report in stored.items()}


def _exemption_detail(breach: BreachRecord) -> dict:
    """Which Art. 34(3) exemption the record claims and why, for the evidence."""
    exempt = exemption(breach.communication_exemption)
    return {
        "communication_exemption": exempt.name,
        "exemption": exempt.label,
        "exemption_reason": breach.exemption_reason,
    }


def record(breach_id: str, response: dict, *, dag_id: str, run_id: str) -> dict:
    """Record what the DPO entered: the authority's reference and time, phase, delay reasons."""
    datamap = load_datamap()
    zone = datamap.organisation.timezone
    ledger = ledger_for(datamap)
    answers = response.get("params_input") or {}
    chosen = response.get("chosen_options") or []
    now = utc_now()
    try:
        breach = record_submission(
            ledger,
            breach_id,
            reference=answers.get("reference") or "",
            submitted_at=_when(answers.get("submitted_at"), zone),
            delay_reason=answers.get("delay_reason"),
            final=not any("initial" in option.lower() for option in chosen),
            now=now,
            subjects_notified_at=_when(answers["subjects_notified_at"], zone)
            if answers.get("subjects_notified_at")
            else None,
        )
    except (BreachInputError, RecordNotFoundError) as exc:
        raise _fail(
            BreachInputError(f"{exc}. Clear the task wait_for_notification to answer again.")
        ) from exc
    run_pk = ledger.start_run(dag_id, run_id, kind="breach")
    late = breach.authority_notified_at > breach_due_at(breach.aware_at)
    ledger.record_evidence(
        EvidenceInput(
            action="breach.notified",
            count=1,
            detail={
                "breach_id": breach_id,
                "authority_reference": breach.authority_reference,
                "notified_at": breach.authority_notified_at.isoformat(),
                "late": late,
                "status": breach.status,
            },
            run_pk=run_pk,
            citation="Art. 33(1), 33(4) GDPR",
        )
    )
    log.info(
        "breach %s: authority notified at %s (%s), status %s",
        breach_id,
        breach.authority_notified_at.isoformat(),
        "late, reasons recorded" if late else "within 72 hours",
        breach.status,
    )
    return {"breach_id": breach_id, "status": breach.status, "late": late}
