"""The data map: load, validate and navigate the organisation's declaration of its personal data."""

from gdpr.datamap.errors import DataMapError, Problem
from gdpr.datamap.graph import ReferenceGraph
from gdpr.datamap.loader import default_path, load_datamap, parse_datamap, read_sql
from gdpr.datamap.models import DataMap, Dataset, DatasetRef, RetentionRule, System
from gdpr.datamap.templates import KeyTemplate

__all__ = [
    "DataMap",
    "DataMapError",
    "Dataset",
    "DatasetRef",
    "KeyTemplate",
    "Problem",
    "ReferenceGraph",
    "RetentionRule",
    "System",
    "default_path",
    "load_datamap",
    "parse_datamap",
    "read_sql",
]
