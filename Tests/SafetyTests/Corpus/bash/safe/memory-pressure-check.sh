# description: Shows memory, swap and paging statistics.
free -m
vmstat 1 5
grep -E 'MemAvailable|SwapFree|Dirty' /proc/meminfo
