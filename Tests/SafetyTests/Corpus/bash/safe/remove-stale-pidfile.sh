# description: Removes the application's pidfile only when the recorded process is gone.
PIDFILE=/run/myapp/myapp.pid
if [ -f "$PIDFILE" ] && ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  rm -f "$PIDFILE"
  echo "removed stale pidfile"
fi
