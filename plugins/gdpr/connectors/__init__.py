"""Connectors: one module per system kind, behind the protocol in ``base``."""

from gdpr.connectors.base import (
    ByIdentities,
    ByIdentity,
    ByReference,
    Connector,
    LiveDataset,
    SystemUnreachableError,
)
from gdpr.connectors.s3 import Bucket, ObjectVersion, S3Connector
from gdpr.connectors.sql import SqlConnector

__all__ = [
    "Bucket",
    "ByIdentities",
    "ByIdentity",
    "ByReference",
    "Connector",
    "LiveDataset",
    "ObjectVersion",
    "S3Connector",
    "SqlConnector",
    "SystemUnreachableError",
]
