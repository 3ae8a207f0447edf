#!/usr/bin/env bash
# Load test of the alert handler service, on loopback only:
#   bench/load.sh [REQUESTS] [CONNECTIONS]        (defaults: 10000 requests, 32 connections)
# Builds target/triage.jar when missing, starts `triage serve` on a free 127.0.0.1 port, warms it up,
# then sends REQUESTS webhook payloads (samples/alertmanager-webhook.json, every answer checked to
# conclude exchange.rate-limited) and REQUESTS /healthz probes to the same server, and prints
# requests per second and p50/p99 latency for both; once without the incident store (--db none) and once
# with it (SQLite in a temporary folder), so the store's cost is read beside the baseline. Exits
# non-zero on any error.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-10000}
CONNECTIONS=${2:-32}
PAYLOAD=samples/alertmanager-webhook.json

if [ ! -f target/triage.jar ]; then
  mvn -q -DskipTests package
fi

# compile the load generator once
GEN=$(mktemp -d -t triage-loadgen.XXXXXX)
javac -d "$GEN" bench/LoadGen.java
STORE=$(mktemp -d -t triage-load-store.XXXXXX)
TICK=$(getconf CLK_TCK)

# one server per configuration: without the incident store, then with it (SQLite, every webhook
# recorded as a repeat of one incident, as Alertmanager's resends are)
measure() {
  local label="$1"; shift
  local log; log=$(mktemp -t triage-load.XXXXXX.log)
  # the service's INFO line per diagnosis goes to the log file, not the terminal
  java -Xms256m -Xmx512m -jar target/triage.jar serve --bind 127.0.0.1 --port 0 "$@" 2>"$log" &
  SERVER=$!
  local port=""
  for _ in $(seq 1 300); do
    port=$(sed -n 's/.*listening url="http:\/\/127\.0\.0\.1:\([0-9]*\)".*/\1/p' "$log" | head -n1)
    [ -n "$port" ] && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$port" ] || { echo "server did not start" >&2; cat "$log" >&2; exit 1; }
  echo "=== $label: triage serve on 127.0.0.1:$port (pid $SERVER), $(nproc) cores"
  # server CPU time (user + system, in clock ticks) from /proc, to tell the cost of a request apart from
  # what the other processes on the machine take
  cpu() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
  run() {
    local before after
    before=$(cpu)
    java -cp "$GEN" LoadGen "$port" "$@"
    after=$(cpu)
    awk -v t=$((after - before)) -v n="$2" -v hz="$TICK" 'BEGIN { printf "%-18s server CPU %.0f us per request\n", "", t * 1e6 / hz / n }'
  }
  run /v1/alertmanager 3000 "$CONNECTIONS" "$PAYLOAD" exchange.rate-limited >/dev/null
  run /healthz 3000 "$CONNECTIONS" >/dev/null
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  run /v1/alertmanager "$REQUESTS" "$CONNECTIONS" "$PAYLOAD" exchange.rate-limited
  run /healthz "$REQUESTS" "$CONNECTIONS"
  kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
  SERVER=""
  rm -f "$log"
}
SERVER=""
cleanup() { [ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null || true; rm -rf "$GEN" "$STORE"; }
trap cleanup EXIT

measure "without the incident store" --db none
measure "with the incident store (SQLite)" --db "$STORE/incidents.db"
