"""The DPO desk: the Airflow UI plugin where the DPO registers requests, watches the clocks,
manages legal holds and reads the evidence (docs/desk.md)."""

from gdpr.airflow.desk.app import URL_PREFIX, DeskSettings, DeskUser, create_app

__all__ = ["URL_PREFIX", "DeskSettings", "DeskUser", "create_app"]
