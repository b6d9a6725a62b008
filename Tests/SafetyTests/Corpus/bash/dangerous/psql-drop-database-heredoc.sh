# description: Drops the billing database through SQL fed to psql on a here-document.
# family: destruction
psql -U postgres <<'SQL'
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'billing';
DROP DATABASE billing;
SQL
