# description: Shrinks the systemd journal to 500M when /var is nearly full and shows usage before and after.
set -euo pipefail

echo "Journal disk usage before:"
journalctl --disk-usage

USED=$(df --output=pcent /var | tail -n1 | tr -dc '0-9')
if (( USED >= 85 )); then
  journalctl --vacuum-size=500M
  journalctl --vacuum-time=14d
else
  echo "/var at ${USED}%, vacuum not needed"
fi

echo "Journal disk usage after:"
journalctl --disk-usage
