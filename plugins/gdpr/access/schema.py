"""``schema.json``: what each file of a package holds, so the subject (or the next controller,
Art. 20) can read the data without guessing: per file its dataset, format, record count and
columns with their data categories; per folder of objects their categories; and the fields
left out, with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gdpr.access.export import DatasetExport
from gdpr.access.portability import Withheld
from gdpr.datamap import categories
from gdpr.datamap.models import DataMap

WITHHELD_REASONS = {
    "about_others": "about other people (Art. 15(4), Art. 20(4))",
    "not_provided": "not provided by the subject (outside Art. 20)",
    "legal_basis": "processed neither by consent nor by contract (outside Art. 20)",
    "other_party": "another party's part of a record shared with them (Art. 15(4), Art. 20(4))",
}


def build_schema(
    datamap: DataMap, kind: str, exports: Sequence[DatasetExport], withheld: Sequence[Withheld]
) -> dict[str, Any]:
    files: list[dict[str, Any]] = []
    for export in exports:
        ref = datamap.dataset(export.dataset)
        if export.kind == "objects":
            files.append(
                {
                    "path": f"objects/{ref.system.name}/{ref.dataset.name}/",
                    "dataset": export.dataset,
                    "format": "original files",
                    "count": export.count,
                    "files": len(export.files),
                    "versions": (
                        "the newest version of each object"
                        if datamap.delivery.latest_only
                        else "every version kept; an object with several has one file per "
                        "version, <name>.version-<n>.<last modified, UTC><suffix>, 1 the oldest"
                    ),
                    "categories": _labels(ref.dataset.categories),
                    "description": ref.dataset.description or ref.system.description,
                }
            )
            continue
        columns = [_column(name, ref.dataset.fields[name]) for name in export.columns]
        for path in export.files:
            files.append(
                {
                    "path": path,
                    "dataset": export.dataset,
                    "format": path.rsplit(".", 1)[-1],
                    "records": export.count,
                    "description": ref.dataset.description,
                    "columns": columns,
                }
            )
    return {
        "kind": kind,
        "encoding": "UTF-8; JSON files are arrays of objects, CSV files have a header row, "
        "empty cells are null; dates and times are ISO 8601",
        "files": files,
        "withheld": [
            {"dataset": w.dataset, "field": w.field, "reason": WITHHELD_REASONS[w.reason]}
            for w in withheld
        ],
    }


def _column(name: str, spec) -> dict[str, Any]:
    return {
        "name": name,
        "categories": _labels(spec.categories),
        "provided_by_subject": spec.provided,
        **({"description": spec.description} if spec.description else {}),
    }


def _labels(keys: Sequence[str]) -> list[dict[str, str]]:
    return [{"key": k, "label": categories.label(k)} for k in keys]
