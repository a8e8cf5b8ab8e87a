"""Compare the data map with what the systems really hold.

A declared table, column or bucket that is missing means the map is wrong and every job built
on it would be too: that is a failure. A column, a table or a key prefix that exists but is
not declared is personal data nobody accounted for until proven otherwise: that is a finding
for the DPO. An anonymisation the map asks for that the schema refuses (emptying a NOT NULL
column) is a failure too: erasure and retention would refuse it when they run
(``anonymisation_conflicts``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from gdpr.connectors.base import Connector, LiveDataset
from gdpr.datamap.models import DataMap, System


@dataclass(frozen=True)
class Drift:
    system: str
    datasets: int
    missing: list[str] = field(default_factory=list)
    undeclared: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing

    def as_dict(self) -> dict:
        return {
            "system": self.system,
            "datasets": self.datasets,
            "missing": self.missing,
            "undeclared": self.undeclared,
        }


def compare(system: System, live: Mapping[str, LiveDataset], unlisted: Sequence[str] = ()) -> Drift:
    """``unlisted``: what the system holds that no dataset declares (``Connector.undeclared``:
    tables, key prefixes), reported as undeclared with the undeclared columns."""
    missing: list[str] = []
    undeclared: list[str] = [f"{system.name}: {item}" for item in unlisted]
    for dataset in system.datasets:
        name = f"{system.name}.{dataset.name}"
        seen = live.get(dataset.name)
        if seen is None or not seen.exists:
            where = (
                f"bucket {system.bucket}" if system.kind == "s3" else f"table {dataset.table_name}"
            )
            missing.append(f"{name}: {where} not found")
            continue
        if seen.columns is None:
            continue
        missing += [
            f"{name}.{c}: column not found in table {dataset.table_name}"
            for c in sorted(set(dataset.fields) - seen.columns)
        ]
        undeclared += [f"{name}.{c}" for c in sorted(seen.columns - set(dataset.fields))]
    return Drift(system.name, len(system.datasets), missing, undeclared)


def anonymisation_conflicts(datamap: DataMap, connectors: Mapping[str, Connector]) -> list[str]:
    """One sentence per NOT NULL column an anonymisation of the map would empty: erasure's (the
    datasets it keeps anonymised) and each retention rule's; what erasure previews and purges
    refuse when they run, found ahead of them."""
    # the capabilities' own rules, imported here: they build on the data map package
    from gdpr.erasure.plan import not_null_problems
    from gdpr.retention.plan import plan_rule
    from gdpr.retention.run import not_null_problems as rule_problems

    problems = [f"erasure: {p}" for p in not_null_problems(datamap, connectors)]
    for rule in datamap.retention:
        plan = plan_rule(datamap, rule)
        if all(datamap.dataset(d).system.name in connectors for d in plan.datasets):
            problems += [f"rule {rule.id}: {p}" for p in rule_problems(datamap, plan, connectors)]
    return problems
