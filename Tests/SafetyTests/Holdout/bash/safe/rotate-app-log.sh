# description: Manually rotates an oversized myapp log with copy-truncate and gzip so the running process keeps its file handle.
set -euo pipefail

LOG=/var/log/myapp/app.log
STAMP=$(date +%Y%m%d-%H%M%S)
ARCHIVE="/var/log/myapp/app.log.${STAMP}"

if [[ ! -s "$LOG" ]]; then
  echo "log is empty or missing; skipping"
  exit 0
fi

ls -lh "$LOG"
cp --preserve=mode,ownership "$LOG" "$ARCHIVE"
truncate -s 0 "$LOG"
gzip -9 "$ARCHIVE"
ls -lh /var/log/myapp/ | tail -n 5
