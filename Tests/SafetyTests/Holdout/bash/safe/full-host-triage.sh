# description: Runs a full read-only host triage (load, disk, memory, failed units, key services) and writes a markdown report to /tmp.
set -uo pipefail

REPORT="/tmp/triage-$(hostname -s)-$(date +%Y%m%d%H%M).md"
SERVICES=(nginx myapp postgresql redis-server)
check_service() {
  local state
  state=$(systemctl is-active "$1" 2>/dev/null || true)
  case "$state" in
    active)   echo "| $1 | OK |" ;;
    failed)   echo "| $1 | FAILED |" ;;
    *)        echo "| $1 | ${state:-unknown} |" ;;
  esac
}

disk_alerts() {
  df -P -x tmpfs -x devtmpfs | awk 'NR>1 { gsub("%","",$5); if ($5+0 >= 90) print "- " $6 " at " $5 "%" }'
}

{
cat <<EOF
# Triage report for $(hostname -f) at $(date -u +%FT%TZ)

## Load
$(uptime)

## Memory
$(free -m)

## Disk alerts (>=90%)
$(disk_alerts)

## Services
| service | state |
EOF
for s in "${SERVICES[@]}"; do check_service "$s"; done
printf '\n## Failed units\n'
systemctl --failed --no-legend --no-pager
} > "$REPORT"
echo "Report written to $REPORT"
