#!/bin/bash
# Creates the product's ledger database beside Airflow's metadata database, with two roles: its
# owner (migrations, `gdpr ledger grant`) and the application role the workers connect as, which
# gets its rights on the tables from `gdpr ledger grant` (airflow-init, after each migration).
# Run by the postgres image on the FIRST start of an empty data volume only (it runs every file
# in /docker-entrypoint-initdb.d); for an existing volume, see docs/deploy.md.
set -eo pipefail
: "${GDPR_LEDGER_DB:?set GDPR_LEDGER_DB on the postgres service}"
: "${GDPR_LEDGER_USER:?set GDPR_LEDGER_USER on the postgres service}"
: "${GDPR_LEDGER_PASSWORD:?set GDPR_LEDGER_PASSWORD on the postgres service}"
: "${GDPR_LEDGER_APP_USER:?set GDPR_LEDGER_APP_USER on the postgres service}"
: "${GDPR_LEDGER_APP_PASSWORD:?set GDPR_LEDGER_APP_PASSWORD on the postgres service}"

# psql variables (:"ident", :'literal') quote the names and the password safely.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v ledger_db="$GDPR_LEDGER_DB" -v ledger_user="$GDPR_LEDGER_USER" \
    -v ledger_password="$GDPR_LEDGER_PASSWORD" \
    -v app_user="$GDPR_LEDGER_APP_USER" -v app_password="$GDPR_LEDGER_APP_PASSWORD" <<'SQL'
CREATE ROLE :"ledger_user" LOGIN PASSWORD :'ledger_password';
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"ledger_db" OWNER :"ledger_user";
REVOKE ALL ON DATABASE :"ledger_db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"ledger_db" TO :"app_user";
SQL
