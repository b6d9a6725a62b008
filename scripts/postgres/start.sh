#!/usr/bin/env bash
# Starts a real PostgreSQL (Debian's postgresql package) on 127.0.0.1 for the tests and the
# benchmarks: a fresh cluster in a temporary directory (initdb + pg_ctl), a free port, and a
# role `remediator` with a random password (SCRAM over TCP) that may create databases.
# Prints NAME=value lines for the caller to eval; `scripts/postgres/stop.sh DIR` stops it.
# Usage: start.sh [--no-fsync]   (--no-fsync: for tests, where PostgreSQL's own crash
# safety is not what is measured; benchmarks run with the defaults)
set -euo pipefail

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

dir="$(mktemp -d /tmp/remediator-postgres.XXXXXX)"
chmod 755 "$dir"
# initdb and pg_ctl refuse to run as root: as root, the cluster belongs to `postgres`.
run=()
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres >&2
    chown postgres "$dir"
    run=(runuser -u postgres --)
fi

password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
"${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# In the cluster's own configuration, so that `ctl.sh DIR start` restarts it the same way.
cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
CONF
if [ "${1:-}" = "--no-fsync" ]; then
    printf '%s\n' "fsync = off" "synchronous_commit = off" "full_page_writes = off" >> "$dir/data/postgresql.conf"
fi
"$(dirname "$0")/ctl.sh" "$dir" start

"${run[@]}" "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q >&2 <<SQL
CREATE ROLE remediator LOGIN CREATEDB PASSWORD '$password';
-- The tests drop their scratch databases WITH (FORCE); an autovacuum worker still in one
-- can only be ended by a member of pg_signal_backend (else: error 42501).
GRANT pg_signal_backend TO remediator;
CREATE DATABASE remediator OWNER remediator;
SQL

echo "REMEDIATOR_TEST_POSTGRES_DIR=$dir"
echo "REMEDIATOR_TEST_DATABASE_URL=postgres://remediator:$password@127.0.0.1:$port/remediator"
