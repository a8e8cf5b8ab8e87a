"""Airflow plugin: the DPO desk (gdpr.airflow.desk), mounted under /gdpr-desk with a page in the
navigation. The app is built here but touches no database or network until a page is asked for."""

from __future__ import annotations

from airflow.plugins_manager import AirflowPlugin

from gdpr.airflow.desk import URL_PREFIX, create_app


class GdprDeskPlugin(AirflowPlugin):
    name = "gdpr_dpo_desk"
    fastapi_apps = [  # noqa: RUF012 - Airflow's plugin interface
        {"app": create_app(), "url_prefix": URL_PREFIX, "name": "DPO desk"}
    ]
    external_views = [  # noqa: RUF012
        {
            "name": "DPO desk",
            "href": f"{URL_PREFIX}/",
            "destination": "nav",
            "url_route": "dpo-desk",
            "category": "GDPR",
        }
    ]
