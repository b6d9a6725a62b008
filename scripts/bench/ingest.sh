#!/usr/bin/env bash
# Durable ingest throughput and pipeline latency of a release build.
#
#   scripts/bench/ingest.sh [seconds] [connections]
#
# wrk, 2 threads, keep-alive, N connections, one alert per request, each phase on a fresh
# server and database:
#  1. an ingest-only node (no workers): durable ingest on its own, also at 256 connections;
#  2. a full node, every alert from a new host (every alert opens an incident and the
#     workers plan and validate it while the load runs);
#  3. a full node, the same load over 1,000 hosts (most alerts join an open incident);
#  4. pipeline latency: auto-approval and the dry-run executor, 50 alerts/s for 10 s,
#     measured from the ingest commit to `closed` in the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-32}
PORT=${BENCH_PORT:-18090}
KEY=bench-admin-key-0123456789abcdef

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product remediator >/dev/null
BIN=.build/release/remediator
WORK=$(mktemp -d /tmp/remediator-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

# Throughput, not policy: the rate limits (blast radius) are lifted for the benchmark.
start_server() { # data-dir approval (REMEDIATOR_WORKERS from the environment, default 4)
    REMEDIATOR_BOOTSTRAP_TOKEN=$KEY REMEDIATOR_RATE_LIMIT_HOST=100000/1h REMEDIATOR_RATE_LIMIT_RUNBOOK=100000/1h REMEDIATOR_APPROVAL=$2 REMEDIATOR_LOG_LEVEL=warning \
        REMEDIATOR_WORKERS=${REMEDIATOR_WORKERS:-4} \
        "$BIN" serve --port "$PORT" --data-dir "$1" > "$1.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 100); do curl -sf "localhost:$PORT/healthz" >/dev/null && return; sleep 0.1; done
    echo "server did not start"; cat "$1.log"; exit 1
}

stop_server() {
    kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true
}

rss_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$SERVER/status"; }

run_wrk() { # label dedup-hosts
    local out
    out=$(REMEDIATOR_KEY=$KEY DEDUP_HOSTS=$2 wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" \
        -s scripts/bench/ingest.lua "http://127.0.0.1:$PORT" | grep '^BENCH')
    eval "$(echo "$out" | sed 's/^BENCH //')"
    local rate=$((requests * 1000000 / duration_us))
    printf '%-8s %8d alerts/s  p50 %6.2f ms  p99 %6.2f ms  non-2xx %d  socket errors %d  peak RSS %s MB\n' \
        "$1" "$rate" "$(echo "$p50_us/1000" | bc -l)" "$(echo "$p99_us/1000" | bc -l)" "$non2xx" "$errors" "$(rss_mb)"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s unless noted"

# 1. Ingest-only node (REMEDIATOR_WORKERS=0): what durable ingest alone sustains.
REMEDIATOR_WORKERS=0 start_server "$WORK/ingest-only" human
run_wrk ingest-only 0
CONNECTIONS_SAVED=$CONNECTIONS; CONNECTIONS=256
run_wrk "only@256" 0
CONNECTIONS=$CONNECTIONS_SAVED
stored=$(sqlite3 "$WORK/ingest-only/remediator.sqlite" 'SELECT COUNT(*) FROM alerts')
echo "         committed alerts in the database: $stored (every 202 was committed first)"
stop_server

# 2. Full node, every alert a new incident: ingest while 4 workers plan and validate each one.
start_server "$WORK/storm" human
run_wrk new 0
pending=$(sqlite3 "$WORK/storm/remediator.sqlite" "SELECT COUNT(*) FROM jobs WHERE state IN ('queued','running')")
echo "         pipeline backlog when the load stopped: $pending jobs"
stop_server

# 3. Full node, an alert storm over 1,000 hosts: most alerts join an open incident.
start_server "$WORK/dedup" human
run_wrk dedup 1000
stop_server

# 4. Pipeline latency at a steady 50 alerts/s with auto-approval and the dry-run executor.
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
