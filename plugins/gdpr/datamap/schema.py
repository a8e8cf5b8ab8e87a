"""The data map's JSON Schema, published under docs/ so editors validate the YAML as it is typed."""

from __future__ import annotations

from typing import Any

from gdpr.datamap.models import DataMap

SCHEMA_ID = "https://gdpr-airflow.example/schemas/datamap.schema.json"


def json_schema() -> dict[str, Any]:
    schema = DataMap.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "GDPR data map",
        "description": "Systems, datasets, fields, purposes and retention rules of an organisation (docs/datamap.md)",
        **schema,
    }
