"""GDPR operations on Apache Airflow, driven by a data map."""
