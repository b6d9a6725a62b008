# description: Removes every image not used by a running container.
# family: destruction
docker image prune -a -f
