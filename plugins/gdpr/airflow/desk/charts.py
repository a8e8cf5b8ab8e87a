"""Inline SVG charts for the desk, rendered on the server: no JavaScript, no chart library.

Each function returns markup safe to embed (every label is escaped here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from markupsafe import Markup

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 16, 40
PALETTE = ("#1f6feb", "#d97706", "#16a34a", "#dc2626", "#7c3aed", "#0891b2", "#be185d", "#4d7c0f")


def _scale(top: float) -> float:
    """A round upper bound for the y axis."""
    if top <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top <= step * 4:
            return step * 4 if step * 4 >= top else top
    return top * 1.1


def _frame(title: str, labels: Sequence[str], top: float, unit: str) -> list[str]:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
    ]
    for i in range(5):
        value = top * i / 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#e5e7eb"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="10" '
            f'fill="#6b7280">{value:g}{escape(unit)}</text>'
        )
    step = plot_w / max(len(labels), 1)
    for i, label in enumerate(labels):
        x = LEFT + step * (i + 0.5)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle" font-size="10" '
            f'fill="#374151">{escape(label[2:] if len(label) == 7 else label)}</text>'
        )
    return parts


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], unit: str = "") -> Markup:
    top = _scale(max(values, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = _frame(title, labels, top, unit)
    step = plot_w / max(len(labels), 1)
    for i, value in enumerate(values):
        h = plot_h * value / top
        x = LEFT + step * i + step * 0.15
        parts.append(
            f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{step * 0.7:.1f}" '
            f'height="{h:.1f}" fill="{PALETTE[0]}"><title>{escape(labels[i])}: {value:g}'
            "</title></rect>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def days_to_answer_chart(
    title: str, labels: Sequence[str], answered: Sequence[Mapping[str, Any]]
) -> Markup:
    """One dot per answered request (days from receipt to answer), by month answered, with each
    request's legal limit drawn as a dash: dots above their dash were late."""
    top = _scale(max([a["days"] for a in answered] + [a["limit"] for a in answered] + [31]))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = _frame(title, labels, top, " d")
    step = plot_w / max(len(labels), 1)
    index = {label: i for i, label in enumerate(labels)}
    seen: dict[str, int] = {}
    for item in answered:
        i = index.get(item["month"])
        if i is None:
            continue
        n = seen[item["month"]] = seen.get(item["month"], 0) + 1
        x = LEFT + step * i + step * (0.2 + 0.6 * ((n * 0.37) % 1))
        y = TOP + plot_h - plot_h * item["days"] / top
        y_limit = TOP + plot_h - plot_h * item["limit"] / top
        late = item["days"] > item["limit"]
        parts.append(
            f'<line x1="{x - 5:.1f}" y1="{y_limit:.1f}" x2="{x + 5:.1f}" y2="{y_limit:.1f}" '
            'stroke="#dc2626" stroke-width="2"/>'
        )
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{"#dc2626" if late else PALETTE[2]}">'
            f"<title>{escape(item['request_id'])}: {item['days']:.1f} days "
            f"(limit {item['limit']:.0f})</title></circle>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(
    title: str, labels: Sequence[str], series: Mapping[str, Mapping[str, int]]
) -> Markup:
    """One line per series (a retention rule, a data category), with its legend below."""
    top = _scale(max((v for s in series.values() for v in s.values()), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = _frame(title, labels, top, "")
    step = plot_w / max(len(labels), 1)
    for n, (name, values) in enumerate(series.items()):
        colour = PALETTE[n % len(PALETTE)]
        points = [
            (LEFT + step * (i + 0.5), TOP + plot_h - plot_h * values.get(label, 0) / top)
            for i, label in enumerate(labels)
        ]
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="'
            + " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            + '"/>'
        )
        for (x, y), label in zip(points, labels, strict=True):
            if values.get(label):
                parts.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"><title>'
                    f"{escape(name)} {escape(label)}: {values[label]}</title></circle>"
                )
    parts.append("</svg>")
    legend = "".join(
        f'<span class="legend"><i style="background:{PALETTE[n % len(PALETTE)]}"></i>'
        f"{escape(name)}</span>"
        for n, name in enumerate(series)
    )
    return Markup("".join(parts) + f'<div class="legends">{legend}</div>')
