#!/bin/bash
# Creates the product's ledger database and its own role beside Airflow's metadata database.
# Run by the postgres image on the FIRST start of an empty data volume only (it runs every file
# in /docker-entrypoint-initdb.d); for an existing volume, see docs/deploy.md.
set -eo pipefail
: "${GDPR_LEDGER_DB:?set GDPR_LEDGER_DB on the postgres service}"
: "${GDPR_LEDGER_USER:?set GDPR_LEDGER_USER on the postgres service}"
: "${GDPR_LEDGER_PASSWORD:?set GDPR_LEDGER_PASSWORD on the postgres service}"

# psql variables (:"ident", :'literal') quote the names and the password safely.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v ledger_db="$GDPR_LEDGER_DB" -v ledger_user="$GDPR_LEDGER_USER" \
    -v ledger_password="$GDPR_LEDGER_PASSWORD" <<'SQL'
CREATE ROLE :"ledger_user" LOGIN PASSWORD :'ledger_password';
CREATE DATABASE :"ledger_db" OWNER :"ledger_user";
REVOKE ALL ON DATABASE :"ledger_db" FROM PUBLIC;
SQL
