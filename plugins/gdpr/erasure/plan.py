"""What erasing one subject will do, worked out before anything changes (the preview).

Every record resolution found for the subject gets exactly one fate, per dataset:

* deleted (the dataset's `erasure: delete`);
* anonymised in place, per the field strategies of the data map, when a retention rule `keep`s
  the dataset (a legal obligation to keep the records for years) or the map says
  `erasure: anonymise`; references to records being deleted are cut;
* kept unchanged, with its reason: a legal hold in the ledger (legal claims, Art. 17(3)(e)),
  with the records above it that it needs; an S3 object under Object Lock; a dataset the map
  keeps (`erasure: keep`) because a retention rule obliges it. Kept records of a dataset with a
  restriction flag are restricted (Art. 18) rather than left live.
* kept because the system cannot erase it (its API has no operation that would): shown as
  such, with the system's reason, and never as an exemption under Art. 17(3): the record is
  still to be erased, by the system's administrator (``KeepReason.exempt`` is false).

The plan is plain data (JSON): the approver sees it rendered, and the erasure applies exactly
it. Its digest leaves out when it was made, so two previews of the same state agree.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from gdpr.connectors import order
from gdpr.connectors.base import ByReference, Connector, Lock, LockNature, reading
from gdpr.connectors.keys import norm_key
from gdpr.datamap.graph import ReferenceGraph
from gdpr.datamap.models import DataMap, DatasetRef, HoldRule, RetentionRule
from gdpr.erasure.grounds import GROUNDS
from gdpr.ledger import Ledger, normalise_email
from gdpr.ledger.identity import request_identity
from gdpr.ledger.records import HoldRecord
from gdpr.retention.anonymise import (
    Anonymisation,
    NotNullError,
    anonymisation,
    not_null_refusals,
    reference_fields,
)
from gdpr.retention.held import held_keys, scope_of
from gdpr.retention.plan import cutoff_for
from gdpr.subject.resolve import SubjectLocation, resolve_record, resolve_subject
from gdpr.subject.walk import join_columns

Key = tuple
Row = dict[str, Any]
RecordResolver = Callable[[str, dict], SubjectLocation]
# The normalised keys among a dataset's rows that a hold the map declares holds
HeldFinder = Callable[[HoldRule, dict[Key, Row]], set[Key]]
# Records the system keeps when asked to delete them, by normalised key (``Connector.locked``)
LockChecker = Callable[[str, dict[Key, Row]], dict[Key, Lock]]
CANNOT_ERASE = "Kept: the system cannot erase it"


@dataclass(frozen=True)
class KeepReason:
    """Why records are kept (or kept anonymised): shown in the preview and the certificate.
    ``exempt``: the reason is an exemption under Art. 17(3) (its ``article``); false for
    records kept only because the system cannot erase them, which cite no article."""

    id: str
    text: str
    article: str
    citation: str | None = None
    exempt: bool = True


def lock_reason(dataset_id: str, lock: Lock) -> KeepReason:
    """How the plan names a system's lock: a retention it enforces (S3 Object Lock) is kept
    under Art. 17(3)(b); a record the system cannot erase says so, with the system's reason."""
    if lock.nature == LockNature.TECHNICAL:
        return KeepReason(
            f"cannot-erase-{dataset_id}-{lock.reason}",
            f"{CANNOT_ERASE}. {lock.reason}",
            "",
            exempt=False,
        )
    return KeepReason(f"lock-{dataset_id}-{lock.reason}", lock.reason, "Art. 17(3)(b)")


@dataclass
class DatasetPlan:
    dataset: str
    system: str
    kind: str  # sql | s3
    key_fields: list[str]
    delete: list[list] = field(default_factory=list)
    anonymise: list[list] = field(default_factory=list)
    anonymise_reason: str | None = None
    constant: dict[str, Any] = field(default_factory=dict)  # anonymised fields, fixed value
    tokens: list[str] = field(default_factory=list)  # anonymised fields, random token per row
    kept: dict[str, list[list]] = field(default_factory=dict)  # reason id -> keys
    restriction_flag: str | None = None
    restrict: list[list] = field(default_factory=list)

    @property
    def kept_count(self) -> int:
        return sum(len(keys) for keys in self.kept.values())

    @property
    def total(self) -> int:
        return len(self.delete) + len(self.anonymise) + self.kept_count

    def counts(self) -> dict[str, int]:
        return {
            "delete": len(self.delete),
            "anonymise": len(self.anonymise),
            "keep": self.kept_count,
            "restrict": len(self.restrict),
        }


@dataclass
class ErasurePlan:
    request_id: str
    ground: str
    datamap_digest: str
    created_at: str
    datasets: list[DatasetPlan]  # children before parents: the order changes are applied in
    reasons: dict[str, KeepReason]

    def counts(self) -> dict[str, dict[str, int]]:
        """Per dataset, what happens to how many records: what may go to XCom and logs (a
        dataset listed more than once, for the parts of shared records, is summed)."""
        counts: dict[str, dict[str, int]] = {}
        for d in self.datasets:
            if d.total:
                into = counts.setdefault(d.dataset, dict.fromkeys(d.counts(), 0))
                for action, n in d.counts().items():
                    into[action] += n
        return counts

    def totals(self) -> dict[str, int]:
        totals: dict[str, int] = defaultdict(int)
        for d in self.datasets:
            for action, n in d.counts().items():
                totals[action] += n
        return dict(totals)

    @property
    def empty(self) -> bool:
        return not any(d.total for d in self.datasets)

    def dataset(self, dataset_id: str) -> DatasetPlan:
        return next(d for d in self.datasets if d.dataset == dataset_id)

    def kept_keys(self) -> dict[str, set[Key]]:
        """Keys that may still be found after the erasure (kept with a reason), normalised."""
        kept: dict[str, set[Key]] = {}
        for d in self.datasets:
            kept.setdefault(d.dataset, set()).update(
                norm_key(k) for keys in d.kept.values() for k in keys
            )
        return kept

    def _document(self) -> dict[str, Any]:
        # the fields as plain data, like dataclasses.asdict without its deep copy (a batch's
        # plans are digested by the thousand)
        document = {f.name: getattr(self, f.name) for f in fields(self)}
        document["datasets"] = [vars(d) for d in self.datasets]
        document["reasons"] = {k: vars(v) for k, v in self.reasons.items()}
        return document

    def to_json(self) -> str:
        return json.dumps(self._document(), sort_keys=True, default=str)

    @property
    def sha256(self) -> str:
        """Digest of what the plan does (not of when it was made)."""
        document = self._document()
        document.pop("created_at")
        text = json.dumps(document, sort_keys=True, separators=(",", ":"), default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    @classmethod
    def from_json(cls, text: str) -> ErasurePlan:
        document = json.loads(text)
        document["datasets"] = [DatasetPlan(**d) for d in document["datasets"]]
        document["reasons"] = {k: KeepReason(**v) for k, v in document["reasons"].items()}
        return cls(**document)


@dataclass(frozen=True)
class Layout:
    """What planning reads of the data map and the live schemas, the same for every subject:
    the reference graph and its parents-first order, the order datasets are changed in, the
    fields that refer to other datasets' records (the map's references and the databases'
    foreign keys), per dataset.
    A batch works it out once for all its subjects (``Layout.of``)."""

    graph: ReferenceGraph
    parents_first: list[str]
    order: list[str]
    referring: list[tuple[str, tuple[str, ...], str]]
    references: dict[str, set[str]]
    fates: dict[str, tuple[str, KeepReason | None]]  # ``dataset_fate`` of every dataset
    refs: dict[str, DatasetRef]  # every dataset by id, in the map's order
    # every dataset's key fields, as its connector names them: one list each, which the plans
    # of a batch's subjects share (never changed; a thousand plans would copy it 13,000 times)
    key_fields: dict[str, list[str]]

    @classmethod
    def of(
        cls,
        datamap: DataMap,
        connectors: Mapping[str, Connector],
        graph: ReferenceGraph | None = None,
    ) -> Layout:
        graph = graph or ReferenceGraph.of(datamap)
        referring = _referring(datamap, connectors, graph)
        return cls(
            graph,
            graph.parents_first(),
            deletion_order(datamap, connectors, graph),
            referring,
            _references(datamap, referring),
            {
                ref.id: dataset_fate(
                    datamap, ref, graph, anonymises=_anonymises(connectors.get(ref.system.name))
                )
                for ref in datamap.iter_datasets()
            },
            {ref.id: ref for ref in datamap.iter_datasets()},
            {ref.id: _key_fields(connectors, ref) for ref in datamap.iter_datasets()},
        )


def _key_fields(connectors: Mapping[str, Connector], ref: DatasetRef) -> list[str]:
    connector = connectors.get(ref.system.name)
    return list(connector.key_fields(ref.dataset)) if connector else list(ref.dataset.primary_key)


def plan_erasure(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    location: SubjectLocation,
    *,
    subject_email: str,
    request_id: str,
    ground: str,
    holds: list[HoldRecord],
    resolve_record: RecordResolver,
    now: datetime,
    lock_checker: LockChecker | None = None,
) -> ErasurePlan:
    """The plan for the records in ``location`` (a resolution of the subject)."""
    graph = ReferenceGraph.of(datamap)
    return plan_from_rows(
        datamap,
        connectors,
        location,
        rows_with_links(datamap, connectors, location, graph),
        subject_email=subject_email,
        request_id=request_id,
        ground=ground,
        holds=holds,
        resolve_record=resolve_record,
        now=now,
        lock_checker=lock_checker,
        graph=graph,
    )


def plan_from_rows(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    location: SubjectLocation,
    rows: dict[str, dict[Key, Row]],
    *,
    subject_email: str,
    request_id: str,
    ground: str,
    holds: list[HoldRecord],
    resolve_record: RecordResolver,
    now: datetime,
    lock_checker: LockChecker | None = None,
    graph: ReferenceGraph | None = None,
    leaving: Mapping[str, Mapping[Key, set[str]]] | None = None,
    held_by_rule: HeldFinder | None = None,
    layout: Layout | None = None,
) -> ErasurePlan:
    """The plan, once the subject's rows and their links are read (``rows_with_links``): a batch
    of subjects reads them for all at once and plans each subject from its share. ``leaving``:
    per shared dataset and normalised key, the roles of every subject erased with this one (a
    batch); a party among them does not remain on the record. ``held_by_rule``: which of a
    dataset's rows a hold the map declares holds (default: asked of the system, per rule).
    ``layout``: the map's and schemas' layout (``Layout.of``), when already worked out."""
    if ground not in GROUNDS:
        raise ValueError(f"unknown Art. 17(1) ground {ground!r}; expected one of {sorted(GROUNDS)}")
    layout = layout or Layout.of(datamap, connectors, graph)
    graph = layout.graph
    reasons: dict[str, KeepReason] = {}
    kept: dict[str, dict[Key, str]] = {d: {} for d in rows}

    for hold in holds:
        reason = KeepReason(
            f"hold-{hold.id}",
            f"Legal hold in the ledger: {hold.reason} ({hold.reference})",
            "Art. 17(3)(e)",
            hold.reference,
        )
        held = _held_by(hold, subject_email, location, resolve_record, datamap.holds.scope)
        for dataset, keys in held.items():
            for key in keys:
                if key in rows.get(dataset, {}):
                    kept[dataset].setdefault(key, reason.id)
                    reasons.setdefault(reason.id, reason)
    finder = held_by_rule or (lambda rule, found: held_keys(datamap, connectors, rule, found))
    for rule in datamap.holds.rules:
        held = _held_by_rule(datamap, rule, finder, location, resolve_record, rows)
        reason = KeepReason(
            f"hold-rule-{rule.id}",
            f"Hold declared in the data map ({rule.id}): {rule.reason}",
            "Art. 17(3)(e)",
            rule.citation,
        )
        for dataset, keys in held.items():
            for key in keys & rows.get(dataset, {}).keys():
                kept[dataset].setdefault(key, reason.id)
                reasons.setdefault(reason.id, reason)
    _keep_ancestors(kept, rows, graph, layout.parents_first)

    checker = lock_checker or system_locks(datamap, connectors)
    for dataset_id, ref in layout.refs.items():
        if ref.system.name not in connectors or not rows.get(dataset_id):
            continue
        held = kept[dataset_id]
        candidates = {k: row for k, row in rows[dataset_id].items() if k not in held}
        for key, lock in checker(dataset_id, candidates).items():
            reason = lock_reason(dataset_id, lock)
            reasons.setdefault(reason.id, reason)
            held[key] = reason.id

    released = _released(layout.refs, location, rows, kept, leaving or {})
    _keep_common(datamap, graph, layout.parents_first, rows, kept, reasons, released)
    expired = _obligation_over(datamap, graph, layout.parents_first, rows, now)
    plans = []
    for dataset_id in layout.order:
        found, gone = rows.get(dataset_id, {}), released.get(dataset_id)
        plans.append(
            _dataset_plan(
                layout.refs[dataset_id],
                {k: r for k, r in found.items() if k not in gone} if gone else found,
                kept,
                reasons,
                expired[dataset_id],
                layout.key_fields[dataset_id],
                layout.fates[dataset_id],
            )
        )
    _cut_references(datamap, layout.referring, plans)
    plans = _with_releases(datamap, plans, released, reasons)
    refuse_not_null(datamap, connectors, plans, references=layout.references)
    return ErasurePlan(
        request_id=request_id,
        ground=ground,
        datamap_digest=datamap.digest,
        created_at=now.isoformat(),
        datasets=plans,
        reasons=reasons,
    )


# -- reading what the plan needs ---------------------------------------------------------------


def planning_columns(datamap: DataMap, graph: ReferenceGraph) -> Callable[[DatasetRef], set[str]]:
    """What planning reads of a dataset's records besides their keys: the fields they join on
    (``join_columns``), the restriction flag, and the columns retention periods start from.
    Given to the resolution (``resolve_subject(columns=...)``), the subject is read once, with
    everything the plan decides on; ``rows_with_links`` then reads nothing again."""
    starts: dict[str, set[str]] = defaultdict(set)
    for rule in datamap.retention:
        if rule.start.column:
            starts[rule.dataset].add(rule.start.column)

    def columns(ref: DatasetRef) -> set[str]:
        flag = ref.dataset.restriction_flag
        return join_columns(graph, ref) | starts.get(ref.id, set()) | ({flag} if flag else set())

    return columns


def rows_with_links(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    location: SubjectLocation,
    graph: ReferenceGraph,
) -> dict[str, dict[Key, Row]]:
    """The subject's rows with the fields planning needs (``planning_columns``; keys
    normalised): the rows resolution found where they already carry those fields (it was
    given ``planning_columns``), else read again."""
    wanted = planning_columns(datamap, graph)
    rows: dict[str, dict[Key, Row]] = {}
    for dataset_id, hits in location.hits.items():
        ref = datamap.dataset(dataset_id)
        connector = connectors[ref.system.name]
        key_fields = list(connector.key_fields(ref.dataset))
        columns = set(key_fields) | wanted(ref)
        if all(columns <= row.keys() for row in hits.rows.values()):
            rows[dataset_id] = {norm_key(k): dict(r) for k, r in hits.rows.items()}
            continue
        found: dict[Key, Row] = {}
        criterion = ByReference(tuple(key_fields), list(hits.rows))
        for batch in connector.find(ref.dataset, criterion, sorted(columns)):
            for row in batch:
                found[norm_key(tuple(row[f] for f in key_fields))] = row
        rows[dataset_id] = found
    return rows


def _held_by(
    hold: HoldRecord,
    subject_email: str,
    location: SubjectLocation,
    resolve_record: RecordResolver,
    scope: str = "subject",
) -> dict[str, set[Key]]:
    """What a hold keeps of this subject. A hold on a record keeps the record and its
    dependants; in `subject` scope (the map's `holds.scope`), when the held record is one of the
    subject's, it keeps everything found for the subject (Art. 17(3)(e): the dispute is about
    the person, not only that record)."""
    everything = {d: {norm_key(k) for k in h.rows} for d, h in location.hits.items()}
    if hold.subject_email:
        return everything if hold.subject_email == subject_email else {}
    if not hold.dataset or not hold.record_key:
        return {}
    covered = resolve_record(hold.dataset, hold.record_key)
    held = {d: {norm_key(k) for k in h.rows} for d, h in covered.hits.items()}
    if scope == "subject" and held.get(hold.dataset, set()) & everything.get(hold.dataset, set()):
        return everything
    return held


def _held_by_rule(
    datamap: DataMap,
    rule: HoldRule,
    finder: HeldFinder,
    location: SubjectLocation,
    resolve_record: RecordResolver,
    rows: dict[str, dict[Key, Row]],
) -> dict[str, set[Key]]:
    """What a hold the map declares keeps of this subject: when one of the subject's records of
    its dataset meets its conditions, everything found for the subject (`subject` scope), or
    that record and its dependants (`record` scope)."""
    found = rows.get(rule.dataset, {})
    held = finder(rule, found)
    if not held:
        return {}
    if scope_of(datamap, rule) == "subject":
        return {d: {norm_key(k) for k in h.rows} for d, h in location.hits.items()}
    fields = location.hits[rule.dataset].key_fields  # as the system's connector gave them
    kept: dict[str, set[Key]] = defaultdict(set)
    for key in held:
        covered = resolve_record(rule.dataset, {f: found[key][f] for f in fields})
        for dataset, hits in covered.hits.items():
            kept[dataset] |= {norm_key(k) for k in hits.rows}
    return kept


def _keep_ancestors(
    kept: dict[str, dict[Key, str]],
    rows: dict[str, dict[Key, Row]],
    graph: ReferenceGraph,
    parents_first: list[str],
) -> None:
    """A kept record keeps the subject's records it refers to (a held purchase keeps its buyer)."""
    for dataset_id in reversed(parents_first):
        for key, reason in list(kept.get(dataset_id, {}).items()):
            row = rows[dataset_id][key]
            for edge in graph.parents_of(dataset_id):
                wanted = graph.join_key(edge, (row.get(f) for f in edge.child_fields))
                for pkey, prow in rows.get(edge.parent, {}).items():
                    theirs = graph.join_key(edge, (prow.get(f) for f in edge.parent_fields))
                    if wanted is not None and theirs == wanted:
                        kept[edge.parent].setdefault(pkey, reason)


# -- records shared by several parties ---------------------------------------------------------

SHARED = KeepReason(
    "shared",
    "Shared with another party: only the subject's part of the record (their link and their "
    "own fields) is emptied; the record and what depends on it stay while another party is on it",
    "Art. 17(1)",
)


def _released(
    refs: Mapping[str, DatasetRef],
    location: SubjectLocation,
    rows: dict[str, dict[Key, Row]],
    kept: dict[str, dict[Key, str]],
    leaving: Mapping[str, Mapping[Key, set[str]]],
) -> dict[str, dict[Key, frozenset[str]]]:
    """Per dataset, the shared records (``Dataset.parties``) the subject leaves while another
    party remains on them (its link is set, and it is not in ``leaving``: erased in the same
    batch), with the roles the subject reached them by. The others, and records reached
    through no role, get the dataset's normal erasure."""
    released: dict[str, dict[Key, frozenset[str]]] = defaultdict(dict)
    for dataset_id, found in rows.items():
        ref = refs[dataset_id]
        parties = ref.dataset.parties
        if not parties or not found:
            continue
        links = {r.role: list(r.fields) for r in ref.dataset.references if r.role in parties}
        roles = {norm_key(k): r for k, r in location.roles.get(dataset_id, {}).items()}
        for key, row in found.items():
            mine = frozenset(roles.get(key, ()))
            if not mine or key in kept.get(dataset_id, {}):
                continue
            gone = mine | set(leaving.get(dataset_id, {}).get(key, ()))
            others = [
                role
                for role, fields in links.items()
                if role not in gone and any(row.get(f) is not None for f in fields)
            ]
            if others:
                released[dataset_id][key] = mine
    return released


def _keep_common(
    datamap: DataMap,
    graph: ReferenceGraph,
    parents_first: list[str],
    rows: dict[str, dict[Key, Row]],
    kept: dict[str, dict[Key, str]],
    reasons: dict[str, KeepReason],
    released: dict[str, dict[Key, frozenset[str]]],
) -> None:
    """The records that depend on a shared record the subject leaves are the remaining
    parties' as much as the subject's: kept, with the records below them."""
    common: dict[str, set[tuple]] = {d: set(keys) for d, keys in released.items()}
    for dataset_id in parents_first:
        for edge in graph.parents_of(dataset_id):
            above = common.get(edge.parent)
            if not above:
                continue
            values = {
                graph.join_key(edge, (rows[edge.parent][k].get(f) for f in edge.parent_fields))
                for k in above
            } - {None}
            for key, row in rows.get(dataset_id, {}).items():
                if graph.join_key(edge, (row.get(f) for f in edge.child_fields)) in values:
                    if key in released.get(dataset_id, {}):
                        continue
                    common.setdefault(dataset_id, set()).add(key)
                    kept.setdefault(dataset_id, {}).setdefault(key, SHARED.id)
                    reasons.setdefault(SHARED.id, SHARED)


def _with_releases(
    datamap: DataMap,
    plans: list[DatasetPlan],
    released: dict[str, dict[Key, frozenset[str]]],
    reasons: dict[str, KeepReason],
) -> list[DatasetPlan]:
    """The plan with, after each dataset's entry, an entry per set of roles the subject leaves
    shared records by: those roles' links and own fields emptied (an anonymisation of the
    subject's part, with the reason ``SHARED``)."""
    out: list[DatasetPlan] = []
    for plan in plans:
        out.append(plan)
        groups: dict[frozenset[str], list[list]] = defaultdict(list)
        for key, roles in released.get(plan.dataset, {}).items():
            groups[roles].append(list(key))
        if not groups:
            continue
        parties = datamap.dataset(plan.dataset).dataset.parties
        for roles, keys in sorted(groups.items(), key=lambda g: sorted(g[0])):
            emptied = [f for role in sorted(roles) for f in parties[role]]
            out.append(
                DatasetPlan(
                    plan.dataset,
                    plan.system,
                    plan.kind,
                    plan.key_fields,
                    anonymise=sorted(keys, key=key_order),
                    anonymise_reason=SHARED.id,
                    constant=dict.fromkeys(emptied),
                )
            )
            reasons.setdefault(SHARED.id, SHARED)
    return out


def system_locks(datamap: DataMap, connectors: Mapping[str, Connector]) -> LockChecker:
    """What each system refuses to delete among a dataset's rows (``Connector.locked``)."""

    def locked(dataset_id: str, rows: dict[Key, Row]) -> dict[Key, Lock]:
        ref = datamap.dataset(dataset_id)
        return connectors[ref.system.name].locked(ref.dataset, list(rows.values()))

    return locked


# -- deciding -----------------------------------------------------------------------------------


def _dataset_plan(
    ref: DatasetRef,
    rows: dict[Key, Row],
    kept: dict[str, dict[Key, str]],
    reasons: dict[str, KeepReason],
    expired: set[Key],
    key_fields: list[str],
    fate: tuple[str, KeepReason | None],
) -> DatasetPlan:
    """One dataset's part of a subject's plan; ``fate``: ``dataset_fate`` of the dataset."""
    plan = DatasetPlan(
        ref.id,
        ref.system.name,
        ref.kind,
        key_fields,
        restriction_flag=ref.dataset.restriction_flag,
    )
    held = kept.get(plan.dataset, {})
    if not rows and not held:  # nothing of the subject here: most datasets of a batch's subject
        return plan
    for key, reason_id in sorted(held.items(), key=key_order):
        plan.kept.setdefault(reason_id, []).append(list(key))
    action, reason = fate
    # records whose obligation has run out have nothing left to keep them: deleted
    rest = sorted((k for k in rows if k not in held and k not in expired), key=key_order)
    plan.delete = [list(k) for k in sorted((k for k in expired if k not in held), key=key_order)]
    if reason is not None and rest:
        reasons.setdefault(reason.id, reason)
    if action == "delete":
        plan.delete = [list(k) for k in sorted(rows.keys() - held.keys(), key=key_order)]
    elif action == "anonymise":
        plan.anonymise = [list(k) for k in rest]
        plan.anonymise_reason = reason.id if reason else None
    elif rest:
        assert reason is not None
        plan.kept.setdefault(reason.id, []).extend(list(k) for k in rest)
    if plan.restriction_flag:
        flag = plan.restriction_flag
        plan.restrict = [
            list(k)
            for keys in plan.kept.values()
            for k in map(tuple, keys)
            if not rows[k].get(flag)
        ]
    return plan


def dataset_fate(
    datamap: DataMap, ref: DatasetRef, graph: ReferenceGraph, *, anonymises: bool
) -> tuple[str, KeepReason | None]:
    """What erasure does to the dataset's records that nothing else keeps, and why; records
    their system cannot anonymise (``Connector.anonymises``) are kept where they would be."""
    rule = _obligation(datamap, ref.id, graph)
    reason = _rule_reason(datamap, ref, rule) if rule else None
    erasure = ref.dataset.erasure
    if erasure == "keep" or (not anonymises and (rule or erasure == "anonymise")):
        if reason is None:
            reason = KeepReason(
                f"map-{ref.id}", "The data map keeps these records on erasure", "Art. 17(3)"
            )
        return "keep", reason
    if rule is not None or erasure == "anonymise":
        if reason is None:
            reason = KeepReason(
                f"map-{ref.id}",
                "The data map keeps these records anonymised (no personal data left)",
                "Art. 17(1)",
            )
        return "anonymise", reason
    return "delete", None


def _obligation(datamap: DataMap, dataset_id: str, graph: ReferenceGraph) -> RetentionRule | None:
    """The retention rule that obliges keeping a dataset (itself named in a rule's `keep`, or
    the nearest dataset above it that is): the dataset's own rule when it says how long the
    records live (its citation is the obligation), else the rule that keeps them."""
    kept_by = {d: r for r in datamap.retention for d in r.keep}
    own = {r.dataset: r for r in datamap.retention}
    queue = [dataset_id]
    seen: set[str] = set()
    while queue:
        current = queue.pop(0)
        if current in seen:
            continue
        seen.add(current)
        if current in kept_by:
            rule = own.get(current)
            return rule if rule is not None and rule.action == "delete" else kept_by[current]
        queue.extend(e.parent for e in graph.parents_of(current))
    return None


def _rule_reason(datamap: DataMap, ref: DatasetRef, rule: RetentionRule) -> KeepReason:
    bases = {datamap.purpose(p).legal_basis for p in ref.dataset.purposes}
    article = "Art. 17(3)(b)" if "legal_obligation" in bases else "Art. 17(3)(e)"
    what = (
        "legal obligation"
        if article.endswith("(b)")
        else "establishment or defence of legal claims"
    )
    if rule.dataset == ref.id or ref.id not in rule.keep:
        text = f"Retention rule {rule.id} ({what}): kept {rule.period} under {rule.citation}"
    else:
        text = (
            f"Retention rule {rule.id} ({what}) keeps these records, without personal data, "
            f"when the subject's records go ({rule.citation})"
        )
    return KeepReason(f"rule-{rule.id}", text, article, rule.citation)


def _obligation_over(
    datamap: DataMap,
    graph: ReferenceGraph,
    parents_first: list[str],
    rows: dict[str, dict[Key, Row]],
    now: datetime,
) -> dict[str, set[Key]]:
    """Records of kept datasets whose own retention period has already run out (an invoice
    more than ten years old), and the records below them: no obligation keeps them any more."""
    kept_by = {d for r in datamap.retention for d in r.keep}
    own = {
        r.dataset: r
        for r in datamap.retention
        if r.action == "delete" and r.start.column and not r.where and r.dataset in kept_by
    }
    over: dict[str, set[Key]] = defaultdict(set)
    for dataset_id in parents_first:
        found = rows.get(dataset_id, {})
        rule = own.get(dataset_id)
        if not found:  # nothing of the subject here (a batch plans thousands: skipped early)
            continue
        if rule is not None:
            cutoff = cutoff_for(rule, now, datamap.organisation.timezone)
            column = rule.start.column or ""
            over[dataset_id] = {k for k, row in found.items() if cutoff.passed(row.get(column))}
            continue
        for edge in graph.parents_of(dataset_id):
            above = over.get(edge.parent)
            if not above:  # no record above has run out (most subjects): nothing to compare
                continue
            parents = rows[edge.parent]
            gone = {
                graph.join_key(edge, (parents[k].get(f) for f in edge.parent_fields)) for k in above
            } - {None}
            if gone:
                over[dataset_id] |= {
                    k
                    for k, row in found.items()
                    if graph.join_key(edge, (row.get(f) for f in edge.child_fields)) in gone
                }
    return over


def deletion_order(
    datamap: DataMap, connectors: Mapping[str, Connector], graph: ReferenceGraph
) -> list[str]:
    """Every dataset, in the order erasure changes their records: the map's dependants first,
    unless a database's own foreign keys point the other way (``gdpr.connectors.order``)."""
    edges = [(e.child, e.parent) for e in graph.edges]
    return order.children_first(datamap, connectors, graph.children_first(), edges)


def _cut_references(
    datamap: DataMap,
    referring: list[tuple[str, tuple[str, ...], str]],
    plans: list[DatasetPlan],
) -> None:
    """Anonymised records lose their fields: the map's erasing strategies, plus any reference to
    a record being deleted (no join key to an erased record survives): the map's references,
    and the database's own foreign keys, which may run the other way or on other fields
    (``referring``: ``Layout.referring``)."""
    by_id = {p.dataset: p for p in plans}
    for plan in plans:
        if not plan.anonymise:
            continue
        ref = datamap.dataset(plan.dataset)
        cut = [
            f
            for dataset, columns, target in referring
            if dataset == plan.dataset and by_id[target].delete
            for f in columns
        ]
        chosen = anonymisation(ref.dataset, cut=cut)
        plan.constant = dict(chosen.constant)
        plan.tokens = list(chosen.tokens)


def refuse_not_null(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    plans: list[DatasetPlan],
    *,
    references: dict[str, set[str]] | None = None,
) -> None:
    """Refuse the plan (``NotNullError``, nothing has changed) when an anonymisation it holds
    would empty a field the database requires (a NOT NULL column or foreign key): the data
    engineer changes the map or the schema, and the preview is run again."""
    problems: list[str] = []
    if references is None:
        references = _references(
            datamap, _referring(datamap, connectors, ReferenceGraph.of(datamap))
        )
    for plan in plans:
        connector = connectors.get(plan.system)
        if not plan.anonymise or connector is None:
            continue
        ref = datamap.dataset(plan.dataset)
        problems += not_null_refusals(
            plan.dataset,
            Anonymisation(dict(plan.constant), tuple(plan.tokens)),
            connector.required_fields(ref.dataset),
            references.get(plan.dataset, set()),
        )
    if problems:
        raise NotNullError(" ".join(dict.fromkeys(problems)))


def not_null_problems(datamap: DataMap, connectors: Mapping[str, Connector]) -> list[str]:
    """From the map and the live schema alone (``gdpr check``): the NOT NULL columns that an
    erasure would empty in the datasets it keeps anonymised (their `null` fields, and their
    references to datasets erasure deletes)."""
    graph = ReferenceGraph.of(datamap)
    fates = {
        ref.id: dataset_fate(
            datamap, ref, graph, anonymises=_anonymises(connectors.get(ref.system.name))
        )[0]
        for ref in datamap.iter_datasets()
    }
    referring = _referring(datamap, connectors, graph)
    problems: list[str] = []
    for ref in datamap.iter_datasets():
        connector = connectors.get(ref.system.name)
        if fates[ref.id] != "anonymise" or connector is None:
            continue
        cut = [
            f
            for dataset, columns, target in referring
            if dataset == ref.id and fates[target] == "delete"
            for f in columns
        ]
        problems += not_null_refusals(
            ref.id,
            anonymisation(ref.dataset, cut=cut),
            connector.required_fields(ref.dataset),
            set(cut),
        )
    return problems


def _referring(
    datamap: DataMap, connectors: Mapping[str, Connector], graph: ReferenceGraph
) -> list[tuple[str, tuple[str, ...], str]]:
    """The fields of each dataset that refer to another's records: the map's references and
    the databases' foreign keys (dataset, its fields, the dataset referred to)."""
    found = order.referring_fields(
        datamap, connectors, graph.nodes, [(e.child, e.child_fields, e.parent) for e in graph.edges]
    )
    return [(d, tuple(c), t) for d, c, t in found]


def _references(
    datamap: DataMap, referring: list[tuple[str, tuple[str, ...], str]]
) -> dict[str, set[str]]:
    """Per dataset, its fields that hold references (the map's, the databases' foreign keys)."""
    out: dict[str, set[str]] = defaultdict(set)
    for dataset, columns, _ in referring:
        out[dataset] |= set(columns)
    for ref in datamap.iter_datasets():
        out[ref.id] |= reference_fields(datamap, ref.id)
    return out


def key_order(key: Sequence[Any]) -> tuple:
    """How plans sort record keys (tuples or lists): each value by its type's name, then
    itself, so keys mixing types still sort. One-column keys, most of them, skip the
    generator: a batch sorts its subjects' keys by the ten thousand."""
    if len(key) == 1:
        value = key[0]
        return ((type(value).__name__, value),)
    return tuple((type(v).__name__, v) for v in key)


def preview(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    ledger: Ledger,
    *,
    subject_email: str,
    request_id: str,
    ground: str,
    now: datetime,
    identity: str | None = None,
) -> ErasurePlan:
    """Resolve the subject everywhere and plan the erasure, honouring the ledger's legal holds.

    ``identity``: the map's identity ``subject_email`` is a value of; default, the one ledger
    requests are recorded by (``request_identity``), whatever the map names it."""
    identity = identity or request_identity(datamap)

    def by_record(dataset: str, key: dict) -> SubjectLocation:
        return resolve_record(datamap, connectors, dataset, key)

    with reading(connectors):  # the subject resolved once; every read on one connection
        # read once, with every field the plan decides on: nothing is read again to plan
        columns = planning_columns(datamap, ReferenceGraph.of(datamap))
        location = resolve_subject(datamap, connectors, identity, subject_email, columns=columns)
        return plan_erasure(
            datamap,
            connectors,
            location,
            subject_email=normalise_email(subject_email),
            request_id=request_id,
            ground=ground,
            holds=ledger.active_legal_holds(),
            resolve_record=by_record,
            now=now,
        )


def _anonymises(connector: Connector | None) -> bool:
    return connector.anonymises if connector else True
