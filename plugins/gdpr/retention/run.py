"""One retention rule end to end, from the data map to verified evidence; no Airflow here."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime

from gdpr.connectors.base import Connector
from gdpr.datamap.models import DataMap
from gdpr.ledger import Ledger
from gdpr.ledger.identity import request_identity
from gdpr.retention.anonymise import (
    Anonymisation,
    NotNullError,
    not_null_refusals,
    reference_fields,
    referring_edges,
    step_anonymisation,
)
from gdpr.retention.exempt import Exemptions, collect
from gdpr.retention.held import covered, hold_reason
from gdpr.retention.pace import TRANSACTION_SECONDS
from gdpr.retention.partition import Part, unsplittable
from gdpr.retention.plan import RulePlan, cutoff_for, plan_rule
from gdpr.retention.purge import RuleOutcome, RulePurge
from gdpr.subject.resolve import record_owners, resolve_record, resolve_subject

log = logging.getLogger(__name__)


def run_rule(
    datamap: DataMap,
    rule_id: str,
    connectors: Mapping[str, Connector],
    ledger: Ledger,
    *,
    now: datetime,
    dry_run: bool = False,
    batch_size: int = 2000,
    transaction_seconds: float = TRANSACTION_SECONDS,
    run_pk: int | None = None,
    fail_after_batches: int | None = None,
    part: Part | None = None,
) -> RuleOutcome:
    """Apply (or preview) one rule, or one ``part`` of it (``split_rule``). Every system it
    touches is checked first: an unreachable one fails the rule before anything is selected or
    changed."""
    plan = _checked_plan(datamap, rule_id, connectors)
    ledger.check_ready()
    exemptions = rule_exemptions(datamap, plan, connectors, ledger)
    cutoff = cutoff_for(plan.rule, now, datamap.organisation.timezone)
    log.info(
        "rule %s (%s): %s after %s, cutoff %s; %d records exempt (holds, open requests)",
        rule_id,
        plan.rule.citation,
        plan.rule.action,
        plan.rule.period,
        cutoff.at.date(),
        exemptions.count(),
    )
    purge = RulePurge(
        datamap,
        plan,
        connectors,
        ledger,
        exemptions,
        cutoff,
        batch_size=batch_size,
        dry_run=dry_run,
        run_pk=run_pk,
        fail_after_batches=fail_after_batches,
        part=part or Part(),
        transaction_seconds=transaction_seconds,
    )
    return purge.run()


def split_rule(
    datamap: DataMap,
    rule_id: str,
    connectors: Mapping[str, Connector],
    ledger: Ledger,
    *,
    now: datetime,
    parts: int,
    dry_run: bool = False,
    run_pk: int | None = None,
) -> int:
    """Into how many parts the rule's purge splits (``gdpr.retention.partition``): ``parts``,
    or 1 for a rule whose records parts could not decide about separately (logged with why).
    Before parts of a real purge start, the batches an interrupted run left are settled here,
    once."""
    if parts == 1:
        return 1
    plan = _checked_plan(datamap, rule_id, connectors)
    purge = RulePurge(
        datamap,
        plan,
        connectors,
        ledger,
        Exemptions(),
        cutoff_for(plan.rule, now, datamap.organisation.timezone),
        dry_run=dry_run,
        run_pk=run_pk,
    )
    why = unsplittable(datamap, plan)
    if why:
        log.info("rule %s runs in one part: %s", rule_id, why)
        return 1
    if not dry_run:
        ledger.check_ready()
        purge.settle()
    log.info("rule %s: %d parts, each its own task", rule_id, parts)
    return parts


def _checked_plan(datamap: DataMap, rule_id: str, connectors: Mapping[str, Connector]) -> RulePlan:
    """The rule's plan, once every system it touches answers and no anonymisation would
    empty a required column."""
    plan = plan_rule(datamap, datamap.rule(rule_id))
    counted_from = plan.rule.start.parent  # objects counted from their records elsewhere
    touched = [*plan.datasets, *([counted_from.dataset] if counted_from else [])]
    for system in sorted({datamap.dataset(d).system.name for d in touched}):
        connectors[system].ping()
    refuse_not_null(datamap, plan, connectors)
    return plan


def rule_exemptions(
    datamap: DataMap, plan: RulePlan, connectors: Mapping[str, Connector], ledger: Ledger
) -> Exemptions:
    """What the purge of ``plan`` keeps on purpose: the ledger's legal holds and open requests,
    and the holds the data map declares (the minimisation checks leave out the same)."""
    # Ledger requests and holds name their subject by e-mail: the map's identity for those.
    # A shared address keeps every person who has it (merge): an exemption protects, never acts.
    identity = request_identity(datamap)
    return collect(
        plan,
        ledger,
        lambda email, within: resolve_subject(
            datamap, connectors, identity, email, within, shared="merge"
        ),
        lambda dataset, key, within: resolve_record(datamap, connectors, dataset, key, within),
        (lambda dataset, key: record_owners(datamap, connectors, dataset, key, identity))
        if datamap.holds.scope == "subject"
        else None,
        lambda within: (
            (hold_reason(hold), location)
            for hold in datamap.holds.rules
            for location in covered(datamap, connectors, hold, identity, within)
        ),
    )


def not_null_problems(
    datamap: DataMap, plan: RulePlan, connectors: Mapping[str, Connector]
) -> list[str]:
    """One sentence per NOT NULL column the rule's anonymisations would empty."""
    problems: list[str] = []
    referring = referring_edges(datamap, plan, connectors)
    for step in plan.steps:
        ref = datamap.dataset(step.dataset)
        parties = ref.dataset.parties
        roles = sorted({e.reference.role for e in step.parents if e.reference.role in parties})
        if roles:  # the expiring parties' parts of shared records are emptied
            problems += not_null_refusals(
                step.dataset,
                Anonymisation(
                    {
                        f: None
                        for r in roles
                        for f in parties[r]
                        if f not in ref.dataset.primary_key
                    },
                    (),
                ),
                connectors[ref.system.name].required_fields(ref.dataset),
                reference_fields(datamap, step.dataset),
            )
        if step.action != "anonymise":
            continue
        problems += not_null_refusals(
            step.dataset,
            step_anonymisation(datamap, plan, step, referring),
            connectors[ref.system.name].required_fields(ref.dataset),
            reference_fields(datamap, step.dataset)
            | {f for d, fields, _ in referring if d == step.dataset for f in fields},
        )
    return problems


def refuse_not_null(datamap: DataMap, plan: RulePlan, connectors: Mapping[str, Connector]) -> None:
    """A rule whose anonymisation would empty a NOT NULL column fails here, before anything is
    selected or changed, with one sentence per field (``NotNullError``)."""
    problems = not_null_problems(datamap, plan, connectors)
    if problems:
        raise NotNullError(f"rule {plan.rule.id}: " + " ".join(problems))
