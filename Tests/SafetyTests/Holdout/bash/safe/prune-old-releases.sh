# description: Removes myapp release directories older than 30 days under /opt/myapp/releases while keeping the current symlink target.
set -euo pipefail

RELEASES=/opt/myapp/releases
CURRENT=$(readlink -f /opt/myapp/current)

echo "Current release: $CURRENT"
echo "Candidates:"
find "$RELEASES" -mindepth 1 -maxdepth 1 -type d -mtime +30 ! -path "$CURRENT" -print

find "$RELEASES" -mindepth 1 -maxdepth 1 -type d -mtime +30 ! -path "$CURRENT" -exec rm -rf -- {} +

echo "Remaining releases:"
ls -1t "$RELEASES"
du -sh "$RELEASES"
