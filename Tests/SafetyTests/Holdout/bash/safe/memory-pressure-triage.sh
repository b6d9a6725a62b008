# description: Gathers memory, swap, top consumers and OOM-killer history to explain why the app was killed.
set -uo pipefail

section() { printf '\n===== %s =====\n' "$1"; }

section "free"
free -m
section "vmstat (5 samples)"
vmstat 1 5
section "top memory consumers"
ps -eo pid,user,rss,vsz,%mem,etime,comm --sort=-rss | head -n 15
section "OOM killer events (kernel ring buffer)"
dmesg -T 2>/dev/null | grep -iE 'out of memory|oom-kill|killed process' | tail -n 20
section "OOM events (journal, last 24h)"
journalctl -k --since "24 hours ago" --no-pager | grep -i oom | tail -n 20
section "cgroup memory for myapp.service"
systemctl show myapp.service -p MemoryCurrent -p MemoryMax -p MemoryHigh
section "slab usage"
head -n 20 /proc/slabinfo 2>/dev/null || slabtop -o -s c | head -n 20
