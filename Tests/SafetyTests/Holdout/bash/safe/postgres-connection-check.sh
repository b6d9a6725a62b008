# description: Runs read-only queries against PostgreSQL to show connection counts, long-running queries and replication lag.
set -euo pipefail

PSQL=(sudo -u postgres psql -X -A -t -d postgres)

echo "connections by state:"
"${PSQL[@]}" -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state ORDER BY 2 DESC;"

echo "queries running longer than 5 minutes:"
"${PSQL[@]}" -c "SELECT pid, now()-query_start AS age, left(query,80) FROM pg_stat_activity WHERE state='active' AND now()-query_start > interval '5 minutes';"

echo "max_connections:"
"${PSQL[@]}" -c "SHOW max_connections;"

echo "replication:"
"${PSQL[@]}" -c "SELECT client_addr, state, replay_lag FROM pg_stat_replication;"
