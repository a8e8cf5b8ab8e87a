"""Pick-list choices of the trigger forms (breach, retention, minimisation), read from the data
map's YAML at DAG parse time.

Parsing must stay cheap and must not fail the DAG file: no validation, no database, no network,
only the local YAML, parsed once per version of the file (cached on its modification time). A
map that cannot be read gives no choices; the run then validates properly. Airflow's trigger
form renders ``Param(type="array", examples=choices)`` as a multi-select pick list.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import yaml

_DEFAULT = Path(__file__).resolve().parents[3] / "include" / "datamap.yaml"


def _document(path: str | Path | None) -> dict:
    target = Path(path or os.environ.get("GDPR_DATAMAP") or _DEFAULT)
    try:
        stat = target.stat()
    except OSError:
        return {}
    return _parsed(str(target), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _parsed(path: str, mtime_ns: int, size: int) -> dict:
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
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


def rule_choices(path: str | Path | None = None) -> list[str]:
    """The ids of the map's retention rules, in the map's order."""
    return [
        str(rule["id"])
        for rule in _document(path).get("retention") or []
        if isinstance(rule, dict) and rule.get("id")
    ]


def checked_dataset_choices(path: str | Path | None = None) -> list[str]:
    """The datasets the minimisation checks cover: every dataset of an sql system, and the s3
    datasets of text objects (``text_objects``) or declared kinds of files (``documents``), as
    ``system.dataset``."""
    return [
        f"{system.get('name')}.{dataset.get('name')}"
        for system in _document(path).get("systems") or []
        if isinstance(system, dict)
        for dataset in system.get("datasets") or []
        if isinstance(dataset, dict)
        and (
            system.get("kind") == "sql"
            or dataset.get("text_objects") is not None
            or dataset.get("documents") is not None
        )
    ]
