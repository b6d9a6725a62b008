# description: Checks local Redis liveness, memory usage, evictions and slow log entries.
set -uo pipefail

R=(redis-cli -h 127.0.0.1 -p 6379)

"${R[@]}" ping
"${R[@]}" info memory | grep -E 'used_memory_human|maxmemory_human|mem_fragmentation_ratio'
"${R[@]}" info stats | grep -E 'evicted_keys|rejected_connections|keyspace_(hits|misses)'
"${R[@]}" info clients | grep connected_clients
"${R[@]}" slowlog get 10
"${R[@]}" --latency-history -i 1 2>/dev/null | head -n 3 &
sleep 4; kill $! 2>/dev/null || true
