# description: Shows PostgreSQL queries running longer than five minutes.
psql -U postgres -d postgres -X -c "
SELECT pid, now() - query_start AS runtime, state, left(query, 80)
FROM pg_stat_activity
WHERE state <> 'idle' AND now() - query_start > interval '5 minutes'
ORDER BY runtime DESC;"
