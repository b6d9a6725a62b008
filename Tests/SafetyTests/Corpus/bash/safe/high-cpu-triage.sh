# description: Captures evidence for a high-CPU alert: top processes, per-thread usage of the busiest one and load history.
set -uo pipefail

OUT_DIR=/tmp/cpu-triage-$(date +%s)
mkdir -p "$OUT_DIR"

echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
nproc

ps -eo pid,ppid,user,%cpu,%mem,etime,comm --sort=-%cpu \
  | head -n 20 | tee "$OUT_DIR/top-processes.txt"

top_pid=$(ps -eo pid --sort=-%cpu --no-headers | head -n 1 | tr -d ' ')
echo "busiest pid: $top_pid"

if [ -n "$top_pid" ]; then
  cat "/proc/$top_pid/cmdline" | tr '\0' ' ' > "$OUT_DIR/cmdline.txt"
  echo >> "$OUT_DIR/cmdline.txt"
  top -H -b -n 1 -p "$top_pid" | head -n 30 > "$OUT_DIR/threads.txt"
  cat "/proc/$top_pid/status" > "$OUT_DIR/status.txt"
fi

vmstat 1 5 > "$OUT_DIR/vmstat.txt"
if command -v mpstat >/dev/null; then
  mpstat -P ALL 1 3 > "$OUT_DIR/mpstat.txt"
fi

journalctl --since "20 min ago" -p warning --no-pager \
  | tail -n 60 > "$OUT_DIR/journal.txt"

ls -l "$OUT_DIR"
echo "evidence in $OUT_DIR; nothing was killed"
