"""The trigger forms as the DPO opens them: no field for a personal value (identities and
corrected values are registered in the ledger; forms take request ids), pick lists from the
data map where a form takes datasets, categories or rules, and no error shown on opening."""

from __future__ import annotations

import pytest

from gdpr.breach.choices import (
    category_choices,
    checked_dataset_choices,
    dataset_choices,
    rule_choices,
)
from tests.conftest import ROOT

SUBJECT_DAGS = (
    "gdpr_subject_access",
    "gdpr_subject_erasure",
    "gdpr_subject_rectification",
    "gdpr_subject_restriction",
    "gdpr_subject_objection",
)
PERSONAL_FIELDS = {"subject_email", "email", "value", "identity", "subject", "new_value"}


@pytest.fixture(scope="module")
def dags(airflow_db):
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(ROOT / "dags"))
    assert bag.import_errors == {}
    return bag.dags


@pytest.mark.parametrize("dag_id", SUBJECT_DAGS)
def test_subject_forms_take_a_request_id_and_no_personal_value(dags, dag_id):
    params = dags[dag_id].params
    assert "request_id" in params
    assert not PERSONAL_FIELDS & set(params), "identities are registered in the ledger"
    described = params.get_param("request_id").description
    assert "gdpr request register" in described


def test_every_form_opens_without_an_error(dags):
    """Airflow's form marks a field required (and shows an error) when its type does not allow
    null and its value is null; every default must also be valid as it stands."""
    for dag in dags.values():
        for name in dag.params:
            param = dag.params.get_param(name)
            param.resolve()  # the default validates: no error when the form opens
            schema_type = param.schema.get("type")
            if param.value is None:
                assert "null" in (schema_type or []), f"{dag.dag_id}.{name} shouts 'required'"


def test_datasets_categories_and_rules_are_pick_lists_from_the_data_map(dags, datamap):
    """``type: array`` with ``examples`` is what Airflow 3.3's form renders as a multi-select."""
    expected = {
        ("gdpr_breach_response", "datasets"): dataset_choices(),
        ("gdpr_breach_response", "categories"): category_choices(),
        ("gdpr_retention_purge", "rules"): rule_choices(),
        ("gdpr_minimisation_checks", "datasets"): checked_dataset_choices(),
    }
    for (dag_id, name), choices in expected.items():
        schema = dags[dag_id].params.get_param(name).schema
        assert "array" in schema["type"]
        assert schema["examples"] == choices, (dag_id, name)
        assert choices, (dag_id, name)
    assert rule_choices() == [rule.id for rule in datamap.retention]
    assert set(checked_dataset_choices()) <= set(datamap.dataset_ids())


def test_choices_are_read_once_per_version_of_the_map(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text("retention: [{id: a}, {id: b}]\n", encoding="utf-8")
    assert rule_choices(path) == ["a", "b"]
    assert rule_choices(path) == ["a", "b"]
    path.write_text("retention: [{id: a}, {id: b}, {id: c-longer}]\n", encoding="utf-8")
    assert rule_choices(path) == ["a", "b", "c-longer"]
    assert rule_choices(tmp_path / "missing.yaml") == []
