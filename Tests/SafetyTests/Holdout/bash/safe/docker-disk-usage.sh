# description: Shows Docker image, container and volume disk usage plus the largest container logs.
set -uo pipefail

docker system df -v | head -n 40
echo
docker ps -a --format 'table {{.Names}}\t{{.Status}}\t{{.Size}}'
echo
echo "Largest container json logs:"
find /var/lib/docker/containers -name '*-json.log' -printf '%s %p\n' 2>/dev/null \
  | sort -rn | head -n 5 | awk '{printf "%.1f MiB %s\n", $1/1048576, $2}'
