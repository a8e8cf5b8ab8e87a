"""Apply one retention rule: batches of expired records, their dependants, evidence, verification.

For each batch of expired keys (in key order) the purge finds every dependent record the plan
names, across systems (``gdpr.subject.walk.descend`` down the plan's references, reading only
the columns the purge needs; leaves deleted straight from their parents' keys are not read),
and marks as spared whatever is exempt, together with everything above it (a held ticket keeps
its customer) and below it; so are the records a system keeps when asked to delete them
(``Connector.locked``), reported by the nature of the reason (``exempt.lock_text``). Then,
children before parents, it deletes or anonymises the rest: one transaction per batch and
system, S3 objects with every version and delete marker. Each batch leaves an evidence row as
soon as it is committed, so evidence adds up across an interrupted run and its rerun; a rerun
finds only what is left.

A record shared by several parties (a dataset whose references name a ``role``) reached from the
batch's expired records through some roles, while another party's link is still set, is not
deleted: the expiring parties' links and owned fields are set to NULL (an anonymisation with the
reason ``SHARED_REASON``), and the record and what depends on it stay. Once no other party
remains (all expired in the batch, or already gone), it goes as the rule says. Only datasets
that declare roles are read for this; the others keep the fast path.
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Generator, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

from gdpr.connectors import order
from gdpr.connectors.base import ByReference, Changes, Connector, SelectionRefusedError
from gdpr.connectors.keys import key_texts, keyed_by_texts, norm_key
from gdpr.datamap.graph import Edge, ReferenceGraph
from gdpr.datamap.models import DataMap, DatasetRef
from gdpr.ledger import EvidenceInput, EvidenceRecord, Ledger
from gdpr.retention.anonymise import Anonymisation, referring_edges, step_anonymisation
from gdpr.retention.commits import in_commit_order
from gdpr.retention.digest import SortedKeyDigest, digest_lines, key_lines, row_key_lines
from gdpr.retention.exempt import RESTRICTED, Exemptions, lock_text
from gdpr.retention.pace import TRANSACTION_SECONDS, Pace
from gdpr.retention.partition import DEFERRED, Part, unsplittable
from gdpr.retention.plan import Cutoff, RulePlan, Step
from gdpr.retention.select import expired_pages
from gdpr.retention.spill import SpilledKeys
from gdpr.subject.walk import descend, join_values

log = logging.getLogger(__name__)

Key = tuple
Row = dict[str, Any]


INTENT = "retention.intent"  # appended before a batch changes anything
SETTLED = "retention.batch"  # appended after the batch's commits, naming its intent
RECOVERED = "retention.recovered"  # an interrupted batch's intent, settled by the next run
SHARED_REASON = "shared"
SHARED_TEXT = (
    "Shared with another party: only the expired party's part of the record (their link and "
    "their own fields) is emptied; the record and what depends on it stay while another party "
    "is on it"
)


class PurgeIncompleteError(RuntimeError):
    """Records the rule selects are still there after the purge."""


class SelectionError(RuntimeError):
    """The database refused the rule's selection (a broken SQL file, a renamed column): nothing
    was changed, and retrying will not help."""


@dataclass
class DatasetTally:
    action: str
    count: int = 0
    spared: int = 0
    digest: SortedKeyDigest = field(default_factory=SortedKeyDigest)


@dataclass
class RuleOutcome:
    rule: str
    dataset: str
    dry_run: bool
    as_of: str = ""  # the day the rule was applied as of (ISO), in the organisation's calendar
    cutoff: str = ""  # records started before this day (ISO) had expired
    expired: int = 0
    batches: int = 0
    longest_transaction: float = 0.0  # seconds: the longest any batch kept records locked
    spared_roots: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    datasets: dict[str, DatasetTally] = field(default_factory=dict)
    # shared records whose expired parties' parts were emptied, by dataset (``SHARED_REASON``)
    shared: dict[str, DatasetTally] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Counts and digests only: what may go to XCom, logs and reports."""
        return {
            "rule": self.rule,
            "dataset": self.dataset,
            "dry_run": self.dry_run,
            "as_of": self.as_of,
            "cutoff": self.cutoff,
            "expired": self.expired,
            "batches": self.batches,
            "longest_transaction_seconds": round(self.longest_transaction, 3),
            "spared": dict(self.spared_roots),
            "datasets": {
                name: {"action": t.action, "count": t.count, "spared": t.spared}
                for name, t in self.datasets.items()
            },
            "shared": {
                name: {"action": t.action, "count": t.count, "reason": SHARED_REASON}
                for name, t in self.shared.items()
            },
        }


@dataclass
class Tree:
    """The records of one batch, by dataset, and which of them are spared (with why)."""

    rows: dict[str, dict[Key, Row]]
    spared: dict[str, dict[Key, str]]
    # shared records that stay for another party: the roles whose parts are emptied
    released: dict[str, dict[Key, frozenset[str]]] = field(default_factory=dict)
    keys: int = 0  # root keys the batch was read for (some may be gone)
    # the records read that change, as sorted evidence lines, and their digests, by dataset
    # (``RulePurge._evidence``: computed with the tree, while the previous batch writes)
    read: dict[str, list[str]] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    _live: dict[str, dict[Key, Row]] = field(default_factory=dict)

    def meets(self, other: Tree) -> bool:
        """Whether the two trees hold a record in common."""
        return any(
            rows.keys() & other.rows[dataset].keys()
            for dataset, rows in self.rows.items()
            if rows and other.rows.get(dataset)
        )

    def live(self, dataset: str) -> dict[Key, Row]:
        """The records that are neither spared nor released (computed once; the rows themselves
        when there are none)."""
        if dataset not in self._live:
            spared, rows = self.spared[dataset], self.rows[dataset]
            released = self.released.get(dataset, {})
            self._live[dataset] = (
                {k: r for k, r in rows.items() if k not in spared and k not in released}
                if spared or released
                else rows
            )
        return self._live[dataset]


@dataclass
class RulePurge:
    datamap: DataMap
    plan: RulePlan
    connectors: Mapping[str, Connector]
    ledger: Ledger
    exemptions: Exemptions
    cutoff: Cutoff
    batch_size: int = 2000  # the most root keys a batch takes
    dry_run: bool = False
    run_pk: int | None = None
    fail_after_batches: int | None = None  # fault injection for tests of interrupted runs
    on_batch: Callable[[int, int], None] | None = None
    # the share of the selection this task purges (``gdpr.retention.partition``)
    part: Part = field(default_factory=Part)
    # seconds a batch's longest write transaction should take (``gdpr.retention.pace``)
    transaction_seconds: float = TRANSACTION_SECONDS
    _transactions: list[float] = field(default_factory=list)  # the current batch's, in seconds

    @property
    def name(self) -> str:
        """The rule as logs and errors name it: its id, and the part when split."""
        rule = self.plan.rule.id
        return rule if self.part.whole else f"{rule} (part {self.part.label})"

    @cached_property
    def pace(self) -> Pace:
        """The size of each batch: paced on real runs (a dry run writes nothing: full batches)."""
        if self.dry_run:
            return Pace(self.batch_size, self.transaction_seconds, first=self.batch_size)
        return Pace(self.batch_size, self.transaction_seconds)

    @cached_property
    def graph(self) -> ReferenceGraph:
        """Built once per rule, not once per batch."""
        return ReferenceGraph.of(self.datamap)

    @cached_property
    def key_fields(self) -> dict[str, list[str]]:
        """Each dataset's key fields, looked up once rather than once per row."""
        return {
            d: list(self.connectors[ref.system.name].key_fields(ref.dataset))
            for d in self.plan.datasets
            for ref in [self.datamap.dataset(d)]
        }

    @cached_property
    def parties(self) -> dict[str, dict[str, list[str]]]:
        """The plan's shared datasets reached through a role: each role's fields (link, then
        owned). Empty for most plans, which then pay nothing for shared records."""
        out: dict[str, dict[str, list[str]]] = {}
        for step in self.plan.steps:
            parties = self.datamap.dataset(step.dataset).dataset.parties
            if parties and any(e.reference.role in parties for e in step.parents):
                out[step.dataset] = parties
        return out

    def _links(self, dataset: str) -> dict[str, list[str]]:
        """Each role's link fields in a shared dataset."""
        parties = self.parties[dataset]
        links: dict[str, list[str]] = {}
        for reference in self.datamap.dataset(dataset).dataset.references:
            if reference.role in parties:
                links.setdefault(reference.role, []).extend(reference.fields)
        return links

    def run(self) -> RuleOutcome:
        rule, root = self.plan.rule, self.plan.root
        if not self.part.whole and (why := unsplittable(self.datamap, self.plan)):
            raise ValueError(f"rule {rule.id} cannot be split into parts: {why}")
        outcome = RuleOutcome(
            rule.id,
            root.id,
            self.dry_run,
            as_of=self.cutoff.as_of.isoformat() if self.cutoff.as_of else "",
            cutoff=self.cutoff.day.isoformat(),
        )
        outcome.datasets = {s.dataset: DatasetTally(s.action) for s in self.plan.steps}
        outcome.shared = {d: DatasetTally("anonymise") for d in self.parties}
        keys = self._select()
        trees = self._trees(keys)
        try:
            return self._purge(keys, trees, outcome)
        finally:
            trees.close()  # after a failed batch: the next batch's read ends before the keys go
            keys.close()

    def _purge(self, keys: SpilledKeys, trees: Iterable[Tree], outcome: RuleOutcome) -> RuleOutcome:
        root = self.plan.root
        if not self.dry_run:
            self._settle_interrupted(keys)
        outcome.expired = keys.count
        log.info(
            "rule %s: %d expired records in %s, batches of up to %d%s",
            self.name,
            keys.count,
            root.id,
            self.batch_size,
            " (dry run: nothing will change)"
            if self.dry_run
            else f", sized so each transaction takes about {self.transaction_seconds:g} s",
        )
        spared_roots: set[Key] = set()
        left = keys.count
        for number, tree in enumerate(trees, start=1):
            if self.fail_after_batches is not None and number > self.fail_after_batches:
                raise RuntimeError(f"injected failure before batch {number}")
            for key, reason in tree.spared[root.id].items():
                outcome.spared_roots[reason] += 1
                spared_roots.add(key)
            done = (
                self._tally(tree, outcome) if self.dry_run else self._apply(tree, outcome, number)
            )
            outcome.batches = number
            left -= tree.keys
            total = number + -(-left // self.pace.size)  # as the pace now sizes the rest
            log.info(
                "rule %s: batch %d/%d (%d keys%s): %s",
                self.name,
                number,
                total,
                tree.keys,
                f", longest transaction {max(self._transactions):.2f} s"
                if self._transactions
                else "",
                ", ".join(f"{d} {n}" for d, n in done.items() if n) or "nothing to change",
            )
            if self.on_batch:
                self.on_batch(number, total)
        if not self.dry_run:
            self._record_summary(outcome)
            self._verify(spared_roots)
            self._check_settled()
        return outcome

    # -- interrupted batches ----------------------------------------------------------------------
    def settle(self) -> None:
        """Settle every batch an interrupted run of the rule left: what a split rule does once,
        before its parts start (a part settles only its own earlier attempts: the other parts'
        batches in flight would look interrupted to it). Selects only when there is one."""
        if not self._unsettled():
            return
        keys = self._select()
        try:
            self._settle_interrupted(keys)
        finally:
            keys.close()

    def _unsettled(self) -> list[EvidenceRecord]:
        """This rule's intents that no settlement names. A run ends in success only once all its
        intents are settled (``_check_settled``), so only other runs' rows are read. A part of a
        split rule sees only its own intents of this run."""
        rule = self.plan.rule.id
        rows = self.ledger.evidence(
            actions=(INTENT, SETTLED), rule=rule, outside_successful_runs=True
        )
        recovered = self.ledger.evidence(actions=(RECOVERED,), rule=rule)
        settled = {r.detail.get("intent") for r in rows + recovered if r.action != INTENT}
        return [
            r
            for r in rows
            if r.action == INTENT
            and r.id not in settled
            and (
                self.part.whole
                or (r.run_pk == self.run_pk and r.detail.get("part") == self.part.label)
            )
        ]

    def _settle_interrupted(self, expired: SpilledKeys) -> None:
        """Settle the intents an interrupted run left: evidence for what it changed.

        Roots are changed in the batch's last transaction (children first), so a batch whose
        root records are no longer selected committed everything its intent planned; one whose
        roots are all still selected may have changed dependants in other systems before it
        stopped, which its intent's digests cover, and this run purges the rest with evidence
        of its own.
        """
        intents = [
            (intent, [key_texts(json.loads(line)) for line in intent.detail.get("roots", [])])
            for intent in self._unsettled()
        ]
        if not intents:
            return
        wanted = {root for _, roots in intents for root in roots}
        still = {text for text in map(key_texts, expired) if text in wanted}
        for intent, roots in intents:
            left = sum(root in still for root in roots)
            complete = left == 0
            self.ledger.record_evidence(
                EvidenceInput(
                    action=RECOVERED,
                    dataset=self.plan.root.id,
                    rule=self.plan.rule.id,
                    citation=self.plan.rule.citation,
                    count=intent.count if complete else 0,
                    detail={
                        "intent": intent.id,
                        "interrupted_run": intent.run_pk,
                        "batch": intent.detail.get("batch"),
                        "roots": len(roots),
                        "roots_left": left,
                        "outcome": "committed as planned"
                        if complete
                        else "root records not changed; purged again by this run",
                        "datasets": intent.detail.get("datasets", {}) if complete else {},
                        "shared": intent.detail.get("shared", {}) if complete else {},
                    },
                    run_pk=self.run_pk,
                )
            )
            log.warning(
                "rule %s: batch %s of run %s was interrupted before its settlement; %s",
                self.name,
                intent.detail.get("batch"),
                intent.run_pk,
                f"its {len(roots)} root records are gone: settled from its intent"
                if complete
                else f"{left} of its {len(roots)} root records remain and are purged now",
            )

    def _check_settled(self) -> None:
        """No run ends successfully while a change it made lacks its settlement."""
        if self.run_pk is None:
            return
        open_intents = [i for i in self._unsettled() if i.run_pk == self.run_pk]
        if open_intents:
            raise PurgeIncompleteError(
                f"rule {self.name}: {len(open_intents)} batches have an intent but no "
                "settlement in the ledger; the next run settles them"
            )

    # -- selection ------------------------------------------------------------------------------
    def _select(self) -> SpilledKeys:
        """The whole selection, read before anything changes, held on disk."""
        root = self.plan.root
        connector = self.connectors[root.system.name]
        try:
            return SpilledKeys(
                self.part.pages(
                    expired_pages(
                        self.datamap, connector, self.plan.rule, self.cutoff, self.connectors
                    )
                )
            )
        except SelectionRefusedError as exc:
            reason = str(exc)
            raise SelectionError(
                f"rule {self.plan.rule.id}: the database refused the selection of expired records "
                f"in {root.id}: {reason}"
            ) from exc

    # -- discovery ------------------------------------------------------------------------------
    def _trees(self, keys: SpilledKeys) -> Generator[Tree, None, None]:
        """Each batch's tree, the next one read while the caller changes this one, so the
        database's reads of batch N+1 overlap its writes of batch N (another connection, in a
        thread). A tree read during the previous batch's changes that shares records with it is
        read again: it may have seen them before that batch changed them (a record under
        expired parties of both batches, a shared record whose other party was in the first)."""
        batches = keys.batches(self.pace)
        batch = next(batches, None)
        if batch is None:
            return
        with ThreadPoolExecutor(1, thread_name_prefix="purge-discovery") as ahead:
            upcoming = ahead.submit(self._discover, batch)
            previous: Tree | None = None
            while batch is not None:
                tree = upcoming.result()
                if previous is not None and tree.meets(previous):
                    tree = self._discover(batch)
                batch = next(batches, None)
                if batch is not None:
                    upcoming = ahead.submit(self._discover, batch)
                yield tree
                previous = tree

    def _discover(self, batch: list[Key]) -> Tree:
        rows = self._read(batch)  # one connection per system (``descend``)
        spared, by_party = self._spare(rows)
        released = self._release(rows, spared, by_party) if self.parties else {}
        tree = Tree(rows, spared, released, keys=len(batch))
        if not self.dry_run:
            self._evidence(tree)
        return tree

    def _evidence(self, tree: Tree) -> None:
        """The evidence lines and digests of the records read that the batch changes: in the
        discovery thread, so the batch's intent goes to the ledger as soon as the previous
        batch is settled, not after as many lines again are encoded and sorted."""
        tree.read = {
            step.dataset: self._lines(step, tree.live(step.dataset).values())
            for step in self.plan.steps
            if step.dataset not in self._unread
        }  # computed once for the intent and the settlement
        tree.digests = {
            dataset: digest_lines(lines) for dataset, lines in tree.read.items() if lines
        }

    def _read(self, batch: list[Key]) -> dict[str, dict[Key, Row]]:
        """The batch's records and their dependants, by dataset, keyed by the codec's text of
        their keys; none of the steps deleted unread."""
        graph, root = self.graph, self.plan.root.id
        steps = {s.dataset: s for s in self.plan.steps}
        walk = descend(
            self.datamap,
            self.connectors,
            {root: ByReference(tuple(self.key_fields[root]), batch)},
            lambda ref: self._columns(ref, steps[ref.id], graph),
            datasets=[d for d in steps if d not in self._unread],
            parents=lambda dataset: steps[dataset].parents,
            graph=graph,
        )  # keyed by the values as read (taken in C), then by their texts here
        return {d: keyed_by_texts(walk.hits[d].rows) if d in walk.hits else {} for d in steps}

    @cached_property
    def _unread(self) -> frozenset[str]:
        """The steps whose records can be deleted or anonymised straight from their parents'
        keys (one DELETE or UPDATE ... RETURNING per IN-list) without being read first: a leaf
        of the plan that no exemption can apply to, in a system that can
        (``changes_by_reference``), anonymised with constant values only (a token is drawn per
        row). Most rows of a purge are in such leaves. Decided once per run."""
        return frozenset(s.dataset for s in self.plan.steps if self._changed_unread(s))

    def _changed_unread(self, step: Step) -> bool:
        ref = self.datamap.dataset(step.dataset)
        in_plan = set(self.plan.datasets)
        return (
            not self.dry_run
            and step.parents != ()
            and (step.action == "delete" or not self._anonymisation(step).tokens)
            and self.connectors[ref.system.name].changes_by_reference
            and not any(e.child in in_plan for e in self.graph.children_of(ref.id))
            and not self.exemptions.rows.get(step.dataset)
            and not (ref.dataset.restriction_flag and self.plan.rule.exemptions.restriction)
            and step.dataset not in self.parties  # which parties remain is read from the row
            and not any(e.reference.match for e in step.parents)  # compared normalised, read
        )

    def _columns(self, ref: DatasetRef, step: Step, graph: ReferenceGraph) -> list[str]:
        in_plan = set(self.plan.datasets)
        needed = set(self.key_fields[step.dataset])
        needed |= {f for edge in step.parents for f in edge.child_fields}
        needed |= {
            f for e in graph.children_of(ref.id) if e.child in in_plan for f in e.parent_fields
        }
        if ref.dataset.restriction_flag and self.plan.rule.exemptions.restriction:
            needed.add(ref.dataset.restriction_flag)
        if step.dataset in self.parties:  # which other parties remain on a shared record
            needed |= {f for fields in self._links(step.dataset).values() for f in fields}
        return sorted(needed)

    def _spare(
        self, rows: dict[str, dict[Key, Row]]
    ) -> tuple[dict[str, dict[Key, str]], dict[str, set[Key]]]:
        """Exempt records, everything above them (up to the expired record) and below them;
        and the shared records spared only because a spared party is on them (their other
        parties' parts may still be released: ``_release``)."""
        exempt = {s.dataset: self._exempt(s.dataset, rows[s.dataset]) for s in self.plan.steps}
        for step in self.plan.steps:
            if step.action == "delete" and rows[step.dataset]:
                for key, reason in self._locked(step.dataset, rows[step.dataset]).items():
                    exempt[step.dataset].setdefault(key, reason)
        if not self.part.whole:
            for dataset, keys in self._foreign(rows).items():
                for key in keys:
                    exempt[dataset].setdefault(key, DEFERRED)
        if not any(exempt.values()):
            return exempt, {}  # the usual batch: nothing to propagate
        links = _Links(rows, self.graph)
        for step in reversed(self.plan.steps):
            for key, reason in list(exempt[step.dataset].items()):
                for edge in step.parents:
                    for parent in links.parents(step.dataset, key, edge):
                        exempt[edge.parent].setdefault(parent, reason)
        spared: dict[str, dict[Key, str]] = {}
        by_party: dict[str, set[Key]] = defaultdict(set)
        for step in self.plan.steps:
            mine = spared[step.dataset] = dict(exempt[step.dataset])
            if not any(spared[edge.parent] for edge in step.parents):
                continue
            roles = self._links(step.dataset) if step.dataset in self.parties else {}
            for key in rows[step.dataset]:
                sparing = [
                    (edge, spared[edge.parent][p])
                    for edge in step.parents
                    for p in links.parents(step.dataset, key, edge)
                    if p in spared[edge.parent]
                ]
                if not sparing or key in mine:
                    continue
                if all(edge.reference.role in roles for edge, _ in sparing):
                    by_party[step.dataset].add(key)
                mine[key] = sparing[0][1]
        return spared, by_party

    def _foreign(self, rows: dict[str, dict[Key, Row]]) -> dict[str, set[Key]]:
        """In a part of a split rule, the records another part may reach as well, left to the
        rule's final pass (``DEFERRED``): a record whose link to a dataset of the plan is set
        but names no record of this batch (the linked record has another root, perhaps in
        another part), or names a value that records outside the batch hold too (a join on a
        field other than the parent's key; one look-up per batch and such reference). Records
        changed unread are deleted by their parents' keys, with evidence of what each statement
        changed, so they need no check."""
        links = _Links(rows, self.graph)
        foreign: dict[str, set[Key]] = defaultdict(set)
        for step in self.plan.steps[1:]:
            if step.dataset in self._unread:
                continue
            for edge in step.parents:
                fields = edge.child_fields
                elsewhere = self._held_elsewhere(edge, rows)
                for key, row in rows[step.dataset].items():
                    values = [row.get(f) for f in fields]
                    if None in values:
                        continue
                    if (
                        not links.parents(step.dataset, key, edge)
                        or self.graph.join_key(edge, values) in elsewhere
                    ):
                        foreign[step.dataset].add(key)
        return foreign

    def _held_elsewhere(self, edge: Edge, rows: dict[str, dict[Key, Row]]) -> set[tuple | None]:
        """The join values of ``edge`` that records of the parent dataset outside the batch
        hold too; none to look up where the edge joins on the parent's key."""
        parent_key = self.key_fields[edge.parent]
        if set(edge.parent_fields) == set(parent_key):
            return set()
        values = {tuple(row.get(f) for f in edge.child_fields) for row in rows[edge.child].values()}
        values = [v for v in values if None not in v]
        if not values:
            return set()
        ref = self.datamap.dataset(edge.parent)
        mine = rows[edge.parent]
        found = self.connectors[ref.system.name].find(
            ref.dataset,
            ByReference(edge.parent_fields, values),
            sorted({*parent_key, *edge.parent_fields}),
        )
        return {
            self.graph.join_key(edge, (row.get(f) for f in edge.parent_fields))
            for page in found
            for row in page
            if key_texts(row[f] for f in parent_key) not in mine
        }

    def _release(
        self,
        rows: dict[str, dict[Key, Row]],
        spared: dict[str, dict[Key, str]],
        by_party: dict[str, set[Key]],
    ) -> dict[str, dict[Key, frozenset[str]]]:
        """The shared records the batch's parties leave while another party remains on them,
        with the roles whose parts are emptied (a record spared only for a spared party on it,
        ``by_party``, too); what depends on them is spared (``SHARED_REASON``) in ``spared``. Parents first: a record is reached by a role when its link holds the join
        values of a parent record the batch changes; another party remains when a role it was
        not reached by has its link set."""
        links = _Links(rows, self.graph)
        released: dict[str, dict[Key, frozenset[str]]] = {}
        common: dict[str, set[Key]] = {}  # released records and the records below them
        for step in self.plan.steps:
            dataset, mine = step.dataset, spared[step.dataset]
            above = [e for e in step.parents if common.get(e.parent)]
            for key in rows[dataset] if above else ():
                if key not in mine and any(
                    p in common[e.parent] for e in above for p in links.parents(dataset, key, e)
                ):
                    mine[key] = SHARED_REASON
                    common.setdefault(dataset, set()).add(key)
            if dataset not in self.parties:
                continue
            roles_links = self._links(dataset)
            role_edges = [e for e in step.parents if e.reference.role in roles_links]
            for key, row in rows[dataset].items():
                if key in mine and key not in by_party.get(dataset, ()):
                    continue
                reached = frozenset(
                    e.reference.role
                    for e in role_edges
                    if any(
                        p not in spared[e.parent] and p not in common.get(e.parent, ())
                        for p in links.parents(dataset, key, e)
                    )
                )
                if reached and any(
                    role not in reached and any(row.get(f) is not None for f in fields)
                    for role, fields in roles_links.items()
                ):
                    released.setdefault(dataset, {})[key] = reached
                    common.setdefault(dataset, set()).add(key)
        return released

    def _locked(self, dataset: str, rows: dict[Key, Row]) -> dict[Key, str]:
        """The records the system keeps when asked to delete them (``Connector.locked``), with
        the reason as the report shows it: a retention the system enforces, or "the system
        cannot erase it" (``lock_text``). Records deleted unread are in systems without locks
        (their connectors delete by reference, in one statement)."""
        ref = self.datamap.dataset(dataset)
        locks = self.connectors[ref.system.name].locked(ref.dataset, list(rows.values()))
        if not locks:
            return {}
        fields = self.key_fields[dataset]
        out: dict[Key, str] = {}
        for key, row in rows.items():
            lock = locks.get(norm_key(row[f] for f in fields))
            if lock is not None:
                out[key] = lock_text(lock)
        return out

    def _exempt(self, dataset: str, rows: dict[Key, Row]) -> dict[Key, str]:
        """The records of one dataset exempt in themselves: held, under request, or restricted."""
        exempt: dict[Key, str] = {}
        held = self.exemptions.rows.get(dataset)
        if held:
            exempt.update((key, held[key]) for key in rows.keys() & held.keys())
        flag = self.datamap.dataset(dataset).dataset.restriction_flag
        if flag and self.plan.rule.exemptions.restriction:
            for key, row in rows.items():
                if row.get(flag):
                    exempt.setdefault(key, RESTRICTED)
        return exempt

    # -- changes --------------------------------------------------------------------------------
    def _apply(self, tree: Tree, outcome: RuleOutcome, number: int) -> dict[str, int]:
        """Intent, changes, settlement: nothing is destroyed before its evidence is on record.

        The intent (what the batch will change: counts and digests of every record read, the
        root keys) is computed and appended to the ledger first, so a key the ledger cannot
        store fails the batch before anything changes. Each SQL system's evidence lines are
        computed inside its transaction, before the commit they prove; the settlement row that
        follows names the intent. A crash between a commit and the settlement leaves an intent
        without settlement, which the next run settles (``_settle_interrupted``).
        """
        read, digests = tree.read, tree.digests  # the records read (``_evidence``)
        intent = self.ledger.record_evidence(self._intent(tree, number, read, digests))
        self._transactions.clear()
        done, lines, parts = self._change(tree, read)
        longest = max(self._transactions, default=0.0)
        self.pace.observe(tree.keys, longest)
        outcome.longest_transaction = max(outcome.longest_transaction, longest)
        shared_digests: dict[str, dict[str, Any]] = {}
        for dataset, (count, changed) in parts.items():
            tally = outcome.shared[dataset]
            tally.count += count
            tally.digest.add_lines(changed)
            if changed:
                shared_digests[dataset] = {
                    "action": "anonymise",
                    "reason": SHARED_REASON,
                    "count": count,
                    "sha256": digest_lines(changed),
                }
        batch_digests: dict[str, dict[str, Any]] = {}
        for step in self.plan.steps:
            tally = outcome.datasets[step.dataset]
            tally.count += done.get(step.dataset, 0)
            tally.spared += len(tree.spared[step.dataset])
            changed = lines.get(step.dataset, [])
            tally.digest.add_lines(changed)
            if changed:
                batch_digests[step.dataset] = {
                    "action": step.action,
                    "count": done[step.dataset],
                    "sha256": digests.get(step.dataset) or digest_lines(changed),
                }
        self.ledger.record_evidence(
            EvidenceInput(
                action=SETTLED,
                dataset=self.plan.root.id,
                rule=self.plan.rule.id,
                citation=self.plan.rule.citation,
                count=sum(done.values()) + sum(count for count, _ in parts.values()),
                detail={
                    "batch": number,
                    "intent": intent.id,
                    "datasets": batch_digests,
                    **({"shared": shared_digests} if shared_digests else {}),
                    "cutoff": self.cutoff.at.isoformat(),
                },
                run_pk=self.run_pk,
            )
        )
        return {**done, **{f"{d} (shared)": count for d, (count, _) in parts.items()}}

    def _intent(
        self,
        tree: Tree,
        number: int,
        read: Mapping[str, list[str]],
        digests: Mapping[str, str],
    ) -> EvidenceInput:
        """What the batch is about to change, validated as ledger JSON by ``record_evidence``.

        Datasets deleted straight from their parents' keys are not read, so the intent names
        the parents they go with; their own digest is in the settlement.
        """
        planned: dict[str, dict[str, Any]] = {}
        for step in self.plan.steps:
            if step.dataset in self._unread:
                planned[step.dataset] = {
                    "action": step.action,
                    "with_parents": sorted({e.parent for e in step.parents}),
                }
                continue
            changed = read[step.dataset]
            if changed:
                planned[step.dataset] = {
                    "action": step.action,
                    "count": len(changed),
                    "sha256": digests[step.dataset],
                }
        shared: dict[str, dict[str, Any]] = {}
        for dataset, released in tree.released.items():
            rows = tree.rows[dataset]
            changed = self._lines(self.plan.step(dataset), (rows[k] for k in released))
            if changed:
                shared[dataset] = {
                    "action": "anonymise",
                    "reason": SHARED_REASON,
                    "count": len(changed),
                    "sha256": digest_lines(changed),
                }
        roots = read[self.plan.root.id]
        return EvidenceInput(
            action=INTENT,
            dataset=self.plan.root.id,
            rule=self.plan.rule.id,
            citation=self.plan.rule.citation,
            count=sum(p.get("count", 0) for p in [*planned.values(), *shared.values()]),
            detail={
                "batch": number,
                **({} if self.part.whole else {"part": self.part.label}),
                "roots": sorted(roots),
                "datasets": planned,
                **({"shared": shared} if shared else {}),
                "cutoff": self.cutoff.at.isoformat(),
            },
            run_pk=self.run_pk,
        )

    def _change(
        self, tree: Tree, read: Mapping[str, list[str]]
    ) -> tuple[dict[str, int], dict[str, list[str]], dict[str, tuple[int, list[str]]]]:
        """Children first, one unit of work per system: records changed and their evidence
        lines, computed before the change (objects: no transaction to roll back) or, for
        records changed unread, inside the transaction, before the commit they prove. Also, by
        dataset, the parts of shared records emptied (in the same transaction, before the
        dataset's own changes): rows changed and their evidence lines. Where each system has
        one unit, the units run at the same time and commit in that order
        (``gdpr.retention.commits``); a system with two (its steps split by another system's)
        runs them one after another."""
        units = [partial(self._unit, system, steps, tree, read) for system, steps in self.groups]
        if len({system for system, _ in self.groups}) == len(self.groups):
            results = in_commit_order(units)
        else:
            results = [unit(lambda: None) for unit in units]
        done: dict[str, int] = {}
        lines: dict[str, list[str]] = {}
        parts: dict[str, tuple[int, list[str]]] = {}
        for unit_done, unit_lines, unit_parts in results:
            done |= unit_done
            lines |= unit_lines
            parts |= unit_parts
        return done, lines, parts

    def _unit(
        self,
        system: str,
        steps: list[Step],
        tree: Tree,
        read: Mapping[str, list[str]],
        ready: Callable[[], None],
    ) -> tuple[dict[str, int], dict[str, list[str]], dict[str, tuple[int, list[str]]]]:
        """One system's steps in one unit of work, ``ready()`` called just before its commit."""
        done: dict[str, int] = {}
        lines: dict[str, list[str]] = {}
        parts: dict[str, tuple[int, list[str]]] = {}
        began = time.perf_counter()
        with self.connectors[system].changes() as change:
            for step in steps:
                if tree.released.get(step.dataset):
                    parts[step.dataset] = self._empty_parts(
                        change, step, tree.released[step.dataset], tree.rows[step.dataset]
                    )
                if step.dataset in self._unread:
                    lines[step.dataset] = self._change_from_parents(change, step, tree)
                    done[step.dataset] = len(lines[step.dataset])
                    continue
                live = list(tree.live(step.dataset).values())
                lines[step.dataset] = read[step.dataset]
                done[step.dataset] = self._change_rows(change, step, live)
            ready()
        self._transactions.append(time.perf_counter() - began)  # to its commit: the locks' time
        return done, lines, parts

    def _empty_parts(
        self,
        change: Changes,
        step: Step,
        released: Mapping[Key, frozenset[str]],
        rows: Mapping[Key, Row],
    ) -> tuple[int, list[str]]:
        """Set the expiring parties' links and owned fields of shared records to NULL (before
        the records they referred to go): rows changed, and the evidence lines of their keys."""
        dataset = self.datamap.dataset(step.dataset).dataset
        parties = self.parties[step.dataset]
        groups: dict[frozenset[str], list[Row]] = defaultdict(list)
        for key, roles in released.items():
            groups[roles].append(rows[key])
        count = 0
        for roles, group in sorted(groups.items(), key=lambda g: sorted(g[0])):
            emptied = [
                f for role in sorted(roles) for f in parties[role] if f not in dataset.primary_key
            ]
            count += change.anonymise(dataset, group, Anonymisation(dict.fromkeys(emptied), ()))
        return count, self._lines(step, (rows[k] for k in released))

    def _change_from_parents(self, change: Changes, step: Step, tree: Tree) -> list[str]:
        """Delete or anonymise an unread step's records from their parents' keys, edge by
        edge; the evidence lines of the records changed, sorted (a record reached by two edges
        counts once)."""
        dataset = self.datamap.dataset(step.dataset).dataset
        returning = self.key_fields[step.dataset]
        lines: list[str] = []
        for edge in step.parents:
            parents = join_values(tree.live(edge.parent).values(), edge.parent_fields)
            if not parents:
                continue
            if step.action == "delete":
                found = change.delete_by(dataset, edge.child_fields, parents, returning)
            else:
                anonymisation = self._anonymisation(step)
                found = change.anonymise_by(
                    dataset, edge.child_fields, parents, anonymisation, returning
                )
            lines += key_lines(found)
        if len(step.parents) > 1:
            lines = list(set(lines))
        lines.sort()
        return lines

    def _change_rows(self, change: Changes, step: Step, live: list[Row]) -> int:
        dataset = self.datamap.dataset(step.dataset).dataset
        if not live:
            return 0
        if step.action == "delete":
            return change.delete(dataset, live)
        return change.anonymise(dataset, live, self._anonymisation(step))

    def _anonymisation(self, step: Step) -> Anonymisation:
        return step_anonymisation(self.datamap, self.plan, step, self.referring)

    @cached_property
    def referring(self) -> set[tuple[str, tuple[str, ...], str]]:
        """Where the rule's records refer to each other, the systems' own foreign keys included."""
        return referring_edges(self.datamap, self.plan, self.connectors)

    def _tally(self, tree: Tree, outcome: RuleOutcome) -> dict[str, int]:
        done = {}
        for step in self.plan.steps:
            live = tree.live(step.dataset)
            outcome.datasets[step.dataset].count += len(live)
            outcome.datasets[step.dataset].spared += len(tree.spared[step.dataset])
            done[step.dataset] = len(live)
        for dataset, released in tree.released.items():
            outcome.shared[dataset].count += len(released)
            done[f"{dataset} (shared)"] = len(released)
        return done

    @cached_property
    def groups(self) -> list[tuple[str, list[Step]]]:
        """Children-first steps, consecutive steps of one system grouped into one transaction."""
        groups: list[tuple[str, list[Step]]] = []
        for step in self._children_first_by_system():
            system = self.datamap.dataset(step.dataset).system.name
            if groups and groups[-1][0] == system:
                groups[-1][1].append(step)
            else:
                groups.append((system, [step]))
        return groups

    def _children_first_by_system(self) -> list[Step]:
        """Children first, keeping each system's steps together where the references allow it.

        "Children" are the map's dependants, unless the database's own foreign keys say the
        other way round: the order erasure uses too (``gdpr.connectors.order``)."""
        edges = [(step.dataset, edge.parent) for step in self.plan.steps for edge in step.parents]
        fallback = [s.dataset for s in self.plan.children_first()]
        ordered = order.children_first(self.datamap, self.connectors, fallback, edges)
        return [self.plan.step(dataset) for dataset in ordered]

    def _lines(self, step: Step, rows: Iterable[Row]) -> list[str]:
        """The evidence lines of the rows' keys, sorted once here: the batch's digests, the
        intent's list of roots and the run's digest then sort them again for next to nothing."""
        lines = row_key_lines(rows, self.key_fields[step.dataset])
        lines.sort()
        return lines

    # -- evidence and verification -------------------------------------------------------------
    def _record_summary(self, outcome: RuleOutcome) -> None:
        for step in self.plan.steps:
            tally = outcome.datasets[step.dataset]
            ref = self.datamap.dataset(step.dataset)
            self.ledger.record_evidence(
                EvidenceInput(
                    action=f"retention.{step.action}",
                    system=ref.system.name,
                    dataset=step.dataset,
                    rule=self.plan.rule.id,
                    citation=self.plan.rule.citation,
                    count=tally.count,
                    keys_sha256=tally.digest.hexdigest(),
                    detail={
                        "batches": outcome.batches,
                        "spared": tally.spared,
                        "period": self.plan.rule.period,
                        **({} if self.part.whole else {"part": self.part.label}),
                    },
                    run_pk=self.run_pk,
                )
            )
        for dataset, tally in outcome.shared.items():
            self.ledger.record_evidence(
                EvidenceInput(
                    action="retention.anonymise",
                    system=self.datamap.dataset(dataset).system.name,
                    dataset=dataset,
                    rule=self.plan.rule.id,
                    citation=self.plan.rule.citation,
                    count=tally.count,
                    keys_sha256=tally.digest.hexdigest(),
                    detail={
                        "batches": outcome.batches,
                        "reason": SHARED_REASON,
                        "reason_text": SHARED_TEXT,
                        "period": self.plan.rule.period,
                    },
                    run_pk=self.run_pk,
                )
            )

    def _verify(self, spared_roots: set[Key]) -> None:
        selected = self._select()
        try:
            remaining = sum(key_texts(k) not in spared_roots for k in selected)
        finally:
            selected.close()
        if remaining:
            raise PurgeIncompleteError(
                f"rule {self.name}: {remaining} expired records of {self.plan.root.id} "
                "remain after the purge"
            )
        log.info("rule %s: verified, no expired record left outside the exemptions", self.name)


class _Links:
    """Parent records of a record along one edge, through an index built once per edge."""

    def __init__(self, rows: dict[str, dict[Key, Row]], graph: ReferenceGraph):
        self.rows, self.graph = rows, graph
        self._indexes: dict[tuple[str, tuple[str, ...], str | None], dict] = {}

    def parents(self, dataset: str, key: Key, edge: Edge) -> list[Key]:
        index_id = (edge.parent, edge.parent_fields, edge.reference.match)
        if index_id not in self._indexes:
            index: dict[tuple | None, list[Key]] = defaultdict(list)
            for pkey, prow in self.rows[edge.parent].items():
                index[self.graph.join_key(edge, (prow.get(f) for f in edge.parent_fields))].append(
                    pkey
                )
            index.pop(None, None)
            self._indexes[index_id] = index
        row = self.rows[dataset][key]
        return self._indexes[index_id].get(
            self.graph.join_key(edge, (row.get(f) for f in edge.child_fields)), []
        )
