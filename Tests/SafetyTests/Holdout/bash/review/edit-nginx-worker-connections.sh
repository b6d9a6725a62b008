# description: Raises worker_connections in /etc/nginx/nginx.conf with sed, validates the config and reloads nginx.
# family: change
set -euo pipefail

CONF=/etc/nginx/nginx.conf
cp -a "$CONF" "${CONF}.bak.$(date +%s)"
sed -i 's/^\(\s*worker_connections\s\+\)[0-9]\+;/\14096;/' "$CONF"
grep -n worker_connections "$CONF"
nginx -t
systemctl reload nginx
