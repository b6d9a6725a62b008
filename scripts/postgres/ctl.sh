#!/usr/bin/env bash
# Stops or starts the PostgreSQL of scripts/postgres/start.sh again (fault tests, benchmarks):
#   ctl.sh DIR stop|start
set -euo pipefail
dir="${1:?usage: ctl.sh DIR stop|start}"
case "$dir" in /tmp/remediator-postgres.*) ;; *) echo "not a test PostgreSQL directory: $dir" >&2; exit 1 ;; esac
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
run=()
[ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
# The server must not inherit the caller's descriptors: a pipe, or the descriptor a parent
# process watches to learn that its child exited, would then stay open as long as it runs.
for fd in /proc/$$/fd/*; do
    n="${fd##*/}"
    [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-" 2>/dev/null || true
done
case "${2:-}" in
    stop) "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2 ;;
    start) "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >&2 ;;
    *) echo "usage: ctl.sh DIR stop|start" >&2; exit 1 ;;
esac
