#!/usr/bin/env bash
# Stops the PostgreSQL started by scripts/postgres/start.sh and removes its directory.
set -euo pipefail
dir="${1:?usage: stop.sh DIR}"
case "$dir" in /tmp/remediator-postgres.*) ;; *) echo "not a test PostgreSQL directory: $dir" >&2; exit 1 ;; esac
if [ -f "$dir/data/postmaster.pid" ]; then
    "$(dirname "$0")/ctl.sh" "$dir" stop 2>/dev/null || true
fi
rm -rf "$dir"
