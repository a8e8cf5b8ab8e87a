"""bench/results.json and the printed table: one section per benchmark, merged, never clobbered.

Each benchmark writes only its own section, so a run of one benchmark (``--only``) or a
benchmark added by a later feature keeps the figures of the others. A section is flat: the
figures, the baseline figures measured in the same run, the ratios between them, the budgets
and whether they hold, and a ``table`` entry saying which figure is shown beside which baseline.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

META = "meta"
LOADS = "load_average_1m"  # per figure: the machine's 1-minute load average when it was measured


def load_average_1m() -> float:
    """The machine's 1-minute load average now (other work skews absolute times)."""
    return round(os.getloadavg()[0], 2)


def note_load(values: dict[str, Any], *figures: str) -> None:
    """Record the load average now beside ``figures`` (call right after measuring them).

    The first note of a figure wins; ``finish_section`` notes the figures nobody noted with the
    load at the section's end, so every figure of the table has one.
    """
    loads = values.setdefault(LOADS, {})
    now = load_average_1m()
    for figure in figures:
        loads.setdefault(figure, now)


@dataclass(frozen=True)
class Budget:
    """An upper bound on one figure of a section: ``value < limit`` or ``value <= limit``."""

    op: Literal["<", "<="]
    limit: float

    def holds(self, value: float | None) -> bool:
        if value is None:
            return False  # a figure that could not be measured does not meet its budget
        return value < self.limit if self.op == "<" else value <= self.limit

    def as_json(self) -> dict[str, Any]:
        return {"op": self.op, "limit": self.limit}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Budget:
        return cls(data["op"], float(data["limit"]))

    def __str__(self) -> str:
        return f"{self.op} {self.limit:g}"


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure, its same-run baseline and their ratio (keys of a section)."""

    measured: str
    unit: str
    baseline: str | None = None
    ratio: str | None = None


def ratio(measured: float | None, baseline: float | None) -> float | None:
    """measured / baseline, or None when there is nothing meaningful to divide by."""
    if measured is None or baseline is None or baseline == 0:
        return None
    return measured / baseline


def finish_section(
    values: Mapping[str, Any],
    rows: Sequence[Row],
    budgets: Mapping[str, Budget] | None = None,
) -> dict[str, Any]:
    """A section from raw figures: ratios computed, budgets checked, the table layout recorded.

    Ratios are computed here, from the same figures that are written, so the file can never
    show a ratio that disagrees with its two operands.
    """
    section = dict(values)
    loads = dict(section.get(LOADS) or {})
    now = load_average_1m()
    for row in rows:
        if row.ratio and row.baseline:
            section[row.ratio] = ratio(section.get(row.measured), section.get(row.baseline))
        for figure in (row.measured, row.baseline):
            if figure:
                loads.setdefault(figure, now)
    section[LOADS] = loads
    budgets = budgets or {}
    unknown = sorted(set(budgets) - set(section))
    if unknown:
        raise KeyError(f"budgets on figures the section does not have: {unknown}")
    section["budget"] = {key: b.as_json() for key, b in budgets.items()}
    section["within_budget"] = {key: b.holds(section[key]) for key, b in budgets.items()}
    section["table"] = {
        row.measured: {"unit": row.unit, "baseline": row.baseline, "ratio": row.ratio}
        for row in rows
    }
    return section


def over_budget(section: Mapping[str, Any]) -> list[str]:
    """Figures of a section whose budget does not hold."""
    return sorted(k for k, ok in section.get("within_budget", {}).items() if not ok)


# -- the file --------------------------------------------------------------------------------


def load(path: Path) -> dict[str, Any]:
    """The current results, or an empty document (a missing or unreadable file starts afresh)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def merge(
    existing: Mapping[str, Any], sections: Mapping[str, Mapping[str, Any]], meta: Mapping[str, Any]
) -> dict[str, Any]:
    """The document with ``sections`` replaced and every other section kept as it was.

    ``meta`` describes the latest run; each new section also gets a copy of it under ``run``
    so a section kept from an older run still says when, at what scale and on which commit it
    was measured.
    """
    merged: dict[str, Any] = {k: v for k, v in existing.items() if k != META}
    for name, section in sections.items():
        if name == META:
            raise ValueError(f"{META!r} is reserved for the run's metadata")
        merged[name] = {**section, "run": dict(meta)}
    return {META: dict(meta), **dict(sorted(merged.items()))}


def write(path: Path, document: Mapping[str, Any]) -> None:
    """Write atomically (temporary file, then rename) so an interrupted run leaves the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".results-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(document, out, indent=2, sort_keys=False, default=str)
            out.write("\n")
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def record(path: Path, sections: Mapping[str, Mapping[str, Any]], meta: Mapping[str, Any]) -> dict:
    """Read, merge, write back; returns the merged document."""
    document = merge(load(path), sections, meta)
    write(path, document)
    return document


# -- the table -------------------------------------------------------------------------------

# "ratio is": the ratio's name and the two figures it divides (the baseline named in full)
HEADER = ("name", "measured", "baseline", "ratio", "budget", "ok", "load", "ratio is")


def fmt(value: Any, unit: str) -> str:
    """A figure with its unit, at a precision that suits its size."""
    if value is None:
        return "-"
    if not isinstance(value, int | float):
        return str(value)
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if isinstance(value, int) or unit in {"rows", "records", "objects"}:
        return f"{value:,.0f} {unit}".strip()
    if unit.endswith("/s"):
        return f"{value:,.0f} {unit}"
    return f"{value:.1f} {unit}".strip()


def table_rows(name: str, section: Mapping[str, Any]) -> list[tuple[str, ...]]:
    budgets = {k: Budget.from_json(v) for k, v in section.get("budget", {}).items()}
    flags = section.get("within_budget", {})
    lines = []
    for measured, layout in section.get("table", {}).items():
        unit, baseline_key, ratio_key = layout["unit"], layout["baseline"], layout["ratio"]
        budget_key = next((k for k in (measured, ratio_key) if k in budgets), None)
        budget = "-"
        if budget_key is not None and budget_key == ratio_key:
            budget = f"ratio {budgets[budget_key]}"
        elif budget_key is not None:
            budget = f"{budgets[budget_key]} {unit}"
        ok = "-" if budget_key is None else ("ok" if flags.get(budget_key) else "OVER")
        value_ratio = section.get(ratio_key) if ratio_key else None
        lines.append(
            (
                f"{name}.{measured}",
                fmt(section.get(measured), unit),
                fmt(section.get(baseline_key), unit) if baseline_key else "-",
                f"{value_ratio:.2f}x" if isinstance(value_ratio, int | float) else "-",
                budget,
                ok,
                _loads(section.get(LOADS) or {}, measured, baseline_key),
                _ratio_is(measured, baseline_key, ratio_key),
            )
        )
    return lines


def _ratio_is(measured: str, baseline: str | None, ratio_key: str | None) -> str:
    if not baseline:
        return "-"
    if not ratio_key:
        return f"beside {baseline}"
    return f"{ratio_key} = {measured} / {baseline}"


def _loads(loads: Mapping[str, Any], measured: str, baseline: str | None) -> str:
    """The load average beside a figure, and beside its baseline when that differs."""
    shown = [loads.get(measured)] + ([loads.get(baseline)] if baseline else [])
    texts = ["-" if v is None else f"{v:.1f}" for v in shown]
    return texts[0] if len(set(texts)) == 1 else "/".join(texts)


def render_table(document: Mapping[str, Any], names: Sequence[str]) -> str:
    rows = [HEADER] + [r for n in names if n in document for r in table_rows(n, document[n])]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)
