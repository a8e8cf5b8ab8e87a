"""The fields a subject may have corrected (Art. 16), grouped by data category.

One choice per category (a last name, a postal code...) covers every rectifiable field of that
category in every dataset, so one correction reaches every system holding it. Read from the
data map alone: the rectification form is built from it when the DAG is parsed.
"""

from __future__ import annotations

from dataclasses import dataclass

from gdpr.datamap.models import DataMap


@dataclass(frozen=True)
class Target:
    dataset: str
    field: str


def rectifiable(datamap: DataMap) -> dict[str, list[Target]]:
    """Category key -> the (dataset, field) pairs holding it that may be rectified."""
    choices: dict[str, list[Target]] = {}
    for ref in datamap.iter_datasets():
        # any system's declared fields: the validator refuses `rectifiable` where the system
        # cannot write the field (a key or link anywhere; a field RT's API cannot change)
        for name, spec in ref.dataset.fields.items():
            if spec.rectifiable:
                for category in spec.categories:
                    choices.setdefault(category, []).append(Target(ref.id, name))
    return dict(sorted(choices.items()))


def choice_labels(datamap: DataMap) -> dict[str, str]:
    """How the form shows each choice: the category and where it is held."""
    return {
        category: f"{category}: {', '.join(f'{t.dataset}.{t.field}' for t in targets)}"
        for category, targets in rectifiable(datamap).items()
    }
