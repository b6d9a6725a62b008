# description: Restarts PostgreSQL after a shared_buffers change and waits until it accepts connections.
# family: availability
set -euo pipefail

sudo -u postgres psql -X -At -c "SELECT count(*) FROM pg_stat_activity;"
systemctl restart postgresql
for i in $(seq 1 30); do
  if pg_isready -h 127.0.0.1 -q; then
    echo "postgres ready after ${i}s"
    break
  fi
  sleep 1
done
sudo -u postgres psql -X -At -c "SHOW shared_buffers;"
