#!/usr/bin/env bash
# The embedded default: `up` prepares everything, `run` starts Airflow standalone on top,
# `demo` runs the headless scenario and exits non-zero on the first failing step.
set -euo pipefail
. "$(dirname "$0")/embedded-env.sh"
mkdir -p "$VAR/demo" "$AIRFLOW_HOME"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# The message part of Airflow's structured log lines that match a pattern, indented.
messages() { grep -E "$1" "$2" | sed -E 's/^[^]]*\] +//; s/ +\[[a-zA-Z_.]+\] +loc=.*$//; s/^/    /' || true; }

s3_up() {
  if curl -sf "http://127.0.0.1:$GDPR_S3_PORT/moto-api/data.json" >/dev/null 2>&1; then return; fi
  step "starting the local S3 server (moto) on 127.0.0.1:$GDPR_S3_PORT"
  nohup moto_server -H 127.0.0.1 -p "$GDPR_S3_PORT" >"$VAR/moto.log" 2>&1 &
  echo $! >"$VAR/moto.pid"
  for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$GDPR_S3_PORT/moto-api/data.json" >/dev/null 2>&1 && return
    sleep 0.2
  done
  echo "moto server did not start; see $VAR/moto.log" >&2; exit 1
}

up() {
  s3_up
  step "validating the data map"
  gdpr datamap validate
  step "preparing the Airflow metadata database and the ledger"
  airflow db migrate >"$VAR/airflow-db.log" 2>&1 || { cat "$VAR/airflow-db.log" >&2; exit 1; }
  gdpr ledger upgrade
  step "seeding the demo organisation (${GDPR_DEMO_CUSTOMERS:-1000} customers)"
  gdpr demo seed --customers "${GDPR_DEMO_CUSTOMERS:-1000}"
}

password() {
  if [ ! -s "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE" ]; then
    python3 -c 'import json,secrets,sys; json.dump({"admin": secrets.token_urlsafe(12)}, open(sys.argv[1], "w"))' \
      "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"
  fi
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["admin"])' "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"
}

run() {
  up
  local pw; pw=$(password)
  step "starting Airflow standalone"
  cat <<TXT

  Airflow UI : http://127.0.0.1:$AIRFLOW__API__PORT
  login      : admin
  password   : $pw
  (Ctrl-C stops Airflow; the S3 server keeps running until 'make stop')

TXT
  exec airflow standalone
}

demo() {
  up
  step "Art. 30 register: checking the map against the systems"
  airflow dags test gdpr_processing_register >"$VAR/demo-register.log" 2>&1 \
    || { tail -50 "$VAR/demo-register.log" >&2; echo "register DAG failed (log: $VAR/demo-register.log)" >&2; exit 1; }
  messages "datasets, [0-9]+ missing|processing activities written" "$VAR/demo-register.log"
  step "retention: preview (dry run), then the purge"
  for mode in preview purge; do
    conf='{}'; [ "$mode" = preview ] && conf='{"dry_run": true}'
    airflow dags test gdpr_retention_purge --conf "$conf" >"$VAR/demo-retention-$mode.log" 2>&1 \
      || { tail -50 "$VAR/demo-retention-$mode.log" >&2; echo "retention $mode failed (log: $VAR/demo-retention-$mode.log)" >&2; exit 1; }
    echo "  $mode:"
    messages "rule [a-z0-9-]+: [0-9]+ expired records|rule [a-z0-9-]+: batch [0-9]+/|(preview|purge): [0-9]+ rules" "$VAR/demo-retention-$mode.log"
  done
  step "verifying the evidence chain"
  gdpr ledger verify
  step "demo finished: every step passed"
}

stop() {
  if [ -f "$VAR/moto.pid" ]; then kill "$(cat "$VAR/moto.pid")" 2>/dev/null || true; rm -f "$VAR/moto.pid"; fi
}

"${1:-run}"
