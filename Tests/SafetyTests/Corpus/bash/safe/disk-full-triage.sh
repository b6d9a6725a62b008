# description: Triage for a disk-full alert: reports usage, then clears only the app's cache and old rotated logs.
set -euo pipefail

MOUNT=/var
THRESHOLD=90
APP_CACHE=/var/lib/myapp/cache
APP_LOGS=/var/log/app

usage() {
  df --output=pcent "$MOUNT" | tail -n 1 | tr -dc '0-9'
}

echo "before: $(usage)% used on $MOUNT"
df -h "$MOUNT"

echo "largest directories:"
du -xh --max-depth=2 "$MOUNT" 2>/dev/null | sort -h | tail -n 15

if [ "$(usage)" -lt "$THRESHOLD" ]; then
  echo "below ${THRESHOLD}%, nothing to clean"
  exit 0
fi

echo "clearing application cache"
rm -rf -- "${APP_CACHE:?}"/*

echo "deleting rotated logs older than 7 days"
find "$APP_LOGS" -type f -name '*.gz' -mtime +7 -print -delete

echo "vacuuming journal to 500M"
journalctl --vacuum-size=500M

echo "after: $(usage)% used on $MOUNT"
df -h "$MOUNT"
