"""The two documents of an erasure: the preview the approver reads, and the certificate.

Both show, per dataset, what is deleted, anonymised (which fields, how) and kept with its
reason and article; the certificate adds what was really changed and the hash-chained evidence
rows, and is itself recorded in the ledger by its SHA-256. Neither holds a personal value: the
subject is named by the request id, records by their keys.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from gdpr.datamap.models import DataMap
from gdpr.erasure.apply import ApplyOutcome
from gdpr.erasure.batch import BatchPlan
from gdpr.erasure.grounds import GROUNDS
from gdpr.erasure.plan import ErasurePlan
from gdpr.erasure.refusal import REFUSED, kept_counts, outcome_of
from gdpr.ledger import EvidenceInput, Ledger
from gdpr.ledger.records import HeadClaim
from gdpr.reports.render import render_template
from gdpr.reports.store import ReportStore, StoredReport

KEYS_SHOWN = 20  # kept keys listed per reason; the rest are counted


@dataclass(frozen=True)
class Documents:
    """Where an erasure's files live in the reports location."""

    request_id: str

    @property
    def plan(self) -> str:
        return f"erasure/{self.request_id}/plan.json"

    @property
    def batch(self) -> str:
        return f"erasure/{self.request_id}/batch.json"

    @property
    def preview(self) -> str:
        return f"erasure/{self.request_id}/preview.html"

    @property
    def certificate(self) -> str:
        return f"erasure/{self.request_id}/certificate.html"


def store_preview(
    datamap: DataMap, plan: ErasurePlan, store: ReportStore, *, generated_at: datetime
) -> tuple[StoredReport, StoredReport]:
    """Store the plan (JSON, what will be applied) and its HTML rendering."""
    docs = Documents(plan.request_id)
    stored_plan = store.put(docs.plan, plan.to_json())
    html = render_template(
        "erasure_preview.html.j2",
        org=datamap.organisation,
        plan=plan,
        plan_sha256=plan.sha256,
        ground_label=GROUNDS[plan.ground][3:] if plan.ground in GROUNDS else "",
        totals=plan.totals(),
        generated_at=generated_at,
        **_tables(plan),
    )
    return stored_plan, store.put(docs.preview, html)


def store_batch_preview(
    datamap: DataMap, batch: BatchPlan, store: ReportStore, *, generated_at: datetime
) -> tuple[StoredReport, StoredReport]:
    """Store a batch (its merged plan, each subject's plan and counts) and its HTML preview:
    the merged plan per dataset, then one line per request."""
    docs = Documents(batch.batch_id)
    stored_plan = store.put(docs.batch, batch.to_json())
    if len(batch.plans) == 1:  # a single erasure: the subject's own plan, as approved
        (plan,) = batch.plans.values()
        html = render_template(
            "erasure_preview.html.j2",
            org=datamap.organisation,
            plan=plan,
            plan_sha256=batch.sha256,
            ground_label=GROUNDS[plan.ground][3:] if plan.ground in GROUNDS else "",
            totals=plan.totals(),
            generated_at=generated_at,
            **_tables(plan),
        )
        return stored_plan, store.put(Documents(plan.request_id).preview, html)
    plan = batch.merged
    html = render_template(
        "erasure_batch_preview.html.j2",
        org=datamap.organisation,
        batch_id=batch.batch_id,
        plan_sha256=batch.sha256,
        ground_label=GROUNDS[plan.ground][3:] if plan.ground in GROUNDS else "",
        totals=plan.totals(),
        generated_at=generated_at,
        subjects=[{"request_id": r, "counts": batch.subject_counts(r)} for r in batch.plans],
        **_tables(plan),
    )
    return stored_plan, store.put(docs.preview, html)


def load_batch(store: ReportStore, batch_id: str, sha256: str) -> BatchPlan:
    """The stored batch, refused unless it is the one that was previewed and approved."""
    batch = BatchPlan.from_json(_read(store, Documents(batch_id).batch))
    if batch.sha256 != sha256:
        raise ValueError(
            f"the stored plan of {batch_id} is not the one approved (SHA-256 differs); "
            "run a new preview"
        )
    return batch


def _read(store: ReportStore, name: str) -> str:
    key = f"{store.location.prefix}{name}"
    body = store.bucket.client.get_object(Bucket=store.bucket.name, Key=key)["Body"].read()
    return body.decode("utf-8")


def load_plan(store: ReportStore, request_id: str, sha256: str) -> ErasurePlan:
    """The stored plan, refused unless it is the one that was previewed and approved."""
    plan = ErasurePlan.from_json(_read(store, Documents(request_id).plan))
    if plan.sha256 != sha256:
        raise ValueError(
            f"the stored plan of {request_id} is not the one approved (SHA-256 differs); "
            "run a new preview"
        )
    return plan


def issue_certificate(
    datamap: DataMap,
    plan: ErasurePlan,
    outcome: ApplyOutcome | dict[str, Any],
    ledger: Ledger,
    store: ReportStore,
    *,
    completed_at: datetime,
    approved_by: str | None = None,
    approved_at: str | None = None,
    run_pk: int | None = None,
) -> StoredReport:
    """Render, store and record the certificate; a rerun stores the same document again.

    A plan that erases nothing (every record kept under Art. 17(3)) gets no certificate of
    erasure: it is refused, with ``gdpr.erasure.refusal.issue_refusal`` (Art. 12(4))."""
    if outcome_of(plan) == REFUSED:
        raise ValueError(
            f"request {plan.request_id}: nothing is erased, every record is kept under "
            "Art. 17(3); issue the Art. 12(4) refusal notice instead of a certificate"
        )
    changed = outcome.changed if isinstance(outcome, ApplyOutcome) else outcome["changed"]
    request = ledger.get_request(plan.request_id)
    evidence = ledger.evidence(request_id=plan.request_id)
    # One source for the summary and the table: the per-dataset rows below, whose changes are
    # those of the approved plan as applied (by every attempt at it), and the totals their sum.
    tables = _tables(plan, changed)
    totals = _sum({d["dataset"]: d["counts"] for d in tables["datasets"]})
    copies = sum(e.count for e in evidence if e.action == "erasure.copies_delete")
    kept_exempt, kept_cannot = kept_counts(plan)
    html = render_template(
        "erasure_certificate.html.j2",
        org=datamap.organisation,
        plan=plan,
        plan_sha256=plan.sha256,
        request=request,
        ground_label=GROUNDS[plan.ground][3:] if plan.ground in GROUNDS else "",
        totals=totals,
        changed=totals,
        copies=copies,
        kept_exempt=kept_exempt,
        kept_cannot=kept_cannot,
        completed_at=completed_at,
        approved_by=approved_by,
        approved_at=_minute(approved_at),
        evidence=evidence,
        chain_head=ledger.chain_head(),
        **tables,
    )
    stored = store.put(Documents(plan.request_id).certificate, html)
    ledger.record_evidence(
        EvidenceInput(
            action="erasure.certificate",
            count=sum(totals.get(a, 0) for a in ("delete", "anonymise", "restrict")),
            keys_sha256=stored.sha256,
            detail={
                "certificate": stored.key,
                "plan_sha256": plan.sha256,
                "totals": totals,
                "delivered_copies": copies,
            },
            run_pk=run_pk,
            request_id=plan.request_id,
        )
    )
    return stored


# How a certificate carries the head it was issued under, for `gdpr ledger verify` to read
# back: the chain's row count and last hash, in an attribute of the printed hash.
_HEAD_MARK = re.compile(r'data-ledger-head="(\d+):([0-9a-f]{64})"')


def certificate_claim(text: str, source: str) -> HeadClaim | None:
    """The chain head a certificate was issued under, as a claim on the chain (None when the
    document carries none, e.g. one issued before heads were printed with their count)."""
    found = _HEAD_MARK.search(text)
    if found is None:
        return None
    return HeadClaim(
        count=int(found.group(1)), last_hash=found.group(2), source=source, published=False
    )


def stored_certificate_claims(store: ReportStore) -> list[HeadClaim]:
    """The heads of every certificate in the reports location (each a copy the subject got)."""
    from botocore.exceptions import BotoCoreError, ClientError

    claims = []
    try:
        for key in store.keys("erasure/"):
            if key.endswith("/certificate.html"):
                text = store.read(key).decode("utf-8")
                where = f"the certificate s3://{store.location.bucket}/{key}"
                claim = certificate_claim(text, where)
                if claim is not None:
                    claims.append(claim)
    except (ClientError, BotoCoreError) as exc:
        raise RuntimeError(
            f"cannot read the certificates in s3://{store.location.bucket}: {exc}"
        ) from None
    return claims


def _sum(changed: dict[str, dict[str, int]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for counts in changed.values():
        for action, n in counts.items():
            totals[action] = totals.get(action, 0) + n
    return totals


def _tables(
    plan: ErasurePlan, changed: Mapping[str, Mapping[str, int]] | None = None
) -> dict[str, Any]:
    """Per dataset what happens: as planned, or, with ``changed`` (per dataset and action, what
    was really deleted, anonymised and restricted), as done; kept records are the plan's."""
    datasets = []
    kept = []
    # a dataset listed more than once (the parts of shared records, a batch's ways of
    # anonymising): what was changed in it is shared out among its entries, the last one
    # taking what is left, so the table's rows add up to the changes, once each
    left = {d: dict(c) for d, c in (changed or {}).items()}
    last = {d.dataset: n for n, d in enumerate(plan.datasets)}
    for n, d in enumerate(plan.datasets):
        counts = d.counts()
        if changed is not None:
            done = left.get(d.dataset, {})
            for a in ("delete", "anonymise", "restrict"):
                available = int(done.get(a, 0))
                counts[a] = available if last[d.dataset] == n else min(counts[a], available)
                done[a] = available - counts[a]
        if not d.total and not any(counts.values()):
            continue
        fields = {
            name: "emptied" if value is None else "redacted" for name, value in d.constant.items()
        }
        fields |= {name: "replaced by a random token" for name in d.tokens}
        datasets.append(
            {"dataset": d.dataset, "counts": counts, "fields": fields if d.anonymise else {}}
        )
        if d.anonymise:
            reason = plan.reasons.get(d.anonymise_reason or "")
            if reason:
                kept.append(
                    {
                        "dataset": d.dataset,
                        "count": len(d.anonymise),
                        "how": "anonymised",
                        "reason": reason,
                        "sample": [],
                    }
                )
        for reason_id, keys in d.kept.items():
            kept.append(
                {
                    "dataset": d.dataset,
                    "count": len(keys),
                    "how": "kept" + (" and restricted" if d.restrict else ""),
                    "reason": plan.reasons[reason_id],
                    "sample": ["/".join(str(v) for v in k) for k in keys[:KEYS_SHOWN]],
                }
            )
    return {"datasets": datasets, "kept": kept}


def _minute(when: str | None) -> str | None:
    """An approval time as the certificate prints its times (``2026-11-18 12:00 UTC``): Airflow
    answers with ISO 8601 at microsecond precision."""
    if not when:
        return None
    try:
        moment = datetime.fromisoformat(when)
    except ValueError:
        return when
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")
