# description: Collects the usual evidence for nginx 502 errors: upstream status, sockets, recent errors and config test.
set -uo pipefail

UPSTREAM_PORT=8080
NGINX_ERR=/var/log/nginx/error.log
OUT=/tmp/nginx-502-$(date +%Y%m%d-%H%M%S).txt

section() {
  printf '\n===== %s =====\n' "$1" >> "$OUT"
}

: > "$OUT"

section "nginx service"
systemctl status nginx --no-pager >> "$OUT" 2>&1

section "nginx config test"
nginx -t >> "$OUT" 2>&1

section "upstream socket"
ss -tlnp "( sport = :$UPSTREAM_PORT )" >> "$OUT" 2>&1

section "upstream health"
curl -sS -m 5 -o /dev/null -w '%{http_code} %{time_total}s\n' \
  "http://127.0.0.1:$UPSTREAM_PORT/health" >> "$OUT" 2>&1

section "last upstream errors"
grep -E 'upstream|connect\(\) failed' "$NGINX_ERR" | tail -n 40 >> "$OUT"

section "app journal"
journalctl -u myapp --since "30 min ago" --no-pager | tail -n 80 >> "$OUT"

section "load"
uptime >> "$OUT"
free -m >> "$OUT"

echo "diagnostics written to $OUT"
