# description: Restarts one application container.
# family: availability
docker restart web-1
docker ps --filter name=web-1
