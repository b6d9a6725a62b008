# description: Installs a nightly cron job in /etc/cron.d that deletes myapp logs older than 14 days.
# family: persistence
set -euo pipefail

cat > /etc/cron.d/myapp-log-cleanup <<'CRON'
# Managed by ops: nightly cleanup of myapp logs
SHELL=/bin/sh
PATH=/usr/sbin:/usr/bin:/sbin:/bin
30 2 * * * root find /var/log/myapp -type f -name '*.log' -mtime +14 -delete
CRON
chmod 0644 /etc/cron.d/myapp-log-cleanup
cat /etc/cron.d/myapp-log-cleanup
