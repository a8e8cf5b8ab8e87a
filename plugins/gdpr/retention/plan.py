"""What one retention rule touches, worked out from the data map alone.

A rule names one dataset; deleting its expired records means deleting, first, every record
that references them (children before parents, across systems), except the datasets the rule
says must be kept: those are anonymised in place (the reference to the purged record is cut,
their personal fields are erased), and whatever hangs under them is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import isodate

from gdpr.datamap.graph import Edge, ReferenceGraph
from gdpr.datamap.models import DataMap, DatasetRef, RetentionRule


@dataclass(frozen=True)
class Cutoff:
    """Records whose start event is before this day have outlived the rule. The boundary day is
    kept: a period ends at the end of the day it falls on, so a record started on 18 November
    2023 under P3Y is kept through 18 November 2026 and purged from 19 November."""

    at: datetime  # the start of ``day`` in the organisation's time zone, naive UTC (timestamps)
    day: date  # as-of date in the organisation's calendar minus the period (DATE columns)
    as_of: date | None = None  # the day the rule is applied as of, in the same calendar

    @property
    def at_utc(self) -> datetime:
        """``at`` with its time zone, for columns (and :cutoff) with time zone."""
        return self.at.replace(tzinfo=ZoneInfo("UTC"))

    def passed(self, value: object) -> bool:
        """Whether a start value read from a system is before the cutoff: a date against the
        cutoff day, a time against its start (a time without zone is UTC); nothing else is."""
        if isinstance(value, datetime):
            naive = (
                value.astimezone(ZoneInfo("UTC")).replace(tzinfo=None) if value.tzinfo else value
            )
            return naive < self.at
        if isinstance(value, date):
            return value < self.day
        return False


def cutoff_for(rule: RetentionRule, now: datetime, timezone: str) -> Cutoff:
    """The first start day still kept on the as-of date (``now``, a run's logical date, in the
    organisation's calendar): a record expires once its start plus the rule's ISO 8601 period
    (calendar-aware: 29 Feb 2024 + P1Y is 28 Feb 2025, 31 Jan + P1M is 28/29 Feb) is before
    the as-of date. For timestamps, midnight of that day in the organisation's zone."""
    period = _as_date_period(isodate.parse_duration(rule.period))
    zone = ZoneInfo(timezone)
    aware = now if now.tzinfo else now.replace(tzinfo=ZoneInfo("UTC"))
    as_of = aware.astimezone(zone).date()
    day = as_of - period
    while day + period < as_of:  # month-end clamping: 28 Feb + P1M is 28 Mar, not 31 Mar
        day += timedelta(days=1)
    midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
    at = midnight.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
    return Cutoff(at=at, day=day, as_of=as_of)


def _as_date_period(period: timedelta | isodate.Duration) -> timedelta | isodate.Duration:
    if isinstance(period, timedelta):
        return timedelta(days=period.days)
    return period


@dataclass(frozen=True)
class Step:
    """One dataset in the purge of a rule: delete its records, or anonymise them (kept)."""

    dataset: str
    action: str  # "delete" | "anonymise"
    parents: tuple[Edge, ...]  # edges to datasets of the plan this one is found through


@dataclass(frozen=True)
class RulePlan:
    rule: RetentionRule
    root: DatasetRef
    steps: tuple[Step, ...]  # parents first; the root is steps[0]

    def children_first(self) -> list[Step]:
        return list(reversed(self.steps))

    def step(self, dataset: str) -> Step:
        return next(s for s in self.steps if s.dataset == dataset)

    @property
    def datasets(self) -> list[str]:
        return [s.dataset for s in self.steps]


def plan_rule(datamap: DataMap, rule: RetentionRule) -> RulePlan:
    graph = ReferenceGraph.of(datamap)
    root = datamap.dataset(rule.dataset)
    if rule.action == "anonymise":
        return RulePlan(rule, root, (Step(root.id, "anonymise", ()),))
    kept = set(rule.keep)
    included = {root.id}
    steps = [Step(root.id, "delete", ())]
    for dataset_id in graph.parents_first():
        if dataset_id in included:
            continue
        edges = tuple(
            e
            for e in graph.parents_of(dataset_id)
            if e.parent in included and _step_action(steps, e.parent) == "delete"
        )
        if not edges:
            continue
        included.add(dataset_id)
        steps.append(Step(dataset_id, "anonymise" if dataset_id in kept else "delete", edges))
    return RulePlan(rule, root, tuple(steps))


def _step_action(steps: list[Step], dataset: str) -> str:
    return next(s.action for s in steps if s.dataset == dataset)
