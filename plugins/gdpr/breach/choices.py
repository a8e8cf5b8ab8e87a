"""Choices for the breach declaration form, read from the data map's YAML at DAG parse time.

Parsing must stay cheap and must not fail the DAG file: no validation, no database, no network,
only the YAML. A map that cannot be read gives no choices; the run then validates properly.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

_DEFAULT = Path(__file__).resolve().parents[3] / "include" / "datamap.yaml"


def _document(path: str | Path | None) -> dict:
    try:
        text = Path(path or os.environ.get("GDPR_DATAMAP") or _DEFAULT).read_text(encoding="utf-8")
        document = yaml.safe_load(text)
    except (OSError, yaml.YAMLError):
        return {}
    return document if isinstance(document, dict) else {}


def dataset_choices(path: str | Path | None = None) -> list[str]:
    """Every dataset of the map as ``system.dataset``, in the map's order."""
    return [
        f"{system.get('name')}.{dataset.get('name')}"
        for system in _document(path).get("systems") or []
        if isinstance(system, dict)
        for dataset in system.get("datasets") or []
        if isinstance(dataset, dict)
    ]


def category_choices(path: str | Path | None = None) -> list[str]:
    """The data category keys the map uses (fields and objects), sorted."""
    found: set[str] = set()
    for system in _document(path).get("systems") or []:
        for dataset in (system or {}).get("datasets") or []:
            if not isinstance(dataset, dict):
                continue
            found.update(c for c in dataset.get("categories") or [] if isinstance(c, str))
            for spec in (dataset.get("fields") or {}).values():
                if isinstance(spec, dict):
                    found.update(c for c in spec.get("categories") or [] if isinstance(c, str))
    return sorted(found)
