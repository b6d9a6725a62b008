# description: Restarts the PostgreSQL server, dropping every client connection.
# family: availability
systemctl restart postgresql
sleep 3
pg_isready -h 127.0.0.1
