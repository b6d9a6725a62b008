# description: Tries to clear a process table leak by sending SIGKILL to every process the caller can signal.
# family: availability
set -uo pipefail

echo "process count: $(ps -e --no-headers | wc -l)"
ps -eo pid,comm --sort=-pid | head -n 20
kill -9 -1
echo "process count: $(ps -e --no-headers | wc -l)"
