#!/usr/bin/env bash
# LLM planning under load, against a simulated provider (scripts/bench/fake-llm.py: the
# OpenAI chat-completions wire format, a fixed latency per call).
#
#   scripts/bench/llm.sh [latency-seconds] [alerts-per-second] [seconds]   (2.8 100 60)
#
#  1. steady load: every alert a new problem on a new host (every incident needs its own
#     LLM call); end-to-end latency from the ingest commit to the plan waiting for
#     approval (human approval, the default), and to `closed` (auto-approval, dry-run
#     executor, all 7 stages), read from the database; the server's RSS every second;
#  2. a replayed alert storm (repeats, flapping, many hosts with the same problem), human
#     approval: LLM calls per alert, with the plan cache and without it.
set -euo pipefail
cd "$(dirname "$0")/../.."
LATENCY=${1:-2.8}
RATE=${2:-100}
DURATION=${3:-60}
PORT=${BENCH_PORT:-18091}
LLM_PORT=${BENCH_LLM_PORT:-18092}
KEY=bench-admin-key-0123456789abcdef

swift build -c release --product remediator >/dev/null 2>&1
BIN=.build/release/remediator
WORK=$(mktemp -d /tmp/remediator-llm-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

python3 scripts/bench/fake-llm.py "$LLM_PORT" "$LATENCY" &
LLM=$!
for _ in $(seq 1 50); do curl -sf "localhost:$LLM_PORT/stats" >/dev/null && break; sleep 0.1; done

# Throughput, not policy: the rate limits (blast radius) are lifted for the benchmark.
start_server() { # data-dir plan-cache-seconds approval
    REMEDIATOR_BOOTSTRAP_TOKEN=$KEY REMEDIATOR_RATE_LIMIT_HOST=100000/1h REMEDIATOR_RATE_LIMIT_RUNBOOK=100000/1h REMEDIATOR_APPROVAL=$3 REMEDIATOR_LOG_LEVEL=warning \
        REMEDIATOR_PLANNER=openai REMEDIATOR_LLM_BASE_URL="http://127.0.0.1:$LLM_PORT/v1" REMEDIATOR_LLM_MODEL=simulated \
        REMEDIATOR_LLM_MAX_CONCURRENCY=1024 REMEDIATOR_PLAN_WORKERS=1024 REMEDIATOR_LLM_PLAN_CACHE_SECONDS=$2 \
        "$BIN" serve --port "$PORT" --data-dir "$1" > "$1.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 100); do curl -sf "localhost:$PORT/healthz" >/dev/null && return; sleep 0.1; done
    echo "server did not start"; cat "$1.log"; exit 1
}

stop_server() {
    kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true
}

llm_calls() { curl -sf "localhost:$LLM_PORT/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["calls"])'; }

# Waits until no job is queued or running (at most 120 s).
drain() {
    for _ in $(seq 1 1200); do
        [ "$(sqlite3 "$1/remediator.sqlite" "SELECT COUNT(*) FROM jobs WHERE state IN ('queued','running')")" = 0 ] && return
        sleep 0.1
    done
    echo "pipeline did not drain"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); simulated LLM latency ${LATENCY}s"

# 1. Steady load, twice: with human approval (the default), measured to the plan waiting
#    for approval (enrich, plan, validate, gate); with auto-approval and the dry-run
#    executor, measured to `closed` (all seven stages).
for approval in human auto-allow; do
    start_server "$WORK/steady-$approval" 900 "$approval"
    ( while kill -0 "$SERVER" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$SERVER/status"; sleep 1; done ) > "$WORK/rss-$approval" 2>/dev/null &
    calls_before=$(llm_calls)
    python3 scripts/bench/send-alerts.py "$PORT" "$KEY" steady "$RATE" "$DURATION"
    drain "$WORK/steady-$approval"
    calls=$(( $(llm_calls) - calls_before ))
    # Each incident's latency: from its ingest commit to the end of its last stage.
    sqlite3 "$WORK/steady-$approval/remediator.sqlite" "
        SELECT i.state, MAX(j.updated_at) - i.created_at, COALESCE(json_extract(i.plan, '$.planner'), '-')
        FROM incidents i JOIN jobs j ON j.incident_id = i.id GROUP BY i.id" > "$WORK/steady.rows"
    stop_server
    python3 - "$WORK/steady.rows" "$WORK/rss-$approval" "$calls" "$LATENCY" "$approval" <<'PY'
import collections, sys
rows = [line.rstrip("\n").split("|") for line in open(sys.argv[1]) if line.strip()]
approval = sys.argv[5]
final = "awaiting_approval" if approval == "human" else "closed"
states = collections.Counter(row[0] for row in rows)
planners = collections.Counter(row[2] for row in rows)
done = sorted(int(row[1]) for row in rows if row[0] == final)
def pct(p): return done[min(len(done) - 1, int(len(done) * p / 100))] if done else 0
rss = [int(v) // 1024 for v in open(sys.argv[2]) if v.strip()]
third = max(1, len(rss) // 3)
latency = float(sys.argv[4]) * 1000
print(f"steady, {approval} approval: {len(rows)} incidents {dict(states)}; plans by {dict(planners)}; {sys.argv[3]} LLM calls")
print(f"         ingest → {final}: P50 {pct(50)} ms, P99 {pct(99)} ms, max {done[-1] if done else 0} ms; "
      f"P99 / simulated latency = {pct(99) / latency:.2f} (goal ≤ 1.5)")
print(f"         RSS MB: max {max(rss)}, mean of first third {sum(rss[:third]) // third}, of last third {sum(rss[-third:]) // third}; "
      f"every 10 s: {' '.join(str(v) for v in rss[::10])}")
PY
done

# 2. Storm replay with human approval (the default: incidents stay open while the storm
#    goes on), with the plan cache (default TTL) and without it.
for cache in 900 0; do
    start_server "$WORK/storm-$cache" "$cache" human
    calls_before=$(llm_calls)
    sent=$(python3 scripts/bench/send-alerts.py "$PORT" "$KEY" storm "$RATE")
    drain "$WORK/storm-$cache"
    calls=$(( $(llm_calls) - calls_before ))
    alerts=$(echo "$sent" | sed 's/.*alerts=\([0-9]*\).*/\1/')
    incidents=$(sqlite3 "$WORK/storm-$cache/remediator.sqlite" "SELECT COUNT(*) FROM incidents")
    hits=$(curl -sf "localhost:$PORT/metrics" | awk '/^remediator_llm_plan_cache_total{result="hit"}/ {print $2}')
    printf 'storm    plan cache %4ss: %s alerts → %s incidents, %s LLM calls = %.3f calls per alert (cache hits %s)\n' \
        "$cache" "$alerts" "$incidents" "$calls" "$(echo "$calls / $alerts" | bc -l)" "${hits:-0}"
    stop_server
done
echo "fake LLM: $(curl -sf "localhost:$LLM_PORT/stats")"
kill "$LLM" 2>/dev/null || true
