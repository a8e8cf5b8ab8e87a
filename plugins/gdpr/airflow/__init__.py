"""The only package, besides dags/, that imports Airflow: hooks, task bodies, defaults."""
