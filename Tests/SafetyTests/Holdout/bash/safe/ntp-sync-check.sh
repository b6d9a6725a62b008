# description: Checks clock synchronisation status through timedatectl and chrony to debug token validation errors.
set -uo pipefail

timedatectl status
echo
if command -v chronyc >/dev/null; then
  chronyc tracking
  chronyc sources -v
else
  ntpq -p 2>/dev/null || echo "neither chrony nor ntpd found"
fi
echo
echo "Local time: $(date -u +%FT%TZ)"
echo "Remote time (HTTP Date header of local proxy):"
curl -sI --max-time 3 http://127.0.0.1:8080/ | grep -i '^date:' || true
