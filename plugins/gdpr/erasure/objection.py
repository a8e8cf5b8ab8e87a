"""Objection (Art. 21): to direct marketing, absolute; to processing on legitimate interest, a
decision for the controller.

Art. 21(3): once the subject objects to direct marketing, their data is no longer processed
for it. The data map says where marketing consent lives (datasets declaring `consent`); every
opt-in of the subject there is withdrawn (opt-in cleared, withdrawal time set), the purposes of
those datasets are the marketing purposes, and their recipients are the ones to tell. The
suppression entry (``gdpr.erasure.suppression``) keeps the person from being re-imported.

Art. 21(1): an objection to processing on legitimate interest (Art. 6(1)(f)) stops it unless
the controller shows compelling legitimate grounds. The ledger gets the decision to take, with
the records concerned by dataset and purpose; the request's clock keeps running until the DPO
decides (uphold the processing with its grounds, or restrict then erase).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from gdpr.connectors.base import ByReference, Connector
from gdpr.connectors.keys import key_texts
from gdpr.datamap.models import DataMap, DatasetRef
from gdpr.ledger import EvidenceInput, Ledger, digest_keys
from gdpr.subject.resolve import SubjectLocation

log = logging.getLogger(__name__)
BATCH = 500
GROUNDS = ("direct_marketing", "legitimate_interest")
MARKETING_CITATION = "Art. 21(3) GDPR"
INTEREST_CITATION = "Art. 21(1) GDPR"
DECISION_OPENED = "objection.decision_opened"
# the two ways an Art. 21(1) decision goes
DECISION_OPTIONS = ("uphold", "restrict_then_erase")


class ObjectionInputError(ValueError):
    """The objection cannot be acted on as given; nothing was changed."""


def marketing_datasets(datamap: DataMap) -> list[DatasetRef]:
    """The datasets recording marketing consent (`consent` declared), in map order."""
    return [ref for ref in datamap.iter_datasets() if ref.dataset.consent is not None]


def marketing_purposes(datamap: DataMap) -> list[str]:
    """The purposes marketing consent is recorded for: those of the consent datasets."""
    return sorted({p for ref in marketing_datasets(datamap) for p in ref.dataset.purposes})


def interest_purposes(datamap: DataMap) -> list[str]:
    """The purposes whose legal basis is legitimate interest (Art. 6(1)(f))."""
    return [p.id for p in datamap.purposes if p.legal_basis == "legitimate_interest"]


def interest_holdings(datamap: DataMap, location: SubjectLocation) -> dict[str, int]:
    """The subject's records processed for a purpose on legitimate interest, by dataset."""
    purposes = set(interest_purposes(datamap))
    return {
        dataset: hits.count
        for dataset, hits in sorted(location.hits.items())
        if hits.count and purposes & set(datamap.dataset(dataset).dataset.purposes)
    }


@dataclass
class Withdrawal:
    withdrawn: dict[str, int] = field(default_factory=dict)  # dataset -> opt-ins withdrawn now
    already: dict[str, int] = field(default_factory=dict)  # dataset -> records not opted in

    def as_dict(self) -> dict[str, Any]:
        """Counts only: what may go to XCom and logs."""
        return {"withdrawn": self.withdrawn, "already": self.already}


def withdraw(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    ledger: Ledger,
    location: SubjectLocation,
    *,
    request_id: str,
    now: datetime,
    run_pk: int | None = None,
) -> Withdrawal:
    """Withdraw every opt-in of the subject in every consent dataset; a rerun changes nothing."""
    outcome = Withdrawal()
    for ref in marketing_datasets(datamap):
        hits = location.hits.get(ref.id)
        if not hits or not hits.rows:
            continue
        consent = ref.dataset.consent
        assert consent is not None
        connector = connectors[ref.system.name]
        key_fields = tuple(connector.key_fields(ref.dataset))
        opted_in = _opted_in(connector, ref, key_fields, hits.sorted_keys(), consent.opt_in)
        changed = 0
        for start in range(0, len(opted_in), BATCH):
            rows = [dict(zip(key_fields, k, strict=True)) for k in opted_in[start : start + BATCH]]
            with connector.changes() as change:
                changed += len(change.set_value(ref.dataset, rows, consent.opt_in, False))
                if consent.withdrawn_at:
                    change.set_value(ref.dataset, rows, consent.withdrawn_at, now)
        outcome.withdrawn[ref.id] = changed
        outcome.already[ref.id] = hits.count - changed
        if changed:
            ledger.record_evidence(
                EvidenceInput(
                    action="objection.consent_withdrawn",
                    system=ref.system.name,
                    dataset=ref.id,
                    count=changed,
                    keys_sha256=digest_keys(list(key_texts(k)) for k in opted_in),
                    citation=MARKETING_CITATION,
                    detail={"opt_in": consent.opt_in, "withdrawn_at": consent.withdrawn_at},
                    run_pk=run_pk,
                    request_id=request_id,
                )
            )
        log.info("objection %s: %s: %d opt-ins withdrawn", request_id, ref.id, changed)
    return outcome


def _opted_in(
    connector: Connector,
    ref: DatasetRef,
    key_fields: tuple[str, ...],
    keys: list[tuple],
    opt_in: str,
) -> list[tuple]:
    """The keys of the records whose opt-in is set, in key order."""
    found: list[tuple] = []
    for start in range(0, len(keys), BATCH):
        criterion = ByReference(key_fields, keys[start : start + BATCH])
        for rows in connector.find(ref.dataset, criterion, [*key_fields, opt_in]):
            found += [tuple(row[k] for k in key_fields) for row in rows if row.get(opt_in)]
    return sorted(found, key=key_texts)


def open_decision(
    datamap: DataMap,
    ledger: Ledger,
    location: SubjectLocation,
    *,
    request_id: str,
    actor: str,
    run_pk: int | None = None,
) -> dict[str, Any]:
    """Record the Art. 21(1) decision to take on the request (its clock keeps running)."""
    holdings = interest_holdings(datamap, location)
    if not holdings:
        raise ObjectionInputError(
            f"request {request_id}: no record of this subject is processed on legitimate "
            "interest (Art. 6(1)(f)), so there is no processing to object to under Art. 21(1)"
        )
    purposes = sorted(
        set(interest_purposes(datamap))
        & {p for d in holdings for p in datamap.dataset(d).dataset.purposes}
    )
    request = ledger.get_request(request_id)
    detail = {
        "options": list(DECISION_OPTIONS),
        "purposes": purposes,
        "datasets": holdings,
        "due_at": request.effective_due_at.isoformat(),
    }
    ledger.add_request_event(request_id, DECISION_OPENED, actor, detail)
    ledger.record_evidence(
        EvidenceInput(
            action=DECISION_OPENED,
            count=sum(holdings.values()),
            citation=INTEREST_CITATION,
            detail=detail,
            run_pk=run_pk,
            request_id=request_id,
        )
    )
    return detail
