"""Connections: Airflow's JSON and URI forms map to the right SQLAlchemy URL and never leak a password."""

from __future__ import annotations

import pytest

from gdpr.connections import ConnectionNotFoundError, spec_from_env, sqlalchemy_url


@pytest.mark.parametrize(
    ("value", "url"),
    [
        (
            "postgresql://gdpr:s3cret@db.internal:5432/crm",
            "postgresql+psycopg2://gdpr:s3cret@db.internal:5432/crm",
        ),
        ("postgres://gdpr@db:5433/crm", "postgresql+psycopg2://gdpr@db:5433/crm"),
        (
            "mysql://root@127.0.0.1:3306/helpdesk",
            "mysql+pymysql://root@127.0.0.1:3306/helpdesk?charset=utf8mb4",
        ),
        (
            '{"conn_type": "mysql", "host": "h", "login": "u", "schema": "d"}',
            "mysql+pymysql://u@h/d?charset=utf8mb4",
        ),
        (
            '{"conn_type": "sqlite", "host": "/var/demo/crm.sqlite"}',
            "sqlite:////var/demo/crm.sqlite",
        ),
        ("sqlite:////var/demo/crm.sqlite", "sqlite:////var/demo/crm.sqlite"),
        ("postgresql://u:p%40ss@h/db", "postgresql+psycopg2://u:p%40ss@h/db"),
    ],
)
def test_airflow_connection_forms_map_to_sqlalchemy_urls(value, url):
    spec = spec_from_env("gdpr_crm", {"AIRFLOW_CONN_GDPR_CRM": value})
    assert sqlalchemy_url(spec).render_as_string(hide_password=False) == url


def test_missing_connection_names_the_variable_to_set():
    with pytest.raises(ConnectionNotFoundError, match="AIRFLOW_CONN_GDPR_CRM"):
        spec_from_env("gdpr_crm", {})


def test_a_connection_of_the_wrong_type_is_refused_clearly():
    spec = spec_from_env(
        "gdpr_crm", {"AIRFLOW_CONN_GDPR_CRM": '{"conn_type": "http", "host": "x"}'}
    )
    with pytest.raises(
        ValueError, match="type 'http'; a sql system needs one of mysql, postgres, sqlite"
    ):
        sqlalchemy_url(spec)


def test_repr_never_shows_the_password():
    spec = spec_from_env("gdpr_crm", {"AIRFLOW_CONN_GDPR_CRM": "postgresql://u:topsecret@h/db"})
    assert "topsecret" not in repr(spec)
