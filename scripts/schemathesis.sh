#!/usr/bin/env bash
# Fuzzes the live API with schemathesis against its own OpenAPI document (GET /openapi.yaml):
# no 5xx, status codes, content types, headers and bodies (errors included) as documented.
# Starts `remediator serve` (debug build) on a free 127.0.0.1 port with a fresh data
# directory, and stops it afterwards. Usage: scripts/schemathesis.sh [extra st arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -c 'import schemathesis' 2>/dev/null || python3 -m pip install --quiet "schemathesis>=4,<5"

data="$(mktemp -d /tmp/remediator-schemathesis.XXXXXX)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
token="schemathesis-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
REMEDIATOR_BOOTSTRAP_TOKEN="$token" REMEDIATOR_DATA_DIR="$data" REMEDIATOR_HOST=127.0.0.1 REMEDIATOR_PORT="$port" \
    REMEDIATOR_LOG_LEVEL=error .build/debug/remediator serve > "$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
    sleep 0.2
done

python3 -m schemathesis.cli run "http://127.0.0.1:$port/openapi.yaml" \
    -H "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --max-examples 50 --workers 1 --no-color "$@"
