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
from html import escape
from typing import Any

from gdpr.airflow.erasure import (
    ACTOR,
    NOTHING_LEFT,
    RUN_KIND,
    certify_or_refuse,
    close_erased,
    close_nothing_left,
    failure,
    not_approved,
    reports_session,
    send_mail,
    suppression_key,
    suppression_reason,
)
from gdpr.airflow.hooks import airflow_clients, ledger_for
from gdpr.airflow.redact import hide_identities
from gdpr.connectors.factory import Clients, connectors_for
from gdpr.datamap import load_datamap
from gdpr.datamap.models import DataMap
from gdpr.erasure.apply import CHANGES
from gdpr.erasure.approved import (
    APPLIED,
    DONE,
    SUPERSEDED,
    PlanConflictError,
    Resumable,
    approved_batch,
    record_approved,
    resumable,
    set_status,
)
from gdpr.erasure.batch import (
    BatchPlan,
    SharedIdentitiesError,
    Subject,
    apply_batch,
    plan_batch,
    verify_batch,
)
from gdpr.erasure.certificate import Documents, load_batch, store_batch_preview
from gdpr.erasure.grounds import GROUNDS
from gdpr.erasure.notify import CHANNEL, recipients_for
from gdpr.erasure.refusal import ERASED, PARTIAL, REFUSED, outcome_of
from gdpr.erasure.request import CLOSED
from gdpr.erasure.settings import MAX_BATCH_SUBJECTS
from gdpr.erasure.suppression import SuppressionKeyError, suppress
from gdpr.erasure.verify import AppearedSinceApprovalError, ErasureIncompleteError
from gdpr.ledger import EvidenceInput, Ledger, RequestRecord
from gdpr.ledger.clock import utc_now
from gdpr.reports.store import ReportStore
from gdpr.retention.anonymise import NotNullError
from gdpr.subject import AmbiguousIdentityError

log = logging.getLogger(__name__)
TOPIC = "art19_erasure"


def check_input(params: Mapping[str, Any], *, run_id: str) -> dict:
    """The requests to erase for; fails before any write if one of them cannot be acted on."""
    ground = params.get("ground")
    if ground not in GROUNDS:
        raise failure(f"unknown Art. 17(1) ground {ground!r}; choose one of {', '.join(GROUNDS)}")
    ledger = ledger_for()
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
    """Plan the batch, store it and its HTML preview; counts and links only.

    When these requests have an approved plan whose run did not finish (an erasure interrupted
    between systems), that plan is taken up again as it was approved: no new preview, and the
    approval task passes on the recorded decision (``resumed``)."""
    from airflow.sdk.exceptions import AirflowSkipException

    datamap = load_datamap()
    ledger = ledger_for(datamap)
    run_pk = ledger.start_run(dag_id, run_id, kind=RUN_KIND)
    single = len(check["request_ids"]) == 1
    try:
        earlier = resumable(ledger, check["request_ids"])
    except PlanConflictError as exc:
        raise failure(str(exc)) from exc
    if earlier is not None:
        return _resumed(ledger, earlier, check, run_id=run_id, single=single)
    subjects = [Subject(r, ledger.get_request(r).subject_email) for r in check["request_ids"]]
    hide_identities(s.email for s in subjects)
    clients = airflow_clients()
    now = utc_now()
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
    except NotNullError as exc:  # the map or the schema must change first: nothing was changed
        raise failure(str(exc)) from exc
    except (AmbiguousIdentityError, SharedIdentitiesError) as exc:  # two people are never merged
        raise failure(str(exc)) from exc
    finally:
        clients.dispose()
    totals = batch.merged.totals()
    only = subjects[0].request_id if single else None
    ledger.record_evidence(
        EvidenceInput(
            action="erasure.preview" if single else "erasure.batch_preview",
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
            request_id=only,
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
        if single:
            raise AirflowSkipException(f"request {only}: nothing of the subject is left to erase")
        raise AirflowSkipException("nothing of these subjects is left to erase")
    log.info("preview report %s (link valid 7 days): %s", report.uri, link)
    return _preview_result(batch, check["ground"], len(empty), single=single) | {
        "plan_key": stored_plan.key,
        "report_key": report.key,
        "report_url": link,
    }


def _preview_result(batch: BatchPlan, ground: str, nothing_left: int, *, single: bool) -> dict:
    result = {
        "batch_id": batch.batch_id,
        "ground": ground,
        "subjects": len(batch.plans),
        "nothing_left": nothing_left,
        "plan_key": Documents(batch.batch_id).batch,
        "plan_sha256": batch.sha256,
        "totals": batch.merged.totals(),
        "counts": batch.counts(),
    }
    if single:
        result["request_id"] = next(iter(batch.plans))
    return result


def _resumed(
    ledger: Ledger, earlier: Resumable, check: Mapping[str, Any], *, run_id: str, single: bool
) -> dict:
    batch = earlier.batch
    for request_id in batch.plans:
        ledger.add_request_event(
            request_id,
            "erasure.resumed",
            ACTOR,
            {"run_id": run_id, "batch": batch.batch_id, "plan_sha256": batch.sha256},
        )
    log.warning(
        "erasure %s (%d requests), approved %s, did not finish: completing that plan as it was "
        "approved, without a new preview or approval; records that appeared since are not part "
        "of it",
        batch.batch_id,
        len(batch.plans),
        earlier.record.approved_at or "",
    )
    if check.get("ground") and check["ground"] != batch.merged.ground:
        log.warning(
            "the form's ground (%s) is not the approved plan's (%s): the approved one applies",
            check["ground"],
            batch.merged.ground,
        )
    nothing_left = sum(1 for plan in batch.plans.values() if plan.empty)
    return _preview_result(batch, batch.merged.ground, nothing_left, single=single) | {
        "report_key": Documents(next(iter(batch.plans)) if single else batch.batch_id).preview,
        "report_url": "",
        "resumed": True,
        "approval": earlier.decision(),
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
        found = [Subject(r, self.ledger.get_request(r).subject_email) for r in self.batch.plans]
        hide_identities(s.email for s in found)
        return found

    def to_erase(self) -> list[str]:
        """Requests whose subject had something to erase (the others are closed as such)."""
        return [r for r, plan in self.batch.plans.items() if outcome_of(plan) in (ERASED, PARTIAL)]

    def to_refuse(self) -> list[str]:
        """Requests whose every record is kept under Art. 17(3): refused (Art. 12(4))."""
        return [r for r, plan in self.batch.plans.items() if outcome_of(plan) == REFUSED]


@contextmanager
def _approved(preview_result: Mapping[str, Any]) -> Iterator[Approved]:
    with reports_session() as (datamap, clients, store):
        ledger = ledger_for(datamap)
        batch = approved_batch(ledger, preview_result["plan_sha256"]) or load_batch(
            store, preview_result["batch_id"], preview_result["plan_sha256"]
        )
        yield Approved(datamap, ledger, clients, store, batch)


def erase(
    preview_result: Mapping[str, Any],
    approval: Mapping[str, Any] | None = None,
    *,
    dag_id: str,
    run_id: str,
) -> dict:
    """Record the approved plan in the ledger (once), then apply it: evidence first, batch by
    batch; the subjects' delivered access packages go too. A retry, or a new run for the same
    requests, completes what an interrupted attempt left."""
    with _approved(preview_result) as job:
        run_pk = job.ledger.start_run(dag_id, run_id, kind=RUN_KIND)
        record_approved(job.ledger, job.batch, approval, run_pk=run_pk)
        outcome = apply_batch(
            job.datamap,
            job.batch,
            job.connectors(),
            job.ledger,
            run_pk=run_pk,
            delivery_client=job.clients.s3(job.datamap.delivery.conn_id),
        )
        set_status(job.ledger, job.batch.sha256, APPLIED)
    result = {
        "batch_id": outcome.batch_id,
        "plan_sha256": outcome.plan_sha256,
        "subjects": outcome.subjects,
        "changed": outcome.changed,
        "total": outcome.total,
        "already_applied": outcome.already_applied,
    }
    if len(job.batch.plans) == 1:
        result["request_id"] = next(iter(job.batch.plans))
    return result


def verify(preview_result: Mapping[str, Any]) -> dict:
    with _approved(preview_result) as job:
        try:
            results = verify_batch(job.datamap, job.batch, job.connectors(), job.subjects())
        except AppearedSinceApprovalError as exc:
            # the approved plan is applied in full; what appeared since needs its own approval
            set_status(job.ledger, job.batch.sha256, SUPERSEDED)
            for request_id in job.batch.plans:
                job.ledger.add_request_event(
                    request_id,
                    "erasure.appeared_since_approval",
                    ACTOR,
                    {"batch": job.batch.batch_id},
                )
            raise failure(str(exc)) from exc
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
    """One certificate per request with something erased, from its own plan and counts (it
    says partial when records are kept); one Art. 12(4) refusal notice per request whose every
    record is kept."""
    with _approved(preview_result) as job:
        run_pk = job.ledger.start_run(dag_id, run_id, kind=RUN_KIND)
        erased, refused = job.to_erase(), job.to_refuse()
        for n, request_id in enumerate(erased + refused, start=1):
            certify_or_refuse(
                job,
                job.batch.plans[request_id],
                {"changed": job.batch.attributed[request_id]},
                approval,
                run_pk=run_pk,
                run_id=run_id,
            )
            if n % 100 == 0:
                log.info("certificates and refusal notices: %d/%d", n, len(erased) + len(refused))
    log.info("certificates: %d issued; refusal notices (Art. 12(4)): %d", len(erased), len(refused))
    return {"certificates": len(erased), "refusals": len(refused)}


def notify_recipients(preview_result: Mapping[str, Any], *, dag: Any = None) -> dict:
    """Art. 19: one e-mail per recipient listing the subjects of this batch whose data it
    received, each (request, recipient) pair claimed in the ledger so none is told twice."""
    with _approved(preview_result) as job:
        org = job.datamap.organisation
        by_recipient = _recipients(job.datamap, job.batch, job.to_erase(), job.ledger)
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
    datamap: DataMap, batch: BatchPlan, request_ids: Sequence[str], ledger: Ledger | None = None
) -> dict[str, tuple[str, set[str], list[str]]]:
    """Address -> (recipient's name, purposes, the requests whose changed data it received).

    The changed datasets are the approved plan's (applied in full, by however many attempts),
    and, for a single request, every dataset the ledger's evidence shows was changed for it by
    any attempt: a recipient whose data went in an earlier, interrupted attempt is told too."""
    out: dict[str, tuple[str, set[str], list[str]]] = {}
    for request_id in request_ids:
        affected = {d for d, c in batch.attributed[request_id].items() if any(c.values())}
        if ledger is not None and len(batch.plans) == 1:
            known = set(datamap.dataset_ids())
            affected |= {
                e.dataset
                for e in ledger.evidence(request_id=request_id, actions=CHANGES)
                if e.count and e.dataset in known
            }
        for notice in recipients_for(datamap, sorted(affected)):
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
        if preview_result["ground"] == "c":  # an objection to marketing: whatever is kept
            erased += job.to_refuse()
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
    ledger = ledger_for()
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
    outcomes = close_erased(ledger, rest, run_id)
    set_status(ledger, preview_result["plan_sha256"], DONE)
    refused = sum(1 for o in outcomes.values() if o == REFUSED)
    summary |= {"outcome": "erased", "erased": len(rest) - refused, "refused": refused}
    ledger.finish_run(run_pk, "success", summary)
    log.info(
        "%d requests erased and closed, %d refused under Art. 12(4), %d had nothing left",
        len(rest) - refused,
        refused,
        len(nothing_left),
    )
    return summary
