"""The cover letter of an access package: the Art. 15(1)(a)-(h) and 15(2) information, from the data map.

Only the processing that concerns the subject is described: the purposes of the datasets in
which records or objects were found. Retention comes from the retention rules; a dataset
without a rule of its own follows the rule of the record it belongs to (its references are
followed up to the first dataset that has one). The same context renders in French and English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from gdpr.access.export import DatasetExport
from gdpr.access.portability import Withheld
from gdpr.datamap import categories
from gdpr.datamap.graph import ReferenceGraph
from gdpr.datamap.models import LEGAL_BASIS_ARTICLES, DataMap, Organisation, Recipient, Transfer
from gdpr.erasure.notify import NotifiedRecipient
from gdpr.reports.render import render_template
from gdpr.retention.describe import describe_period, describe_rule

LANGUAGES: tuple[str, ...] = ("fr", "en")


@dataclass(frozen=True)
class Retention:
    period_en: str
    period_fr: str
    words_en: str  # the rule in words, from its declaration (``describe_rule``)
    words_fr: str
    citation: str
    description: str | None
    action: str
    via: str | None = None  # the dataset whose rule applies, when not the dataset's own


@dataclass
class PurposeInfo:
    id: str
    name: str
    description: str
    legal_basis: str
    article: str
    datasets: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    special_categories: list[str] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    retention: dict[str, list[Retention]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    automated_decisions: str | None = None


@dataclass(frozen=True)
class FoundDataset:
    dataset: str
    description: str
    kind: str
    count: int
    versions: int = 0  # objects: the versions exported (one file each), at least ``count``


@dataclass(frozen=True)
class RequestInfo:
    """What the cover says about the request (the id and dates, never the address)."""

    request_id: str
    kind: str
    received_at: datetime
    due_at: datetime
    # Art. 19, last sentence: the recipients told of an erasure or rectification of the
    # subject's data (``gdpr.erasure.notify.notified_recipients``)
    notified: tuple[NotifiedRecipient, ...] = ()


@dataclass
class CoverContext:
    org: Organisation
    request: RequestInfo
    generated_at: datetime
    found: list[FoundDataset]
    purposes: list[PurposeInfo]
    systems_searched: list[str]
    withheld: list[Withheld]
    files: int
    latest_only: bool = False  # objects: only the newest version (data map delivery.latest_only)

    @property
    def anything_found(self) -> bool:
        return any(d.count for d in self.found)

    @property
    def records(self) -> int:
        return sum(d.count for d in self.found if d.kind == "records")

    @property
    def objects(self) -> int:
        return sum(d.count for d in self.found if d.kind == "objects")

    @property
    def object_versions(self) -> int:
        return sum(d.versions for d in self.found if d.kind == "objects")

    @property
    def transfers(self) -> list[Transfer]:
        seen: dict[tuple, Transfer] = {}
        for p in self.purposes:
            for t in p.transfers:
                seen.setdefault((t.country, t.recipient, t.safeguard), t)
        return list(seen.values())

    @property
    def automated_decisions(self) -> list[PurposeInfo]:
        return [p for p in self.purposes if p.automated_decisions]

    @property
    def consent_based(self) -> bool:
        return any(p.legal_basis == "consent" for p in self.purposes)


def build_cover(
    datamap: DataMap,
    exports: Sequence[DatasetExport],
    withheld: Sequence[Withheld],
    request: RequestInfo,
    generated_at: datetime,
    files: int,
) -> CoverContext:
    found = [
        FoundDataset(
            e.dataset, _describe(datamap, e.dataset), e.kind, e.count, max(e.versions, e.count)
        )
        for e in exports
        if e.count
    ]
    found_ids = [d.dataset for d in found]
    graph = ReferenceGraph.of(datamap)
    purposes: dict[str, PurposeInfo] = {}
    for dataset_id in found_ids:
        ref = datamap.dataset(dataset_id)
        for purpose_id in ref.dataset.purposes:
            info = purposes.get(purpose_id) or _purpose(datamap, purpose_id)
            purposes[purpose_id] = info
            info.datasets.append(dataset_id)
            info.retention[dataset_id] = _retention(datamap, graph, dataset_id)
    for info in purposes.values():
        keys = sorted({c for d in info.datasets for c in _categories(datamap, d)})
        info.categories = [categories.label(k) for k in keys]
        info.special_categories = [categories.label(k) for k in keys if categories.is_special(k)]
    zone = ZoneInfo(datamap.organisation.timezone)
    return CoverContext(
        org=datamap.organisation,
        request=replace(
            request,
            received_at=request.received_at.astimezone(zone),
            due_at=request.due_at.astimezone(zone),
        ),
        generated_at=generated_at.astimezone(zone),
        found=found,
        purposes=[purposes[p.id] for p in datamap.purposes if p.id in purposes],
        systems_searched=[s.description or s.name for s in datamap.systems],
        withheld=[w for w in withheld if w.dataset in found_ids],
        files=files,
        latest_only=datamap.delivery.latest_only,
    )


def render_cover(context: CoverContext, lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"the cover exists in {', '.join(LANGUAGES)}, not {lang!r}")
    return render_template(f"access_cover_{lang}.html.j2", lang=lang, c=context)


def _purpose(datamap: DataMap, purpose_id: str) -> PurposeInfo:
    purpose = datamap.purpose(purpose_id)
    return PurposeInfo(
        id=purpose.id,
        name=purpose.name,
        description=purpose.description,
        legal_basis=purpose.legal_basis,
        article=LEGAL_BASIS_ARTICLES[purpose.legal_basis],
        recipients=list(purpose.recipients),
        transfers=list(purpose.transfers),
        sources=list(purpose.sources),
        automated_decisions=purpose.automated_decisions,
    )


def _describe(datamap: DataMap, dataset_id: str) -> str:
    ref = datamap.dataset(dataset_id)
    return ref.dataset.description or ref.system.description or dataset_id


def _categories(datamap: DataMap, dataset_id: str) -> set[str]:
    dataset = datamap.dataset(dataset_id).dataset
    keys = set(dataset.categories)
    for spec in dataset.fields.values():
        if not spec.about_others:
            keys.update(spec.categories)
    return {k for k in keys if categories.is_personal(k)}


def _retention(datamap: DataMap, graph: ReferenceGraph, dataset_id: str) -> list[Retention]:
    """The dataset's own rules, else those of the nearest referenced datasets that have one."""
    own = [r for r in datamap.retention if r.dataset == dataset_id]
    if own:
        return [_rule(datamap, r) for r in own]
    frontier, seen = [dataset_id], {dataset_id}
    while frontier:
        parents = [e.parent for d in frontier for e in graph.parents_of(d) if e.parent not in seen]
        seen.update(parents)
        ruled = [r for r in datamap.retention if r.dataset in parents]
        if ruled:
            return [_rule(datamap, r, via=r.dataset) for r in ruled]
        frontier = parents
    return []


def _rule(datamap: DataMap, rule, via: str | None = None) -> Retention:
    return Retention(
        period_en=describe_period(rule.period, "en"),
        period_fr=describe_period(rule.period, "fr"),
        words_en=describe_rule(datamap, rule, "en"),
        words_fr=describe_rule(datamap, rule, "fr"),
        citation=rule.citation,
        description=rule.description,
        action=rule.action,
        via=via,
    )
