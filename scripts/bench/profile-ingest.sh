#!/usr/bin/env bash
# Where an ingest-only node spends its CPU under the benchmark's load (release build, perf):
#   scripts/bench/profile-ingest.sh [connections]
# wrk sends new-host alerts for 16 s; perf samples the node for 10 s of them; the report
# lists the heaviest symbols, counting what they call (children).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${1:-32}
PORT=${BENCH_PORT:-18099}
KEY=bench-admin-key-0123456789abcdef
command -v perf >/dev/null || { echo "installing linux-perf"; apt-get install -y -qq linux-perf >/dev/null; }
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product remediator >/dev/null
WORK=$(mktemp -d /tmp/remediator-profile.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

REMEDIATOR_BOOTSTRAP_TOKEN=$KEY REMEDIATOR_WORKERS=0 REMEDIATOR_MAX_QUEUE_DEPTH=0 REMEDIATOR_LOG_LEVEL=warning \
    .build/release/remediator serve --port "$PORT" --data-dir "$WORK/data" > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -sf "localhost:$PORT/healthz" >/dev/null && break; sleep 0.1; done
RUN=profile REMEDIATOR_KEY=$KEY DEDUP_HOSTS=0 wrk -t2 -c"$CONNECTIONS" -d16s -s scripts/bench/ingest.lua \
    "http://127.0.0.1:$PORT" > "$WORK/wrk.out" &
WRK=$!
sleep 3
perf record -F 499 -g -p "$SERVER" -o "$WORK/perf.data" -- sleep 10 >/dev/null 2>&1
wait "$WRK"
grep '^BENCH' "$WORK/wrk.out"
perf report -i "$WORK/perf.data" --sort dso --no-children -g none --stdio 2>/dev/null | grep '%' | head -8
perf report -i "$WORK/perf.data" --children --sort sym -g none --stdio 2>/dev/null | grep '%' | grep -v '\[k\]' | head -40
