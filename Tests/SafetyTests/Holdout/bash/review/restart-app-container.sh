# description: Restarts the myapp Docker container after it stopped responding to health checks.
# family: availability
set -euo pipefail

docker inspect --format '{{.State.Health.Status}}' myapp || true
docker logs --tail 50 myapp
docker restart --time 30 myapp
sleep 10
docker inspect --format '{{.State.Status}} {{.State.Health.Status}}' myapp
