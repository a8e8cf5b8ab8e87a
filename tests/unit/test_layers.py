"""The layers the product's guarantees rest on, checked on the source.

- Capabilities talk to the connector protocol: no module outside plugins/gdpr/connectors/
  asks which connector class it holds (a fourth kind of system must plug in without them).
- Airflow tasks open the ledger through ``hooks.ledger_for``, the one place that gives it the
  identity key: a writer without it records requests whose snapshots carry no keyed hash, and
  a subject swapped after them goes unnoticed by ``gdpr ledger verify``.
"""

from __future__ import annotations

import ast
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[2] / "plugins" / "gdpr"
CONNECTOR_CLASSES = {"SqlConnector", "S3Connector", "RtConnector"}
# hooks builds the ledger; anchor only reads the chain head to publish it
LEDGER_BUILDERS = {"hooks.py", "anchor.py"}


def _modules(root: Path) -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(root.rglob("*.py"))]


def _names(node: ast.expr) -> set[str]:
    """The class names an ``isinstance`` second argument names."""
    items = node.elts if isinstance(node, ast.Tuple) else [node]
    return {i.id if isinstance(i, ast.Name) else getattr(i, "attr", "") for i in items}


def test_no_capability_asks_which_connector_class_it_holds():
    found = [
        f"{path.relative_to(PLUGINS)}:{node.lineno}"
        for path, tree in _modules(PLUGINS)
        if "connectors" not in path.relative_to(PLUGINS).parts
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") in ("isinstance", "issubclass")
        and len(node.args) == 2
        and _names(node.args[1]) & CONNECTOR_CLASSES
    ]
    assert not found, f"connector classes tested outside connectors/: {found}"


def test_airflow_tasks_open_the_ledger_with_the_identity_key():
    found = [
        f"airflow/{path.relative_to(PLUGINS / 'airflow')}:{node.lineno}"
        for path, tree in _modules(PLUGINS / "airflow")
        if path.name not in LEDGER_BUILDERS
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Ledger"
    ]
    assert not found, f"ledgers built without hooks.ledger_for: {found}"
