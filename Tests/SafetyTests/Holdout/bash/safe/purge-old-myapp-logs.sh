# description: Deletes myapp log files older than 14 days and compressed archives older than 60 days.
set -euo pipefail

LOG_ROOT=/var/log/myapp

echo "Files to be removed:"
find "$LOG_ROOT" -type f -name '*.log' -mtime +14 -print
find "$LOG_ROOT" -type f -name '*.gz' -mtime +60 -print

find "$LOG_ROOT" -type f -name '*.log' -mtime +14 -delete
find "$LOG_ROOT" -type f -name '*.gz' -mtime +60 -delete

echo "Remaining usage:"
du -sh "$LOG_ROOT"
df -h "$LOG_ROOT"
