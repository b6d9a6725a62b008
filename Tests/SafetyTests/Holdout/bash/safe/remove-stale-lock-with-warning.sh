# description: Removes a stale myapp lock file left after a crash, printing a warning text that quotes destructive commands.
set -euo pipefail

LOCK=/var/run/myapp/scheduler.lock

echo "NOTE: Never run 'rm -rf / --no-preserve-root' or 'rm -rf /var/run' to clear locks."

if [[ -f "$LOCK" ]]; then
  holder=$(cat "$LOCK" 2>/dev/null || true)
  if [[ -n "$holder" ]] && kill -0 "$holder" 2>/dev/null; then
    echo "lock held by live process $holder; not removing"
    exit 1
  fi
  rm -f -- "$LOCK"
  echo "removed stale lock (holder was ${holder:-unknown})"
else
  echo "no lock present"
fi
