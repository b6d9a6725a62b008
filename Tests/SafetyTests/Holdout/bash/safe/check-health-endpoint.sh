# description: Polls the local application health and readiness endpoints and prints status codes and latency.
set -uo pipefail

for path in /healthz /readyz /metrics; do
  code=$(curl -s -o /dev/null -w '%{http_code} %{time_total}s' --max-time 5 "http://127.0.0.1:8080${path}")
  echo "${path}: ${code}"
done

echo "--- health body"
curl -fsS --max-time 5 http://127.0.0.1:8080/healthz | head -c 2000 || echo "health endpoint unreachable"
echo
