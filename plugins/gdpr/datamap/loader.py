"""Load the data map from YAML into typed models, or say precisely what is wrong.

YAML is composed first so every problem can point at a line and column; then the models check
shapes and ``checks`` checks cross-references. All problems are reported at once: fixing a
map one error per run is nobody's idea of a good afternoon.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import yaml
from pydantic import ValidationError

from gdpr.datamap.checks import check_datamap
from gdpr.datamap.errors import DataMapError, Problem
from gdpr.datamap.errors import Path as DocPath
from gdpr.datamap.models import DataMap

ENV_VAR = "GDPR_DATAMAP"
PROJECT_ROOT = Path(__file__).resolve().parents[3]


def default_path() -> Path:
    """``$GDPR_DATAMAP``, else ``include/datamap.yaml`` of the project."""
    return Path(os.environ.get(ENV_VAR) or PROJECT_ROOT / "include" / "datamap.yaml")


def load_datamap(path: str | Path | None = None) -> DataMap:
    path = Path(path) if path else default_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataMapError(
            str(path), [Problem((), f"cannot read the data map: {exc.strerror}")]
        ) from exc
    return parse_datamap(text, source=str(path), sql_dir=path.parent / "sql")


def parse_datamap(text: str, *, source: str = "<datamap>", sql_dir: Path | None = None) -> DataMap:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = Problem((), f"not valid YAML: {getattr(exc, 'problem', exc)}")
        if mark is not None:
            problem = problem.located(mark.line + 1, mark.column + 1)
        raise DataMapError(source, [problem]) from exc
    if not isinstance(data, dict):
        raise DataMapError(
            source,
            [Problem((), "the data map must be a YAML mapping (organisation, systems, ...)")],
        )
    try:
        datamap = DataMap.model_validate(data)
    except ValidationError as exc:
        raise DataMapError(source, [_locate(root, p) for p in _pydantic_problems(exc)]) from exc
    problems = check_datamap(datamap, sql_dir)
    if problems:
        raise DataMapError(source, [_locate(root, p) for p in problems])
    datamap._source = source
    datamap._digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    datamap._sql_dir = str(sql_dir) if sql_dir else None
    return datamap


def read_sql(datamap: DataMap, name: str) -> str:
    if datamap.sql_dir is None:
        raise FileNotFoundError(f"the data map {datamap.source} has no SQL directory for {name!r}")
    return (Path(datamap.sql_dir) / name).read_text(encoding="utf-8")


def _pydantic_problems(exc: ValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and "[" in part))
        message = error["msg"]
        if error["type"] == "missing":
            message = f"missing required key {loc[-1]!r}{_described(loc)}"
            loc = loc[:-1]
        elif error["type"] == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}; see docs/datamap.md for the keys allowed here"
        elif error["type"] == "literal_error":
            message = f"{message} (got {error['input']!r})"
        elif error["type"] == "value_error":  # a model's own check: its sentence says it all
            message = message.removeprefix("Value error, ")
        elif error["type"] == "string_pattern_mismatch":
            message = f"{error['input']!r} is not allowed here: {message.lower()}"
        problems.append(Problem(loc, message))
    return problems


def _described(loc: DocPath) -> str:
    hints = {
        "conn_id": ": the Airflow connection id that holds this system's credentials",
        "period": ": an ISO 8601 duration such as P3Y",
        "citation": ": the legal source of the rule, cited in evidence",
    }
    return hints.get(str(loc[-1]), "")


def _locate(root: yaml.Node | None, problem: Problem) -> Problem:
    node = root
    for part in problem.path:
        child = _child(node, part)
        if child is None:
            break
        node = child
    if node is None:
        return problem
    return problem.located(node.start_mark.line + 1, node.start_mark.column + 1)


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None
