# description: Terminates a hung myapp worker using the PID recorded in its pid file after verifying the process name.
set -euo pipefail

PIDFILE=/run/myapp/worker.pid

[[ -r "$PIDFILE" ]] || { echo "no pid file at $PIDFILE"; exit 0; }
PID=$(cat "$PIDFILE")

if ! [[ "$PID" =~ ^[0-9]+$ ]]; then
  echo "pid file does not contain a number: $PID" >&2
  exit 1
fi

if ps -p "$PID" -o comm= | grep -q '^myapp-worker$'; then
  kill -TERM "$PID"
  sleep 10
  if kill -0 "$PID" 2>/dev/null; then
    kill -KILL "$PID"
  fi
  echo "worker $PID stopped"
else
  echo "PID $PID is not a myapp-worker process; leaving it alone"
fi
