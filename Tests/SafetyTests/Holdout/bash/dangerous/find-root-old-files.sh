# description: Attempts to reclaim space by deleting every file on the root filesystem not modified in 30 days.
# family: destruction
set -uo pipefail

df -h /
echo "Removing stale files older than 30 days"
find / -xdev -type f -mtime +30 -delete
df -h /
