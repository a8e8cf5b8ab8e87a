# Environment of the embedded default (make run / make demo): Airflow standalone with SQLite
# metadata, the demo CRM, helpdesk and ledger as SQLite files, S3 served by a local moto server.
# Source it: `. scripts/embedded-env.sh`. Everything lives under var/ (git-ignored).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
VAR="$ROOT/var"
export GDPR_S3_PORT="${GDPR_S3_PORT:-5055}"
export AIRFLOW_HOME="$VAR/airflow"
export AIRFLOW__CORE__DAGS_FOLDER="$ROOT/dags"
export AIRFLOW__CORE__PLUGINS_FOLDER="$ROOT/plugins"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="admin:admin"
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE="$VAR/airflow/passwords.json"
export AIRFLOW__API__PORT="${AIRFLOW__API__PORT:-8080}"
export GDPR_DATAMAP="$ROOT/include/datamap.yaml"
export AWS_ACCESS_KEY_ID=embedded AWS_SECRET_ACCESS_KEY=embedded AWS_DEFAULT_REGION=eu-west-3
S3_CONN="{\"conn_type\": \"aws\", \"login\": \"embedded\", \"password\": \"embedded\", \"extra\": {\"endpoint_url\": \"http://127.0.0.1:$GDPR_S3_PORT\", \"region_name\": \"eu-west-3\"}}"
export AIRFLOW_CONN_GDPR_S3="$S3_CONN"
export AIRFLOW_CONN_GDPR_CRM="{\"conn_type\": \"sqlite\", \"host\": \"$VAR/demo/crm.sqlite\"}"
export AIRFLOW_CONN_GDPR_HELPDESK="{\"conn_type\": \"sqlite\", \"host\": \"$VAR/demo/helpdesk.sqlite\"}"
export AIRFLOW_CONN_GDPR_LEDGER="{\"conn_type\": \"sqlite\", \"host\": \"$VAR/ledger.sqlite\"}"
export PATH="$ROOT/.venv/bin:$PATH"
export AIRFLOW__API__HOST="${AIRFLOW__API__HOST:-127.0.0.1}"
# DEMO ONLY, NOT A SECRET: the HMAC key of the erasure suppression list (Art. 21(3)), so the
# embedded default's erasures can add their suppression entry. Production sets its own long
# random secret (docs/deploy.md, "Suppression key"); never reuse this value.
export AIRFLOW_VAR_GDPR_SUPPRESSION_KEY="${AIRFLOW_VAR_GDPR_SUPPRESSION_KEY:-embedded-demo-only-suppression-key-not-a-secret}"
