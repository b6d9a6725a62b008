#!/usr/bin/env bash
# Stops the test sshd started by scripts/sshd/start.sh and removes its directory.
set -euo pipefail
dir="${1:?usage: stop.sh DIR}"
case "$dir" in /tmp/remediator-sshd.*) ;; *) echo "not a test sshd directory: $dir" >&2; exit 1 ;; esac
[ -s "$dir/sshd.pid" ] && kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true
rm -rf "$dir"
