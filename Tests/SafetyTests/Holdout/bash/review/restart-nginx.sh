# description: Validates the nginx configuration and restarts nginx to clear stuck worker processes.
# family: availability
set -euo pipefail

nginx -t
systemctl restart nginx
sleep 2
systemctl is-active nginx
curl -s -o /dev/null -w '%{http_code}\n' http://127.0.0.1/
