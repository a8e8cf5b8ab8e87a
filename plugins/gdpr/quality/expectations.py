"""Great Expectations (GX Core 1.x) expectations the built-in ones do not cover.

``ExpectColumnValuesToBeFreeOfSensitiveText`` runs the free-text detectors over a column: a
value fails when it holds any of the ``labels`` (Art. 9 special categories, identifiers). It
is a column map expectation backed by a registered metric, so GX counts, reports and indexes
the failing rows like any built-in one; it runs on pandas batches (the detectors are Python,
not SQL). Importing this module registers both with GX.
"""

from __future__ import annotations

from typing import ClassVar

import pandas as pd
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import ColumnMapExpectation
from great_expectations.expectations.metrics import (
    ColumnMapMetricProvider,
    column_condition_partial,
)

from gdpr.quality.detectors import LABELS, detect

SENSITIVE_TEXT_METRIC = "column_values.free_of_sensitive_text"


def clean_mask(values: pd.Series, labels: frozenset[str]) -> pd.Series:
    """True where a value holds none of ``labels``."""
    return values.map(lambda text: labels.isdisjoint(detect(text)), na_action="ignore").astype(bool)


class ColumnValuesFreeOfSensitiveText(ColumnMapMetricProvider):
    condition_metric_name = SENSITIVE_TEXT_METRIC
    condition_value_keys = ("labels",)

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column: pd.Series, labels: list[str], **kwargs) -> pd.Series:  # noqa: N805 - GX binds cls
        return clean_mask(column, frozenset(labels))


class ExpectColumnValuesToBeFreeOfSensitiveText(ColumnMapExpectation):
    """Expect free text to hold no Art. 9 special category and no identifier (card, IBAN, NIR,
    password): the CNIL's "automatic filter on comment fields"."""

    labels: list[str] = list(LABELS)  # noqa: RUF012 - a pydantic field, copied per instance

    map_metric = SENSITIVE_TEXT_METRIC
    success_keys: ClassVar[tuple[str, ...]] = ("labels", "mostly")
    library_metadata: ClassVar[dict] = {"tags": ["gdpr", "art9", "minimisation"]}
