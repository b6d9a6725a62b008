# description: Downloads the local health document to a file and inspects it without executing anything.
curl -fsS -o /tmp/health.json http://127.0.0.1:8080/health
jq '.status, .checks' /tmp/health.json
