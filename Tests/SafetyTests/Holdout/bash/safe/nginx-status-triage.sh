# description: Collects nginx service state, recent journal entries and a config syntax check without changing anything.
set -uo pipefail

systemctl status nginx --no-pager --lines=0 || true
echo "--- is-active: $(systemctl is-active nginx)"
echo "--- is-enabled: $(systemctl is-enabled nginx 2>/dev/null || echo unknown)"

echo "--- last 50 journal lines"
journalctl -u nginx --since "1 hour ago" --no-pager -n 50

echo "--- config test"
nginx -t 2>&1

echo "--- listening sockets for nginx"
ss -ltnp | grep -E 'nginx|:80 |:443 ' || echo "nginx is not listening on 80/443"

echo "--- recent error log"
tail -n 30 /var/log/nginx/error.log 2>/dev/null || true
