# description: Terminates the single worker process whose pid is recorded in the app's pidfile.
PIDFILE=/run/myapp/worker.pid
if [ -s "$PIDFILE" ]; then
  pid=$(cat "$PIDFILE")
  kill -TERM "$pid"
  sleep 5
  kill -0 "$pid" 2>/dev/null && echo "worker $pid still alive"
fi
