"""Deterministic demo data for Maison Lumière, with the planted cases features are tested on.

This package is the one place where the demo organisation's tables and buckets are named
(the product itself only knows them through the data map). It does not import Airflow.

    from gdpr.demo import seed_demo, PLANTED
    summary = seed_demo(crm_engine, helpdesk_engine, s3_client, buckets, customers=1000)
"""

from gdpr.demo.planted import (
    MIN_CUSTOMERS,
    PLANTED,
    PLANTED_REMARKS,
    PLANTED_SUBJECT_EMAIL,
    Planted,
    PlantedRemark,
    PlantedSubject,
)
from gdpr.demo.schema import (
    CRM,
    DATA_BUCKET_SYSTEMS,
    HELPDESK,
    KEY_TEMPLATES,
    SERVICE_BUCKET_SYSTEMS,
    TABLES,
)
from gdpr.demo.seed import SeedSummary, seed_demo

__all__ = [
    "CRM",
    "DATA_BUCKET_SYSTEMS",
    "HELPDESK",
    "KEY_TEMPLATES",
    "MIN_CUSTOMERS",
    "PLANTED",
    "PLANTED_REMARKS",
    "PLANTED_SUBJECT_EMAIL",
    "SERVICE_BUCKET_SYSTEMS",
    "TABLES",
    "Planted",
    "PlantedRemark",
    "PlantedSubject",
    "SeedSummary",
    "seed_demo",
]
