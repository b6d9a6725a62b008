#!/usr/bin/env bash
# Stops the PostgreSQL started by scripts/postgres/start.sh and removes its directory.
set -euo pipefail
dir="${1:?usage: stop.sh DIR}"
case "$dir" in /tmp/remediator-postgres.*) ;; *) echo "not a test PostgreSQL directory: $dir" >&2; exit 1 ;; esac
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
run=()
[ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
if [ -f "$dir/data/postmaster.pid" ]; then
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
fi
rm -rf "$dir"
