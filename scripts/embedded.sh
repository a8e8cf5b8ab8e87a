#!/usr/bin/env bash
# The embedded default: `up` prepares everything, `run` starts Airflow standalone on top,
# `demo` runs the headless scenario and exits non-zero on the first failing step.
set -euo pipefail
. "$(dirname "$0")/embedded-env.sh"
mkdir -p "$VAR/demo" "$VAR/$ORG" "$AIRFLOW_HOME"

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

# An organisation whose ticketing system is Request Tracker (GDPR_EMBEDDED_RT, examples/env.py):
# a fresh RT 5 on GDPR_RT_PORT (examples/rt_server.py), or one sentence and a stop without it.
rt_up() {
  step "starting Request Tracker 5 for $ORG on 127.0.0.1:$GDPR_RT_PORT"
  stop_group rt
  (cd "$ROOT" && python -m examples.rt_server start "$ORG" "$VAR") || exit 1
}

up() {
  if [ -n "${GDPR_EMBEDDED_RT:-}" ]; then rt_up; fi
  s3_up
  step "validating the data map"
  gdpr datamap validate
  step "preparing the Airflow metadata database and the ledger"
  airflow db migrate >"$VAR/airflow-db.log" 2>&1 || { cat "$VAR/airflow-db.log" >&2; exit 1; }
  gdpr ledger upgrade
  step "seeding the organisation $ORG (${GDPR_DEMO_CUSTOMERS:-1000} subjects)"
  (cd "$ROOT" && python -m examples.seed "$ORG" --subjects "${GDPR_DEMO_CUSTOMERS:-1000}")
}

# The two users of the embedded default, created once: admin (who asks for runs) and dpo (who
# approves them; four eyes: the one who asks cannot approve). Prints "user password" lines.
passwords() {
  python3 - "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE" <<'PY'
import json, os, secrets, sys
path = sys.argv[1]
known = json.load(open(path)) if os.path.exists(path) and os.path.getsize(path) else {}
for user in ("admin", "dpo"):
    known.setdefault(user, secrets.token_urlsafe(12))
json.dump(known, open(path, "w"))
for user in ("admin", "dpo"):
    print(f"{user:<6} password {known[user]}")
PY
}

run() {
  up
  local logins; logins=$(passwords)
  step "starting Airflow standalone"
  cat <<TXT

  Airflow UI : http://127.0.0.1:$AIRFLOW__API__PORT
  logins     : (admin asks for erasures and breach notifications; dpo approves them)
$(sed 's/^/    /' <<<"$logins")
  mail sent by the DAGs: $VAR/smtp.log
  (Ctrl-C or 'make stop' stops everything this command started)

TXT
  smtp_sink
  # Airflow in a process group of its own, so 'make stop' (from another terminal) ends it with
  # every scheduler, api-server, triggerer and worker process it spawned.
  setsid airflow standalone &
  local pid=$!
  echo "$pid" >"$VAR/airflow.pid"
  trap 'stop; exit 130' INT TERM
  wait "$pid" || true
  stop
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
  step "minimisation checks (Great Expectations), after the purge"
  smtp_sink
    airflow dags test gdpr_minimisation_checks >"$VAR/demo-minimisation.log" 2>&1 \
    || { tail -50 "$VAR/demo-minimisation.log" >&2; echo "minimisation checks failed (log: $VAR/demo-minimisation.log)" >&2; exit 1; }
  messages "datasets checked, [0-9]+ findings|findings [a-z_]+:[a-z0-9_-]+: [0-9]+" "$VAR/demo-minimisation.log"
  grep -q "X-Peer\|Subject: \[GDPR\] Minimisation" "$VAR/smtp.log" && echo "    DPO alert e-mail delivered (captured in $VAR/smtp.log)"
  demo_subject_requests
  demo_clocks
  step "verifying the evidence chain"
  gdpr ledger verify
  step "demo finished: every step passed"
}

# The planted subject's access and portability packages, then their erasure, approved by the
# scenario through Airflow's human-in-the-loop code (scripts/demo_approve.py answers the
# waiting approval as the REST API would). Logs print counts, never the subject's data.
demo_subject_requests() {
  local subject; subject=$(org_fact subject)
  step "subject access (Art. 15) and portability (Art. 20) packages for the planted subject"
  local request_id
  for kind in access portability; do
    # the identity goes to the ledger only; the run's configuration holds the request id
    request_id=$(gdpr request register --kind "$kind" --identity email "$subject" --channel demo) \
      || { echo "registering the $kind request failed" >&2; exit 1; }
    airflow dags test gdpr_subject_access \
      --conf "{\"request_id\": \"$request_id\", \"kind\": \"$kind\"}" \
      >"$VAR/demo-$kind.log" 2>&1 \
      || { tail -50 "$VAR/demo-$kind.log" >&2; echo "$kind request failed (log: $VAR/demo-$kind.log)" >&2; exit 1; }
    messages "request R-[0-9]+-[0-9]+: $kind package of [0-9]+ files" "$VAR/demo-$kind.log" | sed -E 's/ delivered to .*//'
    grep -qE "$kind package of [0-9]+ files" "$VAR/demo-$kind.log" \
      || { echo "no $kind package delivered (log: $VAR/demo-$kind.log)" >&2; exit 1; }
  done
  step "erasure (Art. 17) of the planted subject, approved through Airflow's human-in-the-loop"
  smtp_sink
  python "$ROOT/scripts/demo_approve.py" gdpr_subject_erasure approve Approve --timeout 600 \
    >"$VAR/demo-erasure-approval.log" 2>&1 &
  local approver=$!
  request_id=$(gdpr request register --kind erasure --identity email "$subject" --channel demo) \
    || { kill "$approver" 2>/dev/null || true; echo "registering the erasure request failed" >&2; exit 1; }
    airflow dags test gdpr_subject_erasure \
      --conf "{\"request_id\": \"$request_id\", \"ground\": \"a\", \"note\": \"make demo\"}" \
      >"$VAR/demo-erasure.log" 2>&1 \
    || { kill "$approver" 2>/dev/null || true; tail -50 "$VAR/demo-erasure.log" >&2; echo "erasure failed (log: $VAR/demo-erasure.log)" >&2; exit 1; }
  wait "$approver" || { cat "$VAR/demo-erasure-approval.log" >&2; echo "the approval was never given" >&2; exit 1; }
  grep -E ": approve answered" "$VAR/demo-erasure-approval.log" | sed 's/^/    /'
  echo "    per dataset (delete = erased, anonymise = kept without personal data, keep = kept with its legal reason, restrict = Art. 18 flag set):"
  messages "preview [a-z0-9_]+\.[a-z0-9_]+: " "$VAR/demo-erasure.log"
  messages "verified [0-9]+ subjects: nothing left|certificate s3://|Art. 19: [0-9]+ recipients|suppression entry" "$VAR/demo-erasure.log" | sed -E 's/ \(link valid.*//'
  grep -qE "verified [0-9]+ subjects: nothing left" "$VAR/demo-erasure.log" \
    || { echo "the erasure was not verified (log: $VAR/demo-erasure.log)" >&2; exit 1; }
}

# The legal clocks: privacy tickets taken as ledger requests, then a breach declared 30 hours
# after awareness; while it waits for the DPO to record the notification, the hourly deadline
# watch alerts (48 hours left of the 72), then scripts/demo_approve.py records the submission.
demo_clocks() {
  if python -c 'import sys; from gdpr.datamap import load_datamap; sys.exit(load_datamap().intake is None)'; then
    step "request intake: privacy tickets become ledger requests (the clock starts at the ticket)"
    airflow dags test gdpr_request_intake >"$VAR/demo-intake.log" 2>&1 \
      || { tail -50 "$VAR/demo-intake.log" >&2; echo "intake failed (log: $VAR/demo-intake.log)" >&2; exit 1; }
    messages "intake: [0-9]+ privacy records" "$VAR/demo-intake.log"
    grep -qE "intake: [0-9]+ privacy records" "$VAR/demo-intake.log" \
      || { echo "intake took nothing (log: $VAR/demo-intake.log)" >&2; exit 1; }
  else
    step "request intake: skipped, the $ORG data map declares no intake"
  fi
  step "breach declared (aware 30 hours ago); the deadline watch alerts while it waits for the notification"
  smtp_sink
  local aware now; aware=$(date -u -d '30 hours ago' +%Y-%m-%dT%H:%M:%SZ); now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  python "$ROOT/scripts/demo_approve.py" gdpr_breach_response \
    wait_for_notification "Notified: complete" --param reference=CNIL-DEMO-0001 --param "submitted_at=$now" \
    --first "airflow dags test gdpr_deadline_watch >'$VAR/demo-watch.log' 2>&1" --timeout 600 \
    >"$VAR/demo-breach-approval.log" 2>&1 &
  local approver=$!
  airflow dags test gdpr_breach_response \
      --conf "{\"title\": \"Demo: laptop lost with a CRM export\", \"aware_at\": \"$aware\", \"datasets\": [\"$(org_fact breach-dataset)\"], \"categories\": [\"user.contact.email\"], \"description\": \"make demo: a laptop holding an unencrypted export was lost\", \"high_risk\": true}" \
      >"$VAR/demo-breach.log" 2>&1 \
    || { kill "$approver" 2>/dev/null || true; tail -50 "$VAR/demo-breach.log" >&2; echo "breach response failed (log: $VAR/demo-breach.log)" >&2; exit 1; }
  wait "$approver" || { cat "$VAR/demo-breach-approval.log" "$VAR/demo-watch.log" >&2; echo "the notification was never recorded" >&2; exit 1; }
  messages "breach B-[0-9]+-[0-9]+ registered|breach scope: |draft: |authority notified at" "$VAR/demo-breach.log" | sed -E 's/ \(link valid.*//'
  messages "breaches watched: " "$VAR/demo-watch.log"
  grep -qE "breaches watched: .* [1-9][0-9]* alerts sent" "$VAR/demo-watch.log" \
    || { echo "the watch sent no alert (log: $VAR/demo-watch.log)" >&2; exit 1; }
  grep -q "Subject: \[GDPR\] Breach" "$VAR/smtp.log" && echo "    breach alert e-mail delivered (captured in $VAR/smtp.log)"
  grep -q "authority notified at" "$VAR/demo-breach.log" \
    || { echo "the notification was not recorded (log: $VAR/demo-breach.log)" >&2; exit 1; }
}

# One planted fact of the organisation (examples/<org>/planted.py): subject, breach-dataset.
org_fact() { (cd "$ROOT" && python -m examples.env "$ORG" --fact "$1"); }

# A local SMTP sink for the demo's DPO alerts (messages are printed to var/smtp.log).
smtp_sink() {
  if [ -f "$VAR/smtp.pid" ] && kill -0 "$(cat "$VAR/smtp.pid")" 2>/dev/null; then return; fi
  nohup python -m aiosmtpd -n -c aiosmtpd.handlers.Debugging -l "127.0.0.1:$GDPR_SMTP_PORT" >"$VAR/smtp.log" 2>&1 &
  echo $! >"$VAR/smtp.pid"
  sleep 1
}

# Ends the process group recorded in var/<name>.pid: TERM, then KILL after 20 seconds.
stop_group() {
  local file="$VAR/$1.pid" pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    echo "stopping $1 (process group $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 40); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

stop() {
  stop_group airflow
  stop_group rt
  if [ -f "$VAR/moto.pid" ]; then kill "$(cat "$VAR/moto.pid")" 2>/dev/null || true; rm -f "$VAR/moto.pid"; fi
  if [ -f "$VAR/smtp.pid" ]; then kill "$(cat "$VAR/smtp.pid")" 2>/dev/null || true; rm -f "$VAR/smtp.pid"; fi
}

"${1:-run}"
