#!/usr/bin/env bash
# Durable ingest throughput and pipeline latency of a release build.
#
#   scripts/bench/ingest.sh [seconds] [connections]
#
# wrk, 2 threads, keep-alive, N connections, one alert per request, each phase on a fresh
# server and database:
#  0. the reference: Prometheus Alertmanager (Debian's package, API v2, a receiver that sends
#     nothing) takes the same alerts, also at 256 connections. It keeps alerts in memory only,
#     while Remediator commits each alert to disk before it answers, so the ratios printed
#     after phases 1 and 2 are durable ingest against an in-memory store;
#  1. an ingest-only node (no workers): durable ingest on its own, also at 256 connections;
#  2. the same on PostgreSQL (a fresh cluster from scripts/postgres/start.sh, fsync on);
#  3. a full node, every alert from a new host (every alert opens an incident and the
#     workers plan and validate it while the load runs);
#  4. a full node, the same load over 1,000 hosts (most alerts join an open incident);
#  5. pipeline latency: auto-approval and the dry-run executor, 50 alerts/s for 10 s,
#     measured from the ingest commit to `closed` in the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-32}
PORT=${BENCH_PORT:-18090}
AM_PORT=${BENCH_ALERTMANAGER_PORT:-$((PORT + 1))}
KEY=bench-admin-key-0123456789abcdef

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
command -v prometheus-alertmanager >/dev/null || { echo "installing prometheus-alertmanager"; apt-get install -y -qq prometheus-alertmanager >/dev/null; }
swift build -c release --product remediator >/dev/null
BIN=.build/release/remediator
WORK=$(mktemp -d /tmp/remediator-bench.XXXXXX)
REMEDIATOR_TEST_POSTGRES_DIR=
# pg_ctl detaches PostgreSQL from this shell: it is stopped by its directory, not as a job.
trap 'kill $(jobs -p) 2>/dev/null || true; [ -z "$REMEDIATOR_TEST_POSTGRES_DIR" ] || scripts/postgres/stop.sh "$REMEDIATOR_TEST_POSTGRES_DIR" || true; rm -rf "$WORK"' EXIT

# Throughput, not policy: the rate limits (blast radius) and the queue-depth back-pressure
# (an ingest-only node never drains its queue) are lifted for the benchmark.
start_server() { # data-dir approval [database-url] (REMEDIATOR_WORKERS from the environment, default 4)
    # A database URL replaces SQLite; a shared database also needs the secret key given, not
    # made up by the node (RemediatorApplication.openStore refuses to start without one).
    local database=()
    [ -z "${3:-}" ] || database=(REMEDIATOR_DATABASE_URL="$3" REMEDIATOR_SECRET_KEY="$(openssl rand -base64 32)")
    REMEDIATOR_BOOTSTRAP_TOKEN=$KEY REMEDIATOR_RATE_LIMIT_HOST=100000/1h REMEDIATOR_RATE_LIMIT_RUNBOOK=100000/1h REMEDIATOR_APPROVAL=$2 REMEDIATOR_LOG_LEVEL=warning REMEDIATOR_MAX_QUEUE_DEPTH=0 \
        REMEDIATOR_WORKERS=${REMEDIATOR_WORKERS:-4} \
        env "${database[@]}" "$BIN" serve --port "$PORT" --data-dir "$1" > "$1.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 100); do curl -sf "localhost:$PORT/healthz" >/dev/null && return; sleep 0.1; done
    echo "server did not start"; cat "$1.log"; exit 1
}

# The same alerts to Alertmanager: every alert routed to a receiver that sends nothing
# ("null" quoted: bare, YAML reads it as a null name). No cluster, so no gossip port.
start_alertmanager() {
    printf '%s\n' 'route: {receiver: "null"}' 'receivers: [{name: "null"}]' > "$WORK/alertmanager.yml"
    prometheus-alertmanager --config.file="$WORK/alertmanager.yml" --storage.path="$WORK/am" \
        --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= > "$WORK/am.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 100); do curl -sf "127.0.0.1:$AM_PORT/-/ready" >/dev/null && return; sleep 0.1; done
    echo "alertmanager did not start"; cat "$WORK/am.log"; exit 1
}

stop_server() { # Remediator or Alertmanager, whichever started last
    kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true
}

rss_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$SERVER/status"; }

run_wrk() { # label dedup-hosts [alertmanager]; leaves the rate in RATE for the ratios
    local target=${3:-remediator} port=$PORT out
    [ "$target" = remediator ] || port=$AM_PORT
    RUNS=$((${RUNS:-0} + 1)) # each run its own hosts, also on a server that took a run before
    out=$(RUN=$RUNS TARGET=$target REMEDIATOR_KEY=$KEY DEDUP_HOSTS=$2 wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" \
        -s scripts/bench/ingest.lua "http://127.0.0.1:$port" | grep '^BENCH')
    eval "$(echo "$out" | sed 's/^BENCH //')"
    RATE=$(((requests - non2xx) * 1000000 / duration_us)) # accepted alerts only
    printf '%-12s %8d alerts/s  p50 %6.2f ms  p99 %6.2f ms  non-2xx %d  socket errors %d  peak RSS %s MB\n' \
        "$1" "$RATE" "$(echo "$p50_us/1000" | bc -l)" "$(echo "$p99_us/1000" | bc -l)" "$non2xx" "$errors" "$(rss_mb)"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s unless noted"

# 0. Alertmanager on the same load: alerts held in memory, nothing written before the 200.
start_alertmanager
run_wrk alertmanager 0 alertmanager; am_rate=$RATE
CONNECTIONS=256 run_wrk "am@256" 0 alertmanager; am_rate_256=$RATE
stop_server

# 1. Ingest-only node (REMEDIATOR_WORKERS=0): what durable ingest alone sustains.
REMEDIATOR_WORKERS=0 start_server "$WORK/ingest-only" human
run_wrk ingest-only 0; only_rate=$RATE
CONNECTIONS=256 run_wrk "only@256" 0; only_rate_256=$RATE
stored=$(sqlite3 "$WORK/ingest-only/remediator.sqlite" 'SELECT COUNT(*) FROM alerts')
echo "             committed alerts in the database: $stored (every 202 was committed first)"
stop_server
echo "ingest-only / alertmanager: $(ratio "$only_rate" "$am_rate") at $CONNECTIONS connections, $(ratio "$only_rate_256" "$am_rate_256") at 256"

# 2. Ingest-only node on PostgreSQL, with PostgreSQL's durable defaults (no --no-fsync):
#    every 202 waits for the commit there.
out=$(scripts/postgres/start.sh 2>"$WORK/postgres-start.log") || { cat "$WORK/postgres-start.log"; exit 1; }
eval "$out" # REMEDIATOR_TEST_POSTGRES_DIR, REMEDIATOR_TEST_DATABASE_URL
REMEDIATOR_WORKERS=0 start_server "$WORK/postgres" human "$REMEDIATOR_TEST_DATABASE_URL"
run_wrk postgres 0; pg_rate=$RATE
CONNECTIONS=256 run_wrk "pg@256" 0; pg_rate_256=$RATE
stored=$(psql "$REMEDIATOR_TEST_DATABASE_URL" -Atc 'SELECT COUNT(*) FROM alerts')
echo "             committed alerts in the database: $stored (every 202 was committed first)"
stop_server
scripts/postgres/stop.sh "$REMEDIATOR_TEST_POSTGRES_DIR"; REMEDIATOR_TEST_POSTGRES_DIR=
echo "postgres / alertmanager: $(ratio "$pg_rate" "$am_rate") at $CONNECTIONS connections, $(ratio "$pg_rate_256" "$am_rate_256") at 256"

# 3. Full node, every alert a new incident: ingest while 4 workers plan and validate each one.
start_server "$WORK/storm" human
run_wrk new 0
pending=$(sqlite3 "$WORK/storm/remediator.sqlite" "SELECT COUNT(*) FROM jobs WHERE state IN ('queued','running')")
echo "             pipeline backlog when the load stopped: $pending jobs"
stop_server

# 4. Full node, an alert storm over 1,000 hosts: most alerts join an open incident.
start_server "$WORK/dedup" human
run_wrk dedup 1000
stop_server

# 5. Pipeline latency at a steady 50 alerts/s with auto-approval and the dry-run executor.
start_server "$WORK/pipeline" auto-allow
python3 - "$PORT" "$KEY" <<'PY'
import json, sys, time, urllib.request
port, key = sys.argv[1], sys.argv[2]
start = time.time()
for i in range(500):
    body = json.dumps({"alert_name": "NodeFilesystemAlmostOutOfSpace", "title": "Disk full", "host": f"pipe-{i}",
                       "labels": {"mountpoint": "/var"}}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/alerts/generic", data=body, method="POST",
                                     headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    urllib.request.urlopen(request).read()
    delay = start + (i + 1) / 50 - time.time()
    if delay > 0:
        time.sleep(delay)
PY
sleep 3
sqlite3 "$WORK/pipeline/remediator.sqlite" \
    "SELECT updated_at - created_at FROM incidents WHERE state = 'closed' ORDER BY 1" > "$WORK/latencies"
python3 - "$WORK/latencies" <<'PY'
import sys
values = [int(line) for line in open(sys.argv[1]) if line.strip()]
values.sort()
def pct(p): return values[min(len(values) - 1, int(len(values) * p / 100))]
print(f"pipeline {len(values)} incidents closed; ingest → closed P50 {pct(50)} ms, P99 {pct(99)} ms, max {values[-1]} ms (7 stages, dry run, auto-approval)")
PY
stop_server
