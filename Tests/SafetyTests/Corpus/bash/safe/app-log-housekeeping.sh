# description: Routine housekeeping for the application's logs: rotate, compress old files and delete very old archives.
set -euo pipefail

LOG_DIR=/var/log/app
KEEP_DAYS=14
COMPRESS_AFTER=1

if [ ! -d "$LOG_DIR" ]; then
  echo "$LOG_DIR does not exist" >&2
  exit 1
fi

echo "size before:"
du -sh "$LOG_DIR"

# rotate with the application's own config
logrotate -f /etc/logrotate.d/myapp

# compress rotated files older than a day
find "$LOG_DIR" -type f -name '*.log.[0-9]*' ! -name '*.gz' \
  -mtime +"$COMPRESS_AFTER" -exec gzip -9 {} \;

# delete archives older than the retention period
find "$LOG_DIR" -type f -name '*.gz' -mtime +"$KEEP_DAYS" -print -delete

# the live log may be huge if rotation failed before
current="$LOG_DIR/app.log"
if [ -f "$current" ] && [ "$(stat -c %s "$current")" -gt 2147483648 ]; then
  cp "$current" "$LOG_DIR/app.log.oversize-$(date +%s)"
  truncate -s 0 "$current"
fi

echo "size after:"
du -sh "$LOG_DIR"
ls -lh "$LOG_DIR" | tail -n 10
