# description: Investigates PostgreSQL connection exhaustion by counting sessions per state, user and client.
set -uo pipefail

PSQL="psql -U postgres -d postgres -X -A -t"

echo "== server =="
systemctl is-active postgresql
$PSQL -c "SHOW max_connections;"

echo "== sessions by state =="
$PSQL -F ' ' -c "
SELECT state, count(*) FROM pg_stat_activity
GROUP BY state ORDER BY count(*) DESC;"

echo "== sessions by user and client =="
$PSQL -F ' ' -c "
SELECT usename, client_addr, count(*) FROM pg_stat_activity
GROUP BY usename, client_addr ORDER BY count(*) DESC LIMIT 15;"

echo "== idle in transaction for more than 10 minutes =="
$PSQL -F ' ' -c "
SELECT pid, usename, now() - state_change AS idle_for
FROM pg_stat_activity
WHERE state = 'idle in transaction'
  AND now() - state_change > interval '10 minutes';"

echo "== locks waiting =="
$PSQL -c "SELECT count(*) FROM pg_locks WHERE NOT granted;"

echo "== recent log =="
journalctl -u postgresql --since "15 min ago" --no-pager | tail -n 40

echo "no changes were made"
