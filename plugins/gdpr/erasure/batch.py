"""Erase many approved subjects in one run: one look-up per dataset for all of them.

Erasing subjects one at a time pays, per subject, a query per dataset to find them, another to
read their rows, and a few statements per dataset to change them: a few subjects per second
whatever the systems' size. A batch finds every subject at once (identity look-ups with
IN-lists of normalised addresses, references followed once for the whole set), plans each
subject from its share of the rows (the same decisions as a single erasure: holds, locks,
obligations), merges the plans into one that the ordinary applier runs in batches of keys, and
still leaves per-subject evidence: each subject's request gets its own evidence row with its
plan's SHA-256, counts per dataset and action, and the SHA-256 of its keys per dataset.

A record two subjects of the batch share gets the most protective of its planned fates (kept,
then anonymised, then deleted) and its change is counted for the first subject of the batch
that plans it: what erasing them one by one, in the batch's order, would report. A record
shared by several parties (references with a ``role``) whose every remaining party is erased in
the batch gets the dataset's own erasure, not emptied parts.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, cached_property
from typing import Any

from gdpr.connectors.base import ByIdentities, Connector, Lock, reading
from gdpr.connectors.keys import norm_key
from gdpr.datamap.graph import ReferenceGraph
from gdpr.datamap.models import DataMap, DatasetRef
from gdpr.erasure.apply import ApplyOutcome, PlanApplier
from gdpr.erasure.plan import (
    DatasetPlan,
    ErasurePlan,
    Key,
    Layout,
    Row,
    key_order,
    plan_from_rows,
    planning_columns,
    system_locks,
)
from gdpr.erasure.verify import (
    AppearedSinceApprovalError,
    ErasureIncompleteError,
    Verification,
    deleted_left,
)
from gdpr.ledger import EvidenceInput, Ledger, digest_keys
from gdpr.ledger.identity import request_identity
from gdpr.retention.held import held_keys
from gdpr.subject.resolve import (
    AmbiguousIdentityError,
    DatasetHits,
    SubjectLocation,
    normalise_identity,
    refuse_shared,
    resolve_record,
)
from gdpr.subject.walk import descend

log = logging.getLogger(__name__)

IN_LIST = 1000
PROTECTION = {"keep": 0, "anonymise": 1, "delete": 2}  # most protective first
SUBJECT_EVIDENCE = "erasure.subject"


@dataclass(frozen=True)
class Subject:
    """One approved erasure of the batch: its ledger request and the subject's identity value."""

    request_id: str
    email: str


@dataclass
class BatchPlan:
    """The subjects' own plans (evidence, certificates) and the merged plan that is applied."""

    merged: ErasurePlan
    plans: dict[str, ErasurePlan]  # request id -> the subject's plan, in the batch's order
    attributed: dict[str, dict[str, dict[str, int]]]  # request id -> dataset -> action -> n

    @property
    def batch_id(self) -> str:
        return self.merged.request_id

    @cached_property
    def digests(self) -> dict[str, str]:
        """Each subject's plan SHA-256, by request id, worked out once: the batch's digest, its
        approval, its subjects' evidence and certificates all name them (a thousand plans'
        canonical JSON is a tenth of a second). A batch's plans are not changed once made."""
        return {r: p.sha256 for r, p in self.plans.items()}

    @property
    def sha256(self) -> str:
        """Digest of what the batch does: the merged plan, each subject's plan, the attribution."""
        document = {
            "merged": self.merged.sha256,
            "plans": self.digests,
            "attributed": self.attributed,
        }
        text = json.dumps(document, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def to_json(self) -> str:
        return json.dumps(
            {
                "merged": self.merged.to_json(),
                "plans": {r: p.to_json() for r, p in self.plans.items()},
                "attributed": self.attributed,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> BatchPlan:
        document = json.loads(text)
        return cls(
            ErasurePlan.from_json(document["merged"]),
            {r: ErasurePlan.from_json(p) for r, p in document["plans"].items()},
            document["attributed"],
        )

    def subject_counts(self, request_id: str) -> dict[str, int]:
        """What the batch does for one subject: its changes (as attributed) and its kept records."""
        totals = dict.fromkeys(("delete", "anonymise", "restrict"), 0)
        for counts in self.attributed[request_id].values():
            for action, n in counts.items():
                totals[action] += n
        totals["keep"] = self.plans[request_id].totals().get("keep", 0)
        return totals

    def counts(self) -> dict[str, dict[str, int]]:
        """Per dataset, what the batch does to how many records (one dataset may have several
        entries in the merged plan: one per way of anonymising)."""
        totals: dict[str, dict[str, int]] = {}
        for d in self.merged.datasets:
            if d.total or d.restrict:
                into = totals.setdefault(d.dataset, dict.fromkeys(d.counts(), 0))
                for action, n in d.counts().items():
                    into[action] += n
        return totals


@dataclass
class BatchOutcome:
    batch_id: str
    plan_sha256: str
    subjects: int
    changed: dict[str, dict[str, int]] = field(default_factory=dict)
    per_subject: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    already_applied: bool = False

    @property
    def total(self) -> int:
        return sum(n for counts in self.changed.values() for n in counts.values())


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """No cyclic garbage collection while a batch is read and planned or verified.

    CPython collects its oldest generation each time the objects that survived the younger
    ones reach a quarter of those already there; a batch's rows, keys and plans (about a
    hundred small containers per subject, none of them garbage) set off several such
    collections, and each goes over every object of the process, its libraries' included:
    about 40% of planning's CPU time at 1,000 subjects (``bench/subject_erasure.py``), where
    one collection after the batch costs a third of that. Reference counting still frees what
    the batch drops; reference cycles wait until the end (a batch is bounded,
    ``MAX_BATCH_SUBJECTS``)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- finding every subject at once --------------------------------------------------------------


def resolve_subjects(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    identity: str,
    values: Sequence[str],
) -> dict[str, SubjectLocation]:
    """Every record of each subject, by normalised identity value: what ``resolve_subject``
    gives for each one, from one walk of the reference graph for all of them.

    Keys are normalised (``norm_key``) and a subject's hits name only the datasets where it
    has records: a thousand subjects have a few records in most datasets, and planning and
    verifying them go over these rows many times. A row several subjects share is the same
    dict in each one's hits, read once with the columns planning decides on
    (``planning_columns``), so a plan is made from it without reading or copying it again."""
    kinds = {i.name: i.kind for i in datamap.identities}
    if identity not in kinds:
        raise ValueError(
            f"unknown identity {identity!r}; the data map declares {', '.join(sorted(kinds))}"
        )
    kind = kinds[identity]
    wanted = list(dict.fromkeys(normalise_identity(kind, v) for v in values))
    graph = ReferenceGraph.of(datamap)
    seeds = {
        ref.id: ByIdentities(ref.dataset.identity[identity], tuple(wanted), kind)
        for ref in datamap.iter_datasets()
        if identity in ref.dataset.identity
    }

    planned = planning_columns(datamap, graph)  # read once, with what planning decides on

    def columns(ref: DatasetRef) -> set[str]:
        column = ref.dataset.identity.get(identity)
        return planned(ref) | ({column} if column else set())

    searched: dict[Any, str] = {}  # a stored identity in its searched form, normalised once

    def label(ref: DatasetRef, row: Row) -> str:  # which subject: the stored identity
        stored = row[ref.dataset.identity[identity]]
        value = searched.get(stored)
        if value is None:
            value = searched[stored] = _normalised(kind, stored)
        return value

    walk = descend(datamap, connectors, seeds, columns, key=norm_key, label=label, graph=graph)
    located = {value: SubjectLocation(identity=identity, hits={}) for value in wanted}
    for dataset_id, labels in walk.labels.items():
        found = walk.hits[dataset_id]
        for key, subjects in labels.items():
            for value in subjects:
                location = located.get(value)
                if location is None:
                    continue
                hits = location.hits.get(dataset_id)
                if hits is None:
                    hits = location.hits[dataset_id] = DatasetHits(dataset_id, found.key_fields)
                hits.rows[key] = found.rows[key]
    for dataset_id, by_key in walk.label_roles.items():  # shared records: whose part is it
        for key, by_label in by_key.items():
            for value, roles in by_label.items():
                if value in located:
                    located[value].roles.setdefault(dataset_id, {})[key] = set(roles)
    return located


def _normalised(kind: str, stored: Any) -> str:
    """The stored identity in the searched form (what the database's lower(trim()) matched)."""
    try:
        return normalise_identity(kind, str(stored))
    except ValueError:
        return str(stored).strip().lower()


# -- planning -----------------------------------------------------------------------------------


def plan_batch(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    ledger: Ledger,
    subjects: Sequence[Subject],
    *,
    ground: str,
    now: datetime,
    identity: str | None = None,
) -> BatchPlan:
    """Each subject's plan, as ``plan.preview`` makes it, and the merged plan to apply.

    ``identity``: the map's identity the subjects' values are of; default, the one ledger
    requests are recorded by (``request_identity``). A subject whose identity several people
    share is refused as a single erasure refuses it, and nothing is planned (``_refuse_shared``).
    """
    identity = identity or request_identity(datamap)
    if not subjects:
        raise ValueError("an erasure batch needs at least one subject")
    if len({s.request_id for s in subjects}) != len(subjects):
        raise ValueError("a request appears twice in the erasure batch")
    # one connection per system for the whole preview
    with reading(connectors), _without_cycle_collection():
        graph = ReferenceGraph.of(datamap)
        layout = Layout.of(datamap, connectors, graph)  # the same for every subject
        located = resolve_subjects(datamap, connectors, identity, [s.email for s in subjects])
        values = _identity_values(datamap, identity, subjects)
        _refuse_shared(datamap, subjects, located, values)
        # every subject's rows, read with what planning decides on (``resolve_subjects``)
        rows = _union(located.values())
        holds = ledger.active_legal_holds()
        # What the map's declared holds hold, and what the systems refuse to delete, asked once
        # for the whole batch's records.
        held = {
            rule.id: held_keys(datamap, connectors, rule, rows.get(rule.dataset, {}))
            for rule in datamap.holds.rules
        }
        checker = system_locks(datamap, connectors)
        locks = {d: checker(d, found) for d, found in rows.items() if found}

        @cache
        def by_record(dataset: str, key: tuple) -> SubjectLocation:
            return resolve_record(datamap, connectors, dataset, dict(key))

        # shared records: the roles of every subject of the batch, so that a record every remaining
        # party of which is erased here gets the dataset's erasure rather than emptied parts
        leaving: dict[str, dict[Key, set[str]]] = defaultdict(lambda: defaultdict(set))
        for location in located.values():
            for dataset_id, by_key in location.roles.items():
                for key, roles in by_key.items():
                    leaving[dataset_id][key] |= roles
        plans: dict[str, ErasurePlan] = {}
        for subject in subjects:
            value = values[subject.request_id]
            location = located[value]
            plans[subject.request_id] = plan_from_rows(
                datamap,
                connectors,
                location,
                {d: hits.rows for d, hits in location.hits.items()},
                subject_email=value,
                request_id=subject.request_id,
                ground=ground,
                holds=holds,
                resolve_record=lambda d, key: by_record(d, tuple(sorted(key.items()))),
                now=now,
                lock_checker=lambda d, share, _locks=locks: _locked(d, share, _locks),
                graph=graph,
                leaving=leaving,
                held_by_rule=lambda rule, found: held[rule.id] & found.keys(),
                layout=layout,
            )
        merged, attributed = merge_plans(plans, ground=ground, now=now)
        return BatchPlan(merged, plans, attributed)


def _identity_values(
    datamap: DataMap, identity: str, subjects: Sequence[Subject]
) -> dict[str, str]:
    """Each subject's identity value in its searched form, by request id (normalised once)."""
    kind = next(i.kind for i in datamap.identities if i.name == identity)
    return {s.request_id: normalise_identity(kind, s.email) for s in subjects}


class SharedIdentitiesError(ValueError):
    """Subjects of a batch share their identity with other people (a couple with one e-mail
    address): nothing of the batch is planned. ``refused``: request id -> the reason, the
    ``AmbiguousIdentityError`` a single erasure of that subject stops with."""

    def __init__(self, refused: Mapping[str, AmbiguousIdentityError], subjects: int):
        self.refused = dict(refused)
        shown = "; ".join(f"{r}: {e}" for r, e in list(self.refused.items())[:10])
        more = len(self.refused) - 10
        super().__init__(
            f"{len(self.refused)} of {subjects} requests cannot be erased: {shown}"
            + (f"; and {more} more" if more > 0 else "")
            + "; erase the others without them, and these one by one with a second identifier"
        )


def _refuse_shared(
    datamap: DataMap,
    subjects: Sequence[Subject],
    located: Mapping[str, SubjectLocation],
    values: Mapping[str, str],
) -> None:
    """Refuse, as a single erasure does, subjects whose identity matches several people of a
    dataset whose records are each a person: they are never merged into one subject. A batch of
    one raises that subject's ``AmbiguousIdentityError``; a larger one, every such subject's in
    one ``SharedIdentitiesError`` (the batch is approved and applied as a whole, and its input
    is refused as a whole when one of its requests cannot be acted on). ``values``: each
    request's identity value, as ``located`` is keyed."""
    refused: dict[str, AmbiguousIdentityError] = {}
    for subject in subjects:
        try:
            refuse_shared(datamap, located[values[subject.request_id]])
        except AmbiguousIdentityError as exc:
            if len(subjects) == 1:
                raise
            refused[subject.request_id] = exc
    if refused:
        raise SharedIdentitiesError(refused, len(subjects))


def _union(locations: Iterable[SubjectLocation]) -> dict[str, dict[Key, Row]]:
    """Every subject's rows, by dataset and normalised key."""
    rows: dict[str, dict[Key, Row]] = defaultdict(dict)
    for location in locations:
        for d, hits in location.hits.items():
            rows[d].update(hits.rows)
    return dict(rows)


def _locked(
    dataset_id: str, rows: dict[Key, Row], locks: dict[str, dict[Key, Lock]]
) -> dict[Key, Lock]:
    """The batch's lock findings for one subject's rows of a dataset."""
    found = locks.get(dataset_id, {})
    return {key: found[key] for key in rows if key in found}


def merge_plans(
    plans: Mapping[str, ErasurePlan], *, ground: str, now: datetime
) -> tuple[ErasurePlan, dict[str, dict[str, dict[str, int]]]]:
    """One plan doing what the subjects' plans do, and each change counted for one subject.

    The merged plan's keys are the subjects' plans' own key lists (``listed``), not copies:
    a batch keeps both for its evidence and verification, and tens of thousands of copied
    lists would only lengthen every full garbage collection of the process."""
    first = next(iter(plans.values()))
    fates: dict[str, dict[Key, str]] = defaultdict(dict)
    listed: dict[str, dict[Key, list]] = defaultdict(dict)  # key -> a subject plan's list of it
    restrict: dict[str, set[Key]] = defaultdict(set)
    kept: dict[str, dict[str, list[list]]] = defaultdict(lambda: defaultdict(list))
    spec: dict[str, dict[Key, tuple]] = defaultdict(dict)  # anonymised key -> how and why
    reasons: dict = {}
    for plan in plans.values():
        reasons.update(plan.reasons)
        for d in plan.datasets:
            if not (d.delete or d.anonymise or d.kept or d.restrict):
                continue  # most datasets of most subjects
            fate, lists = fates[d.dataset], listed[d.dataset]
            for key in _listed(lists, d.delete):
                _protect(fate, key, "delete")
            if d.anonymise:
                _anonymised(fate, spec[d.dataset], d, _listed(lists, d.anonymise))
            for reason_id, keys in d.kept.items():
                for key in _listed(lists, keys):
                    if fate.get(key) != "keep":
                        kept[d.dataset][reason_id].append(lists[key])
                    fate[key] = "keep"
            if d.restrict:
                restrict[d.dataset].update(_listed(lists, d.restrict))
    datasets: list[DatasetPlan] = []
    templates: dict[str, DatasetPlan] = {}  # a dataset listed more than once (the parts of
    for d in first.datasets:  # shared records) is merged into one set of entries
        templates.setdefault(d.dataset, d)
    for template in templates.values():
        name, fate, lists = template.dataset, fates[template.dataset], listed[template.dataset]
        base = DatasetPlan(
            name,
            template.system,
            template.kind,
            template.key_fields,
            delete=sorted((lists[k] for k, f in fate.items() if f == "delete"), key=key_order),
            kept={r: sorted(keys, key=key_order) for r, keys in kept[name].items()},
            restriction_flag=template.restriction_flag,
            restrict=sorted((lists[k] for k in restrict[name]), key=key_order),
        )
        groups: dict[tuple, list[list]] = defaultdict(list)
        for key, f in fate.items():
            if f == "anonymise":
                groups[spec[name][key]].append(lists[key])
        # each way of anonymising is a dataset entry of its own, before the deletes' entry so
        # that rows are anonymised before the records they referred to go
        for ((constant, tokens), reason), keys in sorted(groups.items(), key=lambda g: str(g[0])):
            datasets.append(
                DatasetPlan(
                    name,
                    template.system,
                    template.kind,
                    template.key_fields,
                    anonymise=sorted(keys, key=key_order),
                    anonymise_reason=reason,
                    constant=dict(constant),
                    tokens=list(tokens),
                )
            )
        datasets.append(base)
    merged = ErasurePlan(
        request_id="",
        ground=ground,
        datamap_digest=first.datamap_digest,
        created_at=now.isoformat(),
        datasets=datasets,
        reasons=reasons,
    )
    # the batch is named by what it does AND for whom: the same records found again for other
    # requests (data restored or seeded anew) are a new batch, never "already applied"
    named = f"{merged.sha256}|{','.join(sorted(plans))}"
    merged.request_id = "batch-" + hashlib.sha256(named.encode("utf-8")).hexdigest()[:16]
    return merged, _attribute(plans, merged)


def _listed(lists: dict[Key, list], keys: list[list]) -> list[Key]:
    """A plan's keys as tuples, each tuple's list kept in ``lists`` (``merge_plans``)."""
    found = list(map(tuple, keys))
    lists.update(zip(found, keys, strict=True))
    return found


def _anonymised(
    fate: dict[Key, str], spec: dict[Key, tuple], plan: DatasetPlan, keys: list[Key]
) -> None:
    """One subject's anonymised records of a dataset (``keys``, as tuples) into the merged
    fates, with how and why each is anonymised (``spec``). Two parties of one shared record in
    the batch, anonymised for the same reason: both their parts go."""
    how = (tuple(sorted(plan.constant.items())), tuple(plan.tokens))
    reason = plan.anonymise_reason
    for key in keys:
        _protect(fate, key, "anonymise")
        prior = spec.get(key)
        if prior is None:
            spec[key] = (how, reason)
        elif prior[1] == reason:
            (constant, tokens), _ = prior
            spec[key] = (
                (
                    tuple(sorted((dict(constant) | plan.constant).items())),
                    tuple(dict.fromkeys((*tokens, *plan.tokens))),
                ),
                reason,
            )


def _protect(fates: dict[Key, str], key: Key, action: str) -> None:
    current = fates.get(key)
    if current is None or PROTECTION[action] < PROTECTION[current]:
        fates[key] = action


def _attribute(
    plans: Mapping[str, ErasurePlan], merged: ErasurePlan
) -> dict[str, dict[str, dict[str, int]]]:
    todo: dict[tuple[str, str], set[Key]] = defaultdict(set)
    for d in merged.datasets:
        for action, keys in (
            ("delete", d.delete),
            ("anonymise", d.anonymise),
            ("restrict", d.restrict),
        ):
            todo[(d.dataset, action)] |= set(map(tuple, keys))
    out: dict[str, dict[str, dict[str, int]]] = {}
    for request_id, plan in plans.items():
        counts: dict[str, dict[str, int]] = {}
        for d in plan.datasets:
            mine = {"delete": 0, "anonymise": 0, "restrict": 0}
            for action, keys in (
                ("delete", d.delete),
                ("anonymise", d.anonymise),
                ("restrict", d.restrict),
            ):
                if keys:
                    pool = todo[(d.dataset, action)]
                    claimed = pool.intersection(map(tuple, keys))
                    pool -= claimed
                    mine[action] = len(claimed)
            if any(mine.values()):
                into = counts.setdefault(d.dataset, dict.fromkeys(mine, 0))
                for action, n in mine.items():
                    into[action] += n
        out[request_id] = counts
    return out


# -- applying and verifying ------------------------------------------------------------------------


def apply_batch(
    datamap: DataMap,
    batch: BatchPlan,
    connectors: Mapping[str, Connector],
    ledger: Ledger,
    *,
    run_pk: int | None = None,
    batch_size: int = 1000,
    delivery_client: Any = None,
    fail_after_batches: int | None = None,
) -> BatchOutcome:
    """Apply the merged plan (evidence first per batch, once-only claim; a rerun completes
    what an interrupted attempt left), then one evidence row per subject: its request, its
    plan's SHA-256, its counts and the SHA-256 of its keys. With ``delivery_client``, the
    subjects' delivered access packages and staging files go too (``gdpr.erasure.copies``).

    In a batch of one subject (what a single erasure is), every evidence row names its request.
    """
    only = next(iter(batch.plans)) if len(batch.plans) == 1 else None
    applier = PlanApplier(
        datamap,
        batch.merged,
        connectors,
        ledger,
        run_pk=run_pk,
        batch_size=batch_size,
        record_request=False,
        evidence_request=only,
        fail_after_batches=fail_after_batches,
    )
    outcome: ApplyOutcome = applier.run()
    result = BatchOutcome(
        batch.merged.request_id,
        outcome.plan_sha256,
        len(batch.plans),
        # by every attempt at this plan (as the run read it, unless another run applied it)
        changed=applier.changed() if outcome.already_applied else outcome.changed,
        already_applied=outcome.already_applied,
    )
    copies: dict[str, dict[str, Any]] = {}
    if delivery_client is not None:
        from gdpr.erasure.copies import erase_copies
        from gdpr.erasure.refusal import REFUSED, outcome_of

        for request_id, plan in batch.plans.items():
            request = ledger.get_request(request_id)
            if outcome_of(plan) == REFUSED or request is None or not request.subject_email:
                continue  # everything of the subject is kept: so are the copies it was given
            copies[request_id] = erase_copies(
                datamap,
                ledger,
                delivery_client,
                request_id=request_id,
                subject_email=request.subject_email,
                run_pk=run_pk,
            ).as_dict()
    # a run that applied the plan but stopped before its subjects' rows were written left
    # them out: the rerun (which finds the plan applied) writes the missing ones, once
    written = {
        e.request_id
        for e in ledger.evidence(actions=(SUBJECT_EVIDENCE,), request_ids=list(batch.plans))
        if e.detail.get("batch") == result.batch_id
    }
    rows: list[EvidenceInput] = []
    for request_id, plan in batch.plans.items():
        counts = batch.attributed[request_id]
        if not outcome.already_applied:
            result.per_subject[request_id] = counts
        if request_id in written:
            continue
        rows.append(
            EvidenceInput(
                action=SUBJECT_EVIDENCE,
                count=sum(n for c in counts.values() for n in c.values()),
                keys_sha256=batch.digests[request_id],
                detail={
                    "batch": batch.merged.request_id,
                    "batch_plan_sha256": outcome.plan_sha256,
                    "ground": plan.ground,
                    "counts": counts,
                    "keys_sha256": _keys_digests(plan),
                    **({"delivered_copies": copies[request_id]} if request_id in copies else {}),
                },
                run_pk=run_pk,
                request_id=request_id,
            )
        )
    # the subjects' rows of the batch: one transaction, all on record or none
    ledger.record_evidences(rows)
    log.info(
        "erasure %s: %d subjects, %d records changed (%d by this run)%s",
        result.batch_id,
        result.subjects,
        result.total,
        outcome.this_run,
        " (plan applied before: nothing left)" if outcome.already_applied else "",
    )
    return result


def _keys_digests(plan: ErasurePlan) -> dict[str, str]:
    """Per dataset, SHA-256 of the subject's keys the erasure touches or keeps."""
    out = {}
    for d in plan.datasets:
        keys = d.delete + d.anonymise + [k for keys in d.kept.values() for k in keys]
        if keys:
            out[d.dataset] = digest_keys(keys)
    return out


def verify_batch(
    datamap: DataMap,
    batch: BatchPlan,
    connectors: Mapping[str, Connector],
    subjects: Sequence[Subject],
    *,
    identity: str | None = None,
) -> dict[str, Verification]:
    """Each subject resolved again (all at once): only records its plan keeps may be left."""
    identity = identity or request_identity(datamap)
    # one connection per system for the whole check
    with reading(connectors), _without_cycle_collection():
        located = resolve_subjects(datamap, connectors, identity, [s.email for s in subjects])
        values = _identity_values(datamap, identity, subjects)
        results = {
            s.request_id: _verification(batch.plans[s.request_id], located[values[s.request_id]])
            for s in subjects
        }
        still = deleted_left(datamap, connectors, batch.merged.datasets)
        for d in batch.merged.datasets:
            left = still.get(d.dataset) if d.delete else None
            if left:
                raise ErasureIncompleteError(
                    f"erasure {batch.merged.request_id}: {len(left)} deleted records of {d.dataset} "
                    "are still there"
                )
        failed = {r: v.left for r, v in results.items() if not v.ok}
    if failed:
        missed = {r: v.missed for r, v in results.items() if v.missed}
        error = ErasureIncompleteError if missed else AppearedSinceApprovalError
        first = next(iter((missed or failed).items()))
        raise error(
            f"erasure {batch.merged.request_id}: {len(failed)} subjects still have records that "
            f"are not kept with a reason (first: {first})"
            + (
                ""
                if missed
                else "; they appeared after the approval and are not erased without a new one: "
                "run the erasure again to preview them"
            )
        )
    return results


def _verification(plan: ErasurePlan, location: SubjectLocation) -> Verification:
    """What resolution found again of one subject, against its plan. The plan's keys are
    gathered only for the datasets where something was found: after the erasure, most of a
    batch's subjects have nothing left, or only records kept with a reason."""
    outcome = Verification()
    if not location.hits:
        return outcome
    kept = plan.kept_keys()
    for dataset_id, hits in location.hits.items():
        found = hits.rows.keys()  # normalised (``resolve_subjects``)
        allowed = found & kept.get(dataset_id, set())
        if allowed:
            outcome.kept[dataset_id] = len(allowed)
        left = found - allowed
        if left:
            outcome.left[dataset_id] = len(left)
            planned = {
                norm_key(k)
                for d in plan.datasets
                if d.dataset == dataset_id
                for k in d.delete + d.anonymise
            }
            if left & planned:
                outcome.missed[dataset_id] = len(left & planned)
    return outcome
