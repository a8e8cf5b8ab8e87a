# Environment of the embedded default (make run / make demo): Airflow standalone with SQLite
# metadata, the demo CRM, helpdesk and ledger as SQLite files, S3 served by a local moto server.
# Source it: `. scripts/embedded-env.sh`. Everything lives under var/ (git-ignored).
# ORG picks the organisation (examples/<org>/, default retailer, the demo): its data map
# (GDPR_DATAMAP), its seeder, and the connections of its map's conn_ids; another organisation's
# databases are SQLite files under var/<org>/, its ledger var/<org>/ledger.sqlite.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
VAR="$ROOT/var"
export ORG="${ORG:-retailer}"
export GDPR_S3_PORT="${GDPR_S3_PORT:-5055}"
# the local Request Tracker 5 of an organisation whose ticketing system is RT (ORG=agency)
export GDPR_RT_PORT="${GDPR_RT_PORT:-5057}"
export AIRFLOW_HOME="$VAR/airflow"
# Airflow's Fernet key: encrypts connections and Variables in its database and the package
# passphrases kept in the ledger (never in clear). Made once for this var/ and kept there.
if [ -z "${AIRFLOW__CORE__FERNET_KEY:-}" ]; then
  mkdir -p "$VAR"
  [ -s "$VAR/fernet.key" ] || (umask 077 && "$ROOT/.venv/bin/python" -c \
    'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' >"$VAR/fernet.key")
  AIRFLOW__CORE__FERNET_KEY="$(cat "$VAR/fernet.key")"
  export AIRFLOW__CORE__FERNET_KEY
fi
export AIRFLOW__CORE__DAGS_FOLDER="$ROOT/dags"
export AIRFLOW__CORE__PLUGINS_FOLDER="$ROOT/plugins"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
# The DAGs run as soon as Airflow sees them: the scheduled ones (retention, checks, intake, the
# deadline watch) are the point of the product, and a paused DAG silently does nothing.
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION=False
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="admin:admin,dpo:admin"
# Four eyes (on by default, GDPR_FOUR_EYES): an erasure or breach submission is approved by one
# of these users other than the one who asked.
export GDPR_APPROVERS="${GDPR_APPROVERS:-dpo,admin}"
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE="$VAR/airflow/passwords.json"
export AIRFLOW__API__PORT="${AIRFLOW__API__PORT:-8080}"
export GDPR_DATAMAP="$ROOT/include/datamap.yaml"
export AWS_ACCESS_KEY_ID=embedded AWS_SECRET_ACCESS_KEY=embedded AWS_DEFAULT_REGION=eu-west-3
S3_CONN="{\"conn_type\": \"aws\", \"login\": \"embedded\", \"password\": \"embedded\", \"extra\": {\"endpoint_url\": \"http://127.0.0.1:$GDPR_S3_PORT\", \"region_name\": \"eu-west-3\"}}"
export AIRFLOW_CONN_GDPR_S3="$S3_CONN"
export AIRFLOW_CONN_GDPR_CRM="{\"conn_type\": \"sqlite\", \"host\": \"$VAR/demo/crm.sqlite\"}"
export AIRFLOW_CONN_GDPR_HELPDESK="{\"conn_type\": \"sqlite\", \"host\": \"$VAR/demo/helpdesk.sqlite\"}"
export AIRFLOW_CONN_GDPR_LEDGER="{\"conn_type\": \"sqlite\", \"host\": \"$VAR/ledger.sqlite\"}"
# Mail (DPO alerts, Art. 19 notices, acknowledgements) goes to a local SMTP sink that prints
# every message to var/smtp.log; production points smtp_default at the organisation's relay.
export GDPR_SMTP_PORT="${GDPR_SMTP_PORT:-8025}"
export AIRFLOW_CONN_SMTP_DEFAULT="{\"conn_type\": \"smtp\", \"host\": \"127.0.0.1\", \"port\": $GDPR_SMTP_PORT, \"extra\": {\"disable_ssl\": true, \"disable_tls\": true, \"from_email\": \"gdpr@localhost\"}}"
export PATH="$ROOT/.venv/bin:$PATH"
export AIRFLOW__API__HOST="${AIRFLOW__API__HOST:-127.0.0.1}"
# Task processes reach the api-server's Execution API on the same host and port (Airflow's
# default is localhost:8080, wrong as soon as AIRFLOW__API__PORT is changed).
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL="${AIRFLOW__CORE__EXECUTION_API_SERVER_URL:-http://$AIRFLOW__API__HOST:$AIRFLOW__API__PORT/execution/}"
# DEMO ONLY, NOT A SECRET: the HMAC key of the erasure suppression list (Art. 21(3)), so the
# embedded default's erasures can add their suppression entry. Production sets its own long
# random secret (docs/deploy.md, "Suppression key"); never reuse this value.
export AIRFLOW_VAR_GDPR_SUPPRESSION_KEY="${AIRFLOW_VAR_GDPR_SUPPRESSION_KEY:-embedded-demo-only-suppression-key-not-a-secret}"
if [ "$ORG" != retailer ]; then
  # The organisation's map and one connection per conn_id it names (examples/env.py).
  _org_env="$(cd "$ROOT" && "$ROOT/.venv/bin/python" -m examples.env "$ORG" "$VAR")" \
    || { echo "unknown organisation ORG=$ORG (see examples/README.md)" >&2; return 1 2>/dev/null || exit 1; }
  eval "$_org_env"
  unset _org_env
  export AIRFLOW_CONN_GDPR_LEDGER="{\"conn_type\": \"sqlite\", \"host\": \"$VAR/$ORG/ledger.sqlite\"}"
fi
