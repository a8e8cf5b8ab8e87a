"""Policy over the whole DagBag, in the manner of mozilla/telemetry-airflow.

These are the rules a deployer relies on without reading every DAG: everything imports,
one DAG per file named after it, owners, retries, tags and docs everywhere, no catch-up
storms, no heavy imports or Airflow 2 idioms at parse time, and no demo names in the code.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DAG_FILES = sorted((ROOT / "dags").glob("*.py"))
EXPECTED_DAGS = {"gdpr_processing_register"}


@pytest.fixture(scope="module")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(ROOT / "dags"))


def test_every_dag_file_imports_without_error(dagbag):
    assert dagbag.import_errors == {}


def test_contract_dag_ids_are_present(dagbag):
    assert set(dagbag.dag_ids) >= EXPECTED_DAGS


@pytest.mark.parametrize("path", DAG_FILES, ids=[p.stem for p in DAG_FILES])
def test_one_dag_per_file_named_after_it(dagbag, path):
    dag_ids = [d.dag_id for d in dagbag.dags.values() if Path(d.fileloc).name == path.name]
    assert dag_ids == [path.stem]


def test_dags_have_owner_retries_tags_docs_and_no_catchup(dagbag):
    for dag in dagbag.dags.values():
        assert "gdpr" in dag.tags, dag.dag_id
        assert len((dag.doc_md or "").strip()) > 100, f"{dag.dag_id} needs a doc for the UI"
        assert dag.catchup is False, dag.dag_id
        for task in dag.tasks:
            assert task.owner not in ("", "airflow"), f"{dag.dag_id}.{task.task_id} has no owner"
            assert task.retries >= 1, f"{dag.dag_id}.{task.task_id} has no retries"


@pytest.mark.parametrize("path", DAG_FILES, ids=[p.stem for p in DAG_FILES])
def test_parsing_imports_nothing_heavy(path):
    heavy = [
        "boto3",
        "great_expectations",
        "faker",
        "moto",
        "pandas",
        "gdpr.connectors",
        "gdpr.ledger",
    ]
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('d', {str(path)!r})\n"
        "spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        f"print([m for m in {heavy!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", (
        f"{path.name} imports at parse time: {out.stdout}"
    )


FORBIDDEN = {
    r"from airflow\.decorators|import airflow\.decorators": "use airflow.sdk",
    r"airflow\.models": "use airflow.sdk",
    r"schedule_interval": "use schedule=",
    r"execution_date": "use logical_date / run_after",
    r"\bsla=": "SLAs were removed in Airflow 3; legal clocks come from the ledger",
    r"get_validator|\bValidator\(": "GX 0.x API; use GX 1.x validation definitions",
}


def test_no_airflow2_or_gx0_idioms_in_code():
    offenders = []
    # The detectors' vocabulary is words people write in notes ("support", "orders",
    # "helpdesk@"), not names of tables or columns: it is not searched.
    vocabulary = {
        ROOT / "plugins/gdpr/quality/lexicon.py",
        ROOT / "plugins/gdpr/quality/detectors.py",
    }
    for path in [*DAG_FILES, *(ROOT / "plugins").rglob("*.py")]:
        if path in vocabulary:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern, advice in FORBIDDEN.items():
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(ROOT)}: {pattern} ({advice})")
    assert not offenders, "\n".join(offenders)


def test_no_demo_table_column_or_bucket_name_outside_demo_code():
    """The product runs on other organisations' maps: a demo name in the code is a defect."""
    names: set[str] = set()

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in {
            "name",
            "table",
            "bucket",
            "dataset",
            "prefix",
            "key",
            "key_template",
        }:
            names.update(re.findall(r"[a-z][a-z0-9_-]{4,}", node))

    walk(yaml.safe_load((ROOT / "include" / "datamap.yaml").read_text(encoding="utf-8")))
    generic = {
        "email",
        "phone",
        "delete",
        "anonymise",
        "anonymize",
        "contract",
        "consent",
        "string",
        "integer",
        "customer",
        "customers",
        "legal_obligation",
        "legitimate_interest",
        "null",
        "hash",
        "redact",
        "access",
        "erasure",
        "portability",
        "default",
        "active",
        "closed",
    }
    names -= generic
    hits = []
    # The detectors' vocabulary is words people write in notes ("support", "orders",
    # "helpdesk@"), not names of tables or columns: it is not searched. Nor is the rt
    # connector: Request Tracker's REST 2 names its resources "tickets", "attachments". Nor
    # are the French rules' presets, which say what the law keeps ("invoices", "recordings").
    vocabulary = {
        ROOT / "plugins/gdpr/quality/lexicon.py",
        ROOT / "plugins/gdpr/quality/detectors.py",
        ROOT / "plugins/gdpr/connectors/rt.py",
        ROOT / "plugins/gdpr/datamap/presets.py",
    }
    for path in [*DAG_FILES, *(ROOT / "plugins").rglob("*.py")]:
        if path in vocabulary:
            continue
        text = path.read_text(encoding="utf-8")
        hits += [
            f"{path.relative_to(ROOT)}: {n}"
            for n in sorted(names)
            if re.search(rf"(?<![\w.]){re.escape(n)}(?![\w])", text)
        ]
    assert not hits, "demo names in product code:\n" + "\n".join(hits)


def test_airflow_loads_plugins_without_importing_the_library_as_plugin_files():
    """Airflow imports every .py under plugins/ unless .airflowignore says otherwise; importing the
    library that way runs module code twice (the ledger's Alembic env.py, for one)."""
    out = subprocess.run(
        [sys.executable, "-m", "airflow", "plugins", "-o", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Failed to import plugin" not in out.stdout + out.stderr
