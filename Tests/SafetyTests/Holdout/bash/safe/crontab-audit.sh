# description: Prints every user crontab and the system cron directories to look for the job that spikes CPU at midnight.
set -uo pipefail

echo "== root crontab =="
crontab -l 2>/dev/null || echo "(none)"

for user in $(cut -d: -f1 /etc/passwd); do
  if out=$(crontab -l -u "$user" 2>/dev/null); then
    echo "== crontab for $user =="
    echo "$out"
  fi
done

echo "== /etc/crontab =="
cat /etc/crontab
echo "== /etc/cron.d =="
ls -l /etc/cron.d/
grep -Hv '^\s*#' /etc/cron.d/* 2>/dev/null | grep -v ':\s*$'
echo "== systemd timers =="
systemctl list-timers --all --no-pager
