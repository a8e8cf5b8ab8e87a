"""How an erasure ends: erased, partly erased, or refused under Art. 12(4).

An erasure whose plan deletes and anonymises nothing (every record of the subject is kept under
Art. 17(3): a legal hold, a legal obligation, Object Lock) erases nothing: the request is refused,
and Art. 12(4) requires telling the subject, within one month, why, and that they may lodge a
complaint with a supervisory authority (Art. 77) and seek a judicial remedy (Art. 79). That is
the refusal notice, never a "certificate of erasure" for 0 records. An erasure that keeps some
records is partial, and its certificate says so and lists what was kept and why. Records kept
only because their system cannot erase them are named as such, never as an Art. 17(3)
exemption (``KeepReason.exempt``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from gdpr.datamap.models import DataMap
from gdpr.erasure.plan import ErasurePlan, KeepReason
from gdpr.ledger import EvidenceInput, Ledger
from gdpr.reports.render import render_template
from gdpr.reports.store import ReportStore, StoredReport

ERASED = "erased"
PARTIAL = "partial"
REFUSED = "refused"
NOTHING = "nothing left"

REFUSAL_ARTICLE = "Art. 12(4)"
REFUSAL_EVIDENCE = "erasure.refusal"


def outcome_of(plan: ErasurePlan) -> str:
    """``refused`` when exemptions block everything, ``partial`` when some records are kept,
    ``erased`` when nothing of the subject is left, ``nothing left`` when nothing was found."""
    totals = plan.totals()
    if plan.empty:
        return NOTHING
    if not totals.get("delete") and not totals.get("anonymise"):
        return REFUSED
    return PARTIAL if totals.get("keep") else ERASED


def kept_reasons(plan: ErasurePlan) -> list[tuple[KeepReason, dict[str, int]]]:
    """Each reason records are kept for, with how many per dataset, in the plan's order."""
    found: dict[str, dict[str, int]] = {}
    for d in plan.datasets:
        for reason_id, keys in d.kept.items():
            if keys:
                per = found.setdefault(reason_id, {})
                per[d.dataset] = per.get(d.dataset, 0) + len(keys)
    return [(plan.reasons[r], counts) for r, counts in found.items()]


def kept_counts(plan: ErasurePlan) -> tuple[int, int]:
    """Records kept under an Art. 17(3) exemption, and records kept because their system
    cannot erase them."""
    exempt = cannot = 0
    for reason, counts in kept_reasons(plan):
        if reason.exempt:
            exempt += sum(counts.values())
        else:
            cannot += sum(counts.values())
    return exempt, cannot


def refusal_text(datamap: DataMap, plan: ErasurePlan) -> str:
    """The close reason of a refused request: the legal reasons, what the systems cannot
    erase, and the subject's remedies."""
    found = kept_reasons(plan)
    reasons = "; ".join(
        f"{r.text} ({r.article}{', ' + r.citation if r.citation else ''})"
        for r, _ in found
        if r.exempt
    )
    cannot = "; ".join(r.text for r, _ in found if not r.exempt)
    authority = datamap.organisation.supervisory_authority
    where = f", {authority.url}" if authority.url else ""
    kept = f"kept under Art. 17(3): {reasons}" if reasons else ""
    if cannot:
        kept += ("; " if kept else "") + f"not an exemption: {cannot}"
    return (
        f"refused under {REFUSAL_ARTICLE}: every record of the subject is {kept}. The subject "
        f"may lodge a complaint with {authority.name}{where} (Art. 77) and seek a judicial "
        "remedy (Art. 79)"
    )


def partial_text(plan: ErasurePlan) -> str:
    exempt, cannot = kept_counts(plan)
    articles = sorted({r.article for r, _ in kept_reasons(plan) if r.exempt})
    parts = [f"{exempt} records kept under {', '.join(articles)}"] if exempt else []
    if cannot:
        parts.append(f"{cannot} records kept because the system cannot erase them")
    return f"partially erased (Art. 17): {'; '.join(parts)}"


def refusal_document(request_id: str) -> str:
    return f"erasure/{request_id}/refusal.html"


def issue_refusal(
    datamap: DataMap,
    plan: ErasurePlan,
    ledger: Ledger,
    store: ReportStore,
    *,
    decided_at: datetime,
    approved_by: str | None = None,
    approved_at: str | None = None,
    run_pk: int | None = None,
) -> StoredReport:
    """Render, store and record the Art. 12(4) refusal notice of a fully blocked erasure."""
    if outcome_of(plan) != REFUSED:
        raise ValueError(
            f"request {plan.request_id}: the plan erases records, so it is not refused"
        )
    request = ledger.get_request(plan.request_id)
    reasons = kept_reasons(plan)
    html = render_template(
        "erasure_refusal.html.j2",
        org=datamap.organisation,
        plan=plan,
        plan_sha256=plan.sha256,
        request=request,
        reasons=[
            {"reason": r, "counts": counts, "total": sum(counts.values())} for r, counts in reasons
        ],
        restricted=plan.totals().get("restrict", 0),
        kept=plan.totals().get("keep", 0),
        decided_at=decided_at,
        approved_by=approved_by,
        approved_at=approved_at,
    )
    stored = store.put(refusal_document(plan.request_id), html)
    ledger.record_evidence(
        EvidenceInput(
            action=REFUSAL_EVIDENCE,
            rule=REFUSAL_ARTICLE,
            citation="; ".join(sorted({r.article for r, _ in reasons if r.exempt})),
            count=plan.totals().get("keep", 0),
            keys_sha256=stored.sha256,
            detail={
                "notice": stored.key,
                "plan_sha256": plan.sha256,
                "reasons": [r.id for r, _ in reasons],
            },
            run_pk=run_pk,
            request_id=plan.request_id,
        )
    )
    return stored


def close_detail(datamap: DataMap, plan: ErasurePlan, document: str) -> dict[str, Any]:
    """What a run records on the request when it certifies or refuses (read back to close it)."""
    outcome = outcome_of(plan)
    text = (
        refusal_text(datamap, plan)
        if outcome == REFUSED
        else (partial_text(plan) if outcome == PARTIAL else "erased (Art. 17)")
    )
    return {"outcome": outcome, "document": document, "close_reason": text}
