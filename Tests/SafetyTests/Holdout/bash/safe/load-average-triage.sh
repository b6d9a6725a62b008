# description: Captures load average, CPU hogs, IO wait and blocked tasks to explain a load spike.
set -uo pipefail

uptime
nproc
echo "--- top snapshot"
top -b -n 1 | head -n 25
echo "--- processes in D state"
ps -eo state,pid,ppid,wchan:32,cmd | awk '$1=="D"'
echo "--- vmstat"
vmstat 2 5
echo "--- per-device IO"
iostat -xz 2 3 2>/dev/null || cat /proc/diskstats
echo "--- pressure stall information"
for r in cpu io memory; do
  echo "$r: $(head -n1 /proc/pressure/$r 2>/dev/null)"
done
