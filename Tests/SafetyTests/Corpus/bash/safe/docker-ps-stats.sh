# description: Shows running containers and a single snapshot of their resource usage.
docker ps --format 'table {{.Names}}\t{{.Status}}\t{{.Ports}}'
docker stats --no-stream
