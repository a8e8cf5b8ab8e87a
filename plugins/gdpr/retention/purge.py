"""Apply one retention rule: batches of expired records, their dependants, evidence, verification.

For each batch of expired keys (in key order) the purge finds every dependent record the plan
names, across systems, and marks as spared whatever is exempt, together with everything above
it (a held ticket keeps its customer) and below it. Then, children before parents, it deletes
or anonymises the rest: one transaction per batch and system, S3 objects with every version
and delete marker. Each batch leaves an evidence row as soon as it is committed, so evidence
adds up across an interrupted run and its rerun; a rerun finds only what is left.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import sqlalchemy as sa

from gdpr.connectors.base import ByReference, Connector
from gdpr.connectors.s3 import S3Connector
from gdpr.connectors.sql import SqlConnector
from gdpr.datamap.graph import Edge, ReferenceGraph
from gdpr.datamap.models import DataMap, DatasetRef
from gdpr.ledger import EvidenceInput, Ledger
from gdpr.retention.anonymise import Anonymisation, anonymisation
from gdpr.retention.digest import SortedKeyDigest, digest_lines, key_lines
from gdpr.retention.exempt import RESTRICTED, Exemptions
from gdpr.retention.plan import Cutoff, RulePlan, Step
from gdpr.retention.select import expired_keys, expired_objects

log = logging.getLogger(__name__)

Key = tuple
Row = dict[str, Any]


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
    expired: int = 0
    batches: int = 0
    spared_roots: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    datasets: dict[str, DatasetTally] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Counts and digests only: what may go to XCom, logs and reports."""
        return {
            "rule": self.rule,
            "dataset": self.dataset,
            "dry_run": self.dry_run,
            "expired": self.expired,
            "batches": self.batches,
            "spared": dict(self.spared_roots),
            "datasets": {
                name: {"action": t.action, "count": t.count, "spared": t.spared}
                for name, t in self.datasets.items()
            },
        }


@dataclass
class Tree:
    """The records of one batch, by dataset, and which of them are spared (with why)."""

    rows: dict[str, dict[Key, Row]]
    spared: dict[str, dict[Key, str]]
    _live: dict[str, dict[Key, Row]] = field(default_factory=dict)

    def live(self, dataset: str) -> dict[Key, Row]:
        """The records that are not spared (computed once; the rows themselves when none is)."""
        if dataset not in self._live:
            spared, rows = self.spared[dataset], self.rows[dataset]
            self._live[dataset] = (
                {k: r for k, r in rows.items() if k not in spared} if spared else rows
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
    batch_size: int = 2000
    dry_run: bool = False
    run_pk: int | None = None
    fail_after_batches: int | None = None  # fault injection for tests of interrupted runs
    on_batch: Callable[[int, int], None] | None = None

    @cached_property
    def graph(self) -> ReferenceGraph:
        """Built once per rule, not once per batch."""
        return ReferenceGraph.of(self.datamap)

    @cached_property
    def key_fields(self) -> dict[str, list[str]]:
        """Each dataset's key fields, looked up once rather than once per row."""
        return {d: _key_fields(self.datamap.dataset(d)) for d in self.plan.datasets}

    def run(self) -> RuleOutcome:
        rule, root = self.plan.rule, self.plan.root
        outcome = RuleOutcome(rule.id, root.id, self.dry_run)
        outcome.datasets = {s.dataset: DatasetTally(s.action) for s in self.plan.steps}
        keys = self._select()
        outcome.expired = len(keys)
        total = -(-len(keys) // self.batch_size)
        log.info(
            "rule %s: %d expired records in %s, %d batches%s",
            rule.id,
            len(keys),
            root.id,
            total,
            " (dry run: nothing will change)" if self.dry_run else "",
        )
        spared_roots: set[Key] = set()
        for number, batch in enumerate(_chunks(keys, self.batch_size), start=1):
            if self.fail_after_batches is not None and number > self.fail_after_batches:
                raise RuntimeError(f"injected failure before batch {number}")
            tree = self._discover(batch)
            for key, reason in tree.spared[root.id].items():
                outcome.spared_roots[reason] += 1
                spared_roots.add(key)
            done = (
                self._tally(tree, outcome) if self.dry_run else self._apply(tree, outcome, number)
            )
            outcome.batches = number
            log.info(
                "rule %s: batch %d/%d: %s",
                rule.id,
                number,
                total,
                ", ".join(f"{d} {n}" for d, n in done.items() if n) or "nothing to change",
            )
            if self.on_batch:
                self.on_batch(number, total)
        if not self.dry_run:
            self._record_summary(outcome)
            self._verify(spared_roots)
        return outcome

    # -- selection ------------------------------------------------------------------------------
    def _select(self) -> list[Key]:
        root = self.plan.root
        connector = self.connectors[root.system.name]
        if isinstance(connector, S3Connector):
            return expired_objects(connector, root.dataset, self.cutoff)
        assert isinstance(connector, SqlConnector)
        try:
            return expired_keys(self.datamap, connector, self.plan.rule, self.cutoff)
        except sa.exc.DBAPIError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise SelectionError(
                f"rule {self.plan.rule.id}: the database refused the selection of expired records "
                f"in {root.id}: {reason}"
            ) from exc

    # -- discovery ------------------------------------------------------------------------------
    def _discover(self, batch: list[Key]) -> Tree:
        systems = {self.datamap.dataset(d).system.name for d in self.plan.datasets}
        with ExitStack() as stack:
            for system in sorted(systems):
                connector = self.connectors[system]
                if isinstance(connector, SqlConnector):
                    stack.enter_context(connector.pinned())
            rows = self._read(batch)
        return Tree(rows, self._spare(rows))

    def _read(self, batch: list[Key]) -> dict[str, dict[Key, Row]]:
        graph = self.graph
        rows: dict[str, dict[Key, Row]] = {}
        for step in self.plan.steps:
            ref = self.datamap.dataset(step.dataset)
            rows[step.dataset] = {}
            if self._deleted_unread(step, graph):
                continue
            columns = self._columns(ref, step, graph)
            if not step.parents:
                criteria = [ByReference(tuple(_key_fields(ref)), batch)]
            else:
                criteria = [
                    ByReference(edge.child_fields, _values(rows[edge.parent], edge.parent_fields))
                    for edge in step.parents
                ]
            fields = self.key_fields[step.dataset]
            into = rows[step.dataset]
            for criterion in criteria:
                if criterion.values:
                    for found in self._find(ref, criterion, columns):
                        for row in found:
                            into[tuple([str(row[f]) for f in fields])] = row
        return rows

    def _deleted_unread(self, step: Step, graph: ReferenceGraph) -> bool:
        """Whether a step's records can be deleted straight from their parents' keys (one
        DELETE ... RETURNING per IN-list) without being read first: a SQL leaf of the plan that
        no exemption can apply to. Most rows of a purge are in such leaves."""
        ref = self.datamap.dataset(step.dataset)
        in_plan = set(self.plan.datasets)
        return (
            not self.dry_run
            and step.parents != ()
            and step.action == "delete"
            and ref.kind == "sql"
            and not any(e.child in in_plan for e in graph.children_of(ref.id))
            and not self.exemptions.rows.get(step.dataset)
            and not (ref.dataset.restriction_flag and self.plan.rule.exemptions.restriction)
        )

    def _columns(self, ref: DatasetRef, step: Step, graph: ReferenceGraph) -> list[str]:
        if ref.kind == "s3":
            return []
        in_plan = set(self.plan.datasets)
        needed = set(ref.dataset.primary_key)
        needed |= {f for edge in step.parents for f in edge.child_fields}
        needed |= {
            f for e in graph.children_of(ref.id) if e.child in in_plan for f in e.parent_fields
        }
        if ref.dataset.restriction_flag and self.plan.rule.exemptions.restriction:
            needed.add(ref.dataset.restriction_flag)
        return sorted(needed)

    def _find(
        self, ref: DatasetRef, criterion: ByReference, columns: list[str]
    ) -> Iterator[list[Row]]:
        connector = self.connectors[ref.system.name]
        if isinstance(connector, S3Connector):
            return connector.find_versions(ref.dataset, criterion)
        return connector.find(ref.dataset, criterion, columns)

    def _spare(self, rows: dict[str, dict[Key, Row]]) -> dict[str, dict[Key, str]]:
        """Exempt records, everything above them (up to the expired record) and below them."""
        exempt = {s.dataset: self._exempt(s.dataset, rows[s.dataset]) for s in self.plan.steps}
        if not any(exempt.values()):
            return exempt  # the usual batch: nothing to propagate
        links = _Links(rows)
        for step in reversed(self.plan.steps):
            for key, reason in list(exempt[step.dataset].items()):
                for edge in step.parents:
                    for parent in links.parents(step.dataset, key, edge):
                        exempt[edge.parent].setdefault(parent, reason)
        spared: dict[str, dict[Key, str]] = {}
        for step in self.plan.steps:
            spared[step.dataset] = dict(exempt[step.dataset])
            if not any(spared[edge.parent] for edge in step.parents):
                continue
            for key in rows[step.dataset]:
                for edge in step.parents:
                    reason = next(
                        (
                            spared[edge.parent][p]
                            for p in links.parents(step.dataset, key, edge)
                            if p in spared[edge.parent]
                        ),
                        None,
                    )
                    if reason:
                        spared[step.dataset].setdefault(key, reason)
        return spared

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
        done: dict[str, int] = {}
        changed: dict[str, list[Key]] = {}
        batch_digests: dict[str, dict[str, Any]] = {}
        graph = self.graph
        for system, steps in self._groups():
            connector = self.connectors[system]
            if isinstance(connector, S3Connector):
                for step in steps:
                    live = tree.live(step.dataset)
                    versions = [v for row in live.values() for v in row["versions"]]
                    sum(connector.objects.delete_versions(versions))
                    done[step.dataset] = len(live)
                    changed[step.dataset] = self._keys(step, live)
                continue
            assert isinstance(connector, SqlConnector)
            with connector.engine.begin() as conn:
                for step in steps:
                    if self._deleted_unread(step, graph):
                        keys = self._delete_from_parents(connector, conn, step, tree)
                    else:
                        live = tree.live(step.dataset)
                        keys = self._keys(step, live)
                        done[step.dataset] = self._change_sql(connector, conn, step, live)
                    changed[step.dataset] = keys
                    done.setdefault(step.dataset, len(keys))
        for step in self.plan.steps:
            tally = outcome.datasets[step.dataset]
            tally.count += done.get(step.dataset, 0)
            tally.spared += len(tree.spared[step.dataset])
            lines = key_lines(changed.get(step.dataset, []))
            tally.digest.add_lines(lines)
            if lines:
                batch_digests[step.dataset] = {
                    "action": step.action,
                    "count": done[step.dataset],
                    "sha256": digest_lines(lines),
                }
        self.ledger.record_evidence(
            EvidenceInput(
                action="retention.batch",
                dataset=self.plan.root.id,
                rule=self.plan.rule.id,
                citation=self.plan.rule.citation,
                count=sum(done.values()),
                detail={
                    "batch": number,
                    "datasets": batch_digests,
                    "cutoff": self.cutoff.at.isoformat(),
                },
                run_pk=self.run_pk,
            )
        )
        return done

    def _delete_from_parents(
        self, connector: SqlConnector, conn, step: Step, tree: Tree
    ) -> list[Key]:
        dataset = self.datamap.dataset(step.dataset).dataset
        keys: set[Key] = set()
        for edge in step.parents:
            parents = _values(tree.live(edge.parent), edge.parent_fields)
            keys.update(
                connector.delete_by(conn, dataset, edge.child_fields, parents, dataset.primary_key)
            )
        return list(keys)  # in no order: the digests sort

    def _change_sql(self, connector: SqlConnector, conn, step: Step, live: dict[Key, Row]) -> int:
        ref = self.datamap.dataset(step.dataset)
        pk = list(ref.dataset.primary_key)
        keys = [tuple(row[f] for f in pk) for row in live.values()]
        if not keys:
            return 0
        if step.action == "delete":
            return connector.delete_keys(conn, ref.dataset, pk, keys)
        plan = self._anonymisation(step)
        if plan.tokens:
            return connector.update_rows(
                conn,
                ref.dataset,
                pk,
                [
                    {**dict(zip(pk, key, strict=True)), **plan.constant, **plan.row_values()}
                    for key in keys
                ],
            )
        return connector.update_keys(conn, ref.dataset, pk, keys, plan.constant)

    def _anonymisation(self, step: Step) -> Anonymisation:
        dataset = self.datamap.dataset(step.dataset).dataset
        if not step.parents:
            return anonymisation(dataset, self.plan.rule.fields)
        deleted = {s.dataset for s in self.plan.steps if s.action == "delete"}
        cut = [f for edge in step.parents if edge.parent in deleted for f in edge.child_fields]
        return anonymisation(dataset, cut=cut)

    def _tally(self, tree: Tree, outcome: RuleOutcome) -> dict[str, int]:
        done = {}
        for step in self.plan.steps:
            live = tree.live(step.dataset)
            outcome.datasets[step.dataset].count += len(live)
            outcome.datasets[step.dataset].spared += len(tree.spared[step.dataset])
            done[step.dataset] = len(live)
        return done

    def _groups(self) -> list[tuple[str, list[Step]]]:
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
        """Children first, keeping each system's steps together where the references allow it."""
        remaining = self.plan.children_first()
        ordered: list[Step] = []
        while remaining:
            ready = [
                s
                for s in remaining
                if not any(
                    e.parent == s.dataset for r in remaining if r is not s for e in r.parents
                )
            ]
            system = self.datamap.dataset(
                (ordered[-1] if ordered else ready[0]).dataset
            ).system.name
            pick = next(
                (s for s in ready if self.datamap.dataset(s.dataset).system.name == system),
                ready[0],
            )
            ordered.append(pick)
            remaining.remove(pick)
        return ordered

    def _keys(self, step: Step, live: dict[Key, Row]) -> list[Key]:
        ref = self.datamap.dataset(step.dataset)
        return [tuple(row[f] for f in _key_fields(ref)) for row in live.values()]

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
                    },
                    run_pk=self.run_pk,
                )
            )

    def _verify(self, spared_roots: set[Key]) -> None:
        remaining = [k for k in self._select() if _norm_key(k) not in spared_roots]
        if remaining:
            raise PurgeIncompleteError(
                f"rule {self.plan.rule.id}: {len(remaining)} expired records of {self.plan.root.id} "
                "remain after the purge"
            )
        log.info(
            "rule %s: verified, no expired record left outside the exemptions", self.plan.rule.id
        )


def _key_fields(ref: DatasetRef) -> list[str]:
    return ["key"] if ref.kind == "s3" else list(ref.dataset.primary_key)


def _norm_key(key: Key) -> Key:
    return tuple(str(v) for v in key)


def _values(parent_rows: dict[Key, Row], fields: tuple[str, ...]) -> list[tuple]:
    combos = {tuple(row[f] for f in fields) for row in parent_rows.values()}
    return [c for c in combos if None not in c]


class _Links:
    """Parent records of a record along one edge, through an index built once per edge."""

    def __init__(self, rows: dict[str, dict[Key, Row]]):
        self.rows = rows
        self._indexes: dict[tuple[str, tuple[str, ...]], dict[tuple, list[Key]]] = {}

    def parents(self, dataset: str, key: Key, edge: Edge) -> list[Key]:
        index_id = (edge.parent, edge.parent_fields)
        if index_id not in self._indexes:
            index: dict[tuple, list[Key]] = defaultdict(list)
            for pkey, prow in self.rows[edge.parent].items():
                index[tuple(str(prow.get(f)) for f in edge.parent_fields)].append(pkey)
            self._indexes[index_id] = index
        row = self.rows[dataset][key]
        return self._indexes[index_id].get(tuple(str(row.get(f)) for f in edge.child_fields), [])


def _chunks(items: list[Key], size: int) -> Iterator[list[Key]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
