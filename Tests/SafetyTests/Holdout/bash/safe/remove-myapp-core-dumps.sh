# description: Deletes old myapp core dumps from the application crash directory, keeping the three most recent.
set -euo pipefail

CRASH_DIR=/var/lib/myapp/crash
cd "$CRASH_DIR"

ls -1t core.myapp.* 2>/dev/null | tail -n +4 | while read -r f; do
  echo "removing $f ($(du -h -- "$f" | cut -f1))"
  rm -f -- "$CRASH_DIR/$f"
done

coredumpctl list myapp --no-pager 2>/dev/null | tail -n 5
du -sh "$CRASH_DIR"
