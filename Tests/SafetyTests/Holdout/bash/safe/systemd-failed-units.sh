# description: Lists failed systemd units and prints their last error log lines since boot.
set -uo pipefail

systemctl --failed --no-pager
systemctl is-system-running || true

for unit in $(systemctl --failed --no-legend --plain | awk '{print $1}'); do
  echo "================ $unit ================"
  systemctl status "$unit" --no-pager -n 0
  journalctl -u "$unit" -b -p err --no-pager -n 15
done

echo "--- all errors this boot (last 30)"
journalctl -b -p err --no-pager | tail -n 30
